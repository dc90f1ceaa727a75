/* picker: the club (c) and person (p) pickers: every entity of the kind
 * with its article count, narrowed fuzzily as you type (index_search);
 * Enter filters the list by the one selected. */
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/style.h"
#include "core/base/utf8.h"
#include "core/base/xalloc.h"

#include <stdio.h>
#include <string.h>

#define PICKER_MAX 100000

static int kind;
static struct buf query;
static int *found;
static size_t nfound, cap;
static size_t sel, top;
static bool any_row; /* row 0 is "(any club)" when the query is empty */
static int view_rows = 1;

static void refresh_matches(struct app *a)
{
    size_t want = a->ix->nentities ? a->ix->nentities : 1;
    if (want > PICKER_MAX)
        want = PICKER_MAX;
    found = xgrow(found, &cap, want, sizeof *found);
    nfound = index_search(a->ix, kind, query.data, found, want);
    any_row = query.len == 0;
    sel = top = 0;
    a->dirty |= DIRTY_MODAL;
}

void picker_open(struct app *a, int k)
{
    kind = k;
    if (!query.data)
        buf_init(&query);
    buf_reset(&query);
    refresh_matches(a);
    /* start on the current filter, if any */
    int cur = k == ENTITY_CLUB ? a->filter_club : a->filter_person;
    for (size_t i = 0; cur >= 0 && i < nfound; i++)
        if (found[i] == cur)
            sel = i + 1;
    app_open_modal(a, &picker_modal_ops);
}

static size_t total_rows(void)
{
    return nfound + (any_row ? 1 : 0);
}

static void picker_draw(struct app *a, WINDOW *w)
{
    int h = getmaxy(w), width = getmaxx(w);
    const char *what = kind == ENTITY_CLUB ? "club" : "person";
    char title[128];
    snprintf(title, sizeof title, "Filter by %s \xc2\xb7 %zu match%s", what, nfound,
             nfound == 1 ? "" : "es");
    draw_titlebar(w, 0, width, title, "Enter: filter  Esc: cancel", true);
    int x = draw_str(w, 1, 1, kind == ENTITY_CLUB ? "club> " : "person> ", width - 1,
                     style_attr(STYLE_PROMPT));
    x += 1;
    int qw = (int)utf8_width(query.data, query.len);
    /* show the end of a long query */
    size_t skip = 0;
    while (qw > width - x - 2 && skip < query.len) {
        uint32_t cp;
        size_t n = utf8_decode(query.data + skip, query.len - skip, &cp);
        qw -= utf8_cp_width(cp);
        skip += n;
    }
    x += draw_text(w, 1, x, query.data + skip, query.len - skip, width - x - 1, A_NORMAL);
    draw_text(w, 1, x, " ", 1, 1, A_REVERSE);
    view_rows = h - 3 > 0 ? h - 3 : 0;
    size_t n = total_rows();
    if (sel < top)
        top = sel;
    else if (view_rows > 0 && sel >= top + (size_t)view_rows)
        top = sel - (size_t)view_rows + 1;
    for (int y = 0; y < view_rows && top + (size_t)y < n; y++) {
        size_t r = top + (size_t)y;
        bool is_sel = r == sel;
        attr_t base = is_sel ? style_attr(STYLE_PICKER_SELECTED) : A_NORMAL;
        if (is_sel)
            draw_fill(w, y + 3, 0, width, base);
        if (any_row && r == 0) {
            draw_str(w, y + 3, 2, kind == ENTITY_CLUB ? "(any club)" : "(any person)", width - 3,
                     style_over(style_attr(STYLE_DIM), base));
            continue;
        }
        const struct index_entity *e = &a->ix->entities[found[r - (any_row ? 1 : 0)]];
        char count[48];
        if (kind == ENTITY_PERSON && e->role != ROLE_UNKNOWN)
            snprintf(count, sizeof count, "%s  %5zu", person_role_name(e->role), e->narticles);
        else
            snprintf(count, sizeof count, "%5zu", e->narticles);
        int cw = (int)strlen(count);
        int name_cols = width - 3 - cw - 2;
        draw_str(w, y + 3, 2, e->name, name_cols,
                 is_sel ? base : style_attr(style_of_kind(e->kind)));
        draw_str(w, y + 3, width - cw - 1, count, cw, is_sel ? base : style_attr(STYLE_DIM));
    }
    if (!nfound && query.len)
        draw_str(w, 3, 2, "no match", width - 3, style_attr(STYLE_DIM));
}

static void choose(struct app *a)
{
    app_close_modal(a);
    if (any_row && sel == 0) {
        filter_set(a, kind, -1);
        app_message(a, false, "%s filter off", kind == ENTITY_CLUB ? "club" : "person");
        return;
    }
    size_t i = sel - (any_row ? 1 : 0);
    if (i < nfound)
        filter_set(a, kind, found[i]);
}

static void picker_key(struct app *a, int key, enum request r)
{
    size_t n = total_rows();
    if (key == KEYS_ESC) {
        app_close_modal(a);
        return;
    }
    if (key == '\r' || key == '\n' || key == KEYS_FN(KEY_ENTER)) {
        if (n)
            choose(a);
        return;
    }
    if (key == KEYS_FN(KEY_DOWN) || key == KEYS_CTRL('n') || key == '\t') {
        if (sel + 1 < n)
            sel++;
    } else if (key == KEYS_FN(KEY_UP) || key == KEYS_CTRL('p') || key == KEYS_FN(KEY_BTAB)) {
        if (sel > 0)
            sel--;
    } else if (key == KEYS_FN(KEY_NPAGE)) {
        sel = sel + (size_t)view_rows < n ? sel + (size_t)view_rows : (n ? n - 1 : 0);
    } else if (key == KEYS_FN(KEY_PPAGE)) {
        sel = sel > (size_t)view_rows ? sel - (size_t)view_rows : 0;
    } else if (key == KEYS_FN(KEY_BACKSPACE) || key == 127 || key == 8) {
        if (!query.len) {
            app_close_modal(a);
            return;
        }
        size_t at = query.len - 1; /* drop the last character */
        while (at > 0 && ((unsigned char)query.data[at] & 0xC0) == 0x80)
            at--;
        query.len = at;
        query.data[at] = '\0';
        refresh_matches(a);
    } else if (key == KEYS_CTRL('u')) {
        buf_reset(&query);
        refresh_matches(a);
    } else if (key >= 0x20 && key < 0x110000 && key != 127) {
        char enc[4];
        buf_append(&query, enc, utf8_encode((uint32_t)key, enc));
        refresh_matches(a);
    } else if (r == REQ_QUIT) {
        app_close_modal(a);
    }
    a->dirty |= DIRTY_MODAL;
}

static void picker_click(struct app *a, int row, int col)
{
    (void)col;
    if (row < 3)
        return;
    size_t r = top + (size_t)(row - 3);
    if (r < total_rows()) {
        sel = r;
        choose(a);
    }
}

static void picker_scroll(struct app *a, int delta)
{
    size_t n = total_rows();
    long s = (long)sel + delta;
    sel = s < 0 ? 0 : (size_t)s >= n ? (n ? n - 1 : 0) : (size_t)s;
    a->dirty |= DIRTY_MODAL;
}

const struct modal_ops picker_modal_ops = {
    .name = "picker",
    .draw = picker_draw,
    .key = picker_key,
    .click = picker_click,
    .wheel = picker_scroll,
    .uses_status_line = false,
};
