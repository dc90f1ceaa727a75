/* test_stored_index: the finished entity index stored next to the cache
 * (index_image.c, cache_image.c) and taken back on a warm start. An image
 * read back is the same index, query for query and export for export, also
 * once copied out for more articles; a truncated, wrongly keyed or corrupt
 * image (an offset or a reference out of range, any word overwritten) is
 * refused or read safely; through the pipeline, a warm start with every file
 * unchanged takes the stored index, and a changed file, another path set or
 * a damaged index file falls back to building it, with the same results.
 * The image's memory is given back once checked and as articles are
 * attached, and reads the same afterwards. Extractions attached for later
 * (a warm start leaves them in their cache records) are decoded on first
 * use, the same index; one whose bytes went bad meanwhile is a stand-in
 * with the image's counts. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <fcntl.h>
#include <glob.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/cache/cache.h"
#include "core/cache/cache_image.h"
#include "core/index/export.h"
#include "core/index/index_image.h"
#include "core/pipeline/pipeline.h"
#include "core/pipeline/pipeline_cache.h"
#include "core/pipeline/stream.h"
#include "warm_dir.h"

static char samples[1024];

static void open_paths(struct pipeline *p, char **paths, size_t n, const char *cache)
{
    struct pipeline_options opt = {.threads = 2, .cache_dir = cache};
    struct tl_error err;
    assert_true(pipeline_open(p, paths, n, &opt, &err));
}

static void open_samples(struct pipeline *p)
{
    char *paths[] = {samples, samples};
    open_paths(p, paths, 2, NULL);
}

/* Every article's JSON export of a and b, compared. */
static void assert_same_exports(const struct index *a, const struct index *b)
{
    assert_int_equal(a->narticles, b->narticles);
    struct buf ja, jb;
    buf_init(&ja);
    buf_init(&jb);
    for (size_t i = 0; i < a->narticles; i++) {
        buf_reset(&ja);
        buf_reset(&jb);
        export_article_json(&ja, a, i, false);
        export_article_json(&jb, b, i, false);
        assert_string_equal(ja.data, jb.data);
    }
    buf_free(&ja);
    buf_free(&jb);
}

static void assert_same_entity(const struct index_entity *a, const struct index_entity *b)
{
    assert_string_equal(a->id, b->id);
    assert_string_equal(a->name, b->name);
    assert_int_equal(a->hash, b->hash);
    assert_int_equal(a->kind, b->kind);
    assert_int_equal(a->role, b->role);
    assert_int_equal(a->same_as, b->same_as);
    assert_int_equal(a->npostings, b->npostings);
    for (size_t k = 0; k < a->npostings; k++) {
        assert_int_equal(a->postings[k].article, b->postings[k].article);
        assert_int_equal(a->postings[k].mention, b->postings[k].mention);
    }
    assert_int_equal(a->narticles, b->narticles);
    if (a->narticles)
        assert_memory_equal(a->articles, b->articles, a->narticles * sizeof *a->articles);
    assert_int_equal(a->nforms, b->nforms);
    for (size_t f = 0; f < a->nforms; f++)
        assert_string_equal(a->forms[f], b->forms[f]);
}

/* The whole index, and the queries the views make of it. */
static void assert_same_index(const struct index *a, const struct index *b)
{
    assert_int_equal(a->nentities, b->nentities);
    for (size_t i = 0; i < a->nentities; i++)
        assert_same_entity(&a->entities[i], &b->entities[i]);
    for (size_t i = 0; i < a->narticles; i++)
        for (size_t l = 0; l < a->x[i].nentities; l++)
            assert_int_equal(index_global(a, i, l), index_global(b, i, l));
    const char *names[] = {"Kane", "Arsenal", "Rice", "Chelsea", "Bellingham", "nobody at all"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        assert_int_equal(index_resolve(a, names[i], -1), index_resolve(b, names[i], -1));
        int pa[8], pb[8];
        size_t na = index_people_named(a, names[i], pa, 8),
               nb = index_people_named(b, names[i], pb, 8);
        assert_int_equal(na, nb);
        for (size_t k = 0; k < na && k < 8; k++)
            assert_int_equal(pa[k], pb[k]);
        int sa[16], sb[16];
        size_t ka = index_search(a, -1, names[i], sa, 16),
               kb = index_search(b, -1, names[i], sb, 16);
        assert_int_equal(ka, kb);
        for (size_t k = 0; k < ka; k++)
            assert_int_equal(sa[k], sb[k]);
    }
    assert_same_exports(a, b);
}

/* The image of p's index (key 7), at an 8-byte aligned address. */
static unsigned char *image_of(const struct pipeline *p, size_t *len)
{
    size_t n = p->corpus.narticles;
    struct index_image_file *files = calloc(n ? n : 1, sizeof *files);
    for (size_t i = 0; i < n; i++)
        files[i] = (struct index_image_file){p->corpus.articles[i]->path, 100 + i, 5 * (int64_t)i};
    struct buf b;
    buf_init(&b);
    assert_true(index_image_encode(&p->index, files, 7, &b));
    free(files);
    *len = b.len;
    return (unsigned char *)buf_detach(&b, NULL);
}

/* Whether x's mentions fit article a (extraction_fits_article). */
static bool fits(const struct extraction *x, const struct article *a)
{
    return extraction_fits_article(x, strlen(a->title), a->body_len);
}

