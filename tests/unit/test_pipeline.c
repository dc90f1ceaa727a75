/* test_pipeline: parallel extraction gives exactly what one thread gives.
 * The samples folder, loaded several times over, is run through the pipeline
 * with 1 thread and with 4 (and with 0, one per core); every article's JSON
 * export must match byte for byte, and so must the entity index (entities in
 * the same order with the same postings). The reader's way of loading (all
 * workers in the background, results taken a few at a time while they are
 * still being made, the index queried in between, articles taken before
 * their extractions, a lead loaded before any extraction) gives the same
 * again; CI
 * runs this under ThreadSanitizer. A cold background load
 * started with fewer workers starts the rest when told (the reader's first
 * screen drawn). The reader's thread may load articles of the lead itself
 * while it waits for a screenful, the workers extracting them, and the
 * result is the same again. Closing in the middle of a load drops it cleanly; finishing one that
 * the reader's test hook holds completes it. A background load's wake descriptor turns readable
 * once every result is finished, so that one take then takes them all. Also a sentence that once
 * sent the subject finder into endless recursion, found by the bench corpus. A cache hit's stat
 * follows a link that replaced the file, as stat() does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/pipeline/stream.h"
#include "pipeline_helpers.h"

enum { COPIES = 8 };

static char samples[4096];

/* Starts a load of the samples folder given COPIES times over. */
static bool start_copies(struct pipeline *p, const struct pipeline_options *opt)
{
    char *paths[COPIES];
    for (size_t i = 0; i < COPIES; i++)
        paths[i] = samples;
    struct tl_error err;
    bool ok = pipeline_start(p, paths, COPIES, opt, &err);
    if (!ok)
        print_error("pipeline_start: %s\n", err.msg);
    return ok;
}

static bool open_with(struct pipeline *p, unsigned threads)
{
    struct pipeline_options opt = {.threads = threads};
    if (!start_copies(p, &opt))
        return false;
    pipeline_finish(p);
    return true;
}

