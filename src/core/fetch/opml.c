/* opml: subscriptions from an OPML export (see subs.h, subs_read_opml). */
#include "core/fetch/subs.h"
#include "core/fetch/xmlsafe.h"
#include "core/html/xml_lib.h"

#include <stdlib.h>
#include <string.h>

/* Folders nest at most this deep; deeper outlines are not read. */
#define OPML_MAX_DEPTH 32

struct opml_walk {
    struct subs *out;
    const char *tags[OPML_MAX_DEPTH];
    size_t ntags;
    size_t skipped;
};

static void add_outline(struct opml_walk *w, const xmlNode *n, const char *url)
{
    char *title = xmlsafe_attr(n, "title");
    if (!title)
        title = xmlsafe_attr(n, "text");
    struct subs_feed *f = subs_add(w->out, url, title, SUBS_FULLTEXT_AUTO);
    for (size_t i = 0; f && i < w->ntags; i++)
        subs_add_tag(f, w->tags[i]);
    free(title);
}

static void walk_outlines(struct opml_walk *w, const xmlNode *n, size_t depth)
{
    for (; n; n = n->next) {
        if (!xmlsafe_is(n, "outline"))
            continue;
        char *url = xmlsafe_attr(n, "xmlUrl");
        if (url && subs_url_ok(url))
            add_outline(w, n, url);
        else if (url)
            w->skipped++;
        free(url);
        if (!n->children || depth + 1 >= OPML_MAX_DEPTH)
            continue;
        char *folder = xmlsafe_attr(n, "text");
        if (!folder)
            folder = xmlsafe_attr(n, "title");
        bool pushed = folder && *folder && w->ntags < OPML_MAX_DEPTH;
        if (pushed)
            w->tags[w->ntags++] = folder;
        walk_outlines(w, n->children, depth + 1);
        if (pushed)
            w->ntags--;
        free(folder);
    }
}

static const xmlNode *child(const xmlNode *n, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (xmlsafe_is(c, name))
            return c;
    return NULL;
}

bool subs_read_opml(const char *path, const char *text, size_t len, struct subs *out,
                    struct buf *warnings, struct tl_error *err)
{
    const char *why = NULL;
    if (!xml_lib_get(&why))
        return tl_error_at(err, path, 0, 0, "%s", why);
    struct xmlsafe_error first;
    xmlDocPtr doc = xmlsafe_read(text, len, NULL, &first);
    const xmlNode *root = doc ? xml_lib()->doc_get_root_element(doc) : NULL;
    bool ok = true;
    if (!root) {
        ok = tl_error_at(err, path, first.line ? first.line : 1, first.col ? first.col : 1,
                         "not XML: %s; expected an OPML file", first.set ? first.msg : "empty");
    } else if (!xmlsafe_is(root, "opml") || !child(root, "body")) {
        ok = tl_error_at(err, path, (unsigned)xml_lib()->get_line_no(root), 1,
                         "<%s> is not OPML; expected <opml> with a <body> of <outline>s",
                         (const char *)root->name);
    } else {
        if (first.set && warnings)
            buf_printf(warnings, "%s:%u:%u: warning: %s (read what could be read)\n", path,
                       first.line, first.col, first.msg);
        struct opml_walk w = {.out = out};
        walk_outlines(&w, child(root, "body")->children, 0);
        if (w.skipped && warnings)
            buf_printf(warnings,
                       "%s: warning: %zu outline(s) with a URL that is not http(s) "
                       "skipped\n",
                       path, w.skipped);
    }
    if (doc)
        xml_lib()->free_doc(doc);
    return ok;
}
