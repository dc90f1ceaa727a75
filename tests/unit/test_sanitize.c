/* test_sanitize: BOM, line ends, invalid bytes, every escape-sequence family,
 * C0/C1 and bidi controls, and the binary-file guess. Every output is also
 * checked to be safe: valid UTF-8 with no ESC, C0 (but \n), DEL or C1. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/buf.h"
#include "core/load/sanitize.h"
#include "core/base/utf8.h"

/* Fails unless s[0..len) is valid UTF-8 that a terminal shows as text. */
static void assert_safe(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        unsigned char c = (unsigned char)s[i];
        if (c == 0x1B || c == 0x7F || (c < 0x20 && c != '\n'))
            fail_msg("control byte 0x%02X at %zu", c, i);
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (cp == UTF8_REPLACEMENT && n == 1)
            fail_msg("invalid UTF-8 at %zu", i);
        if (cp >= 0x80 && cp <= 0x9F)
            fail_msg("C1 control U+%04X at %zu", (unsigned)cp, i);
        if ((cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069))
            fail_msg("bidi control U+%04X at %zu", (unsigned)cp, i);
        i += n;
    }
}

/* Sanitises in[0..len) and checks the result is `want` and safe. */
static void expect_n(const char *in, size_t len, const char *want, struct sanitize_stats *st)
{
    struct buf out;
    buf_init(&out);
    sanitize_text(in, len, &out, st);
    assert_safe(out.data, out.len);
    assert_int_equal(strlen(out.data), out.len);
    assert_string_equal(out.data, want);
    buf_free(&out);
}

/* expect_n on a string literal, which may hold NUL bytes. */
#define expect_lit(lit, want, st) expect_n(lit, sizeof(lit) - 1, want, st)

static void expect(const char *in, const char *want)
{
    expect_n(in, strlen(in), want, NULL);
}

static void test_plain_text_unchanged(void **state)
{
    (void)state;
    expect("", "");
    expect("Spurs close in on \xc3\x98"
           "degaard\n\nBody.\n",
           "Spurs close in on \xc3\x98"
           "degaard\n\nBody.\n");
    expect("Vlahovi\xc4\x87 \xe2\x82\xac"
           "40 million \xf0\x9f\x98\x80",
           "Vlahovi\xc4\x87 \xe2\x82\xac"
           "40 million \xf0\x9f\x98\x80");
    /* A real U+FFFD in the text is not an invalid byte. */
    struct sanitize_stats st = {0};
    expect_lit("a\xef\xbf\xbd"
               "b",
               "a\xef\xbf\xbd"
               "b",
               &st);
    assert_int_equal(st.invalid_bytes, 0);
}

static void test_bom_and_line_ends(void **state)
{
    (void)state;
    expect("\xef\xbb\xbfTitle\n", "Title\n");
    expect("\xef\xbb\xbf", "");
    /* Only a leading BOM is a BOM; a later U+FEFF is left to the text. */
    expect("a\r\nb\r\n", "a\nb\n");
    expect("a\rb\rc", "a\nb\nc");
    expect("a\r\r\nb", "a\n\nb");
    expect("a\n\rb", "a\n\nb");
    expect("\r", "\n");
    expect("col1\tcol2\t", "col1 col2 ");
}

