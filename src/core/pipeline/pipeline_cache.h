/* pipeline_cache: the pipeline's side of the extraction cache. The cache
 * file (hundreds of MB for a big corpus) is mapped and its records' heads
 * read on a thread of its own, while the KB is built and the paths are
 * scanned, and waited for (a bounded time) before the workers start. A
 * result taken before it is open (a slow disk) is held back (by article)
 * to be stored once it is. When the
 * load is complete the cache is written, on a thread of its own in the
 * reader. */
#ifndef TOUCHLINE_PIPELINE_CACHE_H
#define TOUCHLINE_PIPELINE_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/cache/cache.h"
#include "core/index/index.h"
#include "core/index/index_image.h"
#include "core/pipeline/article_marks.h"

struct pipeline_cache;

/* Starts reading the cache of dir for these roots and extractor key. */
struct pipeline_cache *pipeline_cache_start(const char *dir, char *const *roots, size_t nroots,
                                            uint64_t key);
/* For tests: while held, a cache's opener waits before it opens the file
 * (as a slow disk or a very big file would make it late). */
void pipeline_cache_hold_opener(bool hold);
/* Waits until the cache is open, for at most max_ms (the pipeline does
 * before its workers start). */
void pipeline_cache_wait(struct pipeline_cache *pc, double max_ms);
/* The same in two steps: until the cache itself is open (the stored index
 * may still be being checked), for at most max_ms; returns when that time
 * ends, for pipeline_cache_wait_until, which waits for the rest. */
double pipeline_cache_wait_cache(struct pipeline_cache *pc, double max_ms);
void pipeline_cache_wait_until(struct pipeline_cache *pc, double end_ms);
/* The cache once it is open, else NULL (any thread). */
const struct cache *pipeline_cache_ready(const struct pipeline_cache *pc);
/* What a worker did with the cache for one article: the record it
 * decoded (cache_lookup_found), or the record it encoded for a file it
 * extracted (cache_encode; empty when the cache was not open yet). The
 * thread that takes the article then only appends. */
struct pipeline_cache_work {
    bool cached;  /* the extraction came from the cache */
    size_t found; /* the record it came from, when known, else 0 */
    struct buf record;
    size_t text_at; /* where the record holds the article's body text, or 0 */
    /* A hit whose extraction stays in its record (cache_lookup_visit): the
     * item's x is empty; `at` decodes it (cache_record_decode), and the
     * rest is what the worker learnt of it. */
    bool later;
    struct cache_record at;
    size_t nentities;
    uint32_t nmentions;
    struct article_marks marks;
};

/* Records article `article` of the index (loaded from a file of this size
 * and mtime, its problems the corpus's `nproblems` from `first_problem`) as
 * its extraction x is taken, before x goes into the index: kept as read
 * when w->cached, else stored with the article: w->record when the worker
 * made it, else encoded here (held back while the cache is still opening).
 * A record the worker made is noted for pipeline_cache_lend. */
void pipeline_cache_take(struct pipeline_cache *pc, const struct index *ix, size_t article,
                         size_t first_problem, size_t nproblems, uint64_t size, int64_t mtime_ns,
                         const struct extraction *x, const struct pipeline_cache_work *w);
/* The articles of the corpus whose records were noted and are written out
 * to the cache file by now (cache_lend) borrow their bodies from its
 * mapping, and their copies are freed: a cold load holds in memory only
 * the text of the records not yet written (up to about 4 MiB of them).
 * Only on the thread that takes the results, before pipeline_cache_finish,
 * and only while no other thread reads the articles (a search): a body
 * changes and its old copy is freed. */
void pipeline_cache_lend(struct pipeline_cache *pc, struct corpus *corpus);
/* Takes the stored index (cache_image.h) the opener found for this cache,
 * into *out (which it replaces without freeing): false when the cache is
 * not open yet, has none, or it was taken already. */
bool pipeline_cache_image(struct pipeline_cache *pc, struct index *out);
/* What the writer does with the stored index once the cache file is
 * written: leaves it (it is the one this load used), writes the image of
 * the index (every article a file whose record is in the cache), or removes
 * it (a load it cannot describe). */
enum pipeline_image_action { PIPELINE_IMAGE_KEEP, PIPELINE_IMAGE_WRITE, PIPELINE_IMAGE_REMOVE };
/* The load is complete: waits for the cache to be open, stores what was
 * held back and writes the file (the articles noted and not lent keep
 * their copies), then does `image` with the stored index
 * (files: article i's file, for PIPELINE_IMAGE_WRITE; ix and files must not
 * change until pipeline_cache_warning returns), in the background when
 * asked. */
void pipeline_cache_finish(struct pipeline_cache *pc, const struct index *ix, bool background,
                           enum pipeline_image_action image, const struct index_image_file *files);
/* Why the cache could not be written, or NULL; waits for the writing. */
const char *pipeline_cache_warning(struct pipeline_cache *pc);
/* Waits for the threads and frees (a load never finished writes nothing).
 * The articles that came from the cache borrow their bodies from its
 * mapping, which this unmaps: free them first. */
void pipeline_cache_free(struct pipeline_cache *pc);

#endif
