/* pipeline: the whole data flow: scan the paths, load and extract every
 * article on worker threads, and hand the results over in load order to the
 * corpus and the entity index. The CLI runs it to the end in one call; the
 * reader starts it, shows the first articles at once and takes the rest as
 * they come, between keys. */
#ifndef TOUCHLINE_PIPELINE_H
#define TOUCHLINE_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/load/boilerplate.h"
#include "core/load/corpus.h"
#include "core/base/error.h"
#include "core/extract/extract.h"
#include "core/index/index.h"
#include "core/index/index_image.h"
#include "core/extract/kb.h"
#include "core/pipeline/article_marks.h"

struct pipeline_options {
    const char *const *kb_files; /* extra KB files merged over the built-in one */
    size_t nkb_files;
    const char *const *boilerplate; /* extra boilerplate patterns */
    size_t nboilerplate;
    unsigned threads; /* worker threads; 0: one per online core */
    /* Whether every worker runs in the background (the reader). Otherwise
     * the caller's thread is one of them while pipeline_finish waits. */
    bool background;
    /* The cache folder (cache.h), or NULL for no cache. A complete load
     * writes the cache file; a load closed halfway leaves it as it was. */
    const char *cache_dir;
    /* Articles loaded ahead, before any of them is extracted (the reader's
     * first screenful; at most STREAM_MAX_LEAD); 0: none. */
    size_t lead;
    /* With background, when the cache has no record to decode (a cold
     * start): workers started at once, the others at
     * pipeline_release_workers (the reader's first screen drawn); 0: all. */
    size_t first_workers;
};

struct stream;
struct pipeline_cache;
struct lazy_extractor;

struct pipeline {
    struct boilerplate *boilerplate;
    struct corpus corpus;
    struct kb *kb; /* with KB files to merge; else NULL (the extractor builds its own) */
    struct lazy_extractor *extractor; /* built by the first worker that extracts */
    struct index index;
    struct stream *stream;         /* the load under way; NULL once it is all taken */
    size_t taken, total;           /* scanned entries (files and problems) taken, and in all */
    struct pipeline_cache *pcache; /* the cache around the load, NULL without one */
    size_t cache_hits;             /* articles whose extraction came from the cache */
    bool background;               /* started with every worker in the background */
    bool appended;                 /* a load of pipeline_append: no cache around it */
    bool hold_text;                /* pipeline_hold_text */
    long long started_ns;          /* wall clock at the start, for the cache */
    /* The stored index (cache_image.h). A load whose scan is the one it
     * was made from takes it (from_image) and attaches each result to it
     * as it comes (in the background all but the first image_prefix,
     * which are taken as usual for the reader's first screen), the
     * article going into the corpus ahead of the index, as long as each
     * is a cache hit of the recorded size and mtime; once all are in, the
     * stored index becomes the index at once, with no index_add, and the
     * first ones move over. Anything else drops it: the results attached
     * so far go into the index as usual, and so do the rest. */
    bool from_image;
    size_t image_prefix;
    struct index image;              /* the stored index while from_image */
    bool index_stored;               /* the index of the complete load is the stored one */
    size_t attached_from, nattached; /* the articles attached to it so far */
    /* Article i's file (for writing the stored index), and whether every
     * scanned entry so far became an article whose record is cached. */
    struct index_image_file *files;
    size_t fcap;
    bool imageable;
    /* Results whose article went into the corpus before their extraction
     * was done (pipeline_take): each one's first problem in the corpus, in
     * load order, from early_head on. */
    size_t *early;
    size_t nearly, early_head, ecap;
    /* Per article (p->total of them, allocated with the first): the
     * list's marks of those attached with their extraction left in its
     * record (index_image_attach_later). */
    struct article_marks *later_marks;
};

/* Builds the KB (reading and checking its files), scans the paths and
 * starts the workers, which load at once and build the extractor when the
 * first of them needs it. Returns false with err set when a path does not
 * exist or a KB file or pattern is bad; problems with single articles end up in
 * p->corpus.problems and never make it fail. The corpus and index are empty
 * until results are taken. */
