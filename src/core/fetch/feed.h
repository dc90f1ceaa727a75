/* feed: a fetched feed as fetch uses it (RSS 0.9x/2.0, RSS 1.0 RDF, Atom
 * 1.0): its title and link, and each item's title, link, guid, date, author
 * and text. HTML content comes out as clean text, links are absolute. */
#ifndef TOUCHLINE_FETCH_FEED_H
#define TOUCHLINE_FETCH_FEED_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/buf.h"
#include "core/base/error.h"

/* Items beyond this many in one feed are not read. */
#define FEED_MAX_ITEMS 10000

struct feed_item {
    char *title;  /* one line, or NULL */
    char *link;   /* absolute http(s) URL, or NULL */
    char *guid;   /* RSS guid, RDF rdf:about, Atom id; or NULL */
    char *date;   /* ISO 8601 in UTC ("2022-12-05T10:00:00Z"), or NULL */
    char *author; /* or NULL */
    char *text;   /* the item's content as text, paragraphs separated by a blank line; never NULL */
};

enum feed_kind { FEED_RSS, FEED_RDF, FEED_ATOM };

struct feed {
    enum feed_kind kind;
    char *title; /* or NULL */
    char *link;  /* the site, or NULL */
    struct feed_item *items;
    size_t nitems, cap;
    /* The first XML error of a document read anyway (recovered), or "". */
    char warning[300];
};

/* Parses a feed. `base_url` is the URL it came from (after redirects), used
 * to resolve relative links. Fails with err set to "XML error at line L,
 * column C: what" or "not a feed (root element <x>)". */
bool feed_parse(const char *bytes, size_t len, const char *base_url, struct feed *out,
                struct tl_error *err);
void feed_free(struct feed *f);

/* feed_text.c: HTML (a fragment, as feeds carry it) to clean text: block
 * elements become paragraphs, scripts and styles are dropped, white space
 * is collapsed. Appends to out. */
void feed_html_to_text(const char *html, size_t len, struct buf *out);
/* The same for an XHTML subtree (Atom type="xhtml"), already parsed. */
struct _xmlNode;
void feed_xhtml_to_text(const struct _xmlNode *n, struct buf *out);

/* feed_date.c: an RFC 822 (RSS) or ISO 8601 / RFC 3339 (Atom, dc:date) date
 * as "YYYY-MM-DDTHH:MM:SSZ" in UTC (out: 21 bytes). False when unreadable. */
bool feed_date_iso(const char *s, char out[21]);

#endif
