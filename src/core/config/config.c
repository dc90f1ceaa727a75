/* config: reading config.yaml into a struct config, checking every value
 * (types, layout, keys, regexes, date format, clipboard) with its line:col. */
#include "core/config/config.h"
#include "core/base/suggest.h"
#include "core/base/xalloc.h"
#include "core/base/yamltree.h"

#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include <stdio.h>
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

static const char *const top_keys[] = {"articles", "theme",         "kb",          "keys",
                                       "layout",   "mouse",         "boilerplate", "date_format",
                                       "cache",    "feeds",         "feeds_dir",   "feeds_file",
                                       "opml",     "fetch_timeout", "clipboard"};
#define NTOP_KEYS (sizeof top_keys / sizeof *top_keys)

static const char *const layout_names[] = {"auto", "wide", "narrow"};

struct config *config_new(void)
{
    struct config *cfg = xcalloc(1, sizeof *cfg);
    cfg->layout = CONFIG_LAYOUT_AUTO;
    cfg->date_format = xstrdup("%d %b");
    cfg->mouse = true;
    cfg->cache = true;
    cfg->fetch_timeout = 20;
    return cfg;
}

static void free_items(struct config_item *items, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(items[i].value);
    free(items);
}

void config_free(struct config *cfg)
{
    if (!cfg)
        return;
    free(cfg->path);
    free_items(cfg->articles, cfg->narticles);
    free(cfg->theme.value);
    for (size_t i = 0; i < cfg->nbindings; i++) {
        free(cfg->bindings[i].request);
        free(cfg->bindings[i].keys);
    }
    free(cfg->bindings);
    free_items(cfg->kb_files, cfg->nkb_files);
    free_items(cfg->boilerplate, cfg->nboilerplate);
    free(cfg->date_format);
    subs_free(&cfg->feeds);
    free(cfg->feeds_dir.value);
    free(cfg->feeds_file.value);
    free(cfg->opml.value);
    free(cfg);
}

bool config_user_dir(struct buf *out)
{
    const char *xdg = getenv("XDG_CONFIG_HOME");
    const char *home = getenv("HOME");
    if (xdg && *xdg == '/')
        buf_printf(out, "%s/touchline", xdg);
    else if (home && *home)
        buf_printf(out, "%s/.config/touchline", home);
    else
        return false;
    return true;
}

bool config_default_path(struct buf *out)
{
    if (!config_user_dir(out))
        return false;
    buf_puts(out, "/config.yaml");
    return true;
}

const char *config_layout_name(enum config_layout layout)
{
    return (unsigned)layout < 3 ? layout_names[layout] : "?";
}

/* Reading one file. */
struct loader {
    const struct yamltree *tree;
    struct config *cfg;
    struct buf *warnings;
    struct tl_error *err;
};

static bool expect_string(struct loader *L, const char *what, const struct yamltree_node *v)
{
    if (v->type == YAMLTREE_SCALAR && !yamltree_is_null(v))
        return true;
    return yamltree_fail(L->err, L->tree, v, "expected %s, found %s", what, yamltree_describe(v));
}

/* `~/x` from $HOME; a relative path from the config file's directory. */
char *config_expand_path(const char *config_path, const char *p)
{
    struct buf b;
    buf_init(&b);
    const char *home = getenv("HOME");
    const char *slash = config_path ? strrchr(config_path, '/') : NULL;
    if ((p[0] == '~' && (p[1] == '/' || !p[1])) && home && *home)
        buf_printf(&b, "%s%s", home, p + 1);
    else if (p[0] != '/' && p[0] != '~' && slash)
        buf_printf(&b, "%.*s/%s", (int)(slash - config_path), config_path, p);
    else
        buf_puts(&b, p);
    return buf_detach(&b, NULL);
}

static char *expand_path(struct loader *L, const char *p)
{
    return config_expand_path(L->tree->path, p);
}

static void add_item(struct config_item **items, size_t *n, char *value,
                     const struct yamltree_node *v)
{
    *items = xrealloc(*items, (*n + 1) * sizeof **items);
    (*items)[(*n)++] = (struct config_item){value, v->line, v->col};
}

