/* test_corpus: loading files and folders from a temporary tree: the recursive
 * scan and its filters, and every kind of file that becomes a problem
 * (binary, unreadable, special, dangling or looping links, too large, bad
 * front matter) without stopping the load; then the date order. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/base/buf.h"
#include "core/load/corpus.h"

static struct boilerplate *bp;
static char root[64];

/* Runs `rm -rf` on the temporary tree, first making every folder writable. */
static void remove_tree(const char *dir)
{
    struct buf cmd;
    buf_init(&cmd);
    buf_printf(&cmd, "chmod -R u+rwx '%s' 2>/dev/null; rm -rf '%s'", dir, dir);
    if (system(cmd.data) != 0)
        fprintf(stderr, "could not remove %s\n", dir);
    buf_free(&cmd);
}

static int setup(void **state)
{
    (void)state;
    setenv("TZ", "UTC", 1);
    tzset();
    bp = boilerplate_new();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    boilerplate_free(bp);
    return 0;
}

/* Each test gets a fresh temporary folder in `root`. */
static int make_root(void **state)
{
    (void)state;
    const char *tmp = getenv("TMPDIR");
    snprintf(root, sizeof root, "%s/touchline-corpus-XXXXXX",
             tmp && *tmp && strlen(tmp) < 30 ? tmp : "/tmp");
    return mkdtemp(root) ? 0 : -1;
}

static int remove_root(void **state)
{
    (void)state;
    remove_tree(root);
    return 0;
}

/* root/rel, as a new string. */
static char *at(const char *rel)
{
    struct buf b;
    buf_init(&b);
    buf_printf(&b, "%s/%s", root, rel);
    return buf_detach(&b, NULL);
}

static void make_dir(const char *rel)
{
    char *p = at(rel);
    assert_int_equal(mkdir(p, 0755), 0);
    free(p);
}

/* Writes `len` bytes to root/rel and sets its mtime (0 leaves it). */
static void write_bytes(const char *rel, const char *data, size_t len, time_t mtime)
{
    char *p = at(rel);
    FILE *f = fopen(p, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(data, 1, len, f), len);
    assert_int_equal(fclose(f), 0);
    if (mtime) {
        struct timespec ts[2] = {{mtime, 0}, {mtime, 0}};
        assert_int_equal(utimensat(AT_FDCWD, p, ts, 0), 0);
    }
    free(p);
}

static void write_file(const char *rel, const char *text)
{
    write_bytes(rel, text, strlen(text), 0);
}

static void make_link(const char *target, const char *rel)
{
    char *p = at(rel);
    assert_int_equal(symlink(target, p), 0);
    free(p);
}

/* Loads root/rel (or root itself when rel is NULL) into a new corpus. */
static void load(struct corpus *c, const char *rel)
{
    corpus_init(c, bp);
    char *p = rel ? at(rel) : strdup(root);
    struct tl_error err;
    if (!corpus_load_path(c, p, &err))
        fail_msg("corpus_load_path(%s): %s", p, err.msg);
    free(p);
}

/* The article whose path ends with `suffix`, or NULL. */
static const struct article *find(const struct corpus *c, const char *suffix)
{
    size_t n = strlen(suffix);
    for (size_t i = 0; i < c->narticles; i++) {
        size_t len = strlen(c->articles[i]->path);
        if (len >= n && !strcmp(c->articles[i]->path + len - n, suffix))
            return c->articles[i];
    }
    return NULL;
}

/* The one problem about a path ending in `suffix`; fails unless there is
 * exactly one and its message holds `reason`. */
static const struct problem *problem_for(const struct corpus *c, const char *suffix,
                                         const char *reason)
{
    const struct problem *found = NULL;
    size_t n = strlen(suffix);
    for (size_t i = 0; i < c->nproblems; i++) {
        size_t len = strlen(c->problems[i].path);
        if (len >= n && !strcmp(c->problems[i].path + len - n, suffix)) {
            if (found)
                fail_msg("two problems for %s", suffix);
            found = &c->problems[i];
        }
    }
    if (!found)
        fail_msg("no problem for %s", suffix);
    if (!strstr(found->message, reason))
        fail_msg("problem '%s' does not say '%s'", found->message, reason);
    /* The message starts with the path. */
    assert_int_equal(strncmp(found->message, found->path, strlen(found->path)), 0);
    return found;
}

