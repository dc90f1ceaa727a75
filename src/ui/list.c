/* list: the article list pane: the reading marks (unread, starred), date,
 * markers (money fact found, number of clubs) and title, one row per listed
 * article, unread ones in bold; the selection stays visible. */
#include "ui/list.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/filter.h"
#include "ui/reading.h"
#include "ui/style.h"
#include "core/base/buf.h"
#include "core/base/utf8.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

/* The date as the list shows it: in a->date_format when set, else short. */
static void list_date(const struct app *a, size_t article, char *out, size_t size)
{
    struct tm tm;
    memset(&tm, 0, sizeof tm);
    const char *d = a->c->articles[article]->date;
    if (!a->date_format || sscanf(d, "%d-%d-%d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday) != 3) {
        char s[16];
        app_short_date(a, article, s);
        snprintf(out, size, "%s", s);
        return;
    }
    tm.tm_year -= 1900;
    tm.tm_mon -= 1;
    tm.tm_isdst = -1;
    tm.tm_hour = 12;
    mktime(&tm); /* fills in the weekday and day of the year */
    /* The format comes from the config, where every conversion was checked. */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
    if (!strftime(out, size, a->date_format, &tm))
        out[0] = '\0';
#pragma GCC diagnostic pop
}

/* The pane's position follows the app's selection (app_select moves it). */
static void sync(struct app *a, struct pane *p)
{
    p->pos.sel = a->sel;
    app_pane_size(p, a->nlist);
}

/* The title bar: "Articles 3 of 32 · 2 unread · club: Inter Milan (3)" and
 * "1/3" on the right. Filters that do not fit are shown shorter (filter.c:
 * people by surname, no counts), then the unread count goes, then the count
 * shrinks to "3/32" (the selection's place is dropped) and the names are
 * cut short with "…", rather than the bar cutting them off. */
static void draw_title(struct app *a, struct pane *p)
{
    struct buf left, right;
    buf_init(&left);
    buf_init(&right);
    if (a->nlist)
        buf_printf(&right, "%zu/%zu", a->sel + 1, a->nlist);
    int avail = p->w - 2 - (right.len ? (int)right.len + 2 : 0);
    size_t unread = a->reading && a->reading->st ? reading_unread_listed(a) : SIZE_MAX;
    /* 0: with the unread count, the filters whole; 1: without the count,
     * the filters shorter when need be; 2: compact, the names cut */
    for (int step = unread == SIZE_MAX ? 1 : 0; step < 3; step++) {
        bool with_unread = step == 0, compact = step == 2;
        buf_reset(&left);
        if (compact) { /* the reader's title says "Article 1 of 19" too */
            buf_reset(&right);
            avail = p->w - 2;
            buf_printf(&left, "%zu/%zu", a->nlist, a->nknown);
        } else if (a->nlist != a->nknown)
            buf_printf(&left, "Articles %zu of %zu", a->nlist, a->nknown);
        else
            buf_printf(&left, "Articles %zu", a->nlist);
        if (with_unread)
            buf_printf(&left, " \xc2\xb7 %zu unread", unread);
        size_t head = left.len;
        buf_puts(&left, " \xc2\xb7 ");
        int room = avail - (int)utf8_width(left.data, left.len);
        int w = filter_describe_fit(a, &left, with_unread ? 0 : room, compact);
        if (left.len == head + 4) { /* no filter */
            left.len = head;
            left.data[head] = '\0';
        }
        if (w <= avail - (int)utf8_width(left.data, head) - 3)
            break;
    }
    draw_titlebar(p->win, 0, p->w, left.data, right.data, a->focus == PANE_LIST);
    buf_free(&left);
    buf_free(&right);
}

/* A row of the list drawn left to right, its text collected while the
 * attributes stay the same and drawn in one piece when they change. The
 * blanks between columns take the attributes of the column before them
 * where that looks no different (style_blank_alike), so that the marks, the
 * date and the markers often go out as one run and the terminal changes
 * attributes less; the blank before the first column likewise. */
struct row {
    WINDOW *w;
    int y, x;          /* the collected text starts at column x */
    int end;           /* the pane's width */
    attr_t background; /* what the row's blanks are: the window's, or the selection's */
    attr_t attr;       /* the collected text's attributes */
    bool lead;         /* the blank before the first column is still to come */
    char text[160];
    size_t len;
};

static void row_flush(struct row *r)
{
    if (r->len)
        r->x += draw_text(r->w, r->y, r->x, r->text, r->len, r->end - r->x, r->attr);
    r->len = 0;
}

static void row_add(struct row *r, const char *s, attr_t attr)
{
    size_t n = strlen(s);
    if (r->lead) { /* the blank goes with the text, or is skipped */
        r->lead = false;
        if (style_blank_alike(attr, r->background)) {
            r->text[r->len++] = ' ';
            r->attr = attr;
        } else {
            r->x++;
        }
    }
    if (r->len && (attr != r->attr || r->len + n > sizeof r->text))
        row_flush(r);
    if (n > sizeof r->text) {
        draw_text(r->w, r->y, r->x, s, n, r->end - r->x, attr);
        r->x = r->end;
        return;
    }
    r->attr = attr;
    memcpy(r->text + r->len, s, n);
    r->len += n;
}

/* The blank after a column. */
static void row_gap(struct row *r)
{
    if (r->len && style_blank_alike(r->attr, r->background)) {
        row_add(r, " ", r->attr);
        return;
    }
    row_flush(r);
    r->x++;
}

static void list_draw(struct app *a, struct pane *p)
{
    draw_title(a, p);
    sync(a, p);
    int rows = app_pane_rows(p);
    if (!a->nlist) {
        draw_str(p->win, 1, 1,
                 a->nknown ? "Nothing matches all the filters (x clears them)." : "No articles.",
                 p->w - 2, style_attr(STYLE_DIM));
        return;
    }
    for (int y = 0; y < rows && p->pos.top + (size_t)y < a->nlist; y++) {
        size_t pos = p->pos.top + (size_t)y, art = a->list[pos];
        bool sel = pos == a->sel;
        attr_t base = sel ? style_attr(a->focus == PANE_LIST ? STYLE_SELECTED : STYLE_SELECTED_DIM)
                          : A_NORMAL;
        if (sel)
            draw_fill(p->win, y + 1, 0, p->w, base);
        char date[64], mark[8];
        list_date(a, art, date, sizeof date);
        unsigned marks = reading_marks(a, art);
        bool unread = !(marks & READING_READ);
        struct row r = {.w = p->win, .y = y + 1, .end = p->w, .lead = true};
        r.background = sel ? base : style_attr(STYLE_LIST_ROW);
        if (a->reading && a->reading->st) { /* "●" unread, "★" starred */
            row_add(&r, unread ? "\xe2\x97\x8f" : " ",
                    sel ? style_over(base, style_attr(STYLE_UNREAD_MARK))
                        : style_attr(STYLE_UNREAD_MARK));
            row_add(&r, marks & READING_STARRED ? "\xe2\x98\x85" : " ",
                    sel ? style_over(base, style_attr(STYLE_STAR)) : style_attr(STYLE_STAR));
            row_gap(&r);
        }
        attr_t title_attr = unread ? style_attr(STYLE_UNREAD) : A_NORMAL;
        row_add(&r, date, sel ? base : style_attr(STYLE_DATE));
        row_gap(&r);
        unsigned nc = a->nclubs[art];
        char *m = mark; /* "£" when a money fact was found, then the number of clubs */
        if (a->money[art]) {
            memcpy(m, "\xc2\xa3", 2);
            m += 2;
        } else {
            *m++ = ' ';
        }
        *m++ = nc == 0 ? ' ' : nc > 9 ? '+' : (char)('0' + nc);
        *m = '\0';
        if (p->w >= 30) {
            row_add(&r, mark, sel ? base : style_attr(STYLE_MARKER));
            row_gap(&r);
        }
        row_flush(&r);
        draw_str(p->win, y + 1, r.x, a->c->articles[art]->title, p->w - r.x - 1,
                 sel ? (unread ? base | A_BOLD : base) : title_attr);
    }
}

static bool list_key(struct app *a, struct pane *p, enum request r)
{
    bool moved;
    sync(a, p);
    if (pane_request(&p->pos, r, &moved)) {
        if (moved)
            app_select(a, p->pos.sel);
        return true;
    }
    if (r != REQ_OPEN)
        return false;
    if (a->nlist) {
        app_focus(a, PANE_READER);
        reading_opened(a);
    }
    return true;
}

static void list_click(struct app *a, struct pane *p, int row, int col)
{
    (void)col;
    long pos = pane_row_at(&p->pos, row);
    if (pos >= 0)
        app_select(a, (size_t)pos);
}

static void list_scroll(struct app *a, struct pane *p, int delta)
{
    sync(a, p);
    /* the selection follows the scroll so that it stays in view */
    if (pane_scroll(&p->pos, delta) && p->pos.sel != a->sel)
        app_select(a, p->pos.sel);
    a->dirty |= DIRTY_LIST;
}

static void list_resize(struct app *a, struct pane *p)
{
    sync(a, p);
}

const struct view_ops list_view_ops = {
    .name = "list",
    .draw = list_draw,
    .key = list_key,
    .resize = list_resize,
    .click = list_click,
    .wheel = list_scroll,
};
