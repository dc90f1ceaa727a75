/* lexicon_table: the KB lexicon's hash of words (given names, particles,
 * words that are never names, demonyms, role words and the first words of
 * roles of several words, the fixed word lists' words and the fact trigger
 * words) as plain data: offsets into one word buffer, no pointers. The build
 * writes the built-in base's as const arrays (kbgen) and the extractor uses
 * it in place; a merged base builds one at run time with the same code. */
#ifndef TOUCHLINE_LEXICON_TABLE_H
#define TOUCHLINE_LEXICON_TABLE_H

#include <stddef.h>
#include <stdint.h>

#include "core/extract/kb.h"

enum lex_flag {
    LEX_GIVEN = 1 << 0,     /* a given name */
    LEX_PARTICLE = 1 << 1,  /* de, van, da ... */
    LEX_NOT_NAME = 1 << 2,  /* never part of a person's name */
    LEX_ROLE = 1 << 3,      /* a role word; the role is in doc.role */
    LEX_KB_WEAK = 1 << 4,   /* a weak KB form left unsupported ("Crusaders", "Clyde") */
    LEX_ROLE_HEAD = 1 << 5, /* first word of a role word of several ("chief" executive) */
};

/* One word of the KB lexicon with what it is (enum lex_flag bits). */
struct lex_slot {
    uint32_t word; /* offset of the word in the table's words; 0: an empty slot */
    uint32_t hash; /* of the word, checked before comparing it */
    uint8_t flags;
    uint8_t role;
    uint32_t lists;    /* enum word_list bits of the lists holding the word */
    uint32_t triggers; /* enum fact_pattern bits the word triggers (facts.c) */
};

struct lex_table {
    const struct lex_slot *slots; /* nslots, a power of two */
    size_t nslots;
    const char *words; /* nwords bytes: a NUL, then the words, each with its NUL */
    size_t nwords;
};

/* Builds the lexicon of a base; its arrays are allocated, for
 * lex_table_free. */
void lex_table_build(const struct kb *kb, struct lex_table *out);
void lex_table_free(struct lex_table *t);

/* The slot of word w (n bytes, hash_bytes h), or the empty slot where it
 * would go. */
const struct lex_slot *lex_table_find(const struct lex_table *t, const char *w, size_t n,
                                      uint64_t h);

#endif
