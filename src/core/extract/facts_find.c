/* facts_find: what each fact pattern's matches mean. Money becomes a fee,
 * wage or release clause by its context; counts become caps or
 * appearances; years and lengths become contracts; and each fact gets its
 * subject, team and clubs. */
#include "core/extract/facts.h"
#include "core/extract/money.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Index of the last body token that ends at or before byte `at` (d->t.n
 * when none). Title tokens come first and body tokens in order, so this is
 * a binary search for the first token that is neither. */
static size_t token_before(const struct doc *d, size_t at)
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

static const char *const release_words[] = {
    "release clause", "buy-out clause", "buyout clause",  "release fee",
    "buy-out",        "buyout",         "get-out clause", NULL};
static const char *const wage_words[] = {
    "wage",      "wages",      "salary", "salaries", "earn",     "earns",  "earning",
    "earnings",  "pay packet", "paid",   "a week",   "per week", "a year", "per year",
    "per annum", "weekly",     "annual", "annually", "pay rise", NULL};
static const char *const not_fee_words[] = {"takeover",
                                            "take over",
                                            "taken over",
                                            "buy the club",
                                            "bought the club",
                                            "investment",
                                            "invest",
                                            "invested",
                                            "sponsorship",
                                            "sponsor",
                                            "fine",
                                            "fined",
                                            "prize",
                                            "debt",
                                            "debts",
                                            "turnover",
                                            "revenue",
                                            "revenues",
                                            "profit",
                                            "profits",
                                            "losses",
                                            "stadium",
                                            "tv deal",
                                            "television",
                                            "broadcast",
                                            "rights",
                                            "consortium",
                                            "shares",
                                            "stake",
                                            "valued the club",
                                            "compensation",
                                            "budget",
                                            "bonus",
                                            "bonuses",
                                            "income",
                                            "sell the club",
                                            "buy-out of the club",
                                            "redevelopment",
                                            "training ground",
                                            "fund",
                                            NULL};
static const char *const fee_words[] = {"fee",          "bid",       "bids",      "offer",
                                        "offered",      "offers",    "signed",    "sign",
                                        "signs",        "signing",   "move",      "moved",
                                        "deal",         "valued",    "valuation", "value",
                                        "price",        "price-tag", "price tag", "paid",
                                        "pay",          "paying",    "cost",      "costing",
                                        "buy",          "bought",    "transfer",  "swoop",
                                        "rated",        "snap",      "loan",      "sold",
                                        "sell",         "sale",      "selling",   "joined",
                                        "join",         "joins",     "capture",   "acquire",
                                        "worth",        "tag",       "owed",      "spent",
                                        "spend",        "splash",    "record",    "bought",
                                        "purchase",     "switch",    "arrival",   "recruit",
                                        "buy-back",     "asking",    "tabled",    "lodged",
                                        "submitted",    "rejected",  "accepted",  "rebuffed",
                                        "turned down",  "package",   "joining",   "arrived",
                                        "arriving",     "want",      "wants",     "wanted",
                                        "demand",       "demands",   "demanding", "valuing",
                                        "value him",    "sign him",  "signature", "splashing out",
                                        "splashed out", "splashing", "spending",  "forked out",
                                        "shelled out",  NULL};
static const char *const no_clause[] = {"no release clause", "without a release clause",
                                        "no buy-out clause", NULL};
static const char *const buy_words[] = {"bought",   "buy",     "buys",      "buying",
                                        "acquired", "acquire", "acquiring", "purchased",
                                        "purchase", "own",     "owns",      NULL};

/* "RedBird bought AC Milan for $1.2bn": the money buys a club, not a player. */
static bool buys_a_club(const struct doc *d, size_t from, size_t to)
{
    for (size_t k = subject_first_mention_from(d, from); k < d->nm; k++) {
        const struct doc_mention *m = &d->m[k];
        const struct token *a = &d->t.v[m->tok];
        if (a->start >= to)
            break;
        if ((a->flags & TOK_TITLE) || a->start < from || d->e[m->entity].kind != ENTITY_CLUB ||
            m->tok == 0)
            continue;
        if (doc_token_in(d, m->tok - 1, buy_words) ||
            (m->tok >= 2 && tokens_is(&d->t, m->tok - 1, "the") &&
             doc_token_in(d, m->tok - 2, buy_words)))
            return true;
    }
    return false;
}

