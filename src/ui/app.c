/* app: the main loop (keys, mouse, signals in one place), the layout of the
 * panes, the status line, and the state operations shared by the views. */
#include "ui/app.h"
#include "ui/list.h"
#include "ui/reader.h"
#include "ui/facts.h"
#include "ui/help.h"
#include "ui/mentions.h"
#include "ui/picker.h"
#include "ui/problems.h"
#include "ui/prompt.h"
#include "ui/loading.h"
#include "ui/fetching.h"
#include "ui/filter.h"
#include "ui/following.h"
#include "ui/reading.h"
#include "ui/target.h"
#include "ui/draw.h"
#include "ui/style.h"
#include "ui/theming.h"
#include "ui/source.h"
#include "ui/pipe_cmd.h"
#include "ui/signals.h"
#include "core/base/utf8.h"
#include "core/base/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

/* The background load: the first screen is drawn once a screenful of
 * titles is in, or after at most FIRST_SCREEN_MAX_MS with what there is;
 * between keys, results are taken for at most TICK_BUDGET_MS, every
 * TICK_INTERVAL_MS when no key comes. */
#define FIRST_SCREEN_MAX_MS 1000.0
#define TICK_BUDGET_MS      6.0
enum { TICK_INTERVAL_MS = 30 };

void app_init(struct app *a, struct pipeline *pl)
{
    memset(a, 0, sizeof *a);
    a->pl = pl;
    a->c = &pl->corpus;
    a->ix = &pl->index;
    a->filter_club = a->filter_person = -1;
    narrow_init(&a->narrow);
    a->target_entity = -1;
    a->open.article = -1;
    a->open.cursor = a->open.hit = -1;
    a->focus = PANE_LIST;
    a->facts_wide = true;
    static const struct view_ops *const ops[PANE_COUNT] = {&list_view_ops, &reader_view_ops,
                                                           &facts_view_ops};
    for (int p = 0; p < PANE_COUNT; p++) {
        a->panes[p].id = (enum pane_id)p;
        a->panes[p].ops = ops[p];
        a->panes[p].hidden = true;
        pane_init(&a->panes[p].pos, p != PANE_READER);
    }
    a->dirty = DIRTY_ALL;
    loading_fold(a);
}

const struct extraction *app_extraction(const struct app *a, size_t article)
{
    static const struct extraction none;
    const struct extraction *x = pipeline_extraction(a->pl, article);
    return x ? x : &none;
}

enum extraction_state app_extraction_state(const struct app *a, size_t article)
{
    if (article < a->ix->narticles)
        return EXTRACTION_LANDED;
    return article < pipeline_extractions_known(a->pl) ? EXTRACTION_ATTACHED : EXTRACTION_PENDING;
}

int app_global(const struct app *a, size_t article, size_t local)
{
    return index_global(a->ix, article, local);
}

int app_own_global(const struct app *a, size_t article, size_t local)
{
    return pipeline_global(a->pl, article, local);
}

static void delete_windows(struct app *a)
{
    for (int p = 0; p < PANE_COUNT; p++) {
        if (a->panes[p].win)
            delwin(a->panes[p].win);
        a->panes[p].win = NULL;
    }
    if (a->status)
        delwin(a->status);
    if (a->overlay)
        delwin(a->overlay);
    a->status = a->overlay = NULL;
}

void app_free(struct app *a)
{
    fetching_free(a->fetching); /* cancels a fetch under way and joins it */
    filter_free(a);
    narrow_free(&a->narrow);
    delete_windows(a);
    reader_article_free(&a->open);
    search_free(a->search);
    search_hits_free(&a->hits);
    free(a->order);
    free(a->rank);
    free(a->date_key);
    free(a->list);
    free(a->pos_of);
    free(a->nclubs);
    free(a->money);
    for (size_t i = 0; i < a->nedited; i++)
        article_free(a->edited[i]);
    free(a->edited);
}

void app_dirty(struct app *a, unsigned what)
{
    a->dirty |= what;
}

void app_message(struct app *a, bool error, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(a->msg, sizeof a->msg, fmt, ap);
    va_end(ap);
    a->msg_error = error;
    a->dirty |= DIRTY_STATUS;
}

int app_pane_rows(const struct pane *p)
{
    return p->h > 1 ? p->h - 1 : 0;
}

