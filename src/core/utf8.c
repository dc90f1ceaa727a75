/* utf8: decoding, encoding, display width and case/diacritic folding. */
#define _XOPEN_SOURCE 700 /* wcwidth */
#include "utf8.h"

#include <wchar.h>

size_t utf8_decode(const char *str, size_t len, uint32_t *cp)
{
    const unsigned char *s = (const unsigned char *)str;
    unsigned char c = s[0];
    if (c < 0x80) {
        *cp = c;
        return 1;
    }
    size_t n;
    uint32_t v, min;
    if (c >= 0xC2 && c <= 0xDF) {
        n = 2, v = c & 0x1F, min = 0x80;
    } else if (c >= 0xE0 && c <= 0xEF) {
        n = 3, v = c & 0x0F, min = 0x800;
    } else if (c >= 0xF0 && c <= 0xF4) {
        n = 4, v = c & 0x07, min = 0x10000;
    } else {
        *cp = UTF8_REPLACEMENT;
        return 1;
    }
    if (len < n) {
        *cp = UTF8_REPLACEMENT;
        return 1;
    }
    for (size_t i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80) {
            *cp = UTF8_REPLACEMENT;
            return 1;
        }
        v = (v << 6) | (s[i] & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        *cp = UTF8_REPLACEMENT;
        return 1;
    }
    *cp = v;
    return n;
}

size_t utf8_encode(uint32_t cp, char *out)
{
    unsigned char *o = (unsigned char *)out;
    if (cp < 0x80) {
        o[0] = (unsigned char)cp;
        return 1;
    }
    if (cp < 0x800) {
        o[0] = (unsigned char)(0xC0 | (cp >> 6));
        o[1] = (unsigned char)(0x80 | (cp & 0x3F));
        return 2;
    }
    if (cp < 0x10000) {
        o[0] = (unsigned char)(0xE0 | (cp >> 12));
        o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
        o[2] = (unsigned char)(0x80 | (cp & 0x3F));
        return 3;
    }
    o[0] = (unsigned char)(0xF0 | (cp >> 18));
    o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
    o[3] = (unsigned char)(0x80 | (cp & 0x3F));
    return 4;
}

int utf8_cp_width(uint32_t cp)
{
    if (cp < 0x20)
        return 0;
    if (cp < 0x7F)
        return 1;
    int w = wcwidth((wchar_t)cp);
    if (w >= 0)
        return w;
    /* Unknown to the C library's locale tables (e.g. the C locale): assume
     * East Asian wide ranges take two columns and the rest one. */
    if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
        (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
        (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
        (cp >= 0x20000 && cp <= 0x3FFFD))
        return 2;
    if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F))
        return 0;
    return 1;
}

size_t utf8_width(const char *s, size_t len)
{
    size_t cols = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += utf8_decode(s + i, len - i, &cp);
        cols += (size_t)utf8_cp_width(cp);
    }
    return cols;
}

size_t utf8_prefix_fitting(const char *s, size_t len, size_t cols, size_t *used_cols)
{
    size_t i = 0, used = 0;
    while (i < len) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        size_t w = (size_t)utf8_cp_width(cp);
        if (used + w > cols)
            break;
        used += w;
        i += n;
    }
    if (used_cols)
        *used_cols = used;
    return i;
}

/* Base letters of U+00C0..U+017F, lower case. */
static const char latin1_ext_base[] = /* U+00C0..U+017F; 0 means none */
    "aaaaaaaceeeeiiiidnooooo0ouuuuytsaaaaaaaceeeeiiiidnooooo0ouuuuyty"
    "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiiijjkkklllllll"
    "lllnnnnnnnnnoooooooorrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

uint32_t utf8_fold_cp(uint32_t cp)
{
    if (cp < 0x80) {
        if (cp >= 'A' && cp <= 'Z')
            return cp + 32;
        return cp;
    }
    if (cp >= 0xC0 && cp <= 0x17F) {
        char base = latin1_ext_base[cp - 0xC0];
        if (base != '0')
            return (uint32_t)(unsigned char)base;
        return cp;
    }
    if (cp >= 0x218 && cp <= 0x21B) /* Ș ș Ț ț */
        return cp < 0x21A ? 's' : 't';
    if (cp == 0x2019 || cp == 0x2018) /* curly apostrophes */
        return '\'';
    return cp;
}
