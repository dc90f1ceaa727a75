/* feed_parse: RSS 0.9x/2.0, RSS 1.0 (RDF) and Atom 1.0 documents into a
 * struct feed (see feed.h), through xmlsafe (no entity is ever substituted,
 * nothing is loaded). */
#include "core/fetch/feed.h"
#include "core/fetch/subs.h"
#include "core/fetch/xmlsafe.h"
#include "core/base/xalloc.h"
#include "core/html/xml_lib.h"

#include <stdlib.h>
#include <string.h>

static const xmlNode *child(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (xmlsafe_is(c, name))
            return c;
    return NULL;
}

/* Text on one line: runs of white space become one space. */
static char *one_line(char *s)
{
    if (!s)
        return NULL;
    char *w = s;
    bool space = false;
    for (char *r = s; *r; r++) {
        bool ws = *r == ' ' || *r == '\t' || *r == '\n' || *r == '\r';
        if (ws) {
            space = w > s;
            continue;
        }
        if (space)
            *w++ = ' ';
        space = false;
        *w++ = *r;
    }
    *w = '\0';
    if (!*s) {
        free(s);
        return NULL;
    }
    return s;
}

static char *detach_or_null(struct buf *b)
{
    if (!b->len) {
        buf_free(b);
        return NULL;
    }
    return buf_detach(b, NULL);
}

/* Plain text (Atom type="text"): runs of spaces collapse, a blank line
 * separates paragraphs; '<' is a character here, not a tag. */
static void plain_text(const xmlNode *n, struct buf *out)
{
    struct buf raw;
    buf_init(&raw);
    xmlsafe_text(n, &raw);
    size_t start = out->len, newlines = 0;
    bool space = false;
    for (size_t i = 0; i < raw.len; i++) {
        char c = raw.data[i];
        if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
            space = true;
            newlines += c == '\n';
            continue;
        }
        if (out->len > start && space)
            buf_puts(out, newlines >= 2 ? "\n\n" : " ");
        space = false;
        newlines = 0;
        buf_putc(out, c);
    }
    buf_free(&raw);
}

/* An Atom text construct (title, summary, content) or HTML-bearing RSS
 * element as text; `html` says the text is HTML when there is no type. */
static void construct_text(const xmlNode *n, bool html, struct buf *out)
{
    if (!n)
        return;
    char *type = xmlsafe_attr(n, "type");
    if (type && (!strcmp(type, "xhtml") || !strcmp(type, "application/xhtml+xml"))) {
        const xmlNode *div = child(n, "div");
        feed_xhtml_to_text(div ? div : n, out);
    } else if (type && strcmp(type, "html") && strcmp(type, "text/html")) {
        plain_text(n, out); /* text, or a media type read as text */
    } else if (type || html) {
        struct buf raw;
        buf_init(&raw);
        xmlsafe_text(n, &raw);
        feed_html_to_text(raw.data, raw.len, out);
        buf_free(&raw);
    } else {
        char *line = one_line(xmlsafe_text_dup(n));
        if (line)
            buf_puts(out, line);
        free(line);
    }
    free(type);
}

/* A title: Atom's say their type; RSS titles are text, but many feeds
 * write HTML entities or tags in them, so those are read as HTML. */
static char *title_of(const xmlNode *n)
{
    if (!n)
        return NULL;
    struct buf b, raw;
    buf_init(&b);
    buf_init(&raw);
    xmlsafe_text(n, &raw);
    bool looks_html = strchr(raw.data, '&') || strchr(raw.data, '<');
    buf_free(&raw);
    construct_text(n, looks_html, &b);
    return one_line(detach_or_null(&b));
}

/* A link resolved against the element's base (xml:base, else the feed URL);
 * NULL unless the result is http(s). */
static char *resolve_link(const xmlNode *n, const char *href)
{
    if (!href || !*href)
        return NULL;
    xmlChar *base = xml_lib()->node_get_base(n->doc, n);
    xmlChar *abs = xml_lib()->build_uri((const xmlChar *)href, base);
    (*xml_lib()->xml_free)(base);
    char *r = NULL;
    if (abs && subs_url_ok((const char *)abs))
        r = xstrdup((const char *)abs);
    (*xml_lib()->xml_free)(abs);
    return r;
}

static void set_date(struct feed_item *it, const xmlNode *n)
{
    if (!n || it->date)
        return;
    char *s = xmlsafe_text_dup(n);
    char iso[21];
    if (s && feed_date_iso(s, iso))
        it->date = xstrdup(iso);
    free(s);
}

static struct feed_item *new_item(struct feed *f)
{
    f->items = xgrow(f->items, &f->cap, f->nitems + 1, sizeof *f->items);
    struct feed_item *it = &f->items[f->nitems++];
    memset(it, 0, sizeof *it);
    return it;
}

