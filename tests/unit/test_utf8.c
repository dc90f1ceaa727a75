/* test_utf8: decoding (valid and hostile sequences), encoding, display widths
 * in the C and the C.UTF-8 locale, prefix fitting and folding. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/fold.h"
#include "core/base/utf8.h"

/* Decodes s (of n bytes) and checks the code point and the length used. */
static void expect_decode(const char *s, size_t n, uint32_t want_cp, size_t want_len)
{
    uint32_t cp = 0;
    size_t got = utf8_decode(s, n, &cp);
    assert_int_equal(got, want_len);
    assert_int_equal(cp, want_cp);
}

static void test_decode_valid(void **state)
{
    (void)state;
    expect_decode("A", 1, 'A', 1);
    expect_decode("\x7f", 1, 0x7F, 1);
    expect_decode("\xc3\xa9", 2, 0xE9, 2);             /* é */
    expect_decode("\xc2\x80", 2, 0x80, 2);             /* smallest 2-byte */
    expect_decode("\xdf\xbf", 2, 0x7FF, 2);            /* largest 2-byte */
    expect_decode("\xe0\xa0\x80", 3, 0x800, 3);        /* smallest 3-byte */
    expect_decode("\xe2\x82\xac", 3, 0x20AC, 3);       /* € */
    expect_decode("\xef\xbf\xbd", 3, 0xFFFD, 3);       /* a real U+FFFD */
    expect_decode("\xed\x9f\xbf", 3, 0xD7FF, 3);       /* just below the surrogates */
    expect_decode("\xf0\x90\x80\x80", 4, 0x10000, 4);  /* smallest 4-byte */
    expect_decode("\xf0\x9f\x98\x80", 4, 0x1F600, 4);  /* 😀 */
    expect_decode("\xf4\x8f\xbf\xbf", 4, 0x10FFFF, 4); /* largest code point */
    expect_decode("\xc3\xa9xyz", 5, 0xE9, 2);          /* stops at the character's end */
}

static void test_decode_invalid(void **state)
{
    (void)state;
    expect_decode("\x80", 1, UTF8_REPLACEMENT, 1);             /* lone continuation */
    expect_decode("\xbf\x80", 2, UTF8_REPLACEMENT, 1);         /* continuation run */
    expect_decode("\xc0\x80", 2, UTF8_REPLACEMENT, 1);         /* overlong NUL */
    expect_decode("\xc1\xbf", 2, UTF8_REPLACEMENT, 1);         /* overlong 0x7F */
    expect_decode("\xe0\x80\x80", 3, UTF8_REPLACEMENT, 1);     /* overlong 3-byte */
    expect_decode("\xe0\x9f\xbf", 3, UTF8_REPLACEMENT, 1);     /* overlong 0x7FF */
    expect_decode("\xf0\x80\x80\x80", 4, UTF8_REPLACEMENT, 1); /* overlong 4-byte */
    expect_decode("\xf0\x8f\xbf\xbf", 4, UTF8_REPLACEMENT, 1); /* overlong 0xFFFF */
    expect_decode("\xed\xa0\x80", 3, UTF8_REPLACEMENT, 1);     /* U+D800 */
    expect_decode("\xed\xbf\xbf", 3, UTF8_REPLACEMENT, 1);     /* U+DFFF */
    expect_decode("\xf4\x90\x80\x80", 4, UTF8_REPLACEMENT, 1); /* U+110000 */
    expect_decode("\xf5\x80\x80\x80", 4, UTF8_REPLACEMENT, 1); /* lead byte F5 */
    expect_decode("\xff", 1, UTF8_REPLACEMENT, 1);
    expect_decode("\xfe\xff", 2, UTF8_REPLACEMENT, 1);
    /* Truncated: the buffer ends inside the sequence. */
    expect_decode("\xc3", 1, UTF8_REPLACEMENT, 1);
    expect_decode("\xe2\x82", 2, UTF8_REPLACEMENT, 1);
    expect_decode("\xf0\x9f\x98", 3, UTF8_REPLACEMENT, 1);
    /* The length limit counts, not the bytes beyond it. */
    expect_decode("\xe2\x82\xac", 2, UTF8_REPLACEMENT, 1);
    /* Interrupted: a non-continuation byte inside the sequence. */
    expect_decode("\xe2\x41\xac", 3, UTF8_REPLACEMENT, 1);
    expect_decode("\xf0\x9f\x98\x41", 4, UTF8_REPLACEMENT, 1);
}

