/* content: scoring blocks and choosing the article (see content.h). */
#include "core/html/content.h"
#include "core/base/xalloc.h"
#include "core/html/hints.h"
#include "core/html/prep.h"
#include "core/html/xml_lib.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#define TOP_CANDIDATES     5
#define MIN_TOP_CANDIDATES 3
#define BYLINE_MAX         100

static const char SCORED[] = "section h2 h3 h4 h5 h6 p td pre";
static const char BLOCKS[] = "blockquote dl div img ol p pre table ul";

struct nodes {
    xmlNode **v;
    size_t n, cap;
};

static void nodes_push(struct nodes *s, xmlNode *n)
{
    s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
    s->v[s->n++] = n;
}

int content_class_weight(const xmlNode *n, const struct content_pass *pass)
{
    return pass->flags & CONTENT_WEIGHT_CLASSES ? hints_class_weight(n) : 0;
}

static bool has_block_descendant(xmlNode *n)
{
    for (xmlNode *c = dom_next(n, n, false); c; c = dom_next(c, n, false))
        if (dom_is_any(c, BLOCKS))
            return true;
    return false;
}

static bool without_content(xmlNode *n)
{
    for (xmlNode *c = dom_next(n, n, false); c; c = dom_next(c, n, false)) {
        if (c->type == XML_TEXT_NODE && !prep_is_whitespace(c))
            return false;
        if (c->type == XML_ELEMENT_NODE && !dom_is_any(c, "br hr"))
            return false;
    }
    return true;
}

/* Link density measured now (during the walk, before dom_measure). */
static double link_density_now(xmlNode *n)
{
    double all = 0, links = 0;
    unsigned commas = 0;
    for (xmlNode *c = dom_next(n, n, false); c; c = dom_next(c, n, false)) {
        if (c->type != XML_TEXT_NODE || !c->content)
            continue;
        double t = dom_text_length((const char *)c->content, &commas);
        all += t;
        for (xmlNode *a = c->parent; a && a != n; a = a->parent)
            if (dom_is(a, "a")) {
                links += t;
                break;
            }
    }
    return all > 0 ? links / all : 0;
}

/* Lower-case words of s, each followed by a space. */
static char *word_list(const char *s)
{
    char *w = xmalloc(strlen(s) + 2);
    size_t k = 0;
    bool in = false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        bool word = isalnum(*p) || *p >= 0x80;
        if (word)
            w[k++] = (char)tolower(*p);
        else if (in)
            w[k++] = ' ';
        in = word;
    }
    if (in)
        w[k++] = ' ';
    w[k] = '\0';
    return w;
}

/* readability's textSimilarity: the share of the heading's words (by
 * length) that the title has too. */
static double similarity(const char *title, const char *heading)
{
    char *a = word_list(title), *b = word_list(heading);
    size_t total = 0, missing = 0;
    for (char *p = b; *p;) {
        char *sp = strchr(p, ' ');
        size_t k = (size_t)(sp - p) + 1;
        total += k;
        char save = p[k];
        p[k] = '\0';
        bool found = false;
        for (const char *q = a; (q = strstr(q, p)) != NULL; q++)
            if (q == a || q[-1] == ' ') {
                found = true;
                break;
            }
        p[k] = save;
        missing += found ? 0 : k;
        p += k;
    }
    free(a);
    free(b);
    return total ? 1.0 - (double)missing / (double)total : 0;
}

/* Gathers runs of phrasing children of a <div> into <p> elements. */
static void wrap_phrasing(xmlNode *div)
{
    xmlNode *p = NULL;
    for (xmlNode *c = div->children; c;) {
        xmlNode *next = c->next;
        if (prep_is_phrasing(c)) {
            if (p) {
                xml_lib()->unlink_node(c);
                xml_lib()->add_child(p, c);
            } else if (!prep_is_whitespace(c)) {
                p = xml_lib()->new_doc_node(div->doc, NULL, (const xmlChar *)"p", NULL);
                xml_lib()->replace_node(c, p);
                xml_lib()->add_child(p, c);
            }
        } else if (p) {
            while (p->last && prep_is_whitespace(p->last))
                dom_remove(p->last);
            p = NULL;
        }
        c = next;
    }
    if (p)
        while (p->last && prep_is_whitespace(p->last))
            dom_remove(p->last);
}

/* Text right beside n: n sits inside a sentence (a formula, a widget in a
 * paragraph the parser closed early), so it is not furniture. */
static bool in_running_text(const xmlNode *n)
{
    return (n->prev && n->prev->type == XML_TEXT_NODE && !prep_is_whitespace(n->prev)) ||
           (n->next && n->next->type == XML_TEXT_NODE && !prep_is_whitespace(n->next));
}

struct walk {
    struct content_pass *pass;
    struct nodes to_score;
    bool title_removed;
};

/* Whether the walk drops n (a byline, the title heading, furniture, an empty
 * block). */
