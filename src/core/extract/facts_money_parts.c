/* facts_money_parts: money that is part of another fact or of a list. An
 * add-on ("£40m plus £5m in add-ons") or an instalment ("in instalments of
 * £8m") belongs to the fee named before it: it is a fee marked as such
 * (qualifier add-ons or instalment) about the same player and clubs, never
 * a wage or a fee of its own. A list line ("Marc Vidal – €500m") takes its
 * kind from the heading or sentence that introduces the list. */
#include "core/extract/facts.h"

#include <string.h>
#include <strings.h>

/* Whether text[i] starts word w (case-insensitive) followed by a non-letter. */
static size_t word_len_at(const char *text, size_t len, size_t i, const char *w)
{
    size_t n = strlen(w);
    if (i + n > len || strncasecmp(text + i, w, n))
        return 0;
    if (i + n < len && ((text[i + n] | 32) >= 'a' && (text[i + n] | 32) <= 'z'))
        return 0;
    return n;
}

/* Skips one of the words (and the spaces after it) at text[i]. */
static size_t skip_one_of(const char *text, size_t len, size_t i, const char *const *words)
{
    for (size_t k = 0; words[k]; k++) {
        size_t n = word_len_at(text, len, i, words[k]);
        if (n) {
            i += n;
            while (i < len && text[i] == ' ')
                i++;
            return i;
        }
    }
    return i;
}

size_t facts_addon_end(const char *text, size_t len, size_t at)
{
    static const char *const links[] = {"in", "of", "worth of", NULL};
    static const char *const kinds[] = {
        "potential",   "possible", "further",     "additional", "performance-related",
        "performance", "related",  "conditional", "variable",   "bonus",
        "various",     "extra",    "other",       NULL};
    static const char *const addons[] = {"add-ons", "add-on",    "addons",   "add ons",
                                         "bonuses", "variables", "payments", NULL};
    size_t i = at;
    while (i < len && text[i] == ' ')
        i++;
    i = skip_one_of(text, len, i, links);
    for (int k = 0; k < 2; k++)
        i = skip_one_of(text, len, i, kinds);
    for (size_t k = 0; addons[k]; k++) {
        size_t n = word_len_at(text, len, i, addons[k]);
        /* "bonus payments" and "in payments" alone say nothing of a fee */
        if (n && (strcmp(addons[k], "payments") || !strncasecmp(text + i - 6, "bonus ", 6)))
            return i + n;
    }
    return 0;
}

/* The end of an amount at text[i] ("£5m", "€3.5 million"): the sign, the
 * number and its scale; 0 when none starts there. */
static size_t amount_end(const char *text, size_t len, size_t i)
{
    static const char *const signs[] = {"\xc2\xa3", "\xe2\x82\xac", "$", NULL};
    size_t at = i;
    for (size_t k = 0; signs[k] && at == i; k++)
        if (!strncmp(text + i, signs[k], strlen(signs[k])) && i + strlen(signs[k]) <= len)
            at = i + strlen(signs[k]);
    if (at == i || at >= len || text[at] < '0' || text[at] > '9')
        return 0;
    while (at < len && ((text[at] >= '0' && text[at] <= '9') || text[at] == '.' || text[at] == ','))
        at++;
    while (at < len && text[at] == ' ')
        at++;
    static const char *const scales[] = {"million", "billion", "bn", "m", "k", NULL};
    size_t n = 0;
    for (size_t k = 0; scales[k] && !n; k++)
        n = word_len_at(text, len, at, scales[k]);
    return n ? at + n : at;
}

size_t facts_addon_after(const char *text, size_t len, size_t at)
{
    static const char *const joins[] = {
        "plus", "+", "and", "with", "with a further", "and a further", "plus a further", NULL};
    size_t i = at;
    while (i < len && (text[i] == ' ' || text[i] == ','))
        i++;
    for (size_t k = 0; joins[k]; k++) {
        size_t n = strlen(joins[k]);
        if (i + n < len && !strncasecmp(text + i, joins[k], n) && text[i + n] == ' ') {
            size_t j = i + n;
            while (j < len && text[j] == ' ')
                j++;
            size_t end = amount_end(text, len, j);
            size_t addon = end ? facts_addon_end(text, len, end) : 0;
            if (addon)
                return addon;
        }
    }
    return 0;
}

/* "£40m including add-ons", "rising to £45m with add-ons": the amount is the
 * whole fee, not a part of it; "plus up to another €8m in add-ons" is a
 * part. */
static bool whole_fee(const struct doc *d, size_t start)
{
    static const char *const more[] = {"plus", "another", "a further", NULL};
    static const char *const total[] = {"up to",   "rising to", "rise to", "could rise to",
                                        "total",   "totalling", "in all",  "including",
                                        "overall", NULL};
    return facts_near_words(d, start, start, 25, 0, total) &&
           !facts_near_words(d, start, start, 20, 0, more);
}

/* The latest body fee in this sentence or the one before that is in the
 * same currency and no part itself: its index in d->f, or -1. */
static int fee_before(const struct doc *d, size_t s, size_t start, enum fact_currency currency)
{
    size_t ps = s, pe;
    size_t i = facts_token_before(d, s);
    if (i < d->t.n)
        subject_sentence(d, d->t.v[i].start, &ps, &pe);
    for (size_t k = d->nf; k-- > 0;) {
        const struct doc_fact *f = &d->f[k];
        if (f->kind == FACT_FEE && !f->span.in_title && f->currency == currency &&
            f->qualifier != FACT_ADD_ON && f->qualifier != FACT_INSTALMENT && f->span.start >= ps &&
            f->span.start < start)
            return (int)k;
    }
    return -1;
}

