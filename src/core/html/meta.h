/* meta: a page's metadata: title (og:title, JSON-LD headline, the <h1> or
 * <title>, with a " | Site" tail removed), date (article:published_time,
 * <time datetime>, JSON-LD datePublished), author (meta tags, JSON-LD),
 * site name (og:site_name), canonical URL, and JSON-LD's articleBody. */
#ifndef TOUCHLINE_HTML_META_H
#define TOUCHLINE_HTML_META_H

#include <libxml/tree.h>

#include "core/html/jsonld.h"

struct meta {
    char *title, *date, *author, *site, *canonical; /* chosen values, or NULL */
    struct jsonld ld;                               /* ld.body: the JSON-LD article text */
};

/* Reads the metadata of a freshly parsed page (before scripts are removed). */
void meta_read(xmlDoc *doc, const char *base_url, struct meta *m);
/* Removes a site tail (" | Site", " - Site") from a title, in place. */
void meta_strip_site_tail(char *title, const char *site);
void meta_free(struct meta *m);

#endif
