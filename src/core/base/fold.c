/* fold: the one folding of names for matching (see fold.h). */
#include "core/base/fold.h"
#include "core/base/xalloc.h"
#include "core/base/utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

/* Per byte: its folded form when it is an ASCII letter or digit (a word
 * byte), else 0 (see fold.h). */
#define FOLD(c)                                                                                    \
    ((c) >= 'A' && (c) <= 'Z'                                   ? (c) + 32                         \
     : ((c) >= 'a' && (c) <= 'z') || ((c) >= '0' && (c) <= '9') ? (c)                              \
                                                                : 0)
#define ROW(r)                                                                                     \
    FOLD(r), FOLD(r + 1), FOLD(r + 2), FOLD(r + 3), FOLD(r + 4), FOLD(r + 5), FOLD(r + 6),         \
        FOLD(r + 7), FOLD(r + 8), FOLD(r + 9), FOLD(r + 10), FOLD(r + 11), FOLD(r + 12),           \
        FOLD(r + 13), FOLD(r + 14), FOLD(r + 15)
const unsigned char fold_ascii[256] = {
    ROW(0x00), ROW(0x10), ROW(0x20), ROW(0x30), ROW(0x40), ROW(0x50), ROW(0x60), ROW(0x70),
};
#undef ROW
#undef FOLD

/* Whether the byte before s[i] is an apostrophe that starts a possessive
 * 's ending the text or followed by a space. */
static bool possessive_s(const char *s, size_t len, size_t i)
{
    return i < len && (s[i] == 's' || s[i] == 'S') && (i + 1 == len || s[i + 1] == ' ');
}

char *fold_text(const char *s, size_t len)
{
    /* at most 3 bytes a byte (a stray byte becomes U+FFFD); a space only
     * stands for a dropped byte */
    char *out = xmalloc(FOLD_TEXT_ROOM(len));
    fold_text_to(s, len, out);
    return out;
}

size_t fold_text_to(const char *s, size_t len, char *out)
{
    char *o = out;
    bool space = false;
    for (size_t i = 0; i < len;) {
        uint32_t cp = (unsigned char)s[i];
        if (cp < 0x80) { /* ASCII: no decoding, a table gives the fold */
            char f = (char)fold_ascii[cp];
            i++;
            if (f) {
                if (space)
                    *o++ = ' ';
                space = false;
                *o++ = f;
            } else if (cp == '\'' && possessive_s(s, len, i)) {
                i++; /* drop a possessive 's */
            } else {
                space = o > out;
            }
            continue;
        }
        i += utf8_decode(s + i, len - i, &cp);
        cp = utf8_fold_cp(cp);
        bool word = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp >= 0x80;
        if (cp == '\'' && possessive_s(s, len, i))
            i++; /* drop a possessive 's */
        else if (!word)
            space = o > out;
        if (!word)
            continue;
        if (space)
            *o++ = ' ';
        space = false;
        if (cp < 0x80)
            *o++ = (char)cp;
        else
            o += utf8_encode(cp, o);
    }
    *o = '\0';
    size_t n = (size_t)(o - out);
    if (n > 4 && !strncmp(out, "the ", 4)) {
        memmove(out, out + 4, n - 3);
        n -= 4;
    }
    return n;
}