/* Removes a folder a test made, and all it holds. */
static void remove_dir(const char *dir)
{
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

static void assert_same_index(const struct index *a, const struct index *b)
{
    assert_int_equal(a->nentities, b->nentities);
    for (size_t i = 0; i < a->nentities; i++) {
        const struct index_entity *ea = &a->entities[i], *eb = &b->entities[i];
        assert_string_equal(ea->id, eb->id);
        assert_int_equal(ea->npostings, eb->npostings);
        for (size_t k = 0; k < ea->npostings; k++) {
            const struct posting *pa = &ea->postings[k], *pb = &eb->postings[k];
            assert_int_equal(pa->article, pb->article);
            assert_int_equal(pa->mention, pb->mention);
            struct place qa = index_place(a, pa), qb = index_place(b, pb);
            assert_int_equal(qa.start, qb.start);
            assert_int_equal(qa.end, qb.end);
            assert_int_equal(qa.in_title, qb.in_title);
            assert_true(qa.end > qa.start);
        }
        assert_int_equal(ea->narticles, eb->narticles);
    }
}

static void check_threads(unsigned threads)
{
    struct pipeline one, many;
    assert_true(open_with(&one, 1));
    assert_true(open_with(&many, threads));
    assert_true(one.corpus.narticles >= COPIES * 10);
    assert_same_exports(&one, &many);
    assert_same_index(&one.index, &many.index);
    pipeline_close(&one);
    pipeline_close(&many);
}

static void test_four_threads_match_one(void **state)
{
    (void)state;
    check_threads(4);
}

static void test_one_per_core_matches_one(void **state)
{
    (void)state;
    check_threads(0);
}

static bool start_background(struct pipeline *p, unsigned threads)
{
    struct pipeline_options opt = {.threads = threads, .background = true};
    return start_copies(p, &opt);
}

/* Takes results a few at a time, querying the index in between, as the
 * reader's loop does between keys. */
static void take_slowly(struct pipeline *p)
{
    struct timespec nap = {0, 200 * 1000};
    size_t last = 0, rounds = 0;
    while (pipeline_loading(p)) {
        size_t taken, total;
        pipeline_progress(p, &taken, &total);
        assert_true(taken <= total);
        if (!pipeline_take(p, 3))
            nanosleep(&nap, NULL);
        /* articles come before their extractions */
        assert_true(p->index.narticles <= p->corpus.narticles);
        assert_true(p->corpus.narticles >= last);
        last = p->corpus.narticles;
        if (p->index.nentities)
            (void)index_search(&p->index, -1, "a", (int[4]){0}, 4);
        rounds++;
    }
    assert_true(rounds > 1);
}

static void test_background_load_matches_one(void **state)
{
    (void)state;
    struct pipeline one, bg;
    assert_true(open_with(&one, 1));
    assert_true(start_background(&bg, 2));
    take_slowly(&bg);
    size_t taken, total;
    pipeline_progress(&bg, &taken, &total);
    assert_int_equal(taken, total);
    assert_same_exports(&one, &bg);
    assert_same_index(&one.index, &bg.index);
    pipeline_close(&one);
    pipeline_close(&bg);
}

/* With a lead of every article and one worker, the worker loads them all
 * before it extracts the first: once an extraction has been taken, the
 * next take (which moves loaded articles first) has every article in the
 * corpus, while extractions are still to come. The result is the same. */
static void test_lead_loads_before_extracting(void **state)
{
    (void)state;
    struct pipeline one, bg;
    assert_true(open_with(&one, 1));
    size_t total = one.corpus.narticles;
    assert_true(total <= STREAM_MAX_LEAD);
    struct pipeline_options opt = {.threads = 1, .background = true, .lead = STREAM_MAX_LEAD};
    assert_true(start_copies(&bg, &opt));
    struct timespec nap = {0, 200 * 1000};
    bool ahead = false;
    while (pipeline_loading(&bg)) {
        size_t had = bg.index.narticles;
        if (!pipeline_take(&bg, 1))
            nanosleep(&nap, NULL);
        assert_true(bg.index.narticles <= bg.corpus.narticles);
        if (had)
            assert_int_equal(bg.corpus.narticles, total);
        ahead = ahead || bg.index.narticles < bg.corpus.narticles;
    }
    assert_true(ahead);
    assert_same_exports(&one, &bg);
    assert_same_index(&one.index, &bg.index);
    pipeline_close(&one);
    pipeline_close(&bg);
}

/* A background load with a cache, twice: the second reads (nearly) every
 * extraction from the cache and gives the same exports and index; the cache
 * is written on its own thread while the index is queried. */
static void test_background_load_with_cache(void **state)
{
    (void)state;
    char dir[] = "/tmp/touchline-pipeline-cache-XXXXXX";
    assert_non_null(mkdtemp(dir));
    struct pipeline one;
    assert_true(open_with(&one, 1));
    for (int round = 0; round < 2; round++) {
        struct pipeline_options opt = {.threads = 2, .background = true, .cache_dir = dir};
        struct pipeline bg;
        assert_true(start_copies(&bg, &opt));
        take_slowly(&bg);
        (void)index_search(&bg.index, -1, "inter", (int[4]){0}, 4); /* while it saves */
        assert_null(pipeline_warning(&bg));
        /* The samples folder is given 8 times: each file's one record
         * serves all its copies. */
        /* The cache is open before the workers start: every article of
         * the second round comes from it. */
        if (round == 1)
            assert_int_equal(bg.cache_hits, bg.corpus.narticles);
        else
            assert_int_equal(bg.cache_hits, 0);
        assert_same_exports(&one, &bg);
        assert_same_index(&one.index, &bg.index);
        pipeline_close(&bg);
    }
    pipeline_close(&one);
    remove_dir(dir);
}

/* Writes text to path with a fixed old mtime plus `ns` nanoseconds. */
static void write_at(const char *path, const char *text, long ns)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    struct timespec t[2] = {{1500000000, ns}, {1500000000, ns}};
    assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
}

/* The title of the one article a cached load of folder `in` gives. */
static char *title_via_cache(const char *in, const char *cache)
{
    char *paths[] = {(char *)in};
    struct pipeline_options opt = {.threads = 2, .cache_dir = cache};
    struct pipeline p;
    struct tl_error err;
    assert_true(pipeline_open(&p, paths, 1, &opt, &err));
    assert_int_equal(p.corpus.narticles, 1);
    char *title = strdup(p.corpus.articles[0]->title);
    pipeline_close(&p);
    return title;
}

/* The scan's stat decides: a file whose size and mtime match its cache
 * record is neither read nor parsed again (rewritten behind the cache's
 * back with the same size and mtime, it still shows what was cached);
 * another mtime makes it read again. */
