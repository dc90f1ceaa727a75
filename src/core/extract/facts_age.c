/* facts_age: a person's stated age, now or at another time ("joined at
 * the age of 11"), and whom it belongs to: the name or description it is
 * in apposition to, the speaker of a quote, the person of the sentence. */
#include "core/extract/facts.h"

#include <string.h>
#include <strings.h>

/* "The 26-year-old" at the start of a clause refers back to someone. */
static bool anaphoric(const struct match *m)
{
    size_t a, b;
    if (!facts_group(m, "n", &a, &b) || m->start < 4)
        return false;
    return strncasecmp(m->text + m->start - 4, "the ", 4) == 0;
}

/* "the 31-year-old Brazilian midfielder": a player's role right after. */
static bool player_role_follows(const struct doc *d, size_t at)
{
    size_t i = facts_token_before(d, at) + 1;
    for (size_t k = i; k < i + 3 && k < d->t.n; k++) {
        enum person_role role;
        if (doc_is_role_word(d, k, &role))
            return role == ROLE_PLAYER;
    }
    return false;
}

static const char *const age_names[] = {"n",  "n2", "n3", "n4",  "n5", "n6",
                                        "n7", "n8", "n9", "n10", NULL};

/* Words before an age that put it at another time: "made his debut aged
 * 16", "joined the academy at 11". */
static const char *const then_words[] = {"debut",   "joined", "signed",
                                         "arrived", "left",   "moved",
                                         "first",   "when",   "turned professional",
                                         "academy", NULL};

/* An age at another time: "joined at the age of 11", "when he was 18",
 * "made his debut aged 16", "joined at 11". */
static bool age_at_the_time(const struct doc *d, const struct match *m)
{
    size_t a, b;
    static const char *const at_the[] = {"at the", NULL};
    if (facts_group(m, "n4", &a, &b) || facts_group(m, "n10", &a, &b))
        return true;
    return facts_group(m, "n2", &a, &b) &&
           (facts_near_words(d, m->start, m->start, 8, 0, at_the) ||
            facts_near_words(d, m->start, m->start, 30, 0, then_words));
}

/* "I will be 35", "I'm 30" in a quote: the speaker's age. */
static bool first_person_age(const struct doc *d, const struct match *m)
{
    static const char *const i_words[] = {"i will", "i'll", "i would", "i'd", "i'm", "i am", NULL};
    return facts_near_words(d, m->start, m->end, 9, 0, i_words);
}

/* The speaker of a quote that gives his own age: the person named right
 * after "said", "says"... in the sentence ("'I'm 30 now,' said X"), else
 * the person the article is about. */
static int speaker(const struct doc *d, const struct match *m)
{
    static const char *const said[] = {"said", "says",     "added",     "admitted",
                                       "told", "insisted", "explained", NULL};
    size_t s, e;
    subject_sentence(d, m->start, &s, &e);
    int p = subject_entity_after_word(d, ENTITY_PERSON, m->end, e, said);
    return p != NO_ENTITY ? p : subject_topic(d, m->start, true);
}

/* "Ryan Dell is 24 and", "he was 19 when": an age after a name or a
 * pronoun; NO_ENTITY for anything else ("the gap is 10"). */
static int stated_age_subject(const struct doc *d, const struct match *m)
{
    size_t at = m->start > 0 ? m->start - 1 : 0; /* the space before "is" */
    int p = subject_adjacent_person(d, at, at);
    if (p != NO_ENTITY)
        return p;
    static const char *const pronouns[] = {"he", "she", NULL};
    size_t i = facts_token_before(d, m->start);
    return i < d->t.n && doc_token_in(d, i, pronouns) ? subject_topic(d, m->start, true)
                                                      : NO_ENTITY;
}

/* "The Spain international, 24,": the description's first token (after
 * "the" or a sentence start) and its last, the role word before the age. */
static int description_subject(const struct doc *d, size_t role_tok, bool player)
{
    size_t from = role_tok;
    while (from > 0 && role_tok - from < 4 && !(d->t.v[from].flags & TOK_SENT_START) &&
           !tokens_is(&d->t, from - 1, "the") && !tokens_is(&d->t, from - 1, ","))
        from--;
    int fits = subject_described(d, from, role_tok + 1);
    return fits != NO_ENTITY ? fits : subject_topic(d, d->t.v[from].start, player);
}

/* "The former Ajax man, 27," or "The Czech, 27,": token i ends a
 * description that opens with "the" a few words before, and is "man" or a
 * capitalised word that names no one. */
static bool described_noun(const struct doc *d, size_t i)
{
    const struct token *tk = &d->t.v[i];
    bool noun = tokens_is(&d->t, i, "man") ||
                ((tk->flags & TOK_CAP) && !(tk->flags & TOK_SENT_START) &&
                 (d->owner[i] < 0 || d->e[d->m[d->owner[i]].entity].kind != ENTITY_PERSON));
    if (!noun || !(tk->flags & TOK_WORD))
        return false;
    for (size_t k = i; k > 0 && i - k < 4; k--) {
        if (d->t.v[k - 1].sentence != tk->sentence || !(d->t.v[k - 1].flags & TOK_WORD))
            return false;
        if (tokens_is(&d->t, k - 1, "the"))
            return true;
    }
    return false;
}

/* "until 2034, when he turns 34": a "when he turns" right after a year
 * gives the age at that time, not a hypothetical one. */