static void test_encode_round_trip(void **state)
{
    (void)state;
    static const uint32_t cps[] = {0,      'a',    0x7F,    0x80,    0xE9,
                                   0x7FF,  0x800,  0x20AC,  0xD7FF,  0xE000,
                                   0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF};
    static const size_t lens[] = {1, 1, 1, 2, 2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 4};
    for (size_t i = 0; i < sizeof cps / sizeof *cps; i++) {
        char out[4];
        size_t n = utf8_encode(cps[i], out);
        assert_int_equal(n, lens[i]);
        uint32_t back;
        assert_int_equal(utf8_decode(out, n, &back), n);
        assert_int_equal(back, cps[i]);
    }
    char out[4];
    assert_int_equal(utf8_encode(0x011F, out), 2); /* ğ */
    assert_memory_equal(out, "\xc4\x9f", 2);
}

/* Every code point from 0 to U+10FFFF except the surrogates round-trips. */
static void test_encode_decode_exhaustive(void **state)
{
    (void)state;
    for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF)
            continue;
        char out[4];
        size_t n = utf8_encode(cp, out);
        uint32_t back = 0;
        if (utf8_decode(out, n, &back) != n || back != cp)
            fail_msg("U+%04X does not round-trip", (unsigned)cp);
    }
}

/* The widths touchline relies on, whatever the locale. */
static void check_widths(void)
{
    assert_int_equal(utf8_cp_width('a'), 1);
    assert_int_equal(utf8_cp_width(' '), 1);
    assert_int_equal(utf8_cp_width(0xE9), 1);    /* é */
    assert_int_equal(utf8_cp_width(0xD8), 1);    /* Ø */
    assert_int_equal(utf8_cp_width(0x0107), 1);  /* ć */
    assert_int_equal(utf8_cp_width(0x20AC), 1);  /* € */
    assert_int_equal(utf8_cp_width(0x0301), 0);  /* combining acute */
    assert_int_equal(utf8_cp_width(0x0308), 0);  /* combining diaeresis */
    assert_int_equal(utf8_cp_width(0x200B), 0);  /* zero width space */
    assert_int_equal(utf8_cp_width(0x200D), 0);  /* zero width joiner */
    assert_int_equal(utf8_cp_width(0xFE0F), 0);  /* variation selector 16 */
    assert_int_equal(utf8_cp_width(0x4E2D), 2);  /* 中 */
    assert_int_equal(utf8_cp_width(0xAC00), 2);  /* 가 */
    assert_int_equal(utf8_cp_width(0x3000), 2);  /* ideographic space */
    assert_int_equal(utf8_cp_width(0xFF21), 2);  /* fullwidth A */
    assert_int_equal(utf8_cp_width(0x1F600), 2); /* 😀 */
    assert_int_equal(utf8_cp_width(0x1F680), 2); /* 🚀 */
    assert_int_equal(utf8_cp_width(0x1F914), 2); /* 🤔 */
    assert_int_equal(utf8_cp_width(0x26BD), 2);  /* ⚽ */
    assert_int_equal(utf8_cp_width(0x1F3C6), 2); /* 🏆 */
    /* "Ødegaard" (8), "Vlahović" (8), "Gündoğan" (8), with a decomposed é (5). */
    assert_int_equal(utf8_width("\xc3\x98"
                                "degaard",
                                9),
                     8);
    assert_int_equal(utf8_width("Vlahovi\xc4\x87", 9), 8);
    assert_int_equal(utf8_width("G\xc3\xbcndo\xc4\x9f"
                                "an",
                                11),
                     8);
    assert_int_equal(utf8_width("Pepe\xcc\x81!", 7), 5);
    assert_int_equal(utf8_width("\xe4\xb8\xad\xe6\x96\x87", 6), 4); /* 中文 */
    assert_int_equal(utf8_width("", 0), 0);
}

