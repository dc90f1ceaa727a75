/* extract_lexicon: the KB lexicon as one hash of words (given names,
 * particles, words that are never names, demonyms, role words and the first
 * words of roles of several words), and each article's words looked up in
 * it once: the per-token flags the extractor's passes read (see
 * extract_doc.h). */
#include "core/extract/extract_doc.h"
#include "core/extract/facts.h"
#include "core/base/hash.h"
#include "core/base/fold.h"
#include "core/base/xalloc.h"
#include "core/extract/extract_scratch.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Whether the string word starts with the n bytes of w (a loop: words are
 * short, and it stops at word's NUL). */
static bool same_prefix(const char *word, const char *w, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (word[k] != w[k])
            return false;
    return true;
}

/* The slot of word w (n bytes, hash_bytes h), or the empty slot where it
 * would go. */
static struct lex_slot *lex_find_hashed(const struct extractor *ex, const char *w, size_t n,
                                        uint64_t h)
{
    size_t mask = ex->nlex - 1, i = (size_t)h & mask;
    for (; ex->lex[i].word; i = (i + 1) & mask) {
        const struct lex_slot *s = &ex->lex[i];
        if (s->hash == (uint32_t)h && same_prefix(s->word, w, n) && !s->word[n])
            break;
    }
    return &ex->lex[i];
}

static struct lex_slot *lex_find(const struct extractor *ex, const char *w, size_t n)
{
    return lex_find_hashed(ex, w, n, hash_bytes(w, n));
}

static struct lex_slot *lex_slot(const struct extractor *ex, const char *w)
{
    return lex_find(ex, w, strlen(w));
}

/* Claims an empty slot for a word. */
static void lex_claim(struct lex_slot *s, const char *word)
{
    s->word = word;
    s->hash = (uint32_t)hash_str(word);
}

static void lex_add(struct extractor *ex, char *const *words, size_t n, uint8_t flag, int role)
{
    for (size_t i = 0; i < n; i++) {
        struct lex_slot *s = lex_slot(ex, words[i]);
        if (!s->word)
            lex_claim(s, words[i]);
        s->flags |= flag;
        if (role >= 0 && !(s->flags & LEX_ROLE & ~flag))
            s->role = (uint8_t)role;
    }
}

/* The slot of a word the extractor allocated: claimed with it when new
 * (the extractor keeps it), else the word is freed. */
static struct lex_slot *lex_own(struct extractor *ex, char *word)
{
    struct lex_slot *s = lex_slot(ex, word);
    if (s->word) {
        free(word);
        return s;
    }
    ex->owned = xrealloc(ex->owned, (ex->nowned + 1) * sizeof *ex->owned);
    ex->owned[ex->nowned++] = word;
    lex_claim(s, word);
    return s;
}

/* Demonyms ("Dutch", "Brazilian") are adjectives, never part of a name. */
static void add_demonyms(struct extractor *ex)
{
    for (size_t i = 0; i < ex->kb->nforms; i++) {
        const struct kb_form *f = &ex->kb->forms[i];
        if (f->kind != KB_FORM_DEMONYM || strchr(f->text, ' '))
            continue;
        char *folded = fold_text(f->text, strlen(f->text));
        lex_own(ex, folded)->flags |= LEX_NOT_NAME;
    }
}

/* Marks the first word of every role word of several words, so that
 * doc_role_before looks a pair of words up only after such a word. */
static void add_role_heads(struct extractor *ex)
{
    const struct kb_lexicon *l = &ex->kb->lex;
    for (int r = ROLE_PLAYER; r <= ROLE_OTHER; r++)
        for (size_t i = 0; i < l->nrole_words[r]; i++) {
            const char *w = l->role_words[r][i], *space = strchr(w, ' ');
            if (space)
                lex_own(ex, xstrndup(w, (size_t)(space - w)))->flags |= LEX_ROLE_HEAD;
        }
}

/* Gives a word of the fixed lists its list's bit (word_lists.h). */
static void add_list_word(const char *word, uint32_t bit, void *ctx)
{
    struct extractor *ex = ctx;
    struct lex_slot *s = lex_slot(ex, word);
    if (!s->word)
        lex_claim(s, word);
    s->lists |= bit;
}

