/* identity: one person, one entity across the corpus. A surname or short
 * form ("Lampard", "Van Persie") that belongs to exactly one full-name
 * person of the corpus ("Frank Lampard", "Robin van Persie") is that person
 * everywhere: its postings and articles move to the full-name entity and
 * global[][] points there. When a second full-name person with the same
 * surname arrives, the short form is split off again. Used by index.c. */
#ifndef TOUCHLINE_IDENTITY_H
#define TOUCHLINE_IDENTITY_H

#include "core/index/index.h"

/* Names a person entity is filed under. */
struct identity_key {
    char *key;
    uint64_t hash;
    int words;
    int *full, *shorts; /* entity indices */
    size_t nfull, cfull, nshort, cshort;
    bool dirty;
};

/* Registers a person entity just interned (its name and short forms). */
void identity_note(struct index *ix, int g);
/* Merges or splits what the notes since the last call changed. */
void identity_settle(struct index *ix);
void identity_free(struct index *ix);
/* Fills ix->key_slots (nkey_slots of them, a power of two with room to
 * spare) from ix->keys. */
void identity_rebuild_slots(struct index *ix);
/* Fills ix->slots (nslots of them, likewise) from ix->entities. */
void index_rebuild_slots(struct index *ix);

/* The entity an id was interned as (not followed to its person), or -1. */
int index_interned(const struct index *ix, const char *id);

/* Posting order: by article, then title first, then offset. */
int identity_posting_cmp(const struct index *ix, const struct posting *a, const struct posting *b);

#endif
