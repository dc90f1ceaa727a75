/* cache: the cache file's header, the table of its records built at open,
 * lookups, stores and the save (see cache.h). The file is a 40-byte header
 * (magic "TLCACHE\0", u32 format version, u32 0, u64 key, u64 record count,
 * u64 checksum of those 32 bytes, all little-endian), then exactly that
 * many records (cache_codec.h), then the heads table: one HEAD_ENTRY-byte
 * entry per record, in file order (u64 offset of the record in the file,
 * u64 article size, i64 mtime_ns, u64 hash of the path, u32 record length,
 * u32 path length, u32 where the path starts in the record, u32 0), then a
 * u64 record checksum of the table, ending at the end of the file. The
 * opener reads the table alone, not the records spread over the file; each
 * record's own head is checked against its entry when it is decoded. */
#define _GNU_SOURCE /* dl_iterate_phdr */
#include "core/cache/cache.h"
#include "core/cache/cache_codec.h"
#include "core/cache/cache_file.h"
#include "core/cache/cache_lend.h"
#include "core/cache/cache_slab.h"
#include "core/base/hash.h"
#include "core/base/xalloc.h"

#include <elf.h>
#include <errno.h>
#include <link.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef TOUCHLINE_VERSION
#define TOUCHLINE_VERSION "0.0.0"
#endif

/* 2: fact details are enum codes; 3: records may hold the loaded article;
 * 4: four-lane record checksums; 5: an article's body ends with a NUL, so
 * that it is borrowed from the mapping; 6: the NULs after ids and names;
 * 7: the heads table at the end; 8: mentions as start and length; 9: XXH3
 * record checksums; 10: the extraction's glance ahead of it. An older file
 * is a miss. */
enum { HEADER_SIZE = 40, FORMAT_VERSION = 10, HEAD_ENTRY = 48 };
static const char magic[8] = "TLCACHE";         /* and its NUL */
static const size_t max_file = (size_t)1 << 30; /* bigger files are ignored */
static const long stale_temp_age = 10 * 60;     /* seconds */

/* A record to save: entry `entry - 1` of the file as read (cache_keep), or
 * `len` bytes encoded by cache_store into a chunk. */
struct item {
    size_t entry;
    const char *bytes;
    size_t len;
};

/* Stored records live in chunks of CHUNK bytes (bigger for a bigger record),
 * never moved once written: no copy as they grow, no doubling slack. */
struct chunk {
    char *data;
    size_t len, cap;
};
enum { CHUNK = 4u << 20 };
/* Past this many bytes of new records, they are written out to the temp
 * file that cache_save will rename (and their chunks freed): memory stays
 * bounded however big the cache gets, and the articles whose records are
 * written borrow their text from the file (cache_lend). A write of a few
 * MiB costs little more than one of 16 (a cold load at 100,000 articles
 * held 16.8 MB of records waiting with 16 MiB). */
enum { SPILL_BYTES = 4u << 20 };

/* A record of the file read at open. */
struct entry {
    struct cache_codec_head head;
    uint64_t hash; /* of the path */
};

struct cache {
    char *file;
    uint64_t key;
    const unsigned char *data; /* the file as mapped at open, or NULL */
    struct cache_slab *slab;   /* what decoded extractions and articles live in */
    size_t data_size;
    struct entry *entries;
    size_t nentries;
    uint32_t *slots; /* entry index + 1, 0 for empty; mask + 1 of them */
    size_t mask;
    /* What cache_store wrote (touched by it and cache_save only). */
    struct buf scratch; /* one record being encoded */
    struct chunk *chunks;
    size_t nchunks, ccap;
    struct item *items; /* the records to save, in store order, not yet written */
    size_t nitems;
    size_t chunk_bytes; /* in the chunks */
    int wfd;            /* the temp file once records are written out, else -1 */
    char *wtmp;
    char *werror; /* why writing out failed, or NULL */
    size_t nstored, icap;
    struct buf heads; /* the heads table of the records to save, so far */
    uint64_t end;     /* where the next record to save goes in the file */
    /* The first temp file records are written out to, mapped (its first
     * max_file bytes) for cache_lend. */
    struct cache_lender lend;
    unsigned char *matched; /* per entry: stored again byte for byte */
    bool changed;           /* a store that was not such a match */
    bool saved;             /* nothing stored since the last save */
};