static void test_width_c_locale(void **state)
{
    (void)state;
    assert_non_null(setlocale(LC_CTYPE, "C"));
    check_widths();
}

static void test_width_utf8_locale(void **state)
{
    (void)state;
    if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "C.utf8")) {
        skip();
        return;
    }
    check_widths();
    setlocale(LC_CTYPE, "C");
}

static void test_prefix_fitting(void **state)
{
    (void)state;
    size_t used = 99;
    /* ASCII: exactly the columns asked for. */
    assert_int_equal(utf8_prefix_fitting("abcdef", 6, 4, &used), 4);
    assert_int_equal(used, 4);
    assert_int_equal(utf8_prefix_fitting("abc", 3, 10, &used), 3);
    assert_int_equal(used, 3);
    assert_int_equal(utf8_prefix_fitting("abc", 3, 0, &used), 0);
    assert_int_equal(used, 0);
    /* A two-byte letter is never cut. */
    const char *ode = "\xc3\x98"
                      "degaard"; /* Ødegaard */
    assert_int_equal(utf8_prefix_fitting(ode, 9, 1, &used), 2);
    assert_int_equal(used, 1);
    assert_int_equal(utf8_prefix_fitting(ode, 9, 3, &used), 4);
    /* A wide character that does not fit is left out whole. */
    const char *cjk = "a\xe4\xb8\xad"
                      "b"; /* a中b */
    assert_int_equal(utf8_prefix_fitting(cjk, 5, 2, &used), 1);
    assert_int_equal(used, 1);
    assert_int_equal(utf8_prefix_fitting(cjk, 5, 3, &used), 4);
    assert_int_equal(used, 3);
    /* A combining mark stays with its base letter. */
    const char *pepe = "Pepe\xcc\x81"
                       "x"; /* Pepé with U+0301, then x */
    assert_int_equal(utf8_prefix_fitting(pepe, 7, 4, &used), 6);
    assert_int_equal(used, 4);
    assert_int_equal(utf8_prefix_fitting(pepe, 7, 3, &used), 3);
    assert_int_equal(used, 3);
    /* used_cols may be NULL. */
    assert_int_equal(utf8_prefix_fitting("abc", 3, 2, NULL), 2);
}

/* For every cut of a mixed string, the prefix is whole characters. */
static void test_prefix_never_cuts(void **state)
{
    (void)state;
    const char *s = "G\xc3\xbcnd\xc4\x9f"
                    "an \xe4\xb8\xad\xf0\x9f\x98\x80 e\xcc\x81 Vlahovi\xc4\x87";
    size_t len = strlen(s);
    for (size_t cols = 0; cols <= 30; cols++) {
        size_t used;
        size_t n = utf8_prefix_fitting(s, len, cols, &used);
        assert_true(n <= len);
        assert_true(used <= cols);
        if (n < len) {
            /* The next byte starts a character, and it is not a combining mark. */
            assert_int_not_equal((unsigned char)s[n] & 0xC0, 0x80);
            uint32_t cp;
            utf8_decode(s + n, len - n, &cp);
            assert_int_not_equal(utf8_cp_width(cp), 0);
        }
        assert_int_equal(utf8_width(s, n), used);
    }
}

