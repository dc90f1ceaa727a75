/* picker: the club (c) and person (p) pickers: every entity of the kind
 * with its article count, narrowed fuzzily as you type (index_search);
 * Enter filters the list by the one selected.
 *
 * Keys: the picker has two places, the query (where it opens) and the list
 * (Tab, or any key bound to next-pane or previous-pane, moves between them).
 * In the query, the line editor's keys edit (keys_edit_op, except Up and
 * Down) and printable characters are typed; every other key goes through
 * the key table. In the list, every key goes through the key table, and a
 * printable or editing key that no request takes there goes back to the
 * query. Either way the movement requests move the selection, open
 * chooses, cancel (and Esc) closes. */
#include "ui/picker.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/filter.h"
#include "ui/line_edit.h"
#include "ui/style.h"
#include "core/base/xalloc.h"

#include <stdio.h>
#include <string.h>

#define PICKER_MAX 100000

static int kind;
static struct line_edit query;
static bool ready;
static bool in_list; /* the list has the keys, not the query */
static int *found;
static size_t nfound, cap;
static bool any_row; /* row 0 is "(any club)" when the query is empty */
static struct pane_pos pos;

static void refresh_matches(struct app *a)
{
    size_t want = a->ix->nentities ? a->ix->nentities : 1;
    if (want > PICKER_MAX)
        want = PICKER_MAX;
    found = xgrow(found, &cap, want, sizeof *found);
    nfound = index_search(a->ix, kind, query.text.data, found, want);
    any_row = query.text.len == 0;
    pane_init(&pos, true);
    pos.rows = nfound + (any_row ? 1 : 0);
    a->dirty |= DIRTY_MODAL;
}

void picker_open(struct app *a, int k)
{
    kind = k;
    if (!ready)
        line_edit_init(&query);
    ready = true;
    line_edit_clear(&query);
    in_list = false;
    refresh_matches(a);
    /* start on the current filter, if any */
    int cur = k == ENTITY_CLUB ? a->filter_club : a->filter_person;
    for (size_t i = 0; cur >= 0 && i < nfound; i++)
        if (found[i] == cur)
            pos.sel = i + 1;
    app_open_modal(a, &picker_modal_ops);
}

/* The title bar and the query line with its cursor. */
static void draw_query(WINDOW *w, int width)
{
    const char *what = kind == ENTITY_CLUB ? "club" : "person";
    char title[128];
    snprintf(title, sizeof title, "Filter by %s \xc2\xb7 %zu match%s", what, nfound,
             nfound == 1 ? "" : "es");
    draw_titlebar(w, 0, width, title,
                  in_list ? "Enter: filter  Tab: query  Esc: cancel"
                          : "Enter: filter  Tab: list  Esc: cancel",
                  true);
    int x = 1 + draw_str(w, 1, 1, kind == ENTITY_CLUB ? "club> " : "person> ", width - 1,
                         style_attr(STYLE_PROMPT));
    draw_edit_line(w, 1, x + 1, width - x - 2, &query, !in_list, NULL);
}

/* One entity row: its name in its kind's colour, the count on the right. */
static void draw_entity(struct app *a, WINDOW *w, int y, int width, int entity, attr_t sel)
{
    const struct index_entity *e = &a->ix->entities[entity];
    char count[48];
    if (kind == ENTITY_PERSON && e->role != ROLE_UNKNOWN)
        snprintf(count, sizeof count, "%s  %5zu", person_role_name(e->role), e->narticles);
    else
        snprintf(count, sizeof count, "%5zu", e->narticles);
    int cw = (int)strlen(count);
    draw_str(w, y, 2, e->name, width - 3 - cw - 2, sel ? sel : style_attr(style_of_kind(e->kind)));
    draw_str(w, y, width - cw - 1, count, cw, sel ? sel : style_attr(STYLE_DIM));
}