bool pipeline_start(struct pipeline *p, char *const *paths, size_t npaths,
                    const struct pipeline_options *opt, struct tl_error *err);
/* Moves finished results, in load order, into the corpus and the index: at
 * most `max` scanned entries (0: no limit), stopping at the first one not
 * finished yet. Returns how many it took. Before that, every loaded article
 * next in load order goes into the corpus at once, its extraction into the
 * index later, so that the corpus may be ahead of the index (an article
 * i >= index.narticles has no extraction yet). With the stored index
 * (from_image) the extractions of results taken wait in it (all but the
 * first few in the background), their articles in the corpus, and appear
 * in the index at once with the last one. Only the thread that called
 * pipeline_start may call this (it owns the corpus and the index). */
size_t pipeline_take(struct pipeline *p, size_t max);
/* Moves the loaded articles next in load order into the corpus, at most
 * `max` scanned entries (0: no limit), as pipeline_take does first (but
 * this even while the stored index is taken), and nothing else: their
 * extractions wait for pipeline_take (the reader's first screen needs
 * titles only). Returns how many entries it moved. */
size_t pipeline_take_articles(struct pipeline *p, size_t max);
/* Taking results also moves the bodies of articles already taken, whose
 * cache records are written out, to the cache file's mapping
 * (pipeline_cache_lend), freeing their copies: a body's pointer changes.
 * While held (another thread reads the articles: a search), it does not;
 * not held at the start. */
void pipeline_hold_text(struct pipeline *p, bool hold);
/* Once the load is all taken: scans more paths and loads them after the
 * articles there are (load order goes on), in the background like the
 * first load, without the cache (the reader adds what `R` fetched this
 * way). False with err set when the load is still under way or a path does
 * not exist. */
bool pipeline_append(struct pipeline *p, char *const *paths, size_t npaths, struct tl_error *err);
/* Starts the workers pipeline_options.first_workers held back (the reader
 * calls it once its first screen is drawn); nothing when none are. */
void pipeline_release_workers(struct pipeline *p);
/* While a background load with a lead is under way: loads the next
 * article of the lead on the calling thread, its extraction left to the
 * workers (the reader's thread, which would otherwise wait for a
 * screenful of titles). False when there is none to load this way. */
bool pipeline_load_ahead(struct pipeline *p);
/* Waits for every result and takes it (with every worker). */
void pipeline_finish(struct pipeline *p);
/* Why the cache could not be written, or NULL; waits for a cache still
 * being written. */
const char *pipeline_warning(struct pipeline *p);
/* Whether results remain to be taken. */
bool pipeline_loading(const struct pipeline *p);
/* While a background load is under way: a descriptor that becomes
 * readable once every result is finished (pipeline_take then takes them
 * all without waiting), to poll with other input; else -1. */
int pipeline_wake_fd(const struct pipeline *p);
/* How many leading articles have their extraction known: in the index, or
 * (from_image) attached to the stored index, which the index becomes with
 * the last result. pipeline_extraction(p, i) is article i's for each i
 * below it (the same extraction either way), NULL from it on. */
size_t pipeline_extractions_known(const struct pipeline *p);
const struct extraction *pipeline_extraction(const struct pipeline *p, size_t i);
/* The global entity of article i's entity `local` (i below
 * pipeline_extractions_known), or -1: index_global in the index, or in the
 * stored index an attached article belongs to. The stored index's ids are
 * not the index's until the load completes: compare them only among
 * attached articles (the one article's entities, say). */
int pipeline_global(const struct pipeline *p, size_t i, size_t local);
/* The list's marks of article i (i below pipeline_extractions_known): of
 * its extraction, without decoding one still in its cache record. */
struct article_marks pipeline_marks(const struct pipeline *p, size_t i);
/* Scanned entries (files and problems) taken so far, and in all. */
void pipeline_progress(const struct pipeline *p, size_t *taken, size_t *total);

/* pipeline_start then pipeline_finish. */
bool pipeline_open(struct pipeline *p, char *const *paths, size_t npaths,
                   const struct pipeline_options *opt, struct tl_error *err);
/* Stops the workers (a load under way is dropped) and frees everything. */
void pipeline_close(struct pipeline *p);

#endif
