/* clean: readability's prepArticle on the chosen article (see clean.h). */
#include "core/html/clean.h"
#include "core/base/xalloc.h"
#include "core/html/hints.h"

#include <stdlib.h>
#include <string.h>

#define SHARE_TEXT_MAX 500

/* Rows and columns of a table (rowspan/colspan counted). */
static void table_size(xmlNode *table, size_t *rows, size_t *cols)
{
    *rows = *cols = 0;
    for (xmlNode *tr = table; tr; tr = dom_next(tr, table, false)) {
        if (!dom_is(tr, "tr"))
            continue;
        const char *rs = dom_attr(tr, "rowspan");
        *rows += rs && atoi(rs) > 0 ? (size_t)atoi(rs) : 1;
        size_t c = 0;
        for (xmlNode *td = tr->children; td; td = td->next) {
            if (!dom_is_any(td, "td th"))
                continue;
            const char *cs = dom_attr(td, "colspan");
            c += cs && atoi(cs) > 0 && atoi(cs) < 1000 ? (size_t)atoi(cs) : 1;
        }
        if (c > *cols)
            *cols = c;
    }
}

static bool has_descendant(xmlNode *n, const char *tags)
{
    for (xmlNode *c = dom_next(n, n, false); c; c = dom_next(c, n, false))
        if (dom_is_any(c, tags))
            return true;
    return false;
}

static bool is_data_table(xmlNode *t)
{
    const char *role = dom_attr(t, "role"), *dt = dom_attr(t, "datatable");
    if ((role && !strcmp(role, "presentation")) || (dt && !strcmp(dt, "0")))
        return false;
    if (dom_attr(t, "summary"))
        return true;
    for (xmlNode *c = t->children; c; c = c->next)
        if (dom_is(c, "caption") && c->children)
            return true;
    if (has_descendant(t, "col colgroup tfoot thead th"))
        return true;
    if (has_descendant(t, "table"))
        return false;
    size_t rows, cols;
    table_size(t, &rows, &cols);
    if (rows == 1 || cols == 1)
        return false;
    return rows >= 10 || cols > 4 || rows * cols > 10;
}

static void mark_data_tables(xmlNode *article, const struct content_pass *pass)
{
    for (xmlNode *n = article; n; n = dom_next(n, article, false))
        if (dom_is(n, "table"))
            dom_info_get(pass->pool, n)->data_table = is_data_table(n);
}

static bool in_data_table(const xmlNode *n)
{
    for (n = n->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
        const struct dom_info *i = dom_info_of(n);
        if (dom_is(n, "table") && i && i->data_table)
            return true;
    }
    return false;
}

/* readability's cleanConditionally verdict for one node. */
static bool should_remove(xmlNode *n, const char *tag, const struct content_pass *pass)
{
    const struct dom_info *i = dom_info_of(n);
    if (!i)
        return false;
    bool is_list = !strcmp(tag, "ul") || !strcmp(tag, "ol");
    if (!is_list && i->text_len > 0)
        is_list = i->list_len / i->text_len > 0.9;
    if ((!strcmp(tag, "table") && i->data_table) || in_data_table(n) ||
        dom_has_ancestor(n, "code", 0) || i->ndata)
        return false;
    int weight = content_class_weight(n, pass);
    if (weight < 0)
        return true;
    if (i->commas >= 10)
        return false;
    double p = i->np, img = i->nimg, li = (double)i->nli - 100, input = i->ninput;
    double len = i->text_len, ld = dom_link_density(n);
    double head = len > 0 ? i->head_len / len : 0, textish = len > 0 ? i->textish_len / len : 0;
    bool figure = dom_has_ancestor(n, "figure", 0);
    bool remove =
        (!figure && img > 1 && p / img < 0.5) || (!is_list && li > p) ||
        (input > (double)(i->np / 3)) ||
        (!is_list && !figure && head < 0.9 && len < 25 && (img == 0 || img > 2) && ld > 0) ||
        (!is_list && weight < 25 && ld > 0.2) || (weight >= 25 && ld > 0.5) ||
        (i->nembed == 1 && len < 75) || i->nembed > 1 || (img == 0 && textish == 0);
    if (is_list && remove) {
        for (xmlNode *c = dom_first_element(n); c; c = dom_next_element(c))
            if (dom_count_elements(c) > 1)
                return remove;
        if (i->nimg == i->nli)
            return false;
    }
    return remove;
}

/* The nodes of a tag below root, in document order. */
static xmlNode **collect(xmlNode *root, const char *tags, size_t *count)
{
    xmlNode **v = NULL;
    size_t n = 0, cap = 0;
    for (xmlNode *c = dom_next(root, root, false); c; c = dom_next(c, root, false))
        if (dom_is_any(c, tags)) {
            v = xgrow(v, &cap, n + 1, sizeof *v);
            v[n++] = c;
        }
    *count = n;
    return v;
}

/* Last to first, so that inner nodes are judged (and maybe removed) before
 * the outer ones, never after; a removed node's figures are taken off its
 * ancestors first. */
static void clean_conditionally(xmlNode *article, const char *tag, const struct content_pass *pass)
{
    if (!(pass->flags & CONTENT_CLEAN_CONDITIONAL))
        return;
    dom_measure(pass->pool, article);
    size_t count;
    xmlNode **v = collect(article, tag, &count);
    for (size_t k = count; k-- > 0;) {
        if (should_remove(v[k], tag, pass)) {
            dom_unmeasure(v[k]);
            dom_remove(v[k]);
        }
    }
    free(v);
}

static void clean_tags(xmlNode *article, const char *tags)
{
    for (xmlNode *n = dom_next(article, article, false); n;) {
        if (dom_is_any(n, tags)) {
            xmlNode *next = dom_next(n, article, true);
            dom_remove(n);
            n = next;
        } else {
            n = dom_next(n, article, false);
        }
    }
}

/* Share boxes, headings that read negative, and paragraphs with nothing. */
static void clean_small(xmlNode *article, const struct content_pass *pass)
{
    dom_measure(pass->pool, article);
    for (xmlNode *n = dom_next(article, article, false); n;) {
        const struct dom_info *i = dom_info_of(n);
        bool drop = false;
        if (n->type == XML_ELEMENT_NODE && n->parent != article && hints_share(n) && i &&
            i->text_len < SHARE_TEXT_MAX)
            drop = true;
        else if (dom_is_any(n, "h1 h2") && content_class_weight(n, pass) < 0)
            drop = true;
        if (drop) {
            xmlNode *next = dom_next(n, article, true);
            dom_remove(n);
            n = next;
        } else {
            n = dom_next(n, article, false);
        }
    }
}

static void drop_empty_paragraphs(xmlNode *article, const struct content_pass *pass)
{
    dom_measure(pass->pool, article);
    size_t count;
    xmlNode **v = collect(article, "p", &count);
    for (size_t k = count; k-- > 0;) {
        const struct dom_info *i = dom_info_of(v[k]);
        if (i && i->text_len == 0 && i->nimg == 0 && i->nembed == 0 &&
            !has_descendant(v[k], "img embed object iframe"))
            dom_remove(v[k]);
    }
    free(v);
}

void clean_article(xmlNode *article, const struct content_pass *pass)
{
    mark_data_tables(article, pass);
    clean_conditionally(article, "form", pass);
    clean_conditionally(article, "fieldset", pass);
    clean_tags(article, "object embed footer link aside iframe input textarea select button");
    clean_small(article, pass);
    clean_conditionally(article, "table", pass);
    clean_conditionally(article, "ul", pass);
    clean_conditionally(article, "div", pass);
    drop_empty_paragraphs(article, pass);
}
