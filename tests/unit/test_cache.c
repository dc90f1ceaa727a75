/* test_cache: the on-disk cache of extractions: a round trip of a hand-built
 * extraction with every field set; misses on a changed size, mtime, path,
 * key or roots; no rewrite when nothing changed, and dropping what was not
 * stored; every single-byte flip, every truncation, garbage, wrong magic or
 * version and hostile records with valid checksums (all read without a crash
 * and never returned wrong); a loaded article's body borrowed from its
 * record, which must end it with a NUL, and its struct and strings carved
 * from the cache's slab (packed_borrowed), not copied out to the heap, or
 * packed in one heap allocation without a slab; a record looked up without its
 * extraction and decoded later from its place; the real extractions of the
 * samples; and 100k synthetic records looked up from four threads. */
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "cache_helpers.h"
#include "core/cache/cache.h"
#include "core/cache/cache_codec.h"
#include "core/cache/cache_slab.h"
#include "core/load/corpus.h"
#include "core/extract/extract.h"
#include "core/pipeline/article_marks.h"
#include "core/base/hash.h"

enum { KEY = 42 };
static char dir[] = "/tmp/touchline-cache-XXXXXX";
static const char *const roots[] = {"/news", "relative/folder"};

/* ---- helpers ---- */

static void remove_tree(const char *path)
{
    DIR *d = opendir(path);
    struct dirent *de;
    while (d && (de = readdir(d))) {
        if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
            continue;
        char sub[1024];
        snprintf(sub, sizeof sub, "%s/%s", path, de->d_name);
        struct stat st;
        if (lstat(sub, &st) == 0 && S_ISDIR(st.st_mode))
            remove_tree(sub);
        else
            unlink(sub);
    }
    if (d)
        closedir(d);
    rmdir(path);
}

static int setup(void **state)
{
    (void)state;
    return mkdtemp(dir) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    remove_tree(dir);
    return 0;
}

/* Opens the test cache with a key. */
static struct cache *open_key(uint64_t key)
{
    struct cache *c = cache_open(dir, roots, 2, key);
    assert_non_null(c);
    return c;
}

static void save(struct cache *c)
{
    struct tl_error err;
    bool ok = cache_save(c, &err);
    if (!ok)
        fprintf(stderr, "%s\n", err.msg);
    assert_true(ok);
}

/* Whether path/size/mtime hits with exactly x (a miss is false). */
static bool hits(const struct cache *c, const char *path, uint64_t size, int64_t mtime,
                 const struct extraction *x)
{
    struct extraction got;
    bool hit = cache_lookup(c, path, size, mtime, &got);
    if (!hit) {
        assert_int_equal(got.nentities + got.nfacts, 0);
        return false;
    }
    assert_true(cache_extraction_equal(x, &got));
    extraction_free(&got);
    return true;
}

static unsigned char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    assert_non_null(f);
    fseek(f, 0, SEEK_END);
    *len = (size_t)ftell(f);
    rewind(f);
    unsigned char *p = xmalloc(*len + 1);
    assert_int_equal(fread(p, 1, *len, f), *len);
    fclose(f);
    return p;
}

static void spit(const char *path, const void *p, size_t len)
{
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    assert_int_equal(fwrite(p, 1, len, f), len);
    fclose(f);
}

/* A hand-built extraction: two entities, three facts, every field set. */
static void hand_built(struct extraction *x)
{
    memset(x, 0, sizeof *x);
    x->nentities = 2;
    x->entities = xcalloc(2, sizeof *x->entities);
    x->entities[0] = (struct found_entity){.id = xstrdup("person:alessandro-bastoni"),
                                           .name = xstrdup("Alessandro Bastoni"),
                                           .kind = ENTITY_PERSON,
                                           .role = ROLE_PLAYER,
                                           .first_mention = 0,
                                           .nmentions = 2};
    x->entities[1] = (struct found_entity){.id = xstrdup("club:inter-milan"),
                                           .name = xstrdup("Inter Milan"),
                                           .kind = ENTITY_CLUB,
                                           .role = ROLE_OTHER,
                                           .first_mention = 2,
                                           .nmentions = 1};
    x->nmentions = 3;
    x->mentions = xcalloc(3, sizeof *x->mentions);
    x->mentions[0] = (struct mention){6, 13, true};
    x->mentions[1] = (struct mention){2000000000u, 2000000007u, false}; /* the end's 31 bits */
    x->mentions[2] = (struct mention){0, 5, false};
    x->nfacts = 3;
    x->facts = xcalloc(3, sizeof *x->facts);
    x->facts[0] = (struct fact){.kind = FACT_FEE,
                                .subject = 0,
                                .has_value = true,
                                .value = 31e6,
                                .currency = FACT_GBP,
                                .qualifier = FACT_UP_TO,
                                .team = NO_ENTITY,
                                .from = 1,
                                .to = 0,
                                .club = 1,
                                .year = 2017,
                                .goals = -1,
                                .span = {10, 20, false}};
    x->facts[1] = (struct fact){.kind = FACT_CONTRACT,
                                .has_value = true,
                                .value = 2.5,
                                .period = FACT_WEEK,
                                .type = FACT_TYPE_LENGTH,
                                .status = FACT_OFFERED,
                                .qualifier = FACT_UNDISCLOSED,
                                .team = 1,
                                .from = 1,
                                .to = 1,
                                .club = 1,
                                .year = -7,
                                .goals = 3,
                                .span = {1, 2, true}};
    x->facts[2] = (struct fact){.kind = FACT_LOAN,
                                .subject = NO_ENTITY,
                                .value = -0.0,
                                .currency = FACT_USD,
                                .period = FACT_MONTH,
                                .type = FACT_TYPE_END,
                                .status = FACT_SIGNED,
                                .qualifier = FACT_REPORTED,
                                .from = 1,
                                .club = NO_ENTITY,
                                .year = 2024,
                                .goals = 12,
                                .loan_length = 1,
                                .span = {30, 42, false}};
    x->loan_lengths = xstrdup("season-long");
    x->nloan_lengths = 1;
}

/* Appends entities to x up to `want`, each with n mentions (at k, k + 4). */
static void add_entities(struct extraction *x, size_t want, size_t n)
{
    x->entities = xrealloc(x->entities, want * sizeof *x->entities);
    x->mentions =
        xrealloc(x->mentions, (x->nmentions + (want - x->nentities) * n) * sizeof *x->mentions);
    for (size_t k = x->nentities; k < want; k++) {
        x->entities[k] = x->entities[0];
        x->entities[k].id = cache_name_dup("club:a-long-enough-id-to-fill-the-block", 9, 3, k);
        x->entities[k].name = cache_name_dup("A club name of some length", 9, 3, k);
        x->entities[k].first_mention = (uint32_t)x->nmentions;
        x->entities[k].nmentions = (uint32_t)n;
        for (size_t m = 0; m < n; m++)
            x->mentions[x->nmentions++] = (struct mention){(uint32_t)k, (uint32_t)k + 4, false};
    }
    x->nentities = want;
}

/* ---- round trip and misses ---- */

/* Extractions decoded in one pass into a scratch block, and one too big
 * for it (decoded a second time into a block of its measured size), read
 * back equal, field by field. */
static void test_big_and_small_extractions(void **state)
{
    (void)state;
    size_t sizes[] = {0, 100, 2000, 5000}; /* entities added */
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
        struct extraction x;
        cache_synth(&x, 9, 3);
        add_entities(&x, x.nentities + sizes[s], 2);
        struct buf b;
        buf_init(&b);
        assert_true(cache_codec_put_record(&b, "/news/big.md", 7, 8, &x, NULL));
        struct cache_codec_head h;
        assert_true(cache_codec_record_head((const unsigned char *)b.data, b.len, &h));
        struct extraction got;
        assert_true(cache_codec_record_decode(&h, &got, NULL));
        assert_true(cache_extraction_equal(&x, &got));
        assert_non_null(got.block);
        for (size_t k = 0; k < got.nentities; k++) /* ids and names read in place */
            assert_true(got.entities[k].id > b.data && got.entities[k].name < b.data + b.len);
        extraction_free(&got);
        extraction_free(&x);
        buf_free(&b);
    }
}

/* Decoded into a slab: an extraction up to the biggest piece borrows its
 * block (extraction_free leaves it; freeing it would abort), a bigger one
 * owns its own; the pieces are aligned and never overlap, across blocks. */
static void test_decoded_into_the_slab(void **state)
{
    (void)state;
    struct cache_slab *slab = cache_slab_new();
    size_t sizes[] = {0, 100, 3000}; /* entities added; 3000 pass 64 KiB */
    for (size_t s = 0; s < sizeof sizes / sizeof *sizes; s++) {
        struct extraction x;
        cache_synth(&x, 9, 3);
        add_entities(&x, x.nentities + sizes[s], 1);
        struct buf b;
        buf_init(&b);
        assert_true(cache_codec_put_record(&b, "/news/slab.md", 7, 8, &x, NULL));
        struct cache_codec_head h;
        assert_true(cache_codec_record_head((const unsigned char *)b.data, b.len, &h));
        struct extraction got;
        assert_true(cache_codec_record_decode_into(&h, &got, NULL, slab));
        assert_true(cache_extraction_equal(&x, &got));
        assert_int_equal(got.block_borrowed, sizes[s] < 3000);
        extraction_free(&got);
        extraction_free(&x);
        buf_free(&b);
    }
    char *last = NULL;
    size_t last_n = 0;
    for (size_t i = 0; i < 600; i++) { /* about 20 MB: ten blocks */
        size_t n = 1 + (i * 7919) % CACHE_SLAB_MAX_PIECE;
        char *p = cache_slab_take(slab, n);
        assert_non_null(p);
        assert_int_equal((uintptr_t)p % 8, 0);
        memset(p, (int)i, n);
        if (last)
            assert_true(p >= last + last_n || p + n <= last);
        last = p;
        last_n = n;
    }
    assert_null(cache_slab_take(slab, CACHE_SLAB_MAX_PIECE + 1));
    cache_slab_free(slab);
}