/* Where the build-id is copied to, by the program headers' walk. */
struct build_id {
    unsigned char *out;
    size_t cap, len;
};

/* The NT_GNU_BUILD_ID note among n bytes of notes, if there is one. */
static void find_build_id(const unsigned char *p, size_t n, struct build_id *b)
{
    size_t at = 0;
    while (!b->len && n - at >= 12) {
        uint32_t namesz, descsz, type;
        memcpy(&namesz, p + at, 4);
        memcpy(&descsz, p + at + 4, 4);
        memcpy(&type, p + at + 8, 4);
        size_t name = at + 12, desc = name + (((size_t)namesz + 3) & ~(size_t)3);
        size_t next = desc + (((size_t)descsz + 3) & ~(size_t)3);
        if (next > n || next <= at)
            return;
        if (type == NT_GNU_BUILD_ID && namesz == 4 && !memcmp(p + name, "GNU", 4) && descsz) {
            b->len = descsz < b->cap ? descsz : b->cap;
            memcpy(b->out, p + desc, b->len);
        }
        at = next;
    }
}

/* dl_iterate_phdr's first object is the program itself: its PT_NOTEs. */
static int program_build_id(struct dl_phdr_info *info, size_t size, void *arg)
{
    (void)size;
    for (size_t i = 0; i < info->dlpi_phnum; i++) {
        const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
        if (ph->p_type == PT_NOTE)
            find_build_id((const unsigned char *)(info->dlpi_addr + ph->p_vaddr), ph->p_memsz, arg);
    }
    return 1; /* only the first object */
}

size_t cache_build_id(unsigned char *out, size_t cap)
{
    struct build_id b = {out, cap, 0};
    dl_iterate_phdr(program_build_id, &b);
    return b.len;
}

/* Without a build-id, the binary is hashed a chunk at a time with the
 * header's word-at-a-time checksum, chained (a byte-at-a-time hash of a 2 MB
 * binary took 13.5 million instructions, on the way to the first screen;
 * the word-at-a-time one about a millisecond on every start). */
uint64_t cache_build_fingerprint(void)
{
    unsigned char id[64];
    size_t idlen = cache_build_id(id, sizeof id);
    if (idlen)
        return hash_bytes(id, idlen) ^ 0xb1d;
    uint64_t h = HASH_INIT;
    int fd = open("/proc/self/exe", O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
        unsigned char chunk[1 << 16];
        ssize_t n;
        size_t total = 0;
        while ((n = read(fd, chunk, sizeof chunk)) > 0) {
            h = (h ^ cache_codec_checksum(chunk, (size_t)n)) * 0x100000001b3ULL;
            total += (size_t)n;
        }
        close(fd);
        if (n == 0 && total > 0)
            return h ^ total;
    }
    static const char version[] = "touchline " TOUCHLINE_VERSION;
    return hash_bytes(version, sizeof version - 1);
}

/* dir/<hash of the roots>.cache */
static char *cache_path(const char *dir, const char *const *roots, size_t nroots)
{
    uint64_t h = HASH_INIT;
    bool relative = false;
    for (size_t i = 0; i < nroots; i++)
        relative |= roots[i][0] != '/';
    char cwd[4096];
    if (relative && getcwd(cwd, sizeof cwd))
        h = hash_more(h, cwd, strlen(cwd) + 1);
    for (size_t i = 0; i < nroots; i++)
        h = hash_more(h, roots[i], strlen(roots[i]) + 1);
    struct buf b;
    buf_init(&b);
    buf_printf(&b, "%s/%016llx.cache", dir, (unsigned long long)h);
    return buf_detach(&b, NULL);
}

static bool header_valid(const unsigned char *p, size_t size, uint64_t key, uint64_t *count)
{
    if (size < HEADER_SIZE || memcmp(p, magic, sizeof magic) ||
        cache_codec_get_u32(p + 8) != FORMAT_VERSION || cache_codec_get_u32(p + 12) != 0 ||
        cache_codec_get_u64(p + 16) != key ||
        cache_codec_checksum(p, 32) != cache_codec_get_u64(p + 32))
        return false;
    *count = cache_codec_get_u64(p + 24);
    return size >= HEADER_SIZE + 8 &&
           *count <= (size - HEADER_SIZE - 8) / (CODEC_FRAME + CODEC_MIN_BODY + HEAD_ENTRY);
}

