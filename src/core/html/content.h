/* content: readability's main-content search. Every paragraph-like block is
 * scored (text length, commas) and its score handed to its ancestors; class
 * and id hints weigh in, link density takes off; the best candidate and the
 * siblings that belong with it become the article. */
#ifndef TOUCHLINE_HTML_CONTENT_H
#define TOUCHLINE_HTML_CONTENT_H

#include <libxml/tree.h>

#include "core/html/dom.h"

/* What a pass may do; a page whose article comes out short is tried again
 * with fewer of them. */
enum {
    CONTENT_STRIP_UNLIKELY = 1,   /* drop nodes whose class/id read as furniture */
    CONTENT_WEIGHT_CLASSES = 2,   /* class/id hints change scores */
    CONTENT_CLEAN_CONDITIONAL = 4 /* drop link-heavy, list-heavy blocks from the result */
};

struct content_pass {
    int flags;
    const char *title; /* the page's title, to drop a heading repeating it; may be NULL */
    char *byline;      /* set when a byline node was found (caller frees) */
    struct dom_pool *pool;
};

/* Finds the article below body. Returns a new <div> (not in the tree,
 * caller frees with xmlFreeNode) holding it; the page is changed. */
xmlNode *content_grab(xmlDoc *doc, xmlNode *body, struct content_pass *pass);
/* The class weight when the pass weighs classes, else 0. */
int content_class_weight(const xmlNode *n, const struct content_pass *pass);

#endif
