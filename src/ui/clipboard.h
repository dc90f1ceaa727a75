/* clipboard: copying text to the terminal's clipboard with the OSC 52
 * sequence (clipboard.c), for `y` when the config says `clipboard: osc52`. */
#ifndef TOUCHLINE_UI_CLIPBOARD_H
#define TOUCHLINE_UI_CLIPBOARD_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/buf.h"

/* Longest text copied, in bytes (its base64 form stays under the 100 KB or
 * so that terminals accept in one sequence). */
#define CLIPBOARD_MAX 65536

/* Appends the bytes to write for copying s[0..len): OSC 52 with the text in
 * base64 ("ESC ] 52 ; c ; BASE64 BEL"); inside tmux (in_tmux) that sequence
 * as it is, which tmux takes into its buffer and passes to the outer
 * terminal when `set-clipboard on`, and then wrapped for tmux's passthrough
 * ("ESC P tmux; ... ESC \", each ESC doubled) for `allow-passthrough on`.
 * Pure logic: no terminal. */
void clipboard_osc52_sequence(const char *s, size_t len, bool in_tmux, struct buf *out);
/* Writes the sequence for s[0..len) to the terminal (standard output), after
 * curses has flushed its output, in one write so that it never lands in the
 * middle of a screen update. In tmux when $TMUX is set. False with a line
 * in *why when the text is too long or the write failed. */
bool clipboard_copy(const char *s, size_t len, struct buf *why);

#endif
