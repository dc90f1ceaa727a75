/* state: the reading state, the one thing the reader writes: per article
 * read and starred (keyed by guid, else url, else path), the followed
 * entities, the theme chosen with T and the times of the last two visits.
 * Kept in memory with a log of this process's changes; state_save merges
 * the log into the file under a lock (state_file.c has the format, which
 * touchline(5) describes). A bad file never stops the reader: its bad lines
 * are skipped and reported as warnings. */
#ifndef TOUCHLINE_STATE_H
#define TOUCHLINE_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/base/buf.h"
#include "core/base/error.h"
#include "core/extract/entity.h"
#include "core/load/article.h"

struct state;

/* A followed entity: its index id (kind:slug), kind and canonical name as
 * they were when it was followed. */
struct state_followed {
    char *id;
    enum entity_kind kind;
    char *name;
};

/* The state file's folder: $XDG_STATE_HOME/touchline, else
 * $HOME/.local/state/touchline. Caller frees; NULL when neither variable
 * is set (or they are not absolute paths). */
char *state_default_dir(void);

/* Reads the state in dir/state (a missing folder or file is an empty
 * state; both are made by the first save). Never fails: a file that cannot
 * be read, or has a version this build does not know, gives an empty state
 * that state_save refuses to write over; bad lines are skipped. Either way
 * state_nwarnings says what was wrong. */
struct state *state_open(const char *dir);
/* Frees the state without saving. NULL is allowed. */
void state_close(struct state *st);
/* The file's path (dir/state). */
const char *state_path(const struct state *st);
/* Problems met reading the file, each as "path:line:col: what". */
size_t state_nwarnings(const struct state *st);
const char *state_warning(const struct state *st, size_t i);
/* Whether there are changes not saved yet. */
bool state_dirty(const struct state *st);

/* Writes the changes made since the last open or save: under an exclusive
 * lock on dir/state.lock (waiting up to about five seconds for another
 * process), reads the file again, applies this process's changes over it
 * and replaces it atomically (temp file, fsync, rename, fsync of the
 * folder). The state in memory becomes the merged one, so changes other
 * processes saved meanwhile show up. On failure the file is left as it was,
 * the changes stay pending and err says why. */
bool state_save(struct state *st, struct tl_error *err);

/* The key of an article: "guid:G" when its front matter has a guid,
 * else "url:U" when it has a url, else "path:P" with P the absolute path,
 * written without "." and ".." (from the folder the state was opened in;
 * symlinks are not resolved). Appended to out, after a reset. */
void state_article_key(const struct state *st, const struct article *a, struct buf *out);

/* Read and starred marks by article key (state_article_key). Setting
 * returns whether anything changed; toggling returns the new value. */
bool state_is_read(const struct state *st, const char *key);
bool state_set_read(struct state *st, const char *key, bool on);
bool state_toggle_read(struct state *st, const char *key);
bool state_is_starred(const struct state *st, const char *key);
bool state_set_starred(struct state *st, const char *key, bool on);
bool state_toggle_starred(struct state *st, const char *key);
/* How many articles are marked read, and starred. */
size_t state_nread(const struct state *st);
size_t state_nstarred(const struct state *st);

/* Following, by entity id. Following again updates the kind and name.
 * Each returns whether anything changed. */
bool state_follow(struct state *st, const char *id, enum entity_kind kind, const char *name);
bool state_unfollow(struct state *st, const char *id);
bool state_is_followed(const struct state *st, const char *id);
/* The followed entities, in the order they were followed. */
size_t state_nfollowed(const struct state *st);
const struct state_followed *state_followed_at(const struct state *st, size_t i);

/* The theme chosen with T, or NULL; NULL clears it. */
const char *state_theme(const struct state *st);
void state_set_theme(struct state *st, const char *name);

/* Visits: the start of the last one recorded and of the one before (0 when
 * none). The reader reads state_visit_last (what is new since then) and
 * records its own start with state_visit_record, which makes the old last
 * the previous one (when two processes record visits, the two latest are
 * kept, whichever saves first). */
time_t state_visit_last(const struct state *st);
time_t state_visit_previous(const struct state *st);
void state_visit_record(struct state *st, time_t now);

#endif
