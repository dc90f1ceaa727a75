/* subject_described: the person a description fits. "The 29-year-old
 * Dutchman" or "The Spain international, 24," refers to someone the article
 * described the same way before ("Dutch midfielder Tom Ellery", "Tom
 * Ellery, the Spain international,"), not to the nearest name. */
#include "core/extract/facts.h"

#include <string.h>

enum { STEM = 5, NEAR_MENTION = 4, MAX_WORDS = 4 };

/* Description words that say nothing of who is meant. */
static const char *const vague_words[] = {
    "the",     "a",        "an",  "former", "ex",    "new",  "experienced", "young",
    "veteran", "talented", "his", "her",    "their", "club", "side",        "player",
    "star",    "man",      "and", "who",    "has",   NULL};

/* Token i carries a description: a capitalised word (a nationality, a
 * country, a club) or a role word ("midfielder", "international"). */
static bool describing(const struct doc *d, size_t i)
{
    const struct token *tk = &d->t.v[i];
    enum person_role role;
    if (!(tk->flags & TOK_WORD) || (tk->flags & TOK_NUM) || doc_token_in(d, i, vague_words))
        return false;
    return (tk->flags & TOK_CAP) || doc_is_role_word(d, i, &role);
}

/* Two words describe alike: capitalised ones with the same first letters
 * ("Dutch" and "Dutchman", "Brazil" and "Brazilian"), role words when the
 * same ("striker" is not "strike"). */
static bool alike(const struct doc *d, size_t i, size_t j)
{
    const struct token *a = &d->t.v[i], *b = &d->t.v[j];
    size_t na = a->fend - a->fstart, nb = b->fend - b->fstart;
    if (!(b->flags & TOK_CAP))
        return na == nb && !memcmp(tokens_folded(&d->t, i), tokens_folded(&d->t, j), na);
    size_t n = na < nb ? na : nb;
    if (n < 4)
        return false;
    if (n > STEM)
        n = na == nb ? na : STEM;
    return !memcmp(tokens_folded(&d->t, i), tokens_folded(&d->t, j), n);
}

/* How well the body's mentions of `person` before token `before` fit the
 * words: a word within a few tokens before a mention ("Dutch midfielder
 * Tom Ellery") or after it ("Tom Ellery, the Dutch midfielder"), in its
 * own sentence, counts 2 when capitalised (a nationality, a country) and 1
 * for a role word; each word once. */
static int fit(const struct doc *d, int person, const size_t *words, size_t nw, size_t before)
{
    bool hit[MAX_WORDS] = {false};
    for (size_t k = 0; k < d->nm; k++) {
        const struct doc_mention *m = &d->m[k];
        if (m->entity != person || (d->t.v[m->tok].flags & TOK_TITLE) || m->tok >= before)
            continue;
        uint32_t sent = d->t.v[m->tok].sentence;
        size_t from = m->tok > NEAR_MENTION ? m->tok - NEAR_MENTION : 0;
        size_t to = m->tok_end + NEAR_MENTION + 1 < before ? m->tok_end + NEAR_MENTION + 1 : before;
        for (size_t i = from; i < to; i++) {
            if (d->t.v[i].sentence != sent || (i >= m->tok && i < m->tok_end))
                continue;
            for (size_t w = 0; w < nw; w++)
                hit[w] |= alike(d, i, words[w]);
        }
    }
    int score = 0;
    for (size_t w = 0; w < nw; w++)
        score += hit[w] ? ((d->t.v[words[w]].flags & TOK_CAP) ? 2 : 1) : 0;
    return score;
}

int subject_described(const struct doc *d, size_t from, size_t to)
{
    size_t words[MAX_WORDS], nw = 0;
    while (from < to && from < d->t.n && (d->t.v[from].flags & TOK_WORD) &&
           doc_token_in(d, from, vague_words))
        from++; /* "the former Ajax man": the description starts at "Ajax" */
    for (size_t i = from; i < to && i < d->t.n && nw < MAX_WORDS; i++) {
        bool person = d->owner[i] >= 0 && d->e[d->m[d->owner[i]].entity].kind == ENTITY_PERSON;
        if (!describing(d, i) || person || d->t.v[i].sentence != d->t.v[from].sentence)
            break; /* the description is one run of words */
        words[nw++] = i;
    }
    if (!nw)
        return NO_ENTITY;
    int found = NO_ENTITY, best = 0;
    bool tie = false;
    for (size_t e = 0; e < d->ne; e++) {
        if (d->e[e].kind != ENTITY_PERSON)
            continue;
        int score = fit(d, (int)e, words, nw, from);
        if (score > best) {
            best = score;
            found = (int)e;
            tie = false;
        } else if (score == best && score > 0) {
            tie = true;
        }
    }
    return tie || best < 2 ? NO_ENTITY : found; /* a role word alone fits too many */
}

int subject_described_role(const struct doc *d, size_t role_tok)
{
    enum person_role role;
    if (role_tok >= d->t.n || !doc_is_role_word(d, role_tok, &role))
        return NO_ENTITY;
    int found = NO_ENTITY;
    for (size_t e = 0; e < d->ne; e++) {
        if (d->e[e].kind != ENTITY_PERSON || !fit(d, (int)e, &role_tok, 1, role_tok))
            continue;
        if (found != NO_ENTITY)
            return NO_ENTITY; /* two strikers: the word alone says neither */
        found = (int)e;
    }
    return found;
}
