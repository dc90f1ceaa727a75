/* facts_respective: "respectively" pairs its lists in order. In "Rossi and
 * Ferri have 12 and 30 caps respectively" or "aged 22 and 25 respectively"
 * the pattern matches one number of the list; the others are read here,
 * each becomes a fact of the same kind, and the nth number is about the nth
 * player the sentence names. */
#include "core/extract/facts.h"
#include "core/extract/money.h"

#include <stdint.h>
#include <string.h>

enum { MAX_LISTED = 6 };

/* Token i is "and" or a comma of a list. */
static bool list_joint(const struct doc *d, size_t i)
{
    return tokens_is(&d->t, i, "and") || tokens_is(&d->t, i, ",");
}

/* Token i is a number of the body in [s, e); its value in *v. */
static bool number_token(const struct doc *d, size_t i, size_t s, size_t e, double *v)
{
    if (i >= d->t.n || !(d->t.v[i].flags & TOK_NUM) || (d->t.v[i].flags & TOK_TITLE))
        return false;
    const struct token *tk = &d->t.v[i];
    return tk->start >= s && tk->end <= e &&
           money_number(d->a->body + tk->start, tk->end - tk->start, v);
}

size_t facts_respective_list(struct doc *d, enum fact_kind kind, int team, size_t start, size_t end,
                             double lo, double hi)
{
    static const char *const respectively[] = {"respectively", NULL};
    size_t s, e;
    subject_sentence(d, start, &s, &e);
    if (!subject_has_word(d, start, e, respectively))
        return NOT_LISTED;
    size_t toks[2 * MAX_LISTED];
    double vals[2 * MAX_LISTED];
    size_t nbefore = 0, n = 0;
    size_t i = facts_token_before(d, start); /* "12 and [30 caps]" */
    double v;
    while (nbefore < MAX_LISTED && i < d->t.n && i >= 1 && list_joint(d, i) &&
           number_token(d, i - 1, s, e, &v)) {
        toks[MAX_LISTED - 1 - nbefore] = i - 1;
        vals[MAX_LISTED - 1 - nbefore] = v;
        nbefore++;
        i -= 2;
    }
    memmove(toks, toks + MAX_LISTED - nbefore, nbefore * sizeof *toks);
    memmove(vals, vals + MAX_LISTED - nbefore, nbefore * sizeof *vals);
    n = nbefore;
    size_t own = n++;                          /* the number the pattern matched */
    size_t j = facts_token_before(d, end) + 1; /* "[aged 22] and 25" */
    while (n < 2 * MAX_LISTED && j + 1 < d->t.n && list_joint(d, j) &&
           number_token(d, j + 1, s, e, &v)) {
        toks[n] = j + 1;
        vals[n++] = v;
        j += 2;
    }
    if (n < 2)
        return NOT_LISTED;
    for (size_t k = 0; k < n; k++) {
        if (k == own || vals[k] < lo || vals[k] > hi)
            continue;
        const struct token *tk = &d->t.v[toks[k]];
        struct doc_fact *f = facts_add(d, kind, tk->start, tk->end);
        f->has_value = true;
        f->value = vals[k];
        f->team = team;
        f->subject = subject_respective(d, start, k);
    }
    return own;
}
