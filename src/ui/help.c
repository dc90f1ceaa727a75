/* help: the `?` screen, generated from the live key table (keys.h), so it
 * lists exactly what each key does now; the text wraps to the width. */
#include "ui/help.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/overlay_list.h"
#include "ui/style.h"
#include "core/base/xalloc.h"

#include <stdio.h>
#include <string.h>

static struct overlay_list list_box = {.toggle = REQ_HELP};
static int laid_width = -1; /* the width the rows were laid out for */

void help_open(struct app *a)
{
    overlay_list_reset(&list_box, false);
    laid_width = -1;
    app_open_modal(a, &help_modal_ops);
}

/* Rows: one per request, then a few lines about the mouse and colours. */
static const char *const notes[] = {
    "",
    "Mouse: click a row to select it, click a name to make it the target,",
    "the wheel scrolls the pane under the pointer.",
    "Colours: person, club, national team, competition, media, money, count.",
};

/* The screen's rows: each request's help (or note) word-wrapped to the
 * width, beside its keys and name when there is room, else under them. */
struct help_row {
    size_t item;       /* request index - 1, then the notes */
    size_t start, end; /* bytes of its text on this row */
    bool first;        /* the item's first row (keys and name go there) */
};
static struct help_row *rows;
static size_t nrows, rcap;

enum { KEYS_COL = 2, NAME_COL = 21, TEXT_COL = 41, WIDE = 60, NARROW_INDENT = 4 };

static size_t nitems(void)
{
    return (REQ_COUNT - 1) + sizeof notes / sizeof *notes;
}

static const char *item_text(size_t i)
{
    return i < REQ_COUNT - 1 ? keys_request_help((enum request)(i + 1))
                             : notes[i - (REQ_COUNT - 1)];
}

struct emit_ctx {
    size_t item;
    bool first;
};

static void emit(void *ctx, size_t s, size_t e)
{
    struct emit_ctx *c = ctx;
    rows = xgrow(rows, &rcap, nrows + 1, sizeof *rows);
    rows[nrows++] = (struct help_row){c->item, s, e, c->first};
    c->first = false;
}

static void lay_out(int width)
{
    nrows = 0;
    laid_width = width;
    bool wide = width >= WIDE;
    for (size_t i = 0; i < nitems(); i++) {
        const char *t = item_text(i);
        bool request = i < REQ_COUNT - 1;
        struct emit_ctx c = {i, true};
        if (request && !wide)
            emit(&c, 0, 0); /* keys and name alone, the text under them */
        int x = !request ? KEYS_COL : wide ? TEXT_COL : NARROW_INDENT;
        size_t before = nrows;
        draw_wrap(t, 0, strlen(t), width - x - 1, false, emit, &c);
        if (nrows == before)
            emit(&c, 0, 0); /* an empty note: a blank row */
    }
}

/* A request's keys, "j Down C-n". */
static void key_list(enum request req, char *list, size_t size)
{
    int keys[8];
    size_t k = keys_of(req, keys, 8);
    list[0] = '\0';
    for (size_t i = 0; i < k; i++) {
        char name[24];
        size_t at = strlen(list);
        snprintf(list + at, size - at, "%s%s", i ? " " : "", keys_name(keys[i], name, sizeof name));
    }
    if (!k)
        snprintf(list, size, "(unbound)");
}

static void draw_row(struct app *a, WINDOW *w, int y, size_t i, bool selected)
{
    (void)a;
    (void)selected;
    int width = getmaxx(w);
    const struct help_row *r = &rows[i];
    const char *t = item_text(r->item);
    if (r->item >= REQ_COUNT - 1) {
        draw_text(w, y, KEYS_COL, t + r->start, r->end - r->start, width - KEYS_COL - 1,
                  style_attr(STYLE_DIM));
        return;
    }
    bool wide = width >= WIDE;
    enum request req = (enum request)(r->item + 1);
    if (r->first) {
        char list[96];
        key_list(req, list, sizeof list);
        draw_str(w, y, KEYS_COL, list, NAME_COL - KEYS_COL - 1, style_attr(STYLE_HELP_KEY));
        draw_str(w, y, NAME_COL, keys_request_name(req), TEXT_COL - NAME_COL - 1,
                 style_attr(STYLE_DIM));
        if (!wide)
            return;
    }
    int x = wide ? TEXT_COL : NARROW_INDENT;
    draw_text(w, y, x, t + r->start, r->end - r->start, width - x - 1, A_NORMAL);
}

static void help_draw(struct app *a, WINDOW *w)
{
    int width = getmaxx(w);
    if (width != laid_width)
        lay_out(width);
    overlay_list_draw(&list_box, a, w, "Help \xc2\xb7 keys", "q, Esc or ? closes", nrows, draw_row);
}

static void help_scroll(struct app *a, int delta)
{
    overlay_list_wheel(&list_box, a, delta);
}

static void help_key(struct app *a, int key, enum request r)
{
    (void)key;
    overlay_list_key(&list_box, a, r);
}

const struct modal_ops help_modal_ops = {
    .name = "help",
    .draw = help_draw,
    .key = help_key,
    .click = NULL,
    .wheel = help_scroll,
    .uses_status_line = false,
    .background = STYLE_HELP,
};