enum fact_qualifier facts_money_part(const struct doc *d, size_t start, size_t end, size_t s,
                                     size_t e, enum fact_currency currency, int *fee)
{
    static const char *const parts[] = {"instalment",   "instalments", "installment",
                                        "installments", "payments of", NULL};
    *fee = -1;
    bool addon = facts_addon_end(d->a->body, e, end) != 0;
    bool instalment = !addon && facts_near_words(d, start, end, 30, 20, parts);
    if ((!addon && !instalment) || whole_fee(d, start))
        return FACT_QUALIFIER_NONE;
    *fee = fee_before(d, s, start, currency);
    return addon ? FACT_ADD_ON : FACT_INSTALMENT;
}

/* The first body token of the sentence starting at body offset s. */
static size_t first_token(const struct doc *d, size_t s)
{
    size_t i = facts_token_before(d, s);
    if (i < d->t.n)
        return i + 1;
    for (i = 0; i < d->t.n && (d->t.v[i].flags & TOK_TITLE);)
        i++;
    return i;
}

/* The person a list line opens with ("Marc Vidal – €500m", "Marc Vidal
 * (Barcelona): €500m"), when the amount at `start` follows it and a dash
 * or colon; NO_ENTITY otherwise. */
static int list_line_person(const struct doc *d, size_t s, size_t start)
{
    size_t first = first_token(d, s);
    if (first < d->t.n && (d->t.v[first].flags & TOK_NUM) && first + 1 < d->t.n &&
        !strncmp(d->a->body + d->t.v[first + 1].start, ".", 1))
        first += 2; /* "1. Marc Vidal – €500m" */
    if (first >= d->t.n || d->owner[first] < 0)
        return NO_ENTITY;
    const struct doc_mention *m = &d->m[d->owner[first]];
    if (m->tok != first || d->e[m->entity].kind != ENTITY_PERSON)
        return NO_ENTITY;
    const char *t = d->a->body;
    size_t i = d->t.v[m->tok_end - 1].end;
    while (i < start && t[i] == ' ')
        i++;
    if (i < start && t[i] == '(') { /* "(Barcelona)" */
        const char *close = memchr(t + i, ')', start - i);
        if (!close)
            return NO_ENTITY;
        i = (size_t)(close - t) + 1;
        while (i < start && t[i] == ' ')
            i++;
    }
    static const char *const dashes[] = {"\xe2\x80\x93", "\xe2\x80\x94", "-", ":", NULL};
    for (size_t k = 0; dashes[k]; k++) {
        size_t n = strlen(dashes[k]);
        if (i + n <= start && !strncmp(t + i, dashes[k], n)) {
            i += n;
            while (i < start && t[i] == ' ')
                i++;
            return i == start ? m->entity : NO_ENTITY;
        }
    }
    return NO_ENTITY;
}

/* Whether the title holds one of the words. */
static bool title_says(const struct doc *d, const char *const *words)
{
    for (size_t i = 0; i < d->t.n && (d->t.v[i].flags & TOK_TITLE); i++)
        if (doc_token_in(d, i, words))
            return true;
    return false;
}

bool facts_money_list_line(const struct doc *d, size_t start, size_t s, enum fact_kind *kind,
                           int *subject)
{
    static const char *const clause[] = {"release clause",  "release clauses", "buy-out clause",
                                         "buy-out clauses", "buyout clause",   "buyout clauses",
                                         "buy-out",         "release",         NULL};
    static const char *const fees[] = {
        "fee",       "fees",   "signings",   "signing", "transfers", "transfer",   "sales",
        "sold",      "bought", "expensive",  "paid",    "record",    "departures", "arrivals",
        "purchases", "valued", "valuations", "price",   NULL};
    int person = list_line_person(d, s, start);
    if (person == NO_ENTITY)
        return false;
    /* The list's introduction: the nearest sentence before that is not a
     * line of the list, else the title. */
    size_t at = s;
    for (int k = 0; k < 40; k++) {
        size_t i = facts_token_before(d, at);
        if (i >= d->t.n)
            break;
        size_t ps, pe;
        subject_sentence(d, d->t.v[i].start, &ps, &pe);
        at = ps;
        size_t first = first_token(d, ps);
        if (first < d->t.n && d->owner[first] >= 0 &&
            d->e[d->m[d->owner[first]].entity].kind == ENTITY_PERSON && pe - ps < 80)
            continue; /* another line of the list */
        if (pe - ps <= 4 && (d->t.v[first].flags & TOK_NUM))
            continue; /* "1." before a line */
        if (subject_has_word(d, ps, pe, clause)) {
            *kind = FACT_RELEASE_CLAUSE;
            *subject = person;
            return true;
        }
        if (subject_has_word(d, ps, pe, fees)) {
            *kind = FACT_FEE;
            *subject = person;
            return true;
        }
        break;
    }
    static const char *const title_clause[] = {"buy-out", "buyout", "release", NULL};
    static const char *const title_fees[] = {"fee",       "fees",      "signings", "sales",
                                             "expensive", "record",    "valued",   "valuations",
                                             "bought",    "purchases", NULL};
    if (title_says(d, title_clause))
        *kind = FACT_RELEASE_CLAUSE;
    else if (title_says(d, title_fees))
        *kind = FACT_FEE;
    else
        return false;
    *subject = person;
    return true;
}