/* Words right before an amount that make it a transfer fee. */
static const char *const fee_lead_words[] = {
    "fee of",       "fee", "bid of", "offer of", "bid",     "offer", "price of",
    "valuation of", "for", "worth",  "cost",     "costing", "paid",  NULL};
static const char *const up_to_words[] = {
    "up to",   "rising to",    "could rise to",     "potentially",
    "rise to", "plus add-ons", "including add-ons", NULL};
static const char *const reported_words[] = {
    "reported",     "reportedly", "believed", "thought to", "understood",
    "according to", "said to be", "around",   "about",      NULL};
static const char *const from_words[] = {"from", NULL};
static const char *const to_words[] = {"to", "join", "joined", "joins", "joining", NULL};
static const char *const team_run_words[] = {
    "unbeaten",    "winless",      "without a win", "run of",         "in charge",    "as manager",
    "their last",  "their next",   "our last",      "losing run",     "winning run",  "streak",
    "in a row",    "their first",  "next",          "banned",         "ban",          "suspended",
    "suspension",  "the first",    "miss",          "misses",         "missed",       "missing",
    "sit out",     "ruled out",    "sidelined",     "their previous", "conceded",     "conceding",
    "clean sheet", "clean sheets", "time in",       "times in",       "in charge of", "wins in",
    "win in",      "victories in", "defeats in",    "draws in",       "points from",  "points in",
    NULL};
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

static struct fact *add_fact(struct doc *d, enum fact_kind kind, size_t start, size_t end)
{
    d->f = xgrow(d->f, &d->fcap, d->nf + 1, sizeof *d->f);
    struct fact *f = &d->f[d->nf++];
    memset(f, 0, sizeof *f);
    f->kind = kind;
    f->subject = f->team = f->from = f->to = f->club = NO_ENTITY;
    f->goals = -1;
    f->span = (struct mention){start, end, false};
    return f;
}

static bool near_words(const struct doc *d, size_t start, size_t end, size_t before, size_t after,
                       const char *const *words)
{
    size_t from = start > before ? start - before : 0;
    return subject_has_word(d, from, end + after, words);
}

/* "the £3m-rated Portugal international": the amount sits in a description
 * of a player named elsewhere. */
static bool describes_a_player(const struct doc *d, size_t start, size_t end)
{
    size_t i = token_before(d, start);
    if (i >= d->t.n || !tokens_is(&d->t, i, "the"))
        return false;
    size_t after = token_before(d, end) + 1;
    for (size_t k = after; k < after + 4 && k < d->t.n; k++) {
        enum person_role role;
        if (doc_is_role_word(d, k, &role))
            return role == ROLE_PLAYER;
    }
    return false;
}

/* "a joint offer for the Brighton pair X and Y": a fee for two players. */
static bool joint_bid(const struct doc *d, size_t s, size_t e)
{
    static const char *const joint[] = {"joint", "pair", "duo", "both", NULL};
    if (!subject_has_word(d, s, e, joint))
        return false;
    int first = NO_ENTITY;
    for (size_t k = subject_first_mention_from(d, s); k < d->nm; k++) {
        const struct token *a = &d->t.v[d->m[k].tok];
        if (a->start >= e)
            break;
        if ((a->flags & TOK_TITLE) || a->start < s || d->e[d->m[k].entity].kind != ENTITY_PERSON)
            continue;
        if (first != NO_ENTITY && first != d->m[k].entity)
            return true;
        first = d->m[k].entity;
    }
    return false;
}

/* Where a money phrase sits: the amount [start, amount_end), the phrase
 * [start, end) (the amount and any period after it), its sentence [s, e). */
struct place {
    size_t start, amount_end, end, s, e;
};

/* The amount of a money match (number, scale, currency); false when it is
 * not understood or under 1,000. */
