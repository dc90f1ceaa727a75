/* test_scan: a folder's walk: which names are articles (each extension in
 * any case; a README of any case and extension, hidden entries, other
 * extensions and names without one skipped; a dot in a folder's name not
 * taken for the file's), the load order (strcmp order of the names, also
 * where they share long prefixes and differ in bytes above 0x7f, folders
 * walked in place), and a file named as an argument taken whatever its
 * name. */
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

#include "core/load/scan.h"

static char root[64];

static void touch(const char *rel)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("title\n\nbody\n", f);
    fclose(f);
}

static void folder(const char *rel)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", root, rel);
    assert_int_equal(mkdir(path, 0755), 0);
}

static void remove_tree(void)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    assert_int_equal(system(cmd), 0);
}

/* Scans `path` and checks the entries, in order, against want[] (paths
 * relative to the root), with no problem among them. */
static void check_scan(const char *path, const char *const *want, size_t nwant)
{
    struct scan s;
    scan_init(&s);
    struct tl_error err;
    assert_true(scan_path(&s, path, &err));
    size_t prefix = strlen(root) + 1;
    for (size_t i = 0; i < s.n && i < nwant; i++) {
        assert_null(s.v[i].problem);
        if (strncmp(s.v[i].path, root, prefix - 1) || strcmp(s.v[i].path + prefix, want[i]))
            fail_msg("entry %zu: got '%s', want '%s/%s'", i, s.v[i].path, root, want[i]);
    }
    assert_int_equal(s.n, nwant);
    scan_free(&s);
}

static void test_which_names_are_articles(void **state)
{
    (void)state;
    strcpy(root, "/tmp/tl-test-scan-XXXXXX");
    assert_non_null(mkdtemp(root));
    const char *files[] = {
        "a.md",      "b.TXT",      "c.Markdown",  "d.HtM",      "e.html",      "f.htm", "g.txt",
        "README.md", "readme.txt", "ReadMe.HTML", "readme2.md", "readme.",     "x.mdx", "y.m",
        "z.markdow", "noext",      "trail.",      ".hidden.md", "two.dots.md", "md",    "MD.md"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        touch(files[i]);
    folder("sub.md");
    touch("sub.md/inner");
    touch("sub.md/inner.txt");
    folder(".git");
    touch(".git/x.md");
    const char *want[] = {"MD.md",      "a.md",  "b.TXT", "c.Markdown", "d.HtM",
                          "e.html",     "f.htm", "g.txt", "readme2.md", "sub.md/inner.txt",
                          "two.dots.md"};
    check_scan(root, want, sizeof want / sizeof *want);
    /* named as an argument, any file is taken */
    char named[128];
    snprintf(named, sizeof named, "%s/noext", root);
    const char *one[] = {"noext"};
    check_scan(named, one, 1);
    remove_tree();
}

static void test_load_order_is_strcmp_order(void **state)
{
    (void)state;
    strcpy(root, "/tmp/tl-test-scan-XXXXXX");
    assert_non_null(mkdtemp(root));
    /* written out of order; the names share eight bytes and more, are
     * prefixes of one another, and hold bytes above 0x7f */
    const char *files[] = {
        "article-10.md", "article-2.md", "article-1.md", "article-.md", "\xc3\xa9t\xc3\xa9.md",
        "Zed.md",        "zed.md",       "0999.md",      "1000.md",     "article-1a.md"};
    for (size_t i = 0; i < sizeof files / sizeof *files; i++)
        touch(files[i]);
    folder("article-1");
    touch("article-1/x.md");
    const char *want[] = {"0999.md",
                          "1000.md",
                          "Zed.md",
                          "article-.md",
                          "article-1/x.md",
                          "article-1.md",
                          "article-10.md",
                          "article-1a.md",
                          "article-2.md",
                          "zed.md",
                          "\xc3\xa9t\xc3\xa9.md"};
    check_scan(root, want, sizeof want / sizeof *want);
    remove_tree();
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_which_names_are_articles),
        cmocka_unit_test(test_load_order_is_strcmp_order),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