static void test_hash_and_names(void **state)
{
    (void)state;
    assert_true(hash_bytes("a", 1) == 0xaf63dc4c8601ec8cULL);
    assert_true(cache_build_fingerprint() == cache_build_fingerprint());
    assert_null(cache_open(NULL, roots, 2, KEY));
    assert_null(cache_open("", roots, 2, KEY));
    struct extraction x;
    assert_false(cache_lookup(NULL, "p", 1, 1, &x));
    cache_store(NULL, "p", 1, 1, &x);
    assert_true(cache_save(NULL, NULL));
    cache_free(NULL);
    setenv("XDG_CACHE_HOME", "/x/cache", 1);
    char *d = cache_default_dir();
    assert_string_equal(d, "/x/cache/touchline");
    free(d);
    setenv("XDG_CACHE_HOME", "relative", 1);
    setenv("HOME", "/home/u", 1);
    d = cache_default_dir();
    assert_string_equal(d, "/home/u/.cache/touchline");
    free(d);
    unsetenv("XDG_CACHE_HOME");
    unsetenv("HOME");
    assert_null(cache_default_dir());
}

static void test_round_trip_and_misses(void **state)
{
    (void)state;
    struct extraction x;
    hand_built(&x);
    struct cache *c = open_key(KEY);
    assert_int_equal(cache_count(c), 0);
    assert_false(hits(c, "/news/a.md", 100, -5, &x));
    cache_store(c, "/news/a.md", 100, -5, &x);
    save(c);
    cache_free(c);

    c = open_key(KEY);
    assert_int_equal(cache_count(c), 1);
    assert_true(hits(c, "/news/a.md", 100, -5, &x));
    struct extraction got;
    assert_true(cache_lookup(c, "/news/a.md", 100, -5, &got));
    assert_int_equal(got.facts[0].currency, FACT_GBP);
    assert_string_equal(extraction_loan_length(&got, &got.facts[2]), "season-long");
    extraction_free(&got);
    assert_false(hits(c, "/news/a.md", 101, -5, &x));
    assert_false(hits(c, "/news/a.md", 100, -4, &x));
    assert_false(hits(c, "/news/b.md", 100, -5, &x));
    assert_false(hits(c, "/news/a.m", 100, -5, &x));
    cache_free(c);

    c = open_key(KEY + 1);
    assert_int_equal(cache_count(c), 0);
    assert_false(hits(c, "/news/a.md", 100, -5, &x));
    cache_free(c);
    c = cache_open(dir, roots, 1, KEY); /* other roots, other file */
    assert_false(hits(c, "/news/a.md", 100, -5, &x));
    cache_free(c);
    extraction_free(&x);
}

static ino_t inode_of(const char *path)
{
    struct stat st;
    assert_int_equal(stat(path, &st), 0);
    return st.st_ino;
}

static void store_synth(struct cache *c, unsigned set, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++) {
        struct extraction x;
        cache_synth(&x, set, i);
        char path[64];
        snprintf(path, sizeof path, "/news/%zu.md", i);
        cache_store(c, path, i, (int64_t)i * 1000000007, &x);
        extraction_free(&x);
    }
}

static size_t count_hits(const struct cache *c, unsigned set, size_t n)
{
    size_t hit = 0;
    for (size_t i = 0; i < n; i++) {
        struct extraction x;
        cache_synth(&x, set, i);
        char path[64];
        snprintf(path, sizeof path, "/news/%zu.md", i);
        hit += hits(c, path, i, (int64_t)i * 1000000007, &x);
        extraction_free(&x);
    }
    return hit;
}

static void test_save_only_when_changed(void **state)
{
    (void)state;
    struct cache *c = open_key(KEY);
    store_synth(c, 1, 0, 3);
    save(c);
    char *file = xstrdup(cache_file(c));
    cache_free(c);
    ino_t first = inode_of(file);

    c = open_key(KEY); /* the same three again: no rewrite */
    assert_int_equal(count_hits(c, 1, 3), 3);
    store_synth(c, 1, 0, 3);
    save(c);
    cache_free(c);
    assert_true(inode_of(file) == first);

    c = open_key(KEY); /* two of them: rewritten, the third dropped */
    store_synth(c, 1, 0, 2);
    save(c);
    save(c); /* nothing new since */
    cache_free(c);
    assert_true(inode_of(file) != first);
    c = open_key(KEY);
    assert_int_equal(cache_count(c), 2);
    assert_int_equal(count_hits(c, 1, 3), 2);
    store_synth(c, 2, 0, 2); /* same paths, other data: rewritten */
    save(c);
    cache_free(c);
    c = open_key(KEY);
    assert_int_equal(cache_count(c), 2);
    assert_int_equal(count_hits(c, 2, 2), 2);
    cache_free(c);
    free(file);
}

static void test_unknown_fact_code_not_stored(void **state)
{
    (void)state;
    char sub[512];
    snprintf(sub, sizeof sub, "%s/deep/er/folder", dir);
    struct cache *c = cache_open(sub, roots, 2, KEY);
    struct extraction x;
    cache_synth(&x, 1, 0);
    x.facts[0].currency = FACT_CURRENCY_COUNT;
    cache_store(c, "/news/0.md", 0, 0, &x);
    save(c); /* nothing stored, nothing read: no file */
    assert_int_equal(access(cache_file(c), F_OK), -1);
    x.facts[0].currency = FACT_EUR;
    cache_store(c, "/news/0.md", 0, 0, &x);
    save(c);
    struct stat st;
    assert_int_equal(stat(sub, &st), 0);
    assert_int_equal(st.st_mode & 0777, 0700);
    cache_free(c);
    c = cache_open(sub, roots, 2, KEY);
    assert_true(hits(c, "/news/0.md", 0, 0, &x));
    cache_free(c);
    extraction_free(&x);
}

/* ---- corrupt files ---- */

/* Writes the two-record cache file; returns its bytes and the first
 * record's length. */
static unsigned char *small_file(char **file, size_t *len, size_t *len0)
{
    struct cache *c = open_key(KEY);
    store_synth(c, 5, 0, 2);
    save(c);
    *file = xstrdup(cache_file(c));
    cache_free(c);
    struct extraction x;
    cache_synth(&x, 5, 0);
    struct buf b;
    buf_init(&b);
    cache_codec_put_record(&b, "/news/0.md", 0, 0, &x, NULL);
    *len0 = b.len;
    buf_free(&b);
    extraction_free(&x);
    return slurp(*file, len);
}

/* Lookups of the two records: each misses or returns exactly its data.
 * Returns a bit per hit. */
static unsigned probe(void)
{
    struct cache *c = open_key(KEY);
    unsigned hit = 0;
    for (size_t i = 0; i < 2; i++) {
        struct extraction x;
        cache_synth(&x, 5, i);
        char path[64];
        snprintf(path, sizeof path, "/news/%zu.md", i);
        hit |= (unsigned)hits(c, path, i, (int64_t)i * 1000000007, &x) << i;
        extraction_free(&x);
    }
    cache_free(c);
    return hit;
}

static void test_every_byte_flipped(void **state)
{
    (void)state;
    char *file;
    size_t len, len0;
    unsigned char *orig = small_file(&file, &len, &len0);
    assert_int_equal(probe(), 3);
    static const unsigned char masks[] = {0x01, 0x80, 0xff};
    for (size_t i = 0; i < len; i++) {
        for (size_t m = 0; m < sizeof masks; m++) {
            orig[i] ^= masks[m];
            spit(file, orig, len);
            unsigned hit = probe();
            orig[i] ^= masks[m];
            /* the records the byte is in (the heads table, at the end, is all of them) */
            unsigned in = i < 40 ? 3 : i < 40 + len0 ? 1 : i < len - 2 * 48 - 8 ? 2 : 3;
            if (hit & in)
                fail_msg("byte %zu ^ %02x: a record holding it still hits", i, masks[m]);
        }
    }
    spit(file, orig, len);
    free(orig);
    free(file);
}

static void test_every_truncation_and_garbage(void **state)
{
    (void)state;
    char *file;
    size_t len, len0;
    unsigned char *orig = small_file(&file, &len, &len0);
    for (size_t n = 0; n < len; n++) {
        spit(file, orig, n);
        assert_int_equal(probe(), 0);
    }
    unsigned char *junk = xmalloc(1 << 20);
    srand(7);
    for (size_t n = 1; n <= (1 << 20); n *= 2) {
        for (size_t i = 0; i < n; i++)
            junk[i] = (unsigned char)rand();
        spit(file, junk, n);
        assert_int_equal(probe(), 0);
        memcpy(junk, orig, n < 40 ? n : 40); /* a valid header, then junk */
        spit(file, junk, n);
        assert_int_equal(probe(), 0);
    }
    free(junk);
    unlink(file);
    assert_int_equal(mkdir(file, 0700), 0); /* a folder where the file goes */
    assert_int_equal(probe(), 0);
    rmdir(file);
    spit(file, orig, len);
    free(orig);
    free(file);
}

