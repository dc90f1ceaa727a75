/* prompt: the `/` search line on the status row: edit a PCRE2 pattern with
 * the line editor, Enter runs it (filter_search), Esc cancels, Up and Down
 * walk the patterns run before. A bad pattern keeps the prompt open with
 * PCRE2's message beside it and the cursor where PCRE2 points.
 *
 * Keys: the line editor's keys first (keys_edit_op); then printable
 * characters are typed; then the key table: open runs, cancel (and Esc,
 * C-c, C-g) closes, and a non-printable key bound to move-up or move-down
 * (C-p, C-n) walks the history like Up and Down. */
#include "ui/prompt.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/filter.h"
#include "ui/line_edit.h"
#include "ui/style.h"
#include "core/base/error.h"

#include <stdio.h>

static struct line_edit line;
static bool ready;
static char error[1100]; /* the message for the last run's bad pattern */

void prompt_open(struct app *a)
{
    if (!ready)
        line_edit_init(&line);
    ready = true;
    line_edit_clear(&line);
    error[0] = '\0';
    app_open_modal(a, &prompt_modal_ops);
}

static void prompt_draw(struct app *a, WINDOW *w)
{
    (void)a;
    int width = getmaxx(w), end;
    draw_fill(w, 0, 0, width, A_NORMAL);
    int x = draw_str(w, 0, 0, "/", width, style_attr(STYLE_PROMPT));
    /* a message beside the pattern gets at least half of the line */
    int room = error[0] ? (width - x) / 2 : width - x - 1;
    int cx = draw_edit_line(w, 0, x, room, &line, false, &end);
    if (error[0])
        draw_str(w, 0, end + 2, error, width - end - 3, style_attr(STYLE_ERROR));
    else if (!line.text.len && width > 40)
        draw_str(w, 0, end + 1, "(PCRE2; lower case = any case; empty clears)", width - end - 2,
                 style_attr(STYLE_DIM));
    wmove(w, 0, cx < width ? cx : width - 1);
}

/* Enter: runs the pattern; a bad one stays, with the message and the
 * cursor at PCRE2's offset. */
static void run(struct app *a)
{
    size_t offset = 0;
    struct tl_error err = {{0}};
    line_edit_remember(&line);
    if (filter_search(a, line.text.data, &offset, &err)) {
        app_close_modal(a);
        return;
    }
    snprintf(error, sizeof error, "bad regex: %s", err.msg);
    line_edit_move_to(&line, offset);
}

/* The history walk for a non-printable key bound to move-up or move-down. */
static enum line_edit_op history_op(int key, enum request r)
{
    if (keys_printable(key))
        return LINE_EDIT_NONE;
    return r == REQ_MOVE_UP     ? LINE_EDIT_OLDER
           : r == REQ_MOVE_DOWN ? LINE_EDIT_NEWER
                                : LINE_EDIT_NONE;
}

static void prompt_key(struct app *a, int key, enum request r)
{
    enum line_edit_op op = keys_edit_op(key);
    if (op == LINE_EDIT_NONE)
        op = history_op(key, r);
    a->dirty |= DIRTY_STATUS;
    if (key == KEYS_ESC || key == KEYS_CTRL('c') || key == KEYS_CTRL('g') || r == REQ_CANCEL) {
        app_close_modal(a);
    } else if (op == LINE_EDIT_BACKSPACE && !line.text.len) {
        app_close_modal(a); /* Backspace on an empty line closes */
    } else if (op != LINE_EDIT_NONE) {
        if (line_edit_apply(&line, op) && line_edit_op_edits(op))
            error[0] = '\0';
    } else if (keys_printable(key)) {
        line_edit_insert(&line, (uint32_t)key);
        error[0] = '\0';
    } else if (r == REQ_OPEN) {
        run(a);
    }
}

const struct modal_ops prompt_modal_ops = {
    .name = "prompt",
    .draw = prompt_draw,
    .key = prompt_key,
    .click = NULL,
    .wheel = NULL,
    .uses_status_line = true,
    .background = STYLE_STATUS,
};
