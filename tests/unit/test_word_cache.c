/* word_cache: one entry per folded form, found again by its word hash and
 * bytes (hash_same_bytes), keeping its FNV-1a, and emptied for another
 * extractor. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/base/hash.h"
#include "core/extract/word_cache.h"

static uint32_t get(struct word_cache *c, const char *f, bool *added)
{
    size_t n = strlen(f);
    return word_cache_get(c, f, n, hash_word(f, n), added);
}

/* A form gets one index; a new one starts with its literals unknown. */
static void test_same_form_same_entry(void **state)
{
    (void)state;
    struct word_cache c;
    word_cache_init(&c);
    word_cache_prepare(&c, 1);
    bool added;
    uint32_t a = get(&c, "transfer", &added);
    assert_true(added);
    assert_int_equal(c.v[a].literals, WORD_LITERALS_UNKNOWN);
    c.v[a].lists = 7;
    uint32_t b = get(&c, "loan", &added);
    assert_true(added);
    assert_int_not_equal(a, b);
    assert_int_equal(get(&c, "transfer", &added), a);
    assert_false(added);
    assert_int_equal(c.v[a].lists, 7);
    word_cache_free(&c);
}

/* Forms that share a hash stay apart (compared by their bytes), and many
 * forms make the table grow without losing any. */
static void test_collisions_and_growth(void **state)
{
    (void)state;
    struct word_cache c;
    word_cache_init(&c);
    word_cache_prepare(&c, 1);
    bool added;
    /* two forms whose word hashes start at one slot of the first table stay
     * two entries, and so does a form given another's word hash (the same
     * slot and tag): told apart by their bytes */
    char x[16], y[16];
    uint64_t hx = 0;
    int i = 0, j = 0;
    for (bool found = false; !found; i++) {
        snprintf(x, sizeof x, "c%d", i);
        hx = hash_word(x, strlen(x));
        for (j = 0; j < i && !found; j++) {
            snprintf(y, sizeof y, "c%d", j);
            found = (hash_word(y, strlen(y)) & 4095) == (hx & 4095);
        }
    }
    uint32_t a = get(&c, x, &added);
    uint32_t b = get(&c, y, &added);
    assert_true(added);
    assert_int_not_equal(a, b);
    assert_int_equal(get(&c, x, &added), a);
    assert_false(added);
    /* a form of x's length given x's word hash: the slot, tag and length
     * agree, so only the compare of the bytes tells it from x */
    char other[16];
    snprintf(other, sizeof other, "%s", x);
    other[0] = 'd';
    uint32_t same_key = word_cache_get(&c, other, strlen(other), hx, &added);
    assert_true(added);
    assert_int_not_equal(same_key, a);
    assert_string_equal(c.keys.data + c.v[same_key].key, other);
    assert_int_equal(word_cache_get(&c, other, strlen(other), hx, &added), same_key);
    assert_false(added);
    assert_int_equal(word_cache_get(&c, x, strlen(x), hx, &added), a);
    assert_false(added);
    char form[16];
    for (int k = 0; k < 10000; k++) {
        snprintf(form, sizeof form, "w%d", k);
        get(&c, form, &added);
        assert_true(added);
    }
    /* grown many times, the entries stay whole cache lines, each on one */
    assert_int_equal((uintptr_t)c.v % WORD_INFO_ALIGN, 0);
    assert_int_equal(sizeof *c.v, WORD_INFO_ALIGN);
    for (int k = 0; k < 10000; k += 997) {
        snprintf(form, sizeof form, "w%d", k);
        uint32_t e = get(&c, form, &added);
        assert_false(added);
        assert_string_equal(c.keys.data + c.v[e].key, form);
        assert_true(c.v[e].hash == hash_bytes(form, strlen(form))); /* its FNV-1a, kept */
    }
    assert_int_equal(get(&c, x, &added), a);
    assert_int_equal(get(&c, y, &added), b);
    word_cache_free(&c);
}

/* Forms that differ only in bytes 6 and 7 of a chunk (the 7th and 8th of
 * a word, or of its second 8) start at different slots of a table of
 * 65536: the word hash's end brings the product's top bits, the only ones
 * those bytes reach, down to the low ones. */
static void test_word_hash_bytes_6_and_7_reach_the_slot(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        {"player", "players"},
        {"season", "seasons"},
        {"league", "leagues"},
        {"result", "results"},
        {"minute", "minutes"},
        {"defender", "defended"},
        {"abcdefghijklmno", "abcdefghijklmnp"},
        {"abcdefghijklmnop", "abcdefghijklmnoq"},
    };
    for (size_t i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
        uint64_t a = hash_word(pairs[i][0], strlen(pairs[i][0]));
        uint64_t b = hash_word(pairs[i][1], strlen(pairs[i][1]));
        assert_int_not_equal(a & 65535, b & 65535);
    }
}

/* Answers for one extractor are not given for another. */
static void test_other_owner_empties(void **state)
{
    (void)state;
    struct word_cache c;
    word_cache_init(&c);
    word_cache_prepare(&c, 1);
    bool added;
    get(&c, "transfer", &added);
    word_cache_prepare(&c, 1);
    get(&c, "transfer", &added);
    assert_false(added);
    word_cache_prepare(&c, 2);
    get(&c, "transfer", &added);
    assert_true(added);
    word_cache_free(&c);
}

/* A new form is met in no text and not learned; when the text numbers go
 * round, no form keeps a number it could be taken to have met again. */
static void test_text_numbers(void **state)
{
    (void)state;
    struct word_cache c;
    word_cache_init(&c);
    assert_int_not_equal(c.text, 0);
    bool added;
    uint32_t a = get(&c, "transfer", &added);
    assert_int_equal(c.v[a].text, 0);
    assert_false(c.v[a].learned);
    c.v[a].text = c.text;
    uint32_t before = c.text;
    word_cache_next_text(&c);
    assert_int_equal(c.text, before + 1);
    c.v[a].text = UINT32_MAX;
    c.text = UINT32_MAX;
    word_cache_next_text(&c);
    assert_int_equal(c.text, 1);
    assert_int_equal(c.v[a].text, 0);
    word_cache_free(&c);
}

/* The compare of forms sees a difference at any byte of any length, and
 * reads no byte past the n-th (exact-size copies on the heap, so that a
 * sanitizer build would see an over-read). */
static void test_same_bytes_every_length(void **state)
{
    (void)state;
    const char *text = "abcdefghijklmnopqrstuvwxyz0123456789";
    for (size_t n = 0; n <= 33; n++) {
        char *a = malloc(n ? n : 1), *b = malloc(n ? n : 1);
        memcpy(a, text, n);
        memcpy(b, text, n);
        assert_true(hash_same_bytes(a, b, n));
        for (size_t k = 0; k < n; k++) {
            b[k] = 'X';
            assert_false(hash_same_bytes(a, b, n));
            assert_false(hash_same_bytes(b, a, n));
            b[k] = a[k];
        }
        free(a);
        free(b);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_same_form_same_entry),
        cmocka_unit_test(test_collisions_and_growth),
        cmocka_unit_test(test_word_hash_bytes_6_and_7_reach_the_slot),
        cmocka_unit_test(test_other_owner_empties),
        cmocka_unit_test(test_text_numbers),
        cmocka_unit_test(test_same_bytes_every_length),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
