/* frontmatter: the YAML `---` block of a Markdown article, read with yamltree. */
#include "core/load/frontmatter.h"
#include "core/base/buf.h"
#include "core/load/sanitize.h"
#include "core/base/xalloc.h"
#include "core/base/yamltree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Front matter is third-party text, and a block that is refused makes the
 * whole article unreadable, so its reader is lenient where that is safe: an
 * alias is copied (at most 10,000 values in all: a billion-laughs block is
 * refused quickly), a repeated key is read as the last one (as most YAML
 * readers do), and 100 levels of nesting are accepted. */
static const struct yamltree_limits front_limits = {
    .max_bytes = FRONT_MATTER_MAX,
    .max_nodes = YAMLTREE_MAX_NODES,
    .max_depth = 100,
    .max_alias_nodes = 10000,
    .last_key_wins = true,
};

/* Length of the line at s (without its newline). */
static size_t line_len(const char *s, size_t len)
{
    const char *nl = memchr(s, '\n', len);
    return nl ? (size_t)(nl - s) : len;
}

static bool is_fence(const char *s, size_t n, bool closing)
{
    while (n && s[n - 1] == ' ')
        n--;
    return (n == 3 && memcmp(s, "---", 3) == 0) || (closing && n == 3 && memcmp(s, "...", 3) == 0);
}

bool frontmatter_split(const char *text, size_t len, const char **yaml, size_t *yaml_len,
                       size_t *body_start, unsigned *body_line)
{
    size_t first = line_len(text, len);
    if (first >= len || !is_fence(text, first, false))
        return false;
    size_t pos = first + 1;
    unsigned line = 2;
    while (pos < len && pos - first <= FRONT_MATTER_MAX + 1) {
        size_t n = line_len(text + pos, len - pos);
        if (is_fence(text + pos, n, true)) {
            *yaml = text + first + 1;
            *yaml_len = pos - (first + 1);
            *body_start = pos + n < len ? pos + n + 1 : len;
            *body_line = line + 1;
            return true;
        }
        pos += n + 1;
        line++;
    }
    return false;
}

/* A decoded scalar, sanitised again: YAML escapes ("\e", "\x9b", "\u202e",
 * "\0") can write the very controls the loader removed from the file. An
 * exact-size copy: an article keeps it as long as it is loaded (a buffer's
 * room is 64 bytes at least). */
static char *clean_text(const char *s, size_t n)
{
    struct buf b;
    buf_init(&b);
    sanitize_text(s, n, &b, NULL);
    char *text = xstrndup(b.data ? b.data : "", b.len);
    buf_free(&b);
    return text;
}

static char *scalar_text(const struct yamltree_node *n)
{
    return clean_text(n->text, n->len);
}

/* The value of an unknown key, kept as the source text it was written as. */
static char *raw_text(const struct yamltree *t, const struct yamltree_node *n)
{
    if (n->type == YAMLTREE_SCALAR)
        return scalar_text(n);
    size_t a = n->start, b = n->end;
    if (a > t->len || b > t->len || b < a)
        return xstrdup("");
    while (b > a && (t->text[b - 1] == '\n' || t->text[b - 1] == ' '))
        b--;
    return xstrndup(t->text + a, b - a);
}

