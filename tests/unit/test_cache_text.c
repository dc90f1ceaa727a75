/* Tests for cache_text: its verdict is sanitize_is_clean's on edge cases,
 * on random mixes of them and on random bytes. */
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>

#include <cmocka.h>

#include "core/cache/cache_text.h"
#include "core/load/sanitize.h"

/* Every case sanitize removes or replaces, its neighbours that it keeps,
 * and the common clean ones. */
static const char *pieces[] = {
    "a",
    "abcdefgh",
    "\n",
    "\t",
    "\r",
    "\x1b[31m",
    "\x1f",
    "\x01",
    "\x0b",
    "\x7f",
    " ",
    "~",
    "0123456",
    /* C1 controls and the first code points after them */
    "\xc2\x80",
    "\xc2\x85",
    "\xc2\x9b",
    "\xc2\x9f",
    "\xc2\xa0",
    "\xc2\xa3",
    "\xc3\xa9",
    /* bidi controls and their neighbours */
    "\xd8\x9c",
    "\xd8\x9b",
    "\xd8\x9d",
    "\xe2\x80\x8d",
    "\xe2\x80\x8e",
    "\xe2\x80\x8f",
    "\xe2\x80\x90",
    "\xe2\x80\xa9",
    "\xe2\x80\xaa",
    "\xe2\x80\xae",
    "\xe2\x80\xaf",
    "\xe2\x81\xa5",
    "\xe2\x81\xa6",
    "\xe2\x81\xa9",
    "\xe2\x81\xaa",
    "\xe2\x80\x99",
    /* BOM (dropped only when leading), replacement character, surrogates */
    "\xef\xbb\xbf",
    "\xef\xbf\xbd",
    "\xed\x9f\xbf",
    "\xed\xa0\x80",
    "\xed\xbf\xbf",
    "\xee\x80\x80",
    /* overlongs and the shortest forms next to them */
    "\xc0\xaf",
    "\xc1\xbf",
    "\xe0\x9f\xbf",
    "\xe0\xa0\x80",
    "\xf0\x8f\xbf\xbf",
    "\xf0\x90\x80\x80",
    "\xf0\x9f\x98\x80",
    "\xf4\x8f\xbf\xbf",
    "\xf4\x90\x80\x80",
    "\xf5\x80\x80\x80",
    "\xf8\x88\x80\x80\x80",
    /* cut sequences and lone bytes */
    "\xc3",
    "\xe2\x80",
    "\xf0\x9f\x98",
    "\xff",
    "\xfe",
    "\x80",
    "\xbf",
    "\x00",
};
enum { NPIECES = sizeof pieces / sizeof *pieces };

static void agree(const char *s, size_t n)
{
    assert_int_equal(cache_text_is_clean(s, n), sanitize_is_clean(s, n));
}

static void test_pieces_alone_and_after_text(void **state)
{
    (void)state;
    for (size_t i = 0; i < NPIECES; i++) {
        const char *p = pieces[i];
        size_t n = p[0] ? strlen(p) : 1;
        agree(p, n);
        /* at every offset of a word and of two 32-byte blocks and into a
         * third, and cut at every length */
        for (size_t at = 0; at < 73; at++) {
            char text[128];
            memset(text, 'x', at);
            memcpy(text + at, p, n);
            memcpy(text + at + n, "yyyyyyyyy", 9);
            for (size_t len = at; len <= at + n + 9; len++)
                agree(text, len);
        }
    }
}

static void test_bom_leading_and_inside(void **state)
{
    (void)state;
    assert_false(cache_text_is_clean("\xef\xbb\xbf"
                                     "abc",
                                     6));
    assert_true(cache_text_is_clean("a\xef\xbb\xbf"
                                    "bc",
                                    6));
    assert_true(cache_text_is_clean("abcdefgh\xef\xbb\xbf", 11));
    assert_true(cache_text_is_clean("\xc2\xa3\xef\xbb\xbf", 5));
    assert_true(cache_text_is_clean("", 0));
    assert_true(cache_text_is_clean("line one\nline two \xc2\xa3"
                                    "5m\n",
                                    23));
    assert_false(cache_text_is_clean("line one\r\nline two", 18));
}

/* Random mixes, mostly of clean pieces so that long clean texts are
 * common. */
static void test_random_mixes(void **state)
{
    (void)state;
    unsigned seed = 16;
    size_t clean = 0, dirty = 0;
    static const char *common[] = {"abcdefgh", "0123456",      "\xc3\xa9",
                                   "\n",       "\xe2\x80\x99", "\xc2\xa3"};
    for (int round = 0; round < 40000; round++) {
        char text[256];
        size_t n = 0;
        int count = (int)(rand_r(&seed) % 24);
        for (int k = 0; k < count; k++) {
            const char *p =
                rand_r(&seed) % 8 ? common[rand_r(&seed) % 6] : pieces[rand_r(&seed) % NPIECES];
            size_t len = p[0] ? strlen(p) : 1;
            if (n + len > sizeof text)
                break;
            memcpy(text + n, p, len);
            n += len;
        }
        bool want = sanitize_is_clean(text, n);
        assert_int_equal(cache_text_is_clean(text, n), want);
        want ? clean++ : dirty++;
    }
    assert_true(clean > 1000 && dirty > 1000); /* both verdicts were tried */
}

/* Random bytes, drawn from a small set around every boundary the check
 * has, so that random UTF-8 is often valid. */
static void test_random_bytes(void **state)
{
    (void)state;
    static const unsigned char bytes[] = {
        0x00, 0x09, 0x0a, 0x0d, 0x1b, 0x1f, 0x20, 0x41, 0x7e, 0x7f, 0x80, 0x81, 0x8e,
        0x8f, 0x9b, 0x9c, 0x9f, 0xa0, 0xa6, 0xa9, 0xaa, 0xae, 0xbb, 0xbf, 0xc0, 0xc1,
        0xc2, 0xc3, 0xd8, 0xdf, 0xe0, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xf5, 0xff};
    unsigned seed = 7;
    size_t clean = 0, dirty = 0;
    for (int round = 0; round < 200000; round++) {
        unsigned char text[80];
        size_t n = (size_t)(rand_r(&seed) % sizeof text);
        for (size_t k = 0; k < n; k++)
            text[k] = rand_r(&seed) % 3 ? (unsigned char)('a' + k % 26)
                                        : bytes[rand_r(&seed) % sizeof bytes];
        bool want = sanitize_is_clean((const char *)text, n);
        assert_int_equal(cache_text_is_clean((const char *)text, n), want);
        want ? clean++ : dirty++;
    }
    assert_true(clean > 1000 && dirty > 1000);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pieces_alone_and_after_text),
        cmocka_unit_test(test_bom_leading_and_inside),
        cmocka_unit_test(test_random_mixes),
        cmocka_unit_test(test_random_bytes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