static void test_invalid_bytes(void **state)
{
    (void)state;
    struct sanitize_stats st = {0};
    expect_lit("G\xfcnd\xf0gan", "G\xef\xbf\xbdnd\xef\xbf\xbdgan", &st); /* Latin-1 */
    assert_int_equal(st.invalid_bytes, 2);
    memset(&st, 0, sizeof st);
    expect_lit("\xc0\x80", "\xef\xbf\xbd\xef\xbf\xbd", &st); /* overlong NUL */
    assert_int_equal(st.invalid_bytes, 2);
    memset(&st, 0, sizeof st);
    expect_lit("\xed\xa0\x80!", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd!", &st); /* surrogate */
    assert_int_equal(st.invalid_bytes, 3);
    memset(&st, 0, sizeof st);
    expect_lit("end\xe2\x82", "end\xef\xbf\xbd\xef\xbf\xbd", &st); /* truncated */
    assert_int_equal(st.invalid_bytes, 2);
    memset(&st, 0, sizeof st);
    expect_lit("\xf4\x90\x80\x80", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd", &st);
    assert_int_equal(st.invalid_bytes, 4);
    /* A raw C1 byte (not UTF-8) is an invalid byte, not a control. */
    memset(&st, 0, sizeof st);
    expect_lit("a\x9b"
               "31mb",
               "a\xef\xbf\xbd"
               "31mb",
               &st);
    assert_int_equal(st.invalid_bytes, 1);
}

static void test_csi(void **state)
{
    (void)state;
    struct sanitize_stats st = {0};
    expect_lit("\x1b[31mRed\x1b[0m card", "Red card", &st);
    assert_int_equal(st.escapes_removed, 2);
    expect("before\x1b[2Jafter", "beforeafter");
    expect("a\x1b[1;31;40mb", "ab");
    expect("a\x1b[?1049hb", "ab");        /* private parameter */
    expect("a\x1b[38;2;255;0;0mb", "ab"); /* truecolour */
    expect("a\x1b[1 qb", "ab");           /* with an intermediate (DECSCUSR) */
    expect("a\x1b[0\"pb", "ab");          /* DECSCL */
    expect("a\x1b[6n b", "a b");          /* device status report */
    expect("x\x1b[", "x");                /* cut short at the end */
    expect("x\x1b[12;", "x");
    /* A stray control byte ends a broken sequence; the text after is kept. */
    expect("a\x1b[12\nb", "a\nb");
}

static void test_osc(void **state)
{
    (void)state;
    struct sanitize_stats st = {0};
    expect_lit("pre\x1b]0;evil title\x07post", "prepost", &st);
    assert_int_equal(st.escapes_removed, 1);
    expect("pre\x1b]2;x\x1b\\post", "prepost");
    /* OSC 52 would write to the clipboard. */
    expect("a\x1b]52;c;cm0gLXJmIH4=\x07"
           "b",
           "ab");
    /* OSC 8 hyperlink: the link text stays, the escapes go. */
    expect("\x1b]8;;https://evil.example/\x1b\\Click\x1b]8;;\x1b\\ here", "Click here");
    /* Terminated by C1 ST (U+009C). */
    expect("a\x1b]0;t\xc2\x9c"
           "b",
           "ab");
    /* Unterminated: nothing of it is shown. */
    expect("text\x1b]0;no end", "text");
    /* Broken off by another escape, or cancelled by CAN or SUB, as a terminal
     * would: the text after it is kept. */
    expect("pre\x1b]0;title\x1b[0mpost", "prepost");
    expect("pre\x1b]0;title\x1b"
           "cpost",
           "prepost");
    expect("a\x1b]0;t\x18"
           "b",
           "ab");
    expect("a\x1b]0;t\x1a"
           "b",
           "ab");
    expect("a\xc2\x9d"
           "0;t\x1b[1mb",
           "ab");
}

static void test_dcs_sos_pm_apc(void **state)
{
    (void)state;
    expect("a\x1bP1$r0m\x1b\\b", "ab");               /* DCS */
    expect("a\x1bPq#0;2;0;0;0#0~~@@vv\x1b\\b", "ab"); /* sixel */
    expect("a\x1bXsos\x1b\\b", "ab");                 /* SOS */
    expect("a\x1b^pm\x1b\\b", "ab");                  /* PM */
    expect("a\x1b_Gf=100;AAAA\x1b\\b", "ab");         /* APC (kitty graphics) */
    expect("a\x1bPunterminated", "a");
    expect("a\x1bPdata\x1b[2Jb", "ab");
}

static void test_other_escapes(void **state)
{
    (void)state;
    struct sanitize_stats st = {0};
    expect_lit("end\x1b", "end", &st); /* lone ESC at the end */
    assert_int_equal(st.escapes_removed, 1);
    expect("a\x1b"
           "cb",
           "ab"); /* RIS: full reset */
    expect("a\x1b"
           "7b\x1b"
           "8c",
           "abc");                  /* save/restore cursor */
    expect("a\x1b(0b", "ab");       /* charset: DEC line drawing */
    expect("a\x1b#8b", "ab");       /* DECALN fills the screen */
    expect("a\x1b=b\x1b>c", "abc"); /* keypad modes */
    expect("a\x1b\x1b[31mb", "ab"); /* ESC ESC [ */
    expect("a\x1b\nb", "a\nb");     /* ESC before a newline: the newline stays */
    expect("\x1b\x1b\x1b", "");
}

static void test_c1_controls(void **state)
{
    (void)state;
    struct sanitize_stats st = {0};
    /* U+009B CSI written as UTF-8. */
    expect_lit("a\xc2\x9b"
               "31mred\xc2\x9b"
               "0m",
               "ared", &st);
    assert_int_equal(st.escapes_removed, 2);
    expect("a\xc2\x9d"
           "0;title\x07"
           "b",
           "ab"); /* U+009D OSC ... BEL */
    expect("a\xc2\x9d"
           "0;title\xc2\x9c"
           "b",
           "ab"); /* U+009D OSC ... U+009C ST */
    expect("a\xc2\x90"
           "dcs\xc2\x9c"
           "b",
           "ab"); /* U+0090 DCS */
    expect("a\xc2\x98"
           "sos\xc2\x9c"
           "b",
           "ab"); /* U+0098 SOS */
    expect("a\xc2\x9e"
           "pm\xc2\x9c"
           "b",
           "ab"); /* U+009E PM */
    expect("a\xc2\x9f"
           "apc\xc2\x9c"
           "b",
           "ab"); /* U+009F APC */
    memset(&st, 0, sizeof st);
    expect_lit("a\xc2\x85"
               "b\xc2\x80"
               "c\xc2\x9a"
               "d",
               "abcd", &st); /* NEL, PAD, SCI */
    assert_int_equal(st.controls_removed, 3);
    expect("a\xc2\x9c"
           "b",
           "ab"); /* a stray ST */
}

static void test_bidi_and_c0(void **state)
{
    (void)state;
    struct sanitize_stats st = {0};
    expect_lit("abc\xe2\x80\xae"
               "fdp.exe",
               "abcfdp.exe", &st); /* U+202E RLO */
    assert_int_equal(st.controls_removed, 1);
    expect("\xe2\x81\xa6"
           "a\xe2\x81\xa7"
           "b\xe2\x81\xa8"
           "c\xe2\x81\xa9",
           "abc"); /* U+2066-2069 */
    expect("\xe2\x80\xaa"
           "a\xe2\x80\xab"
           "b\xe2\x80\xac"
           "c\xe2\x80\xad",
           "abc"); /* U+202A-202D */
    expect("a\xe2\x80\x8f"
           "b\xe2\x80\x8e"
           "c\xd8\x9c"
           "d",
           "abcd"); /* RLM, LRM, ALM */
    memset(&st, 0, sizeof st);
    expect_lit("a\0b", "ab", &st);
    assert_int_equal(st.controls_removed, 1);
    expect("a\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17"
           "\x18\x19\x1a\x1c\x1d\x1e\x1f\x7f"
           "b",
           "ab");
    expect("back\x08\x08\x08\x08"
           "front",
           "backfront");
}

/* Every two- and three-byte string of interesting bytes comes out safe. */
static void test_hostile_combinations(void **state)
{
    (void)state;
    static const unsigned char alphabet[] = {
        0x00, 0x07, 0x09, 0x0A, 0x0D, 0x1B, 0x20, '[',  ']',  'P',  '\\', 'c',  ';',  '0',  'm',
        0x7F, 0x80, 0x9B, 0x9C, 0x9D, 0xC2, 0xE2, 0x80, 0xAE, 0xED, 0xF4, 0xFF, 0xEF, 0xBB, 0xBF};
    size_t n = sizeof alphabet;
    struct buf out;
    buf_init(&out);
    char in[3];
    for (size_t a = 0; a < n; a++) {
        for (size_t b = 0; b < n; b++) {
            for (size_t c = 0; c < n; c++) {
                in[0] = (char)alphabet[a];
                in[1] = (char)alphabet[b];
                in[2] = (char)alphabet[c];
                for (size_t len = 1; len <= 3; len++) {
                    buf_reset(&out);
                    sanitize_text(in, len, &out, NULL);
                    assert_safe(out.data, out.len);
                }
            }
        }
    }
    buf_free(&out);
}

/* Pseudo-random bytes (a fixed LCG) come out safe, and sanitising twice
 * changes nothing more. */
static void test_random_bytes_safe_and_idempotent(void **state)
{
    (void)state;
    uint32_t seed = 12345;
    char *in = malloc(4096);
    assert_non_null(in);
    for (int round = 0; round < 200; round++) {
        size_t len = 1 + (size_t)(round * 37) % 4096;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 16) & 0xFF;
            /* Bias towards the bytes that start escapes and sequences. */
            in[i] = (char)(r < 24 ? 0x1B : r < 40 ? '[' : r < 48 ? 0xC2 : r < 56 ? '\r' : r);
        }
        struct buf once, twice;
        buf_init(&once);
        buf_init(&twice);
        sanitize_text(in, len, &once, NULL);
        assert_safe(once.data, once.len);
        sanitize_text(once.data, once.len, &twice, NULL);
        assert_int_equal(once.len, twice.len);
        assert_memory_equal(once.data, twice.data, once.len);
        buf_free(&once);
        buf_free(&twice);
    }
    free(in);
}

