/* facts_contract: a contract's end year or length, its status (signed,
 * offered, expires), and one fact for each player of "both contracts". */
#include "core/extract/facts.h"

#include <stdlib.h>

static const char *const loan_not_contract[] = {"loan", NULL};
static const char *const contract_words[] = {
    "contract",  "deal",   "extension", "terms",    "agreement", "signed", "sign",     "tied",
    "committed", "commit", "stay",      "extend",   "extended",  "option", "new deal", "keep him",
    "expires",   "expire", "expiring",  "runs out", "run out",   NULL};
static const char *const expires_words[] = {"expire",   "expires", "expiring",   "run out",
                                            "runs out", "ends",    "end of his", NULL};
static const char *const signed_words[] = {"signed",    "sign",      "signs",   "agreed",
                                           "penned",    "committed", "put pen", "extended",
                                           "completed", NULL};
static const char *const offered_words[] = {
    "offer", "offered", "talks", "negotiat", "proposed", "new deal", "extension", "wants", NULL};

/* The contract's status from the words just before the phrase, else from
 * its sentence: "will sign a four-year deal" is signed even in a sentence
 * that also says the old one expires. */
static enum fact_status contract_status(const struct doc *d, size_t s, size_t e, size_t at)
{
    size_t near = at > s + 30 ? at - 30 : s;
    if (subject_has_word(d, near, at, signed_words))
        return FACT_SIGNED;
    if (subject_has_word(d, near, at, offered_words))
        return FACT_OFFERED;
    if (subject_has_word(d, s, e, expires_words))
        return FACT_EXPIRES;
    if (subject_has_word(d, s, e, signed_words))
        return FACT_SIGNED;
    if (subject_has_word(d, s, e, offered_words))
        return FACT_OFFERED;
    return FACT_STATUS_NONE;
}

/* "Both contracts expire in 2026": the fact (the last one added) once for
 * each player the phrase is about. */
static void share_fact(struct doc *d)
{
    int who[4];
    size_t n = subject_shared(d, d->f[d->nf - 1].span.start, who, 4);
    if (!n)
        return;
    d->f[d->nf - 1].subject = who[0];
    for (size_t i = 1; i < n; i++) {
        struct doc_fact copy = d->f[d->nf - 1];
        struct doc_fact *f = facts_add(d, copy.kind, copy.span.start, copy.span.end);
        *f = copy;
        f->loan_length = NULL;
        f->subject = who[i];
    }
}

/* "a release clause that becomes active in the summer of 2025": when a
 * clause starts, not when the contract ends. */
static bool clause_starts(const struct doc *d, const struct match *m)
{
    static const char *const clause[] = {"clause", NULL};
    static const char *const starts[] = {
        "active",     "valid",       "kicks in", "kick in", "into effect", "activated",  "applies",
        "applicable", "triggerable", "from",     "drops",   "falls",       "comes into", NULL};
    return facts_near_words(d, m->start, m->start, 60, 0, clause) &&
           facts_near_words(d, m->start, m->start, 30, 0, starts);
}

void facts_on_contract_end(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    size_t ya, yb, s, e;
    if (!facts_group(m, "y", &ya, &yb))
        return;
    subject_sentence(d, m->start, &s, &e);
    if (!facts_near_words(d, m->start, m->end, 90, 10, contract_words) ||
        facts_near_words(d, m->start, m->end, 40, 0, loan_not_contract) || clause_starts(d, m))
        return;
    struct doc_fact *f = facts_add(d, FACT_CONTRACT, m->start, m->end);
    f->has_value = true;
    f->value = atoi(m->text + ya);
    f->type = FACT_TYPE_END;
    f->status = contract_status(d, s, e, m->start);
    f->subject = subject_person(d, m->start, m->end, false);
    share_fact(d);
}

void facts_on_contract_length(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    static const char *const names[] = {"n", "n2", "n4", NULL};
    double n = 1;
    size_t ua, ub, s, e;
    if (facts_group(m, "n3", &ua, &ub)) /* "an option for a further year" */
        ua = ub;
    else if (!facts_group_number(m, names, &n) ||
             (!facts_group(m, "unit", &ua, &ub) && !facts_group(m, "unit2", &ua, &ub) &&
              !facts_group(m, "unit4", &ua, &ub)) ||
             n <= 0)
        return;
    if (facts_group(m, "n4", &s, &e) &&
        !facts_near_words(d, m->start, m->end, 90, 25, contract_words))
        return; /* "offering one extra year" of a contract, not of anything else */
    if (ua < ub && (m->text[ua] | 32) == 'm')
        n /= 12;
    if (n > 10)
        return;
    subject_sentence(d, m->start, &s, &e);
    struct doc_fact *f = facts_add(d, FACT_CONTRACT, m->start, m->end);
    f->has_value = true;
    f->value = n;
    f->type = FACT_TYPE_LENGTH;
    f->status = contract_status(d, s, e, m->start);
    f->subject = subject_person(d, m->start, m->end, false);
    share_fact(d);
}
