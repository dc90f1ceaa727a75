/* extract_scratch: the working memory of one thread's extractions (tokens,
 * per-token and per-word arrays, mentions, entities, the PCRE2 match data),
 * kept from one article to the next instead of allocated and freed per
 * article. Each thread has its own, made on first use and freed when the
 * thread exits (or by extract_scratch_release). Private to the extractor. */
#ifndef TOUCHLINE_EXTRACT_SCRATCH_H
#define TOUCHLINE_EXTRACT_SCRATCH_H

#include <stddef.h>

#include "core/base/buf.h"
#include "core/base/strpool.h"
#include "core/extract/tokens.h"
#include "core/extract/word_cache.h"

struct doc_mention;
struct doc_entity;
struct facts_scan;

/* The arrays an extraction asks for by size, one kind per use: a block is
 * valid until the next request for the same kind. */
enum scratch_block {
    SCRATCH_OWNER,         /* extract.c: per token, the covering mention */
    SCRATCH_SORT,          /* extract.c: mention_sort's room for a run */
    SCRATCH_EMIT,          /* extract.c: emit's per-entity arrays */
    SCRATCH_LEX,           /* extract_lexicon.c: per token, lexicon flags */
    SCRATCH_ROLE,          /* extract_lexicon.c: per word, roles */
    SCRATCH_LISTS,         /* extract_lexicon.c: per word, lists and triggers */
    SCRATCH_FACT_TRIGGERS, /* extract_lexicon.c: per word, the form's fact triggers */
    SCRATCH_WORD_LEX,      /* extract_lexicon.c: per word, lexicon flags */
    SCRATCH_WORD_STARTS,   /* extract_lexicon.c: per word, whether a KB form starts with it */
    SCRATCH_KB_STARTS,     /* extract_lexicon.c: the tokens a KB form may start at */
    SCRATCH_PEOPLE_COUNTS, /* people.c: per word, mid-sentence capital counts */
    SCRATCH_PEOPLE_CAPS,   /* people.c: the tokens a name may take */
    SCRATCH_PEOPLE_HEADS,  /* people.c: the tokens line-ups start at */
    SCRATCH_PEOPLE_LONGER, /* people.c: the mentions of two tokens or more */
    SCRATCH_PEOPLE_LAST,   /* people.c: per word, the last longer mention ending with it */
    SCRATCH_PEOPLE_CHAIN,  /* people.c: per longer mention, the one before with its last word */
    SCRATCH_SENTENCES,     /* facts_find.c: per sentence, triggers, literals, last token */
    SCRATCH_BLOCK_COUNT
};

struct extract_scratch {
    struct tokens t;
    struct buf buf;
    struct doc_mention *m;
    size_t mcap;
    struct doc_entity *e;
    size_t ecap;
    struct facts_scan *scan; /* NULL until facts_find makes it */
    struct word_cache words; /* what is known of each form met */
    struct strpool names;    /* the doc's names (extract_doc.h), cleared per article */
    void *block[SCRATCH_BLOCK_COUNT];
    size_t cap[SCRATCH_BLOCK_COUNT];
};

/* The calling thread's scratch, made on first use. */
struct extract_scratch *extract_scratch_get(void);
/* Frees the calling thread's scratch (made again if asked for later). */
void extract_scratch_release(void);
/* A block of at least `bytes` for `kind`, contents undefined. */
void *extract_scratch_block(struct extract_scratch *s, enum scratch_block kind, size_t bytes);
/* The same, keeping the block's contents. */
void *extract_scratch_grow(struct extract_scratch *s, enum scratch_block kind, size_t bytes);
/* A block of at least `bytes` for `kind`, zeroed. */
void *extract_scratch_zeroed(struct extract_scratch *s, enum scratch_block kind, size_t bytes);

#endif
