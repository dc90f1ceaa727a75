/* json: a small JSON writer into a struct buf (strings escaped, numbers
 * printed exactly), with optional indentation. */
#ifndef TOUCHLINE_JSON_H
#define TOUCHLINE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/base/buf.h"

struct json {
    struct buf *out;
    bool pretty;
    int depth;
    bool need_comma;
    bool after_key;
};

void json_init(struct json *j, struct buf *out, bool pretty);
void json_begin_object(struct json *j);
void json_end_object(struct json *j);
void json_begin_array(struct json *j);
void json_end_array(struct json *j);
/* Writes `"key":` inside an object; the value follows. */
void json_key(struct json *j, const char *key);
/* json_key for a key with no byte to escape, written by the caller
 * (JSON_KEY: a string literal): `with_comma` is `,"key":`, n bytes, copied
 * unchecked, whole or without its comma when the key is the object's first.
 * Inline, so that the copy is of a size known where it is called;
 * indented output goes through json_key. */
static inline void json_key_literal(struct json *j, const char *key, const char *with_comma,
                                    size_t n)
{
    if (j->pretty) {
        json_key(j, key);
        return;
    }
    struct buf *b = j->out;
    if (b->len + n >= b->cap)
        buf_reserve(b, n);
    char *o = b->data + b->len;
    if (j->need_comma) {
        memcpy(o, with_comma, n);
        o += n;
    } else {
        memcpy(o, with_comma + 1, n - 1);
        o += n - 1;
    }
    *o = '\0';
    b->len = (size_t)(o - b->data);
    j->need_comma = true;
    j->after_key = true;
}
#define JSON_KEY(j, literal)                                                                       \
    json_key_literal((j), "" literal "", ",\"" literal "\":", sizeof(literal) + 3)
void json_string(struct json *j, const char *s);
void json_string_n(struct json *j, const char *s, size_t len);
/* A value the caller writes itself, compact output only: the comma that
 * goes before it, if any, is written; returns the buffer, to which the
 * caller appends one whole JSON value (json_put_string, json_put_unsigned
 * and literal text). */
struct buf *json_raw_value(struct json *j);
/* s[0..len) as a JSON string, quoted and escaped, appended to b. */
void json_put_string(struct buf *b, const char *s, size_t len);
/* u in decimal appended to b. */
void json_put_unsigned(struct buf *b, uint64_t u);
/* Integral values print without a fraction; others with up to 15 digits. */
void json_number(struct json *j, double v);
/* A count or an offset: below 1e15, the same as json_number. */
void json_unsigned(struct json *j, uint64_t v);
void json_bool(struct json *j, bool v);
void json_null(struct json *j);
/* Shorthands for "key": value. */
void json_kv_string(struct json *j, const char *key, const char *s);
void json_kv_number(struct json *j, const char *key, double v);
/* "key": v for a count or an offset: below 1e15, the same as json_kv_number. */
void json_kv_unsigned(struct json *j, const char *key, uint64_t v);

#endif
