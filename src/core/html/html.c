/* html: html_extract, the one entry point: bytes to UTF-8, libxml2's
 * recovering HTML parser, metadata, then readability's passes, each less
 * strict than the last, until one gives an article of a reasonable size. */
#include "core/html/html.h"
#include "core/base/buf.h"
#include "core/base/xalloc.h"
#include "core/html/charset.h"
#include "core/html/clean.h"
#include "core/html/content.h"
#include "core/html/meta.h"
#include "core/html/prep.h"
#include "core/html/render.h"
#include "core/html/xml_lib.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* An article shorter than this (in bytes of text) is tried again with
 * fewer rules (readability's charThreshold). */
#define ARTICLE_MIN_TEXT 500
/* JSON-LD's articleBody wins when the page's own article text is shorter
 * than this fraction of it. */
#define JSONLD_BETTER 0.6

static const int PASSES[] = {
    CONTENT_STRIP_UNLIKELY | CONTENT_WEIGHT_CLASSES | CONTENT_CLEAN_CONDITIONAL,
    CONTENT_WEIGHT_CLASSES | CONTENT_CLEAN_CONDITIONAL, CONTENT_CLEAN_CONDITIONAL, 0};

static htmlDocPtr parse(const struct buf *utf8)
{
    int opts = HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
               HTML_PARSE_IGNORE_ENC | HTML_PARSE_COMPACT;
    return xml_lib()->html_read_memory(utf8->data, (int)utf8->len, NULL, "UTF-8", opts);
}

static xmlNode *find_body(xmlDoc *doc)
{
    xmlNode *root = xml_lib()->doc_get_root_element(doc);
    if (!root)
        return NULL;
    for (xmlNode *c = root->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "body"))
            return c;
    return root;
}

/* One readability pass over a parse (doc, freed here): the article's text
 * into out. */
static void run_pass(htmlDocPtr doc, int flags, const char *title, char **byline, struct buf *out)
{
    if (!doc)
        return;
    xmlNode *root = xml_lib()->doc_get_root_element(doc);
    if (root) {
        prep_document(root);
        xmlNode *body = find_body(doc);
        struct dom_pool pool = {0};
        struct content_pass pass = {.flags = flags, .title = title, .pool = &pool};
        xmlNode *article = content_grab(doc, body, &pass);
        clean_article(article, &pass);
        render_text(article, out);
        xml_lib()->free_node(article);
        dom_pool_free(&pool);
        if (!*byline)
            *byline = pass.byline;
        else
            free(pass.byline);
    }
    xml_lib()->free_doc(doc);
}

/* The main text: the first pass long enough, else the longest. The first
 * pass takes `doc`; the others parse again. */
static char *main_text(const struct buf *utf8, htmlDocPtr doc, const char *title, char **byline,
                       size_t *len)
{
    struct buf best;
    buf_init(&best);
    for (size_t k = 0; k < sizeof PASSES / sizeof *PASSES; k++) {
        struct buf text;
        buf_init(&text);
        run_pass(k ? parse(utf8) : doc, PASSES[k], title, byline, &text);
        bool enough = text.len >= ARTICLE_MIN_TEXT;
        if (text.len > best.len || !k) {
            buf_free(&best);
            best = text;
        } else {
            buf_free(&text);
        }
        if (enough)
            break;
    }
    return buf_detach(&best, len);
}

static char *trimmed(char *s)
{
    if (!s)
        return NULL;
    char *p = s;
    while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
        p++;
    size_t n = strlen(p);
    while (n && strchr(" \n\t\r", p[n - 1]))
        n--;
    char *t = xstrndup(p, n);
    free(s);
    for (char *q = t; *q; q++)
        if (*q == '\n' || *q == '\t' || *q == '\r')
            *q = ' ';
    if (!*t) {
        free(t);
        return NULL;
    }
    return t;
}

/* "By Jane Doe" is Jane Doe. */
static char *byline_name(char *b)
{
    b = trimmed(b);
    if (b && !strncasecmp(b, "by ", 3))
        memmove(b, b + 3, strlen(b + 3) + 1);
    return trimmed(b);
}

bool html_extract(const char *bytes, size_t len, const char *base_url, const char *charset,
                  struct html_page *out, struct tl_error *err)
{
    memset(out, 0, sizeof *out);
    const char *why = NULL;
    if (!xml_lib_get(&why))
        return tl_error_set(err, "%s", why);
    if (len > HTML_MAX_BYTES)
        return tl_error_set(err, "web page too large (%zu bytes; the limit is %u)", len,
                            HTML_MAX_BYTES);
    struct buf utf8;
    buf_init(&utf8);
    charset_to_utf8(bytes, len, charset, &utf8);
    struct meta m;
    memset(&m, 0, sizeof m);
    htmlDocPtr doc = parse(&utf8);
    if (doc)
        meta_read(doc, base_url, &m);
    char *byline = NULL;
    out->text = main_text(&utf8, doc, m.title, &byline, &out->text_len);
    if (m.ld.body && (double)out->text_len < JSONLD_BETTER * (double)strlen(m.ld.body)) {
        struct buf b;
        buf_init(&b);
        render_plain(m.ld.body, &b);
        free(out->text);
        out->text = buf_detach(&b, &out->text_len);
    }
    out->title = trimmed(m.title);
    out->date = trimmed(m.date);
    out->author = m.author ? trimmed(m.author) : byline_name(byline);
    if (m.author)
        free(byline);
    out->site_name = trimmed(m.site);
    out->canonical_url = trimmed(m.canonical);
    m.title = m.date = m.author = m.site = m.canonical = NULL;
    meta_free(&m);
    buf_free(&utf8);
    return true;
}

void html_page_free(struct html_page *p)
{
    free(p->title);
    free(p->date);
    free(p->author);
    free(p->site_name);
    free(p->canonical_url);
    free(p->text);
    memset(p, 0, sizeof *p);
}
