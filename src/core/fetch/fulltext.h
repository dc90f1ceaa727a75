/* fulltext: an item's page turned into its main text, through the web page
 * extraction of core/html (html_extract), for feeds that carry only a
 * summary. */
#ifndef TOUCHLINE_FETCH_FULLTEXT_H
#define TOUCHLINE_FETCH_FULLTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/buf.h"
#include "core/base/error.h"

/* Items whose text is at most this many bytes count as a summary (auto). */
#define FULLTEXT_SHORT 500

/* The main text of a page (bytes as fetched from url, with the HTTP
 * Content-Type, which may be NULL) appended to text. False with err set
 * when the page has none or cannot be read. */
bool fulltext_extract(const char *bytes, size_t len, const char *url, const char *content_type,
                      struct buf *text, struct tl_error *err);

#endif