/* Moves src's extractions into a loaded image (src's index keeps none). */
static void attach_all(struct index *ix, struct pipeline *src)
{
    ix->corpus = &src->corpus;
    for (size_t i = 0; i < src->index.narticles; i++) {
        struct extraction *x = &src->index.x[i];
        assert_true(fits(x, src->corpus.articles[i]));
        assert_true(index_image_attach(ix, i, x, true));
    }
    assert_true(index_image_check_spans(ix));
}

/* A text one byte shorter than a posting's end (in the title, or the body)
 * is one its article's extraction does not fit; as it was, it fits again. */
static void assert_spans_checked(struct index *ix, struct corpus *c, bool in_title)
{
    struct place at = {0}, *p = NULL;
    for (size_t e = 0; e < ix->nentities && !p; e++) {
        for (size_t i = 0; i < ix->entities[e].npostings && !p; i++) {
            at = index_place(ix, &ix->entities[e].postings[i]);
            if (at.in_title == in_title && at.end)
                p = &at;
        }
    }
    assert_non_null(p);
    struct article *a = c->articles[p->article];
    const struct extraction *x = &ix->x[p->article];
    if (in_title) {
        char was = a->title[p->end - 1];
        a->title[p->end - 1] = '\0';
        assert_false(fits(x, a));
        a->title[p->end - 1] = was;
    } else {
        size_t was = a->body_len;
        a->body_len = p->end - 1;
        assert_false(fits(x, a));
        a->body_len = was;
    }
    assert_true(fits(x, a));
}

static void test_image_reads_back_the_same_index(void **state)
{
    (void)state;
    struct pipeline ref, src;
    open_samples(&ref);
    open_samples(&src);
    size_t len;
    unsigned char *image = image_of(&ref, &len);
    struct index ix;
    assert_true(index_image_load(&ix, image, len, 7, (struct index_image_owner){NULL, NULL, NULL}));
    assert_int_equal(index_image_articles(&ix), ref.corpus.narticles);
    struct index_image_file f = index_image_file(&ix, 3);
    assert_string_equal(f.path, ref.corpus.articles[3]->path);
    assert_int_equal(f.size, 103);
    assert_int_equal(f.mtime_ns, 15);
    attach_all(&ix, &src);
    assert_same_index(&ref.index, &ix);
    assert_spans_checked(&ix, &src.corpus, false);
    assert_spans_checked(&ix, &src.corpus, true);
    /* Copied out (index_add does it first), the image may go. */
    index_image_unshare(&ix);
    memset(image, 0xa5, len);
    assert_null(ix.stored);
    assert_same_index(&ref.index, &ix);
    index_free(&ix);
    free(image);
    pipeline_close(&ref);
    pipeline_close(&src);
}

/* An extraction attached with one mention fewer than the image recorded
 * (its postings refer to mentions by number): the span check fails. */
static void test_attached_mentions_are_counted(void **state)
{
    (void)state;
    struct pipeline ref, src;
    open_samples(&ref);
    open_samples(&src);
    size_t len;
    unsigned char *image = image_of(&ref, &len);
    struct index ix;
    assert_true(index_image_load(&ix, image, len, 7, (struct index_image_owner){NULL, NULL, NULL}));
    ix.corpus = &src.corpus;
    size_t cut = SIZE_MAX;
    for (size_t i = 0; i < src.index.narticles; i++) {
        struct extraction *x = &src.index.x[i];
        if (cut == SIZE_MAX && x->nentities && x->entities[0].nmentions > 1) {
            cut = i;
            x->entities[0].nmentions--;
        }
        assert_true(index_image_attach(&ix, i, x, true));
    }
    assert_true(cut != SIZE_MAX);
    assert_false(index_image_check_spans(&ix));
    ix.x[cut].entities[0].nmentions++; /* as it was: freed as allocated */
    index_free(&ix);
    free(image);
    pipeline_close(&ref);
    pipeline_close(&src);
}

/* One extraction attached as not fitting its article (found where it was
 * made, however early): the check fails at the end, after every other
 * article fitted; all attached as fitting, it passes. */
static void test_attached_as_not_fitting_fails_the_check(void **state)
{
    (void)state;
    struct pipeline ref;
    open_samples(&ref);
    size_t len;
    unsigned char *image = image_of(&ref, &len);
    for (size_t bad = 0; bad < 3; bad++) { /* the first, one in the middle, none */
        struct pipeline src;
        open_samples(&src);
        size_t n = src.index.narticles, unfit = bad == 0 ? 0 : bad == 1 ? n / 2 : SIZE_MAX;
        struct index ix;
        assert_true(
            index_image_load(&ix, image, len, 7, (struct index_image_owner){NULL, NULL, NULL}));
        ix.corpus = &src.corpus;
        for (size_t i = 0; i < n; i++)
            assert_true(index_image_attach(&ix, i, &src.index.x[i], i != unfit));
        assert_int_equal(index_image_check_spans(&ix), unfit == SIZE_MAX);
        index_free(&ix);
        pipeline_close(&src);
    }
    free(image);
    pipeline_close(&ref);
}

/* A decoder of extractions attached for later whose bytes are the test's
 * own extraction: it moves it out (each is decoded once). */
static bool move_decode(const void *start, size_t len, struct extraction *out)
{
    (void)len;
    struct extraction *x = (struct extraction *)(uintptr_t)start; /* the test's own */
    *out = *x;
    memset(x, 0, sizeof *x);
    return true;
}

/* A decoder for bytes that no longer make a record. */
static bool failed_decode(const void *start, size_t len, struct extraction *out)
{
    (void)start;
    (void)len;
    memset(out, 0, sizeof *out);
    return false;
}

static uint64_t mention_count(const struct extraction *x)
{
    uint64_t n = 0;
    for (size_t l = 0; l < x->nentities; l++)
        n += x->entities[l].nmentions;
    return n;
}

