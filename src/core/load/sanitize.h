/* sanitize: turns untrusted bytes into safe, valid, displayable UTF-8. BOM,
 * CRLF, invalid bytes, C0/C1 controls, terminal escape sequences (CSI, OSC,
 * DCS, SOS/PM/APC, lone ESC) and bidi overrides are dealt with here, once,
 * so that no later layer ever sees them. */
#ifndef TOUCHLINE_SANITIZE_H
#define TOUCHLINE_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/base/buf.h"

struct sanitize_stats {
    size_t invalid_bytes;    /* replaced by U+FFFD */
    size_t controls_removed; /* C0/C1 controls, bidi controls */
    size_t escapes_removed;  /* whole escape sequences */
};

/* Appends the cleaned form of in[0..len) to out. Line ends become "\n",
 * tabs become a space, a leading BOM is dropped. `stats` may be NULL. */
void sanitize_text(const char *in, size_t len, struct buf *out, struct sanitize_stats *stats);
/* Whether sanitize_text would leave the bytes exactly as they are (so text
 * read back from somewhere that is not trusted to have been sanitized can be
 * checked without copying it). */
bool sanitize_is_clean(const char *in, size_t len);
/* Whether cp is a bidi control that sanitize_text removes: LRM, RLM, the
 * embeddings and overrides U+202A to U+202E, the isolates U+2066 to U+2069
 * and the Arabic letter mark U+061C. */
static inline bool sanitize_is_bidi_control(uint32_t cp)
{
    return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E ||
           cp == 0x200F || cp == 0x061C;
}

/* Whether sanitize_text copies code point cp as it is (given its shortest
 * UTF-8 form): not a C0 control other than '\n', not DEL, a C1 control
 * (U+0080 to U+009F), a bidi control, a surrogate nor past U+10FFFF. The one
 * list of what it keeps, for sanitize_is_clean and the cache's check of the
 * text it lends (cache_text.c). */
static inline bool sanitize_keeps_cp(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 0x20 && cp < 0x7F) || cp == '\n';
    return cp > 0x9F && !sanitize_is_bidi_control(cp) && (cp < 0xD800 || cp > 0xDFFF) &&
           cp <= 0x10FFFF;
}

/* True when the bytes look like a binary file rather than text: a NUL byte,
 * or mostly invalid UTF-8 and control bytes, within the first 8 KiB. */
bool sanitize_looks_binary(const char *in, size_t len);

#endif