/* The slot of a path: its entry's, or the empty one where it would go.
 * FNV-1a's low bits depend only on the inputs' low bits, so the hash is
 * mixed (murmur3's finalizer) before it picks a slot. */
static size_t find_slot(const struct cache *c, const char *path, size_t len, uint64_t hash)
{
    uint64_t m = (hash ^ (hash >> 33)) * 0xff51afd7ed558ccdULL;
    size_t i = (size_t)(m ^ (m >> 33)) & c->mask;
    for (;; i = (i + 1) & c->mask) {
        uint32_t s = c->slots[i];
        if (!s)
            return i;
        const struct entry *e = &c->entries[s - 1];
        if (e->hash == hash && e->head.path_len == len && !memcmp(e->head.path, path, len))
            return i;
    }
}

static void build_table(struct cache *c)
{
    size_t n = 16;
    while (n < 2 * c->nentries)
        n *= 2;
    c->slots = xcalloc(n, sizeof *c->slots);
    c->mask = n - 1;
    for (size_t i = 0; i < c->nentries; i++) {
        const struct entry *e = &c->entries[i];
        c->slots[find_slot(c, e->head.path, e->head.path_len, e->hash)] = (uint32_t)i + 1;
    }
}

/* Fills entry e from its heads table entry p for a record at `at`,
 * before `limit`; false unless the entry is well formed and in bounds (the
 * record's own head is checked when it is decoded: check_head). */
static bool read_head(const unsigned char *data, const unsigned char *p, size_t at, size_t limit,
                      struct entry *e)
{
    uint32_t len = cache_codec_get_u32(p + 32), path_len = cache_codec_get_u32(p + 36);
    uint32_t path_at = cache_codec_get_u32(p + 40);
    if (cache_codec_get_u64(p) != at || cache_codec_get_u32(p + 44) != 0 ||
        len < CODEC_FRAME + CODEC_MIN_BODY || len > limit - at || path_at < 4 + 16 + 1 ||
        path_at > len - 8 || path_len > len - 8 - path_at)
        return false;
    e->head = (struct cache_codec_head){
        .len = len,
        .size = cache_codec_get_u64(p + 8),
        .mtime_ns = (int64_t)cache_codec_get_u64(p + 16),
        .path = (const char *)data + at + path_at,
        .path_len = path_len,
        .start = data + at,
    };
    e->hash = cache_codec_get_u64(p + 24);
    return true;
}

/* Reads the heads table at the end of the file: false unless it is intact
 * and its `count` records follow each other from the header to it. Only the
 * table's pages are touched, not the records'. */
static bool read_entries(struct cache *c, size_t size, uint64_t count)
{
    size_t table = size - 8 - (size_t)count * HEAD_ENTRY;
    const unsigned char *t = c->data + table;
    if (cache_codec_checksum(t, (size_t)count * HEAD_ENTRY) !=
        cache_codec_get_u64(c->data + size - 8))
        return false;
    c->entries = xcalloc(count ? count : 1, sizeof *c->entries);
    size_t at = HEADER_SIZE;
    for (uint64_t i = 0; i < count; i++) {
        if (!read_head(c->data, t + i * HEAD_ENTRY, at, table, &c->entries[i]))
            return false;
        at += c->entries[i].head.len;
    }
    c->nentries = (size_t)count;
    return at == table;
}

/* Whether a record's own head says what its table entry says (else the
 * file is not what this program wrote, and the record is refused). */
static bool check_head(const struct entry *e)
{
    struct cache_codec_head h;
    return cache_codec_record_head(e->head.start, e->head.len, &h) && h.len == e->head.len &&
           h.size == e->head.size && h.mtime_ns == e->head.mtime_ns && h.path == e->head.path &&
           h.path_len == e->head.path_len;
}

static void load(struct cache *c)
{
    size_t size = 0;
    uint64_t count;
    c->data = cache_file_map(c->file, max_file, &size);
    if (c->data && header_valid(c->data, size, c->key, &count) && read_entries(c, size, count)) {
        c->data_size = size;
        /* Give back the table's pages; each record's come in when it is
         * decoded. */
        size_t table = size - 8 - c->nentries * HEAD_ENTRY;
        cache_file_drop(c->data, size, c->data + table, size - table);
        return;
    }
    cache_file_unmap(c->data, size);
    free(c->entries);
    c->data = NULL;
    c->entries = NULL;
    c->nentries = 0;
}