/* Attaches every article of src to ix for later, with `decode`. */
static void attach_all_later(struct index *ix, struct pipeline *src, index_image_decode decode)
{
    ix->corpus = &src->corpus;
    for (size_t i = 0; i < src->index.narticles; i++) {
        struct extraction *x = &src->index.x[i];
        assert_false(index_image_attach_later(ix, i, x->nentities + 1, mention_count(x), true, x,
                                              sizeof *x, decode)); /* not the image's count */
        assert_true(index_image_attach_later(ix, i, x->nentities, mention_count(x), true, x,
                                             sizeof *x, decode));
        assert_true(index_image_later(ix, i));
    }
}

/* Extractions attached for later (a warm start leaves them in their cache
 * records) are not decoded to attach, nor by the span check or the global
 * maps; the first use (index_extraction, an export, a query) decodes
 * each, the same index as one attached decoded; copying the index out
 * decodes those left. Another count of mentions, or mentions that did not
 * fit, fail the span check as they do attached decoded. */
static void test_attached_for_later_decoded_on_first_use(void **state)
{
    (void)state;
    struct pipeline ref;
    open_samples(&ref);
    size_t len, n = ref.index.narticles;
    unsigned char *image = image_of(&ref, &len);
    for (int unshare = 0; unshare < 2; unshare++) {
        struct pipeline src;
        open_samples(&src);
        struct index ix;
        assert_true(
            index_image_load(&ix, image, len, 7, (struct index_image_owner){NULL, NULL, NULL}));
        attach_all_later(&ix, &src, move_decode);
        assert_true(index_image_check_spans(&ix));
        for (size_t i = 0; i < n; i++)
            for (size_t l = 0; l <= ref.index.x[i].nentities; l++)
                assert_int_equal(index_global(&ix, i, l), index_global(&ref.index, i, l));
        for (size_t i = 0; i < n; i++)
            assert_true(index_image_later(&ix, i)); /* none decoded yet */
        assert_int_equal(index_extraction(&ix, 1)->nentities, ref.index.x[1].nentities);
        assert_false(index_image_later(&ix, 1));
        assert_true(index_image_later(&ix, 2));
        if (unshare) {
            index_image_unshare(&ix);
            memset(image, 0xa5, len);
            free(image);
            image = image_of(&ref, &len);
        }
        for (size_t i = 0; i < n; i++)
            assert_int_equal(index_image_later(&ix, i), !unshare && i != 1);
        assert_same_index(&ref.index, &ix);
        index_free(&ix);
        pipeline_close(&src);
    }
    for (int unfit = 0; unfit < 2; unfit++) {
        struct pipeline src;
        open_samples(&src);
        struct index ix;
        assert_true(
            index_image_load(&ix, image, len, 7, (struct index_image_owner){NULL, NULL, NULL}));
        ix.corpus = &src.corpus;
        for (size_t i = 0; i < n; i++) {
            struct extraction *x = &src.index.x[i];
            bool bad = i == n / 2;
            assert_true(index_image_attach_later(&ix, i, x->nentities,
                                                 mention_count(x) + (bad && !unfit),
                                                 !(bad && unfit), x, sizeof *x, move_decode));
        }
        assert_false(index_image_check_spans(&ix));
        index_free(&ix); /* frees the ones never decoded too (ASan) */
        pipeline_close(&src);
    }
    free(image);
    pipeline_close(&ref);
}

/* A record that turns bad between the load and its first use (its file
 * written over under the mapping) decodes to a stand-in with the image's
 * counts: the entities the article's were interned as, as many mentions
 * (empty, at the body's start), no facts; every posting then places
 * within it, exports and queries run, and copying out works. */
static void test_record_bad_at_first_use_gets_a_stand_in(void **state)
{
    (void)state;
    struct pipeline ref, src;
    open_samples(&ref);
    open_samples(&src);
    size_t len, n = ref.index.narticles;
    unsigned char *image = image_of(&ref, &len);
    struct index ix;
    assert_true(index_image_load(&ix, image, len, 7, (struct index_image_owner){NULL, NULL, NULL}));
    attach_all_later(&ix, &src, failed_decode);
    assert_true(index_image_check_spans(&ix));
    size_t with_mentions = 0;
    for (size_t i = 0; i < n; i++) {
        const struct extraction *x = index_extraction(&ix, i), *want = &ref.index.x[i];
        assert_int_equal(x->nentities, want->nentities);
        assert_int_equal(mention_count(x), mention_count(want));
        assert_int_equal(x->nfacts, 0);
        for (size_t l = 0; l < x->nentities; l++) {
            assert_string_equal(x->entities[l].id, want->entities[l].id);
            assert_int_equal(x->entities[l].kind, want->entities[l].kind);
        }
        with_mentions += mention_count(x) > 0;
    }
    assert_true(with_mentions > 0);
    for (size_t e = 0; e < ix.nentities; e++)
        for (size_t k = 0; k < ix.entities[e].npostings; k++) {
            struct place at = index_place(&ix, &ix.entities[e].postings[k]);
            assert_int_equal(at.start, 0);
            assert_int_equal(at.end, 0);
            assert_true(index_posting_local(&ix, &ix.entities[e].postings[k]) <
                        ix.x[at.article].nentities);
        }
    struct buf b;
    buf_init(&b);
    for (size_t i = 0; i < n; i++)
        export_article_json(&b, &ix, i, false);
    buf_free(&b);
    assert_int_equal(index_resolve(&ix, "Arsenal", -1), index_resolve(&ref.index, "Arsenal", -1));
    index_image_unshare(&ix);
    assert_null(ix.stored);
    index_free(&ix);
    free(image);
    pipeline_close(&src);
    pipeline_close(&ref);
}