/* Rewrites a header field (at off, 4 or 8 bytes) with a fixed checksum. */
static void patch_header(unsigned char *p, size_t off, size_t width, uint64_t v)
{
    for (size_t i = 0; i < width; i++)
        p[off + i] = (unsigned char)(v >> (8 * i));
    uint64_t sum = cache_codec_checksum(p, 32);
    for (size_t i = 0; i < 8; i++)
        p[32 + i] = (unsigned char)(sum >> (8 * i));
}

static void test_wrong_header_fields(void **state)
{
    (void)state;
    char *file;
    size_t len, len0;
    unsigned char *orig = small_file(&file, &len, &len0);
    unsigned char *p = xmalloc(len);
    const struct {
        size_t off, width;
        uint64_t v;
    } cases[] = {{0, 4, 0x48434c54},
                 {8, 4, 1} /* before enum codes */,
                 {8, 4, 2} /* before articles */,
                 {8, 4, 3} /* before the four-lane record checksum */,
                 {8, 4, 4} /* before the body's NUL */,
                 {8, 4, 5} /* before the NULs after ids and names */,
                 {8, 4, 6} /* before the heads table */,
                 {8, 4, 7} /* before mentions as start and length */,
                 {8, 4, 8} /* before XXH3 record checksums */,
                 {8, 4, 9} /* before the extraction's glance ahead of it */,
                 {8, 4, 11},
                 {8, 4, 0},
                 {12, 4, 1},
                 {16, 8, KEY + 1},
                 {24, 8, 1},
                 {24, 8, 3},
                 {24, 8, UINT64_MAX},
                 {24, 8, 1u << 31}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        memcpy(p, orig, len);
        patch_header(p, cases[i].off, cases[i].width, cases[i].v);
        spit(file, p, len);
        assert_int_equal(probe(), 0);
    }
    memcpy(p, orig, len);
    patch_header(p, 24, 8, 2); /* unchanged, checksum recomputed: still good */
    spit(file, p, len);
    assert_int_equal(probe(), 3);
    free(p);
    free(orig);
    free(file);
}

/* ---- hostile records with valid checksums ---- */

static void varint(struct buf *b, uint64_t v)
{
    do {
        buf_putc(b, (char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0)));
        v >>= 7;
    } while (v);
}

enum hostile {
    H_NONE,
    H_KIND,
    H_ROLE,
    H_FACT_KIND,
    H_SUBJECT,
    H_NEG_REF,
    H_CURRENCY,
    H_PERIOD,
    H_QUALIFIER,
    H_BOOL,
    H_NUL_NAME,
    H_NAME_NO_NUL,
    H_HUGE_ENTITIES,
    H_HUGE_MENTIONS,
    H_HUGE_STRING,
    H_LONG_VARINT,
    H_INT_RANGE,
    H_YEAR_16, /* a year or goals past 16 bits, a span end past 31 */
    H_GOALS_16,
    H_END_31,
    H_START_32,  /* a span start past 32 bits */
    H_END_NEG,   /* a span ending before offset 0 */
    H_LOANS_256, /* more distinct loan lengths than one-byte codes */
    H_TRAILING,
    H_SHORT,
    H_COUNT
};

/* No entity and 256 loans, each with its own length. */
static void loans_payload(struct buf *b)
{
    varint(b, 0);
    varint(b, 256);
    for (int k = 0; k < 256; k++) {
        buf_putc(b, FACT_LOAN);
        buf_putc(b, 0);                       /* has_value */
        varint(b, 1);                         /* subject -1 */
        buf_append(b, "\0\0\0\0\0\0\0\0", 8); /* value */
        buf_append(b, "\0\0\0\0\0", 5);       /* currency ... qualifier */
        for (int i = 0; i < 4; i++)
            varint(b, 1); /* team, from, to, club: -1 */
        varint(b, 0);     /* year */
        varint(b, 1);     /* goals -1 */
        char length[16];
        int n = snprintf(length, sizeof length, "%d-month", k);
        varint(b, (uint64_t)n + 1);
        buf_append(b, length, (size_t)n);
        buf_append(b, "\0\x0a", 2); /* span 0 to 5: start 0 doubled, zigzag 5 */
    }
    buf_putc(b, 0); /* no article */
}

