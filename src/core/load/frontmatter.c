/* frontmatter: the YAML `---` block of a Markdown article, read with libyaml. */
#include "core/load/frontmatter.h"
#include "core/base/buf.h"
#include "core/load/sanitize.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

/* Deepest flow nesting ("[" and "{") accepted. libyaml's scanner takes time
 * quadratic in the depth: 30000 levels in a 64 KiB block take seconds. */
#define FRONT_MATTER_MAX_DEPTH 100

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
 * "\0") can write the very controls the loader removed from the file. */
static char *clean_text(const char *s, size_t n)
{
    struct buf b;
    buf_init(&b);
    sanitize_text(s, n, &b, NULL);
    return buf_detach(&b, NULL);
}

static char *scalar_text(const yaml_node_t *node)
{
    return clean_text((const char *)node->data.scalar.value, node->data.scalar.length);
}

/* The value of an unknown key, kept as the source text it was written as. */
static char *raw_text(const char *yaml, size_t len, const yaml_node_t *node)
{
    if (node->type == YAML_SCALAR_NODE)
        return scalar_text(node);
    size_t a = node->start_mark.index, b = node->end_mark.index;
    if (a > len || b > len || b < a)
        return xstrdup("");
    while (b > a && (yaml[b - 1] == '\n' || yaml[b - 1] == ' '))
        b--;
    return xstrndup(yaml + a, b - a);
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
static bool read_tags(const char *path, unsigned first_line, yaml_document_t *doc,
                      yaml_node_t *node, struct frontmatter *fm, struct tl_error *err)
{
    if (node->type == YAML_SCALAR_NODE) {
        const char *s = (const char *)node->data.scalar.value;
        size_t n = node->data.scalar.length;
        while (n) {
            const char *comma = memchr(s, ',', n);
            size_t part = comma ? (size_t)(comma - s) : n;
            add_tag(fm, s, part);
            s += part + (comma ? 1 : 0);
            n -= part + (comma ? 1 : 0);
        }
        return true;
    }
    if (node->type != YAML_SEQUENCE_NODE)
        return tl_error_at(err, path, first_line + (unsigned)node->start_mark.line,
                           (unsigned)node->start_mark.column + 1,
                           "'tags' must be a list or a comma-separated string");
    for (yaml_node_item_t *it = node->data.sequence.items.start; it < node->data.sequence.items.top;
         it++) {
        yaml_node_t *item = yaml_document_get_node(doc, *it);
        if (!item || item->type != YAML_SCALAR_NODE)
            return tl_error_at(err, path, first_line + (unsigned)(item ? item->start_mark.line : 0),
                               item ? (unsigned)item->start_mark.column + 1 : 1,
                               "each tag must be a plain string");
        add_tag(fm, (const char *)item->data.scalar.value, item->data.scalar.length);
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

static bool read_pair(const char *path, const char *yaml, size_t len, unsigned first_line,
                      yaml_document_t *doc, yaml_node_pair_t *pair, struct frontmatter *fm,
                      struct tl_error *err)
{
    yaml_node_t *k = yaml_document_get_node(doc, pair->key);
    yaml_node_t *v = yaml_document_get_node(doc, pair->value);
    if (!k || !v)
        return true;
    if (k->type != YAML_SCALAR_NODE)
        return tl_error_at(err, path, first_line + (unsigned)k->start_mark.line,
                           (unsigned)k->start_mark.column + 1, "front matter keys must be strings");
    char *key = scalar_text(k);
    bool ok = true;
    char **slot = known_slot(fm, key);
    if (!strcmp(key, "tags")) {
        ok = read_tags(path, first_line, doc, v, fm, err);
    } else if (slot) {
        if (v->type != YAML_SCALAR_NODE) {
            ok =
                tl_error_at(err, path, first_line + (unsigned)v->start_mark.line,
                            (unsigned)v->start_mark.column + 1, "'%s' must be a single value", key);
        } else {
            free(*slot);
            *slot = scalar_text(v);
            if (slot == &fm->date) {
                fm->date_line = first_line + (unsigned)v->start_mark.line;
                fm->date_col = (unsigned)v->start_mark.column + 1;
            }
        }
    } else {
        fm->extra = xrealloc(fm->extra, (fm->nextra + 1) * sizeof *fm->extra);
        fm->extra[fm->nextra].key = key;
        fm->extra[fm->nextra++].value = raw_text(yaml, len, v);
        return true;
    }
    free(key);
    return ok;
}

/* Refuses a block nested deeper than FRONT_MATTER_MAX_DEPTH before libyaml
 * sees it. Brackets are counted naively, inside quotes too: no real front
 * matter comes near the limit. */
static bool check_depth(const char *path, const char *yaml, size_t len, unsigned first_line,
                        struct tl_error *err)
{
    unsigned line = first_line, col = 1, depth = 0;
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)yaml[i];
        if ((c == '[' || c == '{') && ++depth > FRONT_MATTER_MAX_DEPTH)
            return tl_error_at(err, path, line, col, "front matter: nested deeper than %d levels",
                               FRONT_MATTER_MAX_DEPTH);
        if ((c == ']' || c == '}') && depth)
            depth--;
        if (c == '\n')
            line++, col = 1;
        else if ((c & 0xC0) != 0x80) /* count characters, not bytes */
            col++;
    }
    return true;
}

bool frontmatter_parse(const char *path, const char *yaml, size_t len, unsigned first_line,
                       struct frontmatter *fm, struct tl_error *err)
{
    memset(fm, 0, sizeof *fm);
    if (!check_depth(path, yaml, len, first_line, err))
        return false;
    yaml_parser_t parser;
    yaml_document_t doc;
    if (!yaml_parser_initialize(&parser))
        return tl_error_at(err, path, first_line, 1, "cannot start the YAML parser");
    yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
    if (!yaml_parser_load(&parser, &doc)) {
        tl_error_at(err, path, first_line + (unsigned)parser.problem_mark.line,
                    (unsigned)parser.problem_mark.column + 1, "front matter: %s",
                    parser.problem ? parser.problem : "bad YAML");
        yaml_parser_delete(&parser);
        return false;
    }
    bool ok = true;
    yaml_node_t *root = yaml_document_get_root_node(&doc);
    if (root && root->type == YAML_MAPPING_NODE) {
        for (yaml_node_pair_t *p = root->data.mapping.pairs.start;
             ok && p < root->data.mapping.pairs.top; p++)
            ok = read_pair(path, yaml, len, first_line, &doc, p, fm, err);
    } else if (root && !(root->type == YAML_SCALAR_NODE && root->data.scalar.length == 0)) {
        ok = tl_error_at(err, path, first_line + (unsigned)root->start_mark.line,
                         (unsigned)root->start_mark.column + 1,
                         "front matter must be a mapping of keys to values");
    }
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
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
