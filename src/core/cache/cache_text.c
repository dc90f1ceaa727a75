/* cache_text: whether a cache record's text is as sanitize leaves it, the
 * check every warm start runs over every article's body (see cache_text.h). */
#include "core/cache/cache_text.h"
#include "core/load/sanitize.h"

#include <stdint.h>
#include <string.h>

#if defined(__SSE2__) && defined(__GNUC__)
#include <emmintrin.h>
#endif

/* Per byte of w, 0x80 where the byte is not printable ASCII (0x20 to 0x7E)
 * nor '\n', else 0: exact, no carry crosses a byte. */
static uint64_t word_unclean(uint64_t w)
{
    const uint64_t lows = 0x7F7F7F7F7F7F7F7FULL, highs = ~lows, ones = 0x0101010101010101ULL;
    uint64_t low7 = w & lows;
    uint64_t below = ~((low7 + ones * 0x60) | w) & highs; /* a byte < 0x20 */
    uint64_t del = (low7 + ones) & ~w & highs;            /* a 0x7F byte */
    uint64_t nl = w ^ ones * '\n';
    uint64_t is_nl = ~(((nl & lows) + lows) | nl) & highs; /* a '\n' byte */
    return (below & ~is_nl) | del | (w & highs);
}

/* How many bytes at s[i] to step over before the first one that
 * word_unclean marked in the word loaded there (bad is not 0). */
static size_t clean_bytes_before(uint64_t bad)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ && defined(__GNUC__)
    return (size_t)__builtin_ctzll(bad) / 8;
#else
    (void)bad;
    return 0; /* the byte loop finds it */
#endif
}

/* The first byte from s[i] on that is not printable ASCII nor '\n' (n if
 * none), eight bytes at a time, then byte by byte (all of it without
 * SSE2, the last 0 to 31 bytes with it: clean_blocks walks the rest). */
static size_t skip_plain(const unsigned char *s, size_t i, size_t n)
{
    for (; n - i >= 8; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, sizeof w);
        uint64_t bad = word_unclean(w);
        if (bad) {
            i += clean_bytes_before(bad);
            break;
        }
    }
    while (i < n && ((s[i] >= 0x20 && s[i] < 0x7F) || s[i] == '\n'))
        i++;
    return i;
}

#if defined(__SSE2__) && defined(__GNUC__)
/* Bit k set when byte k of the 16 at s is printable ASCII or '\n'. One is
 * added to each byte first, so that in a signed compare only 0x20 to 0x7E
 * come out above 0x20 (0x7F wraps to -128, bytes >= 0x80 stay below 1). */
static unsigned plain_bits16(const unsigned char *s)
{
    __m128i v = _mm_loadu_si128((const __m128i *)(const void *)s);
    __m128i printable = _mm_cmpgt_epi8(_mm_add_epi8(v, _mm_set1_epi8(1)), _mm_set1_epi8(0x20));
    __m128i nl = _mm_cmpeq_epi8(v, _mm_set1_epi8('\n'));
    return (unsigned)_mm_movemask_epi8(_mm_or_si128(printable, nl));
}
#endif

/* The length of the UTF-8 sequence at s[0] (n bytes there) when
 * sanitize_is_clean keeps it as it is, else 0: valid, shortest form, a
 * code point sanitize_keeps_cp keeps (not a C1 control, a bidi control nor
 * a surrogate). A U+FEFF is kept (only a leading one is dropped, checked
 * by the caller). */
static size_t clean_sequence(const unsigned char *s, size_t n)
{
    unsigned c = s[0];
    if (c >= 0xC2 && c <= 0xDF) {
        if (n < 2 || (s[1] & 0xC0) != 0x80)
            return 0;
        uint32_t cp = (uint32_t)(c & 0x1F) << 6 | (s[1] & 0x3F);
        return sanitize_keeps_cp(cp) ? 2 : 0;
    }
    if (c >= 0xE0 && c <= 0xEF) {
        if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
            return 0;
        uint32_t cp = (uint32_t)(c & 0x0F) << 12 | (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F);
        return cp >= 0x800 && sanitize_keeps_cp(cp) ? 3 : 0; /* not overlong */
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 || (s[3] & 0xC0) != 0x80)
            return 0;
        uint32_t cp = (uint32_t)(c & 0x07) << 18 | (uint32_t)(s[1] & 0x3F) << 12 |
                      (uint32_t)(s[2] & 0x3F) << 6 | (s[3] & 0x3F);
        return cp >= 0x10000 && sanitize_keeps_cp(cp) ? 4 : 0; /* not overlong */
    }
    return 0; /* a continuation byte, an overlong lead or past U+10FFFF */
}

#if defined(__SSE2__) && defined(__GNUC__)
/* Walks s from *at thirty-two bytes at a time while as many are left:
 * each block's bytes that are not printable ASCII nor '\n' are taken from
 * its mask in place, a UTF-8 sequence checked by clean_sequence and its
 * bytes cleared from the mask, so that the text's few sequences (one per
 * 70 bytes in the bench corpora) cost no new load nor a return. False at
 * the first byte sanitize would change; else *at is where the last 0 to
 * 31 bytes start. */
static bool clean_blocks(const unsigned char *s, size_t n, size_t *at)
{
    size_t i = *at;
    while (n - i >= 32) {
        uint32_t bad = ~(plain_bits16(s + i) | (uint32_t)plain_bits16(s + i + 16) << 16);
        size_t next = i + 32;
        while (bad) {
            unsigned p = (unsigned)__builtin_ctz(bad);
            if (s[i + p] < 0x80)
                return false; /* a control character (sanitize removes it) */
            size_t k = clean_sequence(s + i + p, n - i - p);
            if (!k)
                return false;
            if (p + k >= 32) { /* it ends the block, or runs into the next */
                next = i + p + k;
                break;
            }
            bad &= UINT32_MAX << (p + k); /* bits below p were clear */
        }
        i = next;
    }
    *at = i;
    return true;
}
#else
static bool clean_blocks(const unsigned char *s, size_t n, size_t *at)
{
    (void)s, (void)n, (void)at;
    return true; /* the byte loop below does it all */
}
#endif

/* sanitize_is_clean's verdict, with its common cases inline: with SSE2,
 * blocks of 32 bytes walked by their masks (clean_blocks), then the rest:
 * runs of printable ASCII and '\n' taken 8 bytes at a time, then 1, and a
 * UTF-8 sequence checked in place (clean_sequence says which it keeps). */
bool cache_text_is_clean(const char *text, size_t n)
{
    const unsigned char *s = (const unsigned char *)text;
    if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF)
        return false; /* a leading BOM is dropped */
    size_t start = 0;
    if (!clean_blocks(s, n, &start))
        return false;
    for (size_t i = skip_plain(s, start, n); i < n; i = skip_plain(s, i, n)) {
        if (s[i] < 0x80)
            return false; /* a control character (sanitize removes it) */
        size_t k = clean_sequence(s + i, n - i);
        if (!k)
            return false;
        i += k;
    }
    return true;
}
