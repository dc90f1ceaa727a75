/* test_color: colour values (names, numbers, #rrggbb) and their errors,
 * downgrading to each terminal depth, attribute names, and the nearest-name
 * suggestions that error messages use. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <string.h>

#include "core/config/color.h"
#include "core/base/suggest.h"

static struct color parse_ok(const char *s)
{
    struct color c;
    struct buf why;
    buf_init(&why);
    if (!color_parse(s, &c, &why))
        fail_msg("'%s' did not parse: %s", s, why.data);
    buf_free(&why);
    return c;
}

/* Parses text that must fail and checks the whole message. */
static void parse_fails(const char *s, const char *expected)
{
    struct color c;
    struct buf why;
    buf_init(&why);
    assert_false(color_parse(s, &c, &why));
    assert_string_equal(why.data, expected);
    buf_free(&why);
}

static void assert_index(struct color c, unsigned index)
{
    assert_int_equal(c.kind, COLOR_KIND_INDEX);
    assert_int_equal(c.index, index);
}

static void test_names(void **state)
{
    (void)state;
    assert_index(parse_ok("black"), 0);
    assert_index(parse_ok("red"), 1);
    assert_index(parse_ok("green"), 2);
    assert_index(parse_ok("yellow"), 3);
    assert_index(parse_ok("blue"), 4);
    assert_index(parse_ok("magenta"), 5);
    assert_index(parse_ok("cyan"), 6);
    assert_index(parse_ok("white"), 7);
    assert_index(parse_ok("bright-black"), 8);
    assert_index(parse_ok("gray"), 8);
    assert_index(parse_ok("grey"), 8);
    assert_index(parse_ok("bright-red"), 9);
    assert_index(parse_ok("bright-white"), 15);
    assert_index(parse_ok("Bright_Cyan"), 14);
    assert_int_equal(parse_ok("default").kind, COLOR_KIND_DEFAULT);
}

static void test_numbers_and_hex(void **state)
{
    (void)state;
    assert_index(parse_ok("0"), 0);
    assert_index(parse_ok("42"), 42);
    assert_index(parse_ok("255"), 255);
    struct color c = parse_ok("#93A1a1");
    assert_int_equal(c.kind, COLOR_KIND_RGB);
    assert_int_equal(c.r, 0x93);
    assert_int_equal(c.g, 0xa1);
    assert_int_equal(c.b, 0xa1);
}

static void test_errors(void **state)
{
    (void)state;
    parse_fails("256", "colour number 256 is out of range; expected 0-255");
    parse_fails("1000", "colour number 1000 is out of range; expected 0-255");
    parse_fails("-1", "colour number -1 is out of range; expected 0-255");
    parse_fails("12a", "bad colour '12a'; expected a number 0-255");
    parse_fails("#12345", "bad colour '#12345'; expected #rrggbb with six hex digits");
    parse_fails("#1234567", "bad colour '#1234567'; expected #rrggbb with six hex digits");
    parse_fails("#gg0000", "bad colour '#gg0000'; expected #rrggbb with six hex digits");
    parse_fails("yelow", "unknown colour 'yelow'; did you mean 'yellow'?");
    parse_fails("brigth-red", "unknown colour 'brigth-red'; did you mean 'bright-red'?");
    parse_fails("chartreuse", "unknown colour 'chartreuse'; expected a name (black, red, green, "
                              "yellow, blue, magenta, cyan, white, bright-*, gray, default), "
                              "0-255 or #rrggbb");
}

static void test_format_round_trip(void **state)
{
    (void)state;
    const char *values[] = {"default", "black", "bright-white", "16", "255", "#0a0b0c"};
    for (size_t i = 0; i < sizeof values / sizeof *values; i++) {
        struct buf b;
        buf_init(&b);
        color_format(parse_ok(values[i]), &b);
        assert_string_equal(b.data, values[i]);
        buf_free(&b);
    }
}

