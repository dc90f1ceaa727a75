/* facts: the fact patterns and the helpers the fact finders share. Private
 * to the extractor (facts.c: patterns; facts_windows.c: where their
 * matches can start; facts_find.c: running them;
 * facts_money.c, facts_counts.c, facts_age.c, facts_contract.c: what
 * matches mean; subject.c: whom a fact is about). */
#ifndef TOUCHLINE_FACTS_H
#define TOUCHLINE_FACTS_H

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/extract/extract_doc.h"

enum fact_pattern {
    P_MONEY,
    P_PERIOD,
    P_CAPS,
    P_APPEARANCES,
    P_AGE,
    P_AGE_SAID, /* "I'm 30", "X is 24", "joined at 11": run only where a number follows such words
                 */
    P_CONTRACT_END,
    P_CONTRACT_LENGTH,
    P_LOAN,
    P_INTEREST,
    P_SOURCE,
    P_SOURCE_AFTER,
    P_BARE_MONEY, /* "a 15.8m signing": an amount with no currency before a transfer word */
    P_COUNT
};

/* Trigger words: a pattern runs only over sentences holding one of its
 * triggers, so most of the text is never scanned by most patterns. */
struct trigger {
    const char *word;
    unsigned mask; /* bits of enum fact_pattern */
};

/* One required literal of a pattern (see facts_literals). */
struct literal {
    const char *text;
    size_t len;
    unsigned mask; /* the pattern's bit */
};

struct facts_patterns {
    pcre2_code *re[P_COUNT];  /* JIT-compiled on first use (facts.c, pattern) */
    atomic_uint jitted;       /* bits of the patterns JIT-compiled so far */
    pthread_mutex_t jit_lock; /* held while one is */
    uint32_t ovector_pairs;   /* the most any pattern needs */
    struct literal *lits;     /* every pattern's required literals, by first byte */
    size_t nlits;
    uint16_t lit_first[257];   /* lits[lit_first[c], lit_first[c + 1]) start with byte c */
    uint8_t lit_pair[256][32]; /* bit c2 of row c: a literal starts with bytes c, c2 (every c2
                                * for a literal of one byte) */
    unsigned no_literals;      /* bits of the patterns that require none */
};

/* The patterns (bits) that token i of the doc triggers (a word's own
 * triggers come from the lexicon: lexicon_lookup fills doc.triggers). */
unsigned facts_triggers(const struct doc *d, size_t i);
/* Calls fn with every trigger word and its pattern bits (lexicon_build puts
 * them in the lexicon hash). */
void facts_trigger_words_each(void (*fn)(const char *word, unsigned mask, void *ctx), void *ctx);
/* Whether the number token i follows "is", "was", "am", "I'm" or "at"
 * (the places where P_AGE_SAID can match). */
bool facts_age_said_at(const struct doc *d, size_t i);
/* The patterns (bits) whose matches could draw on token i: those with no
 * required literal, and those whose required literal token i holds. A run
 * of sentences none of whose tokens has a pattern's bit cannot match it. */
unsigned facts_literals(const struct facts_patterns *p, const struct doc *d, size_t i);

/* One match of a pattern in a text. */
struct match {
    pcre2_code *re;
    pcre2_match_data *md;
    const char *text;
    size_t start, end;
};

/* What the matches of one article reuse: match data big enough for every
 * pattern and a match context for the offset limit. */
struct facts_scan {
    pcre2_match_data *md;
    pcre2_match_context *mctx;
};
void facts_scan_init(struct facts_scan *s, const struct facts_patterns *p);
void facts_scan_free(struct facts_scan *s);

/* Calls fn for every non-overlapping match of pattern `which` in
 * text[from, len) (text before `from` is seen by lookbehinds only).
 * PCRE2 starts only in the windows of facts_window. */
void facts_each_match(const struct facts_patterns *p, struct facts_scan *scan, int which,
                      const char *text, size_t from, size_t len,
                      void (*fn)(struct match *m, void *ctx), void *ctx);

/* facts_windows.c: where a match can start. */

/* The first window [*first, *last] at or after `at` in which a match of
 * pattern `which` over text[0, len) could start: none starts in
 * [at, *first). False when no match can start at or after `at`. */
bool facts_window(int which, const char *text, size_t at, size_t len, size_t *first, size_t *last);
/* Matches pattern `which` anchored at `at`. When out_match is given and the
 * match succeeds, the caller must release it with facts_match_free. */
bool facts_match_at(const struct facts_patterns *p, int which, const char *text, size_t len,
                    size_t at, size_t *start, size_t *end, struct match *out_match);
void facts_match_free(struct match *m);
/* The span of a named group (the first of duplicate names that matched). */
bool facts_group(const struct match *m, const char *name, size_t *start, size_t *end);
/* The first matched group of a NULL-terminated name list, read as a number. */
bool facts_group_number(const struct match *m, const char *const *names, double *out);

/* facts_find.c: helpers of the rules. */

/* Index of the last body token that ends at or before byte `at` (d->t.n
 * when none). */
size_t facts_token_before(const struct doc *d, size_t at);
/* Appends a fact of a kind over body bytes [start, end), its entities unset. */
struct doc_fact *facts_add(struct doc *d, enum fact_kind kind, size_t start, size_t end);
/* One of the words is in [start - before, end + after) of the body. */
bool facts_near_words(const struct doc *d, size_t start, size_t end, size_t before, size_t after,
                      const char *const *words);
/* The word right after body offset `at` is one of the words. */
bool facts_next_word_in(const struct doc *d, size_t at, const char *const *words);

/* facts_money.c: the amount of a money match (number, scale, currency);
 * false when it is not understood or under 1,000. */
