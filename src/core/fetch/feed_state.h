/* feed_state: what fetch remembers about each feed between runs (its ETag,
 * Last-Modified, title and the time of the last fetch), one small file per
 * feed under $XDG_STATE_HOME/touchline/feeds/, replaced atomically, so that
 * feeds_dir holds only articles. */
#ifndef TOUCHLINE_FETCH_FEED_STATE_H
#define TOUCHLINE_FETCH_FEED_STATE_H

#include <stdbool.h>

#include "core/base/buf.h"
#include "core/base/error.h"

struct feed_state {
    char *etag, *last_modified, *title; /* NULL when unknown */
    long long fetched;                  /* Unix time of the last fetch that worked, 0 if none */
};

/* $XDG_STATE_HOME/touchline/feeds, else $HOME/.local/state/touchline/feeds. */
bool feed_state_default_dir(struct buf *out);
/* The key a feed's state is kept under: its URL and the feeds_dir its items
 * go to (a feed stored into another folder starts afresh). */
void feed_state_key(const char *feeds_dir, const char *url, struct buf *out);
/* Reads the state of the feed with that key (url: feed_state_key's) (all NULL/0 when there is
 * none). */
void feed_state_load(const char *dir, const char *url, struct feed_state *st);
/* Replaces it atomically (temp file, fsync, rename, fsync of the folder). */
bool feed_state_save(const char *dir, const char *url, const struct feed_state *st,
                     struct tl_error *err);
void feed_state_free(struct feed_state *st);

#endif
