/* yamltree_load: libyaml events built into a yamltree within the caller's
 * limits: size, values, depth, aliases (copied within a budget, or refused)
 * and repeated keys (refused, or the last one kept). */
#include "core/base/yamltree.h"
#include "core/base/hash.h"
#include "core/base/xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

const struct yamltree_limits yamltree_strict = {
    .max_bytes = YAMLTREE_MAX_BYTES,
    .max_nodes = YAMLTREE_MAX_NODES,
    .max_depth = YAMLTREE_MAX_DEPTH,
    .max_alias_nodes = 0,
    .last_key_wins = false,
};

/* Anchors seen so far (only kept when aliases are allowed): a hash of names
 * to the values they mark; a later anchor of the same name replaces it. */
struct anchor {
    char *name;
    struct yamltree_node *node;
};

struct builder {
    struct yamltree *t;
    const struct yamltree_limits *lim;
    struct yamltree_node *stack[YAMLTREE_DEPTH_CAP];
    size_t depth, max_depth;
    size_t nodes, alias_nodes;
    int documents;
    struct anchor *anchors;
    size_t nanchors, acap;
    size_t *slots; /* anchor index + 1; 0 is empty */
    size_t nslots;
    /* Pairs a later key replaced: kept until the end, as anchors may name them. */
    struct yamltree_node **dropped;
    size_t ndropped, dcap;
    struct tl_error *err;
};

static void node_free(struct yamltree_node *n)
{
    if (!n)
        return;
    for (size_t i = 0; i < n->nitems; i++)
        node_free(n->items[i]);
    free(n->items);
    free(n->text);
    free(n);
}

void yamltree_free(struct yamltree *t)
{
    node_free(t->root);
    free(t->path);
    free(t->text);
    memset(t, 0, sizeof *t);
}

