/* facts_money: what a money phrase is. A fee, wage, release clause or an
 * offer turned down, by the words around it; its currency conversion, its
 * period, qualifier, selling and buying clubs and subject. */
#include "core/extract/facts.h"
#include "core/extract/money.h"

#include <string.h>
#include <strings.h>

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
                                            "pay-off",
                                            "payoff",
                                            "severance",
                                            "donation",
                                            "donated",
                                            "grant",
                                            "charity",
                                            "kit deal",
                                            "kit supplies",
                                            "kit supplier",
                                            "shirt deal",
                                            NULL};
static const char *const fee_words[] = {
    "fee",           "bid",          "bids",      "offer",     "offered",
    "offers",        "signed",       "sign",      "signs",     "signing",
    "move",          "moved",        "deal",      "valued",    "valuation",
    "value",         "price",        "price-tag", "price tag", "paid",
    "pay",           "paying",       "cost",      "costing",   "buy",
    "bought",        "transfer",     "swoop",     "rated",     "snap",
    "loan",          "sold",         "sell",      "sale",      "selling",
    "joined",        "join",         "joins",     "capture",   "acquire",
    "worth",         "tag",          "owed",      "spent",     "spend",
    "splash",        "record",       "bought",    "purchase",  "switch",
    "arrival",       "recruit",      "buy-back",  "asking",    "tabled",
    "lodged",        "submitted",    "rejected",  "accepted",  "rebuffed",
    "turned down",   "package",      "joining",   "arrived",   "arriving",
    "want",          "wants",        "wanted",    "demand",    "demands",
    "demanding",     "valuing",      "value him", "sign him",  "signature",
    "splashing out", "splashed out", "splashing", "spending",  "forked out",
    "shelled out",   "owe",          "owes",      "owing",     "acquisition",
    "acquired",      "acquiring",    NULL};
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

/* "the £3m-rated Portugal international": the amount sits in a description
 * of a player named elsewhere; not "the £30m signing of winger X" or "the
 * £6m spent on striker X", which name him. */
static bool describes_a_player(const struct doc *d, size_t start, size_t end)
{
    static const char *const names_next[] = {"of", "on", "for", NULL};
    size_t i = facts_token_before(d, start);
    if (i >= d->t.n || !tokens_is(&d->t, i, "the"))
        return false;
    size_t after = facts_token_before(d, end) + 1;
    for (size_t k = after; k < after + 4 && k < d->t.n; k++) {
        enum person_role role;
        if (doc_token_in(d, k, names_next))
            return false;
        if (doc_is_role_word(d, k, &role))
            return role == ROLE_PLAYER;
    }
    return false;
}