struct cache *cache_open(const char *dir, const char *const *roots, size_t nroots, uint64_t key)
{
    if (!dir || !*dir)
        return NULL;
    struct cache *c = xcalloc(1, sizeof *c);
    c->file = cache_path(dir, roots, nroots);
    c->key = key;
    buf_init(&c->scratch);
    buf_init(&c->heads);
    c->end = HEADER_SIZE;
    c->wfd = -1;
    cache_lender_init(&c->lend, HEADER_SIZE, max_file);
    c->slab = cache_slab_new();
    load(c);
    build_table(c);
    c->matched = xcalloc(c->nentries ? c->nentries : 1, 1);
    /* A warm start keeps about every record read: room for their heads and
     * items up front, not copied as they grow (each copy faults in fresh
     * pages); room never used costs address space, not memory. */
    if (c->nentries) {
        buf_reserve(&c->heads, c->nentries * HEAD_ENTRY);
        c->items = xgrow(c->items, &c->icap, c->nentries, sizeof *c->items);
    }
    return c;
}

/* The entry for a path, size and mtime, or NULL. */
static const struct entry *find(const struct cache *c, const char *path, uint64_t size,
                                int64_t mtime_ns)
{
    size_t len = strlen(path);
    uint32_t s = c->slots[find_slot(c, path, len, hash_bytes(path, len))];
    if (!s)
        return NULL;
    const struct entry *e = &c->entries[s - 1];
    return e->head.size == size && e->head.mtime_ns == mtime_ns ? e : NULL;
}

static const struct entry *find_or_null(const struct cache *c, const char *path, uint64_t size,
                                        int64_t mtime_ns)
{
    return c ? find(c, path, size, mtime_ns) : NULL;
}

/* Records are decoded in about file order (they are stored in load order),
 * so a record that ends in a new window of DROP_WINDOW bytes gives back the
 * pages of the window before the previous one: one system call per window,
 * not per record (each is a TLB flush on every core the threads run on). A
 * record decoded later from a window already given back reads its pages in
 * again (right, only slower). */
enum { DROP_WINDOW = 1u << 20 };
static void drop_behind(const struct cache *c, const struct entry *e)
{
    size_t from = (size_t)(e->head.start - c->data) / DROP_WINDOW;
    size_t to = (size_t)(e->head.start - c->data + e->head.len) / DROP_WINDOW;
    if (to > from && to >= 2)
        cache_file_drop(c->data, c->data_size, c->data + (to - 2) * DROP_WINDOW, DROP_WINDOW);
}

/* Decodes a record found (or fails for NULL). What it gives is memory of
 * its own, so the record's pages are given back: a warm start does not keep
 * the whole mapped file in memory on top of the articles. */
static bool decode(const struct cache *c, const struct entry *e, struct extraction *out,
                   struct loaded *l)
{
    if (!e || !check_head(e))
        return false;
    bool ok = cache_codec_record_decode_into(&e->head, out, l, c->slab);
    drop_behind(c, e);
    return ok;
}

bool cache_lookup_found(const struct cache *c, const char *path, uint64_t size, int64_t mtime_ns,
                        struct loaded *l, struct extraction *out, size_t *found)
{
    memset(out, 0, sizeof *out);
    if (l)
        memset(l, 0, sizeof *l);
    const struct entry *e = find_or_null(c, path, size, mtime_ns);
    bool ok = decode(c, e, out, l);
    *found = ok ? (size_t)(e - c->entries) + 1 : 0;
    return ok;
}

bool cache_lookup_visit(const struct cache *c, const char *path, uint64_t size, int64_t mtime_ns,
                        struct loaded *l, cache_codec_visit visit, void *ctx, size_t *found,
                        struct cache_record *record)
{
    memset(l, 0, sizeof *l);
    *record = (struct cache_record){NULL, 0};
    const struct entry *e = find_or_null(c, path, size, mtime_ns);
    bool ok = e && check_head(e) && cache_codec_record_visit(&e->head, l, c->slab, visit, ctx);
    if (e)
        drop_behind(c, e);
    *found = ok ? (size_t)(e - c->entries) + 1 : 0;
    if (ok)
        *record = (struct cache_record){e->head.start, e->head.len};
    return ok;
}

bool cache_record_decode(struct cache_record record, struct extraction *out)
{
    struct cache_codec_head h;
    memset(out, 0, sizeof *out);
    return record.start && cache_codec_record_head(record.start, record.len, &h) &&
           h.len == record.len && cache_codec_record_decode(&h, out, NULL);
}