/* What an owner was asked to give back. */
struct drops {
    const unsigned char *image;
    size_t len, calls, whole, outside;
    const unsigned char *lowest; /* the lowest byte given back but the whole */
};

static void record_drop(void *ctx, const void *p, size_t len)
{
    struct drops *d = ctx;
    const unsigned char *at = p;
    d->calls++;
    d->whole += at == d->image && len == d->len;
    d->outside += at < d->image || at + len > d->image + d->len;
    if (!(at == d->image && len == d->len) && (!d->lowest || at < d->lowest))
        d->lowest = at;
}

/* An owner that can give memory back is asked to once the image is checked
 * (all of it), then for the part each run of attached articles read, and
 * the index reads the same afterwards. */
static void test_image_given_back_as_it_is_used(void **state)
{
    (void)state;
    char *paths[40];
    for (size_t i = 0; i < 40; i++)
        paths[i] = samples;
    struct pipeline ref, src;
    open_paths(&ref, paths, 40, NULL);
    open_paths(&src, paths, 40, NULL);
    size_t n = ref.index.narticles, len;
    assert_true(n >= 1024); /* one run of attached articles at least */
    unsigned char *image = image_of(&ref, &len);
    struct drops d = {.image = image, .len = len};
    struct index ix;
    assert_true(
        index_image_load(&ix, image, len, 7, (struct index_image_owner){NULL, &d, record_drop}));
    assert_int_equal(d.calls, 1);
    assert_int_equal(d.whole, 1);
    ix.corpus = &src.corpus;
    for (size_t i = 0; i < n; i++)
        assert_true(index_image_attach(&ix, i, &src.index.x[i], true));
    assert_int_equal(d.calls, 1 + 2 * (n / 1024));
    assert_int_equal(d.outside, 0);
    assert_true(index_image_check_spans(&ix));
    assert_same_index(&ref.index, &ix);
    index_free(&ix);
    free(image);
    pipeline_close(&ref);
    pipeline_close(&src);
}

/* The lowest byte of the image given back while attaching the articles of
 * src in two runs, [first, n) then [0, first). */
static const unsigned char *lowest_given_back(const unsigned char *image, size_t len,
                                              struct pipeline *src, size_t first)
{
    struct drops d = {.image = image, .len = len};
    struct index ix;
    assert_true(
        index_image_load(&ix, image, len, 7, (struct index_image_owner){NULL, &d, record_drop}));
    ix.corpus = &src->corpus;
    size_t n = src->index.narticles;
    for (size_t k = 0; k < n; k++) {
        size_t i = (first + k) % n;
        assert_true(index_image_attach(&ix, i, &src->index.x[i], true));
    }
    assert_true(index_image_check_spans(&ix));
    assert_int_equal(d.outside, 0);
    index_free(&ix);
    return d.lowest;
}

/* A load that attaches the first articles last (the reader's first screen,
 * built as usual, goes into the stored index once the load completes):
 * what they read of the image is not given back when a later article
 * closes the run they are in, only what those attached since read. */
static void test_first_articles_not_given_back_before_they_attach(void **state)
{
    (void)state;
    char *paths[40];
    for (size_t i = 0; i < 40; i++)
        paths[i] = samples;
    struct pipeline ref, src;
    open_paths(&ref, paths, 40, NULL);
    assert_true(ref.index.narticles >= 1024);
    size_t len;
    unsigned char *image = image_of(&ref, &len);
    open_paths(&src, paths, 40, NULL);
    const unsigned char *from_start = lowest_given_back(image, len, &src, 0);
    pipeline_close(&src);
    open_paths(&src, paths, 40, NULL);
    const unsigned char *prefix_last = lowest_given_back(image, len, &src, 128);
    pipeline_close(&src);
    assert_non_null(from_start);
    assert_non_null(prefix_last);
    assert_true(prefix_last > from_start);
    free(image);
    pipeline_close(&ref);
}

/* Whether an image loads (freed again when it does). */
static bool loads(const unsigned char *image, size_t len, uint64_t key)
{
    struct index ix;
    if (!index_image_load(&ix, image, len, key, (struct index_image_owner){NULL, NULL, NULL}))
        return false;
    index_free(&ix);
    return true;
}

/* The header's fields, as index_image.c lays them out. */
enum { AT_LEN = 24, AT_NARTICLES = 32, AT_ENTITIES_OFFSET = 88, AT_POSTINGS_OFFSET = 104 };

static uint64_t get64(const unsigned char *p, size_t at)
{
    uint64_t v;
    memcpy(&v, p + at, 8);
    return v;
}

static void put64(unsigned char *p, size_t at, uint64_t v)
{
    memcpy(p + at, &v, 8);
}

