/* config_feeds: the feed keys of config.yaml (feeds, feeds_dir, feeds_file,
 * opml, fetch_timeout), each value checked with its line:col, and the whole
 * subscription list they give (the config's feeds, then the newsboat urls
 * file and the OPML file they name). */
#include "core/config/config.h"
#include "core/base/suggest.h"
#include "core/base/xalloc.h"
#include "core/base/yamltree.h"
#include "core/cache/cache_file.h"
#include "core/fetch/fetch.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FEED_FILE_MAX (8u << 20)

static const char *const feed_keys[] = {"url", "name", "tags", "fulltext"};

struct feeds_reader {
    struct config *cfg;
    const struct yamltree *tree;
    struct tl_error *err;
};

static bool want_string(struct feeds_reader *R, const struct yamltree_node *v, const char *what)
{
    if (v->type == YAMLTREE_SCALAR && !yamltree_is_null(v))
        return true;
    return yamltree_fail(R->err, R->tree, v, "expected %s, found %s", what, yamltree_describe(v));
}

static bool read_tags(struct feeds_reader *R, const struct yamltree_node *v, struct subs_feed *f)
{
    bool one = v->type == YAMLTREE_SCALAR;
    if (v->type == YAMLTREE_MAPPING || yamltree_is_null(v))
        return yamltree_fail(R->err, R->tree, v, "expected a tag or a list of tags, found %s",
                             yamltree_describe(v));
    for (size_t i = 0; i < (one ? 1 : v->nitems); i++) {
        const struct yamltree_node *t = one ? v : v->items[i];
        if (!want_string(R, t, "a tag"))
            return false;
        if (f)
            subs_add_tag(f, t->text);
    }
    return true;
}

static bool check_feed_keys(struct feeds_reader *R, const struct yamltree_node *m)
{
    for (size_t i = 0; i < yamltree_npairs(m); i++) {
        const struct yamltree_node *k = yamltree_key(m, i);
        bool known = false;
        for (size_t j = 0; j < 4; j++)
            known |= !strcmp(k->text, feed_keys[j]);
        if (known)
            continue;
        const char *near = suggest_nearest(k->text, feed_keys, 4);
        return yamltree_fail(R->err, R->tree, k, "unknown key '%s' in a feed; %s%s%s", k->text,
                             near ? "did you mean '" : "expected url, name, tags or fulltext",
                             near ? near : "", near ? "'?" : "");
    }
    return true;
}

static bool read_feed(struct feeds_reader *R, const struct yamltree_node *m)
{
    if (m->type != YAMLTREE_MAPPING)
        return yamltree_fail(R->err, R->tree, m,
                             "expected a feed such as {url: https://example.com/feed.xml, name: "
                             "Example}, found %s",
                             yamltree_describe(m));
    if (!check_feed_keys(R, m))
        return false;
    const struct yamltree_node *url = yamltree_get(m, "url"), *name = yamltree_get(m, "name");
    const struct yamltree_node *tags = yamltree_get(m, "tags"), *ft = yamltree_get(m, "fulltext");
    if (!url)
        return yamltree_fail(R->err, R->tree, m,
                             "a feed without 'url'; expected url: followed "
                             "by the feed's http or https address");
    if (!want_string(R, url, "the feed's URL"))
        return false;
    if (!subs_url_ok(url->text))
        return yamltree_fail(R->err, R->tree, url, "'%s' is not an http or https URL", url->text);
    if (name && !want_string(R, name, "a name for the feed"))
        return false;
    enum subs_fulltext mode = SUBS_FULLTEXT_AUTO;
    if (ft && (!want_string(R, ft, "auto, always or never for 'fulltext'") ||
               !subs_parse_fulltext(ft->text, &mode)))
        return ft->type == YAMLTREE_SCALAR && !yamltree_is_null(ft)
                   ? yamltree_fail(R->err, R->tree, ft,
                                   "unknown fulltext '%s'; expected auto, always or never",
                                   ft->text)
                   : false;
    struct subs_feed *f = subs_add(&R->cfg->feeds, url->text, name ? name->text : NULL, mode);
    return !tags || read_tags(R, tags, f);
}