bool cache_lookup(const struct cache *c, const char *path, uint64_t size, int64_t mtime_ns,
                  struct extraction *out)
{
    size_t found;
    return cache_lookup_found(c, path, size, mtime_ns, NULL, out, &found);
}

bool cache_lookup_loaded(const struct cache *c, const char *path, uint64_t size, int64_t mtime_ns,
                         struct loaded *l, struct extraction *out)
{
    size_t found;
    return cache_lookup_found(c, path, size, mtime_ns, l, out, &found);
}

/* Copies a record into the last chunk (a new one when it does not fit). */
static const char *chunk_put(struct cache *c, const char *p, size_t len)
{
    struct chunk *k = c->nchunks ? &c->chunks[c->nchunks - 1] : NULL;
    if (!k || k->cap - k->len < len) {
        c->chunks = xgrow(c->chunks, &c->ccap, c->nchunks + 1, sizeof *c->chunks);
        k = &c->chunks[c->nchunks++];
        k->cap = len > CHUNK ? len : CHUNK;
        k->data = xmalloc(k->cap);
        k->len = 0;
    }
    char *at = memcpy(k->data + k->len, p, len);
    k->len += len;
    return at;
}

/* Appends a record's entry to the heads table of the file being saved. */
static void put_head(struct cache *c, const struct cache_codec_head *h, uint64_t hash)
{
    cache_codec_put_u64(&c->heads, c->end);
    cache_codec_put_u64(&c->heads, h->size);
    cache_codec_put_u64(&c->heads, (uint64_t)h->mtime_ns);
    cache_codec_put_u64(&c->heads, hash);
    cache_codec_put_u32(&c->heads, (uint32_t)h->len);
    cache_codec_put_u32(&c->heads, (uint32_t)h->path_len);
    cache_codec_put_u32(&c->heads,
                        h->path ? (uint32_t)((const unsigned char *)h->path - h->start) : 0);
    cache_codec_put_u32(&c->heads, 0);
    c->end += h->len;
}

static void push_item(struct cache *c, struct item it)
{
    if (it.entry) {
        const struct entry *e = &c->entries[it.entry - 1];
        put_head(c, &e->head, e->hash);
    } else {
        struct cache_codec_head h; /* of a record cache_encode wrote: it reads */
        if (!cache_codec_record_head((const unsigned char *)it.bytes, it.len, &h))
            memset(&h, 0, sizeof h); /* never: the table then refuses the file */
        put_head(c, &h, h.path ? hash_bytes(h.path, h.path_len) : 0);
    }
    c->items = xgrow(c->items, &c->icap, c->nitems + 1, sizeof *c->items);
    c->items[c->nitems++] = it;
    c->nstored++;
    c->saved = false;
}

static void spill(struct cache *c);

void cache_store(struct cache *c, const char *path, uint64_t size, int64_t mtime_ns,
                 const struct extraction *x)
{
    cache_store_loaded(c, path, size, mtime_ns, x, NULL);
}

bool cache_encode(struct buf *b, const char *path, uint64_t size, int64_t mtime_ns,
                  const struct extraction *x, const struct loaded *l, size_t *text_at)
{
    size_t at = 0;
    bool ok =
        cache_codec_encodable(x) && cache_codec_put_record_at(b, path, size, mtime_ns, x, l, &at);
    if (text_at)
        *text_at = ok ? at : 0;
    return ok;
}

void cache_store_loaded(struct cache *c, const char *path, uint64_t size, int64_t mtime_ns,
                        const struct extraction *x, const struct loaded *l)
{
    if (!c)
        return;
    buf_reset(&c->scratch);
    if (cache_encode(&c->scratch, path, size, mtime_ns, x, l, NULL))
        cache_store_encoded(c, path, size, mtime_ns, c->scratch.data, c->scratch.len, 0);
}

uint64_t cache_store_encoded(struct cache *c, const char *path, uint64_t size, int64_t mtime_ns,
                             const char *bytes, size_t len, size_t text_at)
{
    if (!c)
        return 0;
    const struct entry *e = find(c, path, size, mtime_ns);
    size_t i = e ? (size_t)(e - c->entries) : 0;
    if (e && !c->matched[i] && e->head.len == len && !memcmp(e->head.start, bytes, len)) {
        c->matched[i] = 1; /* the same bytes as read: saved from the file's copy */
        push_item(c, (struct item){i + 1, NULL, 0});
        return 0;
    }
    c->changed = true;
    uint64_t at = cache_lender_on(&c->lend) && text_at && text_at < len ? c->end + text_at : 0;
    push_item(c, (struct item){0, chunk_put(c, bytes, len), len});
    c->chunk_bytes += len;
    if (c->chunk_bytes > SPILL_BYTES)
        spill(c);
    return at;
}