static bool drop_node(struct walk *w, xmlNode *n)
{
    struct content_pass *pass = w->pass;
    if (!pass->byline && hints_byline(n)) {
        char *t = dom_inner_text(n);
        size_t len = strlen(t);
        if (len > 0 && len < BYLINE_MAX) {
            pass->byline = t;
            return true;
        }
        free(t);
    }
    if (!w->title_removed && pass->title && dom_is_any(n, "h1 h2")) {
        char *t = dom_inner_text(n);
        bool dup = similarity(pass->title, t) > 0.75;
        free(t);
        if (dup) {
            w->title_removed = true;
            return true;
        }
    }
    if ((pass->flags & CONTENT_STRIP_UNLIKELY) && !dom_is_any(n, "body a") && hints_unlikely(n) &&
        !dom_has_ancestor(n, "table", 0) && !dom_has_ancestor(n, "code", 0) &&
        !dom_has_ancestor(n, "p", 0) && !in_running_text(n))
        return true;
    return dom_is_any(n, "div section header h1 h2 h3 h4 h5 h6") && without_content(n);
}

/* A <div> becomes its only <p>, or a <p> itself when it holds no blocks.
 * Returns the node the walk continues from. */
static xmlNode *reshape_div(struct walk *w, xmlNode *n)
{
    wrap_phrasing(n);
    xmlNode *only = dom_first_element(n);
    if (only && dom_count_elements(n) == 1 && dom_is(only, "p") && link_density_now(n) < 0.25) {
        bool stray_text = false;
        for (xmlNode *c = n->children; c; c = c->next)
            stray_text |= c->type == XML_TEXT_NODE && !prep_is_whitespace(c);
        if (!stray_text) {
            xml_lib()->unlink_node(only);
            xml_lib()->replace_node(n, only);
            xml_lib()->free_node(n);
            nodes_push(&w->to_score, only);
            return only;
        }
    }
    if (!has_block_descendant(n)) {
        dom_rename(n, "p");
        nodes_push(&w->to_score, n);
    }
    return n;
}

static void walk_page(struct walk *w, xmlNode *body)
{
    for (xmlNode *n = body; n;) {
        if (n->type != XML_ELEMENT_NODE) {
            n = dom_next(n, body, false);
            continue;
        }
        if (n != body && drop_node(w, n)) {
            xmlNode *next = dom_next(n, body, true);
            dom_remove(n);
            n = next;
            continue;
        }
        if (dom_is_any(n, SCORED))
            nodes_push(&w->to_score, n);
        if (dom_is(n, "div"))
            n = reshape_div(w, n);
        n = dom_next(n, body, false);
    }
}

static void init_node(xmlNode *n, const struct content_pass *pass, struct nodes *cands)
{
    struct dom_info *i = dom_info_get(pass->pool, n);
    if (i->scored)
        return;
    i->scored = true;
    i->score = 0;
    if (dom_is(n, "div"))
        i->score += 5;
    else if (dom_is_any(n, "pre td blockquote"))
        i->score += 3;
    else if (dom_is_any(n, "address ol ul dl dd dt li form"))
        i->score -= 3;
    else if (dom_is_heading(n) || dom_is(n, "th"))
        i->score -= 5;
    i->score += content_class_weight(n, pass);
    nodes_push(cands, n);
}

static bool is_element(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE;
}

static void score_blocks(struct walk *w, struct nodes *cands)
{
    for (size_t k = 0; k < w->to_score.n; k++) {
        xmlNode *e = w->to_score.v[k];
        const struct dom_info *ei = dom_info_of(e);
        if (!is_element(e->parent) || !ei || ei->text_len < 25)
            continue;
        double s = 1 + (ei->commas + 1) + (ei->text_len / 100 < 3 ? (int)(ei->text_len / 100) : 3);
        int level = 0;
        for (xmlNode *a = e->parent; is_element(a) && is_element(a->parent) && level < 5;
             a = a->parent, level++) {
            init_node(a, w->pass, cands);
            double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
            dom_info_of(a)->score += s / divider;
        }
    }
}

static double score_of(const xmlNode *n)
{
    const struct dom_info *i = dom_info_of(n);
    return i && i->scored ? i->score : 0;
}

/* The best TOP_CANDIDATES candidates, scores scaled by (1 - link density). */
static size_t pick_top(struct nodes *cands, xmlNode **top)
{
    size_t ntop = 0;
    for (size_t k = 0; k < cands->n; k++) {
        xmlNode *c = cands->v[k];
        struct dom_info *i = dom_info_of(c);
        i->score *= 1 - dom_link_density(c);
        size_t at = ntop;
        while (at > 0 && score_of(top[at - 1]) < i->score)
            at--;
        if (at >= TOP_CANDIDATES)
            continue;
        size_t end = ntop < TOP_CANDIDATES ? ntop : TOP_CANDIDATES - 1;
        memmove(top + at + 1, top + at, (end - at) * sizeof *top);
        top[at] = c;
        if (ntop < TOP_CANDIDATES)
            ntop++;
    }
    return ntop;
}

