/* problems: the overlay listing the files that could not be read and the
 * warnings of those that loaded anyway, each as "path[:line:col]: reason"
 * wrapped to the width, so that the reader never has to be left to find
 * out (`touchline list` prints the same on stderr). The corpus only grows
 * while loading, so rows are laid out again when it has more. */
#include "ui/problems.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/overlay_list.h"
#include "ui/style.h"
#include "core/base/xalloc.h"

#include <stdio.h>
#include <string.h>

struct prow {
    size_t problem; /* index in the corpus's problems */
    size_t start, end;
};

static struct overlay_list list_box = {.toggle = REQ_PROBLEMS};
static struct prow *rows;
static size_t nrows, rcap, laid_problems;
static int laid_width = -1;

static void emit(void *ctx, size_t s, size_t e)
{
    rows = xgrow(rows, &rcap, nrows + 1, sizeof *rows);
    rows[nrows++] = (struct prow){*(size_t *)ctx, s, e};
}

/* Errors first, then warnings, each wrapped under a two-column indent. */
static void lay_out(const struct corpus *c, int width)
{
    nrows = 0;
    laid_width = width;
    laid_problems = c->nproblems;
    for (int warnings = 0; warnings < 2; warnings++)
        for (size_t i = 0; i < c->nproblems; i++) {
            if (c->problems[i].warning != (warnings == 1))
                continue;
            const char *m = c->problems[i].message;
            draw_wrap(m, 0, strlen(m), width - 5, false, emit, &i);
        }
}

void problems_open(struct app *a)
{
    if (!a->c->nproblems) {
        app_message(a, false, "every file was read: no problems");
        return;
    }
    overlay_list_reset(&list_box, false);
    laid_width = -1;
    app_open_modal(a, &problems_modal_ops);
}

/* A row: the sign of an error or a warning on its first row, then its text. */
static void draw_row(struct app *a, WINDOW *w, int y, size_t i, bool selected)
{
    (void)selected;
    int width = getmaxx(w);
    const struct prow *r = &rows[i];
    const struct problem *p = &a->c->problems[r->problem];
    bool first = r->start == 0;
    if (first)
        draw_str(w, y, 1, p->warning ? "~" : "!", 1,
                 style_attr(p->warning ? STYLE_DIM : STYLE_ERROR));
    draw_text(w, y, first ? 3 : 5, p->message + r->start, r->end - r->start,
              width - (first ? 3 : 5) - 1, p->warning ? style_attr(STYLE_DIM) : A_NORMAL);
}

static void problems_draw(struct app *a, WINDOW *w)
{
    const struct corpus *c = a->c;
    int width = getmaxx(w);
    if (width != laid_width || c->nproblems != laid_problems)
        lay_out(c, width);
    size_t errors = 0;
    for (size_t i = 0; i < c->nproblems; i++)
        errors += !c->problems[i].warning;
    char title[128];
    snprintf(title, sizeof title, "Problems \xc2\xb7 %zu file%s not read, %zu warning%s", errors,
             errors == 1 ? "" : "s", c->nproblems - errors, c->nproblems - errors == 1 ? "" : "s");
    overlay_list_draw(&list_box, a, w, title, "q or Esc closes", nrows, draw_row);
}

static void problems_key(struct app *a, int key, enum request r)
{
    (void)key;
    overlay_list_key(&list_box, a, r);
}

static void problems_scroll(struct app *a, int delta)
{
    overlay_list_wheel(&list_box, a, delta);
}

const struct modal_ops problems_modal_ops = {
    .name = "problems",
    .draw = problems_draw,
    .key = problems_key,
    .click = NULL,
    .wheel = problems_scroll,
    .uses_status_line = false,
    .background = STYLE_HELP,
};