static void test_recursive_scan(void **state)
{
    (void)state;
    write_file("a.txt", "Alpha\n\nBody a.\n");
    write_file("d.TXT", "Delta\n\nBody d.\n");
    write_file("e.json", "{\"not\": \"an article\"}\n");
    write_file("notes.txt.bak", "Backup\n");
    write_file("noext", "No extension\n");
    write_file(".hidden.txt", "Hidden\n");
    make_dir(".git");
    write_file(".git/x.txt", "In a hidden folder\n");
    make_dir("sub");
    write_file("sub/b.md", "---\ntitle: Bravo\n---\nBody b.\n");
    make_dir("sub/deeper");
    write_file("sub/deeper/c.MarkDown", "Charlie\n\nBody c.\n");
    write_file("sub/deeper/.swp.md", "Hidden\n");
    struct corpus c;
    load(&c, NULL);
    assert_int_equal(c.nproblems, 0);
    assert_int_equal(c.narticles, 4);
    /* Load order: names sorted at each level, folders walked in place. */
    static const char *const order[] = {"/a.txt", "/d.TXT", "/sub/b.md", "/sub/deeper/c.MarkDown"};
    for (size_t i = 0; i < 4; i++) {
        char *want = at(order[i] + 1);
        assert_string_equal(c.articles[i]->path, want);
        assert_int_equal(c.articles[i]->load_index, i);
        free(want);
    }
    assert_string_equal(find(&c, "/b.md")->title, "Bravo");
    assert_string_equal(find(&c, "/c.MarkDown")->title, "Charlie");
    corpus_free(&c);
}

static void test_trailing_slash(void **state)
{
    (void)state;
    write_file("a.txt", "A\n");
    struct corpus c;
    corpus_init(&c, bp);
    struct buf p;
    buf_init(&p);
    buf_printf(&p, "%s/", root);
    assert_true(corpus_load_path(&c, p.data, NULL));
    assert_int_equal(c.narticles, 1);
    buf_puts(&p, "a.txt");
    assert_string_equal(c.articles[0]->path, p.data); /* no "//" */
    buf_free(&p);
    corpus_free(&c);
}

static void test_named_files(void **state)
{
    (void)state;
    write_file("page.html", "Named headline\n\nBody.\n");
    write_file(".hidden.txt", "Hidden but named\n");
    struct corpus c;
    load(&c, "page.html");
    assert_int_equal(c.narticles, 1);
    assert_int_equal(c.nproblems, 0);
    assert_string_equal(c.articles[0]->title, "Named headline");
    corpus_free(&c);
    load(&c, ".hidden.txt");
    assert_int_equal(c.narticles, 1);
    assert_string_equal(c.articles[0]->title, "Hidden but named");
    corpus_free(&c);
    /* Several paths add up, in the order given. */
    corpus_init(&c, bp);
    char *a = at("page.html"), *b = at(".hidden.txt");
    assert_true(corpus_load_path(&c, b, NULL));
    assert_true(corpus_load_path(&c, a, NULL));
    assert_int_equal(c.narticles, 2);
    assert_string_equal(c.articles[0]->path, b);
    assert_int_equal(c.articles[1]->load_index, 1);
    free(a);
    free(b);
    corpus_free(&c);
}

static void test_missing_path(void **state)
{
    (void)state;
    struct corpus c;
    corpus_init(&c, bp);
    struct tl_error err;
    char *p = at("does-not-exist");
    assert_false(corpus_load_path(&c, p, &err));
    assert_int_equal(strncmp(err.msg, p, strlen(p)), 0);
    assert_non_null(strstr(err.msg, "No such file"));
    assert_int_equal(c.narticles, 0);
    free(p);
    corpus_free(&c);
}

static void test_empty_folder(void **state)
{
    (void)state;
    make_dir("empty");
    struct corpus c;
    load(&c, "empty");
    assert_int_equal(c.narticles, 0);
    assert_int_equal(c.nproblems, 0);
    size_t *order = corpus_order_by_date(&c);
    assert_non_null(order);
    free(order);
    corpus_free(&c);
}

static void test_empty_and_blank_files(void **state)
{
    (void)state;
    write_file("empty-story.txt", "");
    write_file("blank_story.md", " \n\n\t\r\n");
    struct corpus c;
    load(&c, NULL);
    /* both load, each with a warning that says why it shows no text */
    assert_int_equal(c.nproblems, 2);
    for (size_t i = 0; i < c.nproblems; i++)
        assert_true(c.problems[i].warning);
    assert_true(strstr(c.problems[0].message, "empty file") ||
                strstr(c.problems[1].message, "empty file"));
    assert_true(strstr(c.problems[0].message, "only white space") ||
                strstr(c.problems[1].message, "only white space"));
    assert_int_equal(c.narticles, 2);
    const struct article *a = find(&c, "/empty-story.txt");
    assert_non_null(a);
    assert_string_equal(a->title, "empty story");
    assert_string_equal(a->body, "");
    a = find(&c, "/blank_story.md");
    assert_non_null(a);
    assert_string_equal(a->title, "blank story");
    assert_string_equal(a->body, "");
    corpus_free(&c);
}

