/* cache_slab: the memory a warm start's decoded extractions and articles
 * live in. Decoding every cache record into fresh malloc memory cost a
 * page fault per 4 KiB page touched (a quarter of a warm start's time at
 * 10,000 articles). The slab hands out pieces of big blocks of its own,
 * mapped with MADV_HUGEPAGE, so that the kernel backs them with 2 MiB
 * pages: one fault where there were 512. Nothing is freed piece by piece:
 * the blocks go when the slab is freed (with its cache), so what was
 * carved from it must be gone by then (an extraction's block_borrowed:
 * extraction_free leaves it; an article's packed_borrowed: article_free
 * leaves it). Safe to use from several threads at once. */
#ifndef TOUCHLINE_CACHE_SLAB_H
#define TOUCHLINE_CACHE_SLAB_H

#include <stddef.h>

struct cache_slab;

struct cache_slab *cache_slab_new(void);
/* n bytes, 8-byte aligned, valid until cache_slab_free; NULL when n is
 * bigger than a piece may be (the caller then allocates its own). */
void *cache_slab_take(struct cache_slab *s, size_t n);
/* Unmaps every block (NULL is fine). */
void cache_slab_free(struct cache_slab *s);
/* The biggest piece cache_slab_take gives. */
enum { CACHE_SLAB_MAX_PIECE = 64 * 1024 };

#endif
