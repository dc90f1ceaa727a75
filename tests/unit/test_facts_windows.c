/* test_facts_windows: the fact patterns find the same matches when PCRE2
 * starts only in the windows of facts_windows.c as when it searches every
 * position. Texts are made at random from the patterns' own words, numbers
 * and years, in any case, some letters spelt with U+017F (long s) or
 * U+212A (Kelvin sign), which PCRE2 matches as s and k; each is searched
 * whole and from and to places inside it. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/base/error.h"
#include "core/extract/facts.h"

static const char *const pieces[] = {
    "1",
    "12",
    "19",
    "2",
    "30",
    "123",
    "2024",
    "2019",
    "20",
    "1999",
    "2-1",
    "3.5",
    "21st",
    "30th",
    "7",
    "aged",
    "age",
    "of",
    "just",
    "only",
    "when",
    "he",
    "she",
    "was",
    "will",
    "would",
    "be",
    "turn",
    "turns",
    "turned",
    "years",
    "year",
    "old",
    "-year-old",
    "played",
    "featured",
    "appeared",
    "turned out",
    "started",
    "starting",
    "playing",
    "in",
    "times",
    "appearances",
    "apps",
    "games",
    "matches",
    "starts",
    "outings",
    "appearance",
    "game",
    "match",
    "start",
    "outing",
    "senior",
    "league",
    "champions league",
    "first-team",
    "substitute",
    "which",
    "came",
    "were",
    "the",
    "his",
    "their",
    "a",
    "an",
    "hundred",
    "twenty",
    "twenty-one",
    "six",
    "seventeen",
    "one",
    "eight",
    "until",
    "till",
    "to",
    "through",
    "beyond",
    "expires",
    "expiring",
    "runs",
    "out",
    "ends",
    "end",
    "summer",
    "close",
    "june",
    "sept",
    "september",
    "world cup",
    "contract",
    "deal",
    "extension",
    "agreement",
    "terms",
    "option",
    "options",
    "for",
    "further",
    "additional",
    "extra",
    "offering",
    "offer",
    "extend",
    "extended",
    "by",
    "season",
    "seasons",
    "month",
    "months",
    "long",
    "new",
    "rolling",
    "loan",
    "loans",
    "season-long",
    "six-month",
    "short-term",
    "emergency",
    "interested",
    "keen",
    "on",
    "monitoring",
    "tracking",
    "targeting",
    "plotting",
    "move",
    "bid",
    "considering",
    "ready",
    "set",
    "poised",
    "lining",
    "up",
    "race",
    "leading",
    "want",
    "wants",
    "sign",
    "talks",
    "pursuit",
    "hoping",
    "trying",
    "linked",
    "with",
    "weighing",
    "\xc2\xa3",
    "\xe2\x82\xac",
    "$",
    "m",
    "million",
    "euros",
    "pounds",
    "caps",
    "capped",
    "and a half",
    "one-and-a-half",
    "Arsenal",
    "caf\xc3\xa9",
    "\xe2\x80\x99",
};
/* Phrases each pattern matches, to be cut, glued and respelt. */
static const char *const phrases[] = {
    "aged 19",
    "aged just 17",
    "a 23-year-old",
    "25 years old",
    "when she was 19",
    "will be 30",
    "turned 30",
    ", 31,",
    "I'm 30",
    "is 24.",
    "at 11",
    "played 12 times",
    "30 appearances",
    "21st senior cap",
    "90 games, 16 of which came",
    "played in 30 of the",
    "until 2027",
    "expires in the summer of 2026",
    "end of June 2027",
    "until the end of the 2025-26",
    "a three-year contract",
    "an option for a further year",
    "offered a two-year deal",
    "extend his contract by a year",
    "two-and-a-half-year deal",
    "options for an extra 12 months",
    "season-long loan",
    "six-month loan",
    "on loan",
    "interested in",
    "keen to sign",
    "in the race for",
    "in talks to sign",
    "linked with",
    "according to",
    "told",
    "reports",
    "said",
    "\xc2\xa3 25m",
    "\xc2\xa3"
    "25m",
    "\xe2\x82\xac"
    "40 million",
    "45m euros",
    "15.8m signing",
    "a week",
    "12 caps",
    "capped 30 times",
    "fifty appearances",
    "twenty-one league games",
};
static const char *const gaps[] = {" ", " ", " ", " ", ", ", ". ", "-", " (", ") ", "\n", ""};