static void test_fold(void **state)
{
    (void)state;
    assert_int_equal(utf8_fold_cp('A'), 'a');
    assert_int_equal(utf8_fold_cp('Z'), 'z');
    assert_int_equal(utf8_fold_cp('a'), 'a');
    assert_int_equal(utf8_fold_cp('1'), '1');
    assert_int_equal(utf8_fold_cp(0xD8), 'o');    /* Ø */
    assert_int_equal(utf8_fold_cp(0xF8), 'o');    /* ø */
    assert_int_equal(utf8_fold_cp(0x11F), 'g');   /* ğ */
    assert_int_equal(utf8_fold_cp(0x11E), 'g');   /* Ğ */
    assert_int_equal(utf8_fold_cp(0xE9), 'e');    /* é */
    assert_int_equal(utf8_fold_cp(0xC9), 'e');    /* É */
    assert_int_equal(utf8_fold_cp(0xDF), 's');    /* ß */
    assert_int_equal(utf8_fold_cp(0xFC), 'u');    /* ü */
    assert_int_equal(utf8_fold_cp(0x107), 'c');   /* ć */
    assert_int_equal(utf8_fold_cp(0x10C), 'c');   /* Č */
    assert_int_equal(utf8_fold_cp(0x141), 'l');   /* Ł */
    assert_int_equal(utf8_fold_cp(0x130), 'i');   /* İ */
    assert_int_equal(utf8_fold_cp(0x131), 'i');   /* ı */
    assert_int_equal(utf8_fold_cp(0x15F), 's');   /* ş */
    assert_int_equal(utf8_fold_cp(0x161), 's');   /* š */
    assert_int_equal(utf8_fold_cp(0x17E), 'z');   /* ž */
    assert_int_equal(utf8_fold_cp(0x17F), 's');   /* ſ */
    assert_int_equal(utf8_fold_cp(0x219), 's');   /* ș */
    assert_int_equal(utf8_fold_cp(0x21A), 't');   /* Ț */
    assert_int_equal(utf8_fold_cp(0xC6), 'a');    /* Æ */
    assert_int_equal(utf8_fold_cp(0x153), 'o');   /* œ */
    assert_int_equal(utf8_fold_cp(0x2019), '\''); /* ’ */
    /* Not letters: left alone. */
    assert_int_equal(utf8_fold_cp(0xD7), 0xD7); /* × */
    assert_int_equal(utf8_fold_cp(0xF7), 0xF7); /* ÷ */
    assert_int_equal(utf8_fold_cp(0x4E2D), 0x4E2D);
    /* Every fold of U+0000..U+024F is ASCII or the code point itself. */
    for (uint32_t cp = 0; cp < 0x250; cp++) {
        uint32_t f = utf8_fold_cp(cp);
        assert_true(f == cp || f < 0x80);
        assert_false(f >= 'A' && f <= 'Z');
    }
}

/* fold_text_to writes what fold_text returns, in room of FOLD_TEXT_ROOM,
 * and gives its length: with a leading "the" dropped, a possessive, accents,
 * stray bytes (3 bytes each, the most a byte takes) and nothing at all. */
static void test_fold_text_to(void **state)
{
    (void)state;
    static const char *const cases[] = {
        "The Hammers",    "the", "Scholes' goal", "Bastoni's", "S\xc3\xa3o Paulo", "\xff\xfe\xfd",
        "  St. Mirren  ", "",    "THE  BLUES",    "them"};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t len = strlen(cases[i]);
        char *want = fold_text(cases[i], len);
        char got[64];
        memset(got, 'x', sizeof got);
        assert_true(FOLD_TEXT_ROOM(len) <= sizeof got);
        assert_int_equal(fold_text_to(cases[i], len, got), strlen(want));
        assert_string_equal(got, want);
        free(want);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_decode_valid),
        cmocka_unit_test(test_decode_invalid),
        cmocka_unit_test(test_encode_round_trip),
        cmocka_unit_test(test_encode_decode_exhaustive),
        cmocka_unit_test(test_width_c_locale),
        cmocka_unit_test(test_width_utf8_locale),
        cmocka_unit_test(test_prefix_fitting),
        cmocka_unit_test(test_prefix_never_cuts),
        cmocka_unit_test(test_fold),
        cmocka_unit_test(test_fold_text_to),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
