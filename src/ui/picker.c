/* picker: the entity pickers (club c, person p, competition, national
 * team): every entity of the kind with its article count, narrowed fuzzily
 * as you type (index_search); Enter filters the list by the one selected.
 * The same picker shows named rows (picker_open_choices: sources, tags,
 * date ranges) narrowed the same way, and Enter hands the row back.
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
#include "ui/narrow.h"
#include "ui/style.h"
#include "core/base/fold.h"
#include "core/base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
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
static bool named;                    /* rows are choices, not entities */
static struct picker_choices choices; /* when named */
static char **folded;                 /* each choice's name folded */

static const char *kind_word(void)
{
    if (named)
        return choices.what;
    return kind == ENTITY_CLUB          ? "club"
           : kind == ENTITY_PERSON      ? "person"
           : kind == ENTITY_COMPETITION ? "competition"
                                        : "national team";
}

/* Whether every character of q is in s in order. */
static bool subsequence(const char *s, const char *q)
{
    for (; *q && *s; s++)
        if (*s == *q)
            q++;
    return !*q;
}

/* The choices matching the query: prefix matches, then the others. */
static size_t match_choices(const char *typed, int *out)
{
    char *q = fold_text(typed, strlen(typed));
    size_t n = 0;
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < choices.n; i++) {
            bool prefix = !strncmp(folded[i], q, strlen(q));
            if (pass == 0 ? prefix : !prefix && subsequence(folded[i], q))
                out[n++] = (int)i;
        }
    free(q);
    return n;
}

static void free_choices(void)
{
    for (size_t i = 0; named && i < choices.n; i++) {
        free(choices.names[i]);
        free(folded[i]);
    }
    if (named) {
        free(choices.names);
        free(choices.counts);
        free(folded);
    }
    folded = NULL;
    named = false;
}

static void refresh_matches(struct app *a)
{
    size_t want = named ? choices.n + 1 : a->ix->nentities ? a->ix->nentities : 1;
    if (want > PICKER_MAX)
        want = PICKER_MAX;
    found = xgrow(found, &cap, want, sizeof *found);
    nfound = named ? match_choices(query.text.data, found)
                   : index_search(a->ix, kind, query.text.data, found, want);
    any_row = query.text.len == 0 && (!named || choices.any_row);
    pane_init(&pos, true);
    pos.rows = nfound + (any_row ? 1 : 0);
    a->dirty |= DIRTY_MODAL;
}

/* Opens on row `cur` (an entity, or a choice), when listed. */
static void open_on(struct app *a, long cur)
{
    if (!ready)
        line_edit_init(&query);
    ready = true;
    line_edit_clear(&query);
    in_list = false;
    refresh_matches(a);
    for (size_t i = 0; cur >= 0 && i < nfound; i++)
        if (found[i] == cur)
            pos.sel = i + (any_row ? 1 : 0);
    app_open_modal(a, &picker_modal_ops);
}

void picker_open(struct app *a, int k)
{
    free_choices();
    kind = k;
    int *slot = k == ENTITY_CLUB ? &a->filter_club : k == ENTITY_PERSON ? &a->filter_person : NULL;
    if (!slot)
        slot = narrow_entity_slot(a, k);
    open_on(a, slot ? *slot : -1); /* start on the current filter, if any */
}

void picker_open_choices(struct app *a, const struct picker_choices *c)
{
    free_choices();
    named = true;
    choices = *c;
    folded = xmalloc((c->n + 1) * sizeof *folded);
    for (size_t i = 0; i < c->n; i++)
        folded[i] = fold_text(c->names[i], strlen(c->names[i]));
    open_on(a, c->current);
}

/* The title bar and the query line with its cursor. */
static void draw_query(WINDOW *w, int width)
{
    const char *what = kind_word();
    char title[128], prompt[64];
    snprintf(title, sizeof title, "Filter by %s \xc2\xb7 %zu match%s", what, nfound,
             nfound == 1 ? "" : "es");
    draw_titlebar(w, 0, width, title,
                  in_list ? "Enter: filter  Tab: query  Esc: cancel"
                          : "Enter: filter  Tab: list  Esc: cancel",
                  true);
    snprintf(prompt, sizeof prompt, "%s> ", what);
    int x = 1 + draw_str(w, 1, 1, prompt, width - 1, style_attr(STYLE_PROMPT));
    draw_edit_line(w, 1, x + 1, width - x - 2, &query, !in_list, NULL);
}

/* One entity row: its name in its kind's colour, the count on the right. */
/* One named row: its name, the count on the right. */
static void draw_choice(WINDOW *w, int y, int width, int i, attr_t sel)
{
    char count[24] = "";
    if (choices.counts)
        snprintf(count, sizeof count, "%5zu", choices.counts[i]);
    int cw = (int)strlen(count);
    draw_str(w, y, 2, choices.names[i], width - 3 - cw - 2, sel ? sel : A_NORMAL);
    draw_str(w, y, width - cw - 1, count, cw, sel ? sel : style_attr(STYLE_DIM));
}

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
        char any[64];
        snprintf(any, sizeof any, "(any %s)", kind_word());
        if (any_row && r == 0)
            draw_str(w, y + 3, 2, any, width - 3,
                     style_over(style_attr(STYLE_DIM), sel ? sel : A_NORMAL));
        else if (named)
            draw_choice(w, y + 3, width, found[r - (any_row ? 1 : 0)], sel);
        else
            draw_entity(a, w, y + 3, width, found[r - (any_row ? 1 : 0)], sel);
    }
    if (!nfound && query.text.len)
        draw_str(w, 3, 2, "no match", width - 3, style_attr(STYLE_DIM));
}

static void choose(struct app *a)
{
    app_close_modal(a);
    size_t i = pos.sel - (any_row ? 1 : 0);
    bool any = any_row && pos.sel == 0;
    if (named) {
        if (any || i < nfound)
            choices.choose(a, any ? -1 : found[i], any ? NULL : choices.names[found[i]]);
        return;
    }
    if (any) {
        filter_set(a, kind, -1);
        app_message(a, false, "%s filter off", kind_word());
        return;
    }
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