static void add_tag(struct frontmatter *fm, const char *text, size_t len)
{
    char *clean = clean_text(text, len);
    const char *s = clean;
    size_t n = strlen(clean);
    while (n && (*s == ' ' || *s == '\n'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n'))
        n--;
    if (n) {
        fm->tags = xrealloc(fm->tags, (fm->ntags + 1) * sizeof *fm->tags);
        fm->tags[fm->ntags++] = xstrndup(s, n);
    }
    free(clean);
}

/* tags: a sequence of scalars, or one string of comma-separated tags. */
static bool read_tags(const struct yamltree *t, const struct yamltree_node *v,
                      struct frontmatter *fm, struct tl_error *err)
{
    if (v->type == YAMLTREE_SCALAR) {
        const char *s = v->text;
        size_t n = v->len;
        while (n) {
            const char *comma = memchr(s, ',', n);
            size_t part = comma ? (size_t)(comma - s) : n;
            add_tag(fm, s, part);
            s += part + (comma ? 1 : 0);
            n -= part + (comma ? 1 : 0);
        }
        return true;
    }
    if (v->type != YAMLTREE_SEQUENCE)
        return yamltree_fail(err, t, v, "'tags' must be a list or a comma-separated string");
    for (size_t i = 0; i < v->nitems; i++) {
        const struct yamltree_node *item = v->items[i];
        if (item->type != YAMLTREE_SCALAR)
            return yamltree_fail(err, t, item, "each tag must be a plain string");
        add_tag(fm, item->text, item->len);
    }
    return true;
}

static char **known_slot(struct frontmatter *fm, const char *key)
{
    if (!strcmp(key, "title"))
        return &fm->title;
    if (!strcmp(key, "date"))
        return &fm->date;
    if (!strcmp(key, "source"))
        return &fm->source;
    if (!strcmp(key, "url"))
        return &fm->url;
    if (!strcmp(key, "author"))
        return &fm->author;
    return NULL;
}

static bool read_pair(const struct yamltree *t, const struct yamltree_node *k,
                      const struct yamltree_node *v, struct frontmatter *fm, struct tl_error *err)
{
    char *key = scalar_text(k);
    bool ok = true;
    char **slot = known_slot(fm, key);
    if (!strcmp(key, "tags")) {
        ok = read_tags(t, v, fm, err);
    } else if (slot) {
        if (v->type != YAMLTREE_SCALAR) {
            ok = yamltree_fail(err, t, v, "'%s' must be a single value", key);
        } else {
            free(*slot);
            *slot = scalar_text(v);
            if (slot == &fm->date) {
                fm->date_line = v->line;
                fm->date_col = v->col;
            }
        }
    } else {
        fm->extra = xrealloc(fm->extra, (fm->nextra + 1) * sizeof *fm->extra);
        fm->extra[fm->nextra].key = key;
        fm->extra[fm->nextra++].value = raw_text(t, v);
        return true;
    }
    free(key);
    return ok;
}

/* Puts "front matter: " after the "path:line:col: " of a yamltree error. */
static void say_front_matter(struct tl_error *err, const char *path)
{
    if (!err || strncmp(err->msg, path, strlen(path)) != 0)
        return;
    const char *what = strstr(err->msg + strlen(path), ": ");
    if (!what)
        return;
    char msg[sizeof err->msg];
    int at = (int)(what + 2 - err->msg);
    snprintf(msg, sizeof msg, "%.*sfront matter: %s", at, err->msg, what + 2);
    memcpy(err->msg, msg, sizeof msg);
}

bool frontmatter_parse(const char *path, const char *yaml, size_t len, unsigned first_line,
                       struct frontmatter *fm, struct tl_error *err)
{
    memset(fm, 0, sizeof *fm);
    struct yamltree t;
    if (!yamltree_load_part(&t, path, yaml, len, first_line, &front_limits, err)) {
        say_front_matter(err, path);
        yamltree_free(&t);
        return false;
    }
    bool ok = true;
    const struct yamltree_node *root = t.root;
    if (root && root->type == YAMLTREE_MAPPING) {
        for (size_t i = 0; ok && i < yamltree_npairs(root); i++)
            ok = read_pair(&t, yamltree_key(root, i), yamltree_value(root, i), fm, err);
    } else if (root && !(root->type == YAMLTREE_SCALAR && root->len == 0)) {
        ok = yamltree_fail(err, &t, root, "front matter must be a mapping of keys to values");
    }
    yamltree_free(&t);
    if (!ok)
        frontmatter_free(fm);
    return ok;
}

void frontmatter_free(struct frontmatter *fm)
{
    free(fm->title);
    free(fm->date);
    free(fm->source);
    free(fm->url);
    free(fm->author);
    for (size_t i = 0; i < fm->ntags; i++)
        free(fm->tags[i]);
    free(fm->tags);
    for (size_t i = 0; i < fm->nextra; i++) {
        free(fm->extra[i].key);
        free(fm->extra[i].value);
    }
    free(fm->extra);
    memset(fm, 0, sizeof *fm);
}
