/* test_line_edit: the one line editor (src/ui/line_edit.c, curses-free):
 * insertion at the cursor, moves over multi-byte characters, the kills,
 * Delete and Backspace at both ends, the history walk keeping the draft,
 * the cursor placed at a byte offset, and the visible window of a long line. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <string.h>

#include "ui/line_edit.h"

static void type(struct line_edit *e, const char *utf8)
{
    const unsigned char *s = (const unsigned char *)utf8;
    while (*s) { /* a tiny decoder for the test's own literals */
        uint32_t cp = *s;
        int n = cp < 0x80 ? 1 : cp < 0xE0 ? 2 : cp < 0xF0 ? 3 : 4;
        if (n > 1)
            cp &= 0x3F >> (n - 1);
        for (int i = 1; i < n; i++)
            cp = cp << 6 | (s[i] & 0x3F);
        assert_true(line_edit_insert(e, cp));
        s += n;
    }
}

static void expect(const struct line_edit *e, const char *text, size_t cursor)
{
    assert_string_equal(e->text.data, text);
    assert_int_equal(e->text.len, strlen(text));
    assert_int_equal(e->cursor, cursor);
}

static void test_insert_and_move(void **state)
{
    (void)state;
    struct line_edit e;
    line_edit_init(&e);
    type(&e, "Dzeko");
    expect(&e, "Dzeko", 5);
    assert_true(line_edit_apply(&e, LINE_EDIT_HOME));
    assert_false(line_edit_apply(&e, LINE_EDIT_LEFT)); /* nothing before the start */
    assert_true(line_edit_apply(&e, LINE_EDIT_RIGHT));
    assert_true(line_edit_apply(&e, LINE_EDIT_DELETE)); /* the z */
    type(&e, "\xc5\xbe");                               /* ž where it was */
    expect(&e,
           "D\xc5\xbe"
           "eko",
           3);
    assert_true(line_edit_apply(&e, LINE_EDIT_LEFT)); /* over the two bytes of ž */
    assert_int_equal(e.cursor, 1);
    assert_true(line_edit_apply(&e, LINE_EDIT_RIGHT));
    assert_int_equal(e.cursor, 3);
    assert_true(line_edit_apply(&e, LINE_EDIT_END));
    assert_false(line_edit_apply(&e, LINE_EDIT_RIGHT));
    assert_false(line_edit_apply(&e, LINE_EDIT_DELETE)); /* nothing under the cursor */
    assert_false(line_edit_insert(&e, 0x1B));            /* no control characters */
    assert_false(line_edit_insert(&e, 0x9B));
    line_edit_free(&e);
}

static void test_backspace_and_kills(void **state)
{
    (void)state;
    struct line_edit e;
    line_edit_init(&e);
    type(&e, "caf\xc3\xa9 au lait");
    line_edit_move_to(&e, 5); /* after é */
    assert_true(line_edit_apply(&e, LINE_EDIT_BACKSPACE));
    expect(&e, "caf au lait", 3);
    assert_true(line_edit_apply(&e, LINE_EDIT_END));
    type(&e, "  ");
    assert_true(line_edit_apply(&e, LINE_EDIT_KILL_WORD)); /* the spaces and "lait" */
    expect(&e, "caf au ", 7);
    assert_true(line_edit_apply(&e, LINE_EDIT_LEFT));
    assert_true(line_edit_apply(&e, LINE_EDIT_KILL_START)); /* C-u keeps what follows */
    expect(&e, " ", 0);
    assert_false(line_edit_apply(&e, LINE_EDIT_BACKSPACE));
    assert_false(line_edit_apply(&e, LINE_EDIT_KILL_WORD));
    assert_true(line_edit_apply(&e, LINE_EDIT_DELETE));
    expect(&e, "", 0);
    assert_true(line_edit_op_edits(LINE_EDIT_KILL_WORD));
    assert_false(line_edit_op_edits(LINE_EDIT_HOME));
    line_edit_free(&e);
}

static void test_history(void **state)
{
    (void)state;
    struct line_edit e;
    line_edit_init(&e);
    assert_false(line_edit_apply(&e, LINE_EDIT_OLDER)); /* no history yet */
    type(&e, "kane");
    line_edit_remember(&e);
    line_edit_clear(&e);
    type(&e, "kane");
    line_edit_remember(&e); /* the same again: once */
    line_edit_clear(&e);
    type(&e, "bastoni");
    line_edit_remember(&e);
    line_edit_clear(&e);
    line_edit_remember(&e); /* an empty line: never */
    assert_int_equal(e.nhistory, 2);
    type(&e, "dra"); /* the draft */
    assert_true(line_edit_apply(&e, LINE_EDIT_OLDER));
    expect(&e, "bastoni", 7);
    assert_true(line_edit_apply(&e, LINE_EDIT_OLDER));
    expect(&e, "kane", 4);
    assert_false(line_edit_apply(&e, LINE_EDIT_OLDER));
    assert_true(line_edit_apply(&e, LINE_EDIT_NEWER));
    assert_true(line_edit_apply(&e, LINE_EDIT_NEWER));
    expect(&e, "dra", 3); /* back to the draft */
    assert_false(line_edit_apply(&e, LINE_EDIT_NEWER));
    line_edit_free(&e);
}

static void test_history_is_bounded(void **state)
{
    (void)state;
    struct line_edit e;
    line_edit_init(&e);
    char line[16];
    for (int i = 0; i < LINE_EDIT_HISTORY + 5; i++) {
        line_edit_clear(&e);
        snprintf(line, sizeof line, "q%d", i);
        type(&e, line);
        line_edit_remember(&e);
    }
    assert_int_equal(e.nhistory, LINE_EDIT_HISTORY);
    assert_string_equal(e.history[0], "q5");
    line_edit_free(&e);
}

static void test_move_to_and_view(void **state)
{
    (void)state;
    struct line_edit e;
    line_edit_init(&e);
    type(&e, "a\xe2\x82\xac"
             "b");            /* a€b */
    line_edit_move_to(&e, 3); /* inside € */
    assert_int_equal(e.cursor, 1);
    line_edit_move_to(&e, 99); /* past the end */
    assert_int_equal(e.cursor, 5);
    line_edit_clear(&e);
    type(&e, "\xe6\x97\xa5\xe6\x9c\xac"
             "abc"); /* two wide characters, then three narrow */
    assert_int_equal(line_edit_cursor_cols(&e), 7);
    assert_int_equal(line_edit_view_start(&e, 20), 0);
    assert_int_equal(line_edit_view_start(&e, 6), 3); /* the first wide one scrolls out */
    line_edit_move_to(&e, 0);
    assert_int_equal(line_edit_view_start(&e, 2), 0);
    line_edit_set(&e,
                  "x\xff"
                  "y",
                  3); /* an invalid byte: stepped over one at a time */
    assert_true(line_edit_apply(&e, LINE_EDIT_LEFT));
    assert_true(line_edit_apply(&e, LINE_EDIT_LEFT));
    assert_int_equal(e.cursor, 1);
    assert_true(line_edit_apply(&e, LINE_EDIT_DELETE));
    expect(&e, "xy", 1);
    line_edit_free(&e);
}

int main(void)
{
    setlocale(LC_ALL, "C.UTF-8");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_insert_and_move),  cmocka_unit_test(test_backspace_and_kills),
        cmocka_unit_test(test_history),          cmocka_unit_test(test_history_is_bounded),
        cmocka_unit_test(test_move_to_and_view),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