static void test_downgrade_truecolor(void **state)
{
    (void)state;
    struct color c = color_rgb(0x26, 0x8b, 0xd2);
    assert_true(color_equal(color_downgrade(c, COLOR_DEPTH_TRUE), c));
    assert_true(color_equal(color_downgrade(color_index(200), COLOR_DEPTH_TRUE), color_index(200)));
}

static void test_downgrade_256(void **state)
{
    (void)state;
    /* Exact cube and grey colours land on their index. */
    assert_index(color_downgrade(color_rgb(0, 0, 0), COLOR_DEPTH_256), 16);
    assert_index(color_downgrade(color_rgb(255, 255, 255), COLOR_DEPTH_256), 231);
    assert_index(color_downgrade(color_rgb(0xff, 0x87, 0x00), COLOR_DEPTH_256), 208);
    assert_index(color_downgrade(color_rgb(0x80, 0x80, 0x80), COLOR_DEPTH_256), 244);
    /* Near ones too: a grey goes to the ramp, not the cube. */
    assert_index(color_downgrade(color_rgb(0x4e, 0x4e, 0x4e), COLOR_DEPTH_256), 239);
    assert_index(color_downgrade(color_rgb(0x28, 0x28, 0x28), COLOR_DEPTH_256), 235);
    /* Solarized blue #268bd2 -> #0087d7 (32). */
    assert_index(color_downgrade(color_rgb(0x26, 0x8b, 0xd2), COLOR_DEPTH_256), 32);
    /* Indexed colours are kept. */
    assert_index(color_downgrade(color_index(9), COLOR_DEPTH_256), 9);
    assert_index(color_downgrade(color_index(123), COLOR_DEPTH_256), 123);
}

static void test_downgrade_16(void **state)
{
    (void)state;
    assert_index(color_downgrade(color_index(12), COLOR_DEPTH_16), 12);
    assert_index(color_downgrade(color_index(196), COLOR_DEPTH_16), 9);  /* #ff0000 */
    assert_index(color_downgrade(color_index(16), COLOR_DEPTH_16), 0);   /* #000000 */
    assert_index(color_downgrade(color_index(244), COLOR_DEPTH_16), 8);  /* #808080 */
    assert_index(color_downgrade(color_index(231), COLOR_DEPTH_16), 15); /* #ffffff */
    assert_index(color_downgrade(color_rgb(0x00, 0x2b, 0x36), COLOR_DEPTH_16), 0);
    assert_index(color_downgrade(color_rgb(0xb5, 0x89, 0x00), COLOR_DEPTH_16), 3);
    assert_index(color_downgrade(color_rgb(0x85, 0x99, 0x00), COLOR_DEPTH_16), 3);
    assert_index(color_downgrade(color_rgb(0x2a, 0xa1, 0x98), COLOR_DEPTH_16), 6);
}

static void test_downgrade_8(void **state)
{
    (void)state;
    assert_index(color_downgrade(color_index(5), COLOR_DEPTH_8), 5);
    /* Bright colours become their normal forms; grey becomes white. */
    for (unsigned i = 9; i < 16; i++)
        assert_index(color_downgrade(color_index((uint8_t)i), COLOR_DEPTH_8), i - 8);
    assert_index(color_downgrade(color_index(8), COLOR_DEPTH_8), 7);
    assert_index(color_downgrade(color_index(196), COLOR_DEPTH_8), 1);
    assert_index(color_downgrade(color_rgb(0xfa, 0xbd, 0x2f), COLOR_DEPTH_8), 3);
    assert_index(color_downgrade(color_rgb(0x28, 0x28, 0x28), COLOR_DEPTH_8), 0);
    assert_index(color_downgrade(color_rgb(0xeb, 0xdb, 0xb2), COLOR_DEPTH_8), 7);
}

static void test_downgrade_none_and_default(void **state)
{
    (void)state;
    assert_int_equal(color_downgrade(color_index(3), COLOR_DEPTH_NONE).kind, COLOR_KIND_DEFAULT);
    assert_int_equal(color_downgrade(color_rgb(1, 2, 3), COLOR_DEPTH_NONE).kind,
                     COLOR_KIND_DEFAULT);
    for (int d = COLOR_DEPTH_NONE; d <= COLOR_DEPTH_TRUE; d++)
        assert_int_equal(color_downgrade(color_default(), (enum color_depth)d).kind,
                         COLOR_KIND_DEFAULT);
}

