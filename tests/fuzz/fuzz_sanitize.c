/* fuzz_sanitize: libFuzzer target for the sanitiser. Whatever goes in, what
 * comes out must be valid UTF-8 with no ESC, no C0 control but "\n", no DEL,
 * no C1 control and no bidi control, and never a surrogate or overlong form. */
#include <stdint.h>
#include <stdlib.h>

#include "core/base/buf.h"
#include "core/load/sanitize.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Decodes one strict UTF-8 sequence at s[0..n); returns its length, 0 when invalid. */
static size_t decode(const unsigned char *s, size_t n, uint32_t *cp)
{
    unsigned char c = s[0];
    size_t len;
    uint32_t min;
    if (c < 0x80) {
        *cp = c;
        return 1;
    } else if (c >= 0xc2 && c <= 0xdf) {
        len = 2, *cp = c & 0x1f, min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
        len = 3, *cp = c & 0x0f, min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4, *cp = c & 0x07, min = 0x10000;
    } else {
        return 0;
    }
    if (n < len)
        return 0;
    for (size_t i = 1; i < len; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        *cp = (*cp << 6) | (s[i] & 0x3f);
    }
    if (*cp < min || *cp > 0x10ffff || (*cp >= 0xd800 && *cp <= 0xdfff))
        return 0;
    return len;
}

static int forbidden(uint32_t cp)
{
    if (cp < 0x20)
        return cp != '\n';
    if (cp == 0x7f || (cp >= 0x80 && cp <= 0x9f))
        return 1;
    /* bidi controls: LRM, RLM, ALM, LRE..RLO, LRI..PDI */
    return cp == 0x200e || cp == 0x200f || cp == 0x061c || (cp >= 0x202a && cp <= 0x202e) ||
           (cp >= 0x2066 && cp <= 0x2069);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct buf out;
    buf_init(&out);
    struct sanitize_stats stats = {0};
    sanitize_text((const char *)data, size, &out, &stats);
    const unsigned char *s = (const unsigned char *)out.data;
    for (size_t i = 0; i < out.len;) {
        uint32_t cp;
        size_t n = decode(s + i, out.len - i, &cp);
        if (n == 0 || forbidden(cp))
            abort();
        i += n;
    }
    (void)sanitize_looks_binary((const char *)data, size);
    buf_free(&out);
    return 0;
}
