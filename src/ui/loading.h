/* loading: the background load as the reader sees it (loading.c). */
#ifndef TOUCHLINE_UI_LOADING_H
#define TOUCHLINE_UI_LOADING_H

#include <stdbool.h>

struct app;
struct buf;

/* Folds the articles the corpus has and the app does not yet into the
 * per-article arrays, the order, the search and the list, and the
 * extractions that landed since into the list's marks and the open
 * article. True when anything was new. */
bool loading_fold(struct app *a);
/* Takes what the background load has finished, for at most `budget_ms`,
 * and folds it into the list, counts and search. True when anything came. */
bool loading_tick(struct app *a, double budget_ms);
/* Before the first screen: takes results until the load ends or a
 * screenful of articles (the list pane's rows) is in, for at most
 * `max_wait_ms` (a slow disk: then it shows what there is). No fixed wait:
 * the screen is drawn as soon as it can be filled. */
void loading_first_screen(struct app *a, double max_wait_ms);
/* "loading 1,234 of 100,000 [####----]" for the status line, and a search
 * still running; empty when neither. */
void loading_describe(const struct app *a, struct buf *out);
/* The start-up message (article count, theme, problems). */
void loading_announce(struct app *a);

#endif
