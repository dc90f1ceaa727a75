/* word_bytes: eight bytes of text at a time, for the tokenizer's ASCII
 * words: which bytes are ASCII letters or digits, and their folded form
 * (fold_ascii's: upper case to lower), all in one 64-bit number whose low
 * byte is the first byte of the text, whatever the machine's byte order.
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

/* Folds the ASCII letters and digits from s[i] into *out (moved past them)
 * and returns where they end; *key is their word hash (hash_word). Eight
 * bytes at a time while eight are left in the text: a word's end is then
 * found without a branch per byte, and each 8 bytes are one step of the
 * hash. The 8 bytes are written whole: *out needs room for the word and 8
 * bytes more (tokens_add_text reserved twice the text, and a form starts
 * no later than twice its offset in the text). Inline: it runs per word. */
static inline size_t word_bytes_fold_run(const char *s, size_t len, size_t i, char **out,
                                         uint64_t *key)
{
    char *o = *out;
    uint64_t h = 0;
    size_t j = i;
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
