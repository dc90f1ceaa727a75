/* dom: the small toolkit the extractor uses on libxml2's tree: tag and
 * attribute tests, a walk in document order that never recurses, and the
 * per-node figures (text length, link text, commas, counts of paragraphs,
 * images, list items...) kept in each node's _private slot. */
#ifndef TOUCHLINE_HTML_DOM_H
#define TOUCHLINE_HTML_DOM_H

#include <libxml/tree.h>
#include <stdbool.h>
#include <stddef.h>

/* What the extractor knows about one element. Scores persist; the figures
 * are recomputed by dom_measure before each phase that reads them. */
struct dom_info {
    bool scored;        /* given a content score (a candidate) */
    bool data_table;    /* a <table> of data, not of layout */
    unsigned tags;      /* DOM_TAG_* bits of the element name */
    double score;       /* readability content score */
    double text_len;    /* characters of text, white space runs counted once */
    double link_len;    /* of which inside links ("#" links count 0.3) */
    double list_len;    /* inside <ul>/<ol> below this node */
    double head_len;    /* inside <h1>..<h6> below this node */
    double textish_len; /* inside span, li, td, p, div... below this node */
    unsigned commas;
    unsigned np, nimg, nli, ninput, nembed, ndata;
};

/* What an element's name is, as bits (computed once per node). */
enum {
    DOM_TAG_A = 1 << 0,
    DOM_TAG_LIST = 1 << 1,    /* ul ol */
    DOM_TAG_HEADING = 1 << 2, /* h1..h6 */
    DOM_TAG_TEXTISH = 1 << 3, /* span li td blockquote dl div img ol p pre table ul */
    DOM_TAG_P = 1 << 4,
    DOM_TAG_IMG = 1 << 5,
    DOM_TAG_LI = 1 << 6,
    DOM_TAG_INPUT = 1 << 7,
    DOM_TAG_EMBED = 1 << 8 /* object embed iframe */
};

/* A pool of dom_info blocks owned by one extraction (freed all at once). */
struct dom_pool {
    struct dom_info **blocks;
    size_t nblocks, cap;
};

void dom_pool_free(struct dom_pool *pool);

/* The node after n in document order below root (NULL at the end); with
 * skip_children, n's subtree is stepped over. Never recurses. */
xmlNode *dom_next(xmlNode *n, const xmlNode *root, bool skip_children);
/* The next element sibling of n, or NULL. */
xmlNode *dom_next_element(xmlNode *n);
/* The first element child of n, or NULL. */
xmlNode *dom_first_element(xmlNode *n);
/* Number of element children. */
size_t dom_count_elements(const xmlNode *n);
bool dom_is(const xmlNode *n, const char *tag);
/* n is an element whose name is one of the space-separated names of list. */
bool dom_is_any(const xmlNode *n, const char *list);
bool dom_is_heading(const xmlNode *n);
/* An attribute's value (entities decoded), or NULL when absent. */
const char *dom_attr(const xmlNode *n, const char *name);
/* Whether an ancestor within max_depth levels (0: any) is a `tag`. */
bool dom_has_ancestor(const xmlNode *n, const char *tag, int max_depth);
/* Unlinks and frees n with its subtree. */
void dom_remove(xmlNode *n);
/* Renames an element (p -> div and the like). */
void dom_rename(xmlNode *n, const char *tag);

/* The node's info, or NULL when it has none yet. */
struct dom_info *dom_info_of(const xmlNode *n);
/* The node's info, created (zeroed) when missing. */
struct dom_info *dom_info_get(struct dom_pool *pool, xmlNode *n);
/* Recomputes the figures of every element below (and including) root. */
void dom_measure(struct dom_pool *pool, xmlNode *root);
/* Subtracts a node's figures from its ancestors (before removing it). */
void dom_unmeasure(xmlNode *n);
double dom_link_density(const xmlNode *n);
/* Characters of normalised text of a text node's content. */
double dom_text_length(const char *s, unsigned *commas);
/* The node's text, white space collapsed and trimmed (caller frees). */
char *dom_inner_text(const xmlNode *n);

#endif
