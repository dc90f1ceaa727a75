/* jsonld: what a page's JSON-LD (schema.org) says about its article:
 * headline, datePublished, author and publisher names, articleBody. A
 * tolerant scanner, not a JSON library: it only picks string values by key. */
#ifndef TOUCHLINE_HTML_JSONLD_H
#define TOUCHLINE_HTML_JSONLD_H

#include <stddef.h>

struct jsonld {
    char *headline, *date, *author, *publisher; /* first seen, or NULL */
    char *body;                                 /* the longest articleBody, or NULL */
};

/* Adds what one <script type="application/ld+json"> block holds. */
void jsonld_scan(const char *json, size_t len, struct jsonld *out);
void jsonld_free(struct jsonld *j);

#endif