/* An RSS 0.9x/2.0 or RDF item. */
static void read_rss_item(struct feed *f, const xmlNode *n)
{
    struct feed_item *it = new_item(f);
    it->title = title_of(child(n, "title"));
    char *href = xmlsafe_text_dup(child(n, "link"));
    it->link = resolve_link(n, href);
    free(href);
    const xmlNode *g = child(n, "guid");
    it->guid = g ? one_line(xmlsafe_text_dup(g)) : xmlsafe_attr(n, "about");
    if (!it->link && g) { /* a permalink guid is the link */
        char *perma = xmlsafe_attr(g, "isPermaLink");
        if (!perma || strcmp(perma, "false"))
            it->link = resolve_link(n, it->guid);
        free(perma);
    }
    set_date(it, child(n, "pubDate"));
    set_date(it, child(n, "date")); /* dc:date */
    const xmlNode *a = child(n, "creator");
    it->author = one_line(xmlsafe_text_dup(a ? a : child(n, "author")));
    const xmlNode *c = child(n, "encoded");
    struct buf t;
    buf_init(&t);
    construct_text(c ? c : child(n, "description"), true, &t);
    it->text = buf_detach(&t, NULL);
}

static const xmlNode *atom_link(const xmlNode *entry)
{
    for (const xmlNode *c = entry->children; c; c = c->next) {
        if (!xmlsafe_is(c, "link"))
            continue;
        char *rel = xmlsafe_attr(c, "rel");
        bool alt = !rel || !strcmp(rel, "alternate");
        free(rel);
        if (alt)
            return c;
    }
    return NULL;
}

static char *atom_href(const xmlNode *parent)
{
    const xmlNode *l = atom_link(parent);
    if (!l)
        return NULL;
    char *href = xmlsafe_attr(l, "href");
    char *r = resolve_link(l, href);
    free(href);
    return r;
}

static void read_atom_entry(struct feed *f, const xmlNode *n)
{
    struct feed_item *it = new_item(f);
    it->title = title_of(child(n, "title"));
    it->link = atom_href(n);
    it->guid = one_line(xmlsafe_text_dup(child(n, "id")));
    set_date(it, child(n, "published"));
    set_date(it, child(n, "updated"));
    set_date(it, child(n, "issued"));
    const xmlNode *a = child(n, "author");
    it->author = one_line(xmlsafe_text_dup(a ? child(a, "name") : NULL));
    const xmlNode *c = child(n, "content");
    char *src = c ? xmlsafe_attr(c, "src") : NULL;
    if (!c || src)
        c = child(n, "summary");
    free(src);
    struct buf t;
    buf_init(&t);
    if (c)
        construct_text(c, false, &t);
    it->text = buf_detach(&t, NULL);
}

static void read_items(struct feed *f, const xmlNode *parent, const char *name, bool atom)
{
    for (const xmlNode *c = parent ? parent->children : NULL; c; c = c->next) {
        if (!xmlsafe_is(c, name) || f->nitems >= FEED_MAX_ITEMS)
            continue;
        if (atom)
            read_atom_entry(f, c);
        else
            read_rss_item(f, c);
    }
}

static bool read_root(struct feed *f, const xmlNode *root)
{
    if (xmlsafe_is(root, "rss") || xmlsafe_is(root, "RDF")) {
        f->kind = xmlsafe_is(root, "rss") ? FEED_RSS : FEED_RDF;
        const xmlNode *ch = child(root, "channel");
        f->title = title_of(child(ch, "title"));
        char *href = xmlsafe_text_dup(child(ch, "link"));
        f->link = ch ? resolve_link(ch, href) : NULL;
        free(href);
        read_items(f, ch, "item", false);
        read_items(f, root, "item", false); /* RDF, and RSS 0.9 written loosely */
        return true;
    }
    if (xmlsafe_is(root, "feed")) {
        f->kind = FEED_ATOM;
        f->title = title_of(child(root, "title"));
        f->link = atom_href(root);
        read_items(f, root, "entry", true);
        return true;
    }
    return false;
}

bool feed_parse(const char *bytes, size_t len, const char *base_url, struct feed *out,
                struct tl_error *err)
{
    memset(out, 0, sizeof *out);
    const char *why = NULL;
    if (!xml_lib_get(&why))
        return tl_error_set(err, "%s", why);
    struct xmlsafe_error first;
    xmlDocPtr doc = xmlsafe_read(bytes, len, base_url, &first);
    const xmlNode *root = doc ? xml_lib()->doc_get_root_element(doc) : NULL;
    bool ok = true;
    if (!root) {
        ok = tl_error_set(err, "XML error at line %u, column %u: %s", first.line, first.col,
                          first.set ? first.msg : "no document");
    } else if (!read_root(out, root)) {
        if (first.set)
            ok = tl_error_set(err, "not a feed: XML error at line %u, column %u: %s", first.line,
                              first.col, first.msg);
        else
            ok = tl_error_set(err, "not a feed (the document is <%.60s>, not RSS or Atom)",
                              (const char *)root->name);
    } else if (first.set) {
        snprintf(out->warning, sizeof out->warning, "XML error at line %u, column %u: %s",
                 first.line, first.col, first.msg);
    }
    if (doc)
        xml_lib()->free_doc(doc);
    if (!ok)
        feed_free(out);
    return ok;
}

void feed_free(struct feed *f)
{
    for (size_t i = 0; i < f->nitems; i++) {
        struct feed_item *it = &f->items[i];
        free(it->title);
        free(it->link);
        free(it->guid);
        free(it->date);
        free(it->author);
        free(it->text);
    }
    free(f->items);
    free(f->title);
    free(f->link);
    memset(f, 0, sizeof *f);
}
