/* render: an article's nodes or plain text as paragraphs (see render.h). */
#include "core/html/render.h"
#include "core/html/dom.h"

#include <string.h>

static const char BLOCK[] = "p div section article header footer main aside nav h1 h2 h3 h4 h5 "
                            "h6 ul ol li dl dt dd blockquote pre table tr td th thead tbody tfoot "
                            "caption figure figcaption hr address form fieldset details summary "
                            "center legend";

struct out {
    struct buf *b;
    size_t start;       /* where this render began in b */
    int brk;            /* pending break: 0 none, 1 line, 2 paragraph */
    bool space;         /* a space is pending */
    const char *prefix; /* printed before the next text ("- " for a list item) */
    int pre;            /* depth inside <pre> */
};

static void flush_break(struct out *o)
{
    if (o->b->len > o->start) {
        if (o->brk == 2)
            buf_append(o->b, "\n\n", 2);
        else if (o->brk == 1)
            buf_putc(o->b, '\n');
        else if (o->space)
            buf_putc(o->b, ' ');
    }
    o->brk = 0;
    o->space = false;
    if (o->prefix) {
        buf_puts(o->b, o->prefix);
        o->prefix = NULL;
    }
}

static void request(struct out *o, int brk)
{
    if (brk > o->brk)
        o->brk = brk;
}

/* Is s[i..] a no-break space (U+00A0)? */
static bool is_nbsp(const unsigned char *s)
{
    return s[0] == 0xC2 && s[1] == 0xA0;
}

static void put_text(struct out *o, const unsigned char *s)
{
    for (; *s; s++) {
        bool nb = is_nbsp(s);
        if (o->pre && *s == '\n') {
            request(o, 1);
            continue;
        }
        if (nb || *s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f') {
            if (o->pre) {
                flush_break(o);
                buf_putc(o->b, ' ');
            } else {
                o->space = true;
            }
            s += nb;
            continue;
        }
        if (o->brk || o->space || o->prefix)
            flush_break(o);
        buf_putc(o->b, (char)*s);
    }
}

static void enter(struct out *o, const xmlNode *n)
{
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            put_text(o, n->content);
        return;
    }
    if (dom_is(n, "br")) {
        request(o, 1);
        return;
    }
    if (dom_is_any(n, BLOCK))
        request(o, 2);
    if (dom_is(n, "li"))
        o->prefix = "- ";
    if (dom_is(n, "pre"))
        o->pre++;
}

static void leave(struct out *o, const xmlNode *n)
{
    if (dom_is(n, "pre"))
        o->pre--;
    if (dom_is(n, "li"))
        o->prefix = NULL;
    if (dom_is_any(n, BLOCK))
        request(o, 2);
    else if (dom_is_any(n, "td th"))
        o->space = true;
}

void render_text(const xmlNode *root, struct buf *out)
{
    struct out o = {.b = out, .start = out->len};
    const xmlNode *n = root;
    while (n) {
        enter(&o, n);
        if (n->type == XML_ELEMENT_NODE && n->children) {
            n = n->children;
            continue;
        }
        for (;;) {
            if (n->type == XML_ELEMENT_NODE)
                leave(&o, n);
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

void render_plain(const char *s, struct buf *out)
{
    struct out o = {.b = out, .start = out->len};
    for (const char *p = s; *p;) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p) : strlen(p);
        char line[1024];
        while (n) {
            size_t k = n < sizeof line - 1 ? n : sizeof line - 1;
            memcpy(line, p, k);
            line[k] = '\0';
            put_text(&o, (const unsigned char *)line);
            p += k;
            n -= k;
        }
        request(&o, 2);
        p += nl != NULL;
        if (!nl)
            break;
    }
}