static void test_unchanged_file_not_read(void **state)
{
    (void)state;
    char cache[] = "/tmp/touchline-pipeline-stat-XXXXXX";
    assert_non_null(mkdtemp(cache));
    char in[sizeof cache + 8], file[sizeof in + 16];
    snprintf(in, sizeof in, "%s/in", cache);
    snprintf(file, sizeof file, "%s/a.md", in);
    assert_int_equal(mkdir(in, 0700), 0);
    write_at(file, "---\ntitle: Kane signs\n---\nHarry Kane joined Bayern.\n", 5);
    char *t = title_via_cache(in, cache);
    assert_string_equal(t, "Kane signs"); /* read, and cached */
    free(t);
    write_at(file, "---\ntitle: Son stayed\n---\nHarry Kane joined Bayern.\n", 5);
    t = title_via_cache(in, cache);
    assert_string_equal(t, "Kane signs"); /* not read: the stat matched */
    free(t);
    write_at(file, "---\ntitle: Son stayed\n---\nHarry Kane joined Bayern.\n", 6);
    t = title_via_cache(in, cache);
    assert_string_equal(t, "Son stayed"); /* another mtime: read again */
    free(t);
    remove_dir(cache);
}

/* The stat is taken relative to the file's folder, following links as
 * stat() does: a file replaced by a link to one of the same size and mtime
 * is still a cache hit; a dangling link is a problem, not an article. */
static void test_file_replaced_by_link(void **state)
{
    (void)state;
    char cache[] = "/tmp/touchline-pipeline-link-XXXXXX";
    assert_non_null(mkdtemp(cache));
    char in[sizeof cache + 8], file[sizeof in + 16], other[sizeof cache + 16];
    snprintf(in, sizeof in, "%s/in", cache);
    snprintf(file, sizeof file, "%s/a.md", in);
    snprintf(other, sizeof other, "%s/b.txt", cache);
    assert_int_equal(mkdir(in, 0700), 0);
    write_at(file, "---\ntitle: Kane signs\n---\nHarry Kane joined Bayern.\n", 5);
    char *t = title_via_cache(in, cache);
    free(t);
    write_at(other, "---\ntitle: Son stayed\n---\nHarry Kane joined Bayern.\n", 5);
    assert_int_equal(unlink(file), 0);
    assert_int_equal(symlink(other, file), 0);
    t = title_via_cache(in, cache);
    assert_string_equal(t, "Kane signs"); /* the link's target matched the record */
    free(t);
    assert_int_equal(unlink(other), 0);
    char *paths[] = {in};
    struct pipeline_options opt = {.threads = 2, .cache_dir = cache};
    struct pipeline p;
    struct tl_error err;
    assert_true(pipeline_open(&p, paths, 1, &opt, &err));
    assert_int_equal(p.corpus.narticles, 0);
    pipeline_close(&p);
    remove_dir(cache);
}

static void test_close_while_loading(void **state)
{
    (void)state;
    for (unsigned threads = 1; threads <= 3; threads++) {
        struct pipeline p;
        assert_true(start_background(&p, threads));
        pipeline_take(&p, 5);
        pipeline_close(&p); /* workers stopped, untaken results freed */
    }
}

/* Waits (a minute at most: a hang guard, not a timing) for the wake
 * descriptor of a background load to turn readable. */
static void wait_readable(int fd)
{
    struct pollfd pfd = {.fd = fd, .events = POLLIN};
    assert_int_equal(poll(&pfd, 1, 60 * 1000), 1);
    assert_true(pfd.revents & POLLIN);
}

static void test_wake_fd_when_all_done(void **state)
{
    (void)state;
    for (unsigned threads = 1; threads <= 2; threads++) {
        struct pipeline p;
        assert_true(start_background(&p, threads));
        int fd = pipeline_wake_fd(&p);
        assert_true(fd >= 0);
        wait_readable(fd);
        wait_readable(fd);    /* it stays readable */
        pipeline_take(&p, 0); /* every result is finished: all are taken */
        assert_false(pipeline_loading(&p));
        size_t taken, total;
        pipeline_progress(&p, &taken, &total);
        assert_int_equal(taken, total);
        assert_int_equal(pipeline_wake_fd(&p), -1);
        pipeline_close(&p);
    }
    /* an empty folder: nothing to wait for */
    char dir[] = "/tmp/test_pipeline_wake_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *paths[] = {dir};
    struct pipeline_options opt = {.threads = 2, .background = true};
    struct tl_error err;
    struct pipeline p;
    assert_true(pipeline_start(&p, paths, 1, &opt, &err));
    if (pipeline_loading(&p))
        wait_readable(pipeline_wake_fd(&p));
    pipeline_close(&p);
    /* in the foreground there is none */
    opt.background = false;
    paths[0] = samples;
    assert_true(pipeline_start(&p, paths, 1, &opt, &err));
    assert_int_equal(pipeline_wake_fd(&p), -1);
    pipeline_finish(&p);
    pipeline_close(&p);
    rmdir(dir);
}

