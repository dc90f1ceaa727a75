/* people: finds the people an article names from context (capitalised runs
 * with particles, given names, role words, speech verbs, ages, possessives
 * such as "Conte's side", line-ups), links later surname-only mentions to
 * the full name, and gives each person a role where the text tells. */
#include "core/extract/extract_doc.h"
#include "core/base/fold.h"
#include "core/base/xalloc.h"
#include "core/extract/extract_scratch.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The word lists this pass tests (function words, speech verbs, ...) are
 * in word_lists.c. */

/* Per word number of the article: how often it is capitalised in
 * mid-sentence (whether it is seen in lower case, so that "Despite" at a
 * sentence start is known not to be a name, the tokenizer keeps). */
static bool mid_sentence_capital(const struct token *tk)
{
    return (tk->flags & TOK_CAP) && !(tk->flags & TOK_SENT_START);
}

struct people {
    struct doc *d;
    uint32_t *mid_caps; /* per word number: capitalised, not at a sentence start */
    size_t *caps;       /* the tokens name_token may take (a capitalised word), in order */
    size_t ncaps;
    size_t *heads; /* the tokens lineups looks at: paragraph starts of the body, colons */
    size_t nheads;
    size_t *longer; /* the mentions of two tokens or more, by index, in order */
    size_t nlonger, longer_cap;
    size_t seen; /* the mentions looked at for `longer` */
    /* per word number: 1 + the index in `longer` of the last of them that
     * ends with that word, 0 when none; per index in `longer`: 1 + the
     * index of the one before it with the same last word, 0 when none */
    uint32_t *by_last, *chain;
};

/* Brings `longer` up to the doc's mentions (they are only added while
 * people are found, and a mention keeps its tokens). */
static const size_t *longer_mentions(struct people *p, size_t *n)
{
    const struct doc *d = p->d;
    for (; p->seen < d->nm; p->seen++) {
        if (d->m[p->seen].tok_end - d->m[p->seen].tok < 2)
            continue;
        if (p->nlonger == p->longer_cap) {
            p->longer_cap = p->longer_cap ? 2 * p->longer_cap : 32;
            p->longer = extract_scratch_grow(d->sc, SCRATCH_PEOPLE_LONGER,
                                             p->longer_cap * sizeof *p->longer);
            p->chain =
                extract_scratch_grow(d->sc, SCRATCH_PEOPLE_CHAIN, p->longer_cap * sizeof *p->chain);
        }
        uint32_t *last = &p->by_last[d->t.v[d->m[p->seen].tok_end - 1].word];
        p->chain[p->nlonger] = *last;
        p->longer[p->nlonger++] = p->seen;
        *last = (uint32_t)p->nlonger;
    }
    *n = p->nlonger;
    return p->longer;
}

/* Whether token i is a capitalised word outside asides: what name_token
 * asks first, and what does not change while people are found. */
static bool cap_word(const struct token *tk)
{
    return (tk->flags & (TOK_WORD | TOK_CAP | TOK_NUM | TOK_ASIDE)) == (TOK_WORD | TOK_CAP);
}

/* One pass over the capitalised tokens and one over the paragraph starts
 * and colons (the tokenizer's lists): the mid-sentence capital counts, and
 * the tokens the later passes start from (so they skip the rest without
 * looking at it). */
static void count_words(struct people *p)
{
    const struct tokens *t = &p->d->t;
    size_t n = t->nwords ? t->nwords : 1, ntokens = t->n;
    struct extract_scratch *sc = p->d->sc;
    /* the lists and counts in locals: a store to one could alias p's fields */
    uint32_t *mid_caps = p->mid_caps =
        extract_scratch_zeroed(sc, SCRATCH_PEOPLE_COUNTS, n * sizeof *p->mid_caps);
    p->by_last = extract_scratch_zeroed(sc, SCRATCH_PEOPLE_LAST, n * sizeof *p->by_last);
    size_t *caps = p->caps =
        extract_scratch_block(sc, SCRATCH_PEOPLE_CAPS, (ntokens ? ntokens : 1) * sizeof *p->caps);
    size_t *heads = p->heads =
        extract_scratch_block(sc, SCRATCH_PEOPLE_HEADS, (ntokens ? ntokens : 1) * sizeof *p->heads);
    size_t ncaps = 0, nheads = 0;
    const struct token *v = t->v;
    /* the heads: from the tokenizer's list of paragraph starts and colons */
    for (size_t b = 0; b < t->nbreaks; b++) {
        size_t i = t->breaks[b];
        const struct token *tk = &v[i];
        if (((tk->flags & TOK_PARA_START) && !(tk->flags & TOK_TITLE)) ||
            tokens_is_punct(t, i, ':'))
            heads[nheads++] = i;
    }
    /* what only capitalised tokens count for: from the doc's list of them */
    for (size_t c = 0; c < p->d->t.ncaps; c++) {
        size_t i = p->d->t.caps[c];
        const struct token *tk = &t->v[i];
        mid_caps[tk->word] += mid_sentence_capital(tk);
        caps[ncaps] = i;       /* kept only for a capitalised word: no branch, which */
        ncaps += cap_word(tk); /* a capital at random in the text would mispredict */
    }
    p->ncaps = ncaps;
    p->nheads = nheads;
}

