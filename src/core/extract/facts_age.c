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

static const char *const age_names[] = {"n", "n2", "n3", "n4", "n5", "n6", "n7", NULL};

/* An age at another time: "joined at the age of 11", "when he was 18". */
static bool age_at_the_time(const struct doc *d, const struct match *m)
{
    size_t a, b;
    static const char *const at_the[] = {"at the", NULL};
    return facts_group(m, "n4", &a, &b) ||
           (facts_group(m, "n2", &a, &b) && facts_near_words(d, m->start, m->start, 8, 0, at_the));
}

/* "I will be 35", "I'm 30" in a quote: the speaker's age. */
static bool first_person_age(const struct doc *d, const struct match *m)
{
    static const char *const i_words[] = {"i will", "i'll", "i would", "i'd", "i'm", "i am", NULL};
    return facts_near_words(d, m->start, m->end, 9, 0, i_words);
}

void facts_on_age(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    double n;
    size_t a, b;
    bool apposition = facts_group(m, "n7", &a, &b);
    static const char *const hypothetical[] = {"when i", "if i",    "when he",
                                               "if he",  "until i", NULL};
    if (facts_group(m, "n6", &a, &b) &&
        facts_near_words(d, m->start, m->start, 10, 0, hypothetical))
        return; /* "Maybe when I turn 60" */
    apposition = facts_group(m, "n7", &a, &b);
    if (!facts_group_number(m, age_names, &n) || n < (apposition ? 15 : 5) || n > 85)
        return;
    int subject = first_person_age(d, m) ? subject_topic(d, m->start, true)
                                         : subject_adjacent_person(d, m->start, m->end);
    if (apposition && subject == NO_ENTITY) {
        /* ", 19," is an age right after a name or a description of one
         * ("The Germany captain, 32,"): a description refers back to the
         * person it fits, never to a name later in the sentence. */
        enum person_role role;
        if (m->start == 0 || !doc_is_role_word(d, facts_token_before(d, m->start), &role))
            return;
        subject = subject_topic(d, m->start, role == ROLE_PLAYER);
    }
    if (subject == NO_ENTITY && anaphoric(m))
        subject = subject_topic(d, m->start, player_role_follows(d, m->end));
    if (subject == NO_ENTITY)
        subject = subject_person(d, m->start, m->end, false);
    struct fact *f = facts_add(d, FACT_AGE, apposition ? a : m->start, apposition ? b : m->end);
    f->has_value = true;
    f->value = n;
    f->subject = subject;
    if (age_at_the_time(d, m))
        f->qualifier = FACT_AT_THE_TIME;
}
