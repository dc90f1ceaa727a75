/* following: `F` follows the target or stops following it; `W` opens the
 * Following view: the facts about the followed entities in the articles
 * new since the last visit (news_query), newest first, a heading per entity
 * with its count, a line per fact (date, the fact as the facts panel says
 * it, the article's title). Enter opens the article at the fact's sentence
 * as the facts panel's Enter does (reader_open_span). The start-up status
 * line's "5 new facts about 2 followed players since Tue" is made here. */
#include "ui/following.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/facts.h"
#include "ui/overlay_list.h"
#include "ui/reading.h"
#include "ui/style.h"
#include "core/state/news.h"
#include "core/base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* A row of the view: a group's heading (item ROW_HEADING), one of its
 * facts, or the blank row before the next group's heading (ROW_GAP). */
enum { ROW_HEADING = -1, ROW_GAP = -2 };
struct frow {
    size_t group;
    long item;
};

static struct news news;
static struct frow *rows;
static size_t nrows, rcap;
static void open_selected(struct app *a);
static bool is_gap(size_t row);
static struct overlay_list list_box = {
    .toggle = REQ_FOLLOWING, .open = open_selected, .skip = is_gap, /* never on a blank row */
};
static struct sline line;
static bool line_ready;

static const char *const weekdays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
static const char *const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

/* "since 08:15" (today), "since Tue" (this week), "since 28 Nov" (this
 * year), "since 28 Nov 2023"; with `full` the day and time always
 * ("since Tue 28 Nov 08:15"). Nothing for a first visit (0). */
static void put_since(struct buf *out, time_t since, bool full)
{
    if (since <= 0)
        return;
    time_t now = time(NULL);
    struct tm t, n;
    localtime_r(&since, &t);
    localtime_r(&now, &n);
    bool today = t.tm_year == n.tm_year && t.tm_yday == n.tm_yday;
    bool week = now >= since && now - since < 6 * 24 * 3600;
    buf_puts(out, " since ");
    if (full)
        buf_printf(out, "%s %d %s", weekdays[t.tm_wday], t.tm_mday, months[t.tm_mon]);
    else if (today)
        buf_printf(out, "%02d:%02d", t.tm_hour, t.tm_min);
    else if (week)
        buf_puts(out, weekdays[t.tm_wday]);
    else
        buf_printf(out, "%d %s", t.tm_mday, months[t.tm_mon]);
    if (t.tm_year != n.tm_year)
        buf_printf(out, " %d", t.tm_year + 1900);
    if (full)
        buf_printf(out, " %02d:%02d", t.tm_hour, t.tm_min);
}

/* "2 followed players", "1 followed club", "3 followed (2 people, 1 club)". */
static void put_who(const struct app *a, const struct news *n, struct buf *out)
{
    size_t people = 0, players = 0, clubs = 0;
    for (size_t k = 0; k < n->ngroups; k++) {
        const struct index_entity *e = &a->ix->entities[n->groups[k].entity];
        people += e->kind == ENTITY_PERSON;
        players += e->kind == ENTITY_PERSON && e->role == ROLE_PLAYER;
        clubs += e->kind == ENTITY_CLUB;
    }
    const char *pn = players == people ? (people == 1 ? "player" : "players")
                                       : (people == 1 ? "person" : "people");
    if (people == n->ngroups)
        buf_printf(out, "%zu followed %s", people, pn);
    else if (clubs == n->ngroups)
        buf_printf(out, "%zu followed club%s", clubs, clubs == 1 ? "" : "s");
    else
        buf_printf(out, "%zu followed (%zu %s, %zu club%s)", n->ngroups, people, pn, clubs,
                   clubs == 1 ? "" : "s");
}

static struct state *state_of(const struct app *a)
{
    return a->reading ? a->reading->st : NULL;
}

void following_summary(const struct app *a, struct buf *out)
{
    struct state *st = state_of(a);
    if (!st || !state_nfollowed(st))
        return;
    struct news n;
    news_query(a->ix, st, a->reading->since, &n);
    if (n.nitems) {
        buf_printf(out, "%zu new fact%s about ", n.nitems, n.nitems == 1 ? "" : "s");
        put_who(a, &n, out);
        put_since(out, a->reading->since, false);
    }
    news_free(&n);
}

