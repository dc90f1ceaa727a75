/* index: the corpus-wide entity index, built after extraction. For each
 * entity, its postings (article, span) in article order; for each article,
 * its extraction (entities and facts). Every filter, jump, count and picker
 * in the UI and every exporter is a query on this. */
#ifndef TOUCHLINE_INDEX_H
#define TOUCHLINE_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/load/corpus.h"
#include "core/extract/entity.h"

/* A span of one article's text: what a posting comes to, and what a
 * search match is. Offsets are bytes into the body, or into the title when
 * in_title is set. */
struct place {
    uint32_t article; /* load index in the corpus */
    uint32_t start, end;
    bool in_title;
};

/* One mention of an entity: a reference to the mention in its article's
 * extraction, not a copy of it (index_place reads it). The article's
 * mentions are numbered through its entities in order: entity 0's, then
 * entity 1's... Each mention starts at a token of its own and an article
 * has at most 16 MiB, so the number fits. */
struct posting {
    uint32_t article; /* load index in the corpus */
    uint32_t mention; /* the article's mention number */
};

struct index_entity {
    char *id, *name;
    uint64_t hash; /* of the id */
    enum entity_kind kind;
    enum person_role role;
    struct posting *postings; /* by article (load order), then title first, then offset */
    size_t npostings, pcap;
    uint32_t *articles; /* distinct articles, ascending */
    size_t narticles, acap;
    char **forms; /* folded name and mention texts, for lookups; distinct */
    size_t nforms, fcap;
    /* -1, or the entity this one is the same person as across the corpus
     * (a surname of exactly one full-name person: index/identity.c). Its
     * postings and articles then live there and it has none of its own. */
    int same_as;
};

struct identity_key; /* index/identity.h */
struct index_stored; /* index/index_image.c */

struct index {
    const struct corpus *corpus; /* not owned */
    struct extraction *x;        /* per article, load order; owned */
    int **global;                /* per article: local entity index -> global index */
    size_t narticles, xcap;      /* articles added so far (grows with index_add) */
    struct index_entity *entities;
    size_t nentities, ecap;
    int *slots; /* open-addressing hash of ids -> entity index, -1 empty */
    size_t nslots;
    /* Person names by folded name and by folded surname or short form
     * (index/identity.c). */
    struct identity_key *keys;
    size_t nkeys, kcap;
    int *key_slots;
    size_t nkey_slots;
    size_t *dirty; /* keys to settle after the article being added */
    size_t ndirty, dcap;
    /* The stored image (index_image.h) that the entities' and keys' strings
     * and arrays and the global maps point into, or NULL when the index owns
     * all of them. index_add copies them out first. */
    struct index_stored *stored;
};

/* An empty index over corpus c (which must outlive it). Articles are added
 * as they are loaded: the index may be queried between additions. */
void index_init(struct index *ix, const struct corpus *c);
void index_free(struct index *ix);
/* Adds article `article`'s extraction, taking ownership of its contents
 * (*x is zeroed). Articles must be added in load order. */
void index_add(struct index *ix, size_t article, struct extraction *x);
/* Article `article`'s extraction (article < narticles). Read it here, not
 * in x[]: a stored index decodes an extraction on first use
 * (index_image_attach_later), so this is only for the thread that owns
 * the index. */
const struct extraction *index_extraction(const struct index *ix, size_t article);
/* Entity index for an id, or -1. An id that is the same person as another
 * entity across the corpus gives that entity. */
int index_find(const struct index *ix, const char *id);
/* The entity that g is one with across the corpus (g itself, usually). */
int index_canonical(const struct index *ix, int g);
/* The full-name people that a surname or short form could be (ambiguous
 * when more than one): writes up to max entity indices, returns how many
 * there are. */
size_t index_people_named(const struct index *ix, const char *name, int *out, size_t max);
/* Where a posting is in its article's text. The article's extraction must
 * be in the index (always, but for a stored index before every article is
 * attached: index_image.h). */
struct place index_place(const struct index *ix, const struct posting *p);
/* The article's entity (index in its extraction) that a posting is a
 * mention of. */
size_t index_posting_local(const struct index *ix, const struct posting *p);
/* The global index (across the corpus) of entity `local` of an article. */
int index_global(const struct index *ix, size_t article, size_t local);
/* The entity that a name resolves to: exact id, else a folded match of its
 * canonical name, else of any mention text (most articles wins); kind < 0
 * means any kind. Returns -1 when nothing matches. */
int index_resolve(const struct index *ix, const char *name, int kind);
/* Entities of a kind (kind < 0: all; never one folded into another) whose folded name or any folded
 * form contains every character of `query` in order (fuzzy; empty matches all), best first: prefix
 * matches before fuzzy ones, then by article count. Writes up to `max` indices into out and returns
 * how many. */
size_t index_search(const struct index *ix, int kind, const char *query, int *out, size_t max);
/* Whether an article mentions an entity (binary search). */
bool index_article_has(const struct index *ix, int entity, size_t article);
/* Mentions of an entity within one article: first posting index and count. */
size_t index_postings_in(const struct index *ix, int entity, size_t article, size_t *count);

/* A place in the reading order: the article's position in the current list
 * and a byte offset in its body (title mentions come before offset 0). */
struct index_cursor {
    size_t list_pos;
    size_t posting; /* index into the entity's postings */
};

/* The next (dir > 0) or previous (dir < 0) mention of `entity` after the
 * given posting, in list order. `list` holds article load indices in the
 * order shown and `pos_of` maps an article to its list position (or -1 when
 * filtered out). `from_article`/`from_offset` say where the reader is; the
 * position itself is excluded. from_offset = SIZE_MAX means outside the
 * article: its first mention counts for dir > 0, its last for dir < 0.
 * Wraps around the list; *wrapped says so. Returns false when the entity has
 * no mention in any listed article. */
bool index_step(const struct index *ix, int entity, const size_t *list, size_t nlist,
                const long *pos_of, size_t from_article, size_t from_offset, bool from_title,
                int dir, struct index_cursor *out, bool *wrapped);

/* Postings in index order (by article, then title first, then offset) with
 * the distinct articles they cover: an entity's mentions (v, read through
 * ix), or a search's matches (places; src/core/search.c). The queries below
 * work on either. */
struct posting_list {
    const struct posting *v; /* or NULL, and then places */
    const struct index *ix;  /* that v refers into */
    const struct place *places;
    size_t n;
    const uint32_t *articles; /* ascending */
    size_t narticles;
};

/* Entry i of a list, as a place. */
struct place posting_list_place(const struct posting_list *pl, size_t i);

/* An entity's postings as a list (empty for an unknown entity). */
struct posting_list index_postings(const struct index *ix, int entity);
/* Whether a list has a posting in `article` (binary search). */
bool postings_has_article(const struct posting_list *pl, size_t article);
/* The postings of one article: first index and count (binary search). */
size_t postings_in(const struct posting_list *pl, size_t article, size_t *count);
/* index_step on any posting list. */
bool postings_step(const struct posting_list *pl, const size_t *list, size_t nlist,
                   const long *pos_of, size_t from_article, size_t from_offset, bool from_title,
                   int dir, struct index_cursor *out, bool *wrapped);

#endif