static bool fail_mark(struct builder *b, yaml_mark_t m, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool fail_mark(struct builder *b, yaml_mark_t m, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return tl_error_at(b->err, b->t->path, b->t->first_line + (unsigned)m.line,
                       (unsigned)m.column + 1, "%s", msg);
}

static bool syntax_error(struct builder *b, const yaml_parser_t *p)
{
    const char *problem = p->problem ? p->problem : "unreadable YAML";
    if (p->context)
        return fail_mark(b, p->problem_mark,
                         "invalid YAML: %s (%s at line %u); expected valid YAML", problem,
                         p->context, b->t->first_line + (unsigned)p->context_mark.line);
    return fail_mark(b, p->problem_mark, "invalid YAML: %s; expected valid YAML", problem);
}

static enum yamltree_style style_of(yaml_scalar_style_t s)
{
    switch (s) {
    case YAML_SINGLE_QUOTED_SCALAR_STYLE:
        return YAMLTREE_SINGLE_QUOTED;
    case YAML_DOUBLE_QUOTED_SCALAR_STYLE:
        return YAMLTREE_DOUBLE_QUOTED;
    case YAML_LITERAL_SCALAR_STYLE:
        return YAMLTREE_LITERAL;
    case YAML_FOLDED_SCALAR_STYLE:
        return YAMLTREE_FOLDED;
    default:
        return YAMLTREE_PLAIN;
    }
}

/* Creates a node and hangs it under the open collection (or at the root), so
 * that everything built is reachable from the root and freed on failure. */
static struct yamltree_node *add_node(struct builder *b, enum yamltree_type type, yaml_mark_t m)
{
    if (++b->nodes > b->lim->max_nodes) {
        fail_mark(b, m, "more than %zu values; the file is refused", b->lim->max_nodes);
        return NULL;
    }
    struct yamltree_node *parent = b->depth ? b->stack[b->depth - 1] : NULL;
    if (parent && parent->type == YAMLTREE_MAPPING && parent->nitems % 2 == 0 &&
        type != YAMLTREE_SCALAR) {
        fail_mark(b, m, "expected a plain key, found %s used as a key",
                  type == YAMLTREE_MAPPING ? "a mapping" : "a list");
        return NULL;
    }
    if (!parent && b->t->root) { /* cannot happen with one document */
        fail_mark(b, m, "expected one value at the top of the file");
        return NULL;
    }
    struct yamltree_node *n = xcalloc(1, sizeof *n);
    n->type = type;
    n->line = b->t->first_line + (unsigned)m.line;
    n->start = n->end = m.index;
    n->col = (unsigned)m.column + 1;
    if (parent) {
        parent->items =
            xgrow(parent->items, &parent->cap, parent->nitems + 1, sizeof *parent->items);
        parent->items[parent->nitems++] = n;
    } else {
        b->t->root = n;
    }
    return n;
}

static bool too_deep(struct builder *b, yaml_mark_t m)
{
    return fail_mark(b, m, "values nested more than %zu deep; the file is refused", b->max_depth);
}

static bool open_collection(struct builder *b, enum yamltree_type type, yaml_mark_t m)
{
    if (b->depth >= b->max_depth)
        return too_deep(b, m);
    struct yamltree_node *n = add_node(b, type, m);
    if (!n)
        return false;
    b->stack[b->depth++] = n;
    return true;
}

/* The slot of an anchor name in the hash: its own, or the empty one where it
 * would go. */
static size_t anchor_slot(const struct builder *b, const char *name)
{
    size_t mask = b->nslots - 1, i = (size_t)hash_str(name) & mask;
    while (b->slots[i] && strcmp(b->anchors[b->slots[i] - 1].name, name) != 0)
        i = (i + 1) & mask;
    return i;
}

static void anchors_rehash(struct builder *b)
{
    free(b->slots);
    b->nslots = b->nslots ? b->nslots * 2 : 64;
    b->slots = xcalloc(b->nslots, sizeof *b->slots);
    for (size_t a = 0; a < b->nanchors; a++)
        b->slots[anchor_slot(b, b->anchors[a].name)] = a + 1;
}

/* Remembers that `name` marks node n (when aliases may be used at all). */
static void anchor_add(struct builder *b, const unsigned char *name, struct yamltree_node *n)
{
    if (!name || !n || !b->lim->max_alias_nodes)
        return;
    if ((b->nanchors + 1) * 2 > b->nslots)
        anchors_rehash(b);
    size_t slot = anchor_slot(b, (const char *)name);
    if (b->slots[slot]) {
        b->anchors[b->slots[slot] - 1].node = n;
        return;
    }
    b->anchors = xgrow(b->anchors, &b->acap, b->nanchors + 1, sizeof *b->anchors);
    b->anchors[b->nanchors++] = (struct anchor){xstrdup((const char *)name), n};
    b->slots[slot] = b->nanchors;
}

static struct yamltree_node *anchor_find(const struct builder *b, const char *name)
{
    if (!b->nslots)
        return NULL;
    size_t slot = anchor_slot(b, name);
    return b->slots[slot] ? b->anchors[b->slots[slot] - 1].node : NULL;
}

/* Fills dst, made for an alias, as a copy of src and everything below it;
 * `level` is how deep dst sits. Every copied value counts against both the
 * values and the alias budget, so an alias bomb stops early. */
static bool copy_into(struct builder *b, struct yamltree_node *dst, const struct yamltree_node *src,
                      size_t level, yaml_mark_t m)
{
    dst->line = src->line;
    dst->col = src->col;
    dst->start = src->start;
    dst->end = src->end;
    dst->style = src->style;
    if (src->text) {
        dst->text = xstrndup(src->text, src->len);
        dst->len = src->len;
    }
    if (src->type != YAMLTREE_SCALAR && level > b->max_depth)
        return too_deep(b, m);
    for (size_t i = 0; i < src->nitems; i++) {
        if (++b->alias_nodes > b->lim->max_alias_nodes || ++b->nodes > b->lim->max_nodes)
            return fail_mark(b, m, "aliases copy in more than %zu values; the file is refused",
                             b->alias_nodes > b->lim->max_alias_nodes ? b->lim->max_alias_nodes
                                                                      : b->lim->max_nodes);
        struct yamltree_node *c = xcalloc(1, sizeof *c);
        c->type = src->items[i]->type;
        dst->items = xgrow(dst->items, &dst->cap, dst->nitems + 1, sizeof *dst->items);
        dst->items[dst->nitems++] = c;
        if (!copy_into(b, c, src->items[i], level + 1, m))
            return false;
    }
    return true;
}

/* An alias stands for a copy of the value its anchor marks, positions and
 * all (as if written out there), or is refused when the caller allows none. */
static bool take_alias(struct builder *b, const yaml_event_t *ev)
{
    const char *name = (const char *)ev->data.alias.anchor;
    if (!b->lim->max_alias_nodes)
        return fail_mark(b, ev->start_mark,
                         "alias '*%s' is not allowed; write the value out in full", name);
    const struct yamltree_node *src = anchor_find(b, name);
    if (!src)
        return fail_mark(b, ev->start_mark, "alias '*%s' before any '&%s'; expected an anchor",
                         name, name);
    for (size_t i = 0; i < b->depth; i++)
        if (b->stack[i] == src)
            return fail_mark(b, ev->start_mark,
                             "alias '*%s' inside the value it names; expected no loop", name);
    if (++b->alias_nodes > b->lim->max_alias_nodes)
        return fail_mark(b, ev->start_mark,
                         "aliases copy in more than %zu values; the file is refused",
                         b->lim->max_alias_nodes);
    struct yamltree_node *n = add_node(b, src->type, ev->start_mark);
    return n && copy_into(b, n, src, b->depth + 1, ev->start_mark);
}

struct key_ref {
    const struct yamltree_node *key;
    size_t index;
};

static int compare_keys(const void *pa, const void *pb)
{
    const struct key_ref *a = pa, *b = pb;
    size_t n = a->key->len < b->key->len ? a->key->len : b->key->len;
    int c = memcmp(a->key->text, b->key->text, n);
    if (c)
        return c;
    if (a->key->len != b->key->len)
        return a->key->len < b->key->len ? -1 : 1;
    return a->index < b->index ? -1 : a->index > b->index;
}

static bool same_key(const struct key_ref *a, const struct key_ref *b)
{
    return a->key->len == b->key->len && !memcmp(a->key->text, b->key->text, a->key->len);
}

/* Drops the pairs marked in `drop` from map, keeping their nodes aside
 * (anchors may name them) until loading ends. */
static void drop_pairs(struct builder *b, struct yamltree_node *map, const bool *drop)
{
    size_t out = 0;
    for (size_t i = 0; i < map->nitems / 2; i++) {
        if (drop[i]) {
            b->dropped = xgrow(b->dropped, &b->dcap, b->ndropped + 2, sizeof *b->dropped);
            b->dropped[b->ndropped++] = map->items[2 * i];
            b->dropped[b->ndropped++] = map->items[2 * i + 1];
            continue;
        }
        map->items[out++] = map->items[2 * i];
        map->items[out++] = map->items[2 * i + 1];
    }
    map->nitems = out;
}

/* A mapping with a key twice: refused, naming the first repeat in the file,
 * or (last_key_wins) only the last pair of each key is kept. */
static bool check_unique_keys(struct builder *b, struct yamltree_node *map)
{
    size_t n = map->nitems / 2;
    if (n < 2)
        return true;
    struct key_ref *refs = xmalloc(n * sizeof *refs);
    for (size_t i = 0; i < n; i++)
        refs[i] = (struct key_ref){map->items[2 * i], i};
    qsort(refs, n, sizeof *refs, compare_keys);
    /* Sorted by key then position: a repeat is the second of its group. */
    const struct key_ref *repeat = NULL, *first = NULL;
    bool *drop = NULL;
    for (size_t i = 1; i < n; i++) {
        if (!same_key(&refs[i], &refs[i - 1]))
            continue;
        if (b->lim->last_key_wins) {
            drop = drop ? drop : xcalloc(n, sizeof *drop);
            drop[refs[i - 1].index] = true;
        } else if (!repeat || refs[i].index < repeat->index) {
            bool second = i < 2 || !same_key(&refs[i - 1], &refs[i - 2]);
            if (second) {
                repeat = &refs[i];
                first = &refs[i - 1];
            }
        }
    }
    bool ok = true;
    if (repeat)
        ok = tl_error_at(b->err, b->t->path, repeat->key->line, repeat->key->col,
                         "duplicate key '%s' (first at line %u); expected each key once",
                         repeat->key->text, first->key->line);
    if (drop)
        drop_pairs(b, map, drop);
    free(drop);
    free(refs);
    return ok;
}

static bool take_scalar(struct builder *b, const yaml_event_t *ev)
{
    struct yamltree_node *n = add_node(b, YAMLTREE_SCALAR, ev->start_mark);
    if (!n)
        return false;
    n->text = xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
    n->len = ev->data.scalar.length;
    n->style = style_of(ev->data.scalar.style);
    n->end = ev->end_mark.index;
    anchor_add(b, ev->data.scalar.anchor, n);
    return true;
}

static bool handle_event(struct builder *b, const yaml_event_t *ev, bool *done)
{
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++b->documents > 1)
            return fail_mark(b, ev->start_mark,
                             "a second YAML document ('---'); expected one document per file");
        return true;
    case YAML_ALIAS_EVENT:
        return take_alias(b, ev);
    case YAML_SCALAR_EVENT:
        return take_scalar(b, ev);
    case YAML_SEQUENCE_START_EVENT:
        if (!open_collection(b, YAMLTREE_SEQUENCE, ev->start_mark))
            return false;
        anchor_add(b, ev->data.sequence_start.anchor, b->stack[b->depth - 1]);
        return true;
    case YAML_MAPPING_START_EVENT:
        if (!open_collection(b, YAMLTREE_MAPPING, ev->start_mark))
            return false;
        anchor_add(b, ev->data.mapping_start.anchor, b->stack[b->depth - 1]);
        return true;
    case YAML_SEQUENCE_END_EVENT:
        b->stack[--b->depth]->end = ev->end_mark.index;
        return true;
    case YAML_MAPPING_END_EVENT:
        b->stack[--b->depth]->end = ev->end_mark.index;
        return check_unique_keys(b, b->stack[b->depth]);
    case YAML_STREAM_END_EVENT:
        *done = true;
        return true;
    default:
        return true;
    }
}