static bool money_amount(const struct match *m, double *value, enum fact_currency *currency)
{
    size_t na, nb, sa = 0, sb = 0, ca, cb;
    if (!facts_group(m, "num", &na, &nb) && !facts_group(m, "num2", &na, &nb))
        return false;
    if (!facts_group(m, "scale", &sa, &sb))
        facts_group(m, "scale2", &sa, &sb);
    if (!facts_group(m, "cur", &ca, &cb) && !facts_group(m, "cur2", &ca, &cb))
        return false;
    return money_value(m->text + na, nb - na, m->text + sa, sb - sa, m->text + ca, cb - ca, value,
                       currency) &&
           *value >= 1000;
}

/* Skips one of the words at text[i] (case-insensitive, then a space). */
static size_t skip_word(const char *text, size_t len, size_t i, const char *const *words)
{
    for (size_t w = 0; words[w]; w++) {
        size_t n = strlen(words[w]);
        if (i + n < len && !strncasecmp(text + i, words[w], n) && text[i + n] == ' ')
            return i + n + 1;
    }
    return i;
}

static bool money_amount(const struct match *m, double *value, enum fact_currency *currency);

/* The end of the same amount in another currency right after `at` ("€60m
 * (£51m)", "€45m, or about £39m", "£80,000 (about €93,000)"); 0 when none.
 * Amounts in the same currency are different figures ("£40m or £50m"). */
static size_t money_conversion(const struct doc *d, size_t at, enum fact_currency currency)
{
    static const char *const about[] = {"about",  "around", "approximately", "approx.", "roughly",
                                        "some",   "c.",     "nearly",        "almost",  "or",
                                        "approx", "circa",  "equivalent to", NULL};
    const char *text = d->a->body;
    size_t len = d->a->body_len, i = at;
    bool paren = i + 1 < len && text[i] == ' ' && text[i + 1] == '(';
    if (paren)
        i += 2;
    else if (i + 1 < len && (text[i] == ',' || text[i] == ' '))
        i += text[i] == ',' && text[i + 1] == ' ' ? 2 : 1;
    else
        return 0;
    for (int k = 0; k < 2; k++) /* "or about", "about" */
        i = skip_word(text, len, i, about);
    if (!paren && i == at + 1 + (text[at] == ','))
        return 0; /* ", £39m" with no "or" or "about" is a list */
    size_t s, e;
    struct match m;
    if (!facts_match_at(d->ex->patterns, P_MONEY, text, len, i, &s, &e, &m))
        return 0;
    double v;
    enum fact_currency other;
    bool ok = money_amount(&m, &v, &other) && other != currency;
    facts_match_free(&m);
    if (!ok || (paren && (e >= len || text[e] != ')')))
        return 0;
    return paren ? e + 1 : e;
}

/* The period right after the amount ("a week", "per year"), which makes it
 * a wage; *end moves past it. FACT_PERIOD_NONE when there is none. */
static enum fact_period money_period(const struct doc *d, const struct match *m, size_t *end)
{
    size_t ps, pe, a, b;
    struct match pm;
    if (!facts_match_at(d->ex->patterns, P_PERIOD, m->text, d->a->body_len, *end, &ps, &pe, &pm))
        return FACT_PERIOD_NONE;
    enum fact_period period = facts_group(&pm, "period2", &a, &b) ? FACT_WEEK : FACT_PERIOD_NONE;
    if (!period && facts_group(&pm, "period", &a, &b))
        period = (m->text[a] | 32) == 'w'   ? FACT_WEEK
                 : (m->text[a] | 32) == 'm' ? FACT_MONTH
                                            : FACT_YEAR;
    facts_match_free(&pm);
    *end = pe;
    return period;
}

/* The word right after [at] is one of the words. */
static bool next_word_in(const struct doc *d, size_t at, const char *const *words)
{
    size_t i = token_before(d, at) + 1;
    if (i >= d->t.n || (d->t.v[i].flags & TOK_TITLE) || d->t.v[i].start > at + 2)
        return false;
    return doc_token_in(d, i, words);
}

