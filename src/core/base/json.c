/* json: a small JSON writer (see json.h). */
#include "core/base/json.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Whether byte c goes into a JSON string as it is. */
static bool plain_byte(unsigned char c)
{
    return c >= 0x20 && c != '"' && c != '\\' && c != 0x7F;
}

#define ONES  0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* Whether one of the 8 bytes of x is zero (the classic bit trick). */
static inline uint64_t has_zero(uint64_t x)
{
    return (x - ONES) & ~x & HIGHS;
}

/* Whether all 8 bytes of x are plain: none below 0x20, none a quote, a
 * backslash or DEL. */
static inline bool plain_8(uint64_t x)
{
    uint64_t below_space = (x - ONES * 0x20) & ~x & HIGHS;
    return !(below_space | has_zero(x ^ (ONES * '"')) | has_zero(x ^ (ONES * '\\')) |
             has_zero(x ^ (ONES * 0x7F)));
}

static void put_escape(struct buf *b, unsigned char c)
{
    switch (c) {
    case '"':
        buf_append(b, "\\\"", 2);
        break;
    case '\\':
        buf_append(b, "\\\\", 2);
        break;
    case '\n':
        buf_append(b, "\\n", 2);
        break;
    case '\t':
        buf_append(b, "\\t", 2);
        break;
    case '\r':
        buf_append(b, "\\r", 2);
        break;
    default:
        buf_printf(b, "\\u%04x", c);
    }
}

/* Writes plain bytes straight into room reserved once, eight at a time
 * while all eight are plain; only the rest goes through put_escape. */
static void put_escaped(struct buf *b, const char *s, size_t len)
{
    buf_reserve(b, len + 2);
    char *o = b->data + b->len;
    *o++ = '"';
    size_t i = 0;
    while (i < len) {
        uint64_t x;
        if (len - i >= 8 && (memcpy(&x, s + i, 8), plain_8(x))) {
            memcpy(o, &x, 8);
            o += 8;
            i += 8;
            continue;
        }
        unsigned char c = (unsigned char)s[i++];
        if (plain_byte(c)) {
            *o++ = (char)c;
            continue;
        }
        b->len = (size_t)(o - b->data);
        put_escape(b, c);
        buf_reserve(b, len - i + 1); /* the rest and the closing quote */
        o = b->data + b->len;
    }
    *o++ = '"';
    *o = '\0';
    b->len = (size_t)(o - b->data);
}

void json_init(struct json *j, struct buf *out, bool pretty)
{
    j->out = out;
    j->pretty = pretty;
    j->depth = 0;
    j->need_comma = false;
    j->after_key = false;
}

static void newline(struct json *j)
{
    if (!j->pretty)
        return;
    buf_putc(j->out, '\n');
    for (int i = 0; i < j->depth; i++)
        buf_puts(j->out, "  ");
}

/* Before a value or key: a comma if needed, and indentation. */
static void before_item(struct json *j)
{
    if (j->need_comma) {
        struct buf *b = j->out;
        if (b->len + 1 < b->cap) {
            b->data[b->len++] = ',';
            b->data[b->len] = '\0';
        } else {
            buf_putc(b, ',');
        }
    }
    if (j->depth)
        newline(j);
    j->need_comma = true;
}

/* Before any value: a comma and indentation, unless it follows a key. */
static void value_prefix(struct json *j)
{
    if (j->after_key)
        j->after_key = false;
    else
        before_item(j);
}

static void open(struct json *j, char c)
{
    value_prefix(j);
    buf_putc(j->out, c);
    j->depth++;
    j->need_comma = false;
}

static void close_(struct json *j, char c)
{
    j->depth--;
    if (j->need_comma)
        newline(j);
    buf_putc(j->out, c);
    j->need_comma = true;
}

void json_begin_object(struct json *j)
{
    open(j, '{');
}

void json_end_object(struct json *j)
{
    close_(j, '}');
}

void json_begin_array(struct json *j)
{
    open(j, '[');
}

void json_end_array(struct json *j)
{
    close_(j, ']');
}

void json_key(struct json *j, const char *key)
{
    before_item(j);
    size_t n = strlen(key);
    put_escaped(j->out, key, n);
    buf_reserve(j->out, 1); /* put_escaped left room for the colon most of the time */
    j->out->data[j->out->len++] = ':';
    j->out->data[j->out->len] = '\0';
    if (j->pretty)
        buf_putc(j->out, ' ');
    j->after_key = true;
}

void json_string_n(struct json *j, const char *s, size_t len)
{
    value_prefix(j);
    put_escaped(j->out, s, len);
}

void json_string(struct json *j, const char *s)
{
    value_prefix(j);
    put_escaped(j->out, s, strlen(s));
}

static void put_integer(struct buf *b, long long v)
{
    char digits[24];
    size_t n = 0;
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    do {
        digits[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    if (v < 0)
        digits[n++] = '-';
    buf_reserve(b, n);
    char *o = b->data + b->len;
    for (size_t k = 0; k < n; k++)
        o[k] = digits[n - 1 - k];
    o[n] = '\0';
    b->len += n;
}

void json_number(struct json *j, double v)
{
    value_prefix(j);
    if (!isfinite(v))
        buf_puts(j->out, "null");
    else if (v == floor(v) && fabs(v) < 1e15)
        put_integer(j->out, (long long)v);
    else
        buf_printf(j->out, "%.15g", v);
}

void json_bool(struct json *j, bool v)
{
    value_prefix(j);
    buf_puts(j->out, v ? "true" : "false");
}

void json_null(struct json *j)
{
    value_prefix(j);
    buf_puts(j->out, "null");
}

void json_kv_string(struct json *j, const char *key, const char *s)
{
    json_key(j, key);
    json_string(j, s);
}

void json_kv_number(struct json *j, const char *key, double v)
{
    json_key(j, key);
    json_number(j, v);
}
