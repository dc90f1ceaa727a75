/* test_entry_stat: a scanned file's stat through its folder's descriptor:
 * the scan's folder numbers and name offsets, the same answer as stat()
 * for files, links and a file replaced by a link after the scan, a vanished
 * file, a folder that cannot be opened, more folders than descriptors kept,
 * and threads sharing one entry_stat. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/base/buf.h"
#include "core/load/entry_stat.h"
#include "core/load/scan.h"

static char root[64];

/* Runs a shell command in which "$R" is the test's folder. */
static void run(const char *cmd)
{
    assert_int_equal(setenv("R", root, 1), 0);
    assert_int_equal(system(cmd), 0);
}

static int make_root(void **state)
{
    (void)state;
    snprintf(root, sizeof root, "/tmp/touchline-entry-stat-XXXXXX");
    if (!mkdtemp(root))
        return -1;
    /* root/a/{1,2}.md, root/a/b/3.md, root/c/4.txt, root/top.md */
    run("mkdir -p \"$R/a/b\" \"$R/c\" && echo one > \"$R/a/1.md\" && echo twotwo > \"$R/a/2.md\"");
    run("echo three > \"$R/a/b/3.md\" && echo four > \"$R/c/4.txt\" && echo top > \"$R/top.md\"");
    return 0;
}

static int remove_root(void **state)
{
    (void)state;
    run("rm -rf \"$R\"");
    return 0;
}

static void scan_root(struct scan *s)
{
    scan_init(s);
    struct tl_error err = {0};
    assert_true(scan_path(s, root, &err));
}

/* The entry whose path ends with `tail`. */
static const struct scan_entry *entry_named(const struct scan *s, const char *tail)
{
    for (size_t i = 0; i < s->n; i++) {
        size_t n = strlen(s->v[i].path), t = strlen(tail);
        if (n >= t && !strcmp(s->v[i].path + n - t, tail))
            return &s->v[i];
    }
    fail_msg("no entry %s", tail);
    return NULL;
}

static void assert_same_stat(const struct stat *a, const struct stat *b)
{
    assert_int_equal(a->st_dev, b->st_dev);
    assert_int_equal(a->st_ino, b->st_ino);
    assert_int_equal(a->st_mode, b->st_mode);
    assert_int_equal(a->st_size, b->st_size);
    assert_int_equal(a->st_mtim.tv_sec, b->st_mtim.tv_sec);
    assert_int_equal(a->st_mtim.tv_nsec, b->st_mtim.tv_nsec);
}

static void test_folders_and_names(void **state)
{
    (void)state;
    struct scan s;
    scan_root(&s);
    assert_int_equal(s.n, 5);
    assert_int_equal(s.nfolders, 4); /* root, a, a/b, c */
    for (size_t i = 0; i < s.n; i++) {
        const struct scan_entry *e = &s.v[i];
        assert_true(e->folder < s.nfolders);
        const char *folder = s.folders[e->folder];
        size_t len = strlen(folder);
        assert_int_equal(e->name_at, len);
        assert_int_equal(folder[len - 1], '/');
        assert_memory_equal(e->path, folder, len);
        assert_null(strchr(e->path + e->name_at, '/'));
    }
    assert_string_equal(entry_named(&s, "/a/b/3.md")->path + entry_named(&s, "/a/b/3.md")->name_at,
                        "3.md");
    scan_free(&s);
}

static void test_named_file_has_no_folder(void **state)
{
    (void)state;
    char path[96];
    snprintf(path, sizeof path, "%s/top.md", root);
    struct scan s;
    scan_init(&s);
    struct tl_error err = {0};
    assert_true(scan_path(&s, path, &err));
    assert_int_equal(s.n, 1);
    assert_int_equal(s.v[0].folder, SCAN_NO_FOLDER);
    struct entry_stat es = {0};
    struct stat a, b;
    assert_int_equal(entry_stat(&es, &s, &s.v[0], &a), 0);
    assert_int_equal(stat(path, &b), 0);
    assert_same_stat(&a, &b);
    entry_stat_free(&es, &s);
    scan_free(&s);
}

static void test_same_as_stat(void **state)
{
    (void)state;
    struct scan s;
    scan_root(&s);
    struct entry_stat es = {0};
    for (int round = 0; round < 2; round++) /* opening, then kept */
        for (size_t i = 0; i < s.n; i++) {
            struct stat a, b;
            assert_int_equal(entry_stat(&es, &s, &s.v[i], &a), 0);
            assert_int_equal(stat(s.v[i].path, &b), 0);
            assert_same_stat(&a, &b);
        }
    assert_int_equal(atomic_load(&es.opened), 4); /* every folder holds a file */
    entry_stat_free(&es, &s);
    assert_int_equal(atomic_load(&es.opened), 0);
    scan_free(&s);
}

