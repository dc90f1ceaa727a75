/* cache: the on-disk cache of extraction results, one file per set of roots,
 * so that a second run over the same folders skips the extractor for the
 * articles that did not change (same path, size and mtime, same extractor).
 * The file is never trusted: anything that fails validation is a miss. */
#ifndef TOUCHLINE_CACHE_H
#define TOUCHLINE_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/extract/entity.h"
#include "core/base/buf.h"
#include "core/cache/cache_codec.h"
#include "core/base/error.h"
#include "core/load/corpus.h"

struct cache;

/* The extractor fingerprint part that depends on the build: a hash of the
 * running program's build-id note when it has one (the linker's hash of the
 * whole output), else a hash of the running binary (/proc/self/exe, read
 * whole), else of the version string; callers mix in KB files and patterns.
 * Call it once per run. */
uint64_t cache_build_fingerprint(void);
/* The running program's GNU build-id (its bytes, at most cap of them, into
 * out); 0 when it has none. */
size_t cache_build_id(unsigned char *out, size_t cap);

/* Opens (maps, cache_file_map) the cache file for a set of roots:
 * dir/<16 hex digits of hash(roots)>.cache. The roots are hashed as given,
 * in order; when one is relative the current directory is mixed in too. `key`
 * is the extractor fingerprint. A missing, unreadable, corrupt, truncated,
 * oversized (over 1 GiB) or different-key file gives an empty cache (never an
 * error, never trusted); a folder that cannot be written shows up only at
 * cache_save. Returns NULL only when dir is NULL or empty (no cache folder,
 * e.g. cache_default_dir() gave NULL); every function below accepts a NULL
 * cache and then does nothing (lookups miss, cache_save succeeds). */
struct cache *cache_open(const char *dir, const char *const *roots, size_t nroots, uint64_t key);
/* Looks up an article by path, file size and mtime (nanoseconds). On a hit
 * fills *out (caller frees with extraction_free) and returns true; on a
 * miss leaves *out empty. The extraction's block is usually the cache's
 * (block_borrowed: carved from its huge-page slab, cache_slab.h), so it
 * must be freed before the cache is. A record whose checksum, lengths, enums, entity
 * references or fact codes fail validation is a miss. Read-only: safe from
 * several threads at once, and alongside cache_store. */
bool cache_lookup(const struct cache *c, const char *path, uint64_t size, int64_t mtime_ns,
                  struct extraction *out);
/* cache_lookup for a record that also holds what loading the file gave
 * (cache_store_loaded): fills *l (its article and problems, caller frees
 * with loaded_free) as corpus_load_file would have, so the file need not be
 * read. The article is not copied out of the cache: its struct and strings
 * are usually a piece of the cache's slab (packed_borrowed, cache_slab.h)
 * and its body is borrowed from the cache's mapping, so the cache must
 * outlive the article (cache_trim keeps both). A record without it, or
 * whose text is not as sanitize leaves it, is a miss (*l and *out empty).
 * Same threading rules as cache_lookup. */
bool cache_lookup_loaded(const struct cache *c, const char *path, uint64_t size, int64_t mtime_ns,
                         struct loaded *l, struct extraction *out);
/* cache_lookup (l NULL) or cache_lookup_loaded, which also sets *found to
 * the record it decoded (a number for cache_keep_found), or 0 on a miss.
 * A record's pages of the mapped file are given back once it is decoded,
 * so this is the lookup to keep with: cache_keep by path would read them
 * in again. */
bool cache_lookup_found(const struct cache *c, const char *path, uint64_t size, int64_t mtime_ns,
                        struct loaded *l, struct extraction *out, size_t *found);
/* A record's place in the cache's mapping (cache_lookup_visit), which
 * lives until cache_free (cache_trim keeps it). */
struct cache_record {
    const unsigned char *start;
    size_t len;
};
/* cache_lookup_found for a record that holds its article, without the
 * extraction: the record's checksum and article are checked as a lookup
 * checks them, the article decoded into *l (as cache_lookup_loaded gives
 * it: in the slab, its body in the mapping), and of the extraction only its
 * glance read, for visit(ctx, g, l) (cache_codec_record_visit: counts,
 * marks, the mentions' reach); *record is where the record is, for
 * cache_record_decode when the extraction is needed, which may still
 * refuse a record that passed here (cache_codec.h says which). On a miss
 * *l is empty, *found 0 and visit not called. Same threading rules as
 * cache_lookup. */
bool cache_lookup_visit(const struct cache *c, const char *path, uint64_t size, int64_t mtime_ns,
                        struct loaded *l, cache_codec_visit visit, void *ctx, size_t *found,
                        struct cache_record *record);
