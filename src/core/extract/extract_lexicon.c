/* extract_lexicon: the KB lexicon as one hash of words (lexicon_table.h:
 * the built-in base's compiled in, a merged base's built at start), and each
 * article's words looked up in it once: the per-token flags the extractor's
 * passes read (see extract_doc.h). */
#include "core/extract/extract_doc.h"
#include "core/extract/kb_compiled.h"
#include "core/extract/facts.h"
#include "core/base/hash.h"
#include "core/extract/extract_scratch.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const struct lex_slot *lex_find(const struct extractor *ex, const char *w, size_t n)
{
    return lex_table_find(&ex->lex, w, n, hash_bytes(w, n));
}

void lexicon_build(struct extractor *ex)
{
    if (ex->kb->compiled) {
        ex->lex = ex->kb->compiled->lexicon;
        return;
    }
    lex_table_build(ex->kb, &ex->lex);
    ex->lex_owned = true;
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
    const struct lex_slot *s = lex_table_find(&d->ex->lex, f, n, d->t.hash[w]);
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

/* Each token's lexicon flags (lex, from its word's in wlex) and the list of
 * tokens whose word starts a KB form (kb_starts, by wstarts); returns the
 * list's length. The arrays in locals: a store to lex (bytes, which may
 * alias anything) would otherwise make the compiler read the doc's pointers
 * again for every token. */
static size_t per_token(const struct tokens *t, const uint8_t *wlex, const uint8_t *wstarts,
                        uint8_t *lex, uint32_t *kb_starts)
{
    const struct token *v = t->v;
    size_t n = t->n, starts = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t w = v[i].word;
        lex[i] = wlex[w];
        kb_starts[starts] = (uint32_t)i; /* kept only when a form starts there: */
        starts += wstarts[w];            /* no branch, which a sixth of the tokens take */
    }
    return starts;
}

void lexicon_lookup(struct doc *d)
{
    size_t n = d->t.n ? d->t.n : 1, nw = d->t.nwords ? d->t.nwords : 1;
    d->lex = extract_scratch_block(d->sc, SCRATCH_LEX, n);
    d->role = extract_scratch_zeroed(d->sc, SCRATCH_ROLE, nw);
    d->lists = extract_scratch_zeroed(d->sc, SCRATCH_LISTS, 2 * nw * sizeof *d->lists);
    d->triggers = d->lists + nw;
    d->fact_triggers = extract_scratch_block(d->sc, SCRATCH_FACT_TRIGGERS, nw * sizeof *d->lists);
    d->info = d->t.cached; /* the tokens interned the words in the thread's cache */
    uint8_t *wlex = extract_scratch_block(d->sc, SCRATCH_WORD_LEX, nw); /* per word number */
    uint8_t *wstarts = extract_scratch_block(d->sc, SCRATCH_WORD_STARTS, nw);
    d->kb_starts = extract_scratch_block(d->sc, SCRATCH_KB_STARTS, n * sizeof *d->kb_starts);
    struct word_cache *c = &d->sc->words;
    for (uint32_t w = 0; w < d->t.nwords; w++) {
        uint32_t k = d->info[w];
        if (!c->v[k].learned) {
            learn_word(d, w, &c->v[k]);
            c->v[k].learned = true;
        }
        const struct word_info *info = &c->v[k];
        wlex[w] = info->lex;
        wstarts[w] = info->start != NULL;
        d->role[w] = info->role;
        d->lists[w] = info->lists;
        d->triggers[w] = info->lex_triggers;
        d->fact_triggers[w] = info->fact_triggers;
    }
    d->nkb_starts = per_token(&d->t, wlex, wstarts, d->lex, d->kb_starts);
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
    if (ex->lex_owned)
        lex_table_free(&ex->lex);
}