/* Gives a trigger word of the fact patterns its pattern bits (facts.c). */
static void add_trigger_word(const char *word, unsigned mask, void *ctx)
{
    struct extractor *ex = ctx;
    struct lex_slot *s = lex_slot(ex, word);
    if (!s->word)
        lex_claim(s, word);
    s->triggers |= mask;
}

static void count_trigger_word(const char *word, unsigned mask, void *ctx)
{
    (void)word;
    (void)mask;
    ++*(size_t *)ctx;
}

static void count_list_word(const char *word, uint32_t bit, void *ctx)
{
    (void)word;
    (void)bit;
    ++*(size_t *)ctx;
}

void lexicon_build(struct extractor *ex)
{
    const struct kb_lexicon *l = &ex->kb->lex;
    size_t total = l->ngiven + l->nparticles + l->nnot_names + ex->kb->nforms;
    for (int r = 0; r <= ROLE_OTHER; r++)
        total += 2 * l->nrole_words[r]; /* role words and their first words */
    word_lists_each(count_list_word, &total);
    facts_trigger_words_each(count_trigger_word, &total);
    ex->nlex = 64;
    while (ex->nlex < total * 2 + 1)
        ex->nlex *= 2;
    ex->lex = xcalloc(ex->nlex, sizeof *ex->lex);
    lex_add(ex, l->given_names, l->ngiven, LEX_GIVEN, -1);
    lex_add(ex, l->particles, l->nparticles, LEX_PARTICLE, -1);
    lex_add(ex, l->not_names, l->nnot_names, LEX_NOT_NAME, -1);
    add_demonyms(ex);
    for (int r = ROLE_PLAYER; r <= ROLE_OTHER; r++)
        lex_add(ex, l->role_words[r], l->nrole_words[r], LEX_ROLE, r);
    add_role_heads(ex);
    word_lists_each(add_list_word, ex);
    facts_trigger_words_each(add_trigger_word, ex);
}

static bool role_of(const struct doc *d, const char *folded, size_t n, enum person_role *role)
{
    const struct lex_slot *s = lex_find(d->ex, folded, n);
    if (!s->word || !(s->flags & LEX_ROLE))
        return false;
    *role = (enum person_role)s->role;
    return true;
}

/* The lexicon flags and role of a word not in the lexicon with flags of its
 * own: "co-owners", "strikers" have the role of their last part, singular. */
static void lookup_role_part(const struct extractor *ex, uint8_t *lex, uint8_t *role, const char *w,
                             size_t n)
{
    const char *part = w;
    if (memchr(w, '-', n))
        for (size_t k = n; k > 0; k--)
            if (w[k - 1] == '-') {
                part = w + k;
                break;
            }
    size_t blen = n - (size_t)(part - w);
    char base[64];
    blen = blen < sizeof base - 1 ? blen : sizeof base - 1;
    bool strip = blen > 3 && part[blen - 1] == 's';
    if (part == w && blen == n && !strip)
        return; /* the word itself, looked up already */
    memcpy(base, part, blen);
    base[blen] = '\0';
    if (strip)
        base[--blen] = '\0';
    const struct lex_slot *s = lex_find(ex, base, blen);
    if (s->word && (s->flags & LEX_ROLE)) {
        *lex |= LEX_ROLE | LEX_NOT_NAME;
        *role = s->role;
    }
}

/* The lexicon flags, role and word lists of word number w of the doc (its
 * first token is a word). */
static void lookup_word(struct doc *d, uint32_t w, uint8_t *lex, uint8_t *role)
{
    size_t i = d->t.first[w];
    const char *f = tokens_folded(&d->t, i);
    size_t n = d->t.v[i].fend - d->t.v[i].fstart;
    const struct lex_slot *s = lex_find_hashed(d->ex, f, n, d->t.hash[w]);
    d->lists[w] = s->word ? s->lists : 0;
    d->triggers[w] = s->word ? s->triggers : 0;
    if (s->word && (s->flags & ~LEX_ROLE_HEAD)) {
        *lex = s->flags;
        *role = s->role;
        return;
    }
    *lex = s->word ? s->flags : 0; /* only the first word of a role */
    lookup_role_part(d->ex, lex, role, f, n);
}

