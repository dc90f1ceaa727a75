/* test_cache_lend: a cold load's article bodies move to the cache file being
 * written. Once a stored record is written out (past 4 MiB of new records),
 * cache_lend gives its body text from a mapping of the temp file, equal to
 * the article's copy; not before, and not for other text. The lent text
 * stays readable across the save (the rename), cache_trim and a failed
 * save. Through the pipeline, a cold load with a cache ends with most
 * bodies borrowed (body_borrowed) and every body, export and index the
 * same as a load without a cache; a background load whose text is held
 * (a search reads the articles) borrows none. CI runs this under the
 * sanitizers, ThreadSanitizer included. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "cache_helpers.h"
#include "core/base/buf.h"
#include "core/cache/cache.h"
#include "core/index/export.h"
#include "core/load/boilerplate.h"
#include "core/load/corpus.h"
#include "core/pipeline/pipeline.h"
#include "pipeline_helpers.h"

/* Files big enough that their records pass the 4 MiB written out at once
 * (about 17 of them), not twice over. */
enum { NFILES = 24, BODY_BYTES = 240 * 1024 };
static const uint64_t KEY = 0x1e9d;

static char dir[] = "/tmp/touchline-lend-XXXXXX";
static char in[sizeof dir + 4];

/* Writes article i (a title and BODY_BYTES of plain sentences) with an
 * old mtime, so that a load caches it. */
static void write_article(const char *path, size_t i)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fprintf(f, "---\ntitle: Report %zu\n---\n", i);
    size_t n = 0;
    for (size_t k = 0; n < BODY_BYTES; k++)
        n += (size_t)fprintf(f, "Paragraph %zu of report %zu says very little.\n\n", k, i);
    fclose(f);
    struct timespec t[2] = {{1500000000, 0}, {1500000000, 0}};
    assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
}

static void path_of(char *out, size_t cap, size_t i)
{
    snprintf(out, cap, "%s/a%03zu.md", in, i);
}

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    snprintf(in, sizeof in, "%s/in", dir);
    if (mkdir(in, 0700) != 0)
        return -1;
    for (size_t i = 0; i < NFILES; i++) {
        char path[256];
        path_of(path, sizeof path, i);
        write_article(path, i);
    }
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    return system(cmd) == 0 ? 0 : -1;
}

/* Removes the cache files, so that the next load is cold. */
static void clear_cache(void)
{
    char cmd[160];
    snprintf(cmd, sizeof cmd, "rm -f '%s'/*.cache*", dir);
    assert_int_equal(system(cmd), 0);
}

/* Stores every article's record: a store either writes out every record
 * so far, whose texts are then lent (equal to the copies), or its record
 * waits and is not lent; the first text is lent from one place, and
 * borrowed from then on. */