/* A key bound to a request, for messages ("F"); `fallback` when none. */
static const char *key_for(enum request r, char *buf, size_t size, const char *fallback)
{
    int key;
    if (keys_of(r, &key, 1))
        return keys_name(key, buf, size);
    snprintf(buf, size, "%s", fallback);
    return buf;
}

void following_toggle(struct app *a)
{
    struct state *st = state_of(a);
    if (!st) {
        app_message(a, true, "no reading state: cannot follow");
        return;
    }
    if (reader_cursor_unknown(a))
        return;
    if (a->target != TARGET_ENTITY || a->target_entity < 0) {
        char k[24];
        app_message(a, false,
                    "no target to follow: put the entity cursor on a player or a club (] or w), "
                    "then %s",
                    key_for(REQ_FOLLOW, k, sizeof k, "follow"));
        return;
    }
    int g = a->target_entity;
    if (a->ix->entities[g].same_as >= 0)
        g = a->ix->entities[g].same_as;
    const struct index_entity *e = &a->ix->entities[g];
    if (e->kind != ENTITY_PERSON && e->kind != ENTITY_CLUB) {
        const char *what = e->kind == ENTITY_NATIONAL_TEAM ? "a national team"
                           : e->kind == ENTITY_COMPETITION ? "a competition"
                                                           : "a media outlet";
        app_message(a, true, "%s is %s: only players, managers and clubs can be followed", e->name,
                    what);
        return;
    }
    bool was = state_is_followed(st, e->id);
    if (was)
        state_unfollow(st, e->id);
    else
        state_follow(st, e->id, e->kind, e->name);
    app_message(a, false, "%s %s", was ? "no longer following" : "following", e->name);
    reading_save_now(a);
}

static void lay_out(void)
{
    nrows = 0;
    for (size_t k = 0; k < news.ngroups; k++)
        for (long i = k ? ROW_GAP : ROW_HEADING; i < (long)news.groups[k].nitems; i++) {
            rows = xgrow(rows, &rcap, nrows + 1, sizeof *rows);
            rows[nrows++] = (struct frow){k, i};
        }
}

void following_open(struct app *a)
{
    struct state *st = state_of(a);
    news_free(&news);
    if (st)
        news_query(a->ix, st, a->reading->since, &news);
    lay_out();
    if (!line_ready)
        sline_init(&line);
    line_ready = true;
    overlay_list_reset(&list_box, true);
    if (nrows > 1)
        list_box.pos.sel = 1; /* the first fact */
    app_open_modal(a, &following_modal_ops);
}

/* A heading: "Alessandro Bastoni · player · 3 new facts". */
static void heading_line(const struct app *a, const struct news_group *g)
{
    const struct index_entity *e = &a->ix->entities[g->entity];
    sline_puts(&line, e->name, style_of_kind(e->kind));
    if (e->kind == ENTITY_PERSON && e->role != ROLE_UNKNOWN)
        sline_printf(&line, STYLE_DIM, " \xc2\xb7 %s", person_role_name(e->role));
    else if (e->kind == ENTITY_CLUB)
        sline_puts(&line, " \xc2\xb7 club", STYLE_DIM);
    sline_printf(&line, STYLE_FACTS_HEADING, " \xc2\xb7 %zu new fact%s", g->nitems,
                 g->nitems == 1 ? "" : "s");
}

/* A fact: "05 Dec  fee £31m (2017, Atalanta -> Inter Milan)  Inter open
 * contract talk"; a club's facts name their subject first. */
static void fact_line(const struct app *a, const struct news_group *g, const struct news_item *it)
{
    const struct extraction *x = app_extraction(a, it->article);
    const struct fact *f = &x->facts[it->fact];
    char date[16];
    app_short_date(a, it->article, date);
    sline_printf(&line, STYLE_DATE, "%-6.6s  ", date);
    bool club = a->ix->entities[g->entity].kind != ENTITY_PERSON;
    if (club && f->subject >= 0 && (size_t)f->subject < x->nentities) {
        sline_puts(&line, x->entities[f->subject].name, STYLE_PERSON);
        sline_puts(&line, ": ", STYLE_FACTS_LABEL);
    }
    facts_describe(&line, a, it->article, f);
    sline_puts(&line, "  \xc2\xb7  ", STYLE_DIM);
    sline_puts(&line, a->c->articles[it->article]->title, STYLE_HELP);
}

struct wrap_ctx {
    WINDOW *w;
    const char *text;
    int y;
};