/* sanitize_is_clean(s) holds exactly when sanitize_text leaves s as it is:
 * named cases, then short strings built from pieces that are clean and
 * pieces that are not, and what sanitize_text makes of each. */
static bool is_fixed_point(const char *in, size_t len)
{
    struct buf out;
    buf_init(&out);
    sanitize_text(in, len, &out, NULL);
    bool same = out.len == len && !memcmp(out.data, in, len);
    buf_free(&out);
    return same;
}

/* sanitize_keeps_cp, the list the cache's check shares (cache_text.c),
 * against what sanitize_text does with each code point's UTF-8 (the
 * surrogates and U+110000 encoded as their bit patterns) after a letter
 * (a U+FEFF first is dropped as a BOM), and against sanitize_is_clean. */
static void test_keeps_cp(void **state)
{
    (void)state;
    for (uint32_t cp = 0; cp <= 0x110000; cp++) {
        char in[5] = {'a'};
        size_t n = utf8_encode(cp, in + 1);
        bool kept = is_fixed_point(in, n + 1);
        if (sanitize_keeps_cp(cp) != kept || sanitize_is_clean(in, n + 1) != kept)
            fail_msg("U+%04X: kept %d, sanitize_keeps_cp %d", (unsigned)cp, kept,
                     sanitize_keeps_cp(cp));
    }
    assert_true(sanitize_keeps_cp('\n') && sanitize_keeps_cp(0xFEFF) && sanitize_keeps_cp(0xFFFD));
    assert_false(sanitize_keeps_cp(0x061C) || sanitize_keeps_cp(0x9B) || sanitize_keeps_cp(0xDFFF));
}