void app_pane_size(struct pane *p, size_t rows)
{
    int h = app_pane_rows(p);
    pane_set_size(&p->pos, rows, h > 0 ? (size_t)h : 1);
}

/* Copies at most two characters of s (less when it ends), as "%.2s". */
static char *put_upto2(char *o, const char *s)
{
    for (int i = 0; i < 2 && s[i]; i++)
        *o++ = s[i];
    return o;
}

void app_short_date(const struct app *a, size_t article, char out[16])
{
    static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const char *d = a->c->articles[article]->date;
    const char *newest = a->nknown ? a->c->articles[a->order[0]]->date : d;
    int m = atoi(d + 5);
    const char *mon = m >= 1 && m <= 12 ? months[m - 1] : "???";
    /* "07 Dec" in the newest article's year, else "Dec'24" */
    char *o = out;
    if (!strncmp(d, newest, 4)) {
        o = put_upto2(o, d + 8);
        *o++ = ' ';
        memcpy(o, mon, 3);
        o += 3;
    } else {
        memcpy(o, mon, 3);
        o += 3;
        *o++ = '\'';
        o = put_upto2(o, d + 2);
    }
    *o = '\0';
}

static void layout(struct app *a);

void app_focus(struct app *a, enum pane_id id)
{
    if (a->panes[id].hidden && a->status) {
        /* bring a hidden pane back: alone when tiny, else by its toggle */
        if (id == PANE_FACTS)
            *(a->wide ? &a->facts_wide : &a->facts_narrow) = true;
        else if (id == PANE_READER && !a->wide)
            a->facts_narrow = false;
        a->focus = id;
        layout(a);
        return;
    }
    if (a->focus == id)
        return;
    a->dirty |= (1u << a->focus) | (1u << id) | DIRTY_STATUS;
    a->focus = id;
}

void app_select(struct app *a, size_t pos)
{
    if (!a->nlist) {
        if (a->open.article >= 0)
            reader_open(a, -1);
        a->dirty |= DIRTY_LIST | DIRTY_READER | DIRTY_FACTS | DIRTY_STATUS;
        return;
    }
    if (pos >= a->nlist)
        pos = a->nlist - 1;
    a->sel = pos;
    if (a->open.article != (long)a->list[pos])
        reader_open(a, (long)a->list[pos]);
    a->dirty |= DIRTY_LIST | DIRTY_READER | DIRTY_FACTS | DIRTY_STATUS;
}

void app_open_modal(struct app *a, const struct modal_ops *m)
{
    a->modal = m;
    a->dirty |= DIRTY_MODAL | DIRTY_STATUS;
}

void app_close_modal(struct app *a)
{
    a->modal = NULL;
    a->dirty |= DIRTY_ALL;
}

static void place(struct app *a, enum pane_id id, int y, int x, int h, int w)
{
    struct pane *p = &a->panes[id];
    p->y = y;
    p->x = x;
    p->h = h;
    p->w = w;
    p->hidden = h < 1 || w < 1;
}

static int clamp(int v, int lo, int hi)
{
    return v < lo ? lo : v > hi ? hi : v;
}

/* Places the panes for the terminal's size: three columns when wide, the
 * list over the reader when narrow, the focused pane alone when tiny. */