/* "£2m more than", "£5m short of": a difference between two figures. */
static bool money_difference(const struct doc *d, const struct place *p)
{
    static const char *const comparing[] = {"more",  "less",   "higher",  "lower", "short",
                                            "above", "below",  "cheaper", "under", "over",
                                            "extra", "better", NULL};
    return next_word_in(d, p->end, comparing);
}

/* "spent £400m on six signings", "a £150m spending spree": what a club
 * spent on several players together. */
static bool money_total_spending(const struct doc *d, const struct place *p)
{
    static const char *const on[] = {"on", NULL};
    static const char *const several[] = {"signings", "players",   "new players", "transfers",
                                          "recruits", "new faces", "arrivals",    NULL};
    static const char *const totals[] = {"spending spree", "net spend", "transfer spending",
                                         "total spending", "combined",  "in total",
                                         "overall spend",  NULL};
    size_t to = p->end + 30 < p->e ? p->end + 30 : p->e;
    return (next_word_in(d, p->end, on) && subject_has_word(d, p->end, to, several)) ||
           near_words(d, p->start, p->end, 40, 12, totals);
}

/* Money that is no transfer fee: a takeover, revenue, a fine... nearby, a
 * club being bought, a difference, a club's total spending, or no fee word
 * in the sentence at all. */
static bool money_not_a_fee(const struct doc *d, const struct place *p, bool fee_lead)
{
    size_t from = p->start > p->s + 90 ? p->start - 90 : p->s;
    size_t to = p->end + 60 < p->e ? p->end + 60 : p->e;
    return subject_has_word(d, from, to, not_fee_words) || buys_a_club(d, p->s, p->start) ||
           money_difference(d, p) || money_total_spending(d, p) ||
           !(fee_lead || subject_has_word(d, p->s, p->e, fee_words));
}

/* "paid in four instalments of £10m a year": parts of a fee, never a wage. */
static bool money_instalment(const struct doc *d, const struct place *p)
{
    static const char *const parts[] = {"instalment", "instalments", "installment", "installments",
                                        "staggered",  "in stages",   "payments of", NULL};
    return near_words(d, p->start, p->end, 40, 25, parts);
}

/* "turned down an offer of £300,000 a week from Al-Nassr": money another
 * club offered the player, which he refused. */
static bool offer_turned_down(const struct doc *d, const struct place *p)
{
    static const char *const refused[] = {
        "turned down", "rejected",     "snubbed",    "rebuffed",     "refused",   "spurned",
        "declined",    "knocked back", "said no to", "turning down", "rejecting", "snubbing",
        NULL};
    static const char *const from[] = {"from", NULL};
    if (!near_words(d, p->start, p->start, 40, 0, refused))
        return false;
    return subject_entity_after_word(d, ENTITY_CLUB, p->end, p->e, from) != NO_ENTITY;
}

/* What money is by the words around it: a release clause, a wage (a period
 * or wage words), a fee; false when none of these. */
static bool money_kind(const struct doc *d, const struct place *p, bool has_period,
                       enum fact_kind *kind)
{
    size_t ws = p->start > 45 ? p->start - 45 : 0, we = p->end + 45;
    ws = ws > p->s ? ws : p->s;
    we = we < p->e ? we : p->e;
    bool fee_lead = near_words(d, p->start, p->start, 22, 0, fee_lead_words);
    if (subject_has_word(d, ws, we, release_words) && !subject_has_word(d, ws, we, no_clause))
        *kind = FACT_RELEASE_CLAUSE;
    else if (money_instalment(d, p))
        *kind = FACT_FEE;
    else if ((has_period || near_words(d, p->start, p->end, 40, 25, wage_words)) &&
             offer_turned_down(d, p))
        *kind = FACT_OFFER;
    else if (has_period || (!fee_lead && near_words(d, p->start, p->end, 40, 25, wage_words)))
        *kind = FACT_WAGE;
    else if (money_not_a_fee(d, p, fee_lead))
        return false;
    else
        *kind = FACT_FEE;
    return true;
}

