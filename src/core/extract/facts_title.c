/* facts_title: facts a headline gives ("Fulham agree £19m fee for Joao
 * Palhinha", "Barcelona set €1bn buy-out clause for Pedri"). Headlines are
 * short and their grammar is clipped, so only money is read there: a fee
 * or a release clause when a word of the headline says which, about the
 * one person the headline names. Its span is in the title (in_title); a
 * fact the body also gives is kept from the body (facts_find dedupes). */
#include "core/extract/facts.h"

#include <string.h>

static const char *const title_fee_words[] = {
    "fee",      "bid",      "offer",    "deal",      "move",   "sign",  "signs",  "signing",
    "seal",     "seals",    "complete", "completes", "join",   "joins", "agree",  "agreed",
    "agrees",   "transfer", "swoop",    "switch",    "want",   "wants", "valued", "price",
    "rejected", "reject",   "accept",   "accepted",  "record", "buy",   "buys",   "sell",
    "sells",    "sold",     "snap",     "loan",      NULL};
static const char *const title_clause_words[] = {"buy-out", "buyout", "release", NULL};
static const char *const title_not_fee[] = {
    "takeover", "wage",       "wages",       "salary", "week",  "year",     "fine",  "fined",
    "prize",    "stake",      "revenue",     "profit", "loss",  "losses",   "debt",  "stadium",
    "invest",   "investment", "sponsorship", "bonus",  "spend", "spending", "spree", NULL};
static const char *const title_asking[] = {"want",   "wants",   "valued", "value",
                                           "demand", "demands", "price",  NULL};

/* Whether a title token in [from, to) is one of the words. */
static bool title_has(const struct doc *d, size_t from, size_t to, const char *const *words)
{
    for (size_t i = from; i < to && i < d->t.n && (d->t.v[i].flags & TOK_TITLE); i++)
        if (doc_token_in(d, i, words))
            return true;
    return false;
}

/* The number of title tokens. */
static size_t title_tokens(const struct doc *d)
{
    size_t n = 0;
    while (n < d->t.n && (d->t.v[n].flags & TOK_TITLE))
        n++;
    return n;
}

/* Whether title[from, to) holds a currency sign (£, €, $). */
static bool money_between(const char *t, size_t from, size_t to)
{
    for (size_t i = from; i < to; i++)
        if (t[i] == '$' || !strncmp(t + i, "\xc2\xa3", 2) || !strncmp(t + i, "\xe2\x82\xac", 3))
            return true;
    return false;
}

/* The person the title's money ending at byte `at` is about: the first one
 * the title names after it before any other amount ("... fee for Joao
 * Palhinha"), else the nearest before it. */
static int title_person(const struct doc *d, size_t at)
{
    int before = NO_ENTITY;
    for (size_t k = 0; k < d->nm; k++) {
        const struct doc_mention *m = &d->m[k];
        if (!(d->t.v[m->tok].flags & TOK_TITLE) || d->e[m->entity].kind != ENTITY_PERSON)
            continue;
        size_t start = d->t.v[m->tok].start;
        if (start >= at && money_between(d->a->title, at, start))
            break; /* the next amount's person */
        if (start >= at)
            return m->entity;
        before = m->entity;
    }
    return before;
}

/* The title token that starts at byte `at`. */
static size_t title_token_at(const struct doc *d, size_t at, size_t n)
{
    size_t i = 0;
    while (i + 1 < n && d->t.v[i].end <= at)
        i++;
    return i;
}

/* The selling and buying clubs: "from X" anywhere, else the club nearest
 * before the amount is the buyer, or the seller when it asks a price. */
static void title_clubs(const struct doc *d, size_t at, struct doc_fact *f, bool asking)
{
    for (size_t k = 0; k < d->nm; k++) {
        const struct doc_mention *m = &d->m[k];
        const struct token *a = &d->t.v[m->tok];
        if (!(a->flags & TOK_TITLE) || d->e[m->entity].kind != ENTITY_CLUB)
            continue;
        if (m->tok > 0 && tokens_is(&d->t, m->tok - 1, "from") && f->from == NO_ENTITY)
            f->from = m->entity;
        else if (a->start < at && f->from == NO_ENTITY)
            f->to = m->entity; /* the nearest before */
    }
    if (asking && f->from == NO_ENTITY) { /* "Chelsea want £70m for ..." */
        f->from = f->to;
        f->to = NO_ENTITY;
    }
    if (f->to == f->from)
        f->to = NO_ENTITY;
}

static void on_title_money(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    double value;
    enum fact_currency currency;
    size_t n = title_tokens(d);
    if ((!facts_money_amount(m, &value, &currency) &&
         !facts_bare_money_amount(d, m, &value, &currency)) ||
        title_has(d, 0, n, title_not_fee))
        return;
    size_t i = title_token_at(d, m->start, n);
    bool clause = title_has(d, i, i + 5, title_clause_words);
    if (!clause && !title_has(d, 0, n, title_fee_words))
        return;
    struct doc_fact *f = facts_add(d, clause ? FACT_RELEASE_CLAUSE : FACT_FEE, m->start, m->end);
    f->span.in_title = true;
    f->has_value = true;
    f->value = value;
    f->currency = currency;
    size_t addon = facts_addon_after(d->a->title, strlen(d->a->title), m->end);
    f->subject = title_person(d, addon ? addon : m->end); /* past "plus £5m add-ons" */
    if (f->subject == NO_ENTITY)                          /* "Ajax midfielder completes 42m move" */
        f->subject = subject_main_player(d);
    if (!clause) {
        bool asking = title_has(d, 0, n, title_asking);
        f->qualifier = asking ? FACT_ASKING : FACT_QUALIFIER_NONE;
        if (facts_addon_end(d->a->title, strlen(d->a->title), m->end))
            f->qualifier = FACT_ADD_ON; /* "£40m plus £5m add-ons" */
        title_clubs(d, m->start, f, asking);
    }
}

void facts_find_title(struct doc *d, struct facts_scan *scan)
{
    const char *t = d->a->title;
    if (t && *t) {
        facts_each_match(d->ex->patterns, scan, P_MONEY, t, 0, strlen(t), on_title_money, d);
        facts_each_match(d->ex->patterns, scan, P_BARE_MONEY, t, 0, strlen(t), on_title_money, d);
    }
}