static void test_is_clean(void **state)
{
    (void)state;
    const struct {
        const char *s;
        bool clean;
    } cases[] = {
        {"", true},
        {"Plain text\nover two lines", true},
        {"Pep Guardiola \xc3\xa9 \xc2\xa3"
         "100m \xe2\x80\x94 \xef\xbf\xbd",
         true},
        {"tab\there", false},
        {"cr\r\n", false},
        {"\xef\xbb\xbfleading BOM", false},
        {"inner \xef\xbb\xbf BOM", true},
        {"red \x1b[31m", false},
        {"C1 \xc2\x9b", false},
        {"bidi \xe2\x80\xae", false},
        {"bell \a", false},
        {"del \x7f", false},
        {"lone \xc3", false},
        {"overlong \xc0\xaf", false},
        {"surrogate \xed\xa0\x80", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        size_t len = strlen(cases[i].s);
        if (sanitize_is_clean(cases[i].s, len) != cases[i].clean)
            fail_msg("case %zu: %s", i, cases[i].clean ? "not clean" : "clean");
        assert_int_equal(is_fixed_point(cases[i].s, len), cases[i].clean);
    }
    static const char *const pieces[] = {"a",        "Z ",           "\n",
                                         "\xc3\xa9", "\xe2\x82\xac", "\x1b",
                                         "[",        "\t",           "\r",
                                         "\xc2\x9b", "\xc3",         "\xe2\x80\xae",
                                         "\x7f",     "\xef\xbb\xbf", "\xf0\x9f\x98\x80"};
    enum { NPIECES = sizeof pieces / sizeof *pieces };
    uint32_t seed = 99;
    size_t clean = 0;
    for (int round = 0; round < 20000; round++) {
        char in[64];
        size_t len = 0;
        seed = seed * 1103515245u + 12345u;
        for (unsigned k = (seed >> 16) % 6; k > 0; k--) {
            seed = seed * 1103515245u + 12345u;
            unsigned r = (seed >> 16) % (NPIECES * 3);
            const char *p = pieces[r < NPIECES * 2 ? r % 5 : r - NPIECES * 2];
            memcpy(in + len, p, strlen(p));
            len += strlen(p);
        }
        bool fixed = is_fixed_point(in, len);
        if (sanitize_is_clean(in, len) != fixed)
            fail_msg("round %d: is_clean says %d, sanitize %d", round, !fixed, fixed);
        clean += fixed;
        struct buf out;
        buf_init(&out);
        sanitize_text(in, len, &out, NULL);
        /* Its output is clean, but for a second BOM that the first one
         * (dropped) hid: sanitize drops only one. */
        bool bom = out.len >= 3 && !memcmp(out.data, "\xef\xbb\xbf", 3);
        assert_int_equal(sanitize_is_clean(out.data, out.len), !bom);
        buf_free(&out);
    }
    assert_true(clean > 1000 && clean < 19000); /* both kinds were tried */
}

/* Appends to what the buffer already holds. */
static void test_appends(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out);
    buf_puts(&out, "head:");
    sanitize_text("\x1b[1mtail", 8, &out, NULL);
    assert_string_equal(out.data, "head:tail");
    buf_free(&out);
}