/* Whether the article has token i's word in lower case somewhere. */
static bool seen_lower(const struct people *p, size_t i)
{
    return p->d->t.lower[p->d->t.v[i].word];
}

static bool is_initial(const struct doc *d, size_t i)
{
    const struct token *tk = &d->t.v[i];
    return (tk->flags & TOK_CAP) && tk->end - tk->start == 1 && i + 1 < d->t.n &&
           (d->t.v[i + 1].flags & TOK_CAP) && !(d->t.v[i + 1].flags & TOK_SENT_START);
}

static bool is_particle(const struct people *p, size_t i)
{
    const struct doc *d = p->d;
    return (d->t.v[i].flags & TOK_WORD) && !(d->t.v[i].flags & TOK_CAP) &&
           (d->lex[i] & LEX_PARTICLE) && i + 1 < d->t.n && (d->t.v[i + 1].flags & TOK_CAP);
}

static bool not_a_name(const struct people *p, size_t i)
{
    return (p->d->lex[i] & LEX_NOT_NAME) != 0;
}

/* name_token for a capitalised word outside asides and mentions: not an
 * acronym, not the pronoun "I", not a word the lexicon says is no name. */
static bool name_token_rest(const struct people *p, size_t i)
{
    const struct doc *d = p->d;
    const struct token *tk = &d->t.v[i];
    if ((tk->flags & TOK_UPPER) && tk->end - tk->start > 1)
        return false;
    const char *w = tokens_folded(&d->t, i);
    if (w[0] == 'i' && (w[1] == '\0' || w[1] == '\''))
        return false; /* the pronoun: "I", "I've", "I'm" */
    return !not_a_name(p, i);
}

/* Token i can be part of a person's name. Inline: most tokens asked about
 * are lower case or taken already, which the first test says. */
static inline bool name_token(const struct people *p, size_t i)
{
    const struct doc *d = p->d;
    if (!cap_word(&d->t.v[i]) || d->owner[i] >= 0)
        return false;
    return name_token_rest(p, i);
}

static bool is_given_name(const struct people *p, size_t i)
{
    return (p->d->lex[i] & LEX_GIVEN) != 0;
}

/* A sentence-initial word that is an ordinary word, not a name. */
static bool ordinary_start(const struct people *p, size_t i)
{
    const struct doc *d = p->d;
    if (!(d->t.v[i].flags & TOK_SENT_START) &&
        !(i > 0 && !(d->t.v[i - 1].flags & TOK_WORD) && !tokens_is_punct(&d->t, i - 1, ',')))
        return false;
    if (is_given_name(p, i) || (d->lex[i] & LEX_PARTICLE))
        return false;
    return doc_word_in(d, i, WL_FUNCTION) || seen_lower(p, i);
}

/* The run of name tokens starting at i: [i, *end). */
static size_t run_end(const struct people *p, size_t i)
{
    const struct doc *d = p->d;
    size_t j = i;
    while (j < d->t.n && d->t.v[j].sentence == d->t.v[i].sentence) {
        if (!(name_token(p, j) || (j > i && is_particle(p, j)) || is_initial(p->d, j)))
            break;
        j++;
        if (d->t.v[j - 1].flags & TOK_POSS)
            break;
    }
    return j;
}

/* Whether tokens i and j have the same folded form. */
static bool same_word(const struct tokens *t, size_t i, size_t j)
{
    return t->v[i].word == t->v[j].word;
}

/* The person whose name ends with (or equals) tokens [i, end), preferring
 * the most recent full mention before i; -1 when none. Only the longer
 * mentions ending with the same word are looked at, latest first: the
 * first of them before i wins, else the earliest of them. */