bool facts_money_amount(const struct match *m, double *value, enum fact_currency *currency);
/* The amount of a P_BARE_MONEY match in the article's currency (that of its
 * first currency sign); false when the article has none. */
bool facts_bare_money_amount(const struct doc *d, const struct match *m, double *value,
                             enum fact_currency *currency);
/* facts_money_parts.c: whether the amount [start, end) of sentence [s, e)
 * is an add-on ("£5m in add-ons") or an instalment: FACT_ADD_ON or
 * FACT_INSTALMENT, and in *fee the index in d->f of the fee it belongs to
 * (-1 when none came before); FACT_QUALIFIER_NONE otherwise. */
enum fact_qualifier facts_money_part(const struct doc *d, size_t start, size_t end, size_t s,
                                     size_t e, enum fact_currency currency, int *fee);
/* The end of "in add-ons", "of potential bonuses"... right after text[at];
 * 0 when none. */
size_t facts_addon_end(const char *text, size_t len, size_t at);
/* The end of an add-on that follows the amount ending at text[at] ("£40m
 * plus £5m in add-ons", "£20m, with a further £5m of bonuses"); 0 when
 * none. */
size_t facts_addon_after(const char *text, size_t len, size_t at);
/* A list line ("Marc Vidal – €500m") whose amount starts at `start` in the
 * sentence starting at s: its kind from the list's introduction or the
 * title, and the person the line opens with. */
bool facts_money_list_line(const struct doc *d, size_t start, size_t s, enum fact_kind *kind,
                           int *subject);
/* facts_respective.c: in a sentence that says "respectively", adds a fact
 * of `kind` (and team) for every other number listed with the one at
 * [start, end) ("12 and [30 caps]", "[aged 22] and 25") whose value is in
 * [lo, hi], each about the nth player named; returns the matched number's
 * place in the list, NOT_LISTED when there is no list. Adding facts moves
 * d->f: call it before taking a fact pointer. */
#define NOT_LISTED ((size_t)-1)
size_t facts_respective_list(struct doc *d, enum fact_kind kind, int team, size_t start, size_t end,
                             double lo, double hi);
/* facts_title.c: the fees and release clauses the title gives. */
void facts_find_title(struct doc *d, struct facts_scan *scan);

/* The rules, one per pattern (ctx is the struct doc). */
void facts_on_money(struct match *m, void *ctx);
void facts_on_caps(struct match *m, void *ctx);
void facts_on_appearances(struct match *m, void *ctx);
void facts_on_age(struct match *m, void *ctx);
void facts_on_contract_end(struct match *m, void *ctx);
void facts_on_contract_length(struct match *m, void *ctx);

/* subject.c: entity resolution around a byte offset of the body. */

/* The first body mention that starts at or after body offset `from` (the
 * mentions are sorted by token while facts are found: a binary search). */
size_t subject_first_mention_from(const struct doc *d, size_t from);

/* Byte range of the sentence holding body offset `at`. */
void subject_sentence(const struct doc *d, size_t at, size_t *start, size_t *end);
/* The person a fact at [start, end) is about: a person named in its
 * sentence (nearest before, else after), else the most recent person named
 * before. `prefer_players` skips managers and officials when it can.
 * Returns a doc entity index or NO_ENTITY. */
int subject_person(const struct doc *d, size_t start, size_t end, bool prefer_players);
/* The person a sentence without a name is most likely about ("The
 * 26-year-old has...", "He has won..."): people named before `at` (or in
 * the title), weighed by how often they are named, whether the title names
 * them, and whether the previous sentence does. */
int subject_topic(const struct doc *d, size_t at, bool prefer_players);
/* The article's main player: the person who is no manager, official or
 * agent named more often than any other (title and body), at least
 * twice; NO_ENTITY when there is none or a tie. */
int subject_main_player(const struct doc *d);
/* The person named right before [start] ("Rooney, 19,") or right after
 * ("the 19-year-old Wayne Rooney"); NO_ENTITY when none. */
int subject_adjacent_person(const struct doc *d, size_t start, size_t end);
/* subject_described.c: the one person whom the article described before
 * with the words of body tokens [from, to) ("the 29-year-old Dutchman":
 * "Dutch midfielder Tom Ellery"); NO_ENTITY when none or several fit. */
int subject_described(const struct doc *d, size_t from, size_t to);
/* The one person the article described before with role word `role_tok`
 * alone ("striker Joao Pedrosa", "Pedrosa, a forward,"); NO_ENTITY when
 * none or several were. */
int subject_described_role(const struct doc *d, size_t role_tok);
/* In a sentence that pairs its lists with "respectively" after `at`, the
 * nth player it names (for its nth figure); NO_ENTITY otherwise. */
int subject_respective(const struct doc *d, size_t at, size_t nth);
/* The players one phrase is about when the sentence says "both", "the
 * pair", "the duo"...: the distinct players it names, else those of the
 * sentence before; their count when at least two (at most max), else 0. */
size_t subject_shared(const struct doc *d, size_t at, int *out, size_t max);
/* The nearest entity of a kind in [from, to) of the body, searching from
 * `at` outwards (dir 0), forwards (1) or backwards (-1). */
int subject_entity_near(const struct doc *d, enum entity_kind kind, size_t from, size_t to,
                        size_t at, int dir);
/* An entity of `kind` named right after one of the words (e.g. "from X"). */
int subject_entity_after_word(const struct doc *d, enum entity_kind kind, size_t from, size_t to,
                              const char *const *words);
/* Whether [from, to) of the body holds one of the words (case-insensitive,
 * whole words; a word may hold spaces). */
bool subject_has_word(const struct doc *d, size_t from, size_t to, const char *const *words);

#endif