const char *cache_lend(struct cache *c, uint64_t at, const char *text, size_t len, bool *later)
{
    if (!c)
        return *later = false, NULL;
    return cache_lender_lend(&c->lend, c->werror != NULL, at, text, len, later);
}

void cache_lend_done(struct cache *c)
{
    if (c)
        cache_lender_done(&c->lend);
}

void cache_keep(struct cache *c, const char *path, uint64_t size, int64_t mtime_ns)
{
    const struct entry *e = c ? find(c, path, size, mtime_ns) : NULL;
    if (e)
        cache_keep_found(c, (size_t)(e - c->entries) + 1);
}

void cache_keep_found(struct cache *c, size_t found)
{
    if (!c || !found || found > c->nentries)
        return;
    size_t i = found - 1;
    push_item(c, (struct item){i + 1, NULL, 0});
    if (c->matched[i])
        c->changed = true; /* the same record twice */
    c->matched[i] = 1;
}

/* The file to save as byte ranges, header first: records kept as read
 * point into the file read at open, stored ones into the chunks; neighbours are
 * merged. Nothing is copied. Caller frees. */
static struct iovec *gather(const struct cache *c, const struct buf *head, size_t *n)
{
    struct iovec *v = xmalloc((c->nitems + 3) * sizeof *v); /* room for the table */
    v[0] = (struct iovec){head->data, head->len};
    *n = 1;
    for (size_t i = 0; i < c->nitems; i++) {
        const struct item *it = &c->items[i];
        char *p = it->entry ? (char *)c->entries[it->entry - 1].head.start : (char *)it->bytes;
        size_t len = it->entry ? c->entries[it->entry - 1].head.len : it->len;
        struct iovec *last = &v[*n - 1];
        if (*n > 1 && (char *)last->iov_base + last->iov_len == p)
            last->iov_len += len;
        else
            v[(*n)++] = (struct iovec){p, len};
    }
    return v;
}

static void put_header(struct buf *b, uint64_t key, uint64_t count)
{
    buf_append(b, magic, sizeof magic);
    cache_codec_put_u32(b, FORMAT_VERSION);
    cache_codec_put_u32(b, 0);
    cache_codec_put_u64(b, key);
    cache_codec_put_u64(b, count);
    cache_codec_put_u64(b, cache_codec_checksum((const unsigned char *)b->data, b->len));
}

static void free_chunks(struct cache *c)
{
    for (size_t i = 0; i < c->nchunks; i++)
        free(c->chunks[i].data);
    c->nchunks = 0;
    c->chunk_bytes = 0;
}

/* Creates the folder the cache file goes in. */
static bool make_folder(const struct cache *c, struct tl_error *err)
{
    const char *slash = strrchr(c->file, '/');
    char *dir = xstrndup(c->file, (size_t)(slash - c->file));
    bool ok = cache_file_mkdirs(dir, err);
    free(dir);
    return ok;
}

/* Writes the records not yet written to the temp file (created, with room
 * for the header, the first time) and frees their chunks. A failure is kept
 * for cache_save to report. */
static void spill(struct cache *c)
{
    if (c->werror)
        return;
    if (c->wfd < 0) {
        struct tl_error err;
        static const char room[HEADER_SIZE];
        c->wfd = make_folder(c, &err) ? cache_file_begin(c->file, &c->wtmp, &err) : -1;
        if (c->wfd < 0) {
            c->werror = xstrdup(err.msg);
            return;
        }
        if (!cache_file_write(c->wfd, room, sizeof room))
            c->werror = xstrdup(strerror(errno));
        if (!c->werror)
            cache_lender_map(&c->lend, c->wfd);
    }
    struct buf none = {0}; /* no header: it is written last, over the room */
    size_t n;
    struct iovec *v = gather(c, &none, &n);
    for (size_t i = 0; i < n && !c->werror; i++) {
        if (!cache_file_write(c->wfd, v[i].iov_base, v[i].iov_len))
            c->werror = xstrdup(strerror(errno));
        else
            cache_lender_wrote(&c->lend, v[i].iov_len);
    }
    free(v);
    c->nitems = 0;
    free_chunks(c);
}