static void layout(struct app *a)
{
    delete_windows(a);
    getmaxyx(stdscr, a->rows, a->cols);
    int rows = a->rows, cols = a->cols, avail = rows - 1;
    for (int p = 0; p < PANE_COUNT; p++)
        a->panes[p].hidden = true;
    a->wide = a->layout == CONFIG_LAYOUT_WIDE     ? cols >= 80
              : a->layout == CONFIG_LAYOUT_NARROW ? false
                                                  : cols >= 120;
    a->tiny = avail < 9 || cols < 40;
    if (rows < 2 || cols < 4) {
        a->tiny = true;
        avail = 0;
    }
    if (avail <= 0) {
        /* nothing but the status line fits */
    } else if (a->tiny) {
        place(a, a->focus, 0, 0, avail, cols);
    } else if (a->wide) {
        int lw = clamp(cols * 30 / 100, 30, 56);
        int fw = a->facts_wide ? clamp(cols * 27 / 100, 32, 52) : 0;
        int rw = cols - lw - 1 - (fw ? fw + 1 : 0);
        place(a, PANE_LIST, 0, 0, avail, lw);
        place(a, PANE_READER, 0, lw + 1, avail, rw);
        if (fw)
            place(a, PANE_FACTS, 0, lw + 1 + rw + 1, avail, fw);
    } else {
        int lh = clamp(avail / 3, 4, 12), body = avail - lh;
        place(a, PANE_LIST, 0, 0, lh, cols);
        if (!a->facts_narrow) {
            place(a, PANE_READER, lh, 0, body, cols);
        } else if (cols >= 70) {
            int fw = clamp(cols * 2 / 5, 28, 40);
            place(a, PANE_READER, lh, 0, body, cols - fw - 1);
            place(a, PANE_FACTS, lh, cols - fw, body, fw);
        } else {
            place(a, PANE_FACTS, lh, 0, body, cols);
        }
    }
    if (a->panes[a->focus].hidden)
        a->focus = !a->panes[PANE_READER].hidden ? PANE_READER : PANE_LIST;
    for (int i = 0; i < PANE_COUNT; i++) {
        struct pane *p = &a->panes[i];
        if (p->hidden)
            continue;
        p->win = newwin(p->h, p->w, p->y, p->x);
        if (p->ops->resize)
            p->ops->resize(a, p);
    }
    a->status = newwin(1, cols, rows - 1, 0);
    keypad(a->status, TRUE);
    wtimeout(a->status, 1000);
    a->dirty = DIRTY_ALL; /* the overlay's window waits for an overlay (overlay_window) */
}

/* Vertical rules between side-by-side panes, drawn on stdscr. When there
 * are panes, they and the rules cover every cell above the status line (see
 * layout), so only the rules are marked for copying to the screen: a whole
 * stdscr erased and copied would be a screenful of cells the panes cover
 * again. Without panes, stdscr is what shows: erased, and copied whole. */
static void draw_separators(struct app *a)
{
    bool panes = false;
    for (int i = 0; i < PANE_COUNT; i++)
        panes |= !a->panes[i].hidden;
    wbkgdset(stdscr, ' ' | style_attr(STYLE_BORDER));
    if (panes)
        untouchwin(stdscr);
    else
        werase(stdscr);
    wattrset(stdscr, style_attr(STYLE_BORDER));
    for (int i = 0; i < PANE_COUNT; i++) {
        const struct pane *p = &a->panes[i];
        if (p->hidden || p->x + p->w >= a->cols)
            continue;
        mvwvline_set(stdscr, p->y, p->x + p->w, WACS_VLINE, p->h);
    }
    wattrset(stdscr, A_NORMAL);
    wnoutrefresh(stdscr);
}

static void draw_status(struct app *a)
{
    WINDOW *w = a->status;
    attr_t base = style_attr(STYLE_STATUS);
    wbkgdset(w, ' ' | base);
    werase(w); /* fills the line with blanks in `base` */
    struct sline l;
    sline_init(&l);
    struct buf b;
    buf_init(&b);
    const char *sep = " \xc2\xb7 ";
    sline_puts(&l, " ", STYLE_STATUS);
    fetching_describe(a, &b);
    if (b.len) {
        sline_puts(&l, b.data, STYLE_MESSAGE);
        sline_puts(&l, sep, STYLE_STATUS);
        buf_reset(&b);
    }
    loading_describe(a, &b);
    if (b.len) {
        sline_puts(&l, b.data, STYLE_MESSAGE);
        sline_puts(&l, sep, STYLE_STATUS);
        buf_reset(&b);
    }
    if (a->msg[0] && a->msg_error) {
        sline_puts(&l, a->msg, STYLE_ERROR);
        sline_puts(&l, sep, STYLE_STATUS);
    }
    target_describe(a, &b);
    if (b.len) {
        sline_puts(&l, b.data, STYLE_STATUS);
        sline_puts(&l, sep, STYLE_STATUS);
    }
    if (a->msg[0] && !a->msg_error) {
        sline_puts(&l, a->msg, STYLE_MESSAGE);
        sline_puts(&l, sep, STYLE_STATUS);
    }
    buf_reset(&b);
    filter_describe(a, &b);
    if (b.len) {
        sline_puts(&l, b.data, STYLE_STATUS);
        sline_puts(&l, sep, STYLE_STATUS);
    }
    sline_puts(&l, "? help", STYLE_STATUS);
    sline_draw(w, 0, 0, &l, 0, l.text.len, a->cols, A_NORMAL);
    sline_free(&l);
    buf_free(&b);
    wnoutrefresh(w);
}

