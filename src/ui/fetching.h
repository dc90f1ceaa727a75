/* fetching: the reader's `R`: `touchline fetch` on a thread of its own, so
 * keys never wait, with its progress on the status line. The articles it
 * writes for new items are handed to the pipeline (pipeline_append) once no
 * load is under way, and join the list as the background load's do; the
 * fetch itself never touches the corpus or the index. */
#ifndef TOUCHLINE_UI_FETCHING_H
#define TOUCHLINE_UI_FETCHING_H

#include <stdbool.h>

struct app;
struct buf;
struct config;
struct fetching;

/* What `R` will fetch: the config's feeds, feeds_dir and timeout (read now;
 * a problem with them is told when `R` is pressed). */
struct fetching *fetching_new(const struct config *cfg);
/* Cancels a fetch under way, waits for its thread and frees. */
void fetching_free(struct fetching *f);
/* `R`: starts a fetch of every feed, unless one is running. */
void fetching_start(struct app *a);
/* Between keys: hands the articles fetched so far to the pipeline when it
 * is idle, and ends a finished fetch with a message. */
void fetching_tick(struct app *a);
/* Whether the loop must wake up for it (a fetch running, or paths waiting). */
bool fetching_busy(const struct app *a);
/* "fetching 3 of 12 feeds [###---]" for the status line; empty when idle. */
void fetching_describe(const struct app *a, struct buf *out);

#endif
