/* facts_find: runs each fact pattern over the sentences that trigger it and
 * hands its matches to the rules of their kind (facts_money.c,
 * facts_counts.c, facts_age.c, facts_contract.c; loans, interest and
 * sources are here), then sorts the facts and drops repeats. Also the
 * helpers those rules share. */
#include "core/extract/facts.h"
#include "core/base/xalloc.h"
#include "core/extract/extract_scratch.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Index of the last body token that ends at or before byte `at` (d->t.n
 * when none). Title tokens come first and body tokens in order, so this is
 * a binary search for the first token that is neither. */
size_t facts_token_before(const struct doc *d, size_t at)
{
    size_t lo = 0, hi = d->t.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct token *tk = &d->t.v[mid];
        if ((tk->flags & TOK_TITLE) || tk->end <= at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 && !(d->t.v[lo - 1].flags & TOK_TITLE) ? lo - 1 : d->t.n;
}

static const char *const from_words[] = {"from", NULL};
static const char *const to_words[] = {"to", "join", "joined", "joins", "joining", NULL};

struct doc_fact *facts_add(struct doc *d, enum fact_kind kind, size_t start, size_t end)
{
    d->f = xgrow(d->f, &d->fcap, d->nf + 1, sizeof *d->f);
    struct doc_fact *f = &d->f[d->nf++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->subject = f->team = f->from = f->to = f->club = NO_ENTITY;
    f->goals = -1;
    f->span = (struct mention){start, end, false};
    return f;
}

bool facts_near_words(const struct doc *d, size_t start, size_t end, size_t before, size_t after,
                      const char *const *words)
{
    size_t from = start > before ? start - before : 0;
    return subject_has_word(d, from, end + after, words);
}

/* The word right after [at] is one of the words. */
bool facts_next_word_in(const struct doc *d, size_t at, const char *const *words)
{
    size_t i = facts_token_before(d, at) + 1;
    if (i >= d->t.n || (d->t.v[i].flags & TOK_TITLE) || d->t.v[i].start > at + 2)
        return false;
    return doc_token_in(d, i, words);
}

/* "on loan at Heerenveen", "a loan spell with Vitesse": the club named right
 * after the loan word is where he went, whatever "to X" the sentence has
 * further on. NO_ENTITY when no club follows. */
static int club_loaned_to(const struct doc *d, size_t end)
{
    static const char *const at_words[] = {"at", "to", "with", "spell", "spells", NULL};
    if (!facts_next_word_in(d, end, at_words))
        return NO_ENTITY;
    size_t w = facts_token_before(d, end) + 1; /* the word after: at, to, with, spell */
    size_t limit = w + 2 < d->t.n ? d->t.v[w + 2].start : d->t.v[d->t.n - 1].start;
    for (size_t k = subject_first_mention_from(d, d->t.v[w].end); k < d->nm; k++) {
        const struct token *t = &d->t.v[d->m[k].tok];
        if (t->start > limit)
            break;
        if (t->start > d->t.v[w].start && !(t->flags & TOK_TITLE) &&
            d->e[d->m[k].entity].kind == ENTITY_CLUB)
            return d->m[k].entity;
    }
    return NO_ENTITY;
}

static void on_loan(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    size_t s, e, la, lb;
    subject_sentence(d, m->start, &s, &e);
    struct doc_fact *f = facts_add(d, FACT_LOAN, m->start, m->end);
    if (facts_group(m, "len", &la, &lb))
        f->loan_length = xstrndup(m->text + la, lb - la);
    f->from = subject_entity_after_word(d, ENTITY_CLUB, s, e, from_words);
    f->to = club_loaned_to(d, m->end);
    if (f->to == NO_ENTITY)
        f->to = subject_entity_after_word(d, ENTITY_CLUB, s, e, to_words);
    f->subject = subject_person(d, m->start, m->end, true);
}

static void on_interest(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    size_t s, e;
    subject_sentence(d, m->start, &s, &e);
    int club = subject_entity_near(d, ENTITY_CLUB, s, m->start, m->start, -1);
    if (club == NO_ENTITY)
        return;
    /* The player named right after ("monitoring Ivan Toney", "keen on
     * signing X"), or the article's player for "the situation" / "him". */
    static const char *const anaphors[] = {"him",
                                           "the situation",
                                           "his situation",
                                           "the player",
                                           "the defender",
                                           "the midfielder",
                                           "the striker",
                                           "the forward",
                                           "the winger",
                                           "the goalkeeper",
                                           NULL};
    size_t window = m->end + 30 < e ? m->end + 30 : e;
    int person = subject_entity_near(d, ENTITY_PERSON, m->end, window, m->end, 1);
    if (person == NO_ENTITY &&
        subject_has_word(d, m->end, m->end + 20 < e ? m->end + 20 : e, anaphors))
        person = subject_topic(d, m->start, true);
    if (person == NO_ENTITY)
        return;
    struct doc_fact *f = facts_add(d, FACT_INTEREST, m->start, m->end);
    f->club = club;
    f->subject = person;
}

static void add_source(struct doc *d, int media, size_t start, size_t end)
{
    for (size_t i = 0; i < d->nf; i++)
        if (d->f[i].kind == FACT_SOURCE && d->f[i].club == media)
            return;
    struct doc_fact *f = facts_add(d, FACT_SOURCE, start, end);
    f->club = media;
    f->subject = subject_person(d, start, end, true);
}

static void on_source(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    int media = subject_entity_near(d, ENTITY_MEDIA, m->end, m->end + 40, m->end, 1);
    if (media != NO_ENTITY)
        add_source(d, media, m->start, m->end);
}

static void on_source_after(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    size_t from = m->start > 30 ? m->start - 30 : 0;
    int media = subject_entity_near(d, ENTITY_MEDIA, from, m->start, m->start, -1);
    if (media != NO_ENTITY)
        add_source(d, media, m->start, m->end);
}

/* A title's money that the body gives too (whoever it is about there). */
static bool title_repeat(const struct doc_fact *body, const struct doc_fact *title)
{
    return title->span.in_title && !body->span.in_title && body->kind == title->kind &&
           body->value == title->value && body->currency == title->currency;
}

static bool same_fact(const struct doc_fact *a, const struct doc_fact *b)
{
    return a->kind == b->kind && a->has_value == b->has_value && a->value == b->value &&
           a->subject == b->subject &&
           (a->kind > FACT_RELEASE_CLAUSE || a->currency == b->currency) &&
           (a->kind != FACT_INTEREST || a->club == b->club) &&
           (a->kind != FACT_CONTRACT || a->type == b->type);
}

/* Keeps the first of facts that say the same thing. */
static void dedupe(struct doc *d)
{
    size_t out = 0;
    for (size_t i = 0; i < d->nf; i++) {
        bool dup = false;
        for (size_t k = 0; k < out && !dup; k++)
            dup = d->f[i].kind != FACT_LOAN &&
                  (same_fact(&d->f[k], &d->f[i]) || title_repeat(&d->f[k], &d->f[i]));
        if (dup)
            free(d->f[i].loan_length);
        else
            d->f[out++] = d->f[i];
    }
    d->nf = out;
}

static int compare_facts(const void *pa, const void *pb)
{
    const struct doc_fact *a = pa, *b = pb; /* the body's first: they win over the title's */
    if (a->span.in_title != b->span.in_title)
        return a->span.in_title ? 1 : -1;
    return a->span.start < b->span.start ? -1 : a->span.start > b->span.start;
}

/* Per sentence: the patterns its words trigger, those whose required
 * literals it holds (facts_literals), and its last token. */
struct sentences {
    unsigned *mask;
    unsigned *literals;
    uint32_t *last;
    size_t n;
};

static void sentence_triggers(const struct doc *d, struct sentences *st)
{
    const struct facts_patterns *p = d->ex->patterns;
    st->n = d->t.nsentences;
    size_t ns = st->n + 1;
    st->mask =
        extract_scratch_zeroed(d->sc, SCRATCH_SENTENCES,
                               ns * (sizeof *st->mask + sizeof *st->literals + sizeof *st->last));
    st->literals = st->mask + ns;
    st->last = (uint32_t *)(st->literals + ns);
    /* Per run of tokens of one sentence (they follow one another), its mask
     * gathered in a register and stored once; the arrays in locals. */
    const struct token *v = d->t.v;
    const uint32_t *fact_triggers = d->fact_triggers;
    uint32_t *mask = st->mask, *last = st->last;
    size_t n = d->t.n;
    uint32_t sentence = n ? v[0].sentence : 0, acc = 0;
    for (size_t i = 0; i < n; i++) {
        const struct token *tk = &v[i];
        if (tk->sentence != sentence) {
            mask[sentence] |= acc;
            last[sentence] = (uint32_t)i - 1;
            sentence = tk->sentence;
            acc = 0;
        }
        if (!(tk->flags & (TOK_TITLE | TOK_ASIDE)))
            acc |= fact_triggers[tk->word] | /* the form's, worked out once */
                   ((tk->flags & TOK_NUM) && facts_age_said_at(d, i) ? 1u << P_AGE_SAID : 0);
    }
    if (n) {
        mask[sentence] |= acc;
        last[sentence] = (uint32_t)n - 1;
    }
    /* The literals matter only in sentences that trigger a pattern which
     * requires some: the others are never scanned for them. */
    for (size_t s = 0; s <= st->n; s++)
        st->literals[s] = p->no_literals;
    for (size_t s = 0, i = 0; s < st->n && i < d->t.n; s++) { /* a sentence's tokens follow
                                                               * one another */
        if (d->t.v[i].sentence != s)
            continue; /* a sentence without tokens */
        size_t end = st->last[s] + 1;
        if (!(st->mask[s] & ~p->no_literals)) {
            i = end;
            continue;
        }
        for (; i < end; i++) {
            struct word_info *w = doc_word_info(d, d->t.v[i].word);
            if (w->literals == WORD_LITERALS_UNKNOWN)
                w->literals = facts_literals(p, d, i); /* one form, one answer */
            st->literals[s] |= w->literals;
        }
    }
}

/* Whether a body mention of an entity of `kind` starts in [from, to]. */
static bool mention_starts_in(const struct doc *d, enum entity_kind kind, size_t from, size_t to)
{
    for (size_t k = subject_first_mention_from(d, from); k < d->nm; k++) {
        if (d->t.v[d->m[k].tok].start > to)
            return false;
        if (d->e[d->m[k].entity].kind == kind)
            return true;
    }
    return false;
}

/* Whether a match of pattern p in body bytes [start, end) could make a
 * fact: interest needs a club before it in its sentence (on_interest),
 * a source a medium named at most 40 bytes after it (on_source) or 30
 * before it (on_source_after). Those rules do nothing else, so a run
 * where none is named cannot give a fact. */
static bool run_can_give(const struct doc *d, int p, size_t start, size_t end)
{
    switch (p) {
    case P_INTEREST:
        return mention_starts_in(d, ENTITY_CLUB, start, end);
    case P_SOURCE:
        return mention_starts_in(d, ENTITY_MEDIA, start, end + 40);
    case P_SOURCE_AFTER:
        return mention_starts_in(d, ENTITY_MEDIA, start > 30 ? start - 30 : 0, end);
    default:
        return true;
    }
}

/* Runs pattern p over each run of consecutive sentences that trigger it
 * (title sentences trigger nothing). */
static void run_over_triggered(struct doc *d, struct facts_scan *scan, const struct sentences *st,
                               int p, void (*fn)(struct match *, void *))
{
    unsigned bit = 1u << p;
    for (size_t s = 0; s < st->n; s++) {
        if (!(st->mask[s] & bit))
            continue;
        size_t first = s == 0 ? 0 : st->last[s - 1] + 1, e = s;
        unsigned literals = st->literals[s];
        while (e + 1 < st->n && (st->mask[e + 1] & bit))
            literals |= st->literals[++e];
        size_t start = d->t.v[first].start, end = d->t.v[st->last[e]].end;
        if ((literals & bit) && run_can_give(d, p, start, end)) /* else no fact can come of it */
            facts_each_match(d->ex->patterns, scan, p, d->a->body, start, end, fn, d);
        s = e;
    }
}

/* The thread's match data and context, made once for these patterns. */
static struct facts_scan *thread_scan(struct doc *d)
{
    struct extract_scratch *sc = d->sc;
    const struct facts_patterns *p = d->ex->patterns;
    if (sc->scan && pcre2_get_ovector_count(sc->scan->md) != p->ovector_pairs) {
        facts_scan_free(sc->scan); /* made for other patterns */
        free(sc->scan);
        sc->scan = NULL;
    }
    if (!sc->scan) {
        sc->scan = xmalloc(sizeof *sc->scan);
        facts_scan_init(sc->scan, p);
    }
    return sc->scan;
}

void facts_find(struct doc *d)
{
    static void (*const handlers[P_COUNT])(struct match *, void *) = {
        [P_MONEY] = facts_on_money,
        [P_CAPS] = facts_on_caps,
        [P_APPEARANCES] = facts_on_appearances,
        [P_AGE] = facts_on_age,
        [P_AGE_SAID] = facts_on_age,
        [P_CONTRACT_END] = facts_on_contract_end,
        [P_CONTRACT_LENGTH] = facts_on_contract_length,
        [P_LOAN] = on_loan,
        [P_INTEREST] = on_interest,
        [P_SOURCE] = on_source,
        [P_SOURCE_AFTER] = on_source_after,
        [P_BARE_MONEY] = facts_on_money,
    };
    struct sentences st;
    sentence_triggers(d, &st);
    struct facts_scan *scan = thread_scan(d);
    for (int p = 0; p < P_COUNT; p++)
        if (handlers[p])
            run_over_triggered(d, scan, &st, p, handlers[p]);
    facts_find_title(d, scan);
    if (d->nf > 1)
        qsort(d->f, d->nf, sizeof *d->f, compare_facts);
    dedupe(d);
}
