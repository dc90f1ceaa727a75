/* json: a small JSON writer (see json.h). */
#include "core/base/json.h"
#include "core/base/bytes16.h"

#include <math.h>
#include <stdint.h>
#include <string.h>

/* Whether byte c goes into a JSON string as it is: not a control byte
 * below 0x20, a quote, a backslash or DEL. */
#define PLAIN(c) ((c) >= 0x20 && (c) != '"' && (c) != '\\' && (c) != 0x7F)
#define ROW(r)                                                                                     \
    PLAIN(r), PLAIN(r + 1), PLAIN(r + 2), PLAIN(r + 3), PLAIN(r + 4), PLAIN(r + 5), PLAIN(r + 6),  \
        PLAIN(r + 7), PLAIN(r + 8), PLAIN(r + 9), PLAIN(r + 10), PLAIN(r + 11), PLAIN(r + 12),     \
        PLAIN(r + 13), PLAIN(r + 14), PLAIN(r + 15)
static const bool plain_table[256] = {
    ROW(0x00), ROW(0x10), ROW(0x20), ROW(0x30), ROW(0x40), ROW(0x50), ROW(0x60), ROW(0x70),
    ROW(0x80), ROW(0x90), ROW(0xA0), ROW(0xB0), ROW(0xC0), ROW(0xD0), ROW(0xE0), ROW(0xF0),
};
#undef ROW
#undef PLAIN

static bool plain_byte(unsigned char c)
{
    return plain_table[c];
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

/* Whether all 16 bytes of x are plain. */
static inline bool plain_16(bytes16 x)
{
    return !bytes16_any((bytes16)((x < 0x20) | (x == '"') | (x == '\\') | (x == 0x7F)));
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

/* Writes plain bytes straight into room reserved once, sixteen then eight
 * at a time while all are plain, then byte by byte up to the next byte to
 * escape; only those go through put_escape. */
void json_put_string(struct buf *b, const char *s, size_t len)
{
    if (b->len + len + 2 >= b->cap)
        buf_reserve(b, len + 2);
    char *o = b->data + b->len;
    *o++ = '"';
    size_t i = 0;
    for (;;) {
        for (bytes16 v; len - i >= 16 && (v = bytes16_load(s + i), plain_16(v)); i += 16, o += 16)
            memcpy(o, &v, 16);
        for (uint64_t x; len - i >= 8 && (memcpy(&x, s + i, 8), plain_8(x)); i += 8, o += 8)
            memcpy(o, &x, 8);
        while (i < len && plain_byte((unsigned char)s[i]))
            *o++ = s[i++];
        if (i == len)
            break;
        b->len = (size_t)(o - b->data);
        put_escape(b, (unsigned char)s[i++]);
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

/* Appends byte c: buf_putc without the call when there is room. */
static inline void put_byte(struct buf *b, char c)
{
    if (b->len + 1 >= b->cap)
        buf_reserve(b, 1);
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
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
    if (j->need_comma)
        put_byte(j->out, ',');
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
    put_byte(j->out, c);
    j->depth++;
    j->need_comma = false;
}

static void close_(struct json *j, char c)
{
    j->depth--;
    if (j->need_comma)
        newline(j);
    put_byte(j->out, c);
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

/* Room reserved for a key copied in one pass: longer keys take the slow way. */
#define KEY_ROOM 64

void json_key(struct json *j, const char *key)
{
    struct buf *b = j->out;
    if (!j->pretty) { /* a key is plain text: copied as it is checked, up to its NUL */
        if (b->len + KEY_ROOM + 4 >= b->cap)
            buf_reserve(b, KEY_ROOM + 4);
        char *o = b->data + b->len, *start = o;
        if (j->need_comma)
            *o++ = ',';
        *o++ = '"';
        size_t i = 0;
        for (; i < KEY_ROOM && plain_byte((unsigned char)key[i]); i++)
            *o++ = key[i];
        if (!key[i]) {
            *o++ = '"';
            *o++ = ':';
            *o = '\0';
            b->len = (size_t)(o - b->data);
            j->need_comma = true;
            j->after_key = true;
            return;
        }
        *start = '\0'; /* a byte to escape, or a long key: the slow way below */
    }
    before_item(j);
    json_put_string(b, key, strlen(key));
    buf_putc(b, ':');
    if (j->pretty)
        buf_putc(b, ' ');
    j->after_key = true;
}

struct buf *json_raw_value(struct json *j)
{
    value_prefix(j);
    return j->out;
}

void json_string_n(struct json *j, const char *s, size_t len)
{
    value_prefix(j);
    json_put_string(j->out, s, len);
}

void json_string(struct json *j, const char *s)
{
    value_prefix(j);
    json_put_string(j->out, s, strlen(s));
}

/* "00" to "99": the decimal digits of u written two at a time. */
static const char digit_pairs[201] =
    "00010203040506070809101112131415161718192021222324252627282930"
    "31323334353637383940414243444546474849505152535455565758596061"
    "62636465666768697071727374757677787980818283848586878889909192"
    "93949596979899";

/* Writes u in decimal: the digits from the end of a small buffer, two at a
 * time, then copied in one fixed-size move (room for the longest reserved). */
void json_put_unsigned(struct buf *b, uint64_t u)
{
    enum { LONGEST = 20 }; /* digits of UINT64_MAX */
    char digits[2 * LONGEST], *end = digits + LONGEST, *d = end;
    memset(end, 0, LONGEST); /* defined bytes after the digits, for the fixed move */
    while (u >= 100) {
        d -= 2;
        memcpy(d, digit_pairs + 2 * (u % 100), 2);
        u /= 100;
    }
    if (u >= 10) {
        d -= 2;
        memcpy(d, digit_pairs + 2 * u, 2);
    } else {
        *--d = (char)('0' + u);
    }
    size_t n = (size_t)(end - d);
    if (b->len + LONGEST >= b->cap)
        buf_reserve(b, LONGEST);
    memcpy(b->data + b->len, d, LONGEST); /* the digits and what follows them in the buffer */
    b->len += n;
    b->data[b->len] = '\0';
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
    if (b->len + n >= b->cap)
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
    else if (fabs(v) < 1e15 && v == (double)(long long)v) /* integral */
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

void json_unsigned(struct json *j, uint64_t v)
{
    value_prefix(j);
    json_put_unsigned(j->out, v);
}

void json_kv_unsigned(struct json *j, const char *key, uint64_t v)
{
    json_key(j, key);
    j->after_key = false;
    json_put_unsigned(j->out, v);
}

void json_kv_number(struct json *j, const char *key, double v)
{
    json_key(j, key);
    if (v >= 0 && v < 1e15 && v == (double)(uint64_t)v) { /* a count or an offset */
        j->after_key = false;
        json_put_unsigned(j->out, (uint64_t)v);
        return;
    }
    json_number(j, v);
}
