/* subject: whom or what a fact is about: persons and clubs near a body
 * offset, sentence by sentence and across sentences (see facts.h). */
#include "core/extract/facts.h"
#include "core/extract/text_words.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* First body token at or after byte offset `at`. */
static size_t token_at(const struct doc *d, size_t at)
{
    size_t lo = 0, hi = d->t.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct token *tk = &d->t.v[mid];
        bool before = (tk->flags & TOK_TITLE) || tk->end <= at;
        if (before)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

/* First body token that starts at or after byte `at` (d->t.n when none). */
static size_t first_body_token_from(const struct doc *d, size_t at)
{
    size_t lo = 0, hi = d->t.n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct token *tk = &d->t.v[mid];
        if ((tk->flags & TOK_TITLE) || tk->start < at)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

void subject_sentence(const struct doc *d, size_t at, size_t *start, size_t *end)
{
    size_t i = token_at(d, at);
    if (i >= d->t.n) {
        *start = *end = at;
        return;
    }
    uint32_t s = d->t.v[i].sentence;
    size_t a = i, b = i;
    while (a > 0 && d->t.v[a - 1].sentence == s && !(d->t.v[a - 1].flags & TOK_TITLE))
        a--;
    while (b + 1 < d->t.n && d->t.v[b + 1].sentence == s)
        b++;
    *start = d->t.v[a].start;
    *end = d->t.v[b].end;
}

/* The first body mention that starts at or after body offset `from`. The
 * mentions are sorted by token while facts are found, title tokens first, so
 * this is a binary search; it keeps the lookups below from scanning every
 * mention of the article for each fact (quadratic on a long article). */
size_t subject_first_mention_from(const struct doc *d, size_t from)
{
    size_t lo = 0, hi = d->nm;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const struct token *a = &d->t.v[d->m[mid].tok];
        if ((a->flags & TOK_TITLE) || a->start < from)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool is_player_like(const struct doc *d, int e)
{
    return d->e[e].role != ROLE_MANAGER && d->e[e].role != ROLE_OFFICIAL &&
           d->e[e].role != ROLE_AGENT;
}

/* Body mentions of persons, as [first, last] indices into d->m, within
 * byte range [from, to). */
static int person_in(const struct doc *d, size_t from, size_t to, size_t at, bool before,
                     bool prefer_players)
{
    int best = NO_ENTITY, fallback = NO_ENTITY;
    size_t best_dist = (size_t)-1, fb_dist = (size_t)-1;
    for (size_t k = subject_first_mention_from(d, from); k < d->nm; k++) {
        const struct doc_mention *m = &d->m[k];
        const struct token *a = &d->t.v[m->tok], *b = &d->t.v[m->tok_end - 1];
        if (a->start > to)
            break;
        if ((a->flags & TOK_TITLE) || d->e[m->entity].kind != ENTITY_PERSON)
            continue;
        if (a->start < from || b->end > to)
            continue;
        if (before ? b->end > at : a->start < at)
            continue;
        size_t dist = before ? at - b->end : a->start - at;
        if (dist < fb_dist) {
            fb_dist = dist;
            fallback = m->entity;
        }
        if ((!prefer_players || is_player_like(d, m->entity)) && dist < best_dist) {
            best_dist = dist;
            best = m->entity;
        }
    }
    return best != NO_ENTITY || (prefer_players && !before) ? best : fallback;
}

/* How strongly each thing points at a candidate for "he" or "the
 * 26-year-old": being the first person of the sentence before (its likely
 * subject), being named there at all, being in the title, and how often the
 * article names them (counted up to a cap, so the topic of a long article
 * does not drown the sentence before). */
enum {
    TOPIC_LEAD = 6,
    TOPIC_PREVIOUS = 3,
    TOPIC_TITLE = 3,
    TOPIC_TITLE_ONLY = 8, /* named in the title and nowhere in the body: the
                           * body's "the midfielder" is him, over whoever
                           * the sentence before names */
    TOPIC_MENTIONS_CAP = 5,
    TOPIC_MAIN = 3 /* the article's main person: named more often than anyone
                    * else, so "the 21-year-old" after a sentence that names
                    * someone in passing ("short of X's salary") is still him */
};

/* What the article says of one person up to a point, for subject_topic. */
struct topic_stat {
    int mentions;  /* in the whole article */
    bool title;    /* named in the title */
    bool previous; /* named in the body in [sentence before, at) */
    bool body;     /* named in the body at all */
};

/* Fills stat[e] for every entity in one pass over the mentions. */
static void topic_stats(const struct doc *d, size_t ps, size_t at, struct topic_stat *stat)
{
    memset(stat, 0, d->ne * sizeof *stat);
    for (size_t j = 0; j < d->nm; j++) {
        struct topic_stat *st = &stat[d->m[j].entity];
        const struct token *b = &d->t.v[d->m[j].tok];
        st->title |= (b->flags & TOK_TITLE) != 0;
        st->previous |= !(b->flags & TOK_TITLE) && b->start >= ps && b->start < at;
        st->body |= !(b->flags & TOK_TITLE);
        st->mentions++;
    }
}

enum { TOPIC_STACK = 64 };

/* The person named more often than any other, at least twice, if any. */
static int main_subject(const struct doc *d, const struct topic_stat *stat)
{
    int best = NO_ENTITY, most = 1;
    bool tie = false;
    for (size_t e = 0; e < d->ne; e++) {
        if (d->e[e].kind != ENTITY_PERSON || stat[e].mentions < most)
            continue;
        tie = stat[e].mentions == most && best != NO_ENTITY;
        if (stat[e].mentions > most || best == NO_ENTITY) {
            most = stat[e].mentions;
            best = (int)e;
        }
    }
    return tie || most < 2 ? NO_ENTITY : best;
}

int subject_topic(const struct doc *d, size_t at, bool prefer_players)
{
    size_t s, e;
    subject_sentence(d, at, &s, &e);
    size_t ps = s, pe, first = token_at(d, s);
    if (first > 0 && !(d->t.v[first - 1].flags & TOK_TITLE))
        subject_sentence(d, d->t.v[first - 1].start, &ps, &pe);
    int best = NO_ENTITY, best_score = -1000, lead = NO_ENTITY;
    for (size_t k = 0; k < d->nm && lead == NO_ENTITY; k++) {
        const struct token *a = &d->t.v[d->m[k].tok];
        const struct token *z = &d->t.v[d->m[k].tok_end - 1];
        if (!(a->flags & TOK_TITLE) && a->start >= ps && a->start < s &&
            d->e[d->m[k].entity].kind == ENTITY_PERSON && !(z->flags & TOK_POSS))
            lead = d->m[k].entity; /* the first person of the sentence before
                                    * who is not just an owner ("X's salary") */
    }
    struct topic_stat on_stack[TOPIC_STACK];
    struct topic_stat *stat = d->ne <= TOPIC_STACK ? on_stack : xmalloc(d->ne * sizeof *stat);
    topic_stats(d, ps, at, stat);
    int main_person = main_subject(d, stat);
    for (size_t k = 0; k < d->nm; k++) {
        const struct doc_mention *m = &d->m[k];
        int ent = m->entity;
        const struct token *a = &d->t.v[m->tok];
        if (d->e[ent].kind != ENTITY_PERSON || (!(a->flags & TOK_TITLE) && a->start >= at))
            continue;
        const struct topic_stat *st = &stat[ent];
        int score = (st->mentions < TOPIC_MENTIONS_CAP ? st->mentions : TOPIC_MENTIONS_CAP) +
                    (st->title ? TOPIC_TITLE : 0) + (st->previous ? TOPIC_PREVIOUS : 0) +
                    (st->title && !st->body ? TOPIC_TITLE_ONLY : 0) +
                    (ent == lead ? TOPIC_LEAD : 0) + (ent == main_person ? TOPIC_MAIN : 0);
        if (!is_player_like(d, ent))
            score -= prefer_players ? 100 : d->e[ent].role == ROLE_MANAGER ? 4 : 8;
        if (score >= best_score) { /* ties go to the most recently named */
            best_score = score;
            best = ent;
        }
    }
    if (stat != on_stack)
        free(stat);
    return best;
}

int subject_main_player(const struct doc *d)
{
    struct topic_stat on_stack[TOPIC_STACK];
    struct topic_stat *stat = d->ne <= TOPIC_STACK ? on_stack : xmalloc(d->ne * sizeof *stat);
    topic_stats(d, 0, 0, stat);
    int main_person = main_subject(d, stat);
    if (stat != on_stack)
        free(stat);
    return main_person != NO_ENTITY && is_player_like(d, main_person) ? main_person : NO_ENTITY;
}

/* Whether a "he"/"she" stands between a person's last mention before
 * `at` (in [from, at)) and `at`: then "he" is someone else. */
static bool pronoun_after_person(const struct doc *d, size_t from, size_t at, int person)
{
    size_t last = from;
    for (size_t k = 0; k < d->nm; k++) {
        const struct token *b = &d->t.v[d->m[k].tok_end - 1];
        if (d->m[k].entity == person && !(b->flags & TOK_TITLE) && b->end <= at && b->end > last)
            last = b->end;
    }
    static const char *const pronouns[] = {"he", "she", NULL};
    return subject_has_word(d, last, at, pronouns);
}

/* A sentence that opens with "He", "The 28-year-old" or "The striker" is
 * about someone named before it. */
static bool opens_with_anaphor(const struct doc *d, size_t s)
{
    size_t i = first_body_token_from(d, s);
    if (i + 1 >= d->t.n)
        return false;
    if (tokens_is(&d->t, i, "he") || tokens_is(&d->t, i, "she"))
        return true;
    const char *w = tokens_folded(&d->t, i + 1);
    enum person_role role;
    return tokens_is(&d->t, i, "the") &&
           (strstr(w, "-year-old") || doc_is_role_word(d, i + 1, &role));
}

static bool names_person(const struct doc *d, size_t i)
{
    return d->owner[i] >= 0 && d->e[d->m[d->owner[i]].entity].kind == ENTITY_PERSON;
}

/* A sentence that opens with a description and no name ("The former Ajax
 * man signed", "The Czech has 14 caps"): the person it fits, by what the
 * article said of each person before (subject_described), else NO_ENTITY. */
static int described_opening(const struct doc *d, size_t s)
{
    static const char *const vague[] = {"former",  "ex",          "new", "young",
                                        "veteran", "experienced", NULL};
    size_t i = first_body_token_from(d, s);
    if (i >= d->t.n || !tokens_is(&d->t, i, "the"))
        return NO_ENTITY;
    size_t from = i + 1;
    while (from < d->t.n &&
           (doc_token_in(d, from, vague) || strstr(tokens_folded(&d->t, from), "-year-old")))
        from++;
    size_t to = from;
    while (to < d->t.n && to < from + 4 && (d->t.v[to].flags & TOK_WORD) &&
           d->t.v[to].sentence == d->t.v[i].sentence && !names_person(d, to) &&
           (d->t.v[to].flags & TOK_CAP))
        to++;
    if (to == from || (to < d->t.n && names_person(d, to)))
        return NO_ENTITY; /* "The Arsenal striker Jan Berg": named */
    return subject_described(d, from, to);
}

/* "while the striker has 20 caps": a role word after "the" in the middle
 * of the sentence [s, at) is the one person the article described with it
 * (subject_described_role), else NO_ENTITY. */
static int described_role_before(const struct doc *d, size_t s, size_t at)
{
    size_t first = first_body_token_from(d, s), last = token_at(d, at);
    for (size_t i = last; i > first + 1; i--) {
        enum person_role role;
        if (tokens_is(&d->t, i - 2, "the") && doc_is_role_word(d, i - 1, &role))
            return subject_described_role(d, i - 1);
    }
    return NO_ENTITY;
}

/* A sentence that opens with "The midfielder" or "The right-back's" is
 * about a player. */
static bool opens_with_player_role(const struct doc *d, size_t s)
{
    size_t i = first_body_token_from(d, s);
    if (i + 1 >= d->t.n)
        return false;
    enum person_role role;
    return tokens_is(&d->t, i, "the") && doc_is_role_word(d, i + 1, &role) && role == ROLE_PLAYER;
}

/* Whether [s, at) says someone spoke ("said", "confirmed") and not of
 * himself ("said he had"). */
static bool speaks_of_another(const struct doc *d, size_t s, size_t at)
{
    static const char *const speech[] = {
        "said",      "says",     "believes", "insists", "insisted",  "admitted", "admits",
        "confirmed", "confirms", "revealed", "reveals", "added",     "thinks",   "feels",
        "claims",    "claimed",  "hopes",    "expects", "explained", "told",     NULL};
    static const char *const himself[] = {
        "said he",     "says he",      "admitted he",  "admits he",   "insisted he",
        "revealed he", "confirmed he", "told",         "believes he", "feels he",
        "thinks he",   "hopes he",     "said that he", "claimed he",  NULL};
    return subject_has_word(d, s, at, speech) && !subject_has_word(d, s, at, himself);
}

/* subject_person once the sentence's role opening has been taken into
 * account: its fallback without the player preference must not turn the
 * preference back on ("The defender ... won 58 caps" with no person named
 * recursed for ever). */
static int person_for(const struct doc *d, size_t start, size_t end, bool prefer_players)
{
    size_t s, e;
    subject_sentence(d, start, &s, &e);
    int p = person_in(d, s, e, start, true, prefer_players);
    if (prefer_players && p != NO_ENTITY && !is_player_like(d, p)) {
        /* "Arsenal boss Mikel Arteta said the £50m fee for Declan Rice": a
         * manager, official or agent before is rarely the subject of a
         * player's figure when a player follows */
        int after = person_in(d, s, e, end, false, true);
        p = after != NO_ENTITY ? after : p;
    }
    static const char *const pronouns[] = {"he", "his", "him", NULL};
    if (prefer_players && p != NO_ENTITY && !is_player_like(d, p) &&
        (speaks_of_another(d, s, start) || subject_has_word(d, s, e, pronouns))) {
        /* "Manager Tom Farrow said the 24-year-old had 30 caps": what a
         * manager, chairman or agent says is about a player */
        int t = subject_topic(d, start, true);
        return t != NO_ENTITY && is_player_like(d, t) ? t : NO_ENTITY;
    }
    if (p != NO_ENTITY && pronoun_after_person(d, s, start, p))
        p = subject_topic(d, start, prefer_players);
    if (p == NO_ENTITY) {
        int fits = described_opening(d, s);
        p = fits != NO_ENTITY && (!prefer_players || is_player_like(d, fits)) ? fits : NO_ENTITY;
    }
    if (p == NO_ENTITY) {
        int role = described_role_before(d, s, start);
        p = role != NO_ENTITY && (!prefer_players || is_player_like(d, role)) ? role : NO_ENTITY;
    }
    if (p == NO_ENTITY && opens_with_anaphor(d, s))
        p = subject_topic(d, start, prefer_players); /* not a name later in the sentence */
    if (p == NO_ENTITY)
        p = person_in(d, s, e, end, false, prefer_players);
    if (p == NO_ENTITY)
        p = subject_topic(d, start, prefer_players);
    if (p == NO_ENTITY && prefer_players)
        p = person_for(d, start, end, false);
    return p;
}

int subject_person(const struct doc *d, size_t start, size_t end, bool prefer_players)
{
    size_t s, e;
    subject_sentence(d, start, &s, &e);
    return person_for(d, start, end, prefer_players || opens_with_player_role(d, s));
}

int subject_adjacent_person(const struct doc *d, size_t start, size_t end)
{
    for (size_t k = subject_first_mention_from(d, start > 256 ? start - 256 : 0); k < d->nm; k++) {
        const struct doc_mention *m = &d->m[k];
        const struct token *a = &d->t.v[m->tok], *b = &d->t.v[m->tok_end - 1];
        if (a->start > end + 2)
            break;
        if ((a->flags & TOK_TITLE) || d->e[m->entity].kind != ENTITY_PERSON)
            continue;
        if (b->end == start || (a->start >= end && a->start - end <= 2))
            return m->entity;
    }
    return NO_ENTITY;
}

int subject_entity_near(const struct doc *d, enum entity_kind kind, size_t from, size_t to,
                        size_t at, int dir)
{
    int best = NO_ENTITY;
    size_t best_dist = (size_t)-1;
    for (size_t k = subject_first_mention_from(d, from); k < d->nm; k++) {
        const struct doc_mention *m = &d->m[k];
        const struct token *a = &d->t.v[m->tok], *b = &d->t.v[m->tok_end - 1];
        if (a->start > to)
            break;
        if ((a->flags & TOK_TITLE) || d->e[m->entity].kind != kind || a->start < from ||
            b->end > to)
            continue;
        if ((dir > 0 && a->start < at) || (dir < 0 && b->end > at))
            continue;
        size_t dist = a->start >= at ? a->start - at : at - (b->end < at ? b->end : at);
        if (dist < best_dist) {
            best_dist = dist;
            best = m->entity;
        }
    }
    return best;
}

int subject_entity_after_word(const struct doc *d, enum entity_kind kind, size_t from, size_t to,
                              const char *const *words)
{
    for (size_t k = subject_first_mention_from(d, from); k < d->nm; k++) {
        const struct doc_mention *m = &d->m[k];
        const struct token *a = &d->t.v[m->tok];
        if (a->start > to)
            break;
        if ((a->flags & TOK_TITLE) || d->e[m->entity].kind != kind || a->start < from || m->tok < 1)
            continue;
        size_t prev = m->tok - 1;
        if (tokens_is(&d->t, prev, "the") && prev > 0)
            prev--;
        for (size_t w = 0; words[w]; w++)
            if (tokens_is(&d->t, prev, words[w]))
                return m->entity;
    }
    return NO_ENTITY;
}

bool subject_has_word(const struct doc *d, size_t from, size_t to, const char *const *words)
{
    if (to > d->a->body_len)
        to = d->a->body_len;
    return text_has_word(d->a->body, from, to, words);
}

/* The distinct persons named in the body in [from, to), in order of first
 * mention, player-like ones only when `players`; at most `max`. */
static size_t persons_in(const struct doc *d, size_t from, size_t to, bool players, int *out,
                         size_t max)
{
    size_t n = 0;
    for (size_t k = subject_first_mention_from(d, from); k < d->nm && n < max; k++) {
        const struct doc_mention *m = &d->m[k];
        const struct token *a = &d->t.v[m->tok];
        if (a->start >= to)
            break;
        if ((a->flags & TOK_TITLE) || d->e[m->entity].kind != ENTITY_PERSON ||
            (players && !is_player_like(d, m->entity)))
            continue;
        bool seen = false;
        for (size_t i = 0; i < n && !seen; i++)
            seen = out[i] == m->entity;
        if (!seen)
            out[n++] = m->entity;
    }
    return n;
}

int subject_respective(const struct doc *d, size_t at, size_t nth)
{
    static const char *const respectively[] = {"respectively", NULL};
    size_t s, e;
    subject_sentence(d, at, &s, &e);
    if (!subject_has_word(d, at, e, respectively))
        return NO_ENTITY;
    int who[8];
    size_t n = persons_in(d, s, e, true, who, 8);
    return n >= 2 && nth < n ? who[nth] : NO_ENTITY;
}

size_t subject_shared(const struct doc *d, size_t at, int *out, size_t max)
{
    static const char *const shared[] = {"both",     "pair",    "duo",       "the two",
                                         "the trio", "each of", "all three", NULL};
    size_t s, e;
    subject_sentence(d, at, &s, &e);
    if (!subject_has_word(d, s, e, shared))
        return 0;
    size_t n = persons_in(d, s, e, true, out, max);
    size_t first = token_at(d, s);
    if (n < 2 && first > 0 && !(d->t.v[first - 1].flags & TOK_TITLE)) {
        size_t ps, pe; /* "X and Y signed. Both contracts run to 2026." */
        subject_sentence(d, d->t.v[first - 1].start, &ps, &pe);
        n = persons_in(d, ps, pe, true, out, max);
    }
    return n >= 2 ? n : 0;
}
