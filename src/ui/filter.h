/* filter: the article list as filtered by club AND person AND search AND
 * the filters of narrow.h, in its sort order (filter.c). */
#ifndef TOUCHLINE_UI_FILTER_H
#define TOUCHLINE_UI_FILTER_H

#include <stdbool.h>
#include <stddef.h>

struct app;
struct buf;
struct tl_error;

/* Rebuilds the list from the filters (index queries only) and keeps the
 * open article selected when it is still listed. */
void filter_apply(struct app *a);
/* The same for articles that just arrived: the selected article keeps its
 * place on screen, and the reader is left alone (until a key is pressed,
 * the selection follows the top of the list). */
void filter_refresh(struct app *a);
/* Sets the club (kind ENTITY_CLUB), person, competition or national team
 * filter; -1 clears it. */
void filter_set(struct app *a, int kind, int entity);
void filter_clear(struct app *a);
/* Compiles a `/` search and starts it on its own thread; when it is done
 * (at once for a small corpus, else in filter_search_poll) it filters the
 * list and becomes the target. An empty pattern clears the search. On a bad
 * pattern returns false with err set to PCRE2's message ("offset N: what")
 * and *err_offset to the byte offset it points at; the filters stay as they
 * were. No match at all is a message later. */
bool filter_search(struct app *a, const char *pattern, size_t *err_offset, struct tl_error *err);
/* Applies a search that has finished; true when one did. */
bool filter_search_poll(struct app *a);
/* Whether a search is still running. */
bool filter_searching(const struct app *a);
/* Stops a running search (at exit). */
void filter_free(struct app *a);
/* "club: Inter Milan (12) · person: ..." for titles and the status line. */
void filter_describe(const struct app *a, struct buf *out);
/* The same in at most `cols` columns when it can be: people shown by
 * surname, then without the counts, then (may_cut) the longest names cut
 * short with "…"; the labels stay. Returns the columns it takes. */
int filter_describe_fit(const struct app *a, struct buf *out, int cols, bool may_cut);

/* One filter as the title bar shows it: "label: name (count)"; count -1
 * for none. */
struct filter_part {
    const char *label;
    const char *name;
    long count;
    bool person; /* may be shown by surname */
};

#endif