static void builder_free(struct builder *b)
{
    for (size_t i = 0; i < b->nanchors; i++)
        free(b->anchors[i].name);
    free(b->anchors);
    free(b->slots);
    for (size_t i = 0; i < b->ndropped; i++)
        node_free(b->dropped[i]);
    free(b->dropped);
}

/* Runs the parser over t->text, building the tree. */
static bool build(struct builder *b)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return tl_error_at(b->err, b->t->path, 0, 0, "out of memory starting the YAML parser");
    yaml_parser_set_input_string(&parser, (const unsigned char *)b->t->text, b->t->len);
    bool ok = true, done = false;
    while (ok && !done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            ok = syntax_error(b, &parser);
            break;
        }
        ok = handle_event(b, &ev, &done);
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    return ok;
}

bool yamltree_load_text(struct yamltree *t, const char *path, const char *text, size_t len,
                        const struct yamltree_limits *lim, struct tl_error *err)
{
    return yamltree_load_part(t, path, text, len, 1, lim, err);
}

bool yamltree_load_part(struct yamltree *t, const char *path, const char *text, size_t len,
                        unsigned first_line, const struct yamltree_limits *lim,
                        struct tl_error *err)
{
    memset(t, 0, sizeof *t);
    t->path = xstrdup(path);
    t->first_line = first_line;
    if (len > lim->max_bytes)
        return tl_error_at(err, path, 0, 0, "file too large (%zu bytes; at most %zu)", len,
                           lim->max_bytes);
    t->text = xstrndup(text, len);
    t->len = len;
    struct builder b = {.t = t, .lim = lim, .err = err};
    b.max_depth = lim->max_depth < YAMLTREE_DEPTH_CAP ? lim->max_depth : YAMLTREE_DEPTH_CAP;
    bool ok = build(&b);
    builder_free(&b);
    if (!ok) {
        node_free(t->root);
        t->root = NULL;
    }
    return ok;
}

bool yamltree_load_file(struct yamltree *t, const char *path, const struct yamltree_limits *lim,
                        struct tl_error *err)
{
    memset(t, 0, sizeof *t);
    FILE *f = fopen(path, "rb");
    if (!f)
        return tl_error_at(err, path, 0, 0, "%s", strerror(errno));
    struct stat st;
    bool stat_ok = fstat(fileno(f), &st) == 0;
    if (stat_ok && S_ISDIR(st.st_mode)) {
        fclose(f);
        return tl_error_at(err, path, 0, 0, "is a directory; expected a YAML file");
    }
    if (stat_ok && (uintmax_t)st.st_size > lim->max_bytes) {
        fclose(f);
        return tl_error_at(err, path, 0, 0, "file too large (%lld bytes; at most %zu)",
                           (long long)st.st_size, lim->max_bytes);
    }
    struct buf b;
    buf_init(&b);
    char chunk[16384];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= lim->max_bytes)
        buf_append(&b, chunk, n);
    bool read_error = ferror(f);
    fclose(f);
    bool ok = read_error ? tl_error_at(err, path, 0, 0, "read error")
                         : yamltree_load_text(t, path, b.data, b.len, lim, err);
    buf_free(&b);
    return ok;
}