static void test_lend_after_spill(void **state)
{
    (void)state;
    clear_cache();
    const char *roots[] = {in};
    struct cache *c = cache_open(dir, roots, 1, KEY);
    assert_non_null(c);
    struct boilerplate *bp = boilerplate_new();
    struct loaded l[NFILES];
    uint64_t at[NFILES];
    struct extraction x;
    cache_synth(&x, 1, 1);
    struct buf b;
    buf_init(&b);
    bool later;
    const char *lent = NULL;
    size_t nwritten = 0; /* the records known to be written out */
    for (size_t i = 0; i < NFILES; i++) {
        char path[256];
        path_of(path, sizeof path, i);
        corpus_load_file(path, bp, CORPUS_MAX_FILE_SIZE, &l[i]);
        assert_non_null(l[i].article);
        buf_reset(&b);
        size_t text_at;
        assert_true(cache_encode(&b, path, l[i].size, l[i].mtime_ns, &x, &l[i], &text_at));
        assert_true(text_at > 0);
        assert_memory_equal(b.data + text_at, l[i].article->body, l[i].article->body_len);
        at[i] = cache_store_encoded(c, path, l[i].size, l[i].mtime_ns, b.data, b.len, text_at);
        assert_true(at[i] > 0);
        const struct article *a = l[i].article;
        const char *mine = cache_lend(c, at[i], a->body, a->body_len, &later);
        assert_true(!mine == later); /* not written yet: ask again later */
        if (mine) {
            assert_true(mine != a->body);
            assert_memory_equal(mine, a->body, a->body_len + 1);
            for (size_t j = nwritten; j < i; j++)
                assert_non_null(
                    cache_lend(c, at[j], l[j].article->body, l[j].article->body_len, &later));
            nwritten = i + 1;
        }
        const char *p = cache_lend(c, at[0], l[0].article->body, l[0].article->body_len, &later);
        assert_true(!p == !nwritten);
        assert_true(!lent || p == lent);
        lent = p;
    }
    assert_true(nwritten > 1 && nwritten < NFILES);
    cache_lend_done(c);
    /* Another text, or the right one a byte short, is not lent. */
    char *other = xstrdup(l[1].article->body);
    other[10] ^= 1;
    assert_null(cache_lend(c, at[1], other, l[1].article->body_len, &later));
    assert_false(later); /* never */
    assert_null(cache_lend(c, at[1], l[1].article->body, l[1].article->body_len - 1, &later));
    assert_false(later);
    free(other);
    /* The first article borrows its text from the mapping. */
    char *copy = l[0].article->body;
    l[0].article->body = (char *)lent;
    l[0].article->body_borrowed = true;
    assert_string_equal(l[0].article->body, copy);
    struct tl_error err;
    assert_true(cache_save(c, &err));
    assert_string_equal(l[0].article->body, copy); /* the file renamed */
    /* The save wrote out the last records too. */
    const struct article *last = l[NFILES - 1].article;
    assert_non_null(cache_lend(c, at[NFILES - 1], last->body, last->body_len, &later));
    cache_trim(c);
    assert_string_equal(l[0].article->body, copy);
    /* The file saved reads back: the same article. */
    const char *roots2[] = {in};
    struct cache *again = cache_open(dir, roots2, 1, KEY);
    struct loaded got;
    struct extraction y;
    char path[256];
    path_of(path, sizeof path, 0);
    assert_true(cache_lookup_loaded(again, path, l[0].size, l[0].mtime_ns, &got, &y));
    assert_string_equal(got.article->body, copy);
    loaded_free(&got);
    extraction_free(&y);
    cache_free(again);
    free(copy);
    for (size_t i = 0; i < NFILES; i++)
        loaded_free(&l[i]);
    cache_free(c);
    extraction_free(&x);
    buf_free(&b);
    boilerplate_free(bp);
}

/* Records written out and never saved (a load closed halfway): the temp
 * file is removed, and the text lent from it still reads until cache_free. */
static void test_lent_text_outlives_unsaved_file(void **state)
{
    (void)state;
    clear_cache();
    const char *roots[] = {in};
    struct cache *c = cache_open(dir, roots, 1, KEY);
    struct boilerplate *bp = boilerplate_new();
    struct extraction x;
    cache_synth(&x, 2, 2);
    struct buf b;
    buf_init(&b);
    struct loaded first = {0};
    uint64_t first_at = 0;
    bool later;
    const char *lent = NULL;
    for (size_t i = 0; i < NFILES && !lent; i++) {
        char path[256];
        path_of(path, sizeof path, i);
        struct loaded l;
        corpus_load_file(path, bp, CORPUS_MAX_FILE_SIZE, &l);
        buf_reset(&b);
        size_t text_at;
        assert_true(cache_encode(&b, path, l.size, l.mtime_ns, &x, &l, &text_at));
        uint64_t at = cache_store_encoded(c, path, l.size, l.mtime_ns, b.data, b.len, text_at);
        if (i == 0) {
            first = l;
            first_at = at;
        } else {
            loaded_free(&l);
        }
        lent = cache_lend(c, first_at, first.article->body, first.article->body_len, &later);
    }
    assert_non_null(lent);
    cache_trim(c); /* removes the temp file */
    char cmd[200];
    snprintf(cmd, sizeof cmd, "ls '%s' | grep -q tmp", dir);
    assert_int_not_equal(system(cmd), 0);
    assert_memory_equal(lent, first.article->body, first.article->body_len + 1);
    loaded_free(&first);
    cache_free(c);
    extraction_free(&x);
    buf_free(&b);
    boilerplate_free(bp);
}

