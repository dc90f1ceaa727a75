/* meta: a page's title, date, author, site and canonical URL (see meta.h). */
#include "core/html/meta.h"
#include "core/base/buf.h"
#include "core/base/xalloc.h"
#include "core/html/dom.h"
#include "core/html/xml_lib.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* What the page offers, each with the rank of its source (lower wins). */
struct seen {
    char *value;
    int rank;
};

struct found {
    struct seen og_title, doc_title, h1, date, time_date, author, site, canonical;
};

/* Meta names for each field, best first. */
static const char *const TITLE_KEYS[] = {"og:title", "twitter:title", "dc.title", "title", NULL};
static const char *const DATE_KEYS[] = {"article:published_time",
                                        "og:published_time",
                                        "datepublished",
                                        "dc.date.issued",
                                        "dc.date",
                                        "publish-date",
                                        "pubdate",
                                        "parsely-pub-date",
                                        "sailthru.date",
                                        "date",
                                        NULL};
static const char *const AUTHOR_KEYS[] = {"author",         "article:author",  "dc.creator", "byl",
                                          "parsely-author", "sailthru.author", NULL};

static int rank_of(const char *key, const char *const *keys)
{
    for (int i = 0; keys[i]; i++)
        if (strcasecmp(key, keys[i]) == 0)
            return i;
    return -1;
}

/* Keeps value in s when it ranks better than what s holds (copies it). */
static void offer(struct seen *s, const char *value, int rank)
{
    if (rank < 0 || !value)
        return;
    while (isspace((unsigned char)*value))
        value++;
    if (!*value || (s->value && s->rank <= rank))
        return;
    free(s->value);
    s->value = xstrdup(value);
    s->rank = rank;
}

static void offer_text(struct seen *s, const xmlNode *n, int rank)
{
    if (s->value && s->rank <= rank)
        return;
    char *t = dom_inner_text(n);
    offer(s, t, rank);
    free(t);
}

static void read_meta_tag(const xmlNode *n, struct found *f)
{
    const char *key = dom_attr(n, "property");
    if (!key)
        key = dom_attr(n, "name");
    if (!key)
        key = dom_attr(n, "itemprop");
    const char *content = dom_attr(n, "content");
    if (!key || !content)
        return;
    offer(&f->og_title, content, rank_of(key, TITLE_KEYS));
    offer(&f->date, content, rank_of(key, DATE_KEYS));
    if (strncmp(content, "http", 4) != 0)
        offer(&f->author, content, rank_of(key, AUTHOR_KEYS));
    if (strcasecmp(key, "og:site_name") == 0)
        offer(&f->site, content, 0);
    if (strcasecmp(key, "og:url") == 0)
        offer(&f->canonical, content, 1);
}

static void read_script(const xmlNode *n, struct meta *m)
{
    const char *type = dom_attr(n, "type");
    if (!type || strcasecmp(type, "application/ld+json") != 0)
        return;
    for (const xmlNode *c = n->children; c; c = c->next)
        if (c->content)
            jsonld_scan((const char *)c->content, strlen((const char *)c->content), &m->ld);
}

static void read_node(const xmlNode *n, struct found *f, struct meta *m)
{
    if (dom_is(n, "meta")) {
        read_meta_tag(n, f);
    } else if (dom_is(n, "link")) {
        const char *rel = dom_attr(n, "rel");
        if (rel && strcasecmp(rel, "canonical") == 0)
            offer(&f->canonical, dom_attr(n, "href"), 0);
    } else if (dom_is(n, "title") && !dom_has_ancestor(n, "svg", 0)) {
        offer_text(&f->doc_title, n, 0);
    } else if (dom_is(n, "h1")) {
        offer_text(&f->h1, n, 0);
    } else if (dom_is(n, "time")) {
        offer(&f->time_date, dom_attr(n, "datetime"), 0);
    } else if (dom_is(n, "script")) {
        read_script(n, m);
    } else if (dom_attr(n, "itemprop") && !strcasecmp(dom_attr(n, "itemprop"), "datePublished")) {
        const char *d = dom_attr(n, "datetime");
        offer(&f->time_date, d ? d : dom_attr(n, "content"), 0);
    }
}

