/* test_state: the reading state (src/core/state): a round trip of every
 * record (keys with tabs, newlines, backslashes and non-ASCII), the exact
 * file written; two writers merging their changes (one after the other, and
 * four processes saving at once under the lock); bad lines skipped and
 * reported as path:line:col, an unknown version or another format never
 * written over; a failed save leaving the file as it was with the changes
 * pending; article keys (guid, url, normalised path); visits; timestamps;
 * and the news query over articles written by the test. */
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <utime.h>

#include <cmocka.h>

#include "core/base/timestamp.h"
#include "core/pipeline/pipeline.h"
#include "core/state/news.h"
#include "core/state/state.h"
#include "core/state/state_file.h"

static char dir[] = "/tmp/touchline-state-XXXXXX";

static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *de;
    while (d && (de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        char p[4096];
        snprintf(p, sizeof p, "%s/%s", path, de->d_name);
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISDIR(st.st_mode))
            remove_tree(p);
        else
            unlink(p);
    }
    if (d)
        closedir(d);
    rmdir(path);
}

static int setup(void **s)
{
    (void)s;
    strcpy(dir, "/tmp/touchline-state-XXXXXX");
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **s)
{
    (void)s;
    remove_tree(dir);
    return 0;
}

/* The state folder below the test's temp folder (made by the first save). */
static const char *sdir(void)
{
    static char p[256];
    snprintf(p, sizeof p, "%s/touchline", dir);
    return p;
}

static char *slurp(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    static char text[1 << 16];
    size_t n = fread(text, 1, sizeof text - 1, f);
    text[n] = '\0';
    fclose(f);
    return text;
}