static void test_image_refused_when_short_foreign_or_out_of_range(void **state)
{
    (void)state;
    struct pipeline ref;
    open_samples(&ref);
    size_t len;
    unsigned char *image = image_of(&ref, &len);
    assert_true(loads(image, len, 7));
    assert_int_equal(get64(image, AT_LEN), len);
    assert_int_equal(get64(image, AT_NARTICLES), ref.corpus.narticles);
    assert_false(loads(image, len, 8)); /* another extractor */
    size_t cuts[] = {0, 8, 100, len / 2, len - 8};
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++) /* truncated */
        assert_false(loads(image, cuts[i], 7));
    unsigned char *copy = malloc(len + 8);
    memcpy(copy, image, len);
    /* Offsets out of range: a section past the end, an entity's first
     * posting past the postings, a posting's article past the articles. */
    put64(copy, AT_ENTITIES_OFFSET, len);
    assert_false(loads(copy, len, 7));
    memcpy(copy, image, len);
    uint64_t entities = get64(image, AT_ENTITIES_OFFSET);
    put64(copy, entities + 24, UINT64_MAX / 2);
    assert_false(loads(copy, len, 7));
    memcpy(copy, image, len);
    uint64_t postings = get64(image, AT_POSTINGS_OFFSET);
    uint32_t far = (uint32_t)ref.corpus.narticles;
    memcpy(copy + postings, &far, 4);
    assert_false(loads(copy, len, 7));
    /* A posting's mention past its article's mentions. */
    memcpy(copy, image, len);
    const struct posting *first = (const struct posting *)(image + postings);
    uint32_t past = 0;
    for (size_t l = 0; l < ref.index.x[first->article].nentities; l++)
        past += (uint32_t)ref.index.x[first->article].entities[l].nmentions;
    memcpy(copy + postings + 4, &past, 4);
    assert_false(loads(copy, len, 7));
    past--;
    memcpy(copy + postings + 4, &past, 4);
    assert_true(loads(copy, len, 7));
    /* Not 8-byte aligned. */
    memcpy(copy + 1, image, len);
    assert_false(loads(copy + 1, len, 7));
    free(copy);
    free(image);
    pipeline_close(&ref);
}

/* Any one word overwritten: refused, or read and queried without a fault
 * (ASan). */
static void test_image_with_any_word_overwritten(void **state)
{
    (void)state;
    struct pipeline ref;
    open_samples(&ref);
    size_t len;
    unsigned char *image = image_of(&ref, &len);
    unsigned char *copy = malloc(len);
    size_t tried = 0, accepted = 0, step = len / 8 > 3000 ? len / 8 / 3000 : 1;
    for (size_t w = 0; w < len / 8; w += (w < 64 ? 1 : step), tried++) {
        memcpy(copy, image, len);
        put64(copy, w * 8, w % 2 ? UINT64_MAX : 0x7fffffff);
        struct index ix;
        if (!index_image_load(&ix, copy, len, 7, (struct index_image_owner){NULL, NULL, NULL}))
            continue;
        accepted++;
        ix.corpus = &ref.corpus;
        int out[8];
        (void)index_search(&ix, -1, "a", out, 8);
        (void)index_resolve(&ix, "Kane", -1);
        (void)index_people_named(&ix, "Rice", out, 8);
        for (size_t e = 0; e < ix.nentities; e++) {
            struct posting_list pl = index_postings(&ix, index_canonical(&ix, (int)e));
            size_t count;
            (void)postings_in(&pl, 0, &count);
        }
        index_image_unshare(&ix);
        index_free(&ix);
    }
    assert_true(accepted < tried);
    free(copy);
    free(image);
    pipeline_close(&ref);
}

/* ---- through the pipeline and the cache folder ---- */

/* A warm or cold load of paths with the cache in dir, checked against a
 * load without the cache; returns whether it took the stored index. */
static bool load_and_compare(char **paths, size_t n, const char *dir)
{
    struct pipeline fresh, p;
    open_paths(&fresh, paths, n, NULL);
    open_paths(&p, paths, n, dir);
    assert_null(pipeline_warning(&p));
    bool stored = p.index_stored;
    if (stored)
        assert_int_equal(p.cache_hits, p.corpus.narticles);
    assert_int_equal(p.corpus.narticles, fresh.corpus.narticles);
    for (size_t i = 0; i < p.corpus.narticles; i++)
        assert_string_equal(p.corpus.articles[i]->title, fresh.corpus.articles[i]->title);
    assert_same_index(&fresh.index, &p.index);
    pipeline_close(&p);
    pipeline_close(&fresh);
    return stored;
}

static void index_file_do(const char *dir, const char *what)
{
    char cmd[20000];
    snprintf(cmd, sizeof cmd, "for f in '%s'/touchline-cache/*.cache.index; do %s \"$f\"; done",
             dir, what);
    warm_dir_run(cmd);
}

static void test_warm_start_takes_the_stored_index(void **state)
{
    (void)state;
    struct warm_dir w;
    warm_dir_make(&w, "stored", samples);
    const char *in = w.in, *cache = w.cache;
    char cmd[20000];
    char *paths[] = {w.in};
    assert_false(load_and_compare(paths, 1, cache)); /* cold: writes it */
    index_file_do(w.dir, "test -s");
    assert_true(load_and_compare(paths, 1, cache)); /* warm: takes it */
    assert_true(load_and_compare(paths, 1, cache)); /* and keeps it */
    /* One file changed: built as before (every other file a cache hit),
     * then stored again. */
    snprintf(cmd, sizeof cmd,
             "printf '\\nChelsea have signed Declan Rice from Arsenal for 50m pounds.\\n' >> "
             "'%s/arsenal-declan-rice-record.md' && touch -d '2024-02-01 12:00' "
             "'%s/arsenal-declan-rice-record.md'",
             in, in);
    warm_dir_run(cmd);
    assert_false(load_and_compare(paths, 1, cache));
    assert_true(load_and_compare(paths, 1, cache));
    /* A file removed, then one added: the same. */
    snprintf(cmd, sizeof cmd, "mv '%s/chelsea-appoint-pochettino.txt' '%s/'", in, w.dir);
    warm_dir_run(cmd);
    assert_false(load_and_compare(paths, 1, cache));
    assert_true(load_and_compare(paths, 1, cache));
    snprintf(cmd, sizeof cmd, "mv '%s/chelsea-appoint-pochettino.txt' '%s/zz-new.txt'", w.dir, in);
    warm_dir_run(cmd);
    assert_false(load_and_compare(paths, 1, cache));
    assert_true(load_and_compare(paths, 1, cache));
    /* Another set of paths for the same cache file is not this index. */
    char *twice[] = {w.in, w.in};
    assert_false(load_and_compare(twice, 2, cache));
    /* A truncated or damaged index file is not used, and is written again. */
    assert_true(load_and_compare(twice, 2, cache));
    index_file_do(w.dir, "truncate -s 1000");
    assert_false(load_and_compare(twice, 2, cache));
    assert_true(load_and_compare(twice, 2, cache));
    snprintf(cmd, sizeof cmd,
             "for f in '%s'/*.cache.index; do printf XXXXXXXX | "
             "dd conv=notrunc bs=1 seek=5000 status=none of=\"$f\"; done",
             cache);
    warm_dir_run(cmd); /* damaged past its header */
    assert_false(load_and_compare(twice, 2, cache));
    assert_true(load_and_compare(twice, 2, cache));
    warm_dir_remove(&w);
}