/* A fact of the hostile record, with flaw h. */
static void hostile_fact(struct buf *b, enum hostile h)
{
    buf_putc(b, h == H_FACT_KIND ? FACT_KIND_COUNT : FACT_FEE);
    buf_putc(b, h == H_BOOL ? 2 : 1);
    varint(b, h == H_SUBJECT ? 2 : h == H_NEG_REF ? 3 : 0); /* zigzag 1, -2, 0 */
    buf_append(b, "\0\0\0\0\0\0\xf0\x3f", 8);
    buf_putc(b, h == H_CURRENCY ? FACT_CURRENCY_COUNT : FACT_GBP);
    buf_putc(b, h == H_PERIOD ? FACT_PERIOD_COUNT : FACT_PERIOD_NONE);
    buf_putc(b, FACT_TYPE_NONE);
    buf_putc(b, FACT_STATUS_NONE);
    buf_putc(b, h == H_QUALIFIER ? (char)0x80 : FACT_QUALIFIER_NONE);
    for (int i = 0; i < 4; i++)
        varint(b, 1); /* team, from, to, club: -1 */
    if (h == H_LONG_VARINT)
        buf_append(b, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\x7f", 10);
    else
        varint(b, h == H_INT_RANGE ? (uint64_t)1 << 33 : h == H_YEAR_16 ? 2 * 40000 : 4000);
    varint(b, h == H_GOALS_16 ? 2 * 32768 : 1);
    varint(b, 0);
    /* the span: start 3 doubled, then its end less its start zigzagged */
    varint(b, h == H_START_32 ? (uint64_t)1 << 33 : 6);
    if (h == H_START_32)
        varint(b, ((uint64_t)1 << 33) - 11); /* -(2^32 - 5): the end would be 5 */
    else if (h == H_END_31)
        varint(b, ((uint64_t)1 << 31) * 2);
    else if (h == H_END_NEG)
        varint(b, 2 * 4 - 1); /* -4 */
    else if (h != H_SHORT)
        varint(b, 2 * 2); /* 2: the span is 3 to 5 */
}

/* The extraction part of a record: one entity, one fact, with one flaw,
 * then `more` facts without one. */
static void hostile_payload(struct buf *b, enum hostile h, int more)
{
    if (h == H_LOANS_256) {
        loans_payload(b);
        return;
    }
    varint(b, h == H_HUGE_ENTITIES ? UINT64_MAX / 2 : 1);
    varint(b, h == H_HUGE_STRING ? 1u << 30 : 1);
    buf_append(b, "a", 2); /* and its NUL */
    varint(b, 3);
    buf_append(b, h == H_NUL_NAME ? "b\0c" : "bcd", 3);
    buf_putc(b, h == H_NAME_NO_NUL ? 'e' : '\0'); /* read in place: must end there */
    buf_putc(b, h == H_KIND ? ENTITY_KIND_COUNT : ENTITY_CLUB);
    buf_putc(b, h == H_ROLE ? ROLE_OTHER + 1 : ROLE_PLAYER);
    varint(b, h == H_HUGE_MENTIONS ? 1u << 20 : 0);
    varint(b, 1 + (uint64_t)more);
    hostile_fact(b, h);
    for (int k = 0; k < more; k++)
        hostile_fact(b, H_NONE);
    buf_putc(b, 0); /* no article */
    if (h == H_TRAILING)
        buf_putc(b, 0);
}

/* A whole cache file (format 10) of one record `rec` of path `path`, whose
 * heads table entry says size, mtime_ns and (with path_shift) a path that
 * starts that many bytes later than it does. */
static void file_of_one(struct buf *all, const struct buf *rec, const char *path, uint64_t size,
                        int64_t mtime_ns, uint32_t path_shift)
{
    unsigned char head[40] = "TLCACHE";
    head[8] = 10;
    head[16] = KEY;
    patch_header(head, 24, 8, 1);
    buf_append(all, (const char *)head, sizeof head);
    buf_append(all, rec->data, rec->len);
    struct buf t;
    buf_init(&t);
    size_t plen = strlen(path);
    cache_codec_put_u64(&t, 40);
    cache_codec_put_u64(&t, size);
    cache_codec_put_u64(&t, (uint64_t)mtime_ns);
    cache_codec_put_u64(&t, hash_bytes(path, plen));
    cache_codec_put_u32(&t, (uint32_t)rec->len);
    cache_codec_put_u32(&t, (uint32_t)plen);
    cache_codec_put_u32(&t, 4 + 16 + 1 + path_shift); /* a one-byte path length */
    cache_codec_put_u32(&t, 0);
    buf_append(all, t.data, t.len);
    cache_codec_put_u64(all, cache_codec_checksum((const unsigned char *)t.data, t.len));
    buf_free(&t);
}

/* A whole file of one record for path "/h" with a valid checksum, its
 * extraction and the rest written by `payload`, behind glance g (the
 * extraction's length: all the payload but its last byte, the article's
 * flag). */
static void write_payload(const char *file, void (*payload)(struct buf *, int), int arg,
                          const struct cache_codec_glance *g)
{
    struct buf b, p;
    buf_init(&b);
    buf_init(&p);
    cache_codec_put_u32(&b, 0);
    cache_codec_put_u64(&b, 1);
    cache_codec_put_u64(&b, 2);
    varint(&b, 2);
    buf_puts(&b, "/h");
    payload(&p, arg);
    cache_codec_put_glance(&b, g, (uint32_t)(p.len - 1));
    buf_append(&b, p.data, p.len);
    buf_free(&p);
    uint32_t n = (uint32_t)(b.len - 4);
    for (int i = 0; i < 4; i++)
        b.data[i] = (char)(n >> (8 * i));
    cache_codec_put_u64(&b, cache_codec_checksum((const unsigned char *)b.data, b.len));
    struct buf all;
    buf_init(&all);
    file_of_one(&all, &b, "/h", 1, 2, 0);
    spit(file, all.data, all.len);
    buf_free(&all);
    buf_free(&b);
}

/* h, or h - H_COUNT with six more facts after the hostile one: room for
 * cache_fast_entity and cache_fast_fact to read the hostile entity and fact
 * (which they leave to get_entity and get_fact when unusual). */
static void hostile_as_payload(struct buf *b, int h)
{
    hostile_payload(b, (enum hostile)(h % H_COUNT), h >= H_COUNT ? 6 : 0);
}

/* A whole file of one hostile record for path "/h" with a valid checksum
 * and the glance of the record without a flaw (one club, money). */
static void write_hostile(const char *file, int h)
{
    const struct cache_codec_glance g = {.nentities = 1, .nclubs = 1, .money = true};
    const struct cache_codec_glance none = {.nentities = 0};
    write_payload(file, hostile_as_payload, h, h % H_COUNT == H_LOANS_256 ? &none : &g);
}

static void test_hostile_records(void **state)
{
    (void)state;
    struct cache *c = open_key(KEY);
    char *file = xstrdup(cache_file(c));
    cache_free(c);
    for (int h = H_NONE; h < 2 * H_COUNT; h++) { /* each twice: see hostile_as_payload */
        write_hostile(file, h);
        c = open_key(KEY);
        struct extraction x;
        bool hit = cache_lookup(c, "/h", 1, 2, &x);
        if (hit != (h % H_COUNT == H_NONE))
            fail_msg("hostile record %d: %s", (int)h, hit ? "hit" : "missed");
        if (hit) {
            assert_string_equal(x.entities[0].name, "bcd");
            assert_int_equal(x.facts[0].currency, FACT_GBP);
            assert_true(x.facts[0].value == 1.0);
            assert_int_equal(x.facts[0].year, 2000);
            assert_int_equal(x.facts[0].goals, -1);
            assert_int_equal(x.facts[0].span.start, 3);
            assert_int_equal(x.facts[0].span.end, 5);
        }
        extraction_free(&x);
        cache_free(c);
    }
    free(file);
}

/* One entity's mention (start 7, end 9) in an encoding that reads back
 * the same or is refused, between runs of plain mentions: the first run
 * and it are read with room for the longest mention (cache_fast_mentions,
 * which leaves anything unusual to get_mention), the end of the second
 * without. */
enum mention_case {
    M_PLAIN,
    M_PADDED,      /* start and length as 6-byte varints: read the same */
    M_FIVE_BYTES,  /* both as 5-byte varints: read the same */
    M_IN_TITLE,    /* the start's low bit */
    M_LARGEST,     /* start 2^32 - 1, end 2^31 - 1: both fields' largest */
    M_START_33,    /* start 2^32 (with an end that fits): refused */
    M_END_31,      /* end 2^31: refused */
    M_END_NEG,     /* end -1: refused */
    M_LONG_VARINT, /* 11 bytes: refused */
    M_NAME_15,     /* a plain mention; the entity's name 15 bytes long */
    M_NAME_16,
    M_NAME_63,
    M_LONG_NAME, /* 100 bytes */
    M_NUL_IN_16, /* refused: a NUL as the 16th byte of 16 */
    M_NUL_IN_63, /* refused: a NUL as the 41st byte of 63 */
    M_NO_NUL_63, /* refused: no NUL after 63 bytes */
    M_CASES
};

static size_t name_length(enum mention_case m)
{
    static const size_t lengths[M_CASES] = {
        [M_NAME_15] = 15,   [M_NAME_16] = 16,   [M_NAME_63] = 63,  [M_LONG_NAME] = 100,
        [M_NUL_IN_16] = 16, [M_NUL_IN_63] = 63, [M_NO_NUL_63] = 63};
    return lengths[m] ? lengths[m] : 3;
}

/* The end of a mention of start 7: its end less 7, zigzagged. */
static uint64_t case_length(enum mention_case m)
{
    if (m == M_END_31)
        return ((uint64_t)1 << 31) * 2;
    return m == M_END_NEG ? 2 * 8 - 1 : 2 * 2;
}

static void mention_payload(struct buf *b, int arg)
{
    enum mention_case m = (enum mention_case)arg;
    varint(b, 1);
    buf_append(b, "\1a", 3); /* id "a" and its NUL */
    varint(b, name_length(m));
    for (size_t k = 0; k < name_length(m); k++)
        buf_putc(b, (char)('b' + k % 3)); /* "bcd" and so on */
    buf_putc(b, m == M_NO_NUL_63 ? 'x' : '\0');
    if (m == M_NUL_IN_16 || m == M_NUL_IN_63)
        b->data[b->len - 1 - (m == M_NUL_IN_16 ? 1 : 23)] = '\0';
    buf_putc(b, ENTITY_CLUB);
    buf_putc(b, ROLE_PLAYER);
    varint(b, 41);
    for (int k = 0; k < 20; k++) {
        varint(b, (uint64_t)k * 200); /* start 100 k */
        varint(b, 2 * 3);             /* length 3 */
    }
    if (m == M_PADDED) {
        buf_append(b, "\x8e\x80\x80\x80\x80\x00\x84\x80\x80\x80\x80\x00", 12);
    } else if (m == M_FIVE_BYTES) {
        buf_append(b, "\x8e\x80\x80\x80\x00\x84\x80\x80\x80\x00", 10);
    } else if (m == M_LONG_VARINT) {
        buf_append(b, "\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\x01\x04", 12);
    } else if (m == M_LARGEST) {
        varint(b, (uint64_t)UINT32_MAX << 1);
        varint(b, ((uint64_t)UINT32_MAX - MENTION_MAX_OFFSET) * 2 - 1); /* -(2^31) */
    } else if (m == M_START_33) {
        varint(b, (uint64_t)1 << 33);
        varint(b, ((uint64_t)1 << 33) - 11); /* -(2^32 - 5): the end would be 5 */
    } else {
        varint(b, m == M_IN_TITLE ? 15 : 14);
        varint(b, case_length(m));
    }
    for (int k = 0; k < 20; k++) {
        varint(b, (uint64_t)k * 200 + 1); /* start 100 k, in the title */
        varint(b, 2 * 3);
    }
    varint(b, 0);   /* no fact */
    buf_putc(b, 0); /* no article */
}

/* The glance of a mention payload that decodes: one club, 41 mentions
 * ending at most at 1903 in the title and the body, or (M_LARGEST) one
 * backwards that ends at MENTION_MAX_OFFSET in the body. */
static const struct cache_codec_glance mention_glance[2] = {
    {.nentities = 1, .nmentions = 41, .nclubs = 1, .title_end = 1903, .body_end = 1903},
    {.nentities = 1,
     .nmentions = 41,
     .nclubs = 1,
     .backwards = true,
     .title_end = 1903,
     .body_end = MENTION_MAX_OFFSET}};

static void test_mention_encodings(void **state)
{
    (void)state;
    struct cache *c = open_key(KEY);
    char *file = xstrdup(cache_file(c));
    cache_free(c);
    for (int arg = 0; arg < M_CASES; arg++) {
        write_payload(file, mention_payload, arg, &mention_glance[arg == M_LARGEST]);
        c = open_key(KEY);
        struct extraction x;
        enum mention_case m = (enum mention_case)arg;
        bool hit = cache_lookup(c, "/h", 1, 2, &x),
             want = m <= M_LARGEST || (m >= M_NAME_15 && m <= M_LONG_NAME);
        if (hit != want)
            fail_msg("mention case %d: %s", arg, hit ? "hit" : "missed");
        if (hit) {
            assert_int_equal(x.nmentions, 41);
            assert_int_equal(strlen(x.entities[0].name), name_length(m));
            assert_memory_equal(x.entities[0].name, "bcdbcd",
                                name_length(m) < 6 ? name_length(m) : 6);
            for (int k = 0; k < 20; k++) {
                assert_int_equal(x.mentions[k].start, 100 * k);
                assert_int_equal(x.mentions[k].end, 100 * k + 3);
                assert_false(x.mentions[k].in_title);
                assert_int_equal(x.mentions[21 + k].start, 100 * k);
                assert_true(x.mentions[21 + k].in_title);
            }
            const struct mention *got = &x.mentions[20];
            assert_int_equal(got->start, m == M_LARGEST ? UINT32_MAX : 7);
            assert_int_equal(got->end, m == M_LARGEST ? MENTION_MAX_OFFSET : 9);
            assert_int_equal(got->in_title, m == M_IN_TITLE);
        }
        extraction_free(&x);
        cache_free(c);
    }
    free(file);
}

/* A heads table entry (with a valid table checksum) that says another size,
 * mtime or path place than its record's own head: the record is refused;
 * the same entry saying what the record says hits. */
static void test_head_disagrees_with_table(void **state)
{
    (void)state;
    struct cache *c = open_key(KEY);
    char *file = xstrdup(cache_file(c));
    cache_free(c);
    struct extraction x;
    cache_synth(&x, 5, 0);
    struct buf rec, shifted; /* the second's path is "//t/a.md": one byte on is "/t/a.md" */
    buf_init(&rec);
    buf_init(&shifted);
    assert_true(cache_codec_put_record(&rec, "/t/a.md", 7, 9, &x, NULL));
    assert_true(cache_codec_put_record(&shifted, "//t/a.md", 7, 9, &x, NULL));
    const struct {
        uint64_t size;
        int64_t mtime;
        uint32_t shift;
        bool hit;
    } cases[] = {{7, 9, 0, true}, {8, 9, 0, false}, {7, 10, 0, false}, {7, 9, 1, false}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct buf all;
        buf_init(&all);
        file_of_one(&all, cases[i].shift ? &shifted : &rec, "/t/a.md", cases[i].size,
                    cases[i].mtime, cases[i].shift);
        spit(file, all.data, all.len);
        buf_free(&all);
        c = open_key(KEY);
        assert_int_equal(cache_count(c), 1);
        assert_int_equal(hits(c, "/t/a.md", cases[i].size, cases[i].mtime, &x), cases[i].hit);
        cache_free(c);
    }
    unlink(file);
    free(file);
    buf_free(&rec);
    buf_free(&shifted);
    extraction_free(&x);
}

/* ---- real extractions ---- */

static bool article_file(const char *name)
{
    size_t n = strlen(name);
    return strcmp(name, "README.md") &&
           ((n > 3 && !strcmp(name + n - 3, ".md")) || (n > 4 && !strcmp(name + n - 4, ".txt")));
}

struct sample {
    char path[2048];
    struct stat st;
    struct extraction x;
};

/* Loads and extracts every article of the samples folder. */
static size_t extract_samples(const char *samples, struct sample **out)
{
    struct tl_error err;
    struct kb *kb = kb_new_builtin(&err);
    assert_non_null(kb);
    struct extractor *ex = extractor_new(kb, &err);
    assert_non_null(ex);
    struct boilerplate *bp = boilerplate_new();
    DIR *d = opendir(samples);
    assert_non_null(d);
    struct sample *s = NULL;
    size_t n = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
        if (!article_file(de->d_name))
            continue;
        s = xgrow(s, &cap, n + 1, sizeof *s);
        snprintf(s[n].path, sizeof s[n].path, "%s/%s", samples, de->d_name);
        struct loaded l;
        corpus_load_file(s[n].path, bp, CORPUS_MAX_FILE_SIZE, &l);
        assert_non_null(l.article);
        assert_int_equal(stat(s[n].path, &s[n].st), 0);
        extractor_run(ex, l.article, &s[n].x);
        loaded_free(&l);
        n++;
    }
    closedir(d);
    boilerplate_free(bp);
    extractor_free(ex);
    kb_free(kb);
    *out = s;
    return n;
}

