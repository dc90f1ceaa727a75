/* facts_counts: counts of games. Caps for a national team, appearances for
 * a club or in a competition, and the team runs, suspensions and games in
 * charge that are no player's appearances. */
#include "core/extract/facts.h"

#include <string.h>

static const char *const team_run_words[] = {
    "unbeaten",      "winless",      "without a win",  "run of",      "in charge",
    "as manager",    "their last",   "their next",     "our last",    "losing run",
    "winning run",   "streak",       "in a row",       "their first", "next",
    "banned",        "ban",          "suspended",      "suspension",  "the first",
    "miss",          "misses",       "missed",         "missing",     "sit out",
    "ruled out",     "sidelined",    "their previous", "conceded",    "conceding",
    "clean sheet",   "clean sheets", "time in",        "times in",    "in charge of",
    "wins in",       "win in",       "victories in",   "defeats in",  "draws in",
    "points from",   "points in",    "charge of",      "took charge", "taken charge",
    "in charge for", "sat out",      "out for",        "of their",    "in their",
    "from their",    "of its",       "absent for",     "absence of",  "overseen",
    "oversaw",       "oversee",      "presided",       "managed",     "at the helm",
    "shipped",       "have had",     "have played",    NULL};
/* Words right after a count of games that make it a team's run, a
 * schedule or a manager's tenure: "five matches unbeaten", "two matches in
 * three days", "120 games in charge". */
static const char *const team_run_after[] = {
    "unbeaten", "without a win", "without defeat", "undefeated", "winless",
    "in a row", "days",          "in charge",      "as manager", "as boss",
    "as coach", "at the helm",   "in a week",      NULL};
static const char *const person_game_words[] = {
    "made",        "making", "makes",    "played",  "playing", "plays",        "featured", "start",
    "started",     "starts", "goals in", "goal in", "scored",  "for the club", "for the",  "for",
    "appearances", "career", "his",      "her",     "has",     "had",          NULL};

/* The club the article names most often before `at`. */
static int most_named_club(const struct doc *d, size_t at)
{
    int best = NO_ENTITY;
    size_t best_n = 0;
    for (size_t k = 0; k < d->nm; k++) {
        int c = d->m[k].entity;
        if (d->e[c].kind != ENTITY_CLUB)
            continue;
        size_t n = 0;
        for (size_t j = 0; j < d->nm; j++) {
            const struct token *a = &d->t.v[d->m[j].tok];
            n += d->m[j].entity == c && ((a->flags & TOK_TITLE) || a->start < at);
        }
        if (n > best_n) {
            best_n = n;
            best = c;
        }
    }
    return best;
}

static const char *const count_names[] = {"n", "n2", "n3", "nth", NULL};

/* Adds a count fact (caps or appearances) of n for team: its subject is the
 * person a "respectively" list pairs it with (counts up to max), else the
 * sentence's person. */
static void add_count(struct doc *d, const struct match *m, enum fact_kind kind, double n, int team,
                      double max)
{
    size_t nth = facts_respective_list(d, kind, team, m->start, m->end, 1, max);
    struct doc_fact *f = facts_add(d, kind, m->start, m->end);
    f->has_value = true;
    f->value = n;
    f->team = team;
    f->subject = nth != NOT_LISTED ? subject_respective(d, m->start, nth) : NO_ENTITY;
    if (f->subject == NO_ENTITY)
        f->subject = subject_person(d, m->start, m->end, true);
}

void facts_on_caps(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    double n;
    if (!facts_group_number(m, count_names, &n) || n < 1 || n > 250)
        return;
    size_t s, e;
    subject_sentence(d, m->start, &s, &e);
    int team = subject_entity_near(d, ENTITY_NATIONAL_TEAM, s, e, m->end, 0);
    add_count(d, m, FACT_CAPS, n, team, 250);
}

/* A club mention that names where the player went next ("before joining
 * Everton", "signing for Sheffield United", "a move to X"). */
static bool club_is_destination(const struct doc *d, size_t tok)
{
    static const char *const went[] = {"joining", "joined", "join",    "joins",
                                       "before",  "switch", "leaving", NULL};
    static const char *const went_for[] = {"signing", "signed",   "sign",   "moving", "move",
                                           "switch",  "transfer", "loaned", "sold",   NULL};
    static const char *const for_to[] = {"for", "to", NULL};
    size_t i = tok;
    if (i > 0 && tokens_is(&d->t, i - 1, "the"))
        i--;
    if (i == 0)
        return false;
    return doc_token_in(d, i - 1, went) ||
           (i >= 2 && doc_token_in(d, i - 1, for_to) && doc_token_in(d, i - 2, went_for));
}

/* "since his £11m move from Basel", "who joined Leeds in a move from
 * Lyon": the club he left, not the one he plays for. */
static bool club_left_since(const struct doc *d, size_t tok)
{
    static const char *const since[] = {"since",  "after",   "move",   "moved",    "joined",
                                        "signed", "arrived", "switch", "transfer", NULL};
    static const char *const from[] = {"from", NULL};
    size_t at = d->t.v[tok].start;
    return tok > 0 && doc_token_in(d, tok - 1, from) &&
           subject_has_word(d, at > 40 ? at - 40 : 0, at, since);
}

/* The club a count of appearances is for: one named soon after it that is
 * not where he went next, else the nearest before it in the sentence that
 * is not a club he left ("After signing for Charlton he made 164"). */
