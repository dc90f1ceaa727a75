/* cache_image: the stored index next to a cache file (its path with
 * ".index" added): the image of the finished entity index (index_image.h)
 * behind a 16-byte frame (u64 checksum of the image, u64 its length), so
 * that a warm start whose every file is a cache hit takes the index from
 * the mapped file instead of building it article by article. Like the
 * cache file it is never trusted: a missing, short, corrupt or foreign file
 * is simply not used. */
#ifndef TOUCHLINE_CACHE_IMAGE_H
#define TOUCHLINE_CACHE_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/base/error.h"
#include "core/index/index_image.h"

/* Maps the stored index of the cache file `cache_path` and loads it into
 * *ix (index_image_load, which then owns the mapping); false, with *ix
 * zeroed, when there is none or it fails a check (its checksum, its key
 * against `key`, any offset or reference). */
bool cache_image_open(const char *cache_path, uint64_t key, struct index *ix);
/* Writes the image of ix (index_image_encode, files and key as there)
 * next to the cache file, atomically (temp, fsync, rename). False with
 * err set on failure; the old file is then untouched. */
bool cache_image_save(const char *cache_path, const struct index *ix,
                      const struct index_image_file *files, uint64_t key, struct tl_error *err);
/* Removes the stored index of a cache file (a load it cannot describe). */
void cache_image_remove(const char *cache_path);

#endif