static int64_t mtime_ns(const struct stat *st)
{
    return (int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec;
}

static void test_real_extractions(void **state)
{
    (void)state;
    const char *src = getenv("TOUCHLINE_SOURCE_DIR");
    char samples[512];
    snprintf(samples, sizeof samples, "%s/samples", src ? src : ".");
    struct sample *s;
    size_t n = extract_samples(samples, &s);
    assert_true(n >= 30);
    const char *const r[] = {samples};
    struct cache *c = cache_open(dir, r, 1, KEY);
    size_t facts = 0;
    for (size_t i = 0; i < n; i++) {
        cache_store(c, s[i].path, (uint64_t)s[i].st.st_size, mtime_ns(&s[i].st), &s[i].x);
        facts += s[i].x.nfacts;
    }
    assert_true(facts > 0);
    save(c);
    cache_free(c);
    c = cache_open(dir, r, 1, KEY);
    assert_int_equal(cache_count(c), n);
    for (size_t i = 0; i < n; i++) {
        if (!hits(c, s[i].path, (uint64_t)s[i].st.st_size, mtime_ns(&s[i].st), &s[i].x))
            fail_msg("%s: missed", s[i].path);
        extraction_free(&s[i].x);
    }
    cache_free(c);
    free(s);
}

/* ---- 100k records ---- */

enum { BIG = 100000, THREADS = 4 };

struct big_job {
    const struct cache *c;
    size_t from, to, bad;
};

static void *look_up_range(void *arg)
{
    struct big_job *j = arg;
    for (size_t i = j->from; i < j->to; i++) {
        struct extraction want, got;
        cache_synth(&want, 9, i);
        char path[64];
        snprintf(path, sizeof path, "/news/%zu.md", i);
        if (!cache_lookup(j->c, path, i, (int64_t)i * 1000000007, &got) ||
            !cache_extraction_equal(&want, &got))
            j->bad++;
        extraction_free(&want);
        extraction_free(&got);
    }
    return NULL;
}

static void test_100k_records(void **state)
{
    (void)state;
    struct cache *c = open_key(KEY);
    store_synth(c, 9, 0, BIG);
    save(c);
    cache_free(c);
    c = open_key(KEY);
    assert_int_equal(cache_count(c), BIG);
    pthread_t t[THREADS];
    struct big_job jobs[THREADS];
    for (size_t i = 0; i < THREADS; i++) {
        jobs[i] = (struct big_job){c, BIG * i / THREADS, BIG * (i + 1) / THREADS, 0};
        assert_int_equal(pthread_create(&t[i], NULL, look_up_range, &jobs[i]), 0);
    }
    for (size_t i = 0; i < THREADS; i++) {
        pthread_join(t[i], NULL);
        assert_int_equal(jobs[i].bad, 0);
    }
    assert_int_equal(count_hits(c, 9, 10), 10);
    cache_free(c);
}

static size_t count_temps(void)
{
    DIR *d = opendir(dir);
    struct dirent *de;
    size_t temps = 0;
    while (d && (de = readdir(d)))
        temps += strstr(de->d_name, ".tmp.") != NULL;
    if (d)
        closedir(d);
    return temps;
}

/* An extraction of about 10 KB: one entity with 2,000 mentions. */
static void big_extraction(struct extraction *x, size_t i)
{
    memset(x, 0, sizeof *x);
    x->nentities = 1;
    x->entities = calloc(1, sizeof *x->entities);
    x->entities[0].id = strdup("person:someone");
    x->entities[0].name = strdup("Someone");
    x->entities[0].nmentions = 2000;
    x->nmentions = 2000;
    x->mentions = calloc(2000, sizeof *x->mentions);
    for (uint32_t m = 0; m < 2000; m++)
        x->mentions[m] =
            (struct mention){(uint32_t)(i + m * 1000), (uint32_t)(i + m * 1000 + 7), false};
}

/* More new records than fit in memory before they are written out to the
 * temp file (30 MB): the save renames that file, and every record reads
 * back. A cache freed without saving removes its temp file and leaves the
 * old cache file alone. */
static void test_records_written_out_as_they_come(void **state)
{
    (void)state;
    enum { N = 3000 };
    for (int saved = 1; saved >= 0; saved--) {
        struct cache *c = open_key(KEY + 1);
        for (size_t i = 0; i < N; i++) {
            struct extraction x;
            big_extraction(&x, i);
            char path[64];
            snprintf(path, sizeof path, "/news/big-%zu.md", i);
            cache_store(c, path, i, (int64_t)i + saved, &x);
            extraction_free(&x);
        }
        if (saved)
            save(c);
        else
            assert_int_equal(count_temps(), 1); /* the records went out already */
        cache_free(c);
        assert_int_equal(count_temps(), 0);
        c = open_key(KEY + 1);
        assert_int_equal(cache_count(c), N); /* the saved round's file, both times */
        for (size_t i = 0; i < N; i += 97) {
            struct extraction x;
            big_extraction(&x, i);
            char path[64];
            snprintf(path, sizeof path, "/news/big-%zu.md", i);
            assert_true(hits(c, path, i, (int64_t)i + 1, &x));
            extraction_free(&x);
        }
        cache_free(c);
    }
}

/* ---- loaded articles ---- */

/* Writes a file in the test folder with an old mtime (whole seconds plus
 * some nanoseconds); returns its path. */
static char *article_at(const char *name, const char *text)
{
    char *path = xmalloc(strlen(dir) + strlen(name) + 2);
    sprintf(path, "%s/%s", dir, name);
    spit(path, text, strlen(text));
    struct timespec t[2] = {{1500000000, 123456789}, {1500000000, 123456789}};
    assert_int_equal(utimensat(AT_FDCWD, path, t, 0), 0);
    return path;
}

/* Stores what loading each file gave, saves, reopens and reads it back:
 * the same article and problems, field by field, and the same extraction;
 * the extraction alone is there too. */
static void test_loaded_articles(void **state)
{
    (void)state;
    char *paths[] = {
        article_at("front.md", "---\ntitle: \"Kane \u00e9 signs\"\ndate: 2024-08-01\n"
                               "source: BBC\nurl: https://example.org/a\nauthor: A. Writer\n"
                               "tags: [transfer, spurs]\nmood: calm\n---\n"
                               "Harry Kane joined Bayern Munich for \u00a3100m.\n"),
        article_at("plain.txt", "Spurs close in\n\nNo date at all, so the file's time.\n"),
        article_at("bad-date.md", "---\ntitle: T\ndate: soon\n---\nBody.\n"),
    };
    enum { N = sizeof paths / sizeof *paths };
    struct boilerplate *bp = boilerplate_new();
    struct loaded want[N];
    struct extraction x;
    cache_synth(&x, 7, 1);
    struct cache *c = open_key(KEY);
    for (size_t i = 0; i < N; i++) {
        corpus_load_file(paths[i], bp, CORPUS_MAX_FILE_SIZE, &want[i]);
        assert_non_null(want[i].article);
        cache_store_loaded(c, paths[i], want[i].size, want[i].mtime_ns, &x, &want[i]);
    }
    assert_true(want[1].article->date_from_mtime);
    assert_non_null(want[2].article->warning); /* and as a problem */
    assert_int_equal(want[2].nproblems, 1);
    save(c);
    cache_free(c);
    c = open_key(KEY);
    for (size_t i = 0; i < N; i++) {
        struct loaded got;
        struct extraction y;
        assert_true(cache_lookup_loaded(c, paths[i], want[i].size, want[i].mtime_ns, &got, &y));
        assert_true(cache_loaded_equal(&want[i], &got));
        assert_true(cache_extraction_equal(&x, &y));
        loaded_free(&got);
        extraction_free(&y);
        assert_true(hits(c, paths[i], want[i].size, want[i].mtime_ns, &x));
        struct loaded none;
        assert_false(cache_lookup_loaded(c, paths[i], want[i].size, want[i].mtime_ns + 1, &none,
                                         &y)); /* another mtime */
        assert_null(none.article);
        loaded_free(&want[i]);
        free(paths[i]);
    }
    cache_free(c);
    extraction_free(&x);
    boilerplate_free(bp);
}

/* What a visit saw of an extraction, and the article. */
struct seen {
    struct cache_codec_glance g;
    const struct article *article;
    int calls;
};

static void see(void *ctx, const struct cache_codec_glance *g, const struct loaded *l)
{
    struct seen *s = ctx;
    s->calls++;
    s->article = l->article;
    s->g = *g;
}

/* The glance tells what the extraction itself tells. */
static void assert_glance_of(const struct cache_codec_glance *g, const struct extraction *x,
                             const struct article *a)
{
    assert_int_equal(g->nentities, x->nentities);
    assert_int_equal(g->nmentions, x->nmentions);
    size_t clubs = 0;
    for (size_t e = 0; e < x->nentities; e++)
        clubs += x->entities[e].kind == ENTITY_CLUB;
    assert_int_equal(g->nclubs, clubs);
    assert_int_equal(g->money, article_marks_of(x).money);
    size_t title = strlen(a->title), body = a->body_len;
    size_t lens[][2] = {{title, body}, {0, 0}, {0, body}, {title, 0}, {1000, 1000}};
    for (size_t k = 0; k < sizeof lens / sizeof *lens; k++)
        assert_int_equal(cache_codec_glance_fits(g, lens[k][0], lens[k][1]),
                         extraction_fits_article(x, lens[k][0], lens[k][1]));
}

/* A record looked up without its extraction (cache_lookup_visit, for a
 * warm start that leaves it in the mapping) gives the same article, shows
 * its visitor what the extraction tells (counts, clubs, money, whether it
 * fits; one too big for the decoder's scratch block too), and
 * cache_record_decode makes that extraction of it later; a copy of the
 * record with a byte changed (a file written over under its mapping)
 * decodes to nothing, and a miss calls no visitor. */
static void test_visited_then_decoded(void **state)
{
    (void)state;
    size_t sizes[] = {0, 3000}; /* entities added; 3000 pass the scratch block */
    enum { N = sizeof sizes / sizeof *sizes };
    char *paths[N];
    struct loaded want[N];
    struct extraction x[N];
    struct boilerplate *bp = boilerplate_new();
    struct cache *c = open_key(KEY);
    for (size_t i = 0; i < N; i++) {
        char name[32];
        snprintf(name, sizeof name, "visited-%zu.md", i);
        paths[i] = article_at(name, "---\ntitle: Kane signs\n---\nHarry Kane joined Bayern.\n");
        corpus_load_file(paths[i], bp, CORPUS_MAX_FILE_SIZE, &want[i]);
        cache_synth(&x[i], 9, 3);
        add_entities(&x[i], x[i].nentities + sizes[i], 1);
        cache_store_loaded(c, paths[i], want[i].size, want[i].mtime_ns, &x[i], &want[i]);
    }
    save(c);
    cache_free(c);
    c = open_key(KEY);
    for (size_t i = 0; i < N; i++) {
        struct loaded got;
        struct seen seen = {.calls = 0};
        size_t found;
        struct cache_record at;
        assert_true(cache_lookup_visit(c, paths[i], want[i].size, want[i].mtime_ns, &got, see,
                                       &seen, &found, &at));
        assert_int_equal(seen.calls, 1);
        assert_ptr_equal(seen.article, got.article);
        assert_true(found > 0);
        assert_true(cache_loaded_equal(&want[i], &got));
        assert_glance_of(&seen.g, &x[i], got.article);
        struct extraction later;
        assert_true(cache_record_decode(at, &later));
        assert_true(cache_extraction_equal(&x[i], &later));
        extraction_free(&later);
        unsigned char *copy = malloc(at.len);
        memcpy(copy, at.start, at.len);
        copy[at.len / 2] ^= 0x40;
        assert_false(cache_record_decode((struct cache_record){copy, at.len}, &later));
        assert_int_equal(later.nentities, 0);
        assert_false(cache_record_decode((struct cache_record){NULL, 0}, &later));
        free(copy);
        struct seen none = {.calls = 0};
        struct loaded missed;
        assert_false(cache_lookup_visit(c, paths[i], want[i].size, want[i].mtime_ns + 1, &missed,
                                        see, &none, &found, &at));
        assert_int_equal(none.calls, 0);
        assert_null(missed.article);
        assert_int_equal(found, 0);
        assert_null(at.start);
        loaded_free(&got);
        loaded_free(&want[i]);
        extraction_free(&x[i]);
        free(paths[i]);
    }
    cache_free(c);
    boilerplate_free(bp);
}

/* The bytes of x's glance in a record. */
static size_t cache_glance_len(const struct extraction *x)
{
    struct cache_codec_glance g;
    cache_codec_glance_of(x, &g);
    struct buf b;
    buf_init(&b);
    cache_codec_put_glance(&b, &g, 0);
    size_t n = b.len;
    buf_free(&b);
    return n;
}

/* A record whose glance says another count of entities, or another
 * furthest end in the body (its last byte), than its extraction, with its
 * checksum made again (only another encoder could write it): the lookup
 * without the extraction shows that glance; the full decode refuses the
 * record, leaving nothing. The record as written decodes. */
static void test_glance_disagrees(void **state)
{
    (void)state;
    struct boilerplate *bp = boilerplate_new();
    char *path =
        article_at("disagrees.md", "---\ntitle: Kane signs\n---\nHarry Kane joined Bayern.\n");
    struct loaded want;
    corpus_load_file(path, bp, CORPUS_MAX_FILE_SIZE, &want);
    struct extraction x;
    cache_synth(&x, 9, 3);
    struct cache_codec_glance g;
    cache_codec_glance_of(&x, &g);
    assert_true(g.nentities > 1 && g.body_end > 0);
    struct buf rec;
    buf_init(&rec);
    assert_true(cache_codec_put_record(&rec, path, want.size, want.mtime_ns, &x, &want));
    unsigned char *copy = malloc(rec.len);
    for (int k = 0; k < 3; k++) { /* as written, nentities changed, body_end changed */
        memcpy(copy, rec.data, rec.len);
        struct cache_codec_head h;
        assert_true(cache_codec_record_head(copy, rec.len, &h));
        unsigned char *glance = (unsigned char *)h.path + h.path_len;
        if (k == 1)
            glance[4] ^= 1; /* nentities, one byte */
        if (k == 2)
            glance[cache_glance_len(&x) - 1] ^= 1; /* body_end's last byte */
        struct buf sum;
        buf_init(&sum);
        cache_codec_put_u64(&sum, cache_codec_checksum(copy, rec.len - 8));
        memcpy(copy + rec.len - 8, sum.data, 8);
        buf_free(&sum);
        struct loaded got;
        struct seen seen = {.calls = 0};
        assert_true(cache_codec_record_visit(&h, &got, NULL, see, &seen));
        assert_int_equal(seen.calls, 1);
        assert_true(cache_loaded_equal(&want, &got));
        assert_int_equal(seen.g.nentities, g.nentities ^ (k == 1));
        assert_int_equal(seen.g.body_end == g.body_end, k != 2);
        loaded_free(&got);
        struct extraction later;
        assert_int_equal(cache_codec_record_decode(&h, &later, &got), k == 0);
        assert_int_equal(later.nentities, k == 0 ? x.nentities : 0);
        if (k == 0)
            assert_true(cache_extraction_equal(&x, &later));
        else
            assert_null(got.article);
        extraction_free(&later);
        loaded_free(&got);
        assert_int_equal(cache_record_decode((struct cache_record){copy, rec.len}, &later), k == 0);
        extraction_free(&later);
    }
    free(copy);
    buf_free(&rec);
    loaded_free(&want);
    extraction_free(&x);
    free(path);
    boilerplate_free(bp);
}

/* A record whose checksum is right but that the full decoder refuses (an
 * entity's id with a NUL in it, which only another encoder could write)
 * passes the lookup without its extraction, which does not read ids; the
 * decode later refuses it, leaving nothing, for the caller to cope with. */
static void test_glanced_then_refused(void **state)
{
    (void)state;
    struct boilerplate *bp = boilerplate_new();
    struct cache *c = open_key(KEY);
    char *path =
        article_at("glanced.md", "---\ntitle: Kane signs\n---\nHarry Kane joined Bayern.\n");
    struct loaded want;
    corpus_load_file(path, bp, CORPUS_MAX_FILE_SIZE, &want);
    struct extraction x;
    cache_synth(&x, 9, 3);
    cache_store_loaded(c, path, want.size, want.mtime_ns, &x, &want);
    save(c);
    cache_free(c);
    c = open_key(KEY);
    struct loaded got;
    struct seen seen = {.calls = 0};
    size_t found;
    struct cache_record at;
    assert_true(
        cache_lookup_visit(c, path, want.size, want.mtime_ns, &got, see, &seen, &found, &at));
    loaded_free(&got);
    /* the copy: the first entity's id (after the counts of entities and of
     * the id's bytes, one byte each here) gets a NUL, and the checksum is
     * made again */
    unsigned char *copy = malloc(at.len);
    memcpy(copy, at.start, at.len);
    struct cache_codec_head h;
    assert_true(cache_codec_record_head(copy, at.len, &h));
    unsigned char *body = (unsigned char *)h.path + h.path_len + cache_glance_len(&x);
    assert_int_equal(body[0], x.nentities);
    assert_true(body[1] > 1 && body[1] < 0x80);
    body[3] = '\0';
    struct buf sum;
    buf_init(&sum);
    cache_codec_put_u64(&sum, cache_codec_checksum(copy, at.len - 8));
    memcpy(copy + at.len - 8, sum.data, 8);
    buf_free(&sum);
    struct seen glanced = {.calls = 0};
    assert_true(cache_codec_record_visit(&h, &got, NULL, see, &glanced));
    assert_int_equal(glanced.calls, 1);
    assert_glance_of(&glanced.g, &x, got.article);
    loaded_free(&got);
    struct extraction later;
    assert_false(cache_record_decode((struct cache_record){copy, at.len}, &later));
    assert_int_equal(later.nentities, 0);
    assert_false(cache_codec_record_decode(&h, &later, NULL)); /* as a lookup would say */
    free(copy);
    cache_free(c);
    loaded_free(&want);
    extraction_free(&x);
    free(path);
    boilerplate_free(bp);
}

/* Workers encode records (cache_encode) and the main thread stores the
 * bytes (cache_store_encoded): the file is byte for byte the one
 * cache_store makes. A hit's record (cache_lookup_found) is kept by
 * number (cache_keep_found): keeping every one writes nothing, keeping
 * fewer rewrites with only those; 0 and numbers past the end do nothing.
 * 15,000 records make a file of about 4 MB, so that lookups give pages
 * back behind them, and looking every record up again, in reverse order,
 * still reads them back equal. */
static void test_encoded_and_found(void **state)
{
    (void)state;
    enum { N = 15000 };
    struct cache *c = open_key(KEY);
    store_synth(c, 3, 0, N);
    save(c);
    char *file = xstrdup(cache_file(c));
    cache_free(c);
    size_t want_len;
    unsigned char *want = slurp(file, &want_len);
    assert_true(want_len > (size_t)3 << 20);
    assert_int_equal(unlink(file), 0);

    c = open_key(KEY);
    struct buf b;
    buf_init(&b);
    for (size_t i = 0; i < N; i++) {
        struct extraction x;
        cache_synth(&x, 3, i);
        char path[64];
        snprintf(path, sizeof path, "/news/%zu.md", i);
        buf_reset(&b);
        assert_true(cache_encode(&b, path, i, (int64_t)i * 1000000007, &x, NULL, NULL));
        cache_store_encoded(c, path, i, (int64_t)i * 1000000007, b.data, b.len, 0);
        extraction_free(&x);
    }
    buf_free(&b);
    save(c);
    cache_free(c);
    size_t got_len;
    unsigned char *got = slurp(file, &got_len);
    assert_int_equal(got_len, want_len);
    assert_memory_equal(got, want, want_len);
    free(got);
    free(want);
    ino_t first = inode_of(file);

    c = open_key(KEY);
    size_t *found = xcalloc(N, sizeof *found);
    for (size_t i = 0; i < N; i++) {
        struct extraction x, y;
        cache_synth(&x, 3, i);
        char path[64];
        snprintf(path, sizeof path, "/news/%zu.md", i);
        assert_true(cache_lookup_found(c, path, i, (int64_t)i * 1000000007, NULL, &y, &found[i]));
        assert_true(cache_extraction_equal(&x, &y));
        assert_int_equal(found[i], i + 1); /* records are numbered in file order */
        size_t none = 7;
        extraction_free(&y);
        assert_false(cache_lookup_found(c, path, i, 1, NULL, &y, &none));
        assert_int_equal(none, 0);
        extraction_free(&x);
    }
    for (size_t i = N; i-- > 0;) {
        struct extraction x;
        cache_synth(&x, 3, i);
        char path[64];
        snprintf(path, sizeof path, "/news/%zu.md", i);
        assert_true(hits(c, path, i, (int64_t)i * 1000000007, &x));
        extraction_free(&x);
    }
    cache_keep_found(c, 0);
    cache_keep_found(c, N + 1);
    for (size_t i = 0; i < N; i++)
        cache_keep_found(c, found[i]);
    save(c);
    cache_free(c);
    assert_true(inode_of(file) == first); /* every record kept: not written */

    c = open_key(KEY);
    cache_keep_found(c, found[N - 1]);
    cache_keep_found(c, found[0]);
    save(c);
    cache_free(c);
    assert_true(inode_of(file) != first);
    c = open_key(KEY);
    assert_int_equal(cache_count(c), 2);
    assert_int_equal(count_hits(c, 3, N), 2);
    cache_free(c);
    free(found);
    free(file);
}

/* Decodes a whole record in b (with the article when l is not NULL). */
static bool decode_record(const struct buf *b, struct extraction *x, struct loaded *l)
{
    struct cache_codec_head h;
    return cache_codec_record_head((const unsigned char *)b->data, b->len, &h) &&
           cache_codec_record_decode(&h, x, l);
}

/* A loaded article's body is borrowed from the record, so the record keeps
 * a NUL after it: a good record's body points into its bytes; one whose
 * NUL is another byte (checksum made right again) is refused, with the
 * article or without. */
static void test_loaded_body_needs_nul(void **state)
{
    (void)state;
    char *path = article_at("nul.md", "---\ntitle: T\n---\nBody text, long enough.\n");
    struct boilerplate *bp = boilerplate_new();
    struct loaded l;
    corpus_load_file(path, bp, CORPUS_MAX_FILE_SIZE, &l);
    assert_non_null(l.article);
    struct extraction x, y;
    cache_synth(&x, 3, 2);
    struct buf b;
    buf_init(&b);
    assert_true(cache_codec_put_record(&b, path, l.size, l.mtime_ns, &x, &l));
    struct loaded got;
    assert_true(decode_record(&b, &y, &got));
    assert_true(cache_loaded_equal(&l, &got));
    assert_true(got.article->body_borrowed);
    assert_true(got.article->body > b.data && got.article->body < b.data + b.len);
    loaded_free(&got);
    extraction_free(&y);
    const char *body = l.article->body;
    size_t n = l.article->body_len;
    char *at = NULL;
    for (size_t i = 0; i + n < b.len && !at; i++)
        if (!memcmp(b.data + i, body, n + 1))
            at = b.data + i + n;
    assert_non_null(at);
    *at = 'x';
    size_t sum_at = b.len - 8;
    uint64_t sum = cache_codec_checksum((const unsigned char *)b.data, sum_at);
    for (int i = 0; i < 8; i++)
        b.data[sum_at + (size_t)i] = (char)(sum >> (8 * i));
    assert_false(decode_record(&b, &y, &got));
    assert_null(got.article);
    assert_false(decode_record(&b, &y, NULL));
    *at = '\0'; /* and back: good again */
    sum = cache_codec_checksum((const unsigned char *)b.data, sum_at);
    for (int i = 0; i < 8; i++)
        b.data[sum_at + (size_t)i] = (char)(sum >> (8 * i));
    assert_true(decode_record(&b, &y, NULL));
    extraction_free(&y);
    buf_free(&b);
    loaded_free(&l);
    extraction_free(&x);
    boilerplate_free(bp);
    free(path);
}

/* Decoded without a slab (a cache's lookups use its slab:
 * test_loaded_article_in_the_slab), an article's strings follow it in its
 * own heap allocation (packed_size), and a string past the decoder's
 * scratch room is on the heap alone: both read back equal and are freed
 * whole (the ASan build checks each free). */
static void test_loaded_strings_packed(void **state)
{
    (void)state;
    struct buf text;
    buf_init(&text);
    for (int long_title = 0; long_title < 2; long_title++) {
        buf_reset(&text);
        buf_puts(&text, "---\ntitle: ");
        for (int i = 0; i < (long_title ? 600 : 1); i++)
            buf_puts(&text, "A headline ");
        buf_puts(&text, "\nsource: Wire\nurl: https://example.com/a\nauthor: A. Writer\n"
                        "tags: [one, two]\nextra_key: value\n---\nBody text, long enough.\n");
        char *path = article_at(long_title ? "packed-long.md" : "packed.md", text.data);
        struct boilerplate *bp = boilerplate_new();
        struct loaded l, got;
        corpus_load_file(path, bp, CORPUS_MAX_FILE_SIZE, &l);
        assert_non_null(l.article);
        struct extraction x, y;
        cache_synth(&x, 3, 2);
        struct buf b;
        buf_init(&b);
        assert_true(cache_codec_put_record(&b, path, l.size, l.mtime_ns, &x, &l));
        assert_true(decode_record(&b, &y, &got));
        assert_true(cache_loaded_equal(&l, &got));
        const struct article *a = got.article;
        const char *start = (const char *)a, *end = start + a->packed_size;
        assert_true(a->packed_size > sizeof *a);
        assert_true(a->path > start && a->path < end);
        assert_true(a->meta.url > start && a->meta.url < end);
        assert_int_equal(a->title > start && a->title < end, !long_title);
        loaded_free(&got);
        extraction_free(&y);
        buf_free(&b);
        loaded_free(&l);
        extraction_free(&x);
        boilerplate_free(bp);
        free(path);
    }
    buf_free(&text);
}

/* With a slab, a visited or decoded record's article (its struct and
 * strings) is a piece of the slab (packed_borrowed): equal to the loaded
 * one, left by loaded_free (freeing it would abort), its strings inside
 * the piece; without one it is the heap's. A refused record leaves
 * nothing either way. */
static void test_loaded_article_in_the_slab(void **state)
{
    (void)state;
    char *path = article_at("slab.md", "---\ntitle: Kane signs\nsource: Wire\ntags: [one]\n---\n"
                                       "Harry Kane joined Bayern.\n");
    struct boilerplate *bp = boilerplate_new();
    struct loaded want;
    corpus_load_file(path, bp, CORPUS_MAX_FILE_SIZE, &want);
    assert_non_null(want.article);
    struct extraction x;
    cache_synth(&x, 3, 2);
    struct buf b;
    buf_init(&b);
    assert_true(cache_codec_put_record(&b, path, want.size, want.mtime_ns, &x, &want));
    struct cache_codec_head h;
    assert_true(cache_codec_record_head((const unsigned char *)b.data, b.len, &h));
    struct cache_slab *slab = cache_slab_new();
    for (int with_slab = 0; with_slab < 2; with_slab++) {
        struct cache_slab *s = with_slab ? slab : NULL;
        struct loaded got;
        struct seen seen = {.calls = 0};
        assert_true(cache_codec_record_visit(&h, &got, s, see, &seen));
        assert_true(cache_loaded_equal(&want, &got));
        const struct article *a = got.article;
        assert_int_equal(a->packed_borrowed, with_slab);
        const char *start = (const char *)a, *end = start + a->packed_size;
        assert_true(a->title > start && a->title < end);
        assert_true(a->meta.tags[0] > start && a->meta.tags[0] < end);
        loaded_free(&got);
        struct extraction y;
        assert_true(cache_codec_record_decode_into(&h, &y, &got, s));
        assert_true(cache_loaded_equal(&want, &got));
        assert_int_equal(got.article->packed_borrowed, with_slab);
        loaded_free(&got);
        extraction_free(&y);
    }
    /* refused (a byte of the body changed, the checksum not made again):
     * nothing is given, and nothing taken from the slab is left to free */
    size_t at = b.len - 8;
    while (at > 0 && memcmp(b.data + at, "Bayern", 6))
        at--;
    assert_true(at > 0);
    b.data[at] = 'b';
    struct loaded got;
    struct seen seen = {.calls = 0};
    assert_false(cache_codec_record_visit(&h, &got, slab, see, &seen));
    assert_null(got.article);
    assert_int_equal(seen.calls, 0);
    cache_slab_free(slab);
    buf_free(&b);
    loaded_free(&want);
    extraction_free(&x);
    boilerplate_free(bp);
    free(path);
}

/* A record stored without the article gives the extraction only; one whose
 * article text is not as sanitize leaves it (an escape sequence in the
 * title, a control character in a tag) is refused whole by
 * cache_lookup_loaded, never shown. */
static void test_loaded_refused(void **state)
{
    (void)state;
    char *path = article_at("esc.md", "---\ntitle: Plain\ntags: [a]\n---\nBody text.\n");
    struct boilerplate *bp = boilerplate_new();
    struct loaded l;
    corpus_load_file(path, bp, CORPUS_MAX_FILE_SIZE, &l);
    assert_non_null(l.article);
    struct extraction x;
    cache_synth(&x, 3, 2);
    struct cache *c = open_key(KEY);
    cache_store(c, "/no-article", 1, 1, &x);
    char *title = l.article->title;
    l.article->title = xstrdup("red \x1b[31m title");
    cache_store_loaded(c, "/esc-title", 2, 2, &x, &l);
    free(l.article->title);
    l.article->title = title;
    free(l.article->meta.tags[0]);
    l.article->meta.tags[0] = xstrdup("bell\a");
    cache_store_loaded(c, "/bell-tag", 3, 3, &x, &l);
    char *body = l.article->body; /* a NUL inside the body: refused too */
    size_t body_len = l.article->body_len;
    l.article->body = xstrdup("Body\ntext.\n");
    l.article->body[4] = '\0';
    l.article->body_len = strlen("Body\ntext.\n");
    cache_store_loaded(c, "/nul-body", 4, 4, &x, &l);
    free(l.article->body);
    l.article->body = body;
    l.article->body_len = body_len;
    save(c);
    cache_free(c);
    c = open_key(KEY);
    const struct {
        const char *path;
        uint64_t n;
    } cases[] = {{"/no-article", 1}, {"/esc-title", 2}, {"/bell-tag", 3}, {"/nul-body", 4}};
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct loaded got;
        struct extraction y;
        assert_false(
            cache_lookup_loaded(c, cases[i].path, cases[i].n, (int64_t)cases[i].n, &got, &y));
        assert_null(got.article);
        assert_int_equal(y.nentities + y.nfacts, 0);
        assert_true(hits(c, cases[i].path, cases[i].n, (int64_t)cases[i].n, &x));
    }
    cache_free(c);
    loaded_free(&l);
    extraction_free(&x);
    boilerplate_free(bp);
    free(path);
}

