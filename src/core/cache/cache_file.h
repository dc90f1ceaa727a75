/* cache_file: the file system side of the cache: reading a file in one go,
 * mkdir -p, and replacing a file atomically (temp file, fsync, rename) with
 * the cleanup of temp files that crashed runs left. Used by cache.c and by
 * the reading state (src/core/state, the stage above). */
#ifndef TOUCHLINE_CACHE_FILE_H
#define TOUCHLINE_CACHE_FILE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/uio.h>

#include "core/base/error.h"

/* The whole of a regular file of at most `max` bytes, in one malloc (not
 * xmalloc: a failure is a NULL). NULL when missing, unreadable, too big or
 * changing size while read. Caller frees. */
unsigned char *cache_file_read(const char *path, size_t max, size_t *size);
/* The whole of a regular file of at most `max` bytes, mapped read-only
 * (no copy, no allocation: the pages come from the page cache as they are
 * touched). NULL when missing, unreadable, empty, too big or not mappable.
 * A mapped file must not shrink while mapped (reads past its new end would
 * fault): cache files are only ever replaced by rename, never rewritten in
 * place, so the mapping keeps the old file. Release with cache_file_unmap. */
const unsigned char *cache_file_map(const char *path, size_t max, size_t *size);
void cache_file_unmap(const unsigned char *p, size_t size);
/* The first `len` bytes of an open file (which may still be shorter),
 * mapped read-only and shared, so that what is written to the file later
 * reads through the mapping (the page cache is one for both). Only bytes
 * already written may be read: a page past the file's end faults
 * (SIGBUS). NULL when it cannot be mapped. Release with cache_file_unmap;
 * the mapping outlives the descriptor, a rename and an unlink, but not a
 * truncation by another process, nor an I/O error of the disk under it:
 * reading such a page then raises SIGBUS, as for cache_file_map's
 * mappings (man page, FILES: the cache folder belongs on a local disk). */
const unsigned char *cache_file_map_growing(int fd, size_t len);
/* Gives back the pages of a mapping (cache_file_map) that hold the bytes
 * [p, p + len), rounded out to whole pages, so they stop counting in the
 * process's memory; a later read of them faults them in again from the
 * page cache, unchanged (the mapping is never written). */
void cache_file_drop(const unsigned char *map, size_t map_size, const unsigned char *p, size_t len);
/* Creates a folder and its parents (mode 0700 for the ones it creates). */
bool cache_file_mkdirs(const char *dir, struct tl_error *err);
/* Replaces `path` by the concatenation of byte ranges: writes them to
 * path.tmp.XXXXXX, fsyncs, renames over path and fsyncs the folder. On
 * failure removes the temp file and leaves path as it was. */
bool cache_file_replace(const char *path, const struct iovec *parts, size_t nparts,
                        struct tl_error *err);
/* The same in steps, for a file written as it is made: begin creates
 * path.tmp.XXXXXX (its name in *tmp) and returns its descriptor, or -1 with
 * err set; write appends; commit writes `head` over the file's first bytes,
 * fsyncs, renames over path and fsyncs the folder (on failure it removes
 * the temp file); abort closes and removes it. Commit and abort free *tmp. */
int cache_file_begin(const char *path, char **tmp, struct tl_error *err);
bool cache_file_write(int fd, const void *p, size_t n);
bool cache_file_commit(int fd, char *tmp, const char *path, const void *head, size_t hlen,
                       struct tl_error *err);
void cache_file_abort(int fd, char *tmp);
/* Removes path.tmp.* files whose last change is older than `age` seconds. */
void cache_file_clean_temps(const char *path, long age);

#endif