/* A file replaced by a link after the scan: the link is followed, as stat does. */
static void test_replaced_by_symlink(void **state)
{
    (void)state;
    struct scan s;
    scan_root(&s);
    const struct scan_entry *e = entry_named(&s, "/a/1.md");
    struct entry_stat es = {0};
    struct stat a, b;
    assert_int_equal(entry_stat(&es, &s, e, &a), 0); /* the folder is open from now on */
    run("rm \"$R/a/1.md\" && ln -s ../c/4.txt \"$R/a/1.md\"");
    assert_int_equal(entry_stat(&es, &s, e, &a), 0);
    assert_int_equal(stat(e->path, &b), 0);
    assert_same_stat(&a, &b);
    assert_true(S_ISREG(a.st_mode));
    assert_int_equal(a.st_size, 5); /* "four\n" */
    run("rm \"$R/a/1.md\" && ln -s nowhere \"$R/a/1.md\"");
    errno = 0;
    assert_int_equal(entry_stat(&es, &s, e, &a), -1); /* dangling, as stat says */
    assert_int_equal(errno, ENOENT);
    entry_stat_free(&es, &s);
    scan_free(&s);
}

static void test_vanished(void **state)
{
    (void)state;
    struct scan s;
    scan_root(&s);
    struct entry_stat es = {0};
    struct stat st;
    assert_int_equal(entry_stat(&es, &s, entry_named(&s, "/a/2.md"), &st), 0);
    run("rm \"$R/a/2.md\" \"$R/c/4.txt\"");
    errno = 0;
    assert_int_equal(entry_stat(&es, &s, entry_named(&s, "/a/2.md"), &st), -1);
    assert_int_equal(errno, ENOENT);
    errno = 0; /* its folder not opened before */
    assert_int_equal(entry_stat(&es, &s, entry_named(&s, "/c/4.txt"), &st), -1);
    assert_int_equal(errno, ENOENT);
    entry_stat_free(&es, &s);
    scan_free(&s);
}

/* A folder that cannot be opened: the file is stat'ed by its path. */
static void test_folder_not_opened(void **state)
{
    (void)state;
    struct scan s;
    scan_root(&s);
    const struct scan_entry *e = entry_named(&s, "/a/b/3.md");
    char bad[96];
    snprintf(bad, sizeof bad, "%s/top.md/", root); /* not a folder */
    s.folders[e->folder] = bad;
    struct entry_stat es = {0};
    struct stat a, b;
    for (int round = 0; round < 2; round++) {
        assert_int_equal(entry_stat(&es, &s, e, &a), 0);
        assert_int_equal(stat(e->path, &b), 0);
        assert_same_stat(&a, &b);
    }
    assert_int_equal(atomic_load(&es.opened), 0);
    entry_stat_free(&es, &s);
    scan_free(&s);
}

/* More folders than descriptors kept: the rest are stat'ed by path. */
static void test_descriptor_budget(void **state)
{
    (void)state;
    struct scan s;
    scan_root(&s);
    const struct scan_entry *e = entry_named(&s, "/a/1.md");
    const char *folder = s.folders[e->folder];
    size_t n = ENTRY_STAT_MAX_FDS + 8;
    const char **folders = calloc(n, sizeof *folders);
    assert_non_null(folders);
    for (size_t i = 0; i < n; i++)
        folders[i] = folder;
    const char **saved = s.folders;
    size_t nsaved = s.nfolders;
    s.folders = folders;
    s.nfolders = n;
    struct entry_stat es = {0};
    struct stat a, b;
    assert_int_equal(stat(e->path, &b), 0);
    for (size_t i = 0; i < n; i++) {
        struct scan_entry one = *e;
        one.folder = (uint32_t)i;
        assert_int_equal(entry_stat(&es, &s, &one, &a), 0);
        assert_same_stat(&a, &b);
    }
    assert_int_equal(atomic_load(&es.opened), ENTRY_STAT_MAX_FDS);
    entry_stat_free(&es, &s);
    s.folders = saved;
    s.nfolders = nsaved;
    free(folders);
    scan_free(&s);
}

struct shared {
    struct scan *s;
    struct entry_stat *es;
    int failures;
};

static void *stat_all(void *arg)
{
    struct shared *sh = arg;
    for (int round = 0; round < 50; round++)
        for (size_t i = 0; i < sh->s->n; i++) {
            struct stat st;
            if (entry_stat(sh->es, sh->s, &sh->s->v[i], &st) != 0 || !S_ISREG(st.st_mode))
                sh->failures++;
        }
    return NULL;
}

/* Threads opening the same folders at once: one descriptor each kept. */
static void test_threads(void **state)
{
    (void)state;
    struct scan s;
    scan_root(&s);
    struct entry_stat es = {0};
    pthread_t t[4];
    struct shared sh[4];
    for (int i = 0; i < 4; i++) {
        sh[i] = (struct shared){&s, &es, 0};
        assert_int_equal(pthread_create(&t[i], NULL, stat_all, &sh[i]), 0);
    }
    for (int i = 0; i < 4; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(sh[i].failures, 0);
    }
    assert_int_equal(atomic_load(&es.opened), 4);
    entry_stat_free(&es, &s);
    scan_free(&s);
}

#define with_root(f) cmocka_unit_test_setup_teardown(f, make_root, remove_root)

int main(void)
{
    const struct CMUnitTest tests[] = {
        with_root(test_folders_and_names), with_root(test_named_file_has_no_folder),
        with_root(test_same_as_stat),      with_root(test_replaced_by_symlink),
        with_root(test_vanished),          with_root(test_folder_not_opened),
        with_root(test_descriptor_budget), with_root(test_threads),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