static uint64_t rng = 0x9e3779b97f4a7c15u;

static unsigned next_random(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

/* Appends piece p to out, its letters in a random case, an s now and then
 * spelt U+017F and a k U+212A. */
static size_t put_piece(char *out, size_t n, const char *p)
{
    unsigned style = next_random(8);
    for (; *p; p++) {
        char c = *p;
        if ((c == 's' || c == 'k') && next_random(12) == 0) {
            const char *odd = c == 's' ? "\xc5\xbf" : "\xe2\x84\xaa";
            memcpy(out + n, odd, strlen(odd));
            n += strlen(odd);
            continue;
        }
        if (c >= 'a' && c <= 'z' && (style == 0 || (style == 1 && next_random(2))))
            c = (char)(c - 32);
        out[n++] = c;
    }
    return n;
}

/* A random text; cuts[] gets the offsets between its pieces. */
static size_t make_text(char *out, size_t *cuts, size_t *ncuts)
{
    size_t n = 0, count = 3 + next_random(30);
    *ncuts = 0;
    for (size_t i = 0; i < count; i++) {
        cuts[(*ncuts)++] = n;
        const char *piece = next_random(3) ? pieces[next_random(sizeof pieces / sizeof *pieces)]
                                           : phrases[next_random(sizeof phrases / sizeof *phrases)];
        n = put_piece(out, n, piece);
        const char *g = gaps[next_random(sizeof gaps / sizeof *gaps)];
        memcpy(out + n, g, strlen(g));
        n += strlen(g);
    }
    cuts[(*ncuts)++] = n;
    out[n] = '\0';
    return n;
}

struct found {
    size_t v[2 * 256];
    size_t n;
};

static void collect(struct match *m, void *ctx)
{
    struct found *f = ctx;
    if (f->n + 2 <= sizeof f->v / sizeof *f->v) {
        f->v[f->n++] = m->start;
        f->v[f->n++] = m->end;
    }
}

/* Every non-overlapping match from `from`, PCRE2 trying every position. */
static void every_position(const struct facts_patterns *p, int which, const char *text, size_t from,
                           size_t len, struct found *f)
{
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(p->re[which], NULL);
    size_t at = from;
    f->n = 0;
    while (at <= len && pcre2_match(p->re[which], (PCRE2_SPTR)text, len, at, PCRE2_NO_UTF_CHECK, md,
                                    NULL) >= 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        struct match m = {p->re[which], md, text, ov[0], ov[1]};
        collect(&m, f);
        at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    pcre2_match_data_free(md);
}

static void same_matches(const struct facts_patterns *p, struct facts_scan *scan, const char *text,
                         size_t from, size_t len, size_t total[P_COUNT])
{
    for (int which = 0; which < P_COUNT; which++) {
        struct found want, got = {.n = 0};
        every_position(p, which, text, from, len, &want);
        facts_each_match(p, scan, which, text, from, len, collect, &got);
        if (want.n != got.n || memcmp(want.v, got.v, want.n * sizeof *want.v)) {
            fprintf(stderr, "pattern %d over [%zu, %zu) of \"%s\": %zu offsets wanted, %zu found\n",
                    which, from, len, text, want.n, got.n);
            fail();
        }
        total[which] += want.n / 2;
    }
}

static void test_windows_keep_every_match(void **state)
{
    (void)state;
    struct tl_error err;
    struct facts_patterns *p = facts_patterns_new(&err);
    assert_non_null(p);
    struct facts_scan scan;
    facts_scan_init(&scan, p);
    static char text[4096];
    size_t cuts[64], ncuts, total[P_COUNT] = {0};
    for (int round = 0; round < 20000; round++) {
        size_t len = make_text(text, cuts, &ncuts);
        same_matches(p, &scan, text, 0, len, total);
        size_t a = cuts[next_random((unsigned)ncuts)], b = cuts[next_random((unsigned)ncuts)];
        if (a > b) {
            size_t t = a;
            a = b;
            b = t;
        }
        same_matches(p, &scan, text, a, b, total);
    }
    for (int which = 0; which < P_COUNT; which++) {
        fprintf(stderr, "pattern %d: %zu matches\n", which, total[which]);
        assert_true(total[which] >= 20); /* the texts do hold matches of every pattern */
    }
    facts_scan_free(&scan);
    facts_patterns_free(p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_windows_keep_every_match),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
