/* feed_text: the HTML that feeds carry (escaped in <description>, in CDATA,
 * in content:encoded, Atom type="html" and type="xhtml") turned into clean
 * text: paragraphs for block elements, no scripts or styles, white space
 * collapsed (see feed.h). Parsed with libxml2's HTML parser, offline. */
#include "core/fetch/feed.h"
#include "core/html/xml_lib.h"

#include <string.h>
#include <strings.h>

enum gap { GAP_NONE, GAP_SPACE, GAP_LINE, GAP_PARA };

struct textw {
    struct buf *out;
    size_t start; /* where this text began in out */
    enum gap gap;
};

static const char *const skipped[] = {"script", "style",    "head", "noscript", "template",
                                      "iframe", "object",   "svg",  "form",     "button",
                                      "select", "textarea", "math", "embed"};
static const char *const blocks[] = {
    "p",          "div",     "ul",      "ol",         "li",      "dl",      "dt",
    "dd",         "h1",      "h2",      "h3",         "h4",      "h5",      "h6",
    "blockquote", "pre",     "table",   "tr",         "section", "article", "header",
    "footer",     "aside",   "figure",  "figcaption", "hr",      "address", "main",
    "nav",        "details", "summary", "body",       "caption"};

static bool in_list(const char *name, const char *const *list, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcasecmp(name, list[i]))
            return true;
    return false;
}

static void want_gap(struct textw *w, enum gap g)
{
    if (g > w->gap)
        w->gap = g;
}

/* Appends text, collapsing runs of white space into the pending gap. */
static void put_text(struct textw *w, const char *s)
{
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') {
            want_gap(w, GAP_SPACE);
            continue;
        }
        /* U+00A0 (no-break space) counts as a space too. */
        if (c == 0xc2 && (unsigned char)s[1] == 0xa0) {
            want_gap(w, GAP_SPACE);
            s++;
            continue;
        }
        if (w->out->len > w->start && w->gap != GAP_NONE)
            buf_puts(w->out, w->gap == GAP_PARA ? "\n\n" : w->gap == GAP_LINE ? "\n" : " ");
        w->gap = GAP_NONE;
        buf_putc(w->out, (char)c);
    }
}

static void walk(struct textw *w, const xmlNode *n, int depth)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            if (n->content)
                put_text(w, (const char *)n->content);
            continue;
        }
        if (n->type != XML_ELEMENT_NODE || !n->name)
            continue;
        const char *name = (const char *)n->name;
        if (in_list(name, skipped, sizeof skipped / sizeof *skipped))
            continue;
        if (!strcasecmp(name, "br")) {
            want_gap(w, GAP_LINE);
            continue;
        }
        bool block = in_list(name, blocks, sizeof blocks / sizeof *blocks);
        if (block)
            want_gap(w, GAP_PARA);
        else if (!strcasecmp(name, "td") || !strcasecmp(name, "th"))
            want_gap(w, GAP_SPACE);
        if (depth < 256)
            walk(w, n->children, depth + 1);
        if (block)
            want_gap(w, GAP_PARA);
    }
}

void feed_html_to_text(const char *html, size_t len, struct buf *out)
{
    if (!len || len > (size_t)0x7fffffff || !xml_lib_get(NULL))
        return;
    htmlDocPtr doc = xml_lib()->html_read_memory(html, (int)len, NULL, "UTF-8",
                                                 HTML_PARSE_RECOVER | HTML_PARSE_NONET |
                                                     HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
    if (!doc)
        return;
    struct textw w = {out, out->len, GAP_NONE};
    walk(&w, doc->children, 0);
    xml_lib()->free_doc(doc);
}

void feed_xhtml_to_text(const struct _xmlNode *n, struct buf *out)
{
    struct textw w = {out, out->len, GAP_NONE};
    if (n)
        walk(&w, n->children, 0);
}
