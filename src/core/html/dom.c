/* dom: tag and attribute tests, walks and per-node figures (see dom.h). */
#include "core/html/dom.h"
#include "core/base/buf.h"
#include "core/base/xalloc.h"
#include "core/html/xml_lib.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* dom_info structs are handed out from blocks of this many. */
#define POOL_BLOCK 1024
/* Ancestors updated when a node is taken out (libxml2 stops at 256 levels). */
#define UNMEASURE_DEPTH 300

struct pool_block {
    size_t used;
    struct dom_info v[POOL_BLOCK];
};

void dom_pool_free(struct dom_pool *pool)
{
    for (size_t i = 0; i < pool->nblocks; i++)
        free(pool->blocks[i]);
    free(pool->blocks);
    memset(pool, 0, sizeof *pool);
}

static struct dom_info *pool_alloc(struct dom_pool *pool)
{
    struct pool_block *b =
        pool->nblocks ? (struct pool_block *)pool->blocks[pool->nblocks - 1] : NULL;
    if (!b || b->used == POOL_BLOCK) {
        b = xcalloc(1, sizeof *b);
        pool->blocks = xgrow(pool->blocks, &pool->cap, pool->nblocks + 1, sizeof *pool->blocks);
        pool->blocks[pool->nblocks++] = (struct dom_info *)b;
    }
    return &b->v[b->used++];
}

xmlNode *dom_next(xmlNode *n, const xmlNode *root, bool skip_children)
{
    if (!skip_children && n->type == XML_ELEMENT_NODE && n->children)
        return n->children;
    while (n && n != root) {
        if (n->next)
            return n->next;
        n = n->parent;
    }
    return NULL;
}

xmlNode *dom_next_element(xmlNode *n)
{
    for (n = n->next; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            return n;
    return NULL;
}

xmlNode *dom_first_element(xmlNode *n)
{
    for (n = n->children; n; n = n->next)
        if (n->type == XML_ELEMENT_NODE)
            return n;
    return NULL;
}

size_t dom_count_elements(const xmlNode *n)
{
    size_t k = 0;
    for (const xmlNode *c = n->children; c; c = c->next)
        k += c->type == XML_ELEMENT_NODE;
    return k;
}

bool dom_is(const xmlNode *n, const char *tag)
{
    return n && n->type == XML_ELEMENT_NODE && n->name &&
           strcasecmp((const char *)n->name, tag) == 0;
}

bool dom_is_any(const xmlNode *n, const char *list)
{
    if (!n || n->type != XML_ELEMENT_NODE || !n->name)
        return false;
    size_t len = strlen((const char *)n->name);
    for (const char *p = list; *p;) {
        const char *sp = strchr(p, ' ');
        size_t k = sp ? (size_t)(sp - p) : strlen(p);
        if (k == len && strncasecmp(p, (const char *)n->name, k) == 0)
            return true;
        p += k + (sp != NULL);
    }
    return false;
}

bool dom_is_heading(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && (n->name[0] | 0x20) == 'h' &&
           n->name[1] >= '1' && n->name[1] <= '6' && !n->name[2];
}

const char *dom_attr(const xmlNode *n, const char *name)
{
    if (!n || n->type != XML_ELEMENT_NODE)
        return NULL;
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (a->name && strcasecmp((const char *)a->name, name) == 0) {
            if (a->children && a->children->content)
                return (const char *)a->children->content;
            return "";
        }
    }
    return NULL;
}

bool dom_has_ancestor(const xmlNode *n, const char *tag, int max_depth)
{
    int depth = 0;
    for (n = n->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
        if (max_depth > 0 && depth++ >= max_depth)
            return false;
        if (dom_is(n, tag))
            return true;
    }
    return false;
}

void dom_remove(xmlNode *n)
{
    xml_lib()->unlink_node(n);
    xml_lib()->free_node(n);
}

static unsigned tag_bits(const xmlNode *n);

void dom_rename(xmlNode *n, const char *tag)
{
    xml_lib()->node_set_name(n, (const xmlChar *)tag);
    if (n->_private)
        ((struct dom_info *)n->_private)->tags = tag_bits(n);
}

struct dom_info *dom_info_of(const xmlNode *n)
{
    return n && n->type == XML_ELEMENT_NODE ? n->_private : NULL;
}

struct dom_info *dom_info_get(struct dom_pool *pool, xmlNode *n)
{
    if (!n->_private) {
        struct dom_info *i = pool_alloc(pool);
        i->tags = tag_bits(n);
        n->_private = i;
    }
    return n->_private;
}

static bool is_space(unsigned char c)
{
    return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
}

double dom_text_length(const char *s, unsigned *commas)
{
    double len = 0;
    bool space = false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (is_space(*p)) {
            len += !space;
            space = true;
            continue;
        }
        space = false;
        if ((*p & 0xC0) != 0x80)
            len++;
        if (*p == ',' || (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C) ||
            (p[0] == 0xD8 && p[1] == 0x8C))
            (*commas)++;
    }
    return len;
}

