/* sanitize: untrusted bytes to safe, valid, displayable UTF-8 (see sanitize.h). */
#include "core/load/sanitize.h"
#include "core/base/bytes16.h"
#include "core/base/utf8.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#define ESC 0x1B
#define BEL 0x07
#define CAN 0x18
#define SUB 0x1A

enum {
    C1_DCS = 0x90,
    C1_SOS = 0x98,
    C1_CSI = 0x9B,
    C1_ST = 0x9C,
    C1_OSC = 0x9D,
    C1_PM = 0x9E,
    C1_APC = 0x9F
};

#define ONES  0x0101010101010101ULL
#define HIGHS 0x8080808080808080ULL

/* The length of the run of printable ASCII bytes (0x20 to 0x7E, or to 0x7F
 * when `del` is true) at in[i], sixteen then eight bytes at a time and then
 * byte by byte; at most len - i. */
static size_t printable_run(const char *in, size_t len, size_t i, bool del)
{
    size_t start = i;
    unsigned char top = del ? 0x80 : 0x7F;
    for (; len - i >= 16; i += 16) {
        bytes16 x = bytes16_load(in + i);
        if (bytes16_any((bytes16)((x < 0x20) | (x >= top))))
            break;
    }
    for (; len - i >= 8; i += 8) {
        uint64_t x;
        memcpy(&x, in + i, 8);
        uint64_t below_space = (x - ONES * 0x20) & ~x & HIGHS;
        uint64_t y = x ^ (ONES * 0x7F); /* a zero byte where x has DEL */
        uint64_t is_del = del ? 0 : (y - ONES) & ~y & HIGHS;
        if ((x & HIGHS) | below_space | is_del)
            break;
    }
    while (i < len && (unsigned char)in[i] >= 0x20 && (unsigned char)in[i] < top)
        i++;
    return i - start;
}

/* Code point at in[i], with its byte length in *n. */
static uint32_t cp_at(const char *in, size_t len, size_t i, size_t *n)
{
    uint32_t cp;
    *n = utf8_decode(in + i, len - i, &cp);
    return cp;
}

/* Skips a CSI body (parameters, intermediates, final byte) starting at i. */
static size_t skip_csi(const char *in, size_t len, size_t i)
{
    while (i < len) {
        unsigned char c = (unsigned char)in[i++];
        if (c >= 0x40 && c <= 0x7E)
            return i;
        if (c < 0x20 || c > 0x3F) {
            if (!(c >= 0x20 && c <= 0x2F))
                return i - 1; /* malformed: stop before the stray byte */
        }
    }
    return i;
}

/* Skips a control string (OSC, DCS, SOS, PM, APC) up to and including its
 * terminator: BEL, ESC \ or C1 ST. As in a terminal's parser, CAN and SUB
 * cancel the string and any other ESC ends it and starts a new sequence, so
 * the text after a broken string is kept. An unterminated string runs to the
 * end. */
static size_t skip_control_string(const char *in, size_t len, size_t i)
{
    while (i < len) {
        size_t n;
        uint32_t cp = cp_at(in, len, i, &n);
        if (cp == BEL || cp == C1_ST || cp == CAN || cp == SUB)
            return i + n;
        if (cp == ESC)
            return i + 1 < len && in[i + 1] == '\\' ? i + 2 : i;
        i += n;
    }
    return i;
}

/* Skips whatever follows an ESC at in[i - 1]; returns the index after it. */
static size_t skip_escape(const char *in, size_t len, size_t i)
{
    if (i >= len)
        return i;
    unsigned char c = (unsigned char)in[i];
    if (c == '[')
        return skip_csi(in, len, i + 1);
    if (c == ']' || c == 'P' || c == 'X' || c == '^' || c == '_')
        return skip_control_string(in, len, i + 1);
    while (i < len && (unsigned char)in[i] >= 0x20 && (unsigned char)in[i] <= 0x2F)
        i++; /* nF intermediates */
    if (i < len && (unsigned char)in[i] >= 0x30 && (unsigned char)in[i] <= 0x7E)
        i++; /* final byte of a two- or three-byte escape */
    return i;
}

