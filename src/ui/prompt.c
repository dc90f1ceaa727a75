/* prompt: a line on the status row, edited with the line editor; Enter runs
 * it, Esc cancels, Up and Down walk the lines run before (a history per
 * kind). The `/` search is one kind: a PCRE2 pattern (filter_search); a
 * bad pattern keeps the prompt open with PCRE2's message beside it and the
 * cursor where PCRE2 points. Other kinds come from their own files.
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

static bool run_search(struct app *a, const char *text, size_t *offset, struct buf *message);

static struct prompt_kind search_kind = {
    .lead = "/",
    .hint = "(PCRE2; lower case = any case; empty clears)",
    .run = run_search,
};
static struct prompt_kind *kind = &search_kind; /* the one open */
static char error[1100];                        /* the message for the last run's bad line */

void prompt_open_kind(struct app *a, struct prompt_kind *k)
{
    kind = k;
    if (!k->ready)
        line_edit_init(&k->line);
    k->ready = true;
    line_edit_clear(&k->line);
    error[0] = '\0';
    app_open_modal(a, &prompt_modal_ops);
}

void prompt_open(struct app *a)
{
    prompt_open_kind(a, &search_kind);
}

static void prompt_draw(struct app *a, WINDOW *w)
{
    (void)a;
    int width = getmaxx(w), end;
    draw_fill(w, 0, 0, width, A_NORMAL);
    int x = draw_str(w, 0, 0, kind->lead, width, style_attr(STYLE_PROMPT));
    /* a message beside the line gets at least half of it */
    int room = error[0] ? (width - x) / 2 : width - x - 1;
    int cx = draw_edit_line(w, 0, x, room, &kind->line, false, &end);
    if (error[0])
        draw_str(w, 0, end + 2, error, width - end - 3, style_attr(STYLE_ERROR));
    else if (!kind->line.text.len && width > 40)
        draw_str(w, 0, end + 1, kind->hint, width - end - 2, style_attr(STYLE_DIM));
    wmove(w, 0, cx < width ? cx : width - 1);
}

/* The search: runs the pattern; a bad one gets PCRE2's message and offset. */
static bool run_search(struct app *a, const char *text, size_t *offset, struct buf *message)
{
    struct tl_error err = {{0}};
    if (filter_search(a, text, offset, &err))
        return true;
    buf_printf(message, "bad regex: %s", err.msg);
    return false;
}

/* Enter: runs the line; a bad one stays, with the message and the cursor
 * at the offset given. */
static void run(struct app *a)
{
    size_t offset = 0;
    struct buf message;
    buf_init(&message);
    struct prompt_kind *k = kind;
    line_edit_remember(&k->line);
    if (k->run(a, k->line.text.data, &offset, &message)) {
        app_close_modal(a);
    } else {
        snprintf(error, sizeof error, "%s", message.data);
        line_edit_move_to(&k->line, offset);
    }
    buf_free(&message);
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
    } else if (op == LINE_EDIT_BACKSPACE && !kind->line.text.len) {
        app_close_modal(a); /* Backspace on an empty line closes */
    } else if (op != LINE_EDIT_NONE) {
        if (line_edit_apply(&kind->line, op) && line_edit_op_edits(op))
            error[0] = '\0';
    } else if (keys_printable(key)) {
        line_edit_insert(&kind->line, (uint32_t)key);
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