static unsigned tag_bits(const xmlNode *n)
{
    unsigned b = 0;
    b |= dom_is(n, "a") ? DOM_TAG_A : 0;
    b |= dom_is_any(n, "ul ol") ? DOM_TAG_LIST : 0;
    b |= dom_is_heading(n) ? DOM_TAG_HEADING : 0;
    b |= dom_is_any(n, "span li td blockquote dl div img ol p pre table ul") ? DOM_TAG_TEXTISH : 0;
    b |= dom_is(n, "p") ? DOM_TAG_P : 0;
    b |= dom_is(n, "img") ? DOM_TAG_IMG : 0;
    b |= dom_is(n, "li") ? DOM_TAG_LI : 0;
    b |= dom_is(n, "input") ? DOM_TAG_INPUT : 0;
    b |= dom_is_any(n, "object embed iframe") ? DOM_TAG_EMBED : 0;
    return b;
}

/* What a finished child adds to its parent's figures. */
static void add_child(struct dom_info *pi, const xmlNode *c, const struct dom_info *ci)
{
    double t = ci->text_len;
    unsigned k = ci->tags;
    pi->text_len += t;
    pi->commas += ci->commas;
    if (k & DOM_TAG_A) {
        const char *href = dom_attr(c, "href");
        pi->link_len += href && href[0] == '#' ? t * 0.3 : t;
    } else {
        pi->link_len += ci->link_len;
    }
    pi->list_len += k & DOM_TAG_LIST ? t : ci->list_len;
    pi->head_len += k & DOM_TAG_HEADING ? t : ci->head_len;
    pi->textish_len += k & DOM_TAG_TEXTISH ? t : ci->textish_len;
    pi->np += ci->np + !!(k & DOM_TAG_P);
    pi->nimg += ci->nimg + !!(k & DOM_TAG_IMG);
    pi->nli += ci->nli + !!(k & DOM_TAG_LI);
    pi->ninput += ci->ninput + !!(k & DOM_TAG_INPUT);
    pi->nembed += ci->nembed + !!(k & DOM_TAG_EMBED);
    pi->ndata += ci->ndata + ci->data_table;
}

static void reset_figures(struct dom_info *i)
{
    bool scored = i->scored, data = i->data_table;
    double score = i->score;
    unsigned tags = i->tags;
    memset(i, 0, sizeof *i);
    i->tags = tags;
    i->scored = scored;
    i->data_table = data;
    i->score = score;
}

/* A node is finished: its figures go to its parent. */
static void measure_leave(xmlNode *n, const xmlNode *root)
{
    if (n == root || !n->parent || n->parent->type != XML_ELEMENT_NODE)
        return;
    struct dom_info *pi = n->parent->_private;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            pi->text_len += dom_text_length((const char *)n->content, &pi->commas);
    } else if (n->type == XML_ELEMENT_NODE) {
        add_child(pi, n, n->_private);
    }
}

void dom_measure(struct dom_pool *pool, xmlNode *root)
{
    xmlNode *n = root;
    while (n) {
        if (n->type == XML_ELEMENT_NODE) {
            reset_figures(dom_info_get(pool, n));
            if (n->children) {
                n = n->children;
                continue;
            }
        }
        for (;;) {
            measure_leave(n, root);
            if (n == root)
                return;
            if (n->next) {
                n = n->next;
                break;
            }
            n = n->parent;
        }
    }
}

void dom_unmeasure(xmlNode *n)
{
    const struct dom_info *ni = dom_info_of(n);
    if (!ni)
        return;
    struct dom_info d;
    memset(&d, 0, sizeof d);
    add_child(&d, n, ni);
    int depth = 0;
    for (xmlNode *a = n->parent; a && depth < UNMEASURE_DEPTH; a = a->parent, depth++) {
        struct dom_info *ai = dom_info_of(a);
        if (!ai)
            break;
        ai->text_len -= d.text_len;
        ai->link_len -= d.link_len;
        ai->list_len -= d.list_len;
        ai->head_len -= d.head_len;
        ai->textish_len -= d.textish_len;
        ai->commas -= ai->commas >= d.commas ? d.commas : ai->commas;
        ai->np -= ai->np >= d.np ? d.np : ai->np;
        ai->nimg -= ai->nimg >= d.nimg ? d.nimg : ai->nimg;
        ai->nli -= ai->nli >= d.nli ? d.nli : ai->nli;
        ai->ninput -= ai->ninput >= d.ninput ? d.ninput : ai->ninput;
        ai->nembed -= ai->nembed >= d.nembed ? d.nembed : ai->nembed;
        ai->ndata -= ai->ndata >= d.ndata ? d.ndata : ai->ndata;
    }
}

double dom_link_density(const xmlNode *n)
{
    const struct dom_info *i = dom_info_of(n);
    if (!i || i->text_len <= 0)
        return 0;
    return i->link_len / i->text_len;
}

char *dom_inner_text(const xmlNode *root)
{
    struct buf b;
    buf_init(&b);
    bool space = true;
    for (xmlNode *n = (xmlNode *)root; n; n = dom_next(n, root, false)) {
        if (n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE)
            continue;
        for (const unsigned char *p = n->content; p && *p; p++) {
            if (is_space(*p)) {
                if (!space)
                    buf_putc(&b, ' ');
                space = true;
            } else {
                buf_putc(&b, (char)*p);
                space = false;
            }
        }
    }
    if (b.len && b.data[b.len - 1] == ' ')
        b.data[--b.len] = '\0';
    return buf_detach(&b, NULL);
}
