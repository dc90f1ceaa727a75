/* prompt: a line typed on the status row (prompt.c): the `/` search, and
 * other kinds of line (the `|` command, pipe_cmd.c) with the same editor. */
#ifndef TOUCHLINE_UI_PROMPT_H
#define TOUCHLINE_UI_PROMPT_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/buf.h"
#include "ui/line_edit.h"

struct app;
struct modal_ops;
extern const struct modal_ops prompt_modal_ops;

/* A kind of prompt: what leads the line, the dim hint shown while it is
 * empty, and what Enter does with the text. `run` returns true when the
 * prompt is done (it is closed); false keeps it open with *message beside
 * the line and the cursor at byte *offset. Each kind keeps its own line and
 * history (`line`, `ready`: set up on first use). */
struct prompt_kind {
    const char *lead;
    const char *hint;
    bool (*run)(struct app *a, const char *text, size_t *offset, struct buf *message);
    struct line_edit line;
    bool ready;
};

/* Opens the `/` search prompt with an empty line. */
void prompt_open(struct app *a);
/* Opens a prompt of another kind with an empty line. */
void prompt_open_kind(struct app *a, struct prompt_kind *kind);

#endif