/* Handles a C1 code point; returns the index to continue from. */
static size_t skip_c1(const char *in, size_t len, size_t i, uint32_t cp, struct sanitize_stats *st)
{
    if (cp == C1_CSI) {
        st->escapes_removed++;
        return skip_csi(in, len, i);
    }
    if (cp == C1_OSC || cp == C1_DCS || cp == C1_SOS || cp == C1_PM || cp == C1_APC) {
        st->escapes_removed++;
        return skip_control_string(in, len, i);
    }
    st->controls_removed++;
    return i;
}

void sanitize_text(const char *in, size_t len, struct buf *out, struct sanitize_stats *stats)
{
    struct sanitize_stats local = {0};
    struct sanitize_stats *st = stats ? stats : &local;
    size_t i = 0;
    if (len >= 3 && (unsigned char)in[0] == 0xEF && (unsigned char)in[1] == 0xBB &&
        (unsigned char)in[2] == 0xBF)
        i = 3;
    buf_reserve(out, len - i);
    while (i < len) {
        unsigned char c = (unsigned char)in[i];
        if (c >= 0x20 && c < 0x7F) {
            size_t start = i;
            i += printable_run(in, len, i, false);
            buf_append(out, in + start, i - start);
            continue;
        }
        size_t n;
        uint32_t cp = cp_at(in, len, i, &n);
        i += n;
        if (cp == '\n') {
            buf_putc(out, '\n');
        } else if (cp == '\r') {
            buf_putc(out, '\n');
            if (i < len && in[i] == '\n')
                i++;
        } else if (cp == '\t') {
            buf_putc(out, ' ');
        } else if (cp == ESC) {
            st->escapes_removed++;
            i = skip_escape(in, len, i);
        } else if (cp < 0x20 || cp == 0x7F) {
            st->controls_removed++;
        } else if (cp >= 0x80 && cp <= 0x9F) {
            i = skip_c1(in, len, i, cp, st);
        } else if (sanitize_is_bidi_control(cp)) {
            st->controls_removed++;
        } else {
            if (cp == UTF8_REPLACEMENT && n == 1)
                st->invalid_bytes++;
            char enc[4];
            buf_append(out, enc, utf8_encode(cp, enc));
        }
    }
}

/* Mirrors sanitize_text: its output equals its input exactly when every
 * step copies its bytes as they are, which only a printable ASCII run, a
 * '\n' and a code point that is none of the cases it removes or replaces
 * (and whose UTF-8 is its own, as it re-encodes it) do. */
bool sanitize_is_clean(const char *in, size_t len)
{
    if (len >= 3 && (unsigned char)in[0] == 0xEF && (unsigned char)in[1] == 0xBB &&
        (unsigned char)in[2] == 0xBF)
        return false; /* a leading BOM is dropped */
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)in[i];
        if ((c >= 0x20 && c < 0x7F) || c == '\n') {
            i++;
            continue;
        }
        size_t n;
        uint32_t cp = cp_at(in, len, i, &n);
        if (!sanitize_keeps_cp(cp) || (cp == UTF8_REPLACEMENT && n == 1))
            return false;
        char enc[4];
        if (utf8_encode(cp, enc) != n || memcmp(enc, in + i, n))
            return false;
        i += n;
    }
    return true;
}

bool sanitize_looks_binary(const char *in, size_t len)
{
    size_t probe = len < 8192 ? len : 8192, bad = 0;
    for (size_t i = 0; i < probe;) {
        unsigned char c = (unsigned char)in[i];
        if (c == 0)
            return true;
        if (c >= 0x20 && c < 0x80) { /* printable ASCII: the common case, no decoding */
            i += printable_run(in, probe, i, true);
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(in + i, probe - i, &cp);
        if ((cp == UTF8_REPLACEMENT && n == 1 && i + 4 < probe) ||
            (cp < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != ESC && c != '\f'))
            bad++;
        i += n;
    }
    return probe >= 16 && bad * 10 > probe * 3;
}
