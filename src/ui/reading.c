/* reading: read and starred marks in the reader, the u and S filters, the
 * stored theme, and when the reading state is saved (see reading.h). The
 * marks of every article are cached in an array when it is loaded, so that
 * the list, its header count and the filters never build a key; the cache
 * changes with this process's own marks (another process's show up at the
 * next start). */
#include "ui/reading.h"
#include "ui/app.h"
#include "ui/filter.h"
#include "core/base/buf.h"
#include "core/base/xalloc.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* An opened article's read mark is saved this long after the last one, so
 * that J held down does not write the file for each article. */
#define SAVE_DELAY_MS 1500.0

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

struct reading *reading_new(bool save)
{
    struct reading *r = xcalloc(1, sizeof *r);
    r->save = save;
    r->started = time(NULL);
    char *dir = state_default_dir();
    if (!dir) {
        reading_warn(r, "no place for the reading state (set HOME or XDG_STATE_HOME): marks "
                        "are not kept");
        return r;
    }
    r->st = state_open(dir);
    free(dir);
    for (size_t i = 0; i < state_nwarnings(r->st); i++)
        reading_warn(r, "%s", state_warning(r->st, i));
    r->since = state_visit_last(r->st);
    return r;
}

void reading_free(struct reading *r)
{
    if (!r)
        return;
    state_close(r->st);
    free(r->warning);
    free(r->marks);
    free(r->kept);
    free(r);
}

const char *reading_theme(const struct reading *r)
{
    return r && r->st ? state_theme(r->st) : NULL;
}

void reading_warn(struct reading *r, const char *fmt, ...)
{
    if (!r->nwarnings++) {
        va_list ap;
        va_start(ap, fmt);
        r->warning = buf_vformat(fmt, ap);
        va_end(ap);
    }
}

/* The article's key in the state. */
static void key_of(const struct app *a, size_t article, struct buf *key)
{
    state_article_key(a->reading->st, a->c->articles[article], key);
}

void reading_fold(struct app *a)
{
    struct reading *r = a->reading;
    if (!r || r->nmarked >= a->nknown)
        return;
    r->marks = xgrow(r->marks, &r->mcap, a->nknown, sizeof *r->marks);
    struct buf key;
    buf_init(&key);
    for (size_t i = r->nmarked; i < a->nknown; i++) {
        r->marks[i] = 0;
        if (!r->st)
            continue;
        key_of(a, i, &key);
        r->marks[i] = (unsigned char)((state_is_read(r->st, key.data) ? READING_READ : 0) |
                                      (state_is_starred(r->st, key.data) ? READING_STARRED : 0));
    }
    buf_free(&key);
    r->nmarked = a->nknown;
}

unsigned reading_marks(const struct app *a, size_t article)
{
    const struct reading *r = a->reading;
    return r && article < r->nmarked ? r->marks[article] : 0;
}

bool reading_filtering(const struct app *a)
{
    return a->reading && (a->reading->only_unread || a->reading->only_starred);
}

static bool kept(const struct reading *r, size_t article)
{
    for (size_t i = 0; i < r->nkept; i++)
        if (r->kept[i] == article)
            return true;
    return false;
}

bool reading_passes(const struct app *a, size_t article)
{
    const struct reading *r = a->reading;
    if (!reading_filtering(a))
        return true;
    unsigned m = reading_marks(a, article);
    if ((r->only_unread && (m & READING_READ)) || (r->only_starred && !(m & READING_STARRED)))
        return kept(r, article);
    return true;
}

/* Sets one mark of an article in the state and the cache; an article
 * changed under u or S stays listed. True when it changed. */
static bool set_mark(struct app *a, size_t article, unsigned bit, bool on)
{
    struct reading *r = a->reading;
    if (!r || !r->st || article >= r->nmarked)
        return false;
    struct buf key;
    buf_init(&key);
    key_of(a, article, &key);
    bool changed = bit == READING_READ ? state_set_read(r->st, key.data, on)
                                       : state_set_starred(r->st, key.data, on);
    buf_free(&key);
    if (on)
        r->marks[article] |= (unsigned char)bit;
    else
        r->marks[article] &= (unsigned char)~bit;
    if (changed && reading_filtering(a) && !kept(r, article)) {
        r->kept = xgrow(r->kept, &r->kcap, r->nkept + 1, sizeof *r->kept);
        r->kept[r->nkept++] = article;
    }
    if (changed)
        a->dirty |= DIRTY_LIST | DIRTY_READER | DIRTY_STATUS;
    return changed;
}