static bool read_feeds(struct feeds_reader *R, const struct yamltree_node *v)
{
    if (v->type != YAMLTREE_SEQUENCE)
        return yamltree_fail(R->err, R->tree, v,
                             "expected a list of feeds for 'feeds', such as '- url: "
                             "https://example.com/feed.xml', found %s",
                             yamltree_describe(v));
    for (size_t i = 0; i < v->nitems; i++)
        if (!read_feed(R, v->items[i]))
            return false;
    return true;
}

static bool read_path(struct feeds_reader *R, const char *key, const struct yamltree_node *v,
                      struct config_item *out)
{
    char what[64];
    snprintf(what, sizeof what, "a path for '%s'", key);
    if (!want_string(R, v, what))
        return false;
    free(out->value);
    *out = (struct config_item){config_expand_path(R->tree->path, v->text), v->line, v->col};
    return true;
}

static bool read_timeout(struct feeds_reader *R, const struct yamltree_node *v)
{
    if (!want_string(R, v, "a number of seconds for 'fetch_timeout'"))
        return false;
    char *end;
    errno = 0;
    long n = strtol(v->text, &end, 10);
    if (errno || end == v->text || *end || n < 1 || n > 3600)
        return yamltree_fail(R->err, R->tree, v,
                             "fetch_timeout '%s': expected whole seconds from 1 to 3600", v->text);
    R->cfg->fetch_timeout = n;
    return true;
}

int config_read_feed_key(struct config *cfg, const struct yamltree *tree,
                         const struct yamltree_node *k, const struct yamltree_node *v,
                         struct tl_error *err)
{
    struct feeds_reader R = {cfg, tree, err};
    const char *key = k->text;
    if (!strcmp(key, "feeds"))
        return read_feeds(&R, v);
    if (!strcmp(key, "feeds_dir"))
        return read_path(&R, key, v, &cfg->feeds_dir);
    if (!strcmp(key, "feeds_file"))
        return read_path(&R, key, v, &cfg->feeds_file);
    if (!strcmp(key, "opml"))
        return read_path(&R, key, v, &cfg->opml);
    if (!strcmp(key, "fetch_timeout"))
        return read_timeout(&R, v);
    return -1;
}

/* Reads a subscription file named at item (a config line:col) with read. */
static bool read_subs_file(const struct config *cfg, const struct config_item *item,
                           bool (*read)(const char *, const char *, size_t, struct subs *,
                                        struct buf *, struct tl_error *),
                           const char *key, struct subs *out, struct buf *warnings,
                           struct tl_error *err)
{
    size_t size;
    char *text = (char *)cache_file_read(item->value, FEED_FILE_MAX, &size);
    if (!text)
        return tl_error_at(err, cfg->path ? cfg->path : "config", item->line, item->col,
                           "%s '%s' cannot be read (missing, unreadable or over 8 MiB)", key,
                           item->value);
    bool ok = read(item->value, text, size, out, warnings, err);
    free(text);
    return ok;
}

bool config_feed_subs(const struct config *cfg, struct subs *out, struct buf *warnings,
                      struct tl_error *err)
{
    for (size_t i = 0; i < cfg->feeds.n; i++) {
        const struct subs_feed *f = &cfg->feeds.v[i];
        struct subs_feed *c = subs_add(out, f->url, f->name, f->fulltext);
        for (size_t j = 0; c && j < f->ntags; j++)
            subs_add_tag(c, f->tags[j]);
    }
    if (cfg->feeds_file.value &&
        !read_subs_file(cfg, &cfg->feeds_file, subs_read_urls, "feeds_file", out, warnings, err))
        return false;
    if (cfg->opml.value &&
        !read_subs_file(cfg, &cfg->opml, subs_read_opml, "opml", out, warnings, err))
        return false;
    return true;
}

bool config_feeds_dir(const struct config *cfg, struct buf *out)
{
    if (cfg->feeds_dir.value) {
        buf_puts(out, cfg->feeds_dir.value);
        return true;
    }
    return fetch_default_feeds_dir(out);
}