static void picker_draw(struct app *a, WINDOW *w)
{
    int h = getmaxy(w), width = getmaxx(w);
    draw_query(w, width);
    pane_set_size(&pos, pos.rows, h > 3 ? (size_t)(h - 3) : 1);
    for (int y = 0; y + 3 < h && pos.top + (size_t)y < pos.rows; y++) {
        size_t r = pos.top + (size_t)y;
        attr_t sel = r == pos.sel ? style_attr(STYLE_PICKER_SELECTED) : 0;
        if (sel)
            draw_fill(w, y + 3, 0, width, sel);
        if (any_row && r == 0)
            draw_str(w, y + 3, 2, kind == ENTITY_CLUB ? "(any club)" : "(any person)", width - 3,
                     style_over(style_attr(STYLE_DIM), sel ? sel : A_NORMAL));
        else
            draw_entity(a, w, y + 3, width, found[r - (any_row ? 1 : 0)], sel);
    }
    if (!nfound && query.text.len)
        draw_str(w, 3, 2, "no match", width - 3, style_attr(STYLE_DIM));
}

static void choose(struct app *a)
{
    app_close_modal(a);
    if (any_row && pos.sel == 0) {
        filter_set(a, kind, -1);
        app_message(a, false, "%s filter off", kind == ENTITY_CLUB ? "club" : "person");
        return;
    }
    size_t i = pos.sel - (any_row ? 1 : 0);
    if (i < nfound)
        filter_set(a, kind, found[i]);
}

/* A key for the query: an editing key or a printable character. False
 * when it is neither (it goes to the key table). */
static bool edit_key(struct app *a, int key)
{
    enum line_edit_op op = keys_edit_op(key);
    if (op == LINE_EDIT_OLDER || op == LINE_EDIT_NEWER)
        op = LINE_EDIT_NONE; /* Up and Down move in the list */
    if (op == LINE_EDIT_BACKSPACE && !query.text.len) {
        app_close_modal(a); /* Backspace on an empty query closes */
        return true;
    }
    bool changed;
    if (op != LINE_EDIT_NONE)
        changed = line_edit_apply(&query, op) && line_edit_op_edits(op);
    else if (keys_printable(key))
        changed = line_edit_insert(&query, (uint32_t)key);
    else
        return false;
    in_list = false;
    if (changed)
        refresh_matches(a);
    a->dirty |= DIRTY_MODAL;
    return true;
}

static void picker_key(struct app *a, int key, enum request r)
{
    bool moved;
    if (key == KEYS_ESC || r == REQ_CANCEL) {
        app_close_modal(a);
    } else if (!in_list && edit_key(a, key)) {
        /* typed into the query */
    } else if (pane_request(&pos, r, &moved)) {
        a->dirty |= moved ? DIRTY_MODAL : 0;
    } else if (r == REQ_OPEN) {
        if (pos.rows)
            choose(a);
    } else if (r == REQ_NEXT_PANE || r == REQ_PREV_PANE) {
        in_list = !in_list;
        a->dirty |= DIRTY_MODAL;
    } else if (in_list && r == REQ_BACK) {
        app_close_modal(a);
    } else if (in_list && r == REQ_QUIT) {
        a->quit = true;
    } else if (in_list) {
        edit_key(a, key); /* back to the query with the key */
    }
}

static void picker_click(struct app *a, int row, int col)
{
    (void)col;
    long r = pane_row_at(&pos, row - 3);
    if (row < 3 || r < 0)
        return;
    pos.sel = (size_t)r;
    choose(a);
}

static void picker_scroll(struct app *a, int delta)
{
    if (pane_move(&pos, delta))
        a->dirty |= DIRTY_MODAL;
}

const struct modal_ops picker_modal_ops = {
    .name = "picker",
    .draw = picker_draw,
    .key = picker_key,
    .click = picker_click,
    .wheel = picker_scroll,
    .uses_status_line = false,
    .background = STYLE_PICKER,
};