/* The window overlays draw in, over every pane: made when the first one
 * opens after a layout (a screenful of cells a start may never need), so a
 * fresh one is drawn whole. NULL when the screen has no room for it. */
static WINDOW *overlay_window(struct app *a, bool *fresh)
{
    *fresh = !a->overlay && a->rows > 1;
    if (*fresh)
        a->overlay = newwin(a->rows - 1, a->cols, 0, 0);
    return a->overlay;
}

static void draw_all(struct app *a)
{
    if (!a->status)
        return;
    if (a->dirty & DIRTY_LAYOUT)
        draw_separators(a);
    bool fresh = false;
    bool over = a->modal && !a->modal->uses_status_line && overlay_window(a, &fresh);
    if (over) {
        if (fresh || (a->dirty & (DIRTY_MODAL | DIRTY_LAYOUT))) {
            wbkgdset(a->overlay, ' ' | style_attr(a->modal->background));
            werase(a->overlay);
            a->modal->draw(a, a->overlay);
            wnoutrefresh(a->overlay);
        }
    } else {
        for (int i = 0; i < PANE_COUNT; i++) {
            struct pane *p = &a->panes[i];
            if (p->hidden || !p->win || !(a->dirty & (1u << i)))
                continue;
            static const enum style_elem base[PANE_COUNT] = {STYLE_LIST_ROW, STYLE_NORMAL,
                                                             STYLE_FACTS_VALUE};
            wbkgdset(p->win, ' ' | style_attr(base[i]));
            werase(p->win);
            p->ops->draw(a, p);
            wnoutrefresh(p->win);
        }
    }
    if (a->modal && a->modal->uses_status_line) {
        wbkgdset(a->status, ' ' | style_attr(STYLE_STATUS));
        werase(a->status);
        a->modal->draw(a, a->status);
        wnoutrefresh(a->status);
    } else if (a->dirty & DIRTY_STATUS) {
        draw_status(a);
    }
    curs_set(a->modal && a->modal->uses_status_line ? 1 : 0);
    doupdate();
    a->dirty = 0;
    /* the first screen is out: the workers held back for it start */
    pipeline_release_workers(a->pl);
}

static void handle_resize(struct app *a)
{
    struct winsize ws;
    if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 && ws.ws_col > 0)
        resize_term(ws.ws_row, ws.ws_col);
    clearok(curscr, TRUE);
    layout(a);
}

void app_resized(struct app *a)
{
    handle_resize(a);
}

static void cycle_focus(struct app *a, int dir)
{
    int f = (int)a->focus;
    for (int i = 0; i < PANE_COUNT; i++) {
        f = (f + dir + PANE_COUNT) % PANE_COUNT;
        if (!a->panes[f].hidden) {
            app_focus(a, (enum pane_id)f);
            return;
        }
    }
}

static void toggle_facts(struct app *a)
{
    if (a->tiny) {
        app_focus(a, a->focus == PANE_FACTS ? PANE_READER : PANE_FACTS);
        return;
    }
    bool *flag = a->wide ? &a->facts_wide : &a->facts_narrow;
    *flag = !*flag;
    if (*flag && !a->wide)
        a->focus = a->focus == PANE_LIST ? PANE_LIST : PANE_FACTS;
    layout(a);
    app_message(a, false, "facts panel %s", *flag ? "shown" : "hidden");
}

static void cycle_theme(struct app *a)
{
    struct tl_error err;
    const char *name = theming_cycle(&err);
    if (!name) {
        app_message(a, true, "%s", err.msg);
        return;
    }
    clearok(curscr, TRUE);
    a->dirty = DIRTY_ALL;
    app_message(a, false, "theme: %s", name);
    reading_theme_chosen(a, name);
}

/* The requests that move: focus, the target, the entity cursor, articles.
 * False when r is not one of them. */
