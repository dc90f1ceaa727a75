/* test_extraction: the compact public extraction (entity.h): the struct
 * sizes, each entity's mentions in the one array, the loan lengths as
 * one-byte codes (added once, full at 255, looked up), and packing, which
 * keeps every field and string. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cache_helpers.h"
#include "core/base/buf.h"

static void test_sizes(void **state)
{
    (void)state;
    assert_int_equal(sizeof(struct mention), 8);
    assert_int_equal(sizeof(struct found_entity), 24);
    assert_int_equal(sizeof(struct fact), 40);
    assert_int_equal(sizeof(struct extraction), 64);
    struct mention m = {MENTION_MAX_OFFSET - 1, MENTION_MAX_OFFSET, true};
    assert_int_equal(m.end, MENTION_MAX_OFFSET);
    assert_true(m.in_title);
    struct found_entity e = {
        .nmentions = FOUND_ENTITY_MAX_MENTIONS, .kind = ENTITY_MEDIA, .role = ROLE_OTHER};
    assert_int_equal(e.nmentions, FOUND_ENTITY_MAX_MENTIONS);
    assert_int_equal(e.kind, ENTITY_MEDIA);
    assert_int_equal(e.role, ROLE_OTHER);
}

static void test_loan_length_codes(void **state)
{
    (void)state;
    struct buf t;
    buf_init(&t);
    assert_int_equal(extraction_loan_lengths_add(&t, "season-long", 11), 1);
    assert_int_equal(extraction_loan_lengths_add(&t, "six-month loan", 9), 2); /* "six-month" */
    assert_int_equal(extraction_loan_lengths_add(&t, "season-long", 11), 1);
    assert_int_equal(extraction_loan_lengths_add(&t, "season", 6), 3); /* a prefix is another */
    struct extraction x = {.loan_lengths = t.data, .nloan_lengths = 3};
    assert_int_equal(extraction_loan_lengths_size(&x), t.len);
    struct fact f = {.loan_length = 2};
    assert_string_equal(extraction_loan_length(&x, &f), "six-month");
    f.loan_length = 3;
    assert_string_equal(extraction_loan_length(&x, &f), "season");
    f.loan_length = 0;
    assert_null(extraction_loan_length(&x, &f));
    f.loan_length = 4; /* not one of x's */
    assert_null(extraction_loan_length(&x, &f));
    for (unsigned k = 4; k <= FACT_MAX_LOAN_LENGTHS; k++) {
        char s[16];
        int n = snprintf(s, sizeof s, "%u-month", k);
        assert_int_equal(extraction_loan_lengths_add(&t, s, (size_t)n), k);
    }
    assert_int_equal(extraction_loan_lengths_add(&t, "one more", 8), 0); /* full: dropped */
    assert_int_equal(extraction_loan_lengths_add(&t, "season", 6), 3);   /* still found */
    x = (struct extraction){.loan_lengths = t.data, .nloan_lengths = FACT_MAX_LOAN_LENGTHS};
    assert_int_equal(extraction_loan_lengths_size(&x), t.len);
    f.loan_length = FACT_MAX_LOAN_LENGTHS;
    assert_string_equal(extraction_loan_length(&x, &f), "255-month");
    buf_free(&t);
}

/* Packing keeps every field; each entity's mentions stay its own. */
static void test_pack_keeps_everything(void **state)
{
    (void)state;
    for (size_t i = 0; i < 8; i++) {
        struct extraction x, want;
        cache_synth(&x, 4, i);
        cache_synth(&want, 4, i);
        extraction_pack(&x);
        assert_non_null(x.block);
        assert_true(cache_extraction_equal(&want, &x));
        for (size_t k = 0; k < x.nentities; k++) {
            const struct mention *m = extraction_mentions_of(&x, &x.entities[k]);
            assert_true((const char *)m >= (const char *)x.block);
            assert_int_equal(m[0].start, i); /* cache_synth's first mention of each */
            assert_int_equal(m[0].end, i + 7 + k);
        }
        extraction_free(&want);
        extraction_free(&x);
    }
}

/* Packed with shared names: the ids and names given are pointed to, the
 * rest copied; packing a packed extraction again keeps it equal. */
static void test_pack_shared(void **state)
{
    (void)state;
    struct extraction x, want;
    cache_synth(&x, 2, 3);
    cache_synth(&want, 2, 3);
    char *ids[4] = {NULL}, *names[4] = {NULL};
    ids[0] = xstrdup(want.entities[0].id);
    names[1] = xstrdup(want.entities[1].name);
    extraction_pack(&x);
    extraction_pack_shared(&x, ids, names);
    assert_true(x.entities[0].id == ids[0]);
    assert_true(x.entities[1].name == names[1]);
    assert_true(x.entities[0].name != want.entities[0].name);
    assert_true(cache_extraction_equal(&want, &x));
    extraction_free(&x);
    extraction_free(&want);
    free(ids[0]);
    free(names[1]);
}

static void test_empty(void **state)
{
    (void)state;
    struct extraction x = {0};
    extraction_pack(&x);
    assert_null(x.block);
    struct found_entity e = {0};
    assert_null(extraction_mentions_of(&x, &e));
    struct fact f = {.loan_length = 1};
    assert_null(extraction_loan_length(&x, &f));
    extraction_free(&x);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sizes),
        cmocka_unit_test(test_loan_length_codes),
        cmocka_unit_test(test_pack_keeps_everything),
        cmocka_unit_test(test_pack_shared),
        cmocka_unit_test(test_empty),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
