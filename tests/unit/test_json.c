/* test_json: strings are escaped byte for byte the same whichever way the
 * writer takes (eight plain bytes at a time, or one by one), with the byte
 * to escape at every position; keys of every length, numbers, nesting
 * and indentation. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/base/buf.h"
#include "core/base/json.h"

/* The escaping the writer promises, written out the slow way. */
static void reference_escape(struct buf *b, const char *s, size_t len)
{
    buf_putc(b, '"');
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"')
            buf_puts(b, "\\\"");
        else if (c == '\\')
            buf_puts(b, "\\\\");
        else if (c == '\n')
            buf_puts(b, "\\n");
        else if (c == '\t')
            buf_puts(b, "\\t");
        else if (c == '\r')
            buf_puts(b, "\\r");
        else if (c < 0x20 || c == 0x7F)
            buf_printf(b, "\\u%04x", c);
        else
            buf_putc(b, (char)c);
    }
    buf_putc(b, '"');
}

static void assert_string_escaped(const char *s, size_t len)
{
    struct buf got, want;
    buf_init(&got);
    buf_init(&want);
    struct json j;
    json_init(&j, &got, false);
    json_string_n(&j, s, len);
    reference_escape(&want, s, len);
    assert_int_equal(got.len, want.len);
    assert_memory_equal(got.data, want.data, want.len);
    assert_int_equal(got.data[got.len], '\0');
    buf_free(&got);
    buf_free(&want);
}

/* Every byte value that needs escaping, and plain ones, at every position
 * of strings from 0 to 48 bytes (so before, inside and after the blocks of
 * sixteen and of eight), in plain ASCII and in UTF-8 text. */
static void test_escape_every_position(void **state)
{
    (void)state;
    const unsigned char specials[] = {'"', '\\', '\n', '\t', '\r', 0x01, 0x1F, 0x7F, 0x00,
                                      ' ', 'a',  0x80, 0xC3, 0xFF, '~',  0x20, 0x21, 0x5B};
    char s[64];
    for (size_t len = 0; len <= 48; len++)
        for (size_t pos = 0; pos < len; pos++)
            for (size_t k = 0; k < sizeof specials; k++) {
                for (size_t i = 0; i < len; i++)
                    s[i] = (char)(i % 3 == 2 ? 0xC3 : 'a' + (char)(i % 26));
                s[pos] = (char)specials[k];
                assert_string_escaped(s, len);
            }
    for (size_t len = 0; len <= 40; len++) { /* a run of specials */
        memset(s, '"', len);
        assert_string_escaped(s, len);
        memset(s, 0x1B, len);
        assert_string_escaped(s, len);
    }
}

static void test_object_keys_numbers(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b);
    struct json j;
    json_init(&j, &b, false);
    json_begin_object(&j);
    json_kv_number(&j, "start", 0);
    json_kv_number(&j, "end", 1234567);
    json_kv_number(&j, "neg", -42);
    json_kv_number(&j, "frac", 2.5);
    json_kv_number(&j, "big", 1e15);
    json_kv_number(&j, "zero", -0.0);
    json_kv_string(&j, "q\"k", "v\n");
    json_key(&j, "list");
    json_begin_array(&j);
    json_number(&j, 3);
    json_string(&j, "x");
    json_bool(&j, true);
    json_null(&j);
    json_end_array(&j);
    json_end_object(&j);
    assert_string_equal(b.data, "{\"start\":0,\"end\":1234567,\"neg\":-42,\"frac\":2.5,"
                                "\"big\":1e+15,\"zero\":0,\"q\\\"k\":\"v\\n\","
                                "\"list\":[3,\"x\",true,null]}");
    buf_free(&b);
}

/* `"key":` after an optional comma, the slow way, as json_key promises. */
static void reference_key(struct buf *b, const char *key, bool comma)
{
    if (comma)
        buf_putc(b, ',');
    reference_escape(b, key, strlen(key));
    buf_putc(b, ':');
}

/* Keys of every length up to past the room copied in one pass, plain or
 * with a byte to escape at every position, first in an object or not. */
static void test_keys_every_length(void **state)
{
    (void)state;
    char key[100];
    for (size_t len = 0; len < sizeof key - 1; len++)
        for (size_t pos = 0; pos <= len; pos++) { /* pos == len: a plain key */
            for (size_t i = 0; i < len; i++)
                key[i] = (char)('a' + (char)(i % 26));
            if (pos < len)
                key[pos] = pos % 2 ? '"' : '\n';
            key[len] = '\0';
            for (int comma = 0; comma < 2; comma++) {
                struct buf got, want;
                buf_init(&got);
                buf_init(&want);
                struct json j;
                json_init(&j, &got, false);
                json_begin_object(&j);
                if (comma)
                    json_kv_number(&j, "x", 1);
                json_key(&j, key);
                buf_putc(&want, '{');
                if (comma)
                    buf_puts(&want, "\"x\":1");
                reference_key(&want, key, comma);
                assert_string_equal(got.data, want.data);
                buf_free(&got);
                buf_free(&want);
            }
        }
}