static bool handle_move(struct app *a, enum request r)
{
    switch (r) {
    case REQ_NEXT_PANE:
    case REQ_PREV_PANE:
        if (a->tiny)
            app_focus(a, a->focus == PANE_LIST     ? PANE_READER
                         : a->focus == PANE_READER ? PANE_FACTS
                                                   : PANE_LIST);
        else
            cycle_focus(a, r == REQ_NEXT_PANE ? 1 : -1);
        return true;
    case REQ_TARGET_NEXT:
    case REQ_TARGET_PREV:
        target_step(a, r == REQ_TARGET_NEXT ? 1 : -1);
        return true;
    case REQ_ENTITY_NEXT:
    case REQ_ENTITY_PREV:
        app_focus(a, PANE_READER);
        if (a->focus == PANE_READER)
            a->panes[PANE_READER].ops->key(a, &a->panes[PANE_READER], r);
        return true;
    case REQ_NEXT_ARTICLE:
    case REQ_PREV_ARTICLE:
        if (!a->nlist)
            return true;
        if (r == REQ_NEXT_ARTICLE && a->sel + 1 < a->nlist)
            app_select(a, a->sel + 1);
        else if (r == REQ_PREV_ARTICLE && a->sel > 0)
            app_select(a, a->sel - 1);
        else
            app_message(a, false, r == REQ_NEXT_ARTICLE ? "last article" : "first article");
        reading_opened(a);
        return true;
    default:
        return false;
    }
}

/* The requests that open an overlay or change the screen or the filters.
 * False when r is not one of them. */
static bool handle_screen(struct app *a, enum request r)
{
    switch (r) {
    case REQ_MENTIONS:
        mentions_open(a);
        return true;
    case REQ_SEARCH:
        prompt_open(a);
        return true;
    case REQ_PICK_CLUB:
    case REQ_PICK_PERSON:
        picker_open(a, r == REQ_PICK_CLUB ? ENTITY_CLUB : ENTITY_PERSON);
        return true;
    case REQ_PICK_COMPETITION:
    case REQ_PICK_NATIONAL:
        picker_open(a, r == REQ_PICK_COMPETITION ? ENTITY_COMPETITION : ENTITY_NATIONAL_TEAM);
        return true;
    case REQ_PICK_SOURCE:
        narrow_pick_source(a);
        return true;
    case REQ_PICK_TAG:
        narrow_pick_tag(a);
        return true;
    case REQ_PICK_DATES:
        narrow_pick_dates(a);
        return true;
    case REQ_CYCLE_SORT:
        narrow_cycle_sort(a);
        return true;
    case REQ_PROBLEMS:
        problems_open(a);
        return true;
    case REQ_CLEAR_FILTERS:
        filter_clear(a);
        return true;
    case REQ_TOGGLE_FACTS:
        toggle_facts(a);
        return true;
    case REQ_HELP:
        help_open(a);
        return true;
    case REQ_CYCLE_THEME:
        cycle_theme(a);
        return true;
    case REQ_FETCH:
        fetching_start(a);
        return true;
    case REQ_FOLLOWING:
        following_open(a);
        return true;
    case REQ_REDRAW:
        clearok(curscr, TRUE);
        a->dirty = DIRTY_ALL;
        return true;
    default:
        return false;
    }
}

/* The requests that take the article out of the reader: the browser, the
 * editor, the clipboard, a pipe. False when r is not one of them. */
static bool handle_source(struct app *a, enum request r)
{
    switch (r) {
    case REQ_OPEN_URL:
        source_open_url(a);
        return true;
    case REQ_EDIT_SOURCE:
        source_edit(a);
        return true;
    case REQ_COPY_URL:
        source_copy(a);
        return true;
    case REQ_PIPE_ARTICLE:
        pipe_cmd_open(a);
        return true;
    default:
        return false;
    }
}

/* The requests of the reading state: marks, their filters, following.
 * False when r is not one of them. */
static bool handle_reading(struct app *a, enum request r)
{
    switch (r) {
    case REQ_TOGGLE_READ:
        reading_toggle_read(a);
        return true;
    case REQ_TOGGLE_STAR:
        reading_toggle_star(a);
        return true;
    case REQ_ONLY_UNREAD:
    case REQ_ONLY_STARRED:
        reading_toggle_only(a, r == REQ_ONLY_UNREAD ? READING_READ : READING_STARRED);
        return true;
    case REQ_FOLLOW:
        following_toggle(a);
        return true;
    default:
        return false;
    }
}