static void spit(const char *path, const char *text)
{
    mkdir(sdir(), 0700);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void save_ok(struct state *st)
{
    struct tl_error err;
    bool ok = state_save(st, &err);
    if (!ok)
        print_error("state_save: %s\n", err.msg);
    assert_true(ok);
}

static const char *const odd_keys[] = {"url:https://example.org/a?b=1&c=2",
                                       "path:/news/tab\there",
                                       "path:/news/new\nline",
                                       "guid:back\\slash",
                                       "path:/news/Ødegaard – ok.md",
                                       "url:\x01\x7f control"};

static void test_round_trip(void **s)
{
    (void)s;
    struct state *st = state_open(sdir());
    assert_int_equal(state_nwarnings(st), 0);
    assert_false(state_dirty(st));
    for (size_t i = 0; i < 6; i++)
        assert_true(state_set_read(st, odd_keys[i], true));
    assert_false(state_set_read(st, odd_keys[0], true)); /* no change */
    assert_true(state_toggle_starred(st, odd_keys[1]));
    assert_true(state_toggle_starred(st, odd_keys[4]));
    assert_false(state_toggle_read(st, odd_keys[5])); /* unread again */
    assert_true(state_follow(st, "person:alessandro-bastoni", ENTITY_PERSON, "Alessandro Bastoni"));
    assert_true(state_follow(st, "club:inter-milan", ENTITY_CLUB, "Inter Milan"));
    assert_false(state_follow(st, "club:inter-milan", ENTITY_CLUB, "Inter Milan"));
    state_set_theme(st, "solarized-dark");
    state_visit_record(st, timestamp_from_utc(2024, 5, 1, 8, 0, 0));
    state_visit_record(st, timestamp_from_utc(2024, 5, 2, 9, 30, 0));
    assert_true(state_dirty(st));
    save_ok(st);
    assert_false(state_dirty(st));
    state_close(st);

    st = state_open(sdir());
    assert_int_equal(state_nwarnings(st), 0);
    for (size_t i = 0; i < 5; i++)
        assert_true(state_is_read(st, odd_keys[i]));
    assert_false(state_is_read(st, odd_keys[5]));
    assert_int_equal(state_nread(st), 5);
    assert_int_equal(state_nstarred(st), 2);
    assert_true(state_is_starred(st, odd_keys[1]));
    assert_false(state_is_starred(st, odd_keys[0]));
    assert_int_equal(state_nfollowed(st), 2);
    assert_string_equal(state_followed_at(st, 0)->name, "Alessandro Bastoni");
    assert_int_equal(state_followed_at(st, 1)->kind, ENTITY_CLUB);
    assert_true(state_is_followed(st, "club:inter-milan"));
    assert_string_equal(state_theme(st), "solarized-dark");
    assert_int_equal(state_visit_last(st), timestamp_from_utc(2024, 5, 2, 9, 30, 0));
    assert_int_equal(state_visit_previous(st), timestamp_from_utc(2024, 5, 1, 8, 0, 0));
    /* The id may be the store's own string, which the unfollow frees. */
    assert_true(state_unfollow(st, state_followed_at(st, 0)->id));
    assert_false(state_is_followed(st, "person:alessandro-bastoni"));
    assert_false(state_unfollow(st, "person:nobody"));
    state_set_theme(st, NULL);
    save_ok(st);
    state_close(st);

    char path[512];
    snprintf(path, sizeof path, "%s/state", sdir());
    assert_string_equal(slurp(path), "touchline-state\t1\n"
                                     "# the reading state of touchline; see touchline(5)\n"
                                     "visit\t2024-05-02T09:30:00Z\t2024-05-01T08:00:00Z\n"
                                     "follow\tclub\tclub:inter-milan\tInter Milan\n"
                                     "read\tguid:back\\\\slash\n"
                                     "read\tpath:/news/new\\nline\n"
                                     "read\tpath:/news/tab\\there\n"
                                     "read\tpath:/news/Ødegaard – ok.md\n"
                                     "read\turl:https://example.org/a?b=1&c=2\n"
                                     "starred\tpath:/news/tab\\there\n"
                                     "starred\tpath:/news/Ødegaard – ok.md\n");
}

/* Two processes' changes, saved one after the other, both survive; the
 * later save of the same mark wins; each sees the other's after saving. */
static void test_two_writers(void **s)
{
    (void)s;
    struct state *a = state_open(sdir()), *b = state_open(sdir());
    state_set_read(a, "url:a", true);
    state_set_read(a, "url:both", true);
    state_follow(a, "person:x", ENTITY_PERSON, "X");
    state_set_read(b, "url:b", true);
    state_set_theme(b, "mono");
    state_follow(b, "club:y", ENTITY_CLUB, "Y");
    save_ok(a);
    state_set_read(b, "url:both", true);
    state_set_read(b, "url:both", false); /* b unmarks it after a marked it */
    save_ok(b);
    assert_true(state_is_read(b, "url:a")); /* b sees a's changes now */
    assert_true(state_is_followed(b, "person:x"));
    state_close(a);
    state_close(b);
    struct state *c = state_open(sdir());
    assert_true(state_is_read(c, "url:a"));
    assert_true(state_is_read(c, "url:b"));
    assert_false(state_is_read(c, "url:both"));
    assert_string_equal(state_theme(c), "mono");
    assert_int_equal(state_nfollowed(c), 2);
    assert_string_equal(state_followed_at(c, 0)->id, "person:x");
    state_close(c);
}

enum { WRITERS = 4, ROUNDS = 25 };

/* Four processes, each opening, marking one key and saving 25 times at
 * once: the lock makes every one of the 100 marks survive. */
static void test_concurrent_writers(void **s)
{
    (void)s;
    pid_t pids[WRITERS];
    for (int w = 0; w < WRITERS; w++) {
        pids[w] = fork();
        assert_true(pids[w] >= 0);
        if (pids[w] == 0) {
            for (int r = 0; r < ROUNDS; r++) {
                struct state *st = state_open(sdir());
                char key[64];
                snprintf(key, sizeof key, "url:%d/%d", w, r);
                state_set_read(st, key, true);
                struct tl_error err;
                bool ok = state_save(st, &err);
                state_close(st);
                if (!ok)
                    _exit(1);
            }
            _exit(0);
        }
    }
    for (int w = 0; w < WRITERS; w++) {
        int status;
        assert_int_equal(waitpid(pids[w], &status, 0), pids[w]);
        assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    struct state *st = state_open(sdir());
    assert_int_equal(state_nwarnings(st), 0);
    assert_int_equal(state_nread(st), WRITERS * ROUNDS);
    state_close(st);
}

static void test_bad_lines(void **s)
{
    (void)s;
    char path[512];
    snprintf(path, sizeof path, "%s/state", sdir());
    spit(path, "touchline-state\t1\n"
               "read\turl:good1\n"
               "reed\turl:typo\n"                       /* 3: unknown record */
               "read\n"                                 /* 4: no key */
               "read\turl:a\turl:b\n"                   /* 5: too many fields */
               "starred\turl:bad\\q\n"                  /* 6: bad escape at col 16 */
               "visit\tyesterday\n"                     /* 7: bad time */
               "follow\tplayer\tperson:x\tX\n"          /* 8: unknown kind */
               "follow\tperson\tperson:x\tX\\x1b[31m\n" /* 9: control character */
               "theme\t\n"                              /* 10: empty */
               "\n# a comment\n"
               "starred\turl:good2\r\n"    /* 13: CRLF is fine */
               "follow\tclub\tclub:z\tZ"); /* 14: no final newline */
    struct state *st = state_open(sdir());
    const char *want[] = {":3:1: unknown record 'reed'",       ":4:5: 'read' needs 1 field",
                          ":5:12: too many fields for 'read'", ":6:16: bad escape",
                          ":7:7: 'yesterday' is not a time",   ":8:8: unknown kind 'player'",
                          ":9:24: empty, or not printable",    ":10:7: empty, or not printable"};
    assert_int_equal(state_nwarnings(st), 8);
    for (size_t i = 0; i < 8; i++) {
        const char *w = state_warning(st, i);
        if (strncmp(w, path, strlen(path)) || !strstr(w, want[i]))
            print_error("warning %zu: %s (wanted %s)\n", i, w, want[i]);
        assert_true(!strncmp(w, path, strlen(path)) && strstr(w, want[i]));
    }
    assert_true(state_is_read(st, "url:good1"));
    assert_true(state_is_starred(st, "url:good2"));
    assert_true(state_is_followed(st, "club:z"));
    assert_false(state_is_followed(st, "person:x"));
    assert_int_equal(state_nread(st), 1);
    /* A save drops the bad lines and keeps the good ones. */
    state_set_read(st, "url:new", true);
    save_ok(st);
    state_close(st);
    st = state_open(sdir());
    assert_int_equal(state_nwarnings(st), 0);
    assert_int_equal(state_nread(st), 2);
    state_close(st);

    /* Garbage: at most STATE_FILE_MAX_WARNINGS warnings and a count. */
    char garbage[4096] = "touchline-state\t1\n";
    for (int i = 0; i < 50; i++)
        strcat(garbage, "\x01\x02 junk\n");
    spit(path, garbage);
    st = state_open(sdir());
    assert_int_equal(state_nwarnings(st), STATE_FILE_MAX_WARNINGS + 1);
    assert_non_null(strstr(state_warning(st, STATE_FILE_MAX_WARNINGS), "30 more bad lines"));
    state_close(st);
}

/* A file of a newer version, or not a state file, is never written over. */
static void test_foreign_file_kept(void **s)
{
    (void)s;
    char path[512];
    snprintf(path, sizeof path, "%s/state", sdir());
    const char *files[] = {"touchline-state\t2\nread\turl:x\nnew-record\tfoo\n",
                           "some other program's file\n", "\xff\xfe\x00binary"};
    for (size_t i = 0; i < 3; i++) {
        spit(path, files[i]);
        struct state *st = state_open(sdir());
        assert_int_equal(state_nwarnings(st), 1);
        assert_non_null(strstr(state_warning(st, 0), "nothing is saved"));
        assert_false(state_is_read(st, "url:x"));
        state_set_read(st, "url:y", true);
        struct tl_error err;
        assert_false(state_save(st, &err));
        state_close(st);
        assert_string_equal(slurp(path), files[i]);
    }
}

static size_t count_temps(void)
{
    DIR *d = opendir(sdir());
    size_t n = 0;
    struct dirent *de;
    while (d && (de = readdir(d)))
        n += strstr(de->d_name, ".tmp.") != NULL;
    if (d)
        closedir(d);
    return n;
}

/* Saving replaces the file (a new inode, never an edit in place); a save
 * that cannot be done leaves the file as it was and the changes pending. */
static void test_atomic_save(void **s)
{
    (void)s;
    char path[512], lock[512];
    snprintf(path, sizeof path, "%s/state", sdir());
    snprintf(lock, sizeof lock, "%s/state.lock", sdir());
    struct state *st = state_open(sdir());
    state_set_read(st, "url:one", true);
    save_ok(st);
    struct stat before, after;
    assert_int_equal(stat(path, &before), 0);
    char *old = strdup(slurp(path));
    state_set_read(st, "url:two", true);
    assert_int_equal(unlink(lock), 0);
    assert_int_equal(mkdir(lock, 0700), 0); /* the lock file cannot be opened */
    struct tl_error err;
    assert_false(state_save(st, &err));
    assert_non_null(strstr(err.msg, "state.lock"));
    assert_true(state_dirty(st));
    assert_string_equal(slurp(path), old);
    assert_int_equal(rmdir(lock), 0);
    save_ok(st);
    assert_int_equal(stat(path, &after), 0);
    assert_true(before.st_ino != after.st_ino);
    assert_int_equal(count_temps(), 0);
    state_close(st);
    st = state_open(sdir());
    assert_true(state_is_read(st, "url:two"));
    state_close(st);
    free(old);
}

static void test_visits(void **s)
{
    (void)s;
    struct state *st = state_open(sdir());
    assert_int_equal(state_visit_last(st), 0);
    state_visit_record(st, 1000);
    state_visit_record(st, 1000); /* the same visit again: nothing */
    assert_int_equal(state_visit_last(st), 1000);
    assert_int_equal(state_visit_previous(st), 0);
    struct state *other = state_open(sdir());
    state_visit_record(other, 2000);
    save_ok(other);
    save_ok(st); /* its older visit does not rewind the other's */
    assert_int_equal(state_visit_last(st), 2000);
    assert_int_equal(state_visit_previous(st), 1000);
    state_close(other);
    state_close(st);
}

static struct article *parse(const char *path, const char *text)
{
    struct boilerplate *bp = boilerplate_new();
    struct tl_error err;
    struct article *a = article_parse(path, text, strlen(text), 0, bp, &err);
    boilerplate_free(bp);
    assert_non_null(a);
    return a;
}

static void test_article_keys(void **s)
{
    (void)s;
    struct state *st = state_open(sdir());
    struct buf key;
    buf_init(&key);
    struct article *a = parse("x.md", "---\ntitle: T\nurl: https://e.org/1\nguid: tag:e,1\n---\n"
                                      "Body.\n");
    state_article_key(st, a, &key);
    assert_string_equal(key.data, "guid:tag:e,1");
    article_free(a);
    a = parse("x.md", "---\ntitle: T\nurl: https://e.org/1\n---\nBody.\n");
    state_article_key(st, a, &key);
    assert_string_equal(key.data, "url:https://e.org/1");
    article_free(a);
    a = parse("/news/./a/../b//c.txt", "Title\n\nBody.\n");
    state_article_key(st, a, &key);
    assert_string_equal(key.data, "path:/news/b/c.txt");
    article_free(a);
    char cwd[4096], want[4200];
    assert_non_null(getcwd(cwd, sizeof cwd));
    a = parse("./sub/../c.txt", "Title\n\nBody.\n");
    state_article_key(st, a, &key);
    snprintf(want, sizeof want, "path:%s/c.txt", strcmp(cwd, "/") ? cwd : "");
    assert_string_equal(key.data, want);
    article_free(a);
    buf_free(&key);
    state_close(st);
}

static void test_timestamps(void **s)
{
    (void)s;
    time_t t;
    bool timed;
    assert_true(timestamp_parse("2024-05-01T08:00:00Z", &t, &timed));
    assert_true(timed);
    assert_int_equal(t, 1714550400);
    assert_true(timestamp_parse("2024-05-01T10:00+02:00", &t, NULL));
    assert_int_equal(t, 1714550400);
    assert_true(timestamp_parse("2024-05-01", &t, &timed)); /* TZ=UTC in the tests */
    assert_false(timed);
    assert_int_equal(t, 1714521600);
    const char *bad[] = {"2024-02-30",         "2024-5-1", "2024-05-01T25:00", "2024-05-01x",
                         "2024-05-01T08:00+2", "",         "yesterday"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        assert_false(timestamp_parse(bad[i], &t, NULL));
    char out[21];
    timestamp_format_utc(1714550400, out);
    assert_string_equal(out, "2024-05-01T08:00:00Z");
}

static void write_article(const char *name, const char *text, time_t mtime)
{
    char path[512];
    snprintf(path, sizeof path, "%s/news/%s", dir, name);
    spit(path, text);
    struct utimbuf u = {mtime, mtime};
    assert_int_equal(utime(path, &u), 0);
}

/* The news query: facts about the followed in articles at or after a time,
 * newest first, grouped by entity; the article's time from its date, its
 * file time within that day, or its time of day. */
static void test_news(void **s)
{
    (void)s;
    char news_dir[4096];
    snprintf(news_dir, sizeof news_dir, "%s/news", dir);
    mkdir(sdir(), 0700);
    mkdir(news_dir, 0700);
    time_t may1 = timestamp_from_utc(2024, 5, 1, 0, 0, 0);
    write_article("old.md",
                  "---\ntitle: Old\ndate: 2024-04-01\n---\nInter Milan signed Alessandro Bastoni "
                  "for £31m from Atalanta.\n",
                  may1 + 9 * 3600); /* written later than its date: the day's end */
    write_article("new.md",
                  "---\ntitle: New\ndate: 2024-05-01\n---\nAlessandro Bastoni has won 17 caps for "
                  "Italy.\n",
                  may1 + 10 * 3600); /* 10:00 that day */
    write_article("timed.md",
                  "---\ntitle: Timed\ndate: 2024-05-01T12:00:00Z\n---\nTottenham are monitoring "
                  "Alessandro Bastoni.\n",
                  may1);
    char *paths[] = {news_dir};
    struct pipeline p;
    struct pipeline_options opt = {.threads = 1};
    struct tl_error err;
    assert_true(pipeline_open(&p, paths, 1, &opt, &err));
    assert_int_equal(p.corpus.narticles, 3);
    /* Load order: new.md, old.md, timed.md. */
    assert_int_equal(news_article_time(p.corpus.articles[0]), may1 + 10 * 3600);
    assert_int_equal(news_article_time(p.corpus.articles[1]),
                     timestamp_from_utc(2024, 4, 1, 23, 59, 59));
    assert_int_equal(news_article_time(p.corpus.articles[2]), may1 + 12 * 3600);

    struct state *st = state_open(sdir());
    state_follow(st, "person:alessandro-bastoni", ENTITY_PERSON, "Alessandro Bastoni");
    state_follow(st, "club:tottenham-hotspur", ENTITY_CLUB, "Tottenham Hotspur");
    state_follow(st, "person:nobody-here", ENTITY_PERSON, "Nobody Here");
    struct news n;
    news_query(&p.index, st, may1 + 9 * 3600, &n); /* a visit at 09:00 */
    assert_int_equal(n.ngroups, 2);
    assert_int_equal(n.narticles, 2);
    /* Bastoni's newest fact (interest, 12:00) first, then the caps (10:00). */
    assert_string_equal(p.index.entities[n.groups[0].entity].name, "Alessandro Bastoni");
    assert_int_equal(n.groups[0].nitems, 2);
    assert_int_equal(n.groups[0].items[0].article, 2);
    assert_int_equal(n.groups[0].items[1].article, 0);
    const struct fact *f = &p.index.x[0].facts[n.groups[0].items[1].fact];
    assert_int_equal(f->kind, FACT_CAPS);
    assert_string_equal(p.index.entities[n.groups[1].entity].name, "Tottenham Hotspur");
    assert_int_equal(n.groups[1].nitems, 1);
    assert_int_equal(n.nitems, 3);
    news_free(&n);
    news_query(&p.index, st, may1 + 11 * 3600, &n);
    assert_int_equal(n.nitems, 2); /* the 12:00 article only: interest, for both */
    news_free(&n);
    news_query(&p.index, st, 0, &n);
    assert_int_equal(n.narticles, 3); /* everything, the old fee too */
    news_free(&n);
    state_close(st);
    pipeline_close(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_round_trip, setup, teardown),
        cmocka_unit_test_setup_teardown(test_two_writers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_concurrent_writers, setup, teardown),
        cmocka_unit_test_setup_teardown(test_bad_lines, setup, teardown),
        cmocka_unit_test_setup_teardown(test_foreign_file_kept, setup, teardown),
        cmocka_unit_test_setup_teardown(test_atomic_save, setup, teardown),
        cmocka_unit_test_setup_teardown(test_visits, setup, teardown),
        cmocka_unit_test_setup_teardown(test_article_keys, setup, teardown),
        cmocka_unit_test(test_timestamps),
        cmocka_unit_test_setup_teardown(test_news, setup, teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