static int apps_club(const struct doc *d, size_t s, size_t e, size_t start, size_t end)
{
    int after = NO_ENTITY, before = NO_ENTITY;
    for (size_t k = subject_first_mention_from(d, s); k < d->nm; k++) {
        const struct doc_mention *mn = &d->m[k];
        const struct token *a = &d->t.v[mn->tok];
        if (a->start >= e || (after != NO_ENTITY))
            break;
        if ((a->flags & TOK_TITLE) || d->e[mn->entity].kind != ENTITY_CLUB)
            continue;
        if (a->start >= end && a->start < end + 60 && !club_is_destination(d, mn->tok) &&
            !club_left_since(d, mn->tok))
            after = mn->entity;
        else if (a->start < start && !club_left_since(d, mn->tok))
            before = mn->entity;
    }
    return after != NO_ENTITY ? after : before;
}

/* The last club named in the sentence before the one starting at s. */
static int previous_sentence_club(const struct doc *d, size_t s)
{
    size_t i = facts_token_before(d, s);
    if (i >= d->t.n)
        return NO_ENTITY;
    size_t ps, pe;
    subject_sentence(d, d->t.v[i].start, &ps, &pe);
    return subject_entity_near(d, ENTITY_CLUB, ps, pe, pe, -1);
}

/* "13 of the club's last [14 games]", "10 of Leeds' [12 games]": the
 * count after "N of" is the side's, the whole the N is part of. */
static bool whole_of_part(const struct doc *d, size_t start)
{
    size_t i = facts_token_before(d, start);
    for (size_t k = 0; k < 5 && i < d->t.n && i > 0; k++, i--) {
        if (tokens_is(&d->t, i, "of"))
            return (d->t.v[i - 1].flags & TOK_NUM) != 0;
        if (d->t.v[i].flags & TOK_NUM)
            return false;
    }
    return false;
}

/* "over 90 appearances for Sporting, 16 of which came in the Champions
 * League": the games just before ", N of which" are a player's
 * appearances, not goals. */
static bool part_of_appearances(const struct doc *d, size_t at)
{
    if (at < 2 || memcmp(d->a->body + at - 2, ", ", 2))
        return false;
    static const char *const games[] = {"appearances", "apps", "games", "matches", NULL};
    static const char *const goals[] = {"goals", "goal", "assists", "wins", "points", NULL};
    return facts_near_words(d, at, at, 45, 0, games) && !facts_near_words(d, at, at, 45, 0, goals);
}

/* The competition a count of appearances is in, when no club is named: one
 * named in the count ("44 Eredivisie appearances") or after "in" ("12
 * appearances in the Champions League"); a competition elsewhere in the
 * sentence ("and won the Primeira Liga") is not where he played them. */
static int apps_competition(const struct doc *d, size_t e, size_t start, size_t end)
{
    static const char *const in[] = {"in", NULL};
    int c = subject_entity_near(d, ENTITY_COMPETITION, start, end, start, 1);
    return c != NO_ENTITY ? c
                          : subject_entity_after_word(d, ENTITY_COMPETITION, end,
                                                      end + 40 < e ? end + 40 : e, in);
}

void facts_on_appearances(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    double n;
    if (!facts_group_number(m, count_names, &n) || n < 1 || n > 1500 || n != (int)n)
        return;
    size_t s, e;
    subject_sentence(d, m->start, &s, &e);
    static const char *const vague[] = {"or", NULL};
    size_t a, b;
    if (facts_group(m, "nw", &a, &b) && !part_of_appearances(d, m->start))
        return; /* "30 goals, 16 of which came in the league" */
    static const char *const scorer[] = {"scored", "netted", "struck", "found the net", NULL};
    static const char *const times_in[] = {"times in", "time in", NULL};
    bool scored_in = facts_near_words(d, m->start, m->start, 30, 0, scorer) &&
                     facts_near_words(d, m->start, m->start, 10, 0, times_in);
    if ((!scored_in && facts_near_words(d, m->start, m->end, 40, 0, team_run_words)) ||
        whole_of_part(d, m->start) ||
        subject_has_word(d, m->end, m->end + 22 < e ? m->end + 22 : e, team_run_after) ||
        facts_near_words(d, m->start, m->start, 4, 0, vague))
        return; /* a team's run, or "one or two matches" */
    if (!facts_near_words(d, m->start, m->end, 40, 25, person_game_words))
        return;
    static const char *const for_words[] = {"for", NULL};
    int country =
        subject_entity_after_word(d, ENTITY_NATIONAL_TEAM, m->end, m->end + 12, for_words);
    static const char *const the_club[] = {"for the club", "for the side", "for his club",
                                           "for the team", NULL};
    int team;
    if (country != NO_ENTITY)
        team = country;
    else if (subject_has_word(d, m->end, m->end + 14 < e ? m->end + 14 : e, the_club))
        team = most_named_club(d, m->start); /* "for the club": the article's club */
    else
        team = apps_club(d, s, e, m->start, m->end);
    if (team == NO_ENTITY)
        team = apps_competition(d, e, m->start, m->end);
    if (team == NO_ENTITY)
        team = previous_sentence_club(d, s);
    add_count(d, m, country != NO_ENTITY ? FACT_CAPS : FACT_APPEARANCES, n, team, 1500);
}