static bool turns_at_a_year(const struct doc *d, size_t at)
{
    size_t i = facts_token_before(d, at); /* "he" */
    if (i >= d->t.n || i < 3 || !tokens_is(&d->t, i - 1, "when") ||
        !tokens_is_punct(&d->t, i - 2, ','))
        return false;
    const struct token *y = &d->t.v[i - 3];
    const char *w = tokens_folded(&d->t, i - 3);
    return (y->flags & TOK_NUM) && y->fend - y->fstart == 4 && (w[0] == '1' || w[0] == '2');
}

/* The person whose name ends right before body offset `at` ("Rooney, 19,"). */
static int person_ending_at(const struct doc *d, size_t at)
{
    for (size_t k = subject_first_mention_from(d, at > 256 ? at - 256 : 0); k < d->nm; k++) {
        const struct doc_mention *mn = &d->m[k];
        const struct token *a = &d->t.v[mn->tok], *b = &d->t.v[mn->tok_end - 1];
        if (a->start >= at)
            break;
        if (!(a->flags & TOK_TITLE) && d->e[mn->entity].kind == ENTITY_PERSON && b->end == at)
            return mn->entity;
    }
    return NO_ENTITY;
}

/* "18-year-old Brazilian Marta", "the 29-year-old Dutch midfielder Ivo
 * Laine": the person named after the age and a few describing words (a
 * nationality, a club, a role). */
static int named_after_description(const struct doc *d, size_t at)
{
    static const char *const extra[] = {"former", "ex", "new", "young", "veteran", NULL};
    size_t i = facts_token_before(d, at) + 1;
    for (size_t k = i; k < i + 5 && k < d->t.n; k++) {
        const struct token *tk = &d->t.v[k];
        int o = d->owner[k];
        if (o >= 0 && d->e[d->m[o].entity].kind == ENTITY_PERSON)
            return k > i && d->m[o].tok == k ? d->m[o].entity : NO_ENTITY;
        enum person_role role;
        bool describing = o >= 0 || ((tk->flags & TOK_CAP) && (tk->flags & TOK_WORD)) ||
                          doc_is_role_word(d, k, &role) || doc_token_in(d, k, extra);
        if (!describing || (tk->flags & TOK_TITLE))
            return NO_ENTITY;
    }
    return NO_ENTITY;
}

void facts_on_age(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    double n;
    size_t a, b;
    static const char *const hypothetical[] = {
        "when i",   "if i",      "when he",       "if he",          "until i", "until he",
        "before i", "before he", "by the time i", "by the time he", NULL};
    if (facts_group(m, "n6", &a, &b) && !turns_at_a_year(d, m->start) &&
        facts_near_words(d, m->start, m->start, 10, 0, hypothetical))
        return; /* "Maybe when I turn 60" */
    if (facts_group(m, "n10", &a, &b) &&
        !facts_near_words(d, m->start, m->start, 40, 0, then_words))
        return; /* "at 16" is an age only after "joined", "debut"... */
    bool apposition = facts_group(m, "n7", &a, &b);
    bool stated = facts_group(m, "n9", &a, &b);
    if (!facts_group_number(m, age_names, &n) || n < (apposition || stated ? 15 : 5) || n > 85)
        return;
    bool described = false;
    int subject = first_person_age(d, m) ? speaker(d, m)
                  : stated               ? stated_age_subject(d, m)
                  : apposition           ? person_ending_at(d, m->start)
                                         : subject_adjacent_person(d, m->start, m->end);
    if (subject == NO_ENTITY && facts_group(m, "n", &a, &b))
        subject = named_after_description(d, m->end);
    if (stated && subject == NO_ENTITY)
        return;
    if (apposition && subject == NO_ENTITY) {
        /* ", 19," is an age right after a name or a description of one
         * ("The Germany captain, 32,"): a description refers back to the
         * person it fits, never to a name later in the sentence. */
        enum person_role role = ROLE_PLAYER;
        size_t role_tok = m->start == 0 ? d->t.n : facts_token_before(d, m->start);
        if (role_tok >= d->t.n ||
            (!doc_is_role_word(d, role_tok, &role) && !described_noun(d, role_tok)))
            return;
        subject = description_subject(d, role_tok, role == ROLE_PLAYER && n < 35);
        described = true;
    }
    if (subject == NO_ENTITY && anaphoric(m)) {
        size_t after = facts_token_before(d, m->end) + 1; /* "the 29-year-old Dutchman" */
        subject = subject_described(d, after, after + 3);
        if (subject == NO_ENTITY) /* managers are rarely under 35 */
            subject = subject_topic(d, m->start, player_role_follows(d, m->end) || n < 35);
    }
    if (subject == NO_ENTITY && !described)
        subject = subject_person(d, m->start, m->end, false);
    size_t nth = facts_respective_list(d, FACT_AGE, NO_ENTITY, m->start, m->end, 15, 50);
    if (nth != NOT_LISTED && subject_respective(d, m->start, nth) != NO_ENTITY)
        subject = subject_respective(d, m->start, nth); /* "aged 22 and 25 respectively" */
    bool span_group = apposition || stated;
    struct doc_fact *f = facts_add(d, FACT_AGE, span_group ? a : m->start, span_group ? b : m->end);
    f->has_value = true;
    f->value = n;
    f->subject = subject;
    if (age_at_the_time(d, m) || (facts_group(m, "n6", &a, &b) && turns_at_a_year(d, m->start)))
        f->qualifier = FACT_AT_THE_TIME; /* "until 2034, when he turns 34" */
}
