/* bytes16: 16 bytes tested at once with GCC's vector extension (SSE2 on
 * x86-64, NEON or plain code elsewhere), for the loops that copy or skip
 * runs of plain bytes. */
#ifndef TOUCHLINE_BYTES16_H
#define TOUCHLINE_BYTES16_H

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

typedef unsigned char bytes16 __attribute__((vector_size(16)));

/* The 16 bytes at s (no alignment needed). */
static inline bytes16 bytes16_load(const char *s)
{
    bytes16 v;
    memcpy(&v, s, 16);
    return v;
}

/* Whether any byte of m is not zero: m is a comparison's result, each byte
 * all ones where it holds. */
static inline bool bytes16_any(bytes16 m)
{
    uint64_t half[2];
    memcpy(half, &m, 16);
    return (half[0] | half[1]) != 0;
}

#endif