/* A string or a list of strings; paths are expanded. */
static bool read_list(struct loader *L, const char *key, const char *what,
                      const struct yamltree_node *v, bool paths, struct config_item **items,
                      size_t *n)
{
    if (v->type == YAMLTREE_MAPPING || yamltree_is_null(v))
        return yamltree_fail(L->err, L->tree, v, "expected %s or a list of them for '%s', found %s",
                             what, key, yamltree_describe(v));
    bool one = v->type == YAMLTREE_SCALAR;
    size_t count = one ? 1 : v->nitems;
    for (size_t i = 0; i < count; i++) {
        const struct yamltree_node *item = one ? v : v->items[i];
        if (!expect_string(L, what, item))
            return false;
        add_item(items, n, paths ? expand_path(L, item->text) : xstrdup(item->text), item);
    }
    return true;
}

static bool read_pattern(struct loader *L, const struct yamltree_node *v)
{
    if (!expect_string(L, "a PCRE2 pattern", v))
        return false;
    int code;
    PCRE2_SIZE offset;
    /* The same options as boilerplate_add, so that what passes here is accepted there. */
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)v->text, v->len,
                                   PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED |
                                       PCRE2_ENDANCHORED | PCRE2_MATCH_INVALID_UTF,
                                   &code, &offset, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        unsigned line, col;
        yamltree_locate(L->tree, v, offset, &line, &col);
        return tl_error_at(L->err, L->tree->path, line, col,
                           "bad boilerplate pattern: %s (at offset %zu); expected a PCRE2 "
                           "regular expression",
                           (const char *)msg, (size_t)offset);
    }
    pcre2_code_free(re);
    add_item(&L->cfg->boilerplate, &L->cfg->nboilerplate, xstrdup(v->text), v);
    return true;
}

static bool read_patterns(struct loader *L, const struct yamltree_node *v)
{
    if (v->type == YAMLTREE_SCALAR && !yamltree_is_null(v))
        return read_pattern(L, v);
    if (v->type != YAMLTREE_SEQUENCE)
        return yamltree_fail(L->err, L->tree, v,
                             "expected a list of PCRE2 patterns for 'boilerplate', found %s",
                             yamltree_describe(v));
    for (size_t i = 0; i < v->nitems; i++)
        if (!read_pattern(L, v->items[i]))
            return false;
    return true;
}

static bool read_layout(struct loader *L, const struct yamltree_node *v)
{
    if (!expect_string(L, "auto, wide or narrow for 'layout'", v))
        return false;
    for (int i = 0; i < 3; i++)
        if (!strcmp(v->text, layout_names[i])) {
            L->cfg->layout = (enum config_layout)i;
            return true;
        }
    const char *near = suggest_nearest(v->text, layout_names, 3);
    return yamltree_fail(L->err, L->tree, v, "unknown layout '%s'; %s%s%s", v->text,
                         near ? "did you mean '" : "expected auto, wide or narrow",
                         near ? near : "", near ? "'?" : "");
}

/* `clipboard`: osc52, or none or off (no copy; `y` shows the URL). */
static bool read_clipboard(struct loader *L, const struct yamltree_node *v)
{
    static const char *const names[] = {"osc52", "none", "off"};
    if (!expect_string(L, "osc52, none or off for 'clipboard'", v))
        return false;
    if (!strcmp(v->text, "osc52") || !strcmp(v->text, "none") || !strcmp(v->text, "off")) {
        L->cfg->clipboard =
            !strcmp(v->text, "osc52") ? CONFIG_CLIPBOARD_OSC52 : CONFIG_CLIPBOARD_NONE;
        return true;
    }
    const char *near = suggest_nearest(v->text, names, 3);
    return yamltree_fail(L->err, L->tree, v, "unknown clipboard '%s'; %s%s%s", v->text,
                         near ? "did you mean '" : "expected osc52, none or off", near ? near : "",
                         near ? "'?" : "");
}

/* A true/false key (mouse, cache) into *out. */
static bool read_bool(struct loader *L, const char *key, const struct yamltree_node *v, bool *out)
{
    static const char *const yes[] = {"true", "yes", "on"}, *const no[] = {"false", "no", "off"};
    char what[64];
    snprintf(what, sizeof what, "true or false for '%s'", key);
    if (!expect_string(L, what, v))
        return false;
    for (int i = 0; i < 3; i++) {
        if (!strcasecmp(v->text, yes[i]) || !strcasecmp(v->text, no[i])) {
            *out = !strcasecmp(v->text, yes[i]);
            return true;
        }
    }
    return yamltree_fail(L->err, L->tree, v, "expected %s, found '%s'", what, v->text);
}

