/* line_edit: the one line editor, used by the pickers' query and the `/`
 * prompt. UTF-8 text with a cursor on a character boundary, the usual
 * readline moves and kills, and a history walked with Up and Down (the line
 * being typed is kept while walking). Widths come from core/base/utf8.h.
 * Pure logic: no curses (keys.c maps keys onto these operations). */
#ifndef TOUCHLINE_UI_LINE_EDIT_H
#define TOUCHLINE_UI_LINE_EDIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/base/buf.h"

/* Remembered lines per editor; the oldest goes first. */
#define LINE_EDIT_HISTORY 100

enum line_edit_op {
    LINE_EDIT_NONE,
    LINE_EDIT_LEFT,       /* Left: one character back */
    LINE_EDIT_RIGHT,      /* Right: one character on */
    LINE_EDIT_HOME,       /* Home, C-a: to the start */
    LINE_EDIT_END,        /* End, C-e: to the end */
    LINE_EDIT_BACKSPACE,  /* Backspace, C-h: delete the character before the cursor */
    LINE_EDIT_DELETE,     /* Delete: delete the character under the cursor */
    LINE_EDIT_KILL_WORD,  /* C-w: delete the word before the cursor (and spaces after it) */
    LINE_EDIT_KILL_START, /* C-u: delete from the start to the cursor */
    LINE_EDIT_OLDER,      /* Up: the previous line of the history */
    LINE_EDIT_NEWER,      /* Down: the next one, then the line being typed */
};

struct line_edit {
    struct buf text; /* NUL-terminated UTF-8 */
    size_t cursor;   /* byte offset in text, on a character boundary */
    char *history[LINE_EDIT_HISTORY];
    size_t nhistory;
    size_t walk;      /* the history line shown; nhistory when editing a new one */
    struct buf draft; /* the new line, kept while the history is walked */
};

void line_edit_init(struct line_edit *e);
void line_edit_free(struct line_edit *e);
/* Empties the line and puts the history walk back at its end. */
void line_edit_clear(struct line_edit *e);
/* Replaces the text (len bytes; invalid UTF-8 is kept as is and stepped
 * over a byte at a time) with the cursor at its end. */
void line_edit_set(struct line_edit *e, const char *s, size_t len);
/* Inserts a code point at the cursor (control characters are refused).
 * True when the text changed. */
bool line_edit_insert(struct line_edit *e, uint32_t cp);
/* Applies an editing operation. True when the text or the cursor changed. */
bool line_edit_apply(struct line_edit *e, enum line_edit_op op);
/* Whether an operation changes the text (as opposed to moving the cursor). */
bool line_edit_op_edits(enum line_edit_op op);
/* Puts the cursor at byte `at` (clamped to the text, moved back to the
 * start of the character it falls in). */
void line_edit_move_to(struct line_edit *e, size_t at);
/* Adds the current text to the history (not when empty or the same as the
 * newest line) and puts the walk back at its end. */
void line_edit_remember(struct line_edit *e);
/* Columns of text before the cursor. */
size_t line_edit_cursor_cols(const struct line_edit *e);
/* The first byte to show so that the cursor fits in `cols` columns (with
 * a column to spare for the cursor itself), keeping as much text before it
 * as fits: 0 when the whole line before the cursor fits. */
size_t line_edit_view_start(const struct line_edit *e, size_t cols);

#endif