/* The records' checksum (XXH3) changes when any one byte changes, at every
 * length through its paths for short, mid-size and long inputs (up to 16,
 * 128, 240 bytes and past), and is the same when taken in two pieces cut
 * anywhere, as the stored index is written. */
static void test_record_checksum_sees_every_byte(void **state)
{
    (void)state;
    unsigned char data[300];
    for (size_t i = 0; i < sizeof data; i++)
        data[i] = (unsigned char)(i * 37 + 11);
    for (size_t len = 1; len <= sizeof data; len++) {
        uint64_t sum = cache_codec_checksum(data, len);
        for (size_t i = 0; i < len; i++) {
            data[i] ^= 0x20;
            assert_true(cache_codec_checksum(data, len) != sum);
            data[i] ^= 0x20;
        }
        if (len > 1) /* the length itself counts */
            assert_true(cache_codec_checksum(data, len - 1) != sum);
        for (size_t cut = 0; cut <= len; cut++) { /* in two pieces, as files are written */
            struct cache_codec_sum *s = cache_codec_sum_start();
            assert_non_null(s);
            cache_codec_sum_add(s, data, cut);
            cache_codec_sum_add(s, data + cut, len - cut);
            assert_true(cache_codec_sum_end(s) == sum);
        }
    }
}

/* The build-id read from memory is the note the linker wrote into the file
 * (this test is linked with one, as touchline is): "GNU\0" then its bytes. */
