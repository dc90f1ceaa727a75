/* word_bytes: eight bytes of text at a time (sixteen with SSE2), for the
 * tokenizer's ASCII words: which bytes are ASCII letters or digits, and
 * their folded form (fold_ascii's: upper case to lower), all in one 64-bit
 * number whose low byte is the first byte of the text, whatever the
 * machine's byte order.
 * Each byte's answer is exact (no carry crosses from one byte to the next),
 * and a byte with its high bit set (UTF-8) is never a letter or a digit.
 * With them, a run of ASCII letters and digits folded and given its word
 * hash (hash_word) in one pass. */
#ifndef TOUCHLINE_WORD_BYTES_H
#define TOUCHLINE_WORD_BYTES_H

#include "core/base/fold.h"
#include "core/base/hash.h"

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#define WORD_BYTES_ONES 0x0101010101010101ULL
#define WORD_BYTES_HIGH 0x8080808080808080ULL

/* The 8 bytes at s, s[0] in the low byte. */
static inline uint64_t word_bytes_load(const char *s)
{
    uint64_t x;
    memcpy(&x, s, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    return x;
}

/* Writes the 8 bytes of x at out, the low byte first. */
static inline void word_bytes_store(char *out, uint64_t x)
{
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    x = __builtin_bswap64(x);
#endif
    memcpy(out, &x, 8);
}

/* Per byte of x, 0x80 where it is an ASCII letter or digit, else 0. Each
 * test adds to the byte's low 7 bits, so no carry leaves a byte: its bit 7
 * then tells whether the byte reached the bound. */
static inline uint64_t word_bytes_alnum(uint64_t x)
{
    uint64_t low7 = x & ~WORD_BYTES_HIGH;
    uint64_t lower = low7 | 0x20 * WORD_BYTES_ONES; /* A-Z and a-z both in a-z */
    uint64_t letter =
        (lower + (0x80 - 'a') * WORD_BYTES_ONES) & ~(lower + (0x7F - 'z') * WORD_BYTES_ONES);
    uint64_t digit =
        (low7 + (0x80 - '0') * WORD_BYTES_ONES) & ~(low7 + (0x7F - '9') * WORD_BYTES_ONES);
    return (letter | digit) & ~x & WORD_BYTES_HIGH; /* not a byte with its high bit set */
}

/* x with its letters in lower case, where `alnum` (word_bytes_alnum's) marks
 * its letters and digits: the case bit set in each, which a digit has
 * already. */
static inline uint64_t word_bytes_fold(uint64_t x, uint64_t alnum)
{
    return x | alnum >> 2; /* 0x80 >> 2: the case bit */
}

/* The bytes of x before the first byte marked 0x80 in `stops` (which
 * marks one at least), the others zero. */
static inline uint64_t word_bytes_before(uint64_t x, uint64_t stops)
{
    return x & (((stops & -stops) >> 7) - 1);
}

#if defined(__SSE2__) && defined(__x86_64__)
#define WORD_BYTES_SSE2 1
#include <emmintrin.h>

/* The 16 bytes at s folded (as word_bytes_fold) and written whole at out;
 * *n is how many of them, from the first, are ASCII letters or digits (16:
 * all), *lo and *hi the folded bytes as two chunks (the first byte in lo's
 * low byte). Each test is a signed compare of the byte moved so that its
 * range lands at -128: a byte with its high bit set never lands there. */
static inline void word_bytes_fold16(const char *s, char *out, unsigned *n, uint64_t *lo,
                                     uint64_t *hi)
{
    __m128i x = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i lower = _mm_or_si128(x, _mm_set1_epi8(0x20)); /* A-Z and a-z both in a-z */
    __m128i letter = _mm_cmplt_epi8(_mm_add_epi8(lower, _mm_set1_epi8((char)(0x80 - 'a'))),
                                    _mm_set1_epi8((char)(0x80 + 26)));
    __m128i digit = _mm_cmplt_epi8(_mm_add_epi8(x, _mm_set1_epi8((char)(0x80 - '0'))),
                                   _mm_set1_epi8((char)(0x80 + 10)));
    __m128i alnum = _mm_or_si128(letter, digit);
    __m128i folded = _mm_or_si128(x, _mm_and_si128(alnum, _mm_set1_epi8(0x20)));
    _mm_storeu_si128((__m128i *)(void *)out, folded);
    unsigned stops = ~(unsigned)_mm_movemask_epi8(alnum) & 0xFFFF;
    *n = (unsigned)__builtin_ctz(stops | 0x10000);
    *lo = (uint64_t)_mm_cvtsi128_si64(folded);
    *hi = (uint64_t)_mm_cvtsi128_si64(_mm_unpackhi_epi64(folded, folded));
}
#else
#define WORD_BYTES_SSE2 0
#endif

/* Folds the ASCII letters and digits from s[i] into *out (moved past them)
 * and returns where they end; *key is their word hash (hash_word). Eight
 * bytes at a time while eight are left in the text: a word's end is then
 * found without a branch per byte, and each 8 bytes are one step of the
 * hash; with SSE2, 16 bytes at a time while 16 are left. The 8 or 16 bytes
 * are written whole: *out needs room for the word and 16 bytes more
 * (tokens_add_text reserved twice the text, and a form starts no later
 * than twice its offset in the text, where 16 bytes of text are left).
 * Inline: it runs per word. */
static inline size_t word_bytes_fold_run(const char *s, size_t len, size_t i, char **out,
                                         uint64_t *key)
{
    char *o = *out;
    uint64_t h = 0;
    size_t j = i;
#if WORD_BYTES_SSE2
    while (j + 16 <= len) {
        unsigned n;
        uint64_t lo, hi;
        word_bytes_fold16(s + j, o, &n, &lo, &hi);
        if (n == 16) { /* the word goes on: two chunks of the hash */
            h = hash_word_chunk(hash_word_chunk(h, lo), hi);
            o += 16;
            j += 16;
            continue;
        }
        if (n < 8) {
            h = hash_word_chunk(h, lo & ((1ULL << (8 * n)) - 1));
        } else {
            h = hash_word_chunk(h, lo);
            h = hash_word_chunk(h, hi & ((1ULL << (8 * (n - 8))) - 1));
        }
        *out = o + n;
        *key = hash_word_end(h);
        return j + n;
    }
#endif
    while (j + 8 <= len) {
        uint64_t x = word_bytes_load(s + j);
        uint64_t alnum = word_bytes_alnum(x);
        uint64_t folded = word_bytes_fold(x, alnum);
        word_bytes_store(o, folded);
        uint64_t stops = ~alnum & WORD_BYTES_HIGH;
        if (stops) { /* the word ends in these 8 bytes */
            unsigned n = (unsigned)__builtin_ctzll(stops) / 8;
            *out = o + n;
            *key = hash_word_end(hash_word_chunk(h, word_bytes_before(folded, stops)));
            return j + n;
        }
        h = hash_word_chunk(h, folded);
        o += 8;
        j += 8;
    }
    uint64_t chunk = 0;
    unsigned k = 0;
    for (; j < len; j++) { /* the text's last bytes */
        unsigned char f = fold_ascii[(unsigned char)s[j]];
        if (!f)
            break;
        *o++ = (char)f;
        chunk |= (uint64_t)f << (8 * k);
        if (++k == 8) {
            h = hash_word_chunk(h, chunk);
            chunk = 0;
            k = 0;
        }
    }
    *out = o;
    *key = hash_word_end(hash_word_chunk(h, chunk));
    return j;
}

#endif
