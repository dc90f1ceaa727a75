/* reader_locale: the categories the reader takes from the environment, the
 * ones it leaves "C", and the UTF-8 fallback. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "ui/reader_locale.h"

#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

static bool utf8_locale_installed(void)
{
    bool ok = setlocale(LC_CTYPE, "C.UTF-8") != NULL;
    setlocale(LC_ALL, "C");
    return ok;
}

/* The environment of one test: LANG and LC_ALL as given (NULL: unset), no
 * LC_x of its own but LC_NUMERIC and LC_COLLATE (which must not count). */
static void set_env(const char *lang, const char *all)
{
    static const char *const unset[] = {"LC_CTYPE", "LC_TIME", "LC_MESSAGES", "LC_MONETARY"};
    for (size_t i = 0; i < sizeof unset / sizeof unset[0]; i++)
        unsetenv(unset[i]);
    if (lang)
        setenv("LANG", lang, 1);
    else
        unsetenv("LANG");
    if (all)
        setenv("LC_ALL", all, 1);
    else
        unsetenv("LC_ALL");
    setenv("LC_NUMERIC", "C.UTF-8", 1);
    setenv("LC_COLLATE", "C.UTF-8", 1);
    setlocale(LC_ALL, "C");
}

static void assert_category(int category, const char *want)
{
    const char *got = setlocale(category, NULL);
    assert_non_null(got);
    assert_string_equal(got, want);
}

static void test_utf8_environment(void **state)
{
    (void)state;
    if (!utf8_locale_installed()) {
        skip();
        return;
    }
    set_env("C.UTF-8", NULL);
    reader_locale_set();
    assert_category(LC_CTYPE, "C.UTF-8");
    assert_category(LC_TIME, "C.UTF-8");
    assert_category(LC_MESSAGES, "C.UTF-8");
    assert_string_equal(nl_langinfo(CODESET), "UTF-8");
    /* left as they were, though the environment names them */
    assert_category(LC_NUMERIC, "C");
    assert_category(LC_COLLATE, "C");
    assert_category(LC_MONETARY, "C");
    setlocale(LC_ALL, "C");
}

/* LC_ALL overrides LANG for the categories set, and still not the others. */
static void test_lc_all(void **state)
{
    (void)state;
    if (!utf8_locale_installed()) {
        skip();
        return;
    }
    set_env("POSIX", "C.UTF-8");
    reader_locale_set();
    assert_category(LC_CTYPE, "C.UTF-8");
    assert_category(LC_TIME, "C.UTF-8");
    assert_category(LC_NUMERIC, "C");
    setlocale(LC_ALL, "C");
}

/* An ASCII locale: only the character set falls back to UTF-8. */
static void test_fallback_to_utf8(void **state)
{
    (void)state;
    if (!utf8_locale_installed()) {
        skip();
        return;
    }
    set_env("C", NULL);
    reader_locale_set();
    assert_string_equal(nl_langinfo(CODESET), "UTF-8");
    assert_category(LC_TIME, "C");
    assert_category(LC_MESSAGES, "C");
    setlocale(LC_ALL, "C");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_utf8_environment),
        cmocka_unit_test(test_lc_all),
        cmocka_unit_test(test_fallback_to_utf8),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
