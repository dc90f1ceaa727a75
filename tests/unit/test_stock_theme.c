/* test_stock_theme: the stock default theme taken without a YAML parse is
 * the theme the parse gives, built in or from a file, and nothing else is
 * taken for it (another name, other bytes, a longer file, no file). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "startup/stock_theme.h"
#include "core/config/theme_builtin.h"

static char dir[64];

static int setup(void **state)
{
    (void)state;
    strcpy(dir, "/tmp/test_stock_theme.XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd);
}

/* The embedded default.yaml, through the lookup the loaders use. */
static const struct theme_builtin_file *embedded_default(void)
{
    const struct theme_builtin_file *f = theme_builtin_find("default");
    if (!f)
        fail_msg("no default.yaml among the built-in themes");
    return f;
}

/* Writes text (and then `extra`) to dir/name; returns the path. */
static const char *write_file(const char *name, const char *text, size_t len, const char *extra)
{
    static char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    fputs(extra, f);
    assert_int_equal(fclose(f), 0);
    return path;
}

static void assert_same_theme(const struct theme *a, const struct theme *b)
{
    assert_string_equal(a->name, b->name);
    assert_string_equal(a->description, b->description);
    if (a->path || b->path) {
        assert_non_null(a->path);
        assert_non_null(b->path);
        assert_string_equal(a->path, b->path);
    }
    for (int e = 0; e < THEME_NELEMENTS; e++)
        if (memcmp(&a->styles[e], &b->styles[e], sizeof a->styles[e]))
            fail_msg("the two differ on '%s'", theme_element_name((enum theme_element)e));
}

static void test_builtin_lookup(void **state)
{
    (void)state;
    const struct theme_builtin_file *def = theme_builtin_find("default");
    assert_non_null(def);
    assert_string_equal(def->name, "default.yaml");
    assert_int_equal(strlen(def->text), def->len);
    /* the whole name, without its extension, and nothing else */
    assert_null(theme_builtin_find("defaul"));
    assert_null(theme_builtin_find("default.yaml"));
    assert_null(theme_builtin_find(""));
    assert_null(theme_builtin_find("no-such-theme"));
}

static void test_builtin_is_the_parsed_one(void **state)
{
    (void)state;
    struct tl_error err;
    struct buf warnings;
    buf_init(&warnings);
    struct theme *parsed = theme_load_builtin("default", &warnings, &err);
    assert_non_null(parsed);
    assert_int_equal(warnings.len, 0);
    struct theme *stock = stock_theme_load(NULL);
    assert_non_null(stock);
    assert_null(stock->path);
    assert_null(parsed->path);
    assert_same_theme(stock, parsed);
    theme_free(stock);
    theme_free(parsed);
    buf_free(&warnings);
}

static void test_file_is_the_parsed_one(void **state)
{
    (void)state;
    const struct theme_builtin_file *def = embedded_default();
    const char *path = write_file("default.yaml", def->text, def->len, "");
    struct tl_error err;
    struct buf warnings;
    buf_init(&warnings);
    struct theme *parsed = theme_load_file(path, NULL, &warnings, &err);
    assert_non_null(parsed);
    assert_int_equal(warnings.len, 0);
    struct theme *stock = stock_theme_load(path);
    assert_non_null(stock);
    assert_string_equal(stock->path, path);
    assert_same_theme(stock, parsed);
    theme_free(stock);
    theme_free(parsed);
    buf_free(&warnings);
}

static void test_anything_else_is_parsed(void **state)
{
    (void)state;
    const struct theme_builtin_file *def = embedded_default();
    /* the same bytes under another name load to another name */
    assert_null(stock_theme_load(write_file("mine.yaml", def->text, def->len, "")));
    /* one more line, or one byte changed */
    assert_null(stock_theme_load(write_file("default.yaml", def->text, def->len, "# mine\n")));
    char *changed = malloc(def->len);
    assert_non_null(changed);
    memcpy(changed, def->text, def->len);
    changed[def->len / 2] ^= 1;
    assert_null(stock_theme_load(write_file("default.yaml", changed, def->len, "")));
    free(changed);
    /* a shorter file */
    assert_null(stock_theme_load(write_file("default.yaml", def->text, def->len - 1, "")));
    /* no file, or a directory of that name */
    char path[128];
    snprintf(path, sizeof path, "%s/gone/default.yaml", dir);
    assert_null(stock_theme_load(path));
    snprintf(path, sizeof path, "%s/sub/default.yaml", dir);
    char sub[128];
    snprintf(sub, sizeof sub, "%s/sub", dir);
    assert_int_equal(mkdir(sub, 0700), 0);
    assert_int_equal(mkdir(path, 0700), 0);
    assert_null(stock_theme_load(path));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_builtin_lookup),
        cmocka_unit_test(test_builtin_is_the_parsed_one),
        cmocka_unit_test(test_file_is_the_parsed_one),
        cmocka_unit_test(test_anything_else_is_parsed),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
