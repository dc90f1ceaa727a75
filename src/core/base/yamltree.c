/* yamltree: reading the tree (pairs, keys, nulls), wording errors at nodes,
 * locating bytes of a scalar in the source, and peeking at top-level keys.
 * Loading is in yamltree_load.c. */
#include "core/base/yamltree.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

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