/* "up to £60m", "a reported £40m". */
/* Words before an amount that make it the seller's price, not a fee paid to
 * the club named before it: "Chelsea want £70m for", "value him at". */
static const char *const asking_words[] = {"want",
                                           "wants",
                                           "demand",
                                           "demands",
                                           "demanding",
                                           "asking",
                                           "asking price",
                                           "valued",
                                           "value",
                                           "valuation",
                                           "price tag",
                                           "slapped",
                                           "holding out for",
                                           "insist on",
                                           "priced",
                                           "will accept",
                                           NULL};

static bool asking_price(const struct doc *d, const struct place *p)
{
    return near_words(d, p->start, p->start, 30, 0, asking_words);
}

static enum fact_qualifier fee_qualifier(const struct doc *d, const struct place *p)
{
    if (near_words(d, p->start, p->amount_end, 25, 0, up_to_words))
        return FACT_UP_TO;
    if (asking_price(d, p))
        return FACT_ASKING;
    if (subject_has_word(d, p->s, p->start, reported_words) ||
        subject_has_word(d, p->end, p->e, reported_words)) /* not a conversion's "about" */
        return FACT_REPORTED;
    return FACT_QUALIFIER_NONE;
}

/* The selling and buying clubs: "from X", "to Y" near the fee, else the
 * club named before it (the buyer leads: "Barcelona agreed to sign X from
 * Bayern for ..."). */
static void fee_clubs(const struct doc *d, const struct place *p, struct fact *f)
{
    size_t near_end = p->end + 40 < p->e ? p->end + 40 : p->e; /* not "... on loan to Parma" */
    f->from = subject_entity_after_word(d, ENTITY_CLUB, p->s, near_end, from_words);
    f->to = subject_entity_after_word(d, ENTITY_CLUB, p->s, near_end, to_words);
    static const char *const pay_words[] = {"pay", "pays", "paid", "paying", NULL};
    int paid = subject_entity_after_word(d, ENTITY_CLUB, p->s, p->start, pay_words);
    if (f->from == NO_ENTITY && paid != NO_ENTITY) {
        /* "Al-Hilal will pay PSG a fee of ...": the club paid is the seller */
        f->from = paid;
        f->to = subject_entity_near(d, ENTITY_CLUB, p->s, p->start, p->start, -1);
        f->to =
            f->to == paid ? subject_entity_near(d, ENTITY_CLUB, p->s, p->start, p->s, 1) : f->to;
        f->to = f->to == paid ? NO_ENTITY : f->to;
        return;
    }
    if (f->to == NO_ENTITY && f->from == NO_ENTITY && asking_price(d, p)) {
        /* the club that asks is the seller: "Chelsea want £70m for ..." */
        f->from = subject_entity_near(d, ENTITY_CLUB, p->s, p->start, p->start, -1);
        return;
    }
    if (f->to == NO_ENTITY)
        f->to = subject_entity_near(d, ENTITY_CLUB, p->s, p->start, p->start, -1);
    if (f->to == f->from)
        f->to = subject_entity_near(d, ENTITY_CLUB, p->s, p->start, p->s, 1);
    if (f->to == f->from)
        f->to = NO_ENTITY;
}

/* Whom money is about: nobody for a joint bid, the article's player for
 * "the £3m-rated international", else the player named around it. */
/* How many facts of a kind group (money, or any other single kind) were
 * found in [from, to) of the body: the place of the next one in a list. */
static size_t facts_in(const struct doc *d, size_t from, size_t to, bool money, enum fact_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < d->nf; i++) {
        const struct fact *f = &d->f[i];
        bool same = money ? f->kind <= FACT_RELEASE_CLAUSE : f->kind == kind;
        n += same && !f->span.in_title && f->span.start >= from && f->span.start < to;
    }
    return n;
}

static int money_subject(const struct doc *d, const struct place *p)
{
    int nth = subject_respective(d, p->start, facts_in(d, p->s, p->start, true, FACT_FEE));
    if (nth != NO_ENTITY)
        return nth;
    if (joint_bid(d, p->s, p->e))
        return NO_ENTITY;
    if (describes_a_player(d, p->start, p->end))
        return subject_topic(d, p->start, true);
    return subject_person(d, p->start, p->end, true);
}