static size_t count_borrowed(const struct pipeline *p)
{
    size_t n = 0;
    for (size_t i = 0; i < p->corpus.narticles; i++)
        n += p->corpus.articles[i]->body_borrowed;
    return n;
}

/* Every article's body, export and the index as in a load without a cache. */
static void assert_same_load(const struct pipeline *a, const struct pipeline *b)
{
    assert_int_equal(a->corpus.narticles, b->corpus.narticles);
    for (size_t i = 0; i < a->corpus.narticles; i++) {
        const struct article *x = a->corpus.articles[i], *y = b->corpus.articles[i];
        assert_int_equal(x->body_len, y->body_len);
        assert_string_equal(x->body, y->body);
    }
    assert_same_exports(a, b);
    assert_int_equal(a->index.nentities, b->index.nentities);
}

/* A cold load with a cache, in one call then in the background: the
 * bodies of the records written out during the load are borrowed, the rest
 * keep their copies, and all read as without a cache; the warm load after
 * borrows every one. */
static void test_pipeline_borrows_written_text(void **state)
{
    (void)state;
    char *paths[] = {in};
    struct pipeline plain;
    struct tl_error err;
    struct pipeline_options none = {.threads = 2};
    assert_true(pipeline_open(&plain, paths, 1, &none, &err));
    assert_int_equal(plain.corpus.narticles, NFILES);
    assert_int_equal(count_borrowed(&plain), 0);
    for (int round = 0; round < 3; round++) {
        if (round < 2)
            clear_cache();
        struct pipeline_options opt = {.threads = 2, .background = round == 1, .cache_dir = dir};
        struct pipeline p;
        assert_true(pipeline_start(&p, paths, 1, &opt, &err));
        while (pipeline_loading(&p))
            if (!pipeline_take(&p, 3))
                nanosleep(&(struct timespec){0, 200 * 1000}, NULL);
        size_t borrowed = count_borrowed(&p);
        if (round < 2) /* the records written out before the last ones */
            assert_true(borrowed > NFILES / 2 && borrowed < NFILES);
        else
            assert_int_equal(borrowed, NFILES);
        assert_null(pipeline_warning(&p));
        assert_same_load(&plain, &p);
        pipeline_close(&p);
    }
    pipeline_close(&plain);
}

/* While the text is held, no body moves; released, the next take moves
 * those written out. */
static void test_held_text_stays(void **state)
{
    (void)state;
    clear_cache();
    char *paths[] = {in};
    struct pipeline_options opt = {.threads = 2, .background = true, .cache_dir = dir};
    struct pipeline p;
    struct tl_error err;
    assert_true(pipeline_start(&p, paths, 1, &opt, &err));
    pipeline_hold_text(&p, true);
    while (pipeline_loading(&p) && p.taken < NFILES - 1)
        if (!pipeline_take(&p, 1))
            nanosleep(&(struct timespec){0, 200 * 1000}, NULL);
    assert_int_equal(count_borrowed(&p), 0);
    pipeline_hold_text(&p, false);
    while (pipeline_loading(&p))
        if (!pipeline_take(&p, 1))
            nanosleep(&(struct timespec){0, 200 * 1000}, NULL);
    assert_true(count_borrowed(&p) > NFILES / 2);
    assert_null(pipeline_warning(&p));
    pipeline_close(&p);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_lend_after_spill),
        cmocka_unit_test(test_lent_text_outlives_unsaved_file),
        cmocka_unit_test(test_pipeline_borrows_written_text),
        cmocka_unit_test(test_held_text_stays),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
