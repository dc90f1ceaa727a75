/* word_cache: what the extractor knows of one folded form (its lexicon
 * flags, role and word lists, its fact triggers, the matcher key it starts,
 * the fact literals it holds), kept by a thread across articles (in its
 * extract_scratch) so that each is worked out once per form the thread
 * meets, not once per article. The tokenizer interns every token of an
 * article in it (tokens.cache), so that a token's form is looked up once,
 * as it is read: each entry also says which text last met it and its word
 * number there. The table is probed by the form's word hash (hash_word, 8
 * bytes at a time as the tokenizer reads them); the form's FNV-1a, which
 * the KB's tables are keyed by, is worked out once, when the form is
 * added. The answers belong to one extractor: the cache empties itself for
 * another. */
#ifndef TOUCHLINE_WORD_CACHE_H
#define TOUCHLINE_WORD_CACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/base/buf.h"
#include "core/base/hash.h"
#include "core/extract/matcher.h"

#define WORD_LITERALS_UNKNOWN (1u << 31) /* facts_literals not asked yet */

/* One cache line each (the array is aligned to it): what the tokenizer's
 * probe reads, and what lexicon_lookup copies per word, are then one line
 * of memory, never two. */
#define WORD_INFO_ALIGN 64

struct word_info {
    /* first, together, what the tokenizer's probe reads of a form met */
    uint32_t tag;  /* the high half of the form's word hash */
    uint32_t len;  /* the folded form's bytes */
    uint32_t key;  /* the folded form: offset in word_cache.keys */
    uint32_t text; /* the word_cache.text that met it last (0: none) */
    uint32_t word; /* its word number in that text */
    /* then what lexicon_lookup reads of each word of an article */
    uint32_t lists;        /* enum word_list bits */
    uint32_t lex_triggers; /* fact pattern bits of the whole word (lexicon) */
    uint8_t lex;           /* enum lex_flag bits */
    uint8_t role;          /* enum person_role, with LEX_ROLE */
    bool learned;          /* the answers are worked out */
    /* and the rest */
    uint64_t hash;                    /* FNV-1a of the folded form, as tokens.hash */
    const struct matcher_slot *start; /* matcher_start of the form (words only) */
    uint32_t fact_triggers;           /* facts_triggers of the form */
    uint32_t literals;                /* facts_literals of the form, or WORD_LITERALS_UNKNOWN */
} __attribute__((aligned(WORD_INFO_ALIGN)));
_Static_assert(sizeof(struct word_info) == WORD_INFO_ALIGN, "struct word_info: one cache line");

struct word_cache {
    struct word_info *v;
    size_t n, cap;
    uint32_t *table; /* open addressing: index in v + 1, 0 when empty */
    size_t tcap;
    struct buf keys;
    uint64_t owner; /* the serial of the extractor the answers are for */
    uint32_t text;  /* the number of the text being read: 1, 2, ... */
};

void word_cache_init(struct word_cache *c);
void word_cache_free(struct word_cache *c);
/* Empties the cache when it holds answers for another extractor than
 * `owner`, or has grown past its bound; call between articles. */
void word_cache_prepare(struct word_cache *c, uint64_t owner);
/* Starts the next text (tokens_reset): no entry has been met in it yet. */
void word_cache_next_text(struct word_cache *c);
/* Adds the form f (n bytes, word hash `key`: hash_word), which the cache
 * does not hold, and returns its index: its answers are zero (not learned),
 * literals unknown, met in no text; its FNV-1a worked out. */
uint32_t word_cache_add(struct word_cache *c, const char *f, size_t n, uint64_t key);
/* The index of the form f (n bytes, word hash `key`: hash_word) in c->v;
 * *added tells whether it is new (then its answers are zero, literals
 * unknown, for the caller to fill). An index stays valid until the next
 * word_cache_prepare. Inline: it runs per token of every article, and
 * nearly always finds the form. */
static inline uint32_t word_cache_get(struct word_cache *c, const char *f, size_t n, uint64_t key,
                                      bool *added)
{
    size_t mask = c->tcap - 1;
    uint32_t tag = (uint32_t)(key >> 32);
    for (size_t k = (size_t)key & mask; c->tcap && c->table[k]; k = (k + 1) & mask) {
        uint32_t i = c->table[k] - 1;
        const struct word_info *w = &c->v[i];
        if (w->tag == tag && w->len == n && hash_same_bytes(c->keys.data + w->key, f, n)) {
            *added = false;
            return i;
        }
    }
    *added = true;
    return word_cache_add(c, f, n, key);
}

#endif
