/* test_hostile: regressions for bugs the hardening work found with hostile
 * input: a deeply nested KB file (the YAML document loader ran for minutes,
 * and so did telling a file's kind by its keys),
 * and one long sentence with tens of thousands of person mentions (fact
 * subjects were looked up by scanning every mention: quadratic). Empty and
 * blank files are in test_corpus. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/buf.h"
#include "core/extract/kb.h"
#include "core/base/yamltree.h"
#include "extract_helpers.h"

/* CPU seconds since `start`. */
static double cpu_since(clock_t start)
{
    return (double)(clock() - start) / CLOCKS_PER_SEC;
}

static void test_kb_deep_nesting_refused_quickly(void **state)
{
    (void)state;
    struct buf text;
    buf_init(&text);
    buf_puts(&text, "clubs:\n  - name: X\n    aliases: ");
    for (int i = 0; i < 100000; i++)
        buf_putc(&text, '[');
    for (int i = 0; i < 100000; i++)
        buf_putc(&text, ']');
    buf_putc(&text, '\n');
    struct kb *kb = kb_new_empty();
    struct tl_error err;
    clock_t start = clock();
    assert_false(kb_merge_text(kb, "deep.yaml", text.data, text.len, &err));
    assert_true(cpu_since(start) < 5.0);
    assert_non_null(strstr(err.msg, "deep.yaml:3:"));
    assert_non_null(strstr(err.msg, "nested more than"));
    kb_free(kb);
    buf_free(&text);
}

static void test_kb_alias_bomb_bounded(void **state)
{
    (void)state;
    struct buf text;
    buf_init(&text);
    buf_puts(&text, "l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
        buf_printf(&text, "l%d: &l%d [", i, i);
        for (int j = 0; j < 9; j++)
            buf_printf(&text, "%s*l%d", j ? ", " : "", i - 1);
        buf_puts(&text, "]\n");
    }
    buf_puts(&text, "clubs:\n  - name: X\n    aliases: *l9\n");
    struct kb *kb = kb_new_empty();
    struct tl_error err;
    clock_t start = clock();
    assert_false(kb_merge_text(kb, "laughs.yaml", text.data, text.len, &err));
    assert_true(cpu_since(start) < 5.0);
    assert_non_null(strstr(err.msg, "aliases copy in more than")); /* refused while loading */
    kb_free(kb);
    buf_free(&text);
}

/* Telling a file's kind (touchline check) peeked through the whole of a
 * nesting bomb, which libyaml parses in time quadratic in the depth. */
static void test_peek_key_deep_nesting_quick(void **state)
{
    (void)state;
    struct buf text;
    buf_init(&text);
    buf_puts(&text, "x: ");
    for (int i = 0; i < 100000; i++)
        buf_putc(&text, '[');
    for (int i = 0; i < 100000; i++)
        buf_putc(&text, ']');
    buf_puts(&text, "\nclubs: []\n");
    static const char *const keys[] = {"styles", "clubs"};
    size_t which = 99;
    clock_t start = clock();
    yamltree_peek_key(text.data, text.len, keys, 2, &which);
    assert_true(cpu_since(start) < 5.0);
    buf_free(&text);
}

/* 5 MB of one sentence naming the same man 100,000 times, with a speech verb
 * each time: every mention is found, in linear time. */
static void test_long_sentence_many_people(void **state)
{
    (void)state;
    struct fixture f;
    assert_true(fixture_open(&f));
    struct buf text;
    buf_init(&text);
    buf_puts(&text, "Long\n\n");
    for (int i = 0; i < 100000; i++)
        buf_puts(&text, "Harry Kane said the ball went wide and the crowd sang ");
    buf_putc(&text, '\n');
    struct tl_error err;
    f.a = article_parse("long.txt", text.data, text.len, 0, f.bp, &err);
    assert_non_null(f.a);
    clock_t start = clock();
    extractor_run(f.ex, f.a, &f.x);
    assert_true(cpu_since(start) < 30.0);
    size_t mentions = 0;
    for (size_t i = 0; i < f.x.nentities; i++)
        if (strcmp(f.x.entities[i].name, "Harry Kane") == 0)
            mentions = f.x.entities[i].nmentions;
    assert_int_equal(mentions, 100000);
    buf_free(&text);
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_kb_deep_nesting_refused_quickly),
        cmocka_unit_test(test_kb_alias_bomb_bounded),
        cmocka_unit_test(test_peek_key_deep_nesting_quick),
        cmocka_unit_test(test_long_sentence_many_people),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