/* Money: the period after it decides a wage; words around it decide the rest. */
static void on_money(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    double value;
    enum fact_currency currency;
    if (!money_amount(m, &value, &currency))
        return;
    if (m->start < d->money_skip)
        return; /* the conversion of the amount before */
    struct place p = {.start = m->start, .amount_end = m->end, .end = m->end};
    size_t conversion = money_conversion(d, m->end, currency);
    if (conversion)
        p.end = d->money_skip = conversion; /* the phrase holds both amounts */
    enum fact_period period = money_period(d, m, &p.end);
    subject_sentence(d, m->start, &p.s, &p.e);
    enum fact_kind kind;
    if (!money_kind(d, &p, period != FACT_PERIOD_NONE, &kind))
        return;
    struct fact *f = add_fact(d, kind, p.start, p.end);
    f->has_value = true;
    f->value = value;
    f->currency = currency;
    if (kind == FACT_WAGE || (kind == FACT_OFFER && period))
        f->period = period ? period : FACT_YEAR;
    if (kind == FACT_OFFER) {
        static const char *const from[] = {"from", NULL};
        f->club = subject_entity_after_word(d, ENTITY_CLUB, p.end, p.e, from);
    }
    if (kind == FACT_FEE) {
        f->qualifier = fee_qualifier(d, &p);
        fee_clubs(d, &p, f);
    }
    f->subject = money_subject(d, &p);
}

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

static const char *const count_names[] = {"n", "n2", "nth", NULL};

static void on_caps(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    double n;
    if (!facts_group_number(m, count_names, &n) || n < 1 || n > 250)
        return;
    struct fact *f = add_fact(d, FACT_CAPS, m->start, m->end);
    f->has_value = true;
    f->value = n;
    size_t s, e;
    subject_sentence(d, m->start, &s, &e);
    f->team = subject_entity_near(d, ENTITY_NATIONAL_TEAM, s, e, m->end, 0);
    f->subject = subject_person(d, m->start, m->end, true);
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

/* "since his £11m move from Basel": the club he left, not the one he plays for. */
static bool club_left_since(const struct doc *d, size_t tok)
{
    static const char *const since[] = {"since", "after", NULL};
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
    size_t i = token_before(d, s);
    if (i >= d->t.n)
        return NO_ENTITY;
    size_t ps, pe;
    subject_sentence(d, d->t.v[i].start, &ps, &pe);
    return subject_entity_near(d, ENTITY_CLUB, ps, pe, pe, -1);
}

static void on_appearances(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    double n;
    if (!facts_group_number(m, count_names, &n) || n < 1 || n > 1500 || n != (int)n)
        return;
    size_t s, e;
    subject_sentence(d, m->start, &s, &e);
    static const char *const vague[] = {"or", NULL};
    if (near_words(d, m->start, m->end, 40, 0, team_run_words) ||
        subject_has_word(d, m->end, m->end + 22 < e ? m->end + 22 : e, team_run_after) ||
        near_words(d, m->start, m->start, 4, 0, vague))
        return; /* a team's run, or "one or two matches" */
    if (!near_words(d, m->start, m->end, 40, 25, person_game_words))
        return;
    static const char *const for_words[] = {"for", NULL};
    int country =
        subject_entity_after_word(d, ENTITY_NATIONAL_TEAM, m->end, m->end + 12, for_words);
    struct fact *f =
        add_fact(d, country != NO_ENTITY ? FACT_CAPS : FACT_APPEARANCES, m->start, m->end);
    f->has_value = true;
    f->value = n;
    static const char *const the_club[] = {"for the club", "for the side", "for his club",
                                           "for the team", NULL};
    if (country != NO_ENTITY)
        f->team = country;
    else if (subject_has_word(d, m->end, m->end + 14 < e ? m->end + 14 : e, the_club))
        f->team = most_named_club(d, m->start); /* "for the club": the article's club */
    else
        f->team = apps_club(d, s, e, m->start, m->end);
    if (f->team == NO_ENTITY)
        f->team = subject_entity_near(d, ENTITY_COMPETITION, s, e, m->end, 1);
    if (f->team == NO_ENTITY)
        f->team = previous_sentence_club(d, s);
    f->subject = subject_person(d, m->start, m->end, true);
}

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
    size_t i = token_before(d, at) + 1;
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
           (facts_group(m, "n2", &a, &b) && near_words(d, m->start, m->start, 8, 0, at_the));
}