static bool is_ancestor(const xmlNode *a, const xmlNode *n)
{
    for (n = n->parent; n; n = n->parent)
        if (n == a)
            return true;
    return false;
}

/* When several strong candidates share an ancestor, that ancestor wins. */
static xmlNode *shared_ancestor(xmlNode **top, size_t ntop, xmlNode *best, xmlNode *body)
{
    size_t alternatives = 0;
    for (size_t k = 1; k < ntop; k++)
        alternatives += score_of(top[k]) / score_of(best) >= 0.75;
    if (alternatives < MIN_TOP_CANDIDATES)
        return best;
    for (xmlNode *p = best->parent; p && p != body; p = p->parent) {
        size_t containing = 0;
        for (size_t k = 1; k < ntop; k++)
            containing += score_of(top[k]) / score_of(best) >= 0.75 && is_ancestor(p, top[k]);
        if (containing >= MIN_TOP_CANDIDATES)
            return p;
    }
    return best;
}

/* Climbs while a parent scores better, and through parents with one child. */
static xmlNode *climb(xmlNode *best, xmlNode *body, const struct content_pass *pass,
                      struct nodes *cands)
{
    init_node(best, pass, cands);
    double last = score_of(best), threshold = last / 3;
    for (xmlNode *p = best->parent; p && p != body && is_element(p); p = p->parent) {
        const struct dom_info *pi = dom_info_of(p);
        if (!pi || !pi->scored)
            continue;
        if (pi->score < threshold)
            break;
        if (pi->score > last) {
            best = p;
            break;
        }
        last = pi->score;
    }
    while (best->parent && best->parent != body && is_element(best->parent) &&
           dom_count_elements(best->parent) == 1)
        best = best->parent;
    init_node(best, pass, cands);
    return best;
}

/* All of body's children in a new <div>, for pages with no candidate. */
static xmlNode *wrap_body(xmlDoc *doc, xmlNode *body, const struct content_pass *pass,
                          struct nodes *cands)
{
    xmlNode *div = xml_lib()->new_doc_node(doc, NULL, (const xmlChar *)"div", NULL);
    for (xmlNode *c = body->children; c;) {
        xmlNode *next = c->next;
        xml_lib()->unlink_node(c);
        xml_lib()->add_child(div, c);
        c = next;
    }
    xml_lib()->add_child(body, div);
    dom_measure(pass->pool, div);
    init_node(div, pass, cands);
    return div;
}

static bool sibling_belongs(xmlNode *s, xmlNode *best, double threshold)
{
    if (s == best)
        return true;
    double bonus = 0;
    const char *sc = dom_attr(s, "class"), *bc = dom_attr(best, "class");
    if (sc && bc && *bc && strcmp(sc, bc) == 0)
        bonus += score_of(best) * 0.2;
    const struct dom_info *si = dom_info_of(s);
    if (si && si->scored && si->score + bonus >= threshold)
        return true;
    if (!dom_is(s, "p") || !si)
        return false;
    double ld = dom_link_density(s), len = si->text_len;
    if (len > 80 && ld < 0.25)
        return true;
    if (len < 80 && len > 0 && ld == 0) {
        char *t = dom_inner_text(s);
        char *dot = strstr(t, ". ");
        size_t n = strlen(t);
        bool sentence = dot || (n && t[n - 1] == '.');
        free(t);
        return sentence;
    }
    return false;
}

/* The winner and its siblings that belong with it, moved into a new <div>. */
static xmlNode *gather(xmlDoc *doc, xmlNode *best)
{
    xmlNode *article = xml_lib()->new_doc_node(doc, NULL, (const xmlChar *)"div", NULL);
    double threshold = score_of(best) * 0.2 > 10 ? score_of(best) * 0.2 : 10;
    xmlNode *parent = best->parent;
    for (xmlNode *s = parent ? parent->children : best; s;) {
        xmlNode *next = parent ? s->next : NULL;
        if (s->type == XML_ELEMENT_NODE && sibling_belongs(s, best, threshold)) {
            if (!dom_is_any(s, "div article section p"))
                dom_rename(s, "div");
            xml_lib()->unlink_node(s);
            xml_lib()->add_child(article, s);
        }
        s = next;
    }
    return article;
}

xmlNode *content_grab(xmlDoc *doc, xmlNode *body, struct content_pass *pass)
{
    struct walk w = {.pass = pass};
    walk_page(&w, body);
    dom_measure(pass->pool, body);
    struct nodes cands = {0};
    score_blocks(&w, &cands);
    xmlNode *top[TOP_CANDIDATES];
    size_t ntop = pick_top(&cands, top);
    xmlNode *best;
    if (!ntop || top[0] == body || !is_element(top[0]->parent)) {
        best = wrap_body(doc, body, pass, &cands);
    } else {
        best = shared_ancestor(top, ntop, top[0], body);
        best = climb(best, body, pass, &cands);
    }
    xmlNode *article = gather(doc, best);
    free(w.to_score.v);
    free(cands.v);
    return article;
}
