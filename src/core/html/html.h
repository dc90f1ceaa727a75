/* html: a web page's metadata and main text, as a reader view shows it. The
 * one entry point that the loader (saved pages) and fetch (summary-only feed
 * items) share; it knows nothing of where the bytes came from. */
#ifndef TOUCHLINE_HTML_H
#define TOUCHLINE_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/error.h"

/* Pages bigger than this are refused (a clear problem, never a partial read). */
#define HTML_MAX_BYTES (50u * 1024u * 1024u)

struct html_page {
    char *title;         /* og:title, the article's <h1> or <title>, site tail removed; or NULL */
    char *date;          /* as published (ISO 8601 when the page gives it), or NULL */
    char *author;        /* meta author or the byline, or NULL */
    char *site_name;     /* og:site_name, or NULL */
    char *canonical_url; /* <link rel=canonical> or og:url, resolved against base_url; or NULL */
    char *text;          /* main text: valid UTF-8, paragraphs separated by one blank line */
    size_t text_len;
};

/* Reads HTML bytes and fills `out` with the metadata and the main text.
 * `base_url` (may be NULL) resolves relative links; `charset` (may be NULL)
 * is the HTTP header's and wins over <meta charset>, http-equiv and a BOM;
 * the default is UTF-8 with invalid bytes replaced. Never touches the
 * network or the file system. Returns false with `err` set (for example a
 * page over HTML_MAX_BYTES); `out` then holds nothing to free. */
bool html_extract(const char *bytes, size_t len, const char *base_url, const char *charset,
                  struct html_page *out, struct tl_error *err);
/* Frees what html_extract filled in and zeroes `p`. */
void html_page_free(struct html_page *p);
/* Whether bytes look like an HTML document (by content, not by name). */
bool html_sniff(const char *bytes, size_t len);

#endif
