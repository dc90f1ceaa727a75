/* test_word_bytes: the tests of eight bytes at a time against fold_ascii,
 * byte by byte, and a run of ASCII letters and digits folded and hashed
 * (word_bytes_fold_run) as hash_word hashes its folded bytes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/base/fold.h"
#include "core/base/hash.h"
#include "core/extract/word_bytes.h"

/* word_bytes: every byte value, at every place of the 8, is a letter or
 * digit exactly when fold_ascii has a fold for it, folds to that fold, and
 * the bytes before the first that is not are kept whole. */
static void test_word_bytes_every_byte(void **state)
{
    (void)state;
    for (unsigned c = 0; c < 256; c++)
        for (unsigned at = 0; at < 8; at++) {
            char bytes[8] = "abcdefgh";
            bytes[at] = (char)c;
            uint64_t x = word_bytes_load(bytes);
            uint64_t alnum = word_bytes_alnum(x);
            bool is = (alnum >> (8 * at + 7)) & 1;
            assert_int_equal(is, fold_ascii[c] != 0);
            char folded[8];
            word_bytes_store(folded, word_bytes_fold(x, alnum));
            if (is)
                assert_int_equal((unsigned char)folded[at], fold_ascii[c]);
            for (unsigned k = 0; k < 8; k++)
                if (k != at)
                    assert_int_equal(folded[k], bytes[k]); /* lower case already */
            uint64_t stops = ~alnum & WORD_BYTES_HIGH;
            if (!is) {
                uint64_t before = word_bytes_before(x, stops);
                assert_true(before == (at ? x & (~0ULL >> (64 - 8 * at)) : 0));
            }
        }
}

/* A run at every length from 0 to 20, at offsets 0 to 3, ended by a
 * space, a full stop, a UTF-8 lead byte or the text's end: it stops where
 * the letters and digits do, writes their folds and gives the word hash
 * of what it wrote, whether read 8 bytes at a time or one by one. */
static void test_fold_run_every_length(void **state)
{
    (void)state;
    const char *letters = "AbCdEfGhIjKlMnOpQr5Z";
    const char *stops[] = {" x", ".5", "\xC3\x9F", ""};
    for (size_t n = 0; n <= 20; n++)
        for (size_t i = 0; i < 4; i++)
            for (size_t s = 0; s < 4; s++) {
                char text[64] = "-;'";
                memcpy(text + i, letters, n);
                size_t len = i + n;
                memcpy(text + len, stops[s], strlen(stops[s]));
                len += strlen(stops[s]);
                char out[64 + 8], want[32];
                char *o = out;
                uint64_t key = 0;
                assert_int_equal(word_bytes_fold_run(text, len, i, &o, &key), i + n);
                assert_int_equal(o - out, n);
                for (size_t k = 0; k < n; k++)
                    want[k] = (char)fold_ascii[(unsigned char)letters[k]];
                assert_memory_equal(out, want, n);
                assert_true(key == hash_word(want, n));
            }
}

/* Runs long enough for the 16-byte steps: every length from 0 to 40, at
 * offsets 0 to 3, ended by a stop then 0 to 20 bytes more (so that 16 bytes
 * are or are not left where it ends): the same end, folds and hash as one
 * by one. */
static void test_fold_run_long(void **state)
{
    (void)state;
    const char *letters = "AbCdEfGhIjKlMnOpQr5ZyXwVuTsRqP0123456789";
    const char *stops[] = {" x", ".5", "\xC3\x9F", "@", "[", "`", "{", "/", ":"};
    for (size_t n = 0; n <= 40; n++)
        for (size_t i = 0; i < 4; i++)
            for (size_t s = 0; s < sizeof stops / sizeof *stops; s++)
                for (size_t more = 0; more <= 20; more++) {
                    char text[96] = "-;'";
                    memcpy(text + i, letters, n);
                    size_t len = i + n;
                    memcpy(text + len, stops[s], strlen(stops[s]));
                    len += strlen(stops[s]);
                    memset(text + len, 'a', more);
                    len += more;
                    char out[96 + 16], want[48];
                    char *o = out;
                    uint64_t key = 0;
                    assert_int_equal(word_bytes_fold_run(text, len, i, &o, &key), i + n);
                    assert_int_equal(o - out, n);
                    for (size_t k = 0; k < n; k++)
                        want[k] = (char)fold_ascii[(unsigned char)letters[k]];
                    assert_memory_equal(out, want, n);
                    assert_true(key == hash_word(want, n));
                }
}

/* Every byte value at every place of a 16-byte step (more text after it):
 * the run stops there unless it is an ASCII letter or digit, and folds it
 * as fold_ascii does. */
static void test_fold_run_every_byte_in_16(void **state)
{
    (void)state;
    for (unsigned c = 0; c < 256; c++)
        for (unsigned at = 0; at < 16; at++) {
            char text[40];
            memset(text, 'K', sizeof text);
            text[at] = (char)c;
            text[20] = ' ';
            char out[40 + 16];
            char *o = out;
            uint64_t key = 0;
            size_t end = word_bytes_fold_run(text, sizeof text, 0, &o, &key);
            bool alnum = fold_ascii[c] != 0;
            assert_int_equal(end, alnum ? 20 : at);
            for (size_t k = 0; k < end; k++)
                assert_int_equal((unsigned char)out[k], fold_ascii[(unsigned char)text[k]]);
            assert_true(key == hash_word(out, end));
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_word_bytes_every_byte),
        cmocka_unit_test(test_fold_run_every_length),
        cmocka_unit_test(test_fold_run_long),
        cmocka_unit_test(test_fold_run_every_byte_in_16),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