/* Takes results until `want` are taken or `ms` milliseconds pass (a hang
 * guard, not a timing); returns how many were taken. */
static size_t take_for(struct pipeline *p, size_t want, int ms)
{
    struct timespec nap = {0, 1000 * 1000};
    size_t taken = 0, total;
    for (int waited = 0; waited < ms && taken < want; waited++) {
        pipeline_take(p, 0);
        pipeline_progress(p, &taken, &total);
        nanosleep(&nap, NULL);
    }
    return taken;
}

/* The reader's test hook (TOUCHLINE_TEST_HOLD_AT=5) holds a background
 * load's worker before entry 5: with a lead of every entry, the entries it
 * loaded ahead are extracted before it waits, so that the first 5 are
 * taken and the load stays under way. Finishing the load then releases the
 * worker and completes (SIGALRM ends the test if it hangs), with the same
 * exports as one thread's. */
static void test_finish_releases_held_workers(void **state)
{
    (void)state;
    struct pipeline one;
    assert_true(open_with(&one, 1));
    for (unsigned threads = 1; threads <= 2; threads++) {
        struct pipeline_options opt = {
            .threads = threads, .background = true, .lead = STREAM_MAX_LEAD};
        struct pipeline bg;
        assert_int_equal(setenv("TOUCHLINE_TEST_HOLD_AT", "5", 1), 0);
        assert_true(start_copies(&bg, &opt));
        assert_int_equal(unsetenv("TOUCHLINE_TEST_HOLD_AT"), 0);
        assert_int_equal(take_for(&bg, 5, 30 * 1000), 5);
        assert_int_equal(take_for(&bg, 6, 50), 5); /* held */
        assert_true(pipeline_loading(&bg));
        alarm(60);
        pipeline_finish(&bg);
        alarm(0);
        assert_false(pipeline_loading(&bg));
        assert_same_exports(&one, &bg);
        assert_same_index(&one.index, &bg.index);
        pipeline_close(&bg);
    }
    pipeline_close(&one);
}

/* Loads ahead on the caller's thread until it may no more, and returns
 * how many it loaded. */
static size_t load_ahead_all(struct pipeline *p)
{
    size_t n = 0;
    while (pipeline_load_ahead(p))
        n++;
    return n;
}

/* The reader's thread loads articles of the lead itself while it waits
 * for a screenful (pipeline_load_ahead), and the workers extract them.
 * With the workers held before their first entry, it loads the whole
 * lead, or up to the test hook's hold (TOUCHLINE_TEST_HOLD_AT=5), and
 * nothing is extracted; once they go, the load completes with one
 * thread's exports and index (SIGALRM ends the test if an entry the
 * caller loaded were never extracted). */
static void test_caller_loads_ahead(void **state)
{
    (void)state;
    struct pipeline one;
    assert_true(open_with(&one, 1));
    const char *holds[] = {NULL, "5"};
    for (size_t h = 0; h < 2; h++) {
        struct pipeline_options opt = {.threads = 1 + h, .background = true, .lead = 16};
        struct pipeline bg;
        stream_hold_workers(true);
        if (holds[h])
            assert_int_equal(setenv("TOUCHLINE_TEST_HOLD_AT", holds[h], 1), 0);
        assert_true(start_copies(&bg, &opt));
        assert_int_equal(unsetenv("TOUCHLINE_TEST_HOLD_AT"), 0);
        assert_int_equal(load_ahead_all(&bg), holds[h] ? 5 : 16);
        pipeline_take(&bg, 0);
        assert_true(bg.corpus.narticles > 0);
        assert_int_equal(bg.index.narticles, 0);
        stream_hold_workers(false);
        alarm(60);
        if (holds[h])
            pipeline_finish(&bg);
        else
            take_slowly(&bg);
        alarm(0);
        assert_same_exports(&one, &bg);
        assert_same_index(&one.index, &bg.index);
        pipeline_close(&bg);
    }
    pipeline_close(&one);
}

/* The reader's first screen: results taken a few at a time and, when none
 * is ready, the next article of the lead loaded on the caller's thread
 * while the workers load and extract the rest; with one worker and with
 * two, the same exports and index as one thread's. */