void reading_save_now(struct app *a)
{
    struct reading *r = a->reading;
    if (!r)
        return;
    r->save_due = 0;
    if (!r->st || !r->save || !state_dirty(r->st))
        return;
    struct tl_error err;
    if (!state_save(r->st, &err))
        app_message(a, true, "reading state not saved: %s", err.msg);
}

bool reading_tick(struct app *a)
{
    struct reading *r = a->reading;
    if (!r || !r->save_due)
        return false;
    if (now_ms() >= r->save_due)
        reading_save_now(a);
    return r->save_due != 0;
}

void reading_opened(struct app *a)
{
    struct reading *r = a->reading;
    if (a->open.article >= 0 && set_mark(a, (size_t)a->open.article, READING_READ, true) && r->save)
        r->save_due = now_ms() + SAVE_DELAY_MS;
}

/* Whether r and s have an article and a state to work on; says why not. */
static bool can_mark(struct app *a)
{
    if (!a->reading || !a->reading->st) {
        app_message(a, true, "no reading state: %s",
                    a->reading && a->reading->warning ? a->reading->warning : "marks are not kept");
        return false;
    }
    if (a->open.article < 0) {
        app_message(a, false, "no article to mark");
        return false;
    }
    return true;
}

void reading_toggle_read(struct app *a)
{
    if (!can_mark(a))
        return;
    size_t art = (size_t)a->open.article;
    bool on = !(reading_marks(a, art) & READING_READ);
    set_mark(a, art, READING_READ, on);
    app_message(a, false, on ? "marked read" : "marked unread");
    reading_save_now(a);
}

void reading_toggle_star(struct app *a)
{
    if (!can_mark(a))
        return;
    size_t art = (size_t)a->open.article;
    bool on = !(reading_marks(a, art) & READING_STARRED);
    set_mark(a, art, READING_STARRED, on);
    app_message(a, false, on ? "starred" : "star taken away");
    reading_save_now(a);
}

void reading_toggle_only(struct app *a, unsigned which)
{
    struct reading *r = a->reading;
    if (!r)
        return;
    bool *flag = which == READING_READ ? &r->only_unread : &r->only_starred;
    *flag = !*flag;
    r->nkept = 0;
    filter_apply(a);
    const char *what = which == READING_READ ? "unread" : "starred";
    if (*flag)
        app_message(a, false, "only %s: %zu article%s listed", what, a->nlist,
                    a->nlist == 1 ? "" : "s");
    else
        app_message(a, false, "%s or not: %zu article%s listed", what, a->nlist,
                    a->nlist == 1 ? "" : "s");
}

bool reading_clear_filters(struct app *a)
{
    struct reading *r = a->reading;
    if (!r)
        return false;
    bool had = r->only_unread || r->only_starred;
    r->only_unread = r->only_starred = false;
    r->nkept = 0;
    return had;
}

size_t reading_parts(const struct app *a, struct filter_part *out, size_t max)
{
    const struct reading *r = a->reading;
    size_t k = 0;
    if (r && r->only_unread && k < max)
        out[k++] = (struct filter_part){"", "unread only", -1, false};
    if (r && r->only_starred && k < max)
        out[k++] = (struct filter_part){"", "starred only", -1, false};
    return k;
}

size_t reading_unread_listed(const struct app *a)
{
    size_t n = 0;
    for (size_t i = 0; i < a->nlist; i++)
        n += !(reading_marks(a, a->list[i]) & READING_READ);
    return n;
}

void reading_theme_chosen(struct app *a, const char *name)
{
    if (!a->reading || !a->reading->st)
        return;
    state_set_theme(a->reading->st, name);
    reading_save_now(a);
}

bool reading_finish(struct reading *r, struct tl_error *err)
{
    if (!r || !r->st || !r->save)
        return true;
    state_visit_record(r->st, r->started);
    return state_save(r->st, err);
}
