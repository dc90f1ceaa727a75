/* clipboard: OSC 52 copies (see clipboard.h). The text goes in base64, so
 * no byte of it can act on the terminal. */
#include "ui/clipboard.h"
#include "ui/curses_compat.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void base64(const unsigned char *s, size_t len, struct buf *out)
{
    static const char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (size_t i = 0; i < len; i += 3) {
        unsigned v = (unsigned)s[i] << 16;
        if (i + 1 < len)
            v |= (unsigned)s[i + 1] << 8;
        if (i + 2 < len)
            v |= s[i + 2];
        buf_putc(out, digits[v >> 18 & 63]);
        buf_putc(out, digits[v >> 12 & 63]);
        buf_putc(out, i + 1 < len ? digits[v >> 6 & 63] : '=');
        buf_putc(out, i + 2 < len ? digits[v & 63] : '=');
    }
}

void clipboard_osc52_sequence(const char *s, size_t len, bool in_tmux, struct buf *out)
{
    struct buf seq;
    buf_init(&seq);
    buf_puts(&seq, "\033]52;c;");
    base64((const unsigned char *)s, len, &seq);
    buf_putc(&seq, '\a');
    buf_append(out, seq.data, seq.len);
    if (in_tmux) {
        buf_puts(out, "\033Ptmux;");
        for (size_t i = 0; i < seq.len; i++) {
            if (seq.data[i] == '\033')
                buf_putc(out, '\033');
            buf_putc(out, seq.data[i]);
        }
        buf_puts(out, "\033\\");
    }
    buf_free(&seq);
}

bool clipboard_copy(const char *s, size_t len, struct buf *why)
{
    if (len > CLIPBOARD_MAX) {
        buf_printf(why, "too long to copy (%zu bytes; at most %d)", len, CLIPBOARD_MAX);
        return false;
    }
    const char *tmux = getenv("TMUX");
    struct buf seq;
    buf_init(&seq);
    clipboard_osc52_sequence(s, len, tmux && *tmux, &seq);
    doupdate(); /* curses' own output first */
    fflush(stdout);
    size_t done = 0;
    while (done < seq.len) {
        ssize_t n = write(STDOUT_FILENO, seq.data + done, seq.len - done);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            buf_printf(why, "cannot write to the terminal: %s", strerror(errno));
            buf_free(&seq);
            return false;
        }
        done += (size_t)n;
    }
    buf_free(&seq);
    return true;
}
