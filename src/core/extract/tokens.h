/* tokenize: splits article text into word and punctuation tokens and marks
 * sentence boundaries. Knows UTF-8, possessives ("Bastoni's", "Scholes'"),
 * hyphenated compounds ("23-year-old", "Saint-Germain") and abbreviations
 * that do not end a sentence ("Mr.", "St.", "Utd."). No allocation per token:
 * tokens go into one growable array and folded forms into one buffer. Each
 * distinct folded form gets a word number, so what is known of a word can
 * be worked out once per word and tokens compared by number. */
#ifndef TOUCHLINE_TOKENIZE_H
#define TOUCHLINE_TOKENIZE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "core/base/buf.h"

enum token_flag {
    TOK_WORD = 1 << 0,       /* letters/digits (may hold ' or - inside) */
    TOK_CAP = 1 << 1,        /* starts with an upper-case letter */
    TOK_UPPER = 1 << 2,      /* all letters upper case, at least two */
    TOK_NUM = 1 << 3,        /* starts with a digit */
    TOK_POSS = 1 << 4,       /* followed by a possessive 's or ' */
    TOK_SENT_START = 1 << 5, /* first token of a sentence */
    TOK_PARA_START = 1 << 6, /* first token of a paragraph (or line) */
    TOK_TITLE = 1 << 7,      /* token of the title, not the body */
    TOK_ASIDE = 1 << 8,      /* a line that is no part of the article (asides.c) */
};

struct token {
    uint32_t start, end;   /* bytes in the segment's text (possessive excluded) */
    uint32_t fstart, fend; /* the folded form in tokens->folded */
    uint32_t sentence;     /* sentence number, counted across segments */
    uint32_t word;         /* word number: equal for equal folded forms */
    uint16_t flags;
};

struct word_cache;

/* A word's folded form: its offset in tokens.folded and its bytes. */
struct token_form {
    uint32_t at, len;
};

/* A slot of the word table: the word number + 1 (0: empty) and the high
 * half of its form's hash, so that a probe looks at a word's form only
 * when the hashes may agree. */
struct token_slot {
    uint32_t word;
    uint32_t tag;
};

struct tokens {
    struct token *v;
    size_t n, cap;
    size_t *caps; /* the tokens with TOK_CAP, in order (room for `cap`): where the
                   * extractor's passes that start at a capital look */
    size_t ncaps;
    size_t *breaks; /* the tokens that start a paragraph (TOK_PARA_START) or are a
                     * colon, in order (room for `cap`): where line-ups and link
                     * lines may start */
    size_t nbreaks;
    struct buf folded; /* folded forms, each followed by a NUL */
    uint32_t nsentences;
    uint32_t *first;         /* per word number: the first token with that form */
    uint64_t *hash;          /* per word number: FNV-1a of the folded form */
    struct token_form *form; /* per word number: where its folded form is */
    uint32_t *cached;        /* per word number: its entry in `cache` (NULL without) */
    bool *lower;             /* per word number: whether a token of it is a word in lower case
                              * (TOK_WORD, neither TOK_CAP nor TOK_NUM) */
    size_t nwords, wcap;
    struct token_slot *table; /* open addressing (without a cache) */
    size_t tcap;
    /* per ASCII byte: the word number + 1 of that punctuation character in
     * these tokens (0: not met since tokens_reset), so that add_ascii_punct
     * probes the word table once per character */
    uint32_t punct_word[128];
    /* The word cache the text's forms are interned in (the extractor's), or
     * NULL for the tokens' own table. With it, a form is looked up once per
     * token, in the cache that keeps what is known of it across texts, and
     * `cached` gives each word's entry there (new entries not learned). */
    struct word_cache *cache;
};

void tokens_init(struct tokens *t);
void tokens_free(struct tokens *t);
void tokens_reset(struct tokens *t);
/* Makes room for the tokens of len more bytes of text (tokens_add_text
 * does it per text; one call for all the texts saves growing twice): the
 * folded forms all at once (each is at most its token's bytes and a NUL, so
 * twice the text), the tokens and words for a guess that is rarely passed. */
void tokens_reserve(struct tokens *t, size_t len);
/* Appends the tokens of text[0..len). `extra_flags` is or-ed into every
 * token (TOK_TITLE for a title; never TOK_PARA_START, which the tokenizer
 * sets and lists). A new segment always starts a paragraph. */
void tokens_add_text(struct tokens *t, const char *text, size_t len, uint16_t extra_flags);
/* The folded form of token i (lower case, diacritics off). */
static inline const char *tokens_folded(const struct tokens *t, size_t i)
{
    return t->folded.data + t->v[i].fstart;
}
/* Whether token i is the first token with its folded form. */
static inline bool tokens_first_of_word(const struct tokens *t, size_t i)
{
    return t->first[t->v[i].word] == i;
}
/* Whether token i's folded form equals s. */
static inline bool tokens_is(const struct tokens *t, size_t i, const char *s)
{
    if (i >= t->n)
        return false;
    const char *f = tokens_folded(t, i);
    return f[0] == s[0] && !strcmp(f, s);
}
/* Whether token i is the punctuation character c. */
static inline bool tokens_is_punct(const struct tokens *t, size_t i, char c)
{
    return i < t->n && !(t->v[i].flags & TOK_WORD) && t->folded.data[t->v[i].fstart] == c &&
           t->v[i].fend == t->v[i].fstart + 1;
}
/* Whether a code point is an upper-case letter (Latin, Greek, Cyrillic). */
bool tokenize_is_upper(uint32_t cp);

#endif