static void test_caller_and_workers_load_together(void **state)
{
    (void)state;
    struct pipeline one;
    assert_true(open_with(&one, 1));
    for (unsigned threads = 1; threads <= 2; threads++) {
        struct pipeline_options opt = {
            .threads = threads, .background = true, .lead = STREAM_MAX_LEAD};
        struct pipeline bg;
        assert_true(start_copies(&bg, &opt));
        struct timespec nap = {0, 100 * 1000};
        while (pipeline_loading(&bg)) {
            if (!pipeline_take(&bg, 3) && !pipeline_load_ahead(&bg))
                nanosleep(&nap, NULL);
            assert_true(bg.index.narticles <= bg.corpus.narticles);
        }
        assert_same_exports(&one, &bg);
        assert_same_index(&one.index, &bg.index);
        pipeline_close(&bg);
    }
    pipeline_close(&one);
}

/* The reader's cold start: a background load with first_workers 1 starts
 * one worker, and the others at pipeline_release_workers (its first screen
 * drawn); a warm one (the cache has records) starts them all at once. The
 * exports and the index are one thread's either way. */
static void test_workers_held_back_until_released(void **state)
{
    (void)state;
    char dir[] = "/tmp/touchline-pipeline-first-XXXXXX";
    assert_non_null(mkdtemp(dir));
    struct pipeline one;
    assert_true(open_with(&one, 1));
    for (int warm = 0; warm < 2; warm++) {
        struct pipeline_options opt = {
            .threads = 4, .background = true, .cache_dir = dir, .first_workers = 1};
        struct pipeline bg;
        assert_true(start_copies(&bg, &opt));
        assert_non_null(bg.stream);
        assert_int_equal(stream_workers(bg.stream), warm ? 4 : 1);
        pipeline_release_workers(&bg);
        assert_int_equal(stream_workers(bg.stream), 4);
        pipeline_release_workers(&bg); /* again: nothing more */
        assert_int_equal(stream_workers(bg.stream), 4);
        take_slowly(&bg);
        assert_int_equal(bg.cache_hits, warm ? bg.corpus.narticles : 0);
        assert_same_exports(&one, &bg);
        assert_same_index(&one.index, &bg.index);
        pipeline_close(&bg);
    }
    pipeline_close(&one);
    remove_dir(dir);
}

static void test_more_threads_than_articles(void **state)
{
    (void)state;
    struct pipeline p;
    char *paths[] = {samples};
    struct pipeline_options opt = {.threads = 200};
    struct tl_error err;
    assert_true(pipeline_open(&p, paths, 1, &opt, &err));
    assert_true(p.index.nentities > 0);
    pipeline_close(&p);
}

/* "The defender ... won 58 caps" with no person named: subject_person's
 * fallback without the player preference turned it back on, for ever. */
static void test_role_opening_without_person(void **state)
{
    (void)state;
    char path[] = "/tmp/touchline-pipeline-XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("Title line\n\nThe defender has made 198 appearances for Guarani and won 58 caps.\n", f);
    fclose(f);
    char *paths[] = {path};
    struct pipeline p;
    struct tl_error err;
    assert_true(pipeline_open(&p, paths, 1, NULL, &err));
    assert_int_equal(p.corpus.narticles, 1);
    assert_true(p.index.x[0].nfacts > 0);
    pipeline_close(&p);
    unlink(path);
}

int main(void)
{
    const char *src = getenv("TOUCHLINE_SOURCE_DIR");
    snprintf(samples, sizeof samples, "%s/samples", src ? src : ".");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_four_threads_match_one),
        cmocka_unit_test(test_one_per_core_matches_one),
        cmocka_unit_test(test_workers_held_back_until_released),
        cmocka_unit_test(test_more_threads_than_articles),
        cmocka_unit_test(test_background_load_matches_one),
        cmocka_unit_test(test_lead_loads_before_extracting),
        cmocka_unit_test(test_finish_releases_held_workers),
        cmocka_unit_test(test_caller_loads_ahead),
        cmocka_unit_test(test_caller_and_workers_load_together),
        cmocka_unit_test(test_background_load_with_cache),
        cmocka_unit_test(test_unchanged_file_not_read),
        cmocka_unit_test(test_file_replaced_by_link),
        cmocka_unit_test(test_close_while_loading),
        cmocka_unit_test(test_wake_fd_when_all_done),
        cmocka_unit_test(test_role_opening_without_person),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