static void test_build_id_is_the_files_note(void **state)
{
    (void)state;
    unsigned char id[64];
    size_t n = cache_build_id(id, sizeof id);
    assert_true(n >= 8);
    FILE *f = fopen("/proc/self/exe", "rb");
    assert_non_null(f);
    struct buf exe;
    buf_init(&exe);
    char chunk[1 << 16];
    size_t got;
    while ((got = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&exe, chunk, got);
    fclose(f);
    unsigned char note[4 + 64];
    memcpy(note, "GNU", 4);
    memcpy(note + 4, id, n);
    bool found = false;
    for (size_t i = 0; !found && i + 4 + n <= exe.len; i++)
        found = !memcmp(exe.data + i, note, 4 + n);
    assert_true(found);
    buf_free(&exe);
    unsigned char shorter[4];
    assert_int_equal(cache_build_id(shorter, sizeof shorter), 4);
    assert_memory_equal(shorter, id, 4);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_hash_and_names),
        cmocka_unit_test(test_round_trip_and_misses),
        cmocka_unit_test(test_save_only_when_changed),
        cmocka_unit_test(test_unknown_fact_code_not_stored),
        cmocka_unit_test(test_every_byte_flipped),
        cmocka_unit_test(test_every_truncation_and_garbage),
        cmocka_unit_test(test_wrong_header_fields),
        cmocka_unit_test(test_hostile_records),
        cmocka_unit_test(test_mention_encodings),
        cmocka_unit_test(test_head_disagrees_with_table),
        cmocka_unit_test(test_real_extractions),
        cmocka_unit_test(test_100k_records),
        cmocka_unit_test(test_records_written_out_as_they_come),
        cmocka_unit_test(test_loaded_articles),
        cmocka_unit_test(test_visited_then_decoded),
        cmocka_unit_test(test_glanced_then_refused),
        cmocka_unit_test(test_glance_disagrees),
        cmocka_unit_test(test_loaded_refused),
        cmocka_unit_test(test_encoded_and_found),
        cmocka_unit_test(test_big_and_small_extractions),
        cmocka_unit_test(test_decoded_into_the_slab),
        cmocka_unit_test(test_loaded_body_needs_nul),
        cmocka_unit_test(test_loaded_strings_packed),
        cmocka_unit_test(test_loaded_article_in_the_slab),
        cmocka_unit_test(test_record_checksum_sees_every_byte),
        cmocka_unit_test(test_build_id_is_the_files_note),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