/* "I will be 35", "I'm 30" in a quote: the speaker's age. */
static bool first_person_age(const struct doc *d, const struct match *m)
{
    static const char *const i_words[] = {"i will", "i'll", "i would", "i'd", "i'm", "i am", NULL};
    return near_words(d, m->start, m->end, 9, 0, i_words);
}

static void on_age(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    double n;
    size_t a, b;
    bool apposition = facts_group(m, "n7", &a, &b);
    static const char *const hypothetical[] = {"when i", "if i",    "when he",
                                               "if he",  "until i", NULL};
    if (facts_group(m, "n6", &a, &b) && near_words(d, m->start, m->start, 10, 0, hypothetical))
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
        if (m->start == 0 || !doc_is_role_word(d, token_before(d, m->start), &role))
            return;
        subject = subject_topic(d, m->start, role == ROLE_PLAYER);
    }
    if (subject == NO_ENTITY && anaphoric(m))
        subject = subject_topic(d, m->start, player_role_follows(d, m->end));
    if (subject == NO_ENTITY)
        subject = subject_person(d, m->start, m->end, false);
    struct fact *f = add_fact(d, FACT_AGE, apposition ? a : m->start, apposition ? b : m->end);
    f->has_value = true;
    f->value = n;
    f->subject = subject;
    if (age_at_the_time(d, m))
        f->qualifier = FACT_AT_THE_TIME;
}

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
        struct fact copy = d->f[d->nf - 1];
        struct fact *f = add_fact(d, copy.kind, copy.span.start, copy.span.end);
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
    return near_words(d, m->start, m->start, 60, 0, clause) &&
           near_words(d, m->start, m->start, 30, 0, starts);
}

static void on_contract_end(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    size_t ya, yb, s, e;
    if (!facts_group(m, "y", &ya, &yb))
        return;
    subject_sentence(d, m->start, &s, &e);
    if (!near_words(d, m->start, m->end, 90, 10, contract_words) ||
        near_words(d, m->start, m->end, 40, 0, loan_not_contract) || clause_starts(d, m))
        return;
    struct fact *f = add_fact(d, FACT_CONTRACT, m->start, m->end);
    f->has_value = true;
    f->value = atoi(m->text + ya);
    f->type = FACT_TYPE_END;
    f->status = contract_status(d, s, e, m->start);
    f->subject = subject_person(d, m->start, m->end, false);
    share_fact(d);
}

static void on_contract_length(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    static const char *const names[] = {"n", "n2", NULL};
    double n = 1;
    size_t ua, ub, s, e;
    if (facts_group(m, "n3", &ua, &ub)) /* "an option for a further year" */
        ua = ub;
    else if (!facts_group_number(m, names, &n) ||
             (!facts_group(m, "unit", &ua, &ub) && !facts_group(m, "unit2", &ua, &ub)) || n <= 0)
        return;
    if (ua < ub && (m->text[ua] | 32) == 'm')
        n /= 12;
    if (n > 10)
        return;
    subject_sentence(d, m->start, &s, &e);
    struct fact *f = add_fact(d, FACT_CONTRACT, m->start, m->end);
    f->has_value = true;
    f->value = n;
    f->type = FACT_TYPE_LENGTH;
    f->status = contract_status(d, s, e, m->start);
    f->subject = subject_person(d, m->start, m->end, false);
    share_fact(d);
}

