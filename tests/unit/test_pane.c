/* test_pane: the shared pane position (src/ui/pane.c, curses-free): a list
 * keeps its selection in range and in view through moves, pages, first and
 * last, the wheel and shrinking; a text scrolls with overlap and never past
 * its last row; pane_show and clicks map rows. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "ui/pane.h"

static void expect(const struct pane_pos *p, size_t top, size_t sel)
{
    assert_int_equal(p->top, top);
    assert_int_equal(p->sel, sel);
}

static void test_list_moves(void **state)
{
    (void)state;
    struct pane_pos p;
    pane_init(&p, true);
    pane_set_size(&p, 100, 10);
    expect(&p, 0, 0);
    bool changed = true;
    assert_true(pane_request(&p, REQ_MOVE_UP, &changed));
    assert_false(changed); /* already at the first row */
    assert_true(pane_request(&p, REQ_MOVE_DOWN, &changed));
    assert_true(changed);
    expect(&p, 0, 1);
    pane_request(&p, REQ_PAGE_DOWN, NULL);
    expect(&p, 2, 11); /* a page is the height; the selection stays in view */
    pane_request(&p, REQ_HALF_UP, NULL);
    expect(&p, 2, 6);
    pane_request(&p, REQ_LAST, NULL);
    expect(&p, 90, 99);
    pane_request(&p, REQ_PAGE_DOWN, NULL);
    expect(&p, 90, 99);
    pane_request(&p, REQ_FIRST, NULL);
    expect(&p, 0, 0);
    assert_false(pane_request(&p, REQ_OPEN, NULL)); /* not a movement */
    assert_true(pane_move(&p, -5) == false);
}

static void test_list_shrinks_and_scrolls(void **state)
{
    (void)state;
    struct pane_pos p;
    pane_init(&p, true);
    pane_set_size(&p, 50, 10);
    pane_move_to(&p, 45);
    expect(&p, 36, 45);
    pane_set_size(&p, 12, 10); /* a filter leaves 12 rows */
    expect(&p, 2, 11);
    pane_set_size(&p, 0, 10);
    expect(&p, 0, 0);
    pane_set_size(&p, 30, 10);
    assert_true(pane_scroll(&p, 15)); /* the wheel: the selection follows */
    expect(&p, 15, 15);
    assert_true(pane_scroll(&p, 100));
    expect(&p, 20, 20);
    assert_true(pane_scroll(&p, -3));
    expect(&p, 17, 20);
    assert_int_equal(pane_row_at(&p, 2), 19);
    assert_int_equal(pane_row_at(&p, 13), -1);
    assert_int_equal(pane_row_at(&p, -1), -1);
    pane_set_size(&p, 30, 0); /* no room: still one row */
    assert_int_equal(p.height, 1);
    expect(&p, 20, 20);
}

static void test_text_scrolls(void **state)
{
    (void)state;
    struct pane_pos p;
    pane_init(&p, false);
    pane_set_size(&p, 40, 10);
    pane_request(&p, REQ_PAGE_DOWN, NULL);
    expect(&p, 8, 0); /* a page less two rows of overlap */
    pane_request(&p, REQ_HALF_DOWN, NULL);
    expect(&p, 13, 0);
    pane_request(&p, REQ_LAST, NULL);
    expect(&p, 30, 0); /* the last row at the bottom, not the top */
    pane_request(&p, REQ_MOVE_DOWN, NULL);
    expect(&p, 30, 0);
    pane_request(&p, REQ_FIRST, NULL);
    expect(&p, 0, 0);
    pane_show(&p, 25); /* below the view: a third of the way down */
    expect(&p, 22, 0);
    pane_show(&p, 5); /* above: just under the top edge */
    expect(&p, 4, 0);
    pane_show(&p, 39);
    expect(&p, 30, 0);
    pane_set_size(&p, 5, 10); /* shorter than the pane */
    expect(&p, 0, 0);
    assert_false(pane_scroll(&p, 3));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_list_moves),
        cmocka_unit_test(test_list_shrinks_and_scrolls),
        cmocka_unit_test(test_text_scrolls),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
