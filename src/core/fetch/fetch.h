/* fetch: one run over the subscriptions: every feed fetched in parallel
 * (conditionally), parsed, its new and changed items stored (with their
 * page's main text when the feed gives only a summary), and its state kept.
 * What `touchline fetch` and the reader's `R` share. */
#ifndef TOUCHLINE_FETCH_H
#define TOUCHLINE_FETCH_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "core/base/buf.h"
#include "core/fetch/subs.h"

struct fetch_report {
    const char *name; /* the feed's name (or title, or URL) */
    const char *url;
    bool ok;
    bool not_modified;
    size_t added, updated;
    double seconds;    /* from the start of the run to this feed's end */
    const char *error; /* when !ok: what happened ("HTTP 404 (not found)") */
    const char *notes; /* lines "URL: what happened" that did not fail the feed, or "" */
};

struct fetch_options {
    const struct subs *subs;
    const char *feeds_dir;
    const char *state_dir;
    long timeout_s; /* per transfer; 0: 20 s */
    /* Called on the run's thread as each feed ends. */
    void (*on_feed)(void *ctx, const struct fetch_report *r);
    void *ctx;
    const atomic_bool *cancel; /* may be NULL */
};

struct fetch_totals {
    size_t feeds, failed, added, updated;
};

/* Runs every feed of o->subs to its end. */
void fetch_run(const struct fetch_options *o, struct fetch_totals *t);

/* $XDG_DATA_HOME/touchline/feeds, else $HOME/.local/share/touchline/feeds. */
bool fetch_default_feeds_dir(struct buf *out);

#endif