static void handle_global(struct app *a, int key, enum request r)
{
    if (handle_move(a, r) || handle_screen(a, r) || handle_source(a, r) || handle_reading(a, r))
        return;
    if (r == REQ_BACK && a->focus != PANE_LIST) {
        app_focus(a, PANE_LIST);
    } else if (r == REQ_BACK || r == REQ_QUIT) {
        a->quit = true;
    } else if (r != REQ_CANCEL) {
        char name[32];
        app_message(a, false, "%s is not bound (? lists the keys)",
                    keys_name(key, name, sizeof name));
    }
}

static struct pane *pane_at(struct app *a, int y, int x)
{
    for (int i = 0; i < PANE_COUNT; i++) {
        struct pane *p = &a->panes[i];
        if (!p->hidden && y >= p->y && y < p->y + p->h && x >= p->x && x < p->x + p->w)
            return p;
    }
    return NULL;
}

static void handle_mouse(struct app *a)
{
    MEVENT ev;
    if (getmouse(&ev) != OK)
        return;
    int delta = (ev.bstate & BUTTON4_PRESSED) ? -3 : (ev.bstate & BUTTON5_PRESSED) ? 3 : 0;
    bool click = ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED);
    if (a->modal && !a->modal->uses_status_line) {
        if (delta && a->modal->wheel)
            a->modal->wheel(a, delta);
        else if (click && a->modal->click)
            a->modal->click(a, ev.y, ev.x);
        return;
    }
    struct pane *p = pane_at(a, ev.y, ev.x);
    if (!p)
        return;
    if (delta) {
        if (p->ops->wheel)
            p->ops->wheel(a, p, delta);
    } else if (click) {
        app_focus(a, p->id);
        if (ev.y > p->y && p->ops->click)
            p->ops->click(a, p, ev.y - p->y - 1, ev.x - p->x);
    }
}

static void handle_key(struct app *a, int key)
{
    if (key == KEYS_FN(KEY_RESIZE)) {
        handle_resize(a);
        return;
    }
    a->touched = true;
    if (a->msg[0]) { /* messages fade on the next key */
        a->msg[0] = '\0';
        a->dirty |= DIRTY_STATUS;
    }
    if (key == KEYS_FN(KEY_MOUSE)) {
        handle_mouse(a);
        return;
    }
    enum request r = keys_lookup(key);
    if (a->modal) {
        a->modal->key(a, key, r);
        return;
    }
    struct pane *p = &a->panes[a->focus];
    if (!p->hidden && p->ops->key && p->ops->key(a, p, r))
        return;
    handle_global(a, key, r);
}

void app_begin(struct app *a)
{
    layout(a);
    loading_first_screen(a, FIRST_SCREEN_MAX_MS);
    if (a->nlist)
        app_select(a, a->sel);
}

void app_key(struct app *a, int key)
{
    handle_key(a, key);
}

void app_draw(struct app *a)
{
    if (a->dirty)
        draw_all(a);
}

int app_run(struct app *a)
{
    signals_install(); /* without its pipe, the wait still ends on a key and on its timeout */
    app_begin(a);
    draw_all(a); /* the first screen now, not after the loop's first round of taking results */
    while (!a->quit && !signals_quit()) {
        if (signals_take_resize())
            handle_resize(a);
        fetching_tick(a);
        loading_tick(a, TICK_BUDGET_MS);
        filter_search_poll(a);
        bool saving = reading_tick(a); /* a save waits on its timer */
        if (a->dirty)
            draw_all(a);
        /* A key already typed is read at once; else the loop waits for one,
         * a signal, or (while loading) the load's end or the next tick. The
         * wait is signals_wait's, not curses', so that a resize that lands
         * now is not left for the next key. */
        wtimeout(a->status, 0);
        wint_t ch;
        int rc = wget_wch(a->status, &ch);
        if (rc == ERR && !a->backlog) {
            bool loading = pipeline_loading(a->pl);
            bool busy = loading || filter_searching(a) || fetching_busy(a) || saving;
            signals_wait(fileno(stdin), loading ? pipeline_wake_fd(a->pl) : -1,
                         busy ? TICK_INTERVAL_MS : -1);
            rc = wget_wch(a->status, &ch);
        }
        if (rc == ERR)
            continue;
        handle_key(a, rc == KEY_CODE_YES ? KEYS_FN((int)ch) : (int)ch);
    }
    return signals_quit() ? 128 + signals_quit() : 0;
}
