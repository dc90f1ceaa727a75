/* narrow: the list's other filters and its sort (narrow.c): competition and
 * national team (entity pickers), source and tag (pickers over the
 * articles' metadata), the date range (d) and the sort order (O). They
 * combine with club, person and search (filter.c) by AND. */
#ifndef TOUCHLINE_UI_NARROW_H
#define TOUCHLINE_UI_NARROW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

struct app;
struct buf;

enum narrow_dates { DATES_ALL, DATES_TODAY, DATES_WEEK, DATES_MONTH, DATES_COUNT };
enum narrow_sort { SORT_NEWEST, SORT_OLDEST, SORT_FACTS, SORT_COUNT };

struct narrow {
    int competition, national; /* entity indices, -1 for none */
    char *source;              /* the source's name as listed, NULL for none */
    int source_media;          /* the media entity of that name, -1 for none */
    char *tag;                 /* a front matter tag, NULL for none */
    enum narrow_dates dates;
    char since[11]; /* the range's first day, YYYY-MM-DD (local time) */
    enum narrow_sort sort;
};

void narrow_init(struct narrow *n);
void narrow_free(struct narrow *n);
/* Clears the filters (not the sort); true when one was on. */
bool narrow_clear(struct narrow *n);
/* Whether a filter that is not a posting list (source, tag, dates) is on. */
bool narrow_scans(const struct narrow *n);
/* Whether an article passes these filters. */
bool narrow_passes(const struct app *a, size_t article);
/* Lowers *cand and *ncand to the competition's or national team's articles
 * when that set is smaller. */
void narrow_candidates(const struct app *a, const uint32_t **cand, size_t *ncand);
/* Puts a->list (built newest first) in the sort order. */
void narrow_sort_list(struct app *a);
/* The entity filter of kind ENTITY_COMPETITION or ENTITY_NATIONAL_TEAM
 * (a pointer into the state, or NULL for another kind). */
int *narrow_entity_slot(struct app *a, int kind);
/* Appends "competition: Serie A (5)"-style parts for the title bar, each
 * with its label, name and count (see filter.h's filter_part). */
struct filter_part;
size_t narrow_parts(const struct app *a, struct filter_part *out, size_t max);

/* The source, tag and date pickers (over picker.c), and O. */
void narrow_pick_source(struct app *a);
void narrow_pick_tag(struct app *a);
void narrow_pick_dates(struct app *a);
void narrow_cycle_sort(struct app *a);

#endif