/* The heads table's checksum, as the file stores it. */
static void table_sum(const struct cache *c, unsigned char out[8])
{
    uint64_t v = cache_codec_checksum((const unsigned char *)c->heads.data, c->heads.len);
    for (int i = 0; i < 8; i++)
        out[i] = (unsigned char)(v >> (8 * i));
}

/* cache_save for a cache whose records went to the temp file. */
static bool finish_spilled(struct cache *c, struct tl_error *err)
{
    spill(c);
    unsigned char sum[8];
    table_sum(c, sum);
    if (!c->werror && (!cache_file_write(c->wfd, c->heads.data, c->heads.len) ||
                       !cache_file_write(c->wfd, sum, sizeof sum)))
        c->werror = xstrdup(strerror(errno));
    bool ok = !c->werror;
    if (ok) {
        struct buf head;
        buf_init(&head);
        put_header(&head, c->key, c->nstored);
        ok = cache_file_commit(c->wfd, c->wtmp, c->file, head.data, head.len, err);
        buf_free(&head);
    } else {
        tl_error_set(err, "%s: %s", c->file, c->werror);
        if (c->wfd >= 0)
            cache_file_abort(c->wfd, c->wtmp);
    }
    c->wfd = -1;
    c->wtmp = NULL;
    free(c->werror);
    c->werror = NULL;
    c->nstored = 0; /* written: a later save starts a new file */
    cache_lender_stop(&c->lend);
    buf_reset(&c->heads);
    c->end = HEADER_SIZE;
    c->saved = true;
    if (ok)
        cache_file_clean_temps(c->file, stale_temp_age);
    return ok;
}

bool cache_save(struct cache *c, struct tl_error *err)
{
    if (c && (c->wfd >= 0 || c->werror))
        return finish_spilled(c, err);
    if (c)
        cache_lender_stop(&c->lend); /* what is stored next goes to another file */
    if (!c || c->saved || (!c->changed && c->nstored == c->nentries))
        return true;
    bool ok = make_folder(c, err);
    struct buf head;
    buf_init(&head);
    put_header(&head, c->key, c->nstored);
    size_t nparts;
    struct iovec *parts = gather(c, &head, &nparts);
    unsigned char sum[8];
    table_sum(c, sum);
    parts[nparts++] = (struct iovec){c->heads.data, c->heads.len};
    parts[nparts++] = (struct iovec){sum, sizeof sum};
    ok = ok && cache_file_replace(c->file, parts, nparts, err);
    free(parts);
    buf_free(&head);
    if (ok) {
        c->saved = true;
        cache_file_clean_temps(c->file, stale_temp_age);
    }
    return ok;
}

size_t cache_count(const struct cache *c)
{
    return c ? c->nentries : 0;
}

const char *cache_file(const struct cache *c)
{
    return c ? c->file : NULL;
}

void cache_trim(struct cache *c)
{
    if (!c)
        return;
    if (c->wfd >= 0) /* records written out but never saved: not a cache */
        cache_file_abort(c->wfd, c->wtmp);
    c->wfd = -1;
    free(c->werror);
    c->werror = NULL;
    free(c->entries);
    free(c->slots);
    free(c->matched);
    free(c->items);
    c->entries = NULL;
    c->slots = NULL;
    c->matched = NULL;
    c->items = NULL;
    c->nentries = c->nitems = c->icap = 0;
    buf_free(&c->scratch);
    buf_free(&c->heads);
    free_chunks(c);
    free(c->chunks);
    c->chunks = NULL;
    c->ccap = 0;
}

void cache_free(struct cache *c)
{
    if (!c)
        return;
    cache_trim(c);
    cache_slab_free(c->slab);
    free(c->file);
    cache_file_unmap(c->data, c->data_size);
    cache_lender_free(&c->lend);
    free(c);
}

char *cache_default_dir(void)
{
    const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
    if (!(xdg && xdg[0] == '/') && !(home && *home))
        return NULL;
    struct buf b;
    buf_init(&b);
    if (xdg && xdg[0] == '/')
        buf_printf(&b, "%s/touchline", xdg);
    else
        buf_printf(&b, "%s/.cache/touchline", home);
    return buf_detach(&b, NULL);
}