static void emit_empty(void *ctx, size_t s, size_t e)
{
    struct wrap_ctx *c = ctx;
    if (c->y < getmaxy(c->w))
        draw_text(c->w, c->y++, 2, c->text + s, e - s, getmaxx(c->w) - 4, style_attr(STYLE_HELP));
}

/* With nothing to list: how to follow, or since when nothing is new. */
static void draw_empty(struct app *a, WINDOW *w, int width)
{
    struct state *st = state_of(a);
    char k[24];
    struct buf b;
    buf_init(&b);
    if (!st) {
        buf_puts(&b, "No reading state, so nothing is followed: ");
        buf_puts(&b, a->reading && a->reading->warning ? a->reading->warning : "");
    } else if (!state_nfollowed(st)) {
        buf_printf(&b,
                   "You follow no one yet. Put the entity cursor on a player or a club (] or w) "
                   "and press %s, or run: touchline follow NAME",
                   key_for(REQ_FOLLOW, k, sizeof k, "the follow request"));
    } else {
        buf_printf(&b, "Nothing new about the %zu followed", state_nfollowed(st));
        put_since(&b, a->reading->since, true);
        buf_puts(&b, a->reading->since > 0 ? "." : " yet.");
        buf_puts(&b, " Following:");
        for (size_t i = 0; i < state_nfollowed(st); i++)
            buf_printf(&b, "%s %s", i ? "," : "", state_followed_at(st, i)->name);
        buf_puts(&b, ".");
    }
    struct wrap_ctx c = {w, b.data, 2};
    draw_wrap(b.data, 0, b.len, width - 4, false, emit_empty, &c);
    buf_free(&b);
}

static bool is_gap(size_t row)
{
    return rows[row].item == ROW_GAP;
}

/* A heading or a fact; a blank row between groups. */
static void draw_row(struct app *a, WINDOW *w, int y, size_t i, bool on)
{
    int width = getmaxx(w);
    const struct frow *r = &rows[i];
    const struct news_group *g = &news.groups[r->group];
    sline_reset(&line);
    if (r->item == ROW_GAP)
        return;
    if (r->item == ROW_HEADING)
        heading_line(a, g);
    else
        fact_line(a, g, &g->items[r->item]);
    attr_t sel = style_attr(STYLE_SELECTED);
    if (on)
        draw_fill(w, y, 0, width, sel);
    int x = r->item < 0 ? 1 : 3;
    sline_draw(w, y, x, &line, 0, line.text.len, width - x - 1, on ? sel : A_NORMAL);
}

static void following_draw(struct app *a, WINDOW *w)
{
    struct buf title;
    buf_init(&title);
    buf_puts(&title, "Following");
    if (news.nitems) {
        buf_printf(&title, " \xc2\xb7 %zu new fact%s about ", news.nitems,
                   news.nitems == 1 ? "" : "s");
        put_who(a, &news, &title);
        if (a->reading)
            put_since(&title, a->reading->since, true);
    }
    overlay_list_draw(&list_box, a, w, title.data,
                      nrows ? "Enter opens \xc2\xb7 q closes" : "q closes", nrows, draw_row);
    buf_free(&title);
    if (!nrows)
        draw_empty(a, w, getmaxx(w));
}

/* Enter: the selected fact (a heading: its first fact), opened in its
 * article at its sentence. */
static void open_selected(struct app *a)
{
    if (!nrows)
        return;
    const struct frow *r = &rows[list_box.pos.sel];
    const struct news_item *it = &news.groups[r->group].items[r->item < 0 ? 0 : r->item];
    const struct mention *s = &app_extraction(a, it->article)->facts[it->fact].span;
    app_close_modal(a);
    reader_open_span(a, it->article, s->in_title, s->start, s->end);
}

static void following_key(struct app *a, int key, enum request r)
{
    (void)key;
    overlay_list_key(&list_box, a, r);
}

static void following_click(struct app *a, int row, int col)
{
    (void)col;
    long i = overlay_list_row_at(&list_box, row);
    if (i >= 0 && !is_gap((size_t)i) && pane_move_to(&list_box.pos, (size_t)i))
        a->dirty |= DIRTY_MODAL;
}

static void following_scroll(struct app *a, int delta)
{
    overlay_list_wheel(&list_box, a, delta);
}

const struct modal_ops following_modal_ops = {
    .name = "following",
    .draw = following_draw,
    .key = following_key,
    .click = following_click,
    .wheel = following_scroll,
    .uses_status_line = false,
    .background = STYLE_HELP,
};
