/* reading: the reading state as the reader uses it (reading.c): opening it
 * at start-up, the read and starred marks of the listed articles (r, s,
 * marking an article read when it is opened), the unread and starred
 * filters (u, S), the theme chosen with T, and saving: at once after r, s,
 * F and T, on a short timer after an article is opened, and at quit, which
 * also records the visit. The state itself is core/state/state.h. */
#ifndef TOUCHLINE_UI_READING_H
#define TOUCHLINE_UI_READING_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/base/error.h"
#include "core/state/state.h"

struct app;
struct buf;
struct filter_part;

struct reading {
    struct state *st; /* NULL when there is no place for it (no HOME) */
    bool save;        /* false: never written (the key benchmark) */
    char *warning;    /* the first problem met opening it, or NULL */
    size_t nwarnings;
    time_t since;   /* the last visit when the reader started: what is new */
    time_t started; /* this visit's start, recorded at quit */
    /* Per article (load index): MARK_ bits, cached from the state. */
    unsigned char *marks;
    size_t nmarked, mcap;
    bool only_unread, only_starred; /* u and S */
    /* Articles whose marks changed while u or S was on: they stay listed
     * until that filter is set again, so the selection never jumps away. */
    size_t *kept;
    size_t nkept, kcap;
    double save_due; /* monotonic ms of a save waiting on the timer, 0 for none */
};

enum { READING_READ = 1, READING_STARRED = 2 };

/* Opens the state in its default place (state_default_dir); its problems
 * become a warning for the status line, never an error. `save` false: it is
 * read and never written. */
struct reading *reading_new(bool save);
void reading_free(struct reading *r);
/* The theme chosen with T last time, or NULL. */
const char *reading_theme(const struct reading *r);
/* Adds a warning for the status line (the first one is shown, with a count). */
void reading_warn(struct reading *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Takes the marks of the articles the app has and the cache not yet
 * (before the list is rebuilt from them). */
void reading_fold(struct app *a);
/* An article's marks (READING_ bits). */
unsigned reading_marks(const struct app *a, size_t article);
/* The article in the reader was opened (Enter, J/K, a fact's Enter): it
 * becomes read, saved on the timer. */
void reading_opened(struct app *a);
/* r and s on the article in the reader (the list's selection). */
void reading_toggle_read(struct app *a);
void reading_toggle_star(struct app *a);
/* u and S: toggles the filter and rebuilds the list. */
void reading_toggle_only(struct app *a, unsigned which);
/* Whether u or S is on, and whether an article passes them. */
bool reading_filtering(const struct app *a);
bool reading_passes(const struct app *a, size_t article);
/* Turns u and S off (x); true when one was on. The list is not rebuilt. */
bool reading_clear_filters(struct app *a);
/* "unread only" and "starred only" parts for the title bar (filter.h). */
size_t reading_parts(const struct app *a, struct filter_part *out, size_t max);
/* The unread articles in the list as shown. */
size_t reading_unread_listed(const struct app *a);
/* Stores the theme chosen with T, and saves. */
void reading_theme_chosen(struct app *a, const char *name);
/* Saves now; a failure goes on the status line. */
void reading_save_now(struct app *a);
/* Saves when the timer is due; true while a save waits on it (the loop
 * then wakes up for it). */
bool reading_tick(struct app *a);
/* At quit: records this visit and saves. False with err set on failure. */
bool reading_finish(struct reading *r, struct tl_error *err);

#endif
