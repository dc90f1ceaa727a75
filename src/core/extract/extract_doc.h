/* extract_doc: the working state of one article's extraction, shared by the
 * extractor's passes (extract_lexicon.c: lexicon flags; extract.c: KB
 * names; people.c: persons; facts.c: facts). Private to the extractor: nothing outside
 * src/core/extract*.c, people.c and facts*.c / subject.c includes it. */
#ifndef TOUCHLINE_EXTRACT_DOC_H
#define TOUCHLINE_EXTRACT_DOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/load/article.h"
#include "core/base/buf.h"
#include "core/base/strpool.h"
#include "core/extract/entity.h"
#include "core/extract/extract_scratch.h"
#include "core/extract/kb.h"
#include "core/extract/kb_folded.h"
#include "core/extract/lexicon_table.h"
#include "core/extract/matcher.h"
#include "core/extract/tokens.h"
#include "core/extract/word_lists.h"

struct facts_patterns;
struct extract_scratch;

/* What the lexicon says of a token (enum lex_flag, lexicon_table.h) is
 * looked up once per token. */
struct extractor {
    const struct kb *kb;
    struct matcher *matcher;
    struct facts_patterns *patterns;
    struct lex_table lex; /* the lexicon's words: kb->compiled's, or built and owned */
    bool lex_owned;
    struct kb_folded kb_folded; /* per KB entry: fold_text of its name (kb->compiled's,
                                 * or made and owned) */
    bool kb_folded_owned;
    char **kb_id;    /* per KB entry: its id (entity_make_id of kind and name), the base's */
    uint64_t serial; /* this extractor's number in the process, from 1: the
                      * word cache's answers are for one extractor */
};

/* A mention: tokens [tok, tok_end) that name entity `entity`. */
struct doc_mention {
    size_t tok, tok_end;
    int entity;
    bool weak; /* a weak KB form awaiting support */
};

/* An entity being built. */
struct doc_entity {
    enum entity_kind kind;
    enum person_role role;
    int kb_entry;   /* -1 for people found from context */
    char *name;     /* in the doc's pool (names) unless borrowed */
    char *folded;   /* fold_text(name), in the doc's pool unless borrowed */
    size_t ntokens; /* tokens in the longest form seen (people) */
    bool strong;    /* has at least one non-weak mention */
    bool borrowed;  /* name and folded belong to the KB and the extractor */
};

/* A fact while the article is read: what struct fact holds, with the
 * doc's entity indices as ints and the loan length as an owned string.
 * emit gives the public extraction its facts from these. */
struct doc_fact {
    double value;
    int subject, team, from, to, club; /* doc entities, or NO_ENTITY */
    int year, goals;
    struct mention span;
    char *loan_length; /* owned */
    uint8_t kind, currency, period, type, status, qualifier;
    bool has_value;
};

struct doc {
    const struct extractor *ex;
    const struct article *a;
    struct extract_scratch *sc; /* the thread's reusable memory (extract_scratch.h) */
    struct tokens t;
    struct buf scratch;
    int *owner;              /* per token: index of the mention covering it, or -1 */
    uint8_t *lex;            /* per token: enum lex_flag bits */
    uint8_t *role;           /* per word number: enum person_role when LEX_ROLE */
    uint32_t *lists;         /* per word number: enum word_list bits (lexicon_lookup) */
    uint32_t *triggers;      /* per word number: fact pattern bits of the word (lexicon_lookup;
                              * in the block of lists) */
    uint32_t *fact_triggers; /* per word number: the form's facts_triggers, copied from
                              * the word cache (lexicon_lookup), so that a pass over
                              * the tokens reads a small array */
    uint32_t *info;          /* per word number: its index in the thread's word cache
                              * (the tokens' `cached`; doc_word_info) */
    uint32_t *kb_starts;     /* the tokens whose form starts a KB form's key (matcher_start),
                              * in order (lexicon_lookup): where kb_pass looks */
    size_t nkb_starts;
    struct doc_mention *m;
    size_t nm, mcap;
    struct doc_entity *e;
    size_t ne, ecap;
    struct doc_fact *f;
    size_t nf, fcap;
    struct strpool names; /* the entities' names and folded forms, and doc_span_text's
                           * copies: cleared together when the article is done (the
                           * thread's scratch keeps the pool's block) */
    size_t money_skip;    /* body offset before which a money match is a
                           * conversion already attached to a fact */
};

/* The text a token belongs to (title or body). */
const char *doc_text(const struct doc *d, size_t tok);
/* Adds a mention (the tokens must not be owned yet) and returns its index. */
int doc_add_mention(struct doc *d, size_t tok, size_t tok_end, int entity, bool weak);
/* Adds an entity and returns its index. `name` is copied. */
int doc_add_entity(struct doc *d, enum entity_kind kind, int kb_entry, const char *name);
/* The same with a name and its fold_text already in the doc's pool
 * (doc_span_text, doc_fold): kept as they are. */
int doc_add_entity_pooled(struct doc *d, enum entity_kind kind, int kb_entry, char *name,
                          char *folded);
/* Renames an entity (keeps its folded form in step). */
void doc_rename_entity(struct doc *d, int e, const char *name);
/* Copies tokens [tok, tok_end) of the text as written into the doc's pool:
 * valid until the article is done, never freed by the caller. */
char *doc_span_text(struct doc *d, size_t tok, size_t tok_end);
/* fold_text of s, in the doc's pool (as doc_span_text). */
char *doc_fold(struct doc *d, const char *s);
/* The folded token i equals one of a NULL-terminated list. */
bool doc_token_in(const struct doc *d, size_t i, const char *const *words);
/* Token i is a word of one of the fixed lists `lists` (enum word_list
 * bits); read once per word by lexicon_lookup. */
static inline bool doc_word_in(const struct doc *d, size_t i, uint32_t lists)
{
    return i < d->t.n && (d->lists[d->t.v[i].word] & lists);
}
/* What the thread's word cache knows of word number w (learned by
 * lexicon_lookup). */
static inline struct word_info *doc_word_info(const struct doc *d, uint32_t w)
{
    return &d->sc->words.v[d->info[w]];
}
/* The KB lexicon has token i's folded form in the role-word list of a role. */
bool doc_is_role_word(const struct doc *d, size_t i, enum person_role *role);

/* press.c: newspapers named after their town ("the Oxford Mail") become
 * media mentions of their own, before people are found. */
void press_find(struct doc *d);

/* club_sides.c: clubs the knowledge base lacks, named after a description
 * ("Danish side Silkeborg"), found before people. */
void club_sides_find(struct doc *d);

/* A role word (or two-word role: "chief executive") ends right before
 * token i. */
bool doc_role_before(const struct doc *d, size_t i, enum person_role *role);

/* extract_lexicon.c: the lexicon hash of an extractor (the compiled base's,
 * or built once for a merged base), and the
 * per-token lexicon flags and roles of a doc (d->lex, d->role), and the
 * tokens a KB form may start at (d->kb_starts). */
void lexicon_build(struct extractor *ex);
void lexicon_free(struct extractor *ex);
void lexicon_lookup(struct doc *d);

/* asides.c: marks the tokens of link lines ("Read more: ...") TOK_ASIDE. */
void asides_mark(struct doc *d);
/* people.c: finds people from context and links surnames to full names. */
void people_find(struct doc *d);
/* facts.c: compiled fact patterns. */
struct facts_patterns *facts_patterns_new(struct tl_error *err);
void facts_patterns_free(struct facts_patterns *p);
/* facts.c: finds facts in the body and resolves their subjects. */
void facts_find(struct doc *d);

#endif