static void test_binary_file(void **state)
{
    (void)state;
    write_bytes("image.txt", "\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10", 20, 0);
    char noise[2048];
    uint32_t seed = 99;
    for (size_t i = 0; i < sizeof noise; i++) {
        seed = seed * 1664525u + 1013904223u;
        noise[i] = (char)((seed >> 24) | 0x80);
    }
    write_bytes("noise.md", noise, sizeof noise, 0);
    write_file("good.txt", "Good\n\nText.\n");
    struct corpus c;
    load(&c, NULL);
    assert_int_equal(c.narticles, 1);
    assert_int_equal(c.nproblems, 2);
    assert_false(problem_for(&c, "/image.txt", "binary")->warning);
    problem_for(&c, "/noise.md", "binary");
    corpus_free(&c);
}

static void test_hostile_text_file_loads(void **state)
{
    (void)state;
    write_file("esc.txt",
               "\x1b]0;owned\x07Headline \x1b[1mhere\x1b[0m\n\nBad \xff\xfe byte and \x1b[2J"
               "clear.\n");
    struct corpus c;
    load(&c, NULL);
    assert_int_equal(c.nproblems, 0);
    assert_int_equal(c.narticles, 1);
    assert_string_equal(c.articles[0]->title, "Headline here");
    assert_string_equal(c.articles[0]->body, "Bad \xef\xbf\xbd\xef\xbf\xbd byte and clear.");
    corpus_free(&c);
}

static void test_unreadable(void **state)
{
    (void)state;
    write_file("locked.txt", "Locked\n");
    make_dir("closed");
    write_file("closed/inside.txt", "Inside\n");
    write_file("open.txt", "Open\n");
    char *p = at("locked.txt"), *d = at("closed");
    assert_int_equal(chmod(p, 0), 0);
    assert_int_equal(chmod(d, 0), 0);
    struct corpus c;
    load(&c, NULL);
    if (geteuid() == 0) {
        /* root reads everything: both load, and nothing else goes wrong. */
        assert_int_equal(c.narticles, 3);
        assert_int_equal(c.nproblems, 0);
    } else {
        assert_int_equal(c.narticles, 1);
        assert_string_equal(c.articles[0]->title, "Open");
        assert_int_equal(c.nproblems, 2);
        problem_for(&c, "/locked.txt", "Permission denied");
        problem_for(&c, "/closed", "Permission denied");
    }
    corpus_free(&c);
    chmod(d, 0755);
    free(p);
    free(d);
}

static void test_special_files(void **state)
{
    (void)state;
    char *fifo = at("pipe.txt"), *other = at("pipe");
    assert_int_equal(mkfifo(fifo, 0644), 0);
    assert_int_equal(mkfifo(other, 0644), 0);
    make_dir("folder.txt");
    write_file("folder.txt/inner.txt", "Inner\n");
    struct corpus c;
    /* In a folder: a FIFO named like an article is a problem (and is never
     * opened, so nothing blocks); one named otherwise is ignored; a folder
     * named like an article is a folder. */
    load(&c, NULL);
    assert_int_equal(c.narticles, 1);
    assert_string_equal(c.articles[0]->title, "Inner");
    assert_int_equal(c.nproblems, 1);
    problem_for(&c, "/pipe.txt", "not a regular file");
    corpus_free(&c);
    /* Named: any FIFO is a problem. */
    load(&c, "pipe");
    assert_int_equal(c.narticles, 0);
    problem_for(&c, "/pipe", "not a regular file");
    corpus_free(&c);
    /* A device. */
    corpus_init(&c, bp);
    assert_true(corpus_load_path(&c, "/dev/null", NULL));
    assert_int_equal(c.narticles, 0);
    problem_for(&c, "/dev/null", "not a regular file");
    corpus_free(&c);
    free(fifo);
    free(other);
}