/* A warm start that takes the stored index leaves every hit's extraction
 * in its cache record: the list's marks come from the record
 * (pipeline_marks) without decoding it, and each is decoded on first use,
 * the same as a fresh load's. Then the cache file written over in place
 * under the mapping, before the extractions' first use: each is the same
 * as a fresh load's or a stand-in with the image's counts and no facts,
 * and at least one is a stand-in; nothing reads out of bounds (ASan). */
static void test_warm_start_decodes_on_first_use(void **state)
{
    (void)state;
    struct warm_dir w;
    warm_dir_make(&w, "stored-later", samples);
    char *paths[] = {w.in};
    assert_false(load_and_compare(paths, 1, w.cache)); /* cold: writes it */
    struct pipeline fresh;
    open_paths(&fresh, paths, 1, NULL);
    size_t n = fresh.index.narticles;
    for (int overwrite = 0; overwrite < 2; overwrite++) {
        /* The workers begin once the stored index is taken (on a busy
         * machine they may begin before: those hits are decoded). */
        struct pipeline p;
        struct pipeline_options opt = {.threads = 2, .cache_dir = w.cache};
        struct tl_error err;
        stream_hold_workers(true);
        assert_true(pipeline_start(&p, paths, 1, &opt, &err));
        stream_hold_workers(false);
        pipeline_finish(&p);
        assert_true(p.index_stored);
        assert_int_equal(p.cache_hits, n);
        for (size_t i = 0; i < n; i++) {
            assert_true(index_image_later(&p.index, i));
            struct article_marks got = pipeline_marks(&p, i),
                                 want = article_marks_of(&fresh.index.x[i]);
            assert_int_equal(got.nclubs, want.nclubs);
            assert_int_equal(got.money, want.money);
            assert_true(index_image_later(&p.index, i)); /* not decoded for them */
        }
        if (overwrite) {
            char cmd[4096];
            snprintf(cmd, sizeof cmd,
                     "for f in '%s'/*.cache; do s=$(stat -c %%s \"$f\"); head -c $((s / 2)) "
                     "/dev/zero | tr '\\0' 'Z' | dd conv=notrunc bs=1 seek=$((s / 4)) "
                     "status=none of=\"$f\"; done",
                     w.cache);
            warm_dir_run(cmd);
        }
        size_t stand_ins = 0;
        for (size_t i = 0; i < n; i++) {
            const struct extraction *x = pipeline_extraction(&p, i), *want = &fresh.index.x[i];
            assert_int_equal(x->nentities, want->nentities);
            assert_int_equal(mention_count(x), mention_count(want));
            bool same = x->nfacts == want->nfacts;
            for (size_t l = 0; same && l < x->nentities; l++)
                same = !strcmp(x->entities[l].name, want->entities[l].name) &&
                       x->entities[l].nmentions == want->entities[l].nmentions;
            if (!same) {
                assert_true(overwrite);
                assert_int_equal(x->nfacts, 0);
                stand_ins++;
            }
        }
        assert_int_equal(stand_ins > 0, overwrite);
        if (!overwrite)
            assert_same_index(&fresh.index, &p.index);
        pipeline_close(&p);
    }
    pipeline_close(&fresh);
    warm_dir_remove(&w);
}

/* The resident kB of this process's mapping of a file whose name ends with
 * `suffix` (its smaps Rss), or -1 when there is none. */
static long mapping_rss_kb(const char *suffix)
{
    FILE *f = fopen("/proc/self/smaps", "r");
    assert_non_null(f);
    char line[4096];
    bool in = false;
    long kb = -1;
    size_t n = strlen(suffix);
    while (kb < 0 && fgets(line, sizeof line, f)) {
        size_t len = strcspn(line, "\n");
        line[len] = '\0';
        size_t key = strcspn(line, " ");
        if (key && line[key - 1] == ':') { /* "Rss:   4 kB": a field of the mapping above */
            if (in && !strcmp(strtok(line, " "), "Rss:"))
                kb = strtol(line + key + 1, NULL, 10);
        } else { /* "start-end perms offset dev inode   path": a mapping */
            in = len >= n && !strcmp(line + len - n, suffix);
        }
    }
    fclose(f);
    return kb;
}

/* A stored index opened from its file keeps none of its pages once
 * checked (they do not count in the warm start's memory); reading the
 * index faults them in again, unchanged. */
