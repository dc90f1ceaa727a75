/* help: the `?` screen, generated from the live key table (keys.h), so it
 * lists exactly what each key does now. */
#include "ui/help.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/style.h"

#include <stdio.h>
#include <string.h>

static struct pane_pos pos;

void help_open(struct app *a)
{
    pane_init(&pos, false);
    app_open_modal(a, &help_modal_ops);
}

/* Rows: one per request, then a few lines about the mouse and colours. */
static const char *const notes[] = {
    "",
    "Mouse: click a row to select it, click a name to make it the target,",
    "the wheel scrolls the pane under the pointer.",
    "Colours: person, club, national team, competition, media, money, count.",
};

static size_t nrows(void)
{
    return (REQ_COUNT - 1) + sizeof notes / sizeof *notes;
}

static void help_draw(struct app *a, WINDOW *w)
{
    (void)a;
    int h = getmaxy(w), width = getmaxx(w);
    draw_titlebar(w, 0, width, "Help \xc2\xb7 keys", "q, Esc or ? closes", true);
    pane_set_size(&pos, nrows(), h > 1 ? (size_t)(h - 1) : 1);
    for (int y = 0; y + 1 < h && pos.top + (size_t)y < pos.rows; y++) {
        size_t r = pos.top + (size_t)y;
        if (r >= REQ_COUNT - 1) {
            draw_str(w, y + 1, 2, notes[r - (REQ_COUNT - 1)], width - 3, style_attr(STYLE_DIM));
            continue;
        }
        enum request req = (enum request)(r + 1);
        int keys[8];
        size_t k = keys_of(req, keys, 8);
        char list[96] = "";
        for (size_t i = 0; i < k; i++) {
            char name[24];
            size_t at = strlen(list);
            snprintf(list + at, sizeof list - at, "%s%s", i ? " " : "",
                     keys_name(keys[i], name, sizeof name));
        }
        int x = 2;
        draw_str(w, y + 1, x, k ? list : "(unbound)", 18, style_attr(STYLE_HELP_KEY));
        x += 19;
        draw_str(w, y + 1, x, keys_request_name(req), 17, style_attr(STYLE_DIM));
        x += 18;
        draw_str(w, y + 1, x, keys_request_help(req), width - x - 1, A_NORMAL);
    }
}

static void help_scroll(struct app *a, int delta)
{
    if (pane_scroll(&pos, delta))
        a->dirty |= DIRTY_MODAL;
}

static void help_key(struct app *a, int key, enum request r)
{
    (void)key;
    bool moved;
    if (pane_request(&pos, r, &moved)) {
        if (moved)
            a->dirty |= DIRTY_MODAL;
        return;
    }
    switch (r) {
    case REQ_QUIT:
        a->quit = true;
        break;
    case REQ_HELP:
    case REQ_BACK:
    case REQ_CANCEL:
    case REQ_OPEN:
        app_close_modal(a);
        break;
    default:
        break;
    }
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