static void test_depth_from_terminal(void **state)
{
    (void)state;
    assert_int_equal(color_depth_from_terminal(0, false), COLOR_DEPTH_NONE);
    assert_int_equal(color_depth_from_terminal(-1, true), COLOR_DEPTH_NONE);
    assert_int_equal(color_depth_from_terminal(8, false), COLOR_DEPTH_8);
    assert_int_equal(color_depth_from_terminal(8, true), COLOR_DEPTH_8);
    assert_int_equal(color_depth_from_terminal(16, false), COLOR_DEPTH_16);
    assert_int_equal(color_depth_from_terminal(88, false), COLOR_DEPTH_16);
    assert_int_equal(color_depth_from_terminal(256, false), COLOR_DEPTH_256);
    assert_int_equal(color_depth_from_terminal(256, true), COLOR_DEPTH_TRUE);
    assert_int_equal(color_depth_from_terminal(1 << 24, true), COLOR_DEPTH_TRUE);
    assert_string_equal(color_depth_name(COLOR_DEPTH_TRUE), "truecolor");
}

static void test_attrs(void **state)
{
    (void)state;
    const char *names[] = {"bold", "underline", "reverse", "dim", "italic", "blink", "standout"};
    unsigned all = 0;
    for (size_t i = 0; i < 7; i++) {
        unsigned bit = 0;
        assert_true(attr_parse(names[i], &bit, NULL));
        assert_string_equal(attr_name(bit), names[i]);
        assert_false(all & bit);
        all |= bit;
    }
    assert_int_equal(all, ATTR_ALL);
    struct buf b;
    buf_init(&b);
    unsigned bit;
    assert_false(attr_parse("blod", &bit, &b));
    assert_string_equal(b.data, "unknown attribute 'blod'; did you mean 'bold'?");
    buf_reset(&b);
    assert_false(attr_parse("sparkly", &bit, &b));
    assert_string_equal(b.data, "unknown attribute 'sparkly'; expected bold, underline, reverse, "
                                "dim, italic, blink or standout");
    buf_reset(&b);
    attrs_format(ATTR_BOLD | ATTR_ITALIC, &b);
    assert_string_equal(b.data, "bold, italic");
    buf_reset(&b);
    attrs_format(0, &b);
    assert_string_equal(b.data, "none");
    buf_free(&b);
}

static void test_suggest(void **state)
{
    (void)state;
    const char *names[] = {"title", "title-focused", "list-row", "national_team"};
    assert_int_equal(suggest_distance("titel", "title"), 1); /* a swap is one edit */
    assert_int_equal(suggest_distance("list_row", "list-row"), 0);
    assert_string_equal(suggest_nearest("titel", names, 4), "title");
    assert_string_equal(suggest_nearest("title-focussed", names, 4), "title-focused");
    assert_string_equal(suggest_nearest("national-team", names, 4), "national_team");
    assert_string_equal(suggest_nearest("listrow", names, 4), "list-row");
    assert_null(suggest_nearest("zzz", names, 4));
    assert_null(suggest_nearest("x", names, 4));
    assert_null(suggest_nearest("anything", names, 0));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_names),
        cmocka_unit_test(test_numbers_and_hex),
        cmocka_unit_test(test_errors),
        cmocka_unit_test(test_format_round_trip),
        cmocka_unit_test(test_downgrade_truecolor),
        cmocka_unit_test(test_downgrade_256),
        cmocka_unit_test(test_downgrade_16),
        cmocka_unit_test(test_downgrade_8),
        cmocka_unit_test(test_downgrade_none_and_default),
        cmocka_unit_test(test_depth_from_terminal),
        cmocka_unit_test(test_attrs),
        cmocka_unit_test(test_suggest),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
