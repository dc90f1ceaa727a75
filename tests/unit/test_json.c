/* test_json: strings are escaped byte for byte the same whichever way the
 * writer takes (eight plain bytes at a time, or one by one), with the byte
 * to escape at every position; keys, numbers, nesting and indentation. */
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
 * of strings from 0 to 40 bytes (so before, inside and after the blocks of
 * eight), in plain ASCII and in UTF-8 text. */
static void test_escape_every_position(void **state)
{
    (void)state;
    const unsigned char specials[] = {'"', '\\', '\n', '\t', '\r', 0x01, 0x1F, 0x7F, 0x00,
                                      ' ', 'a',  0x80, 0xC3, 0xFF, '~',  0x20, 0x21, 0x5B};
    char s[64];
    for (size_t len = 0; len <= 40; len++)
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
        cmocka_unit_test(test_pretty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