/* json_kv_unsigned prints what printf prints, for 0 to 100,000 and around
 * every power of ten up to UINT64_MAX. */
static void assert_unsigned_printed(uint64_t v)
{
    struct buf b;
    buf_init(&b);
    struct json j;
    json_init(&j, &b, false);
    json_kv_unsigned(&j, "n", v);
    char want[64];
    snprintf(want, sizeof want, "\"n\":%llu", (unsigned long long)v);
    assert_string_equal(b.data, want);
    buf_free(&b);
}

static void test_unsigned_digits(void **state)
{
    (void)state;
    for (uint64_t v = 0; v <= 100000; v++)
        assert_unsigned_printed(v);
    for (uint64_t p = 10; p <= UINT64_MAX / 10; p *= 10)
        for (uint64_t d = p - 2; d <= p + 2; d++) {
            assert_unsigned_printed(d);
            assert_unsigned_printed(d * 7);
        }
    assert_unsigned_printed(UINT64_MAX);
    assert_unsigned_printed(UINT64_MAX - 1);
}

/* json_kv_unsigned writes what json_kv_number writes for counts and offsets. */
static void test_kv_unsigned(void **state)
{
    (void)state;
    const uint64_t values[] = {0, 1, 9, 10, 99, 100, 4294967295u, 999999999999999u};
    for (int pretty = 0; pretty < 2; pretty++)
        for (size_t k = 0; k < sizeof values / sizeof *values; k++) {
            struct buf a, b;
            buf_init(&a);
            buf_init(&b);
            struct json ja, jb;
            json_init(&ja, &a, pretty);
            json_init(&jb, &b, pretty);
            json_begin_object(&ja);
            json_begin_object(&jb);
            json_kv_unsigned(&ja, "start", values[k]);
            json_kv_number(&jb, "start", (double)values[k]);
            json_kv_unsigned(&ja, "end", values[k]);
            json_kv_number(&jb, "end", (double)values[k]);
            json_end_object(&ja);
            json_end_object(&jb);
            assert_string_equal(a.data, b.data);
            buf_free(&a);
            buf_free(&b);
        }
}

/* JSON_KEY and json_unsigned write what json_key and json_kv_number do,
 * first in an object or after another member, plain or indented. */
static void test_plain_key_and_unsigned(void **state)
{
    (void)state;
    for (int pretty = 0; pretty < 2; pretty++) {
        struct buf a, b;
        buf_init(&a);
        buf_init(&b);
        struct json ja, jb;
        json_init(&ja, &a, pretty);
        json_init(&jb, &b, pretty);
        json_begin_object(&ja);
        json_begin_object(&jb);
        JSON_KEY(&ja, "start");
        json_unsigned(&ja, 12345);
        json_kv_number(&jb, "start", 12345);
        JSON_KEY(&ja, "a_long_key_of_more_than_sixteen_bytes");
        json_string(&ja, "x");
        json_kv_string(&jb, "a_long_key_of_more_than_sixteen_bytes", "x");
        JSON_KEY(&ja, "list");
        json_key(&jb, "list");
        json_begin_array(&ja);
        json_begin_array(&jb);
        json_unsigned(&ja, 0);
        json_number(&jb, 0);
        json_unsigned(&ja, 7);
        json_number(&jb, 7);
        json_end_array(&ja);
        json_end_array(&jb);
        json_end_object(&ja);
        json_end_object(&jb);
        assert_string_equal(a.data, b.data);
        buf_free(&a);
        buf_free(&b);
    }
}

static void test_pretty(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b);
    struct json j;
    json_init(&j, &b, true);
    json_begin_object(&j);
    json_kv_string(&j, "a", "b");
    json_key(&j, "n");
    json_begin_array(&j);
    json_number(&j, 1);
    json_number(&j, 2);
    json_end_array(&j);
    json_end_object(&j);
    assert_string_equal(b.data, "{\n  \"a\": \"b\",\n  \"n\": [\n    1,\n    2\n  ]\n}");
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_escape_every_position),
        cmocka_unit_test(test_object_keys_numbers),
        cmocka_unit_test(test_keys_every_length),
        cmocka_unit_test(test_kv_unsigned),
        cmocka_unit_test(test_unsigned_digits),
        cmocka_unit_test(test_plain_key_and_unsigned),
        cmocka_unit_test(test_pretty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
