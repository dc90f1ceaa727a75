/* corpus: every article loaded from the paths given, in load order, plus the
 * problems met on the way (unreadable, binary, too large, bad front matter).
 * A problem never aborts the load. */
#ifndef TOUCHLINE_CORPUS_H
#define TOUCHLINE_CORPUS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/load/article.h"
#include "core/load/boilerplate.h"
#include "core/base/error.h"
#include "core/load/scan.h"

/* Files larger than this are a problem, not an article. */
#define CORPUS_MAX_FILE_SIZE (16u * 1024 * 1024)

struct problem {
    char *path;
    char *message; /* full "path[:line:col]: reason" */
    bool warning;  /* the article loaded anyway */
};

struct corpus {
    struct article **articles; /* load order: arguments in order, folders sorted by name */
    size_t narticles, cap;
    struct problem *problems;
    size_t nproblems, pcap;
    const struct boilerplate *boilerplate; /* not owned */
    size_t max_file_size;
};

void corpus_init(struct corpus *c, const struct boilerplate *bp);
void corpus_free(struct corpus *c);
/* What loading one file gave: the article (or none) and its problems, in
 * the order they are listed. Built without touching a corpus, so that
 * several threads can load files at once. */
struct loaded {
    struct article *article;
    struct problem problems[2];
    size_t nproblems;
    unsigned long long size; /* the file's size and mtime as read (for the cache) */
    long long mtime_ns;
};

/* Reads and parses one file (files over max_size are a problem). */
void corpus_load_file(const char *path, const struct boilerplate *bp, size_t max_size,
                      struct loaded *out);
/* Loads one scanned entry: a file, or one line of an sfeed file (whose
 * size and mtime are the file's). */
void corpus_load_entry(const struct scan_entry *e, const struct boilerplate *bp, size_t max_size,
                       struct loaded *out);
/* Appends a loaded file's article and problems, taking them (*l is zeroed). */
void corpus_add_loaded(struct corpus *c, struct loaded *l);
void loaded_free(struct loaded *l);
/* Loads one scanned entry (or records its problem) and appends it. */
void corpus_add_scanned(struct corpus *c, const struct scan_entry *e);
/* Loads one file, or every .txt/.md/.markdown file below a folder
 * (recursively; hidden entries and README files skipped; symlink loops
 * detected). Returns
 * false, with err set, only when `path` itself does not exist or cannot be
 * examined; everything below it that fails becomes a problem. */
bool corpus_load_path(struct corpus *c, const char *path, struct tl_error *err);
/* The order of corpus_order_by_date: < 0 when article i comes before j. */
int corpus_compare_by_date(const struct corpus *c, size_t i, size_t j);
/* An article's date (its at most 10 bytes) as two numbers that compare as
 * strcmp compares the dates (corpus_date_key_cmp), for merging big orders
 * without a string compare behind a pointer per step. */
struct corpus_date_key {
    uint64_t hi; /* bytes 0 to 7, big-endian, 0 past the end */
    uint16_t lo; /* bytes 8 and 9 */
};
struct corpus_date_key corpus_date_key(const char *date);
/* < 0, 0 or > 0 as strcmp of the dates the keys were made from. */
int corpus_date_key_cmp(struct corpus_date_key a, struct corpus_date_key b);
/* Sorts n article indices into that order. */
void corpus_sort_by_date(const struct corpus *c, size_t *order, size_t n);
/* Indices of the articles newest first, then by path. Caller frees. */
size_t *corpus_order_by_date(const struct corpus *c);
/* Records a problem (printf-style message, already including the path). */
void corpus_add_problem(struct corpus *c, const char *path, bool warning, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

#endif