/* Every % in a strftime format must start a conversion strftime knows. */
static bool read_date_format(struct loader *L, const struct yamltree_node *v)
{
    static const char conversions[] = "aAbBcCdDeFgGhHIjklmMnpPrRsStTuUVwWxXyYzZ+%";
    if (!expect_string(L, "a strftime format such as \"%d %b\" for 'date_format'", v))
        return false;
    for (size_t i = 0; i < v->len; i++) {
        if (v->text[i] != '%')
            continue;
        size_t at = i++;
        while (i < v->len && strchr("-_0^#", v->text[i]))
            i++;
        while (i < v->len && isdigit((unsigned char)v->text[i]))
            i++;
        if (i < v->len && (v->text[i] == 'E' || v->text[i] == 'O'))
            i++;
        if (i >= v->len || !strchr(conversions, v->text[i]) || !v->text[i]) {
            unsigned line, col;
            yamltree_locate(L->tree, v, at, &line, &col);
            if (i >= v->len)
                return tl_error_at(L->err, L->tree->path, line, col,
                                   "date_format ends in a lone '%%'; write %%%% for a percent "
                                   "sign");
            return tl_error_at(L->err, L->tree->path, line, col,
                               "unknown conversion '%%%c' in date_format; expected strftime "
                               "conversions such as %%d %%b %%Y %%H:%%M",
                               v->text[i]);
        }
    }
    free(L->cfg->date_format);
    L->cfg->date_format = xstrdup(v->text);
    return true;
}

static bool read_key(struct loader *L, const struct yamltree_node *v, struct config_binding *b)
{
    if (!expect_string(L, "a key such as n, <C-d> or <Enter>", v))
        return false;
    struct buf why;
    buf_init(&why);
    int code;
    bool ok =
        config_parse_key(v->text, &code, &why) || yamltree_fail(L->err, L->tree, v, "%s", why.data);
    buf_free(&why);
    if (ok) {
        b->keys = xrealloc(b->keys, (b->nkeys + 1) * sizeof *b->keys);
        b->keys[b->nkeys++] = (struct config_key){code, v->line, v->col};
    }
    return ok;
}

static bool read_keys(struct loader *L, const struct yamltree_node *v)
{
    if (v->type != YAMLTREE_MAPPING)
        return yamltree_fail(L->err, L->tree, v,
                             "expected a mapping of request names to keys for 'keys', such as "
                             "{next-mention: n}, found %s",
                             yamltree_describe(v));
    struct config *cfg = L->cfg;
    for (size_t i = 0; i < yamltree_npairs(v); i++) {
        const struct yamltree_node *k = yamltree_key(v, i), *val = yamltree_value(v, i);
        cfg->bindings = xrealloc(cfg->bindings, (cfg->nbindings + 1) * sizeof *cfg->bindings);
        struct config_binding *b = &cfg->bindings[cfg->nbindings++];
        *b = (struct config_binding){xstrdup(k->text), k->line, k->col, NULL, 0};
        if (val->type == YAMLTREE_SEQUENCE) {
            for (size_t j = 0; j < val->nitems; j++)
                if (!read_key(L, val->items[j], b))
                    return false;
        } else if (val->type == YAMLTREE_MAPPING || yamltree_is_null(val)) {
            return yamltree_fail(L->err, L->tree, val,
                                 "expected a key or a list of keys for '%s' ([] unbinds it), "
                                 "found %s",
                                 k->text, yamltree_describe(val));
        } else if (!read_key(L, val, b)) {
            return false;
        }
    }
    return true;
}

