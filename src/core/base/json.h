/* json: a small JSON writer into a struct buf (strings escaped, numbers
 * printed exactly), with optional indentation. */
#ifndef TOUCHLINE_JSON_H
#define TOUCHLINE_JSON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

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
/* json_key for a key of n bytes, NUL-terminated, with no byte to escape
 * (JSON_KEY: a string literal written by the caller): copied unchecked. */
void json_key_plain(struct json *j, const char *key, size_t n);
#define JSON_KEY(j, literal) json_key_plain((j), "" literal "", sizeof(literal) - 1)
void json_string(struct json *j, const char *s);
void json_string_n(struct json *j, const char *s, size_t len);
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