static void test_symlinks(void **state)
{
    (void)state;
    write_file("real.txt", "Real\n");
    make_link("real.txt", "alias.txt");
    make_link("nowhere.txt", "dangling.txt");
    make_link("self.md", "self.md");
    struct corpus c;
    load(&c, NULL);
    assert_int_equal(c.narticles, 2); /* real.txt, and alias.txt to it */
    assert_non_null(find(&c, "/alias.txt"));
    assert_int_equal(c.nproblems, 2);
    problem_for(&c, "/dangling.txt", "dangling symbolic link");
    problem_for(&c, "/self.md", "symbolic link loop");
    corpus_free(&c);
}

static void test_symlink_loop(void **state)
{
    (void)state;
    make_dir("a");
    make_dir("a/b");
    write_file("a/b/story.txt", "Story\n");
    make_link("..", "a/b/up");
    make_link("../..", "a/b/top");
    struct corpus c;
    load(&c, NULL);
    assert_int_equal(c.narticles, 1);
    assert_int_equal(c.nproblems, 2);
    problem_for(&c, "/a/b/up", "symbolic link loop");
    problem_for(&c, "/a/b/top", "symbolic link loop");
    corpus_free(&c);
    /* Starting below the loop's target. */
    load(&c, "a/b");
    assert_int_equal(c.narticles, 1);
    assert_true(c.nproblems >= 1);
    corpus_free(&c);
}

static void test_nested_too_deep(void **state)
{
    (void)state;
    struct buf rel;
    buf_init(&rel);
    buf_puts(&rel, "d");
    for (int i = 0; i < 80; i++) {
        make_dir(rel.data);
        if (i == 10)
            write_file("d/d/d/d/d/d/d/d/d/d/d/shallow.txt", "Shallow\n");
        buf_puts(&rel, "/d");
    }
    struct corpus c;
    load(&c, NULL);
    assert_int_equal(c.narticles, 1);
    assert_int_equal(c.nproblems, 1);
    assert_non_null(strstr(c.problems[0].message, "nested too deep"));
    corpus_free(&c);
    buf_free(&rel);
}

static void test_size_limit(void **state)
{
    (void)state;
    char text[300];
    memset(text, 'x', sizeof text);
    text[0] = 'T', text[1] = '\n';
    write_bytes("limit.txt", text, 100, 0);
    write_bytes("over.txt", text, 101, 0);
    write_bytes("huge.txt", text, 300, 0);
    struct corpus c;
    corpus_init(&c, bp);
    c.max_file_size = 100;
    assert_true(corpus_load_path(&c, root, NULL));
    assert_int_equal(c.narticles, 1);
    assert_non_null(find(&c, "/limit.txt"));
    assert_int_equal(c.nproblems, 2);
    problem_for(&c, "/over.txt", "too large");
    problem_for(&c, "/huge.txt", "too large");
    corpus_free(&c);
    /* The default limit is the documented 16 MiB. */
    corpus_init(&c, bp);
    assert_int_equal(c.max_file_size, 16u * 1024 * 1024);
    corpus_free(&c);
}

static void test_bad_front_matter_is_a_problem(void **state)
{
    (void)state;
    write_file("bad.md", "---\ntitle: ok\nsource: BBC\n  bad: indent\n---\nBody\n");
    write_file("list.md", "---\n- a\n---\nBody\n");
    write_file("date.md", "---\ntitle: Dated\ndate: soon\n---\nBody\n");
    write_file("fine.md", "---\ntitle: Fine\n---\nBody\n");
    struct corpus c;
    load(&c, NULL);
    assert_int_equal(c.narticles, 2);
    assert_int_equal(c.nproblems, 3);
    const struct problem *p = problem_for(&c, "/bad.md", "bad.md:4:");
    assert_false(p->warning);
    problem_for(&c, "/list.md", "list.md:2:1: ");
    /* An unreadable date is a warning: the article still loads. */
    p = problem_for(&c, "/date.md", "date.md:3:7: ");
    assert_true(p->warning);
    assert_non_null(find(&c, "/date.md"));
    assert_true(find(&c, "/date.md")->date_from_mtime);
    corpus_free(&c);
}

static void test_add_problem(void **state)
{
    (void)state;
    struct corpus c;
    corpus_init(&c, bp);
    for (int i = 0; i < 50; i++)
        corpus_add_problem(&c, "x.txt", i % 2, "x.txt: problem %d", i);
    assert_int_equal(c.nproblems, 50);
    assert_string_equal(c.problems[49].message, "x.txt: problem 49");
    assert_true(c.problems[49].warning);
    assert_false(c.problems[48].warning);
    corpus_free(&c);
    assert_int_equal(c.nproblems, 0);
    assert_null(c.problems);
}