static void on_loan(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    size_t s, e, la, lb;
    subject_sentence(d, m->start, &s, &e);
    struct fact *f = add_fact(d, FACT_LOAN, m->start, m->end);
    if (facts_group(m, "len", &la, &lb))
        f->loan_length = xstrndup(m->text + la, lb - la);
    f->from = subject_entity_after_word(d, ENTITY_CLUB, s, e, from_words);
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
    struct fact *f = add_fact(d, FACT_INTEREST, m->start, m->end);
    f->club = club;
    f->subject = person;
}

static void add_source(struct doc *d, int media, size_t start, size_t end)
{
    for (size_t i = 0; i < d->nf; i++)
        if (d->f[i].kind == FACT_SOURCE && d->f[i].club == media)
            return;
    struct fact *f = add_fact(d, FACT_SOURCE, start, end);
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

static bool same_fact(const struct fact *a, const struct fact *b)
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
            dup = d->f[i].kind != FACT_LOAN && same_fact(&d->f[k], &d->f[i]);
        if (dup)
            free(d->f[i].loan_length);
        else
            d->f[out++] = d->f[i];
    }
    d->nf = out;
}

static int compare_facts(const void *pa, const void *pb)
{
    const struct fact *a = pa, *b = pb;
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
    st->n = d->t.nsentences;
    st->mask = xcalloc(st->n + 1, sizeof *st->mask);
    st->literals = xcalloc(st->n + 1, sizeof *st->literals);
    st->last = xcalloc(st->n + 1, sizeof *st->last);
    size_t nw = d->t.nwords ? d->t.nwords : 1;
    unsigned *word = xmalloc(nw * sizeof *word), *lit = xmalloc(nw * sizeof *lit);
    for (size_t i = 0; i < d->t.n; i++) {
        const struct token *tk = &d->t.v[i];
        if (tokens_first_of_word(&d->t, i)) { /* the same form says the same */
            word[tk->word] = facts_triggers(d->ex->patterns, d, i);
            lit[tk->word] = facts_literals(d->ex->patterns, d, i);
        }
        if (!(tk->flags & TOK_TITLE))
            st->mask[tk->sentence] |= word[tk->word];
        st->literals[tk->sentence] |= lit[tk->word];
        st->last[tk->sentence] = (uint32_t)i;
    }
    free(word);
    free(lit);
}

/* Runs pattern p over each run of consecutive sentences that trigger it
 * (title sentences trigger nothing). */
static void run_over_triggered(struct doc *d, const struct sentences *st, int p,
                               void (*fn)(struct match *, void *))
{
    unsigned bit = 1u << p;
    for (size_t s = 0; s < st->n; s++) {
        if (!(st->mask[s] & bit))
            continue;
        size_t first = s == 0 ? 0 : st->last[s - 1] + 1, e = s;
        unsigned literals = st->literals[s];
        while (e + 1 < st->n && (st->mask[e + 1] & bit))
            literals |= st->literals[++e];
        if (literals & bit) /* else no match can be in the run */
            facts_each_match(d->ex->patterns, p, d->a->body, d->t.v[first].start,
                             d->t.v[st->last[e]].end, fn, d);
        s = e;
    }
}

void facts_find(struct doc *d)
{
    static void (*const handlers[P_COUNT])(struct match *, void *) = {
        [P_MONEY] = on_money,
        [P_CAPS] = on_caps,
        [P_APPEARANCES] = on_appearances,
        [P_AGE] = on_age,
        [P_CONTRACT_END] = on_contract_end,
        [P_CONTRACT_LENGTH] = on_contract_length,
        [P_LOAN] = on_loan,
        [P_INTEREST] = on_interest,
        [P_SOURCE] = on_source,
        [P_SOURCE_AFTER] = on_source_after,
    };
    struct sentences st;
    sentence_triggers(d, &st);
    for (int p = 0; p < P_COUNT; p++)
        if (handlers[p])
            run_over_triggered(d, &st, p, handlers[p]);
    free(st.mask);
    free(st.literals);
    free(st.last);
    if (d->nf > 1)
        qsort(d->f, d->nf, sizeof *d->f, compare_facts);
    dedupe(d);
}
