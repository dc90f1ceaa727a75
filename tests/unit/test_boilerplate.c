/* test_boilerplate: the furniture patterns: built-ins, whole-line and
 * caseless matching, trimming, added patterns and bad ones. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/load/boilerplate.h"

static bool match(const struct boilerplate *bp, const char *line)
{
    return boilerplate_match(bp, line, strlen(line));
}

static void test_builtin_patterns(void **state)
{
    (void)state;
    struct boilerplate *bp = boilerplate_new();
    assert_true(boilerplate_count(bp) > 5);
    assert_true(match(bp, "Download the BBC Sport app for the latest news"));
    assert_true(match(bp, "DOWNLOAD THE APP"));
    assert_true(match(bp, "/  Tom Smith"));
    assert_true(match(bp, "Share this article"));
    assert_true(match(bp, "Share on Facebook"));
    assert_true(match(bp, "Advertisement"));
    assert_true(match(bp, "By Jane Doe"));
    assert_true(match(bp, "By Gonzalo Higua\xc3\xadn"));
    assert_true(match(bp, "5 min read"));
    assert_true(match(bp, "Published 12 March 2023"));
    /* Spaces and tabs around the line do not matter. */
    assert_true(match(bp, "  \tAdvertisement \t"));
    /* The whole line must match, not a part of it. */
    assert_false(match(bp, "Advertisement revenue falls at Chelsea"));
    assert_false(match(bp, "Arsenal share the points at Anfield"));
    assert_false(match(bp, "Bastoni 'wants Spurs move', by all accounts"));
    /* "By" needs a capitalised name after it. */
    assert_false(match(bp, "by the numbers"));
    assert_false(match(bp, ""));
    assert_false(match(bp, "   "));
    boilerplate_free(bp);
}

static void test_long_and_invalid_lines(void **state)
{
    (void)state;
    struct boilerplate *bp = boilerplate_new();
    char line[600];
    memset(line, 'x', sizeof line);
    memcpy(line, "Published ", 10);
    /* Longer than any furniture line: never furniture. */
    assert_false(boilerplate_match(bp, line, sizeof line));
    /* Invalid UTF-8 does not upset the matcher. */
    assert_false(boilerplate_match(bp, "\xff\xfe\xc3", 3));
    assert_true(boilerplate_match(bp, "Advertisement\xff", 13)); /* the length counts */
    boilerplate_free(bp);
}

static void test_add_pattern(void **state)
{
    (void)state;
    struct boilerplate *bp = boilerplate_new();
    size_t n = boilerplate_count(bp);
    assert_false(match(bp, "Sponsored by BetFast"));
    struct tl_error err;
    assert_true(boilerplate_add(bp, "sponsored by \\w+", &err));
    assert_int_equal(boilerplate_count(bp), n + 1);
    assert_true(match(bp, "Sponsored by BetFast"));
    assert_true(match(bp, "SPONSORED BY betfast"));
    assert_false(match(bp, "Sponsored by BetFast and more"));
    /* A bad pattern is an error with PCRE2's reason and offset, and is not added. */
    assert_false(boilerplate_add(bp, "unclosed (group", &err));
    assert_non_null(strstr(err.msg, "unclosed (group"));
    assert_non_null(strstr(err.msg, "offset"));
    assert_int_equal(boilerplate_count(bp), n + 1);
    assert_false(boilerplate_add(bp, "bad [class", NULL));
    boilerplate_free(bp);
    boilerplate_free(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_patterns),
        cmocka_unit_test(test_long_and_invalid_lines),
        cmocka_unit_test(test_add_pattern),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