static void test_opened_image_gives_its_pages_back(void **state)
{
    (void)state;
    struct warm_dir w;
    warm_dir_make(&w, "stored", samples);
    char pattern[sizeof w.cache + 16];
    snprintf(pattern, sizeof pattern, "%s/*.cache", w.cache);
    char *paths[] = {w.in};
    assert_false(load_and_compare(paths, 1, w.cache)); /* cold: writes it */
    glob_t g;
    assert_int_equal(glob(pattern, 0, NULL, &g), 0);
    assert_int_equal(g.gl_pathc, 1);
    struct index ix;
    /* the extractor key of a load with no KB files or patterns */
    assert_true(cache_image_open(g.gl_pathv[0], cache_build_fingerprint(), &ix));
    assert_int_equal(mapping_rss_kb(".cache.index"), 0);
    struct pipeline fresh;
    open_paths(&fresh, paths, 1, NULL);
    assert_int_equal(ix.nentities, fresh.index.nentities);
    for (size_t i = 0; i < ix.nentities; i++)
        assert_same_entity(&fresh.index.entities[i], &ix.entities[i]);
    assert_true(mapping_rss_kb(".cache.index") > 0);
    index_free(&ix);
    assert_int_equal(mapping_rss_kb(".cache.index"), -1);
    pipeline_close(&fresh);
    globfree(&g);
    warm_dir_remove(&w);
}

/* More articles after a load that took the stored index (the reader's R):
 * the index copies itself out and grows as if built article by article. */
static void test_append_after_stored_index(void **state)
{
    (void)state;
    struct warm_dir w;
    warm_dir_make(&w, "stored-append", samples);
    char *paths[] = {w.in};
    assert_false(load_and_compare(paths, 1, w.cache));
    struct pipeline p, fresh;
    open_paths(&p, paths, 1, w.cache);
    assert_true(p.index_stored);
    struct tl_error err;
    char *more[] = {samples};
    assert_true(pipeline_append(&p, more, 1, &err));
    pipeline_finish(&p);
    char *both[] = {w.in, samples};
    open_paths(&fresh, both, 2, NULL);
    assert_null(p.index.stored);
    assert_same_index(&fresh.index, &p.index);
    pipeline_close(&p);
    pipeline_close(&fresh);
    warm_dir_remove(&w);
}

/* A cache that opens only after the workers started and the first
 * results were taken (at 100,000 articles its file takes longer to open
 * than the workers wait): the stored index is still taken once it is
 * checked, the results before it being fresh extractions of the same
 * files. */
static void test_stored_index_taken_when_the_cache_opens_late(void **state)
{
    (void)state;
    struct warm_dir w;
    warm_dir_make(&w, "stored-late", samples);
    char *paths[] = {w.in};
    assert_false(load_and_compare(paths, 1, w.cache)); /* cold: writes it */
    struct pipeline p, fresh;
    struct pipeline_options opt = {.threads = 2, .cache_dir = w.cache, .background = true};
    struct tl_error err;
    pipeline_cache_hold_opener(true);
    assert_true(pipeline_start(&p, paths, 1, &opt, &err));
    warm_dir_take_until(&p, 3);
    assert_int_equal(p.cache_hits, 0);
    pipeline_cache_hold_opener(false);
    pipeline_cache_wait(p.pcache, 1e9);
    pipeline_finish(&p);
    assert_null(pipeline_warning(&p));
    assert_true(p.index_stored);
    open_paths(&fresh, paths, 1, NULL);
    assert_int_equal(p.corpus.narticles, fresh.corpus.narticles);
    assert_same_index(&fresh.index, &p.index);
    pipeline_close(&p);
    pipeline_close(&fresh);
    warm_dir_remove(&w);
}

/* The reader's warm first screen: with the stored index taken, it takes
 * the articles alone (pipeline_take_articles), none of their extractions
 * into the index; taking the results then attaches those to the stored
 * index as usual, in the background as in the foreground, and the index
 * is the stored one, the same as a fresh load's. */
static void test_warm_titles_taken_before_their_extractions(void **state)
{
    (void)state;
    struct warm_dir w;
    warm_dir_make(&w, "stored-titles", samples);
    char *paths[] = {w.in};
    assert_false(load_and_compare(paths, 1, w.cache)); /* cold: writes it */
    struct pipeline fresh;
    open_paths(&fresh, paths, 1, NULL);
    for (int background = 0; background < 2; background++) {
        struct pipeline p;
        struct pipeline_options opt = {
            .threads = 2, .cache_dir = w.cache, .lead = 64, .background = background};
        struct tl_error err;
        assert_true(pipeline_start(&p, paths, 1, &opt, &err));
        pipeline_cache_wait(p.pcache, 1e9);
        struct timespec nap = {0, 1000 * 1000};
        for (int naps = 0; p.corpus.narticles < fresh.corpus.narticles && naps < 10000;)
            if (!pipeline_take_articles(&p, 1) && ++naps)
                nanosleep(&nap, NULL);
        assert_int_equal(p.corpus.narticles, fresh.corpus.narticles);
        assert_true(p.from_image);
        assert_int_equal(p.taken, 0);
        assert_int_equal(p.index.narticles, 0);
        for (size_t i = 0; i < p.corpus.narticles; i++)
            assert_string_equal(p.corpus.articles[i]->title, fresh.corpus.articles[i]->title);
        pipeline_finish(&p);
        assert_true(p.index_stored);
        assert_int_equal(p.cache_hits, p.corpus.narticles);
        assert_int_equal(p.corpus.narticles, fresh.corpus.narticles);
        assert_same_index(&fresh.index, &p.index);
        pipeline_close(&p);
    }
    pipeline_close(&fresh);
    warm_dir_remove(&w);
}

