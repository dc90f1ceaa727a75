/* test_boilerplate: the furniture patterns: built-ins, whole-line and
 * caseless matching, trimming, added patterns and bad ones, patterns added
 * before and after the first match (which compiles the built-ins), the
 * same answers before and after the switch to JIT-compiled copies, and
 * threads racing for that first match on one fresh set. */
#include <pthread.h>
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
    assert_true(match(bp, "Image caption: Saka celebrates"));
    assert_true(match(bp, "Follow us on Instagram"));
    assert_true(match(bp, "Getty Images"));
    assert_true(match(bp, "Related stories:"));
    /* One built-in matching a line's start is not enough: the built-ins are
     * matched as one alternation, each branch against the whole line. */
    assert_false(match(bp, "Getty Images show Saka celebrating"));
    assert_false(match(bp, "Related: Saka signs"));
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

static const char *const race_lines[] = {
    "Download the BBC Sport app",
    "Share on Twitter",
    "Sponsored by BetFast",
    "Kane scores twice at Wembley",
    "By Jane Doe, London",
    "Arsenal share the points",
    "3 mins read",
    "Image caption: Saka",
    "Sponsored by BetFast and more",
};
enum { RACE_LINES = sizeof race_lines / sizeof *race_lines, RACE_THREADS = 4 };

struct racer {
    const struct boilerplate *bp;
    pthread_barrier_t *start;
    bool hits[RACE_LINES];
    bool same; /* the later answers matched the first ones */
};

static void *race(void *arg)
{
    struct racer *r = arg;
    pthread_barrier_wait(r->start);
    for (size_t i = 0; i < RACE_LINES; i++)
        r->hits[i] = match(r->bp, race_lines[i]);
    /* on past the switch to the JIT-compiled copies, with the same answers */
    for (size_t n = 0; n < BOILERPLATE_JIT_AFTER; n++)
        r->same = r->same && match(r->bp, race_lines[n % RACE_LINES]) == r->hits[n % RACE_LINES];
    return NULL;
}

/* Threads released together on a set nobody has matched with yet all race
 * for its first match (the one that compiles it), and go on past the
 * switch to the JIT-compiled copies; each must see what one thread alone
 * sees. Under ThreadSanitizer it also checks that none matches while
 * another compiles. */
static void test_first_match_race(void **state)
{
    (void)state;
    struct boilerplate *alone = boilerplate_new();
    struct tl_error err;
    assert_true(boilerplate_add(alone, "sponsored by \\w+", &err));
    bool want[RACE_LINES];
    for (size_t i = 0; i < RACE_LINES; i++)
        want[i] = match(alone, race_lines[i]);
    assert_true(want[0] && want[1] && want[2] && want[4] && want[6] && want[7]);
    assert_false(want[3] || want[5] || want[8]);
    boilerplate_free(alone);
    for (int round = 0; round < 8; round++) {
        struct boilerplate *bp = boilerplate_new();
        assert_true(boilerplate_add(bp, "sponsored by \\w+", &err));
        pthread_barrier_t start;
        pthread_barrier_init(&start, NULL, RACE_THREADS);
        struct racer racers[RACE_THREADS];
        pthread_t threads[RACE_THREADS];
        for (int t = 0; t < RACE_THREADS; t++) {
            racers[t] = (struct racer){.bp = bp, .start = &start, .same = true};
            assert_int_equal(pthread_create(&threads[t], NULL, race, &racers[t]), 0);
        }
        for (int t = 0; t < RACE_THREADS; t++) {
            pthread_join(threads[t], NULL);
            assert_memory_equal(racers[t].hits, want, sizeof want);
            assert_true(racers[t].same);
        }
        pthread_barrier_destroy(&start);
        boilerplate_free(bp);
    }
}

/* A pattern added after the first match (the set already compiled) counts
 * at once, like one added before; a set never matched with frees cleanly. */
static void test_add_after_first_match(void **state)
{
    (void)state;
    struct boilerplate *bp = boilerplate_new();
    assert_true(match(bp, "Advertisement"));
    assert_false(match(bp, "Sponsored by BetFast"));
    struct tl_error err;
    assert_true(boilerplate_add(bp, "sponsored by \\w+", &err));
    assert_true(match(bp, "Sponsored by BetFast"));
    assert_true(match(bp, "Advertisement"));
    assert_false(boilerplate_add(bp, "bad [class", &err));
    assert_non_null(strstr(err.msg, "bad [class"));
    boilerplate_free(bp);
    struct boilerplate *unused = boilerplate_new();
    assert_true(boilerplate_add(unused, "sponsored by \\w+", &err));
    boilerplate_free(unused);
}

/* The first BOILERPLATE_JIT_AFTER lines are answered by the interpreter,
 * the rest by JIT-compiled copies: every line gets the same answer on
 * either side of the switch, added patterns included, and a pattern added
 * after it counts at once. */
static void test_same_answers_after_jit(void **state)
{
    (void)state;
    struct boilerplate *bp = boilerplate_new();
    struct tl_error err;
    assert_true(boilerplate_add(bp, "sponsored by \\w+", &err));
    bool want[RACE_LINES];
    for (size_t i = 0; i < RACE_LINES; i++)
        want[i] = match(bp, race_lines[i]);
    for (size_t n = RACE_LINES; n < 3 * BOILERPLATE_JIT_AFTER; n++)
        assert_int_equal(match(bp, race_lines[n % RACE_LINES]), want[n % RACE_LINES]);
    assert_false(match(bp, "Transfer news live"));
    assert_true(boilerplate_add(bp, "transfer news live", &err));
    assert_true(match(bp, "Transfer news live"));
    assert_true(match(bp, "Sponsored by BetFast"));
    boilerplate_free(bp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_patterns),      cmocka_unit_test(test_long_and_invalid_lines),
        cmocka_unit_test(test_add_pattern),           cmocka_unit_test(test_first_match_race),
        cmocka_unit_test(test_add_after_first_match), cmocka_unit_test(test_same_answers_after_jit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
