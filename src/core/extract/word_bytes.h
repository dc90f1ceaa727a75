/* word_bytes: eight bytes of text at a time, for the tokenizer's ASCII
 * words: which bytes are ASCII letters or digits, and their folded form
 * (fold_ascii's: upper case to lower), all in one 64-bit number whose low
 * byte is the first byte of the text, whatever the machine's byte order.
 * Each byte's answer is exact (no carry crosses from one byte to the next),
 * and a byte with its high bit set (UTF-8) is never a letter or a digit. */
#ifndef TOUCHLINE_WORD_BYTES_H
#define TOUCHLINE_WORD_BYTES_H

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

#endif