static void test_mtime_date(void **state)
{
    (void)state;
    write_bytes("old.txt", "Old\n", 4, (time_t)1104537600); /* 2005-01-01 00:00 UTC */
    struct corpus c;
    load(&c, NULL);
    assert_int_equal(c.narticles, 1);
    assert_string_equal(c.articles[0]->date, "2005-01-01");
    assert_true(c.articles[0]->date_from_mtime);
    corpus_free(&c);
}

static void test_order_by_date(void **state)
{
    (void)state;
    write_file("b.md", "---\ntitle: B\ndate: 2022-12-05\n---\nx\n");
    write_file("a.md", "---\ntitle: A\ndate: 2022-12-05\n---\nx\n");
    write_file("c.md", "---\ntitle: C\ndate: 2023-01-01T09:00:00Z\n---\nx\n");
    write_file("d.md", "---\ntitle: D\ndate: 2019-06-30\n---\nx\n");
    write_bytes("e.txt", "E\n", 2, (time_t)1640995200); /* 2022-01-01, from the file */
    make_dir("z");
    write_file("z/f.md", "---\ntitle: F\ndate: 2023-01-01\n---\nx\n");
    struct corpus c;
    load(&c, NULL);
    assert_int_equal(c.narticles, 6);
    size_t *order = corpus_order_by_date(&c);
    static const char *const want[] = {"C", "F", "A", "B", "E", "D"};
    for (size_t i = 0; i < 6; i++)
        if (strcmp(c.articles[order[i]]->title, want[i]) != 0)
            fail_msg("position %zu: %s, expected %s", i, c.articles[order[i]]->title, want[i]);
    /* The load order itself is untouched. */
    assert_string_equal(c.articles[0]->title, "A");
    free(order);
    corpus_free(&c);
}

/* Date keys compare as strcmp compares the dates: real dates, short,
 * empty and odd ones, and bytes above 0x7f. */
static int sign(int v)
{
    return (v > 0) - (v < 0);
}

static void test_date_keys(void **state)
{
    (void)state;
    static const char alphabet[] = "0129-\x7f\x80\xff";
    const char *named[] = {"2024-08-01", "2024-08-10", "2024-08-1",  "2024-08-01", "",
                           "1999-12-31", "2024-8-01",  "9999-99-99", "2024-08-01x"};
    enum { NAMED = sizeof named / sizeof *named, RANDOM = 400 };
    char random[RANDOM][11];
    uint32_t seed = 5;
    for (size_t i = 0; i < RANDOM; i++) {
        seed = seed * 1103515245u + 12345u;
        size_t len = (seed >> 16) % 11;
        for (size_t k = 0; k < len; k++) {
            seed = seed * 1103515245u + 12345u;
            random[i][k] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        random[i][len] = '\0';
    }
    for (size_t i = 0; i < NAMED + RANDOM; i++) {
        const char *a = i < NAMED ? named[i] : random[i - NAMED];
        for (size_t j = 0; j < NAMED + RANDOM; j++) {
            const char *b = j < NAMED ? named[j] : random[j - NAMED];
            char ta[11] = {0}, tb[11] = {0}; /* the article's date field: 10 bytes at most */
            strncpy(ta, a, 10);
            strncpy(tb, b, 10);
            int want = sign(strcmp(ta, tb));
            int got = sign(corpus_date_key_cmp(corpus_date_key(ta), corpus_date_key(tb)));
            if (got != want)
                fail_msg("'%s' vs '%s': %d, strcmp %d", ta, tb, got, want);
        }
    }
}

#define corpus_test(f) cmocka_unit_test_setup_teardown(f, make_root, remove_root)

int main(void)
{
    const struct CMUnitTest tests[] = {
        corpus_test(test_recursive_scan),
        corpus_test(test_trailing_slash),
        corpus_test(test_named_files),
        corpus_test(test_missing_path),
        corpus_test(test_empty_folder),
        corpus_test(test_empty_and_blank_files),
        corpus_test(test_binary_file),
        corpus_test(test_hostile_text_file_loads),
        corpus_test(test_unreadable),
        corpus_test(test_special_files),
        corpus_test(test_symlinks),
        corpus_test(test_symlink_loop),
        corpus_test(test_nested_too_deep),
        corpus_test(test_size_limit),
        corpus_test(test_bad_front_matter_is_a_problem),
        corpus_test(test_add_problem),
        corpus_test(test_mtime_date),
        corpus_test(test_order_by_date),
        cmocka_unit_test(test_date_keys),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
