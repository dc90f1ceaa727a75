/* test_xalloc: xgrow's capacities (from 8, doubled to the need), the
 * contents kept when it grows, and no reallocation while there is room
 * (an array not from malloc comes back as it is). */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdlib.h>
#include <string.h>

#include "core/base/xalloc.h"

static void test_xgrow_capacities(void **state)
{
    (void)state;
    size_t cap = 0;
    int *v = xgrow(NULL, &cap, 1, sizeof *v);
    assert_int_equal(cap, 8);
    for (int i = 0; i < 8; i++)
        v[i] = i;
    assert_ptr_equal(xgrow(v, &cap, 8, sizeof *v), v);
    assert_int_equal(cap, 8);
    v = xgrow(v, &cap, 9, sizeof *v);
    assert_int_equal(cap, 16);
    v = xgrow(v, &cap, 100, sizeof *v);
    assert_int_equal(cap, 128);
    for (int i = 0; i < 8; i++)
        assert_int_equal(v[i], i);
    v[127] = 127; /* all of it is there */
    free(v);
}

static void test_xgrow_keeps_room(void **state)
{
    (void)state;
    int on_stack[4] = {1, 2, 3, 4};
    size_t cap = 4;
    for (size_t need = 0; need <= 4; need++) {
        assert_ptr_equal(xgrow(on_stack, &cap, need, sizeof *on_stack), on_stack);
        assert_int_equal(cap, 4);
    }
    assert_int_equal(on_stack[3], 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_xgrow_capacities),
        cmocka_unit_test(test_xgrow_keeps_room),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