static void test_looks_binary(void **state)
{
    (void)state;
    assert_false(sanitize_looks_binary("", 0));
    const char *text = "Spurs close in on a deal for the Inter defender.\n\nThe 23-year-old...\n";
    assert_false(sanitize_looks_binary(text, strlen(text)));
    const char *esc =
        "\x1b[31mRed\x1b[0m card for \x1b]0;x\x07 the keeper\r\n\tand more text here\n";
    assert_false(sanitize_looks_binary(esc, strlen(esc)));
    assert_true(sanitize_looks_binary("text\0more text", 14));
    assert_true(sanitize_looks_binary("\0", 1));
    /* Latin-1 text has a few invalid bytes but is still text. */
    const char *latin1 = "G\xfcndogan and \xd8"
                         "degaard signed for \xa3"
                         "31m this summer.\n";
    assert_false(sanitize_looks_binary(latin1, strlen(latin1)));
    /* Random bytes without a NUL are still binary. */
    unsigned char rnd[4096];
    uint32_t seed = 7;
    for (size_t i = 0; i < sizeof rnd; i++) {
        seed = seed * 1664525u + 1013904223u;
        rnd[i] = (unsigned char)((seed >> 24) | 1);
    }
    assert_true(sanitize_looks_binary((const char *)rnd, sizeof rnd));
    /* A PNG header. */
    const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
    assert_true(sanitize_looks_binary(png, sizeof png - 1));
}

/* Printable runs are read 16 and 8 bytes at a time: a byte that ends one
 * (or a '~' or space that does not), at every position of texts of 1 to 48
 * bytes, is handled as it is alone; a NUL anywhere marks the text binary. */
static void test_run_ends_every_position(void **state)
{
    (void)state;
    static const struct {
        char byte;
        const char *out;
    } ends[] = {{'\x7f', ""}, {'\x1f', ""}, {'\t', " "}, {'\n', "\n"}, {'~', "~"}, {' ', " "}};
    char in[48], want[64];
    for (size_t len = 1; len <= sizeof in; len++)
        for (size_t pos = 0; pos < len; pos++) {
            for (size_t i = 0; i < len; i++)
                in[i] = (char)('a' + i % 26);
            for (size_t k = 0; k < sizeof ends / sizeof *ends; k++) {
                in[pos] = ends[k].byte;
                snprintf(want, sizeof want, "%.*s%s%.*s", (int)pos, in, ends[k].out,
                         (int)(len - pos - 1), in + pos + 1);
                expect_n(in, len, want, NULL);
            }
            in[pos] = '\0';
            assert_true(sanitize_looks_binary(in, len));
            in[pos] = 'a';
            assert_false(sanitize_looks_binary(in, len));
        }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_text_unchanged),
        cmocka_unit_test(test_bom_and_line_ends),
        cmocka_unit_test(test_invalid_bytes),
        cmocka_unit_test(test_csi),
        cmocka_unit_test(test_osc),
        cmocka_unit_test(test_dcs_sos_pm_apc),
        cmocka_unit_test(test_other_escapes),
        cmocka_unit_test(test_c1_controls),
        cmocka_unit_test(test_bidi_and_c0),
        cmocka_unit_test(test_hostile_combinations),
        cmocka_unit_test(test_random_bytes_safe_and_idempotent),
        cmocka_unit_test(test_keeps_cp),
        cmocka_unit_test(test_is_clean),
        cmocka_unit_test(test_appends),
        cmocka_unit_test(test_looks_binary),
        cmocka_unit_test(test_run_ends_every_position),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
