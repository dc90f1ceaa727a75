/* hash: 64-bit FNV-1a, the one string hash of the core: its hash tables
 * (KB ids, index ids, lexicon, tokens, matcher keys, fact triggers) and the
 * cache's keys and file names. Inline: it runs per token. */
#ifndef TOUCHLINE_HASH_H
#define TOUCHLINE_HASH_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

/* The start value (the FNV-1a offset basis). */
#define HASH_INIT 14695981039346656037ULL

/* One more byte into h. */
static inline uint64_t hash_byte(uint64_t h, unsigned char c)
{
    return (h ^ c) * 0x100000001b3ULL;
}

/* h continued over len bytes: a key's hash can grow with the key. */
static inline uint64_t hash_more(uint64_t h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++)
        h = hash_byte(h, p[i]);
    return h;
}

static inline uint64_t hash_bytes(const void *data, size_t len)
{
    return hash_more(HASH_INIT, data, len);
}

static inline uint64_t hash_str(const char *s)
{
    return hash_bytes(s, strlen(s));
}

#endif