/* "a joint offer for the Brighton pair X and Y": a fee for two players. */
static bool joint_bid(const struct doc *d, size_t s, size_t e)
{
    static const char *const joint[] = {"joint", "pair", "duo", "both", NULL};
    static const char *const for_two[] = {
        "for the two players", "for both players", "for the pair", "for the duo",
        "for the trio",        "for the two",      "for both",     NULL};
    if (subject_has_word(d, s, e, for_two))
        return true; /* "a £8m bid for the two players" */
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

/* "a £8m bid for Tom Reid and Ben Dale": a fee for two players named after
 * "for", joined by "and". */
static bool for_two_named(const struct doc *d, size_t at, size_t e)
{
    size_t k = subject_first_mention_from(d, at);
    while (k < d->nm && d->e[d->m[k].entity].kind != ENTITY_PERSON)
        k++;
    if (k + 1 >= d->nm || d->t.v[d->m[k].tok].start >= e || d->m[k].tok == 0)
        return false;
    const struct doc_mention *a = &d->m[k], *b = &d->m[k + 1];
    return tokens_is(&d->t, a->tok - 1, "for") && tokens_is(&d->t, a->tok_end, "and") &&
           b->tok == a->tok_end + 1 && d->e[b->entity].kind == ENTITY_PERSON &&
           b->entity != a->entity;
}

/* Where a money phrase sits: the amount [start, amount_end), the phrase
 * [start, end) (the amount and any period after it), its sentence [s, e). */
struct place {
    size_t start, amount_end, end, s, e;
};

/* The amount of a money match (number, scale, currency); false when it is
 * not understood or under 1,000. */
bool facts_money_amount(const struct match *m, double *value, enum fact_currency *currency)
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

/* The first currency sign of text[0..len): "£", "€" or "$"; NULL if none. */
static const char *first_sign(const char *text, size_t len)
{
    for (size_t i = 0; text && i < len; i++) {
        if (text[i] == '$')
            return "$";
        if (i + 1 < len && !strncmp(text + i, "\xc2\xa3", 2))
            return "\xc2\xa3";
        if (i + 2 < len && !strncmp(text + i, "\xe2\x82\xac", 3))
            return "\xe2\x82\xac";
    }
    return NULL;
}

bool facts_bare_money_amount(const struct doc *d, const struct match *m, double *value,
                             enum fact_currency *currency)
{
    size_t na, nb, sa, sb;
    if (!facts_group(m, "bnum", &na, &nb) || !facts_group(m, "bscale", &sa, &sb))
        return false;
    unsigned char before = na > 0 ? (unsigned char)m->text[na - 1] : ' ';
    if (before >= 0x80 || (before >= '0' && before <= '9') ||
        ((before | 32) >= 'a' && (before | 32) <= 'z') || strchr("$.,-_", before))
        return false; /* within a word or a number, or after a sign ("£42m" is no bare amount) */
    const char *sign = first_sign(d->a->body, d->a->body_len);
    if (!sign && d->a->title)
        sign = first_sign(d->a->title, strlen(d->a->title));
    return sign &&
           money_value(m->text + na, nb - na, m->text + sa, sb - sa, sign, strlen(sign), value,
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
    bool ok = facts_money_amount(&m, &v, &other) && other != currency;
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

/* "weekly wages of £250,000", "an annual salary of €8m": the period said
 * before a wage that has none after it; a year when nothing says. */
static enum fact_period period_before(const struct doc *d, const struct place *p)
{
    static const char *const weekly[] = {"weekly", "a week", "per week", "a-week", NULL};
    static const char *const monthly[] = {"monthly", "a month", "per month", NULL};
    if (facts_near_words(d, p->start, p->start, 30, 0, weekly))
        return FACT_WEEK;
    if (facts_near_words(d, p->start, p->start, 30, 0, monthly))
        return FACT_MONTH;
    return FACT_YEAR;
}

/* "£2m more than", "£5m short of": a difference between two figures. */
static bool money_difference(const struct doc *d, const struct place *p)
{
    static const char *const comparing[] = {"more",  "less",   "higher",  "lower", "short",
                                            "above", "below",  "cheaper", "under", "over",
                                            "extra", "better", NULL};
    return facts_next_word_in(d, p->end, comparing);
}

/* "spent £400m on six signings", "a £150m spending spree": what a club
 * spent on several players together. */
static bool money_total_spending(const struct doc *d, const struct place *p)
{
    static const char *const on[] = {"on", NULL};
    static const char *const several[] = {"signings", "players",   "new players", "transfers",
                                          "recruits", "new faces", "arrivals",    NULL};
    static const char *const totals[] = {"spending spree",
                                         "net spend",
                                         "transfer spending",
                                         "total spending",
                                         "combined",
                                         "in total",
                                         "overall spend",
                                         "clubs spent",
                                         "clubs spending",
                                         "clubs have spent",
                                         "clubs spend",
                                         "clubs splashed",
                                         NULL};
    size_t to = p->end + 30 < p->e ? p->end + 30 : p->e;
    return (facts_next_word_in(d, p->end, on) && subject_has_word(d, p->end, to, several)) ||
           facts_near_words(d, p->start, p->end, 40, 12, totals);
}

/* Money that is no transfer fee: a takeover, revenue, a fine... nearby, a
 * club being bought, a difference, a club's total spending, or no fee word
 * in the sentence at all. */
static bool money_not_a_fee(const struct doc *d, const struct place *p, bool fee_lead)
{
    size_t from = p->start > p->s + 90 ? p->start - 90 : p->s;
    size_t to = p->end + 60 < p->e ? p->end + 60 : p->e;
    if (facts_addon_after(d->a->body, p->e, p->end))
        to = p->end; /* "£20m, with a further £5m of bonuses": the add-on's words */
    return subject_has_word(d, from, to, not_fee_words) || buys_a_club(d, p->s, p->start) ||
           money_difference(d, p) || money_total_spending(d, p) ||
           !(fee_lead || subject_has_word(d, p->s, p->e, fee_words));
}

/* "paid in four instalments of £10m a year": parts of a fee, never a wage. */
static bool money_instalment(const struct doc *d, const struct place *p)
{
    static const char *const parts[] = {"instalment", "instalments", "installment", "installments",
                                        "staggered",  "in stages",   "payments of", NULL};
    return facts_near_words(d, p->start, p->end, 40, 25, parts);
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
    if (!facts_near_words(d, p->start, p->start, 40, 0, refused))
        return false;
    return subject_entity_after_word(d, ENTITY_CLUB, p->end, p->e, from) != NO_ENTITY;
}

/* What money is by the words around it: a release clause, a wage (a period
 * or wage words), a fee; false when none of these. */
/* "the £35m clause", "his €222m release": a clause named right after the
 * amount (not a sell-on clause, which has no amount of its own). */
static bool clause_after(const struct doc *d, const struct place *p)
{
    static const char *const clause[] = {"clause", "release", "buyout", "buy-out", NULL};
    return facts_next_word_in(d, p->end, clause);
}

static bool money_kind(const struct doc *d, const struct place *p, bool has_period,
                       enum fact_kind *kind)
{
    size_t ws = p->start > 45 ? p->start - 45 : 0, we = p->end + 45;
    ws = ws > p->s ? ws : p->s;
    we = we < p->e ? we : p->e;
    bool fee_lead = facts_near_words(d, p->start, p->start, 22, 0, fee_lead_words);
    if ((subject_has_word(d, ws, we, release_words) || clause_after(d, p)) &&
        !subject_has_word(d, ws, we, no_clause))
        *kind = FACT_RELEASE_CLAUSE;
    else if (money_instalment(d, p))
        *kind = FACT_FEE;
    else if ((has_period || facts_near_words(d, p->start, p->end, 40, 25, wage_words)) &&
             offer_turned_down(d, p))
        *kind = FACT_OFFER;
    else if (has_period ||
             (!fee_lead && facts_near_words(d, p->start, p->end, 40, 25, wage_words))) {
        static const char *const fined[] = {"fine", "fined", "fines", "docked", NULL};
        if (facts_near_words(d, p->start, p->start, 60, 0, fined))
            return false; /* "fined two weeks' wages, about £80,000" */
        *kind = FACT_WAGE;
    } else if (money_not_a_fee(d, p, fee_lead))
        return false;
    else
        *kind = FACT_FEE;
    return true;
}

/* Words before an amount that make it the seller's price, not a fee paid to
 * the club named before it: "Chelsea want £70m for", "value him at". */
static const char *const asking_words[] = {
    "valuing",         "value him", "valued him", "want",        "wants",
    "demand",          "demands",   "demanding",  "asking",      "asking price",
    "valued",          "value",     "valuation",  "price tag",   "slapped",
    "holding out for", "insist on", "priced",     "will accept", NULL};

static bool asking_price(const struct doc *d, const struct place *p)
{
    return facts_near_words(d, p->start, p->start, 30, 0, asking_words);
}

/* "up to £60m", an asking price, "a reported £40m". */
static enum fact_qualifier fee_qualifier(const struct doc *d, const struct place *p)
{
    if (facts_near_words(d, p->start, p->amount_end, 25, 0, up_to_words))
        return FACT_UP_TO;
    if (asking_price(d, p))
        return FACT_ASKING;
    if (subject_has_word(d, p->s, p->start, reported_words) ||
        subject_has_word(d, p->end, p->e, reported_words)) /* not a conversion's "about" */
        return FACT_REPORTED;
    return FACT_QUALIFIER_NONE;
}

/* "a £20m bid from Wolves": the club a bid or offer comes from is the
 * buyer; NO_ENTITY when none. */
static int bidder(const struct doc *d, size_t s, size_t e)
{
    static const char *const bids[] = {"bid",      "bids",    "offer",    "offers", "approach",
                                       "proposal", "enquiry", "interest", NULL};
    for (size_t k = subject_first_mention_from(d, s); k < d->nm; k++) {
        const struct doc_mention *m = &d->m[k];
        const struct token *a = &d->t.v[m->tok];
        if (a->start >= e)
            break;
        if ((a->flags & TOK_TITLE) || d->e[m->entity].kind != ENTITY_CLUB || m->tok < 2)
            continue;
        size_t i = m->tok - 1;
        if (tokens_is(&d->t, i, "the") && i > 1)
            i--;
        if (tokens_is(&d->t, i, "from") && doc_token_in(d, i - 1, bids))
            return m->entity;
    }
    return NO_ENTITY;
}

/* The selling and buying clubs: "from X", "to Y" near the fee, else the
 * club named before it (the buyer leads: "Barcelona agreed to sign X from
 * Bayern for ..."). */
static void fee_clubs(const struct doc *d, const struct place *p, struct doc_fact *f)
{
    size_t near_end = p->end + 40 < p->e ? p->end + 40 : p->e; /* not "... on loan to Parma" */
    f->from = subject_entity_after_word(d, ENTITY_CLUB, p->s, near_end, from_words);
    f->to = subject_entity_after_word(d, ENTITY_CLUB, p->s, near_end, to_words);
    int buyer = bidder(d, p->s, near_end);
    if (buyer != NO_ENTITY && buyer == f->from) { /* "a bid from Wolves" */
        f->to = buyer;
        f->from = subject_entity_near(d, ENTITY_CLUB, p->s, p->e, p->start, 0);
        f->from = f->from == buyer ? NO_ENTITY : f->from;
        if (f->from == NO_ENTITY) { /* the other club of the sentence */
            for (size_t k = subject_first_mention_from(d, p->s); k < d->nm; k++) {
                const struct token *a = &d->t.v[d->m[k].tok];
                if (a->start >= p->e)
                    break;
                if (!(a->flags & TOK_TITLE) && d->e[d->m[k].entity].kind == ENTITY_CLUB &&
                    d->m[k].entity != buyer) {
                    f->from = d->m[k].entity;
                    break;
                }
            }
        }
        return;
    }
    static const char *const pay_words[] = {"pay",  "pays", "paid",  "paying", "owe",
                                            "owes", "owed", "owing", NULL};
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
    static const char *const sell_words[] = {"sell",       "sells",   "sold",    "selling",
                                             "sale",       "cash in", "offload", "offloaded",
                                             "let him go", NULL};
    int seller = subject_entity_near(d, ENTITY_CLUB, p->s, p->start, p->start, -1);
    if (f->to == NO_ENTITY && f->from == NO_ENTITY && seller != NO_ENTITY &&
        subject_has_word(d, p->s, p->start, sell_words) &&
        subject_entity_near(d, ENTITY_CLUB, p->s, p->e, p->start, 1) == NO_ENTITY) {
        f->from = seller; /* "Leeds will sanction a sale for £40m" */
        return;
    }
    static const char *const with[] = {"with", NULL};
    static const char *const agreed[] = {"agreed", "agree", "agrees", "fee", "deal", NULL};
    int with_club = subject_entity_after_word(d, ENTITY_CLUB, p->start, near_end, with);
    if (f->from == NO_ENTITY && with_club != NO_ENTITY &&
        facts_near_words(d, p->start, p->start, 25, 0, agreed)) {
        f->from = with_club; /* "agreed a fee of £20m with Lyon" */
        if (f->to == NO_ENTITY || f->to == with_club)
            f->to = subject_entity_near(d, ENTITY_CLUB, p->s, p->start, p->start, -1);
        f->to = f->to == with_club ? NO_ENTITY : f->to;
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

/* How many facts of a kind group (money, or any other single kind) were
 * found in [from, to) of the body: the place of the next one in a list. */
static size_t facts_in(const struct doc *d, size_t from, size_t to, bool money, enum fact_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < d->nf; i++) {
        const struct doc_fact *f = &d->f[i];
        bool same = money ? f->kind <= FACT_RELEASE_CLAUSE : f->kind == kind;
        n += same && !f->span.in_title && f->span.start >= from && f->span.start < to;
    }
    return n;
}

/* A person who is no manager, official or agent. */
static bool is_player(const struct doc *d, int e)
{
    return d->e[e].role != ROLE_MANAGER && d->e[e].role != ROLE_OFFICIAL &&
           d->e[e].role != ROLE_AGENT;
}

/* "£20m on Porto defender Ricardo Carvalho", "£8m for Lyon's Ivo Laine":
 * the player named right after "on" or "for" the amount, past a club, a
 * role and capitalised words, wins over a name before the amount. */
static int named_after(const struct doc *d, const struct place *p, int *club)
{
    *club = NO_ENTITY;
    static const char *const on_for[] = {"on", "for", NULL};
    static const char *const spent[] = {"spent", "paid", "splashed", "lavished", NULL};
    size_t i = facts_token_before(d, p->end) + 1;
    if (i + 1 < d->t.n && doc_token_in(d, i, spent))
        i++; /* "the £6m spent on Bolton striker Gary Madine" */
    if (i >= d->t.n || !doc_token_in(d, i, on_for))
        return NO_ENTITY;
    for (size_t k = i + 1; k < i + 7 && k < d->t.n; k++) {
        const struct token *tk = &d->t.v[k];
        if (tk->start >= p->e)
            return NO_ENTITY;
        int o = d->owner[k];
        if (o >= 0 && d->e[d->m[o].entity].kind == ENTITY_PERSON)
            return d->m[o].tok == k && is_player(d, d->m[o].entity) ? d->m[o].entity : NO_ENTITY;
        if (o >= 0 && d->e[d->m[o].entity].kind == ENTITY_CLUB && *club == NO_ENTITY)
            *club = d->m[o].entity;
        enum person_role role;
        bool passes = o >= 0 || (tk->flags & TOK_CAP) || tokens_is(&d->t, k, "the") ||
                      doc_is_role_word(d, k, &role);
        if (!passes)
            return NO_ENTITY;
    }
    return NO_ENTITY;
}

/* Whom money is about: nobody for a joint bid, the article's player for
 * "the £3m-rated international", else the player named around it. */
static int money_subject(const struct doc *d, const struct place *p)
{
    int nth = subject_respective(d, p->start, facts_in(d, p->s, p->start, true, FACT_FEE));
    if (nth != NO_ENTITY)
        return nth;
    if (joint_bid(d, p->s, p->e) || for_two_named(d, p->end, p->e))
        return NO_ENTITY;
    if (describes_a_player(d, p->start, p->end))
        return subject_topic(d, p->start, true);
    int club, named = named_after(d, p, &club);
    return named != NO_ENTITY ? named : subject_person(d, p->start, p->end, true);
}

/* Money: the period after it decides a wage; words around it decide the rest. */
void facts_on_money(struct match *m, void *ctx)
{
    struct doc *d = ctx;
    double value;
    enum fact_currency currency;
    if (!facts_money_amount(m, &value, &currency) &&
        !facts_bare_money_amount(d, m, &value, &currency))
        return;
    if (m->start < d->money_skip)
        return; /* the conversion of the amount before */
    struct place p = {.start = m->start, .amount_end = m->end, .end = m->end};
    size_t conversion = money_conversion(d, m->end, currency);
    if (conversion)
        p.end = d->money_skip = conversion; /* the phrase holds both amounts */
    enum fact_period period = money_period(d, m, &p.end);
    subject_sentence(d, m->start, &p.s, &p.e);
    int whole; /* the fee an add-on or instalment belongs to */
    enum fact_qualifier part = facts_money_part(d, p.start, p.end, p.s, p.e, currency, &whole);
    enum fact_kind kind = FACT_FEE;
    int list_person = NO_ENTITY;
    bool list_line = false;
    if (whole < 0 && !money_kind(d, &p, period != FACT_PERIOD_NONE, &kind)) {
        list_line = !period && facts_money_list_line(d, p.start, p.s, &kind, &list_person);
        if (!list_line) /* "Marc Vidal – €500m" under "Release clauses" */
            return;
    }
    struct doc_fact *f = facts_add(d, kind, p.start, p.end);
    f->has_value = true;
    f->value = value;
    f->currency = currency;
    if (kind == FACT_WAGE || (kind == FACT_OFFER && period))
        f->period = period ? period : period_before(d, &p);
    if (kind == FACT_OFFER) {
        static const char *const from[] = {"from", NULL};
        f->club = subject_entity_after_word(d, ENTITY_CLUB, p.end, p.e, from);
    }
    if (kind == FACT_FEE && whole >= 0) { /* the fee's player and clubs */
        f->qualifier = part;
        f->subject = d->f[whole].subject;
        f->from = d->f[whole].from;
        f->to = d->f[whole].to;
        return;
    }
    if (kind == FACT_FEE) {
        f->qualifier = part ? part : fee_qualifier(d, &p);
        fee_clubs(d, &p, f);
        int seller;
        if (named_after(d, &p, &seller) != NO_ENTITY && seller != NO_ENTITY) {
            /* "£20m on Porto defender X": Porto sells, the sentence's first club buys */
            int buyer = subject_entity_near(d, ENTITY_CLUB, p.s, p.start, p.s, 1);
            f->from = seller;
            f->to = buyer != seller ? buyer : NO_ENTITY;
        }
    }
    f->subject = list_line ? list_person : money_subject(d, &p);
}