static bool read_pair(struct loader *L, const struct yamltree_node *k,
                      const struct yamltree_node *v)
{
    struct config *cfg = L->cfg;
    const char *key = k->text;
    if (!strcmp(key, "articles"))
        return read_list(L, key, "a folder", v, true, &cfg->articles, &cfg->narticles);
    if (!strcmp(key, "kb"))
        return read_list(L, key, "a knowledge-base file", v, true, &cfg->kb_files, &cfg->nkb_files);
    if (!strcmp(key, "theme")) {
        if (!expect_string(L, "a theme name or path for 'theme'", v))
            return false;
        free(cfg->theme.value);
        cfg->theme = (struct config_item){xstrdup(v->text), v->line, v->col};
        return true;
    }
    if (!strcmp(key, "layout"))
        return read_layout(L, v);
    if (!strcmp(key, "keys"))
        return read_keys(L, v);
    if (!strcmp(key, "boilerplate"))
        return read_patterns(L, v);
    if (!strcmp(key, "date_format"))
        return read_date_format(L, v);
    if (!strcmp(key, "mouse"))
        return read_bool(L, key, v, &L->cfg->mouse);
    if (!strcmp(key, "cache"))
        return read_bool(L, key, v, &L->cfg->cache);
    if (!strcmp(key, "clipboard"))
        return read_clipboard(L, v);
    int feed = config_read_feed_key(cfg, L->tree, k, v, L->err);
    if (feed >= 0)
        return feed == 1;
    const char *near = suggest_nearest(key, top_keys, NTOP_KEYS);
    if (near) {
        yamltree_warn(L->warnings, L->tree, k, "unknown key '%s' ignored; did you mean '%s'?", key,
                      near);
    } else {
        struct buf all;
        buf_init(&all);
        for (size_t i = 0; i < NTOP_KEYS; i++)
            buf_printf(&all, "%s%s", i ? ", " : "", top_keys[i]);
        yamltree_warn(L->warnings, L->tree, k, "unknown key '%s' ignored; expected one of %s", key,
                      all.data);
        buf_free(&all);
    }
    return true;
}

/* Builds a config from a parsed tree; the tree is freed either way. */
static struct config *load_tree(struct yamltree *tree, struct buf *warnings, struct tl_error *err)
{
    struct config *cfg = config_new();
    cfg->path = xstrdup(tree->path);
    struct loader L = {tree, cfg, warnings, err};
    const struct yamltree_node *root = tree->root;
    bool ok = true;
    if (root && !yamltree_is_null(root) && root->type != YAMLTREE_MAPPING)
        ok = yamltree_fail(err, tree, root,
                           "expected a mapping such as 'articles: ~/news' at the top of the "
                           "config, found %s",
                           yamltree_describe(root));
    for (size_t i = 0; ok && i < yamltree_npairs(root); i++)
        ok = read_pair(&L, yamltree_key(root, i), yamltree_value(root, i));
    yamltree_free(tree);
    if (!ok) {
        config_free(cfg);
        return NULL;
    }
    return cfg;
}

struct config *config_load_text(const char *path, const char *text, size_t len,
                                struct buf *warnings, struct tl_error *err)
{
    struct yamltree tree;
    if (!yamltree_load_text(&tree, path, text, len, &yamltree_strict, err)) {
        yamltree_free(&tree);
        return NULL;
    }
    return load_tree(&tree, warnings, err);
}

struct config *config_load(const char *path, struct buf *warnings, struct tl_error *err)
{
    struct buf def;
    buf_init(&def);
    struct stat st;
    if (!path && (!config_default_path(&def) || (stat(def.data, &st) != 0 && errno == ENOENT))) {
        buf_free(&def);
        return config_new();
    }
    struct yamltree tree;
    bool ok = yamltree_load_file(&tree, path ? path : def.data, &yamltree_strict, err);
    buf_free(&def);
    if (!ok) {
        yamltree_free(&tree);
        return NULL;
    }
    return load_tree(&tree, warnings, err);
}

const struct config_binding *config_find_binding(const struct config *cfg, const char *request)
{
    for (size_t i = cfg->nbindings; i-- > 0;)
        if (!strcmp(cfg->bindings[i].request, request))
            return &cfg->bindings[i];
    return NULL;
}

bool config_add_boilerplate(const struct config *cfg, struct boilerplate *bp, struct tl_error *err)
{
    for (size_t i = 0; i < cfg->nboilerplate; i++) {
        struct tl_error e;
        if (!boilerplate_add(bp, cfg->boilerplate[i].value, &e))
            return tl_error_at(err, cfg->path ? cfg->path : "config", cfg->boilerplate[i].line,
                               cfg->boilerplate[i].col, "%s", e.msg);
    }
    return true;
}
