/* fold: the one folding of names for matching (see fold.h). */
#include "core/base/fold.h"
#include "core/base/xalloc.h"
#include "core/base/utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

char *fold_text(const char *s, size_t len)
{
    /* at most 3 bytes a byte (a stray byte becomes U+FFFD); a space only
     * stands for a dropped byte */
    char *out = xmalloc(3 * len + 1), *o = out;
    bool space = false;
    for (size_t i = 0; i < len;) {
        uint32_t cp = (unsigned char)s[i];
        if (cp < 0x80) { /* ASCII: no decoding, and the fold is the lower case */
            i++;
            cp += cp >= 'A' && cp <= 'Z' ? 'a' - 'A' : 0;
        } else {
            i += utf8_decode(s + i, len - i, &cp);
            cp = utf8_fold_cp(cp);
        }
        bool word = (cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') || cp >= 0x80;
        if (cp == '\'' && i < len && (s[i] == 's' || s[i] == 'S') &&
            (i + 1 == len || s[i + 1] == ' '))
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
    if (n > 4 && !strncmp(out, "the ", 4))
        memmove(out, out + 4, n - 3);
    return out;
}
