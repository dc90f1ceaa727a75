/* test_dl_table: opening a library by the first of several names that
 * loads, binding its functions into a struct, and the messages when the
 * library or one of its functions is missing. libm stands in for the
 * libraries opened this way (it is always there). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dlfcn.h>
#include <string.h>

#include "core/base/dl_table.h"

struct math_lib {
    double (*cos)(double);
    double (*sqrt)(double);
};

static const struct dl_symbol math_symbols[] = {
    DL_SYMBOL(struct math_lib, cos, cos),
    DL_SYMBOL(struct math_lib, sqrt, sqrt),
};

/* libm, opened by its one name. */
static void *open_libm(void)
{
    static const char *const names[] = {"libm.so.6"};
    char why[256] = "";
    void *h = dl_table_open(names, 1, RTLD_NOW, "libm", why, sizeof why);
    assert_non_null(h);
    return h;
}

static void test_binds_every_field(void **state)
{
    (void)state;
    void *h = open_libm();
    struct math_lib m = {0};
    const char *missing = NULL;
    assert_true(dl_table_bind(h, math_symbols, 2, &m, &missing));
    assert_null(missing);
    assert_true(m.cos(0.0) == 1.0);
    assert_true(m.sqrt(16.0) == 4.0);
    dlclose(h);
}

static void test_falls_back_to_a_later_name(void **state)
{
    (void)state;
    static const char *const names[] = {"libtouchline-absent.so.9", "libm.so.6"};
    char why[256] = "";
    void *h = dl_table_open(names, 2, RTLD_LAZY, "libm", why, sizeof why);
    assert_non_null(h);
    dlclose(h);
}

static void test_no_library_says_why(void **state)
{
    (void)state;
    static const char *const names[] = {"libtouchline-absent.so.9", "libtouchline-absent.so.8"};
    char why[256] = "";
    assert_null(dl_table_open(names, 2, RTLD_NOW, "libabsent", why, sizeof why));
    /* the first name's error, the usual one */
    assert_non_null(strstr(why, "cannot load libabsent: "));
    assert_non_null(strstr(why, "libtouchline-absent.so.9"));
    assert_null(strstr(why, "so.8"));
}

static void test_missing_symbol_is_named(void **state)
{
    (void)state;
    static const struct dl_symbol with_absent[] = {
        DL_SYMBOL(struct math_lib, cos, cos),
        DL_SYMBOL(struct math_lib, sqrt, touchline_no_such_function),
    };
    void *h = open_libm();
    struct math_lib m = {0};
    const char *missing = NULL;
    assert_false(dl_table_bind(h, with_absent, 2, &m, &missing)); /* closes h */
    assert_string_equal(missing, "touchline_no_such_function");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_binds_every_field),
        cmocka_unit_test(test_falls_back_to_a_later_name),
        cmocka_unit_test(test_no_library_says_why),
        cmocka_unit_test(test_missing_symbol_is_named),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