/* Decodes the extraction of a record cache_lookup_visit found, into *out
 * (its own block: caller frees with extraction_free; the ids and names
 * point into the mapping, so the cache must outlive it). The same bytes
 * give the same extraction as the lookup would have; false (*out empty)
 * when they are not a valid record any more (the file was written over in
 * place under the mapping). Any thread. */
bool cache_record_decode(struct cache_record record, struct extraction *out);
/* The bytes cache_store_loaded would store, appended to b (pure: no cache
 * needed, any thread), so that workers can encode their own records; false
 * (b unchanged) when the extraction cannot be stored. When text_at is not
 * NULL it is set to where the article's body text starts in the record
 * (bytes from its first one), or to 0 when the record holds no article. */
bool cache_encode(struct buf *b, const char *path, uint64_t size, int64_t mtime_ns,
                  const struct extraction *x, const struct loaded *l, size_t *text_at);
/* cache_store_loaded for a record cache_encode made of the same path, size
 * and mtime (it copies the bytes). Same threading rules as cache_store.
 * Returns where the record's body text (text_at, as cache_encode set it)
 * will lie in the file being written, for cache_lend; 0 when it never can
 * be lent (no text, a record kept as read, a cache saved already). */
uint64_t cache_store_encoded(struct cache *c, const char *path, uint64_t size, int64_t mtime_ns,
                             const char *bytes, size_t len, size_t text_at);
/* The text of a stored record (`at` from cache_store_encoded, `text` and
 * `len` the article's body it was encoded from), read-only in a mapping of
 * the file being written, once the record is written out (past 4 MiB of
 * new records they go to the file as they come): the article can then
 * borrow it (body_borrowed) and free its copy. NULL when it is not written
 * yet (*later set: ask again after more stores), or never can be (*later
 * false: a write failed, a full disk, the file is past the mapping, or the
 * mapped bytes are not `text` and a NUL). The mapping lives until cache_free (cache_trim keeps it,
 * a failed save too). Same threading rules as cache_store. */
const char *cache_lend(struct cache *c, uint64_t at, const char *text, size_t len, bool *later);
/* Gives back the pages of that mapping that cache_lend read to compare, so
 * that they do not count in the process's memory (a borrowed body reads
 * them in again from the page cache when it is shown). */
void cache_lend_done(struct cache *c);
/* cache_keep for the record a cache_lookup_found of this cache set in
 * *found (0 does nothing). */
void cache_keep_found(struct cache *c, size_t found);
/* Records an article's extraction for the next save (called from one thread,
 * in load order; it copies what it needs). A later store of the same path
 * wins over an earlier one. An extraction holding a fact code the format
 * does not know (a new currency, say) is not stored, so it can never turn
 * into a record that always misses. */
void cache_store(struct cache *c, const char *path, uint64_t size, int64_t mtime_ns,
                 const struct extraction *x);
/* cache_store with what loading the file gave (l may be NULL): the record
 * holds the article and its problems too, when they can be read back equal
 * (cache_lookup_loaded). */
void cache_store_loaded(struct cache *c, const char *path, uint64_t size, int64_t mtime_ns,
                        const struct extraction *x, const struct loaded *l);
/* Records that an article's extraction is the one cache_lookup gave for it
 * (same path, size and mtime): its record is kept as read, without being
 * encoded or copied again. Same threading rules as cache_store. */
void cache_keep(struct cache *c, const char *path, uint64_t size, int64_t mtime_ns);
/* Writes every stored record (only those: entries not stored this run are
 * dropped) to the cache file atomically: a temp file in the same folder
 * (mkstemp), fsync, rename over the old one, fsync of the folder; creates the
 * folder (mkdir -p, mode 0700) if needed, and removes temp files of this
 * cache left by crashed runs more than ten minutes ago. Writes nothing when
 * the file would hold exactly what was read (every stored record is
 * byte-identical to a distinct record of a valid file, and there are as many),
 * including when nothing was read or stored. Returns false with err set on
 * failure (callers just warn); the old file is then untouched. */
bool cache_save(struct cache *c, struct tl_error *err);
/* Records read from a valid file (0 when it was missing or invalid). */
size_t cache_count(const struct cache *c);
/* The cache file's path. */
const char *cache_file(const struct cache *c);
/* Frees all but the mappings (the file read at open and the temp file
 * records were written to) and the slab, once the cache is saved: what
 * the articles and extractions it gave or lent borrow (cache_lookup_loaded,
 * cache_lend) stays readable until cache_free. Only cache_file and cache_free may follow. */
void cache_trim(struct cache *c);
void cache_free(struct cache *c);

/* The default folder: $XDG_CACHE_HOME/touchline, else $HOME/.cache/touchline
 * (an empty HOME or a relative XDG_CACHE_HOME counts as unset); NULL if
 * neither is set. Caller frees. */
char *cache_default_dir(void);

#endif
