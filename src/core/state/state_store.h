/* state_store: the reading state as data, with no file and no history: the
 * article marks (a hash table of keys to read/starred bits), the followed
 * entities in order, the theme and the visit times. Internal to state.c and
 * state_file.c. */
#ifndef TOUCHLINE_STATE_STORE_H
#define TOUCHLINE_STATE_STORE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "core/state/state.h"

enum { MARK_READ = 1, MARK_STARRED = 2 };

/* An article's marks. A key whose bits are all cleared stays in the table
 * (with marks 0) until the store is freed; it is never written. */
struct state_mark {
    char *key; /* NULL: an empty slot */
    uint64_t hash;
    unsigned marks;
};

struct state_store {
    struct state_mark *slots; /* open addressing, a power of two */
    size_t nslots, nkeys;
    size_t count[3]; /* keys with MARK_READ (index 1) and MARK_STARRED (index 2) set */
    struct state_followed *followed;
    size_t nfollowed, fcap;
    char *theme;
    time_t visit_last, visit_previous;
};

void store_init(struct state_store *s);
void store_free(struct state_store *s);
/* The marks of a key (0 when unknown). */
unsigned store_marks(const struct state_store *s, const char *key);
/* Sets (on) or clears one MARK_ bit; returns whether it changed. */
bool store_mark(struct state_store *s, const char *key, unsigned bit, bool on);
/* The followed entity with this id, or -1. */
long store_find_followed(const struct state_store *s, const char *id);
/* Adds or updates a followed entity (kept in place when already there). */
bool store_follow(struct state_store *s, const char *id, enum entity_kind kind, const char *name);
bool store_unfollow(struct state_store *s, const char *id);
/* Sets the theme (NULL clears it); returns whether it changed. */
bool store_set_theme(struct state_store *s, const char *name);
/* A visit starting at `now`: the last visit becomes the previous one. A
 * time before the last visit (another process's visit saved first) becomes
 * the previous one when it is after it. */
bool store_visit(struct state_store *s, time_t now);
/* The keys having `bit`, sorted bytewise. Caller frees the array (not the
 * keys, which stay the store's). */
const char **store_keys_with(const struct state_store *s, unsigned bit, size_t *n);

#endif
