/* hash: 64-bit FNV-1a, the one string hash of the core: its hash tables
 * (KB ids, index ids, lexicon, tokens, matcher keys, fact triggers) and the
 * cache's keys and file names; the word hash, 8 bytes at a time, that the
 * word cache is probed with per token; and the compare of two keys whose
 * hashes agree. Inline: it runs per token. */
#ifndef TOUCHLINE_HASH_H
#define TOUCHLINE_HASH_H

#include <stdbool.h>
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

/* The word hash: a second hash, of a short key (a folded word) 8 bytes at
 * a time, for tables that keep a form's FNV-1a beside it and need not
 * compute it again for every occurrence (the word cache). A key is taken
 * as its whole 8-byte chunks, then always one last chunk of the n % 8
 * bytes left (a zero chunk when n is a multiple of 8), each little-endian
 * (the first byte in the low byte) and padded with zeros, so a tokenizer
 * reading 8 bytes at a time gets the same number as hash_word over the
 * bytes. */
#define HASH_WORD_MUL 0x9E3779B97F4A7C15ULL

/* One more chunk into the word hash h (0 to start). */
static inline uint64_t hash_word_chunk(uint64_t h, uint64_t chunk)
{
    return (h ^ chunk) * HASH_WORD_MUL;
}

/* The word hash after its last chunk: the product's top 16 bits folded
 * into its low 16, which a table's slot is taken from. Byte j of a chunk
 * reaches only bits 8j and up of a product, so only the top bits depend on
 * all 8 bytes: folding bits 32 to 47 instead would leave bytes 6 and 7 out
 * of the slot of a table of up to 65536 slots. Keys whose last product's
 * inputs differ only in bits 48 to 63 get different low 16 bits (the
 * multiplier is odd). The high half, a table's tag, is the product's. */
static inline uint64_t hash_word_end(uint64_t h)
{
    return h ^ (h >> 48);
}

/* The word hash of data[0..n). */
static inline uint64_t hash_word(const void *data, size_t n)
{
    const unsigned char *p = data;
    uint64_t h = 0, chunk = 0;
    size_t k = 0;
    for (; k + 8 <= n; k += 8) {
        chunk = 0;
        for (unsigned b = 0; b < 8; b++)
            chunk |= (uint64_t)p[k + b] << (8 * b);
        h = hash_word_chunk(h, chunk);
    }
    chunk = 0;
    for (unsigned b = 0; k + b < n; b++)
        chunk |= (uint64_t)p[k + b] << (8 * b);
    return hash_word_end(hash_word_chunk(h, chunk));
}

/* Whether a and b have the same n bytes, read a few bytes at a time and
 * never past the n-th: the keys of the tables are short words, for which a
 * call to memcmp or a loop per byte costs more. */
static inline bool hash_same_bytes(const void *a, const void *b, size_t n)
{
    const unsigned char *p = a, *q = b;
    uint64_t x, y;
    if (n >= 8) {
        for (size_t k = 0; k + 8 < n; k += 8) {
            memcpy(&x, p + k, 8);
            memcpy(&y, q + k, 8);
            if (x != y)
                return false;
        }
        memcpy(&x, p + n - 8, 8); /* the last 8, overlapping what went before */
        memcpy(&y, q + n - 8, 8);
        return x == y;
    }
    uint32_t u, v, w, z;
    if (n >= 4) { /* the first 4 and the last 4 */
        memcpy(&u, p, 4);
        memcpy(&v, q, 4);
        memcpy(&w, p + n - 4, 4);
        memcpy(&z, q + n - 4, 4);
        return u == v && w == z;
    }
    if (n >= 2) {
        uint16_t s, t, e, f;
        memcpy(&s, p, 2);
        memcpy(&t, q, 2);
        memcpy(&e, p + n - 2, 2);
        memcpy(&f, q + n - 2, 2);
        return s == t && e == f;
    }
    return n == 0 || p[0] == q[0];
}

#endif