static size_t count_words(const char *s, size_t n)
{
    size_t w = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool sp = isspace((unsigned char)s[i]);
        w += !sp && !in;
        in = !sp;
    }
    return w;
}

void meta_strip_site_tail(char *t, const char *site)
{
    static const char *const SEPS[] = {" | ",  " - ",        " \xE2\x80\x93 ", " \xE2\x80\x94 ",
                                       " :: ", " \xC2\xB7 ", " \xC2\xBB ",     NULL};
    char *cut = NULL;
    size_t seplen = 0;
    for (const char *const *s = SEPS; *s; s++) {
        for (char *p = strstr(t, *s); p; p = strstr(p + 1, *s))
            if (p > cut)
                cut = p, seplen = strlen(*s);
    }
    if (!cut)
        return;
    const char *tail = cut + seplen;
    size_t head_words = count_words(t, (size_t)(cut - t));
    bool is_site = site && strcasecmp(tail, site) == 0;
    if (is_site || (count_words(tail, strlen(tail)) <= 3 && head_words >= 3))
        *cut = '\0';
    else if (site && strncasecmp(t, site, (size_t)(cut - t)) == 0 &&
             strlen(site) == (size_t)(cut - t))
        memmove(t, tail, strlen(tail) + 1);
}

static char *take(struct seen *s)
{
    char *v = s->value;
    s->value = NULL;
    return v;
}

static char *resolve_url(const char *href, const char *base)
{
    if (!href)
        return NULL;
    if (!base)
        return xstrdup(href);
    xmlChar *u = xml_lib()->build_uri((const xmlChar *)href, (const xmlChar *)base);
    char *r = xstrdup(u ? (const char *)u : href);
    (*xml_lib()->xml_free)(u);
    return r;
}

static void choose(struct found *f, const char *base_url, struct meta *m)
{
    m->site = f->site.value ? take(&f->site) : (m->ld.publisher ? xstrdup(m->ld.publisher) : NULL);
    if (f->og_title.value)
        m->title = take(&f->og_title);
    else if (m->ld.headline)
        m->title = xstrdup(m->ld.headline);
    else if (f->h1.value)
        m->title = take(&f->h1);
    else
        m->title = take(&f->doc_title);
    if (m->title)
        meta_strip_site_tail(m->title, m->site);
    m->date = f->date.value        ? take(&f->date)
              : f->time_date.value ? take(&f->time_date)
              : m->ld.date         ? xstrdup(m->ld.date)
                                   : NULL;
    m->author = f->author.value ? take(&f->author) : m->ld.author ? xstrdup(m->ld.author) : NULL;
    m->canonical = resolve_url(f->canonical.value, base_url);
}

void meta_read(xmlDoc *doc, const char *base_url, struct meta *m)
{
    memset(m, 0, sizeof *m);
    struct found f;
    memset(&f, 0, sizeof f);
    xmlNode *root = xml_lib()->doc_get_root_element(doc);
    for (xmlNode *n = root; n; n = dom_next(n, root, false))
        if (n->type == XML_ELEMENT_NODE)
            read_node(n, &f, m);
    choose(&f, base_url, m);
    struct seen *all[] = {&f.og_title,  &f.doc_title, &f.h1,   &f.date,
                          &f.time_date, &f.author,    &f.site, &f.canonical};
    for (size_t i = 0; i < sizeof all / sizeof *all; i++)
        free(all[i]->value);
}

void meta_free(struct meta *m)
{
    free(m->title);
    free(m->date);
    free(m->author);
    free(m->site);
    free(m->canonical);
    jsonld_free(&m->ld);
    memset(m, 0, sizeof *m);
}