static int person_by_surname(struct people *p, size_t i, size_t end)
{
    const struct doc *d = p->d;
    int earliest = -1;
    size_t n = end - i, nlonger;
    const size_t *longer = longer_mentions(p, &nlonger); /* a surname is a part: n >= 1 */
    const uint32_t *chain = p->chain;
    for (uint32_t k = p->by_last[d->t.v[end - 1].word]; k; k = chain[k - 1]) {
        const struct doc_mention *m = &d->m[longer[k - 1]];
        if (m->tok_end - m->tok <= n || d->e[m->entity].kind != ENTITY_PERSON)
            continue;
        bool same = true;
        for (size_t j = 0; j + 1 < n && same; j++)
            same = same_word(&d->t, m->tok_end - n + j, i + j);
        if (!same)
            continue;
        if (m->tok < i)
            return m->entity;
        earliest = m->entity;
    }
    return earliest;
}

/* Whether the lexicon's short names hold a pair starting with `w` and a
 * space ("leo lionel" for "leo"): the list is sorted, so one binary search. */
static bool has_short_name(const struct kb_lexicon *lex, const char *w, size_t n)
{
    size_t lo = 0, hi = lex->nshort;
    while (lo < hi) { /* the first pair not before "w " */
        size_t mid = lo + (hi - lo) / 2;
        const char *p = lex->short_names[mid];
        int c = strncmp(p, w, n);
        if (c < 0 || (c == 0 && (unsigned char)p[n] < ' '))
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < lex->nshort && !strncmp(lex->short_names[lo], w, n) &&
           lex->short_names[lo][n] == ' ';
}

/* Whether `w` (n bytes) is the first name `first` (flen bytes) or a short
 * form of it ("Mo" for Mohamed, "Fede" for Federico, and the lexicon's "Leo"
 * for Lionel; `short_pair` says whether the lexicon has a pair for w). */
static bool first_name_form(const struct doc *d, const char *w, size_t n, const char *first,
                            size_t flen, bool short_pair)
{
    if ((n == flen && !memcmp(w, first, n)) ||
        (n >= 2 && n <= 5 && n + 2 <= flen && !memcmp(w, first, n)))
        return true;
    if (!short_pair)
        return false;
    char pair[128];
    snprintf(pair, sizeof pair, "%s %s", w, first);
    const struct kb_lexicon *lex = &d->ex->kb->lex;
    return kb_word_in(lex->short_names, lex->nshort, pair);
}

/* The one person whose full name starts with the given name at token i
 * ("Steven" for Steven Gerrard, "Mo" for Mohamed Salah); -1 when none or
 * several. */
static int person_by_first_name(struct people *p, size_t i)
{
    const struct doc *d = p->d;
    const char *w = tokens_folded(&d->t, i);
    size_t n = d->t.v[i].fend - d->t.v[i].fstart;
    bool short_pair = has_short_name(&d->ex->kb->lex, w, n);
    int found = -1;
    size_t nlonger;
    const size_t *longer = longer_mentions(p, &nlonger);
    for (size_t k = 0; k < nlonger; k++) {
        const struct doc_mention *m = &d->m[longer[k]];
        if (d->e[m->entity].kind != ENTITY_PERSON || m->tok_end - m->tok < 2)
            continue;
        const struct token *f = &d->t.v[m->tok];
        if (!first_name_form(d, w, n, tokens_folded(&d->t, m->tok), f->fend - f->fstart,
                             short_pair))
            continue;
        if (found >= 0 && found != m->entity)
            return -1;
        found = m->entity;
    }
    return found;
}

/* Person entity with this exact folded name; -1 when none. */
static int person_by_name(const struct doc *d, const char *name)
{
    for (size_t e = 0; e < d->ne; e++) {
        if (d->e[e].kind == ENTITY_PERSON && d->e[e].folded[0] == name[0] &&
            !strcmp(d->e[e].folded, name))
            return (int)e;
    }
    return -1;
}

/* "g poll" is "graham poll": an initial and the same last word. */
static bool initial_form_of(const char *part, const char *whole)
{
    if (!(part[0] && part[1] == ' ' && strchr(part + 2, ' ') == NULL))
        return false;
    const char *last = strrchr(whole, ' ');
    return last && whole[0] == part[0] && !strcmp(last + 1, part + 2);
}

/* Whether folded name `part` (a bytes) is `whole` (b bytes) or its first
 * or last words. The callers know the lengths: each is counted once. */
static bool name_part_of(const char *part, size_t a, const char *whole, size_t b)
{
    if (initial_form_of(part, whole))
        return true;
    if (a > b)
        return false;
    if (a == b)
        return !memcmp(part, whole, a);
    return (!memcmp(whole, part, a) && whole[a] == ' ') ||
           (!memcmp(whole + b - a, part, a) && whole[b - a - 1] == ' ');
}

/* A person whose name contains the folded multi-word name as its first or
 * last words ("Sir Alex" / "Alex Ferguson" and "Sir Alex Ferguson"), or is
 * contained in it; the entity takes the longer name. -1 when none. */
static int person_by_partial(struct doc *d, const char *folded, const char *name, size_t ntok)
{
    size_t len = strlen(folded);
    for (size_t e = 0; e < d->ne; e++) {
        if (d->e[e].kind != ENTITY_PERSON || d->e[e].kb_entry >= 0)
            continue;
        const char *f = d->e[e].folded;
        size_t flen = strlen(f);
        bool shorter = memchr(f, ' ', flen) && name_part_of(f, flen, folded, len) &&
                       !initial_form_of(folded, f);
        bool longer = name_part_of(folded, len, f, flen);
        if (shorter) {
            doc_rename_entity(d, (int)e, name);
            d->e[e].ntokens = ntok;
        }
        if (shorter || longer)
            return (int)e;
    }
    return -1;
}

static int add_person(struct doc *d, size_t i, size_t end)
{
    char *name = doc_span_text(d, i, end);
    char *folded = doc_fold(d, name);
    int e = person_by_name(d, folded);
    if (e < 0 && end - i >= 2)
        e = person_by_partial(d, folded, name, end - i);
    if (e < 0) {
        e = doc_add_entity_pooled(d, ENTITY_PERSON, -1, name, folded);
        d->e[e].ntokens = end - i;
    }
    doc_add_mention(d, i, end, e, false);
    return e;
}

/* Role from the words around a mention [i, end). */
static void set_role(struct doc *d, int e, size_t i, size_t end)
{
    enum person_role role;
    if (doc_role_before(d, i, &role) ||
        (i >= 2 && tokens_is_punct(&d->t, i - 1, ',') && doc_role_before(d, i - 1, &role))) {
        if (d->e[e].role == ROLE_UNKNOWN) /* "boss Moyes", "Their president, Sanchez" */
            d->e[e].role = role;
        return;
    }
    if (i > 0 && tokens_is(&d->t, i - 1, "under") && d->e[e].role == ROLE_UNKNOWN) {
        d->e[e].role = ROLE_MANAGER; /* "a regular under Simone Inzaghi" */
        return;
    }
    if ((d->t.v[end - 1].flags & TOK_POSS) && doc_word_in(d, end, WL_SIDE)) {
        d->e[e].role = ROLE_MANAGER;
        return;
    }
    for (size_t k = end; k + 1 < d->t.n && k < end + 8 && d->t.v[k].sentence == d->t.v[i].sentence;
         k++) {
        if (!tokens_is(&d->t, k, "as"))
            continue;
        size_t r = k + 1;
        while (r < d->t.n && (tokens_is(&d->t, r, "the") || tokens_is(&d->t, r, "a") ||
                              tokens_is(&d->t, r, "their") || tokens_is(&d->t, r, "club")))
            r++;
        if (r + 1 < d->t.n && doc_role_before(d, r + 1, &role) && d->e[e].role == ROLE_UNKNOWN) {
            d->e[e].role = role; /* "Parry joined Liverpool as chief executive" */
            return;
        }
        if (r + 2 < d->t.n && doc_role_before(d, r + 2, &role) && d->e[e].role == ROLE_UNKNOWN) {
            d->e[e].role = role;
            return;
        }
    }
    if (end + 1 < d->t.n && tokens_is_punct(&d->t, end, ',') &&
        doc_role_before(d, end + 2, &role) && d->e[e].role == ROLE_UNKNOWN) {
        d->e[e].role = role; /* "Rick Parry, chief executive of ..." */
        return;
    }
    if (end + 2 < d->t.n && tokens_is_punct(&d->t, end, ',') &&
        (tokens_is(&d->t, end + 1, "the") || tokens_is(&d->t, end + 1, "a")) &&
        d->e[e].role == ROLE_UNKNOWN) {
        for (size_t k = end + 2; k < end + 5 && k < d->t.n; k++)
            if (doc_is_role_word(d, k, &role)) {
                d->e[e].role = role;
                return;
            }
    }
}

/* Whether token i is joined by "and" or a comma to a person's name. */
static bool coordinated_with_person(const struct doc *d, size_t i)
{
    size_t next = i + 1, prev = i;
    bool after =
        next + 1 < d->t.n && (tokens_is(&d->t, next, "and") || tokens_is_punct(&d->t, next, ',')) &&
        d->owner[next + 1] >= 0 && d->e[d->m[d->owner[next + 1]].entity].kind == ENTITY_PERSON;
    bool before =
        prev >= 2 && (tokens_is(&d->t, prev - 1, "and") || tokens_is_punct(&d->t, prev - 1, ',')) &&
        d->owner[prev - 2] >= 0 && d->e[d->m[d->owner[prev - 2]].entity].kind == ENTITY_PERSON;
    return after || before;
}

/* Whether the sentence of token i holds an amount of money. */
static bool sentence_has_money(const struct doc *d, size_t i)
{
    uint32_t s = d->t.v[i].sentence;
    size_t a = i, b = i;
    while (a > 0 && d->t.v[a - 1].sentence == s)
        a--;
    while (b + 1 < d->t.n && d->t.v[b + 1].sentence == s)
        b++;
    for (size_t k = a; k <= b; k++) {
        const char *w = tokens_folded(&d->t, k);
        if (!strncmp(w, "\xc2\xa3", 2) || !strncmp(w, "\xe2\x82\xac", 3) || w[0] == '$')
            return true; /* £, €, $ */
    }
    return false;
}

/* Whether the word at i also stands capitalised in mid-sentence elsewhere:
 * then a sentence-initial "Pedri has" is a name, "Stability is" not. */
static bool named_mid_sentence(const struct people *p, size_t i)
{
    const struct token *tk = &p->d->t.v[i];
    uint32_t self = mid_sentence_capital(tk) ? 1 : 0;
    return p->mid_caps[tk->word] > self;
}

/* Whether token i is a lone capitalised word nobody knows, or a person. */
static bool list_item(const struct people *p, size_t i)
{
    const struct doc *d = p->d;
    if (d->owner[i] >= 0)
        return d->e[d->m[d->owner[i]].entity].kind == ENTITY_PERSON;
    return name_token(p, i) && !seen_lower(p, i) && !(d->lex[i] & LEX_KB_WEAK) &&
           !doc_word_in(d, i, WL_FUNCTION) && !(i + 1 < d->t.n && name_token(p, i + 1)) &&
           !(i > 0 && name_token(p, i - 1));
}

static bool list_separator(const struct doc *d, size_t i)
{
    return tokens_is_punct(&d->t, i, ',') || tokens_is(&d->t, i, "and");
}

/* A list of three or more lone names ("Saka, Odegaard and Rice"): each is
 * a person. Persons already found count as items; any club or other word
 * breaks the list. */
static bool in_name_list(const struct people *p, size_t i)
{
    const struct doc *d = p->d;
    size_t items = 1, k = i;
    while (k >= 2 && list_separator(d, k - 1) && list_item(p, k - 2) &&
           d->t.v[k - 2].sentence == d->t.v[i].sentence) {
        items++;
        k -= 2;
    }
    for (k = i; k + 2 < d->t.n && list_separator(d, k + 1) && list_item(p, k + 2) &&
                d->t.v[k + 2].sentence == d->t.v[i].sentence;
         k += 2)
        items++;
    return items >= 3;
}

/* Whether tokens i, i+1 are "from" and the start of a club's mention. */
static bool from_a_club(const struct doc *d, size_t i)
{
    if (i + 1 >= d->t.n || !tokens_is(&d->t, i, "from"))
        return false;
    int o = d->owner[i + 1];
    return o >= 0 && d->m[o].tok == i + 1 && d->e[d->m[o].entity].kind == ENTITY_CLUB;
}

/* Clues that a lone capitalised word at i names a person. */
static bool single_name_clue(const struct people *p, size_t i)
{
    const struct doc *d = p->d;
    enum person_role role;
    if (doc_role_before(d, i, &role) && !(d->t.v[i - 1].flags & TOK_CAP))
        return true;
    if (doc_word_in(d, i + 1, WL_SPEECH) && !(d->t.v[i].flags & TOK_POSS))
        return true;
    if (i > 0 && doc_word_in(d, i - 1, WL_SPEECH) && !(d->t.v[i].flags & TOK_SENT_START))
        return true;
    if ((d->t.v[i].flags & TOK_POSS) && doc_word_in(d, i + 1, WL_SIDE))
        return true;
    /* The loose clues below only count for words nobody knows: not an
     * ordinary word of the article, not a club name left unsupported, and
     * not the end of a longer proper name ("Stamford Bridge is"). */
    bool unknown_word =
        !seen_lower(p, i) && !(d->lex[i] & LEX_KB_WEAK) &&
        !(i > 0 && (d->t.v[i - 1].flags & TOK_CAP) && !(d->t.v[i - 1].flags & TOK_POSS) &&
          d->owner[i - 1] < 0 && !(d->t.v[i].flags & TOK_SENT_START));
    if (unknown_word && i > 0 && !(d->t.v[i].flags & TOK_SENT_START) &&
        doc_word_in(d, i - 1, WL_TRANSFER_BEFORE) &&
        (!tokens_is(&d->t, i - 1, "for") || sentence_has_money(d, i)))
        return true; /* "Ajax sold Antony", "a £20m bid for Raphinha" */
    if (unknown_word && i > 0 && !(d->t.v[i].flags & (TOK_SENT_START | TOK_POSS)) &&
        from_a_club(d, i + 1))
        return true; /* "the addition of Juanmi from Malaga" */
    if (unknown_word && i > 0 && !(d->t.v[i].flags & TOK_SENT_START) &&
        tokens_is(&d->t, i - 1, "under") && !(d->t.v[i + 1 < d->t.n ? i + 1 : i].flags & TOK_CAP))
        return true; /* "the club's direction under Arteta" */
    bool clause_start = (d->t.v[i].flags & TOK_SENT_START) ||
                        (i > 0 && !(d->t.v[i - 1].flags & TOK_WORD) &&
                         !tokens_is_punct(&d->t, i - 1, ',')); /* after a quote or colon */
    bool mid_sentence = !clause_start || named_mid_sentence(p, i);
    if (unknown_word && mid_sentence && !(d->t.v[i].flags & TOK_POSS) &&
        !doc_word_in(d, i, WL_FUNCTION) && doc_word_in(d, i + 1, WL_PERSON_VERB))
        return true; /* "after Richarlison had been brought down" (not "Stability is") */
    if (unknown_word && tokens_is_punct(&d->t, i + 1, ',')) {
        for (size_t k = i + 2; k < i + 6 && k < d->t.n && !tokens_is_punct(&d->t, k, ','); k++)
            if (doc_is_role_word(d, k, &role))
                return true; /* "Edu, Arsenal's sporting director, said" */
    }
    if (unknown_word && coordinated_with_person(d, i))
        return true; /* "Wendell and Alan Varela", "Valverde and Rodrygo" */
    if (unknown_word && list_item(p, i) && in_name_list(p, i))
        return true; /* "Saka, Odegaard and Rice" */
    return i + 3 < d->t.n && tokens_is_punct(&d->t, i + 1, ',') &&
           (d->t.v[i + 2].flags & TOK_NUM) && tokens_is_punct(&d->t, i + 3, ',');
}

/* Line-ups and match facts: "Everton: Martyn, Hibbert, ...", "Subs not
 * used: Wright, Pistone", "Booked: Tonge", "Ref: S Tanner (Hampshire)",
 * and bare paragraphs of comma-separated names ("Dudek, Finnan (Nunez 73),
 * ..."). Each capitalised run in such a list is a person. */
/* Whether the header before the colon at `colon` opens a list of names. */
static bool list_header(const struct doc *d, size_t colon, bool *officials)
{
    size_t h = colon;
    while (h > 0 && !(d->t.v[h].flags & TOK_SENT_START) && colon - h < 5)
        h--;
    if (!(d->t.v[h].flags & TOK_SENT_START))
        return false;
    while (h < colon && !(d->t.v[h].flags & TOK_WORD))
        h++; /* a closing quote of the sentence before */
    *officials = tokens_is(&d->t, h, "ref") || tokens_is(&d->t, h, "referee");
    if (doc_word_in(d, h, WL_LIST_HEAD))
        return true;
    int owner = d->owner[h];
    return owner >= 0 && d->e[d->m[owner].entity].kind == ENTITY_CLUB &&
           d->m[owner].tok_end == colon;
}

/* A paragraph that is nothing but a list: at least three commas, and every
 * item is short and starts with a capital. Returns its end token. */
static size_t bare_list(const struct doc *d, size_t i)
{
    size_t commas = 0, item = 0, j = i;
    for (; j < d->t.n && !(j > i && (d->t.v[j].flags & TOK_PARA_START)); j++) {
        if (tokens_is_punct(&d->t, j, ',')) {
            commas++;
            item = 0;
            continue;
        }
        if (item == 0 && !(d->t.v[j].flags & TOK_CAP))
            return i;
        if (++item > 6 && !tokens_is_punct(&d->t, j, ')'))
            return i;
    }
    return commas >= 3 ? j : i;
}

static void list_names(struct people *p, size_t i, size_t end, bool officials)
{
    struct doc *d = p->d;
    int depth = 0;
    while (i < end) {
        if (tokens_is_punct(&d->t, i, '(') || tokens_is_punct(&d->t, i, ')')) {
            depth += tokens_is_punct(&d->t, i, '(') ? 1 : -1;
            i++;
            continue;
        }
        if (d->owner[i] >= 0 && !(officials && depth > 0)) {
            struct doc_mention *m = &d->m[d->owner[i]];
            if (d->e[m->entity].kind == ENTITY_NATIONAL_TEAM && m->tok_end == m->tok + 1) {
                /* "Subs Not Used: Macken, Weaver, Jordan": a player, not the country */
                int e = person_by_surname(p, i, i + 1);
                if (e < 0)
                    e = person_by_name(d, tokens_folded(&d->t, i));
                if (e < 0) {
                    char *name = doc_span_text(d, i, i + 1);
                    e = doc_add_entity_pooled(d, ENTITY_PERSON, -1, name, doc_fold(d, name));
                }
                m->entity = e;
            }
            int known = m->entity; /* already found: still a list member */
            if (d->e[known].kind == ENTITY_PERSON && d->e[known].role == ROLE_UNKNOWN)
                d->e[known].role = officials ? ROLE_OFFICIAL : ROLE_PLAYER;
            i = d->m[d->owner[i]].tok_end;
            continue;
        }
        size_t stop = run_end(p, i);
        if (stop == i || (officials && depth > 0) || tokens_is_punct(&d->t, stop, ':')) {
            i = stop > i ? stop : i + 1; /* a header ("Clyde:") is not a player */
            continue;
        }
        int e = stop - i == 1 ? person_by_surname(p, i, stop) : -1;
        if (e < 0 && stop - i == 1)
            e = person_by_name(d, tokens_folded(&d->t, i));
        if (e >= 0)
            doc_add_mention(d, i, stop, e, false);
        else
            e = add_person(d, i, stop);
        if (d->e[e].role == ROLE_UNKNOWN)
            d->e[e].role = officials ? ROLE_OFFICIAL : ROLE_PLAYER;
        i = stop;
    }
}

static void lineups(struct people *p)
{
    struct doc *d = p->d;
    size_t next = 0; /* the tokens before it are taken */
    for (size_t h = 0; h < p->nheads; h++) {
        size_t c = p->heads[h];
        if (c < next)
            continue;
        next = c + 1;
        bool officials = false;
        size_t end = c;
        if ((d->t.v[c].flags & TOK_PARA_START) && !(d->t.v[c].flags & TOK_TITLE))
            end = bare_list(d, c);
        if (end > c) {
            list_names(p, c, end, false);
            next = end;
            continue;
        }
        if (!tokens_is_punct(&d->t, c, ':') || !list_header(d, c, &officials))
            continue;
        end = c + 1;
        while (end < d->t.n && d->t.v[end].sentence == d->t.v[c].sentence &&
               !tokens_is_punct(&d->t, end, ':'))
            end++;
        if (end < d->t.n && tokens_is_punct(&d->t, end, ':'))
            while (end > c + 1 && !tokens_is_punct(&d->t, end - 1, ',') &&
                   !tokens_is_punct(&d->t, end - 1, ')'))
                end--; /* the next header starts after the last item */
        list_names(p, c + 1, end, officials);
    }
}

/* A place, not a person: a run of names before a ground word that is not
 * a name ("White Hart Lane"), or after "at", "in"... and ending in one
 * ("at Stanley Park"). */
static bool place_name(const struct doc *d, size_t s, size_t end)
{
    if (end < d->t.n && (d->t.v[end].flags & TOK_CAP) && (d->lex[end] & LEX_NOT_NAME) &&
        doc_word_in(d, end, WL_PLACE_NOUN))
        return true;
    return s > 0 && doc_word_in(d, s - 1, WL_PLACE_BEFORE) &&
           doc_word_in(d, end - 1, WL_PLACE_NOUN) && !(d->t.v[end - 1].flags & TOK_POSS);
}

/* A sub-heading: the run is a whole line of its own and does not start with
 * a given name ("Tactical Analysis", "Expert Verdict"; not "Bukayo Saka"). */
static bool heading_line(const struct people *p, size_t s, size_t end)
{
    const struct doc *d = p->d;
    return (d->t.v[s].flags & TOK_PARA_START) &&
           (end == d->t.n || (d->t.v[end].flags & TOK_PARA_START)) && !is_given_name(p, s) &&
           !is_initial(d, s);
}

/* Whether token i is a birthplace glued to "-born" ("Wembley-born Josh
 * Murphy", "Dutch-born"): a description, never part of the name after it. */
static bool born_word(const struct doc *d, size_t i)
{
    const char *w = tokens_folded(&d->t, i);
    size_t n = d->t.v[i].fend - d->t.v[i].fstart;
    return n > 5 && !strcmp(w + n - 5, "-born");
}

/* Multi-word runs: a person when the first word is a given name, an initial,
 * or a name particle, or nothing says otherwise. */
static void full_names(struct people *p)
{
    struct doc *d = p->d;
    size_t next = 0; /* the tokens before it are taken */
    for (size_t c = 0; c < p->ncaps; c++) {
        size_t i = p->caps[c];
        if (i < next || (d->t.v[i].flags & TOK_TITLE) || !name_token(p, i))
            continue;
        size_t end = run_end(p, i);
        size_t s = i;
        enum person_role role;
        while (s < end && (ordinary_start(p, s) || doc_word_in(d, s, WL_HONORIFIC) ||
                           doc_word_in(d, s, WL_DESCRIPTOR) || born_word(d, s) ||
                           doc_is_role_word(d, s, &role)))
            s++;
        if (end - s >= 3 && (d->t.v[s].flags & TOK_SENT_START) && !is_given_name(p, s) &&
            is_given_name(p, s + 1))
            s++; /* "Subtitute Robin van Persie": a stray word before a first name */
        bool ground = (d->t.v[end - 1].flags & TOK_POSS) && doc_word_in(d, end, WL_VENUE);
        bool county = s >= 2 && tokens_is_punct(&d->t, s - 1, '(') &&
                      tokens_is_punct(&d->t, end, ')') && (d->t.v[s - 2].flags & TOK_CAP);
        ground = ground || county; /* "M Dean (S Yorkshire)": the referee's county */
        bool saint = tokens_is(&d->t, s, "st") || tokens_is(&d->t, s, "saint");
        if (end - s >= 2 && end - s <= 5 && !ground && !saint && !place_name(d, s, end) &&
            !heading_line(p, s, end)) {
            int e = add_person(d, s, end);
            set_role(d, e, s, end);
        }
        next = end > i ? end : i + 1;
    }
}

/* A run of capitalised words in the title that names a person of the body
 * (in full or in part) becomes a mention of that person. */
static bool link_title_run(struct doc *d, size_t i, size_t end)
{
    const char *folded = doc_fold(d, doc_span_text(d, i, end));
    size_t len = strlen(folded);
    bool linked = false;
    for (size_t e = 0; e < d->ne && !linked; e++) {
        if (d->e[e].kind == ENTITY_PERSON &&
            name_part_of(folded, len, d->e[e].folded, strlen(d->e[e].folded))) {
            doc_add_mention(d, i, end, (int)e, false);
            linked = true;
        }
    }
    return linked;
}

/* Lone words: a mention of a known person's surname, or a new person when
 * the context says so. */
static void single_names(struct people *p, bool title)
{
    struct doc *d = p->d;
    size_t next = 0; /* the tokens before it are taken */
    for (size_t c = 0; c < p->ncaps; c++) {
        size_t i = p->caps[c];
        if (title && !(d->t.v[i].flags & TOK_TITLE))
            break; /* title tokens come first */
        if (i < next || ((d->t.v[i].flags & TOK_TITLE) != 0) != title || !name_token(p, i))
            continue;
        size_t end = run_end(p, i);
        if (end != i + 1 && title && end > i) {
            /* "Wharton and Muñoz" in a headline; a full name that only the
             * headline gives ("... fee for Joao Palhinha") is a person */
            if (!link_title_run(d, i, end) && end - i >= 2 && end - i <= 4 && is_given_name(p, i) &&
                !(d->t.v[end - 1].flags & TOK_POSS))
                add_person(d, i, end);
            next = end;
            continue;
        }
        if (end != i + 1) {
            next = end > i ? end : i + 1;
            continue;
        }
        int e = person_by_surname(p, i, end);
        if (e < 0)
            e = person_by_name(d, tokens_folded(&d->t, i));
        if (e < 0)
            e = person_by_first_name(p, i);
        if (e < 0 && !title && single_name_clue(p, i) &&
            (!ordinary_start(p, i) || !seen_lower(p, i)))
            e = add_person(d, i, end);
        else if (e >= 0)
            doc_add_mention(d, i, end, e, false);
        if (e >= 0)
            set_role(d, e, i, end);
    }
}

void people_find(struct doc *d)
{
    struct people p = {.d = d};
    count_words(&p);
    full_names(&p);
    lineups(&p);
    single_names(&p, false);
    single_names(&p, false); /* names introduced late link earlier mentions */
    single_names(&p, true);
}
