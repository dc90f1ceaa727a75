/* charref: HTML character references in plain text (see charref.h). The
 * result is never longer than the text: a reference is at least as long as
 * the UTF-8 it stands for. */
#include "core/load/charref.h"
#include "core/base/utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define REF_MAX 10 /* "&#x10FFFF;" */

/* The code point a numeric reference at s stands for, its length in *len;
 * 0 when it is not one. */
static uint32_t numeric_ref(const char *s, size_t n, size_t *len)
{
    size_t i = 2;
    bool hex = i < n && (s[i] == 'x' || s[i] == 'X');
    i += hex;
    uint32_t cp = 0;
    size_t digits = 0;
    for (; i < n && i < REF_MAX + 1 && s[i] != ';'; i++, digits++) {
        char c = s[i];
        int v = c >= '0' && c <= '9'                            ? c - '0'
                : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                                : -1;
        if (v < 0 || cp > 0x10FFFF)
            return 0;
        cp = cp * (hex ? 16u : 10u) + (uint32_t)v;
    }
    if (!digits || i >= n || s[i] != ';')
        return 0;
    *len = i + 1;
    return cp;
}

static bool displayable(uint32_t cp)
{
    return cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0) &&
           !(cp >= 0xD800 && cp <= 0xDFFF) && cp <= 0x10FFFF;
}

/* A predefined reference at s: its character, its length in *len. */
static char named_ref(const char *s, size_t n, size_t *len)
{
    static const struct {
        const char *ref;
        char c;
    } refs[] = {{"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&apos;", '\''}};
    for (size_t i = 0; i < sizeof refs / sizeof *refs; i++) {
        size_t k = strlen(refs[i].ref);
        if (k <= n && !memcmp(s, refs[i].ref, k)) {
            *len = k;
            return refs[i].c;
        }
    }
    return 0;
}

size_t charref_decode(char *s, size_t n)
{
    char *p = memchr(s, '&', n);
    if (!p)
        return n;
    size_t out = (size_t)(p - s);
    for (size_t i = out; i < n;) {
        size_t len = 0;
        if (s[i] == '&' && i + 1 < n && s[i + 1] == '#') {
            uint32_t cp = numeric_ref(s + i, n - i, &len);
            if (cp && displayable(cp)) {
                out += utf8_encode(cp, s + out);
                i += len;
                continue;
            }
        } else if (s[i] == '&') {
            char c = named_ref(s + i, n - i, &len);
            if (c) {
                s[out++] = c;
                i += len;
                continue;
            }
        }
        s[out++] = s[i++];
    }
    return out;
}
