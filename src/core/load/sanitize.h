/* sanitize: turns untrusted bytes into safe, valid, displayable UTF-8. BOM,
 * CRLF, invalid bytes, C0/C1 controls, terminal escape sequences (CSI, OSC,
 * DCS, SOS/PM/APC, lone ESC) and bidi overrides are dealt with here, once,
 * so that no later layer ever sees them. */
#ifndef TOUCHLINE_SANITIZE_H
#define TOUCHLINE_SANITIZE_H

#include <stdbool.h>
#include <stddef.h>

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
/* True when the bytes look like a binary file rather than text: a NUL byte,
 * or mostly invalid UTF-8 and control bytes, within the first 8 KiB. */
bool sanitize_looks_binary(const char *in, size_t len);

#endif
