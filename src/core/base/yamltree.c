/* yamltree: YAML read into a bounded tree with positions (no aliases). */
#include "core/base/yamltree.h"
#include "core/base/xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

struct builder {
    struct yamltree *t;
    struct yamltree_node *stack[YAMLTREE_MAX_DEPTH];
    size_t depth;
    size_t nodes;
    int documents;
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
    if (++b->nodes > YAMLTREE_MAX_NODES) {
        fail_mark(b, m, "more than %d values; the file is refused", YAMLTREE_MAX_NODES);
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

static bool open_collection(struct builder *b, enum yamltree_type type, yaml_mark_t m)
{
    if (b->depth >= YAMLTREE_MAX_DEPTH)
        return fail_mark(b, m, "values nested more than %d deep; the file is refused",
                         YAMLTREE_MAX_DEPTH);
    struct yamltree_node *n = add_node(b, type, m);
    if (!n)
        return false;
    b->stack[b->depth++] = n;
    return true;
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

/* Refuses a mapping that has a key twice, naming the first repeat in the file. */
static bool check_unique_keys(struct builder *b, const struct yamltree_node *map)
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
    for (size_t i = 1; i < n; i++) {
        bool second =
            same_key(&refs[i], &refs[i - 1]) && (i < 2 || !same_key(&refs[i - 1], &refs[i - 2]));
        if (second && (!repeat || refs[i].index < repeat->index)) {
            repeat = &refs[i];
            first = &refs[i - 1];
        }
    }
    bool ok = true;
    if (repeat)
        ok = tl_error_at(b->err, b->t->path, repeat->key->line, repeat->key->col,
                         "duplicate key '%s' (first at line %u); expected each key once",
                         repeat->key->text, first->key->line);
    free(refs);
    return ok;
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
        return fail_mark(b, ev->start_mark,
                         "alias '*%s' is not allowed; write the value out in full",
                         (const char *)ev->data.alias.anchor);
    case YAML_SCALAR_EVENT: {
        struct yamltree_node *n = add_node(b, YAMLTREE_SCALAR, ev->start_mark);
        if (!n)
            return false;
        n->text = xstrndup((const char *)ev->data.scalar.value, ev->data.scalar.length);
        n->len = ev->data.scalar.length;
        n->style = style_of(ev->data.scalar.style);
        n->end = ev->end_mark.index;
        return true;
    }
    case YAML_SEQUENCE_START_EVENT:
        return open_collection(b, YAMLTREE_SEQUENCE, ev->start_mark);
    case YAML_MAPPING_START_EVENT:
        return open_collection(b, YAMLTREE_MAPPING, ev->start_mark);
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

bool yamltree_load_text(struct yamltree *t, const char *path, const char *text, size_t len,
                        struct tl_error *err)
{
    return yamltree_load_part(t, path, text, len, 1, err);
}

bool yamltree_load_part(struct yamltree *t, const char *path, const char *text, size_t len,
                        unsigned first_line, struct tl_error *err)
{
    memset(t, 0, sizeof *t);
    t->path = xstrdup(path);
    t->first_line = first_line;
    struct builder b = {.t = t, .err = err};
    if (len > YAMLTREE_MAX_BYTES)
        return tl_error_at(err, path, 0, 0, "file too large (%zu bytes; at most %u)", len,
                           YAMLTREE_MAX_BYTES);
    t->text = xstrndup(text, len);
    t->len = len;
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return tl_error_at(err, path, 0, 0, "out of memory starting the YAML parser");
    yaml_parser_set_input_string(&parser, (const unsigned char *)t->text, len);
    bool ok = true, done = false;
    while (ok && !done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            ok = syntax_error(&b, &parser);
            break;
        }
        ok = handle_event(&b, &ev, &done);
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    if (!ok) {
        node_free(t->root);
        t->root = NULL;
    }
    return ok;
}

bool yamltree_load_file(struct yamltree *t, const char *path, struct tl_error *err)
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
    if (stat_ok && st.st_size > (off_t)YAMLTREE_MAX_BYTES) {
        fclose(f);
        return tl_error_at(err, path, 0, 0, "file too large (%lld bytes; at most %u)",
                           (long long)st.st_size, YAMLTREE_MAX_BYTES);
    }
    struct buf b;
    buf_init(&b);
    char chunk[16384];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len <= YAMLTREE_MAX_BYTES)
        buf_append(&b, chunk, n);
    bool read_error = ferror(f);
    fclose(f);
    bool ok = read_error ? tl_error_at(err, path, 0, 0, "read error")
                         : yamltree_load_text(t, path, b.data, b.len, err);
    buf_free(&b);
    return ok;
}

size_t yamltree_npairs(const struct yamltree_node *map)
{
    return map && map->type == YAMLTREE_MAPPING ? map->nitems / 2 : 0;
}

const struct yamltree_node *yamltree_key(const struct yamltree_node *map, size_t i)
{
    return map->items[2 * i];
}

const struct yamltree_node *yamltree_value(const struct yamltree_node *map, size_t i)
{
    return map->items[2 * i + 1];
}

const struct yamltree_node *yamltree_get(const struct yamltree_node *map, const char *key)
{
    for (size_t i = 0; i < yamltree_npairs(map); i++)
        if (!strcmp(yamltree_key(map, i)->text, key))
            return yamltree_value(map, i);
    return NULL;
}

bool yamltree_is_null(const struct yamltree_node *n)
{
    if (!n || n->type != YAMLTREE_SCALAR || n->style != YAMLTREE_PLAIN)
        return false;
    return !n->len || !strcmp(n->text, "~") || !strcmp(n->text, "null") ||
           !strcmp(n->text, "Null") || !strcmp(n->text, "NULL");
}

const char *yamltree_describe(const struct yamltree_node *n)
{
    if (!n || yamltree_is_null(n))
        return "nothing";
    switch (n->type) {
    case YAMLTREE_MAPPING:
        return "a mapping";
    case YAMLTREE_SEQUENCE:
        return "a list";
    default:
        return "a string";
    }
}

bool yamltree_fail(struct tl_error *err, const struct yamltree *t, const struct yamltree_node *n,
                   const char *fmt, ...)
{
    char msg[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return tl_error_at(err, t->path, n ? n->line : 1, n ? n->col : 1, "%s", msg);
}

void yamltree_warn(struct buf *warnings, const struct yamltree *t, const struct yamltree_node *n,
                   const char *fmt, ...)
{
    if (!warnings)
        return;
    buf_printf(warnings, "%s:%u:%u: warning: ", t->path, n ? n->line : 1, n ? n->col : 1);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(warnings, fmt, ap);
    va_end(ap);
    buf_putc(warnings, '\n');
}

/* The byte where a 1-based line:col (col counted in characters) starts. */
static size_t source_offset(const struct yamltree *t, unsigned line, unsigned col)
{
    size_t pos = 0;
    for (unsigned l = 1; l < line && pos < t->len; pos++)
        if (t->text[pos] == '\n')
            l++;
    for (unsigned c = 1; c < col && pos < t->len; c++) {
        pos++;
        while (pos < t->len && ((unsigned char)t->text[pos] & 0xc0) == 0x80)
            pos++;
    }
    return pos;
}

/* Bytes of value that the escape at s (just after the backslash) stands for,
 * and how many source bytes it takes (set in *used). */
static size_t escape_bytes(const char *s, size_t avail, size_t *used)
{
    size_t digits = 0;
    switch (avail ? *s : 0) {
    case 'x':
        digits = 2;
        break;
    case 'u':
        digits = 4;
        break;
    case 'U':
        digits = 8;
        break;
    case 'N':
    case '_':
        *used = 1;
        return 2;
    case 'L':
    case 'P':
        *used = 1;
        return 3;
    case '\n':
        *used = 1;
        return 0;
    default:
        *used = 1;
        return 1;
    }
    *used = 1 + (digits < avail ? digits : avail - 1);
    char hex[9] = {0};
    memcpy(hex, s + 1, *used - 1);
    unsigned long cp = strtoul(hex, NULL, 16);
    return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

void yamltree_locate(const struct yamltree *t, const struct yamltree_node *n, size_t offset,
                     unsigned *line, unsigned *col)
{
    *line = n->line;
    *col = n->col;
    size_t pos = source_offset(t, n->line - t->first_line + 1, n->col);
    size_t indent = 0;
    if (n->style == YAMLTREE_SINGLE_QUOTED || n->style == YAMLTREE_DOUBLE_QUOTED) {
        pos++;
        ++*col;
    } else if (n->style == YAMLTREE_LITERAL || n->style == YAMLTREE_FOLDED) {
        while (pos < t->len && t->text[pos] != '\n')
            pos++;
        pos++;
        ++*line;
        while (pos + indent < t->len && t->text[pos + indent] == ' ')
            indent++;
        pos += indent;
        *col = (unsigned)indent + 1;
    }
    /* The end of a block scalar is the end of its text, not the next line. */
    if (n->type == YAMLTREE_SCALAR && n->len && offset >= n->len && n->text[n->len - 1] == '\n')
        offset = n->len - 1;
    size_t done = 0;
    while (done < offset && pos < t->len) {
        char c = t->text[pos];
        size_t used = 1, produced = 1;
        if (c == '\n') {
            ++*line;
            *col = 1;
            pos++;
            size_t skip = 0; /* the next line's indentation is not part of the value */
            while (pos < t->len && t->text[pos] == ' ' && (!indent || skip < indent))
                pos++, skip++, ++*col;
            done++;
            continue;
        }
        if (n->style == YAMLTREE_SINGLE_QUOTED && c == '\'' && pos + 1 < t->len &&
            t->text[pos + 1] == '\'')
            used = 2;
        else if (n->style == YAMLTREE_DOUBLE_QUOTED && c == '\\')
            produced = escape_bytes(t->text + pos + 1, t->len - pos - 1, &used), used++;
        for (size_t i = 0; i < used; i++)
            if (((unsigned char)t->text[pos + i] & 0xc0) != 0x80)
                ++*col;
        pos += used;
        done += produced;
    }
}

bool yamltree_peek_key(const char *text, size_t len, const char *const *keys, size_t n,
                       size_t *which)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return false;
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    int depth = 0;
    bool root_is_map = false, at_key = true, found = false, done = false;
    while (!found && !done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev))
            break;
        switch (ev.type) {
        case YAML_MAPPING_START_EVENT:
        case YAML_SEQUENCE_START_EVENT:
            if (depth == 0)
                root_is_map = ev.type == YAML_MAPPING_START_EVENT;
            else if (depth == 1)
                at_key = !at_key; /* a collection as a top-level value */
            /* deeper than any loader accepts: stop (libyaml slows down
             * quadratically with the depth of a nesting bomb) */
            done = ++depth > YAMLTREE_MAX_DEPTH;
            break;
        case YAML_MAPPING_END_EVENT:
        case YAML_SEQUENCE_END_EVENT:
            depth--;
            done = depth == 0;
            break;
        case YAML_SCALAR_EVENT:
        case YAML_ALIAS_EVENT:
            if (depth == 1 && root_is_map) {
                if (at_key && ev.type == YAML_SCALAR_EVENT)
                    for (size_t i = 0; i < n && !found; i++)
                        if (!strcmp((const char *)ev.data.scalar.value, keys[i])) {
                            *which = i;
                            found = true;
                        }
                at_key = !at_key;
            }
            done = depth == 0;
            break;
        case YAML_STREAM_END_EVENT:
            done = true;
            break;
        default:
            break;
        }
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    return found;
}