/* A warm start whose last file changed: every article before it is
 * attached to the stored index as it comes, then the last one does not
 * fit, so those attached go into the index as usual and it is built as a
 * fresh load's; the next start takes the index stored again. */
static void test_stored_index_dropped_by_the_last_result(void **state)
{
    (void)state;
    struct warm_dir w;
    warm_dir_make(&w, "stored-last", samples);
    char *paths[] = {w.in};
    assert_false(load_and_compare(paths, 1, w.cache)); /* cold: writes it */
    assert_true(load_and_compare(paths, 1, w.cache));
    struct pipeline fresh, p;
    open_paths(&fresh, paths, 1, NULL);
    size_t n = fresh.corpus.narticles;
    warm_dir_start_before_last(&w, &p, fresh.corpus.articles[n - 1]->path, n);
    pipeline_close(&fresh);
    assert_int_equal(p.attached_from, 0);
    assert_int_equal(p.nattached, n - 1);
    assert_int_equal(p.corpus.narticles, n - 1); /* listed before the index has them */
    assert_int_equal(p.index.narticles, 0);
    assert_int_equal(pipeline_extractions_known(&p), n - 1); /* known before it too */
    assert_null(pipeline_extraction(&p, n - 1));
    open_paths(&fresh, paths, 1, NULL);
    for (size_t i = 0; i < n - 1; i++)
        assert_int_equal(pipeline_extraction(&p, i)->nentities, fresh.index.x[i].nentities);
    pipeline_finish(&p);
    assert_false(p.from_image);
    assert_false(p.index_stored);
    assert_int_equal(pipeline_extractions_known(&p), n);
    assert_ptr_equal(pipeline_extraction(&p, n - 1), &p.index.x[n - 1]);
    assert_same_index(&fresh.index, &p.index);
    pipeline_close(&fresh);
    pipeline_close(&p);
    assert_true(load_and_compare(paths, 1, w.cache)); /* stored again */
    warm_dir_remove(&w);
}

/* The reader lists articles before their extractions (a lead of them
 * loaded first), and a cache that opens late then attaches the rest to
 * the stored index: those were handed to the corpus already.
 * Closing before the load ends frees each once (ASan: no double free),
 * and a load that ends is the same index as a fresh one. */
static void test_late_stored_index_after_articles_went_early(void **state)
{
    (void)state;
    struct warm_dir w;
    warm_dir_make(&w, "stored-early", samples);
    char *paths[] = {w.in};
    assert_false(load_and_compare(paths, 1, w.cache)); /* cold: writes it */
    for (int finish = 0; finish < 2; finish++) {
        struct pipeline p;
        struct pipeline_options opt = {.threads = 2, .cache_dir = w.cache, .lead = 64};
        struct tl_error err;
        pipeline_cache_hold_opener(true);
        assert_true(pipeline_start(&p, paths, 1, &opt, &err));
        struct timespec nap = {0, 1000 * 1000};
        while (p.taken < 3)
            if (!pipeline_take(&p, 1))
                nanosleep(&nap, NULL);
        while (p.corpus.narticles < p.total) /* every article handed over early */
            if (!pipeline_take(&p, 1))
                nanosleep(&nap, NULL);
        pipeline_cache_hold_opener(false);
        pipeline_cache_wait(p.pcache, 1e9);
        while (!p.nattached && p.taken < p.total)
            if (!pipeline_take(&p, 1))
                nanosleep(&nap, NULL);
        assert_true(p.from_image);
        assert_true(p.nattached > 0);
        if (finish) {
            pipeline_finish(&p);
            assert_true(p.index_stored);
            struct pipeline fresh;
            open_paths(&fresh, paths, 1, NULL);
            assert_int_equal(p.corpus.narticles, fresh.corpus.narticles);
            assert_same_index(&fresh.index, &p.index);
            pipeline_close(&fresh);
        }
        pipeline_close(&p);
    }
    warm_dir_remove(&w);
}

int main(void)
{
    const char *src = getenv("TOUCHLINE_SOURCE_DIR");
    snprintf(samples, sizeof samples, "%s/samples", src ? src : ".");
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_image_reads_back_the_same_index),
        cmocka_unit_test(test_attached_mentions_are_counted),
        cmocka_unit_test(test_attached_as_not_fitting_fails_the_check),
        cmocka_unit_test(test_attached_for_later_decoded_on_first_use),
        cmocka_unit_test(test_record_bad_at_first_use_gets_a_stand_in),
        cmocka_unit_test(test_image_given_back_as_it_is_used),
        cmocka_unit_test(test_first_articles_not_given_back_before_they_attach),
        cmocka_unit_test(test_image_refused_when_short_foreign_or_out_of_range),
        cmocka_unit_test(test_image_with_any_word_overwritten),
        cmocka_unit_test(test_warm_start_takes_the_stored_index),
        cmocka_unit_test(test_warm_start_decodes_on_first_use),
        cmocka_unit_test(test_opened_image_gives_its_pages_back),
        cmocka_unit_test(test_append_after_stored_index),
        cmocka_unit_test(test_stored_index_taken_when_the_cache_opens_late),
        cmocka_unit_test(test_late_stored_index_after_articles_went_early),
        cmocka_unit_test(test_warm_titles_taken_before_their_extractions),
        cmocka_unit_test(test_stored_index_dropped_by_the_last_result),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
