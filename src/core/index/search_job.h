/* search_job: one `/` search run on its own thread over the articles loaded
 * when it started, so that a search of a big corpus never holds up a key.
 * The job owns the search while it runs (a search keeps one match buffer);
 * the articles must stay alive and unchanged until the job is finished or
 * cancelled (loaded articles never change; the corpus only grows). */
#ifndef TOUCHLINE_SEARCH_JOB_H
#define TOUCHLINE_SEARCH_JOB_H

#include <stdbool.h>
#include <stddef.h>

#include "core/load/corpus.h"
#include "core/index/search.h"

struct search_job;

/* Starts searching articles 0..n-1 of c (their pointers are copied now).
 * If no thread can be started, the search runs at once on the caller's. */
struct search_job *search_job_start(const struct search *s, const struct corpus *c, size_t n);
/* Whether the job has finished (never blocks). */
bool search_job_done(const struct search_job *j);
/* How many articles the job covers. */
size_t search_job_articles(const struct search_job *j);
/* Waits for the job, moves its matches into *out (reset first) and frees it. */
void search_job_finish(struct search_job *j, struct search_hits *out);
/* Stops the job early and frees it. */
void search_job_cancel(struct search_job *j);

#endif