/* Works out what the word cache keeps of word number w, new to it: the
 * lexicon's answers for a word (d->lists and d->triggers of w are set on
 * the way, as facts_triggers reads them), its matcher key and its fact
 * triggers. */
static void learn_word(struct doc *d, uint32_t w, struct word_info *info)
{
    size_t i = d->t.first[w];
    if (d->t.v[i].flags & TOK_WORD) {
        lookup_word(d, w, &info->lex, &info->role);
        info->lists = d->lists[w];
        info->lex_triggers = d->triggers[w];
        info->start = matcher_start(d->ex->matcher, &d->t, i);
    }
    info->fact_triggers = facts_triggers(d, i);
}

void lexicon_lookup(struct doc *d)
{
    size_t n = d->t.n ? d->t.n : 1, nw = d->t.nwords ? d->t.nwords : 1;
    d->lex = extract_scratch_block(d->sc, SCRATCH_LEX, n);
    d->role = extract_scratch_zeroed(d->sc, SCRATCH_ROLE, nw);
    d->lists = extract_scratch_zeroed(d->sc, SCRATCH_LISTS, 2 * nw * sizeof *d->lists);
    d->triggers = d->lists + nw;
    d->info = extract_scratch_block(d->sc, SCRATCH_WORD_INFO, nw * sizeof *d->info);
    uint8_t *wlex = extract_scratch_zeroed(d->sc, SCRATCH_WORD_LEX, nw); /* per word number */
    struct word_cache *c = &d->sc->words;
    word_cache_prepare(c, d->ex->serial);
    for (uint32_t w = 0; w < d->t.nwords; w++) {
        const struct token *first = &d->t.v[d->t.first[w]];
        bool added;
        uint32_t k = word_cache_get(c, d->t.folded.data + first->fstart,
                                    first->fend - first->fstart, d->t.hash[w], &added);
        d->info[w] = k;
        if (added)
            learn_word(d, w, &c->v[k]);
        const struct word_info *info = &c->v[k];
        wlex[w] = info->lex;
        d->role[w] = info->role;
        d->lists[w] = info->lists;
        d->triggers[w] = info->lex_triggers;
    }
    for (size_t i = 0; i < d->t.n; i++)
        d->lex[i] = wlex[d->t.v[i].word];
}

bool doc_is_role_word(const struct doc *d, size_t i, enum person_role *role)
{
    if (i >= d->t.n || !(d->lex[i] & LEX_ROLE))
        return false;
    *role = (enum person_role)d->role[d->t.v[i].word];
    return true;
}

/* Appends s (n bytes) to out[0..len), as much as fits with a NUL; returns
 * the new length. */
static size_t append_cut(char *out, size_t size, size_t len, const char *s, size_t n)
{
    if (n > size - 1 - len)
        n = size - 1 - len;
    memcpy(out + len, s, n);
    out[len + n] = '\0';
    return len + n;
}

/* Whether the two words before token i are a role word of two ("chief
 * executive"). Only looked up after the first word of such a role. */
static bool two_word_role(const struct doc *d, size_t i, enum person_role *role)
{
    if (i < 2 || !(d->t.v[i - 2].flags & TOK_WORD))
        return false;
    const struct token *a = &d->t.v[i - 2], *b = &d->t.v[i - 1];
    char two[128]; /* the two words, cut to fit */
    bool fits = (a->fend - a->fstart) + 1 + (b->fend - b->fstart) < sizeof two;
    if (fits && !(d->lex[i - 2] & LEX_ROLE_HEAD))
        return false;
    size_t n = append_cut(two, sizeof two, 0, tokens_folded(&d->t, i - 2), a->fend - a->fstart);
    n = append_cut(two, sizeof two, n, " ", 1);
    n = append_cut(two, sizeof two, n, tokens_folded(&d->t, i - 1), b->fend - b->fstart);
    return role_of(d, two, n, role);
}

bool doc_role_before(const struct doc *d, size_t i, enum person_role *role)
{
    if (i == 0 || !(d->t.v[i - 1].flags & TOK_WORD))
        return false;
    return two_word_role(d, i, role) || doc_is_role_word(d, i - 1, role);
}

void lexicon_free(struct extractor *ex)
{
    free(ex->lex);
    for (size_t i = 0; i < ex->nowned; i++)
        free(ex->owned[i]);
    free(ex->owned);
}
