/* stream: loads and extracts the scanned files on worker threads. Each
 * worker claims the next entry and fills that entry's slot alone; results
 * finish in any order and are handed over strictly in scan order, so what
 * the caller builds is the same whatever the number of threads. A loaded
 * article can be handed over before its extraction (stream_next_loaded),
 * so that the reader lists titles while the workers still extract, and the
 * caller may load articles of the lead itself while it waits for them
 * (stream_load_ahead), the workers extracting those too. */
#ifndef TOUCHLINE_STREAM_H
#define TOUCHLINE_STREAM_H

#include <stdbool.h>
#include <stddef.h>

#include "core/load/boilerplate.h"
#include "core/pipeline/lazy_extractor.h"
#include "core/pipeline/pipeline_cache.h"
#include "core/load/corpus.h"
#include "core/extract/extract.h"
#include "core/load/scan.h"

struct stream;

/* What the workers share; everything is read-only while they run, but for
 * the extractor, which the first of them to extract builds. */
struct stream_setup {
    struct lazy_extractor *ex; /* built by the first worker that extracts */
    const struct boilerplate *bp;
    size_t max_file_size;
    size_t threads;  /* workers in all */
    bool background; /* start every worker; else threads - 1 (the caller helps) */
    const struct pipeline_cache
        *pcache; /* where extractions are looked up first once open, or NULL */
    /* The first `lead` entries are all loaded before any of them is
     * extracted (each worker loads its share, then extracts it): a
     * screenful of titles then waits for parses, not extractions. At most
     * STREAM_MAX_LEAD; 0 loads and extracts each entry in turn. */
    size_t lead;
    /* The results may be attached to a stored index: each tells whether
     * its extraction fits its article (stream_item.fits_article). */
    bool check_fit;
    /* Cache hits of entries from this one on keep their extraction in
     * their record (pipeline_cache_work.later) while stream_keep_later
     * says so (a stored index is taken, which they are attached to);
     * SIZE_MAX: never. */
    size_t later_from;
    /* Background workers started at once; the others start at
     * stream_release_workers (or when the stream is drained), so that the
     * reader's first screen shares the cores with fewer threads. 0: all. */
    size_t first_workers;
};

enum { STREAM_MAX_LEAD = 256 };

/* One entry's result: a scan problem (entry->problem set), or what loading
 * the file gave and, for an article, its extraction. */
struct stream_item {
    const struct scan_entry *entry; /* valid until stream_free */
    struct loaded loaded;
    struct extraction x;
    struct pipeline_cache_work cache; /* cache.cached: x came from the cache */
    /* With check_fit: whether every mention of x lies within the
     * article's title or body (extraction_fits_article, found on the
     * worker that made x); else false. */
    bool fits_article;
    /* The entry's loaded part went out earlier with stream_next_loaded:
     * `loaded` still names the article, the size and mtime and the number
     * of problems, but the caller owns them already. */
    bool early;
};

/* Takes the scan (*scan is zeroed) and starts the workers. For tests that
 * drive the reader, the environment's TOUCHLINE_TEST_HOLD_AT, a number n,
 * makes a background stream's workers wait before entry n until the
 * stream is drained or freed, so that its load stays under way with
 * entries [0, n) done. */
struct stream *stream_start(struct scan *scan, const struct stream_setup *setup);
/* Starts the workers setup.first_workers held back; nothing when none
 * are, or when the stream is stopped. The caller's thread only. */
void stream_release_workers(struct stream *s);
/* The workers started so far. */
size_t stream_workers(const struct stream *s);
/* For tests: while held, the background workers wait before they claim
 * their first entry (a busy machine can make them that late). */
void stream_hold_workers(bool hold);
/* Whether the cache hits a worker looks up from now on (from later_from)
 * keep their extraction in their record; not at the start. Any thread. */
void stream_keep_later(struct stream *s, bool keep);
/* Moves the next result in scan order into *out (the caller owns its
 * contents) if it is finished; false when it is not, or none is left. */
bool stream_next(struct stream *s, struct stream_item *out);
/* Hands over the next entry in scan order not handed over yet whose file
 * is loaded, before its extraction: its entry and loaded part (the caller
 * owns them; the workers still read the article, never write it) into
 * *out, whose x is empty. stream_next then gives the same entry with
 * `early` set once it is extracted. False when the next one is not loaded
 * yet, or none is left. */
bool stream_next_loaded(struct stream *s, struct stream_item *out);
/* Claims and works on one entry on the calling thread; false when none is
 * left to claim. */
bool stream_work_one(struct stream *s);
/* In the background with a lead: claims the next entry of the lead and
 * loads it on the calling thread (the reader's, while its first screen
 * waits for titles), leaving its extraction to the workers. False when
 * the lead is all claimed (or the test hook's hold is reached). */
bool stream_load_ahead(struct stream *s);
/* Works on the calling thread until every entry is claimed, then waits for
 * the workers (releasing any the test hook holds): afterwards stream_next
 * never has to wait. */
void stream_drain(struct stream *s);
/* A descriptor that becomes readable once every entry is done (so that
 * stream_next never has to wait for one), and stays so; -1 unless the
 * stream runs in the background. Only for poll: the stream owns it. */
int stream_wake_fd(const struct stream *s);
/* Entries handed over so far, and in all. */
size_t stream_taken(const struct stream *s);
size_t stream_total(const struct stream *s);
/* The scanned entries the stream was started with (it owns them). */
const struct scan *stream_scan(const struct stream *s);
/* Stops the workers (results not handed over are dropped) and frees. */
void stream_free(struct stream *s);

#endif
