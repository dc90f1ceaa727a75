/* facts: the facts panel. This article's facts grouped by subject, the
 * clubs it mentions with counts, and, when the target is a person or a club,
 * its dossier across the corpus (articles, mentions, facts newest first).
 * The panel is a list: the selection (shown when it is focused) picks a
 * line, and Enter on a fact or a dossier line opens its article at the
 * sentence it came from (reader_open_at). */
#include "ui/facts.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/reader.h"
#include "ui/style.h"
#include "core/base/sort.h"
#include "core/base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct frow {
    size_t line, start, end;
    int indent;
};

/* Lines (l->indent: columns before the first row) and their hanging indents. */
static struct sline *lines;
static size_t nlines, lcap;
static int *hangs;
static size_t hcap;
/* Per line: the fact it shows (article, index), article -1 for none. */
struct fact_ref {
    long article;
    size_t fact;
};
static struct fact_ref *line_refs;
static size_t fcap;
static struct frow *rows;
static size_t nrows, rcap;
static long built_article = -2;
static int built_entity = -2, built_width = -1;
/* Where the built article's extraction was (app_extraction_state): built
 * again once it is known, and once it lands in the index. */
static enum extraction_state built_state;

static struct sline *new_line(int indent)
{
    lines = xgrow(lines, &lcap, nlines + 1, sizeof *lines);
    hangs = xgrow(hangs, &hcap, nlines + 1, sizeof *hangs);
    line_refs = xgrow(line_refs, &fcap, nlines + 1, sizeof *line_refs);
    hangs[nlines] = indent + 2;
    line_refs[nlines] = (struct fact_ref){-1, 0};
    struct sline *l = &lines[nlines++];
    sline_init(l);
    l->indent = indent;
    return l;
}

static void clear_lines(void)
{
    for (size_t i = 0; i < nlines; i++)
        sline_free(&lines[i]);
    nlines = 0;
    nrows = 0;
}

/* "£31m", "€1.5bn", "$200k", "45 CHF". */
static void put_money(struct sline *l, double v, const char *cur)
{
    const char *sym = !cur                  ? ""
                      : !strcmp(cur, "GBP") ? "\xc2\xa3"
                      : !strcmp(cur, "EUR") ? "\xe2\x82\xac"
                      : !strcmp(cur, "USD") ? "$"
                                            : NULL;
    char num[32];
    const char *unit = "";
    double x = v;
    if (v >= 1e9)
        x = v / 1e9, unit = "bn";
    else if (v >= 1e6)
        x = v / 1e6, unit = "m";
    else if (v >= 1e3)
        x = v / 1e3, unit = "k";
    double r0 = (double)(long long)(x + 0.5), r1 = (double)(long long)(x * 10 + 0.5);
    if (x - r0 < 0.005 && r0 - x < 0.005)
        snprintf(num, sizeof num, "%.0f%s", x, unit);
    else if (x * 10 - r1 < 0.05 && r1 - x * 10 < 0.05)
        snprintf(num, sizeof num, "%.1f%s", x, unit);
    else
        snprintf(num, sizeof num, "%.2f%s", x, unit);
    if (sym)
        sline_printf(l, STYLE_MONEY, "%s%s", sym, num);
    else
        sline_printf(l, STYLE_MONEY, "%s %s", num, cur);
}

static void put_entity(struct sline *l, const struct extraction *x, int e)
{
    if (e >= 0 && (size_t)e < x->nentities)
        sline_puts(l, x->entities[e].name, style_of_kind(x->entities[e].kind));
}

/* " (2017, Atalanta -> Inter Milan)" after a fee or release clause. */
static void describe_transfer(struct sline *l, const struct extraction *x, const struct fact *f)
{
    bool from = extraction_entity_name(x, f->from), to = extraction_entity_name(x, f->to);
    if (!f->year && !from && !to)
        return;
    sline_puts(l, " (", STYLE_FACTS_LABEL);
    if (f->year)
        sline_printf(l, STYLE_COUNT, "%d", f->year);
    if (f->year && (from || to))
        sline_puts(l, ", ", STYLE_FACTS_LABEL);
    if (from && !to)
        sline_puts(l, "from ", STYLE_FACTS_LABEL);
    put_entity(l, x, f->from);
    if (to) {
        sline_puts(l, from ? " -> " : "to ", STYLE_FACTS_LABEL);
        put_entity(l, x, f->to);
    }
    sline_puts(l, ")", STYLE_FACTS_LABEL);
}

/* "fee reported £31m (2017, Atalanta -> Inter Milan)", "release clause €1bn",
 * "add-ons £5m (Ajax -> Chelsea)". */
static void describe_fee(struct sline *l, const struct extraction *x, const struct fact *f)
{
    if (f->kind == FACT_FEE && f->qualifier == FACT_ASKING) { /* the seller's price */
        sline_puts(l, "asking price ", STYLE_FACTS_LABEL);
        if (f->has_value)
            put_money(l, f->value, fact_currency_name(f->currency));
        if (extraction_entity_name(x, f->from) || extraction_entity_name(x, f->to)) {
            sline_puts(l, " (", STYLE_FACTS_LABEL);
            put_entity(l, x, extraction_entity_name(x, f->from) ? f->from : f->to);
            sline_puts(l, ")", STYLE_FACTS_LABEL);
        }
        return;
    }
    /* parts of a fee: "add-ons £5m", "instalment £10m", not a fee of their own */
    bool part = f->qualifier == FACT_ADD_ON || f->qualifier == FACT_INSTALMENT;
    if (part)
        sline_printf(l, STYLE_FACTS_LABEL, "%s ", fact_qualifier_name(f->qualifier));
    else
        sline_puts(l, f->kind == FACT_FEE ? "fee " : "release clause ", STYLE_FACTS_LABEL);
    if (f->qualifier && !part)
        sline_printf(l, STYLE_DIM, "%s ", fact_qualifier_name(f->qualifier));
    if (f->has_value)
        put_money(l, f->value, fact_currency_name(f->currency));
    describe_transfer(l, x, f);
}

/* "wage £3.9m / year". */
static void describe_wage(struct sline *l, const struct fact *f)
{
    sline_puts(l, "wage ", STYLE_FACTS_LABEL);
    if (f->has_value)
        put_money(l, f->value, fact_currency_name(f->currency));
    if (f->period)
        sline_printf(l, STYLE_FACTS_LABEL, " / %s", fact_period_name(f->period));
}

/* "offer £500k / week from Al-Hilal (turned down)": never his wage. */
static void describe_offer(struct sline *l, const struct extraction *x, const struct fact *f)
{
    sline_puts(l, "offer ", STYLE_FACTS_LABEL);
    if (f->has_value)
        put_money(l, f->value, fact_currency_name(f->currency));
    if (f->period)
        sline_printf(l, STYLE_FACTS_LABEL, " / %s", fact_period_name(f->period));
    if (extraction_entity_name(x, f->club)) {
        sline_puts(l, " from ", STYLE_FACTS_LABEL);
        put_entity(l, x, f->club);
    }
    sline_puts(l, " (turned down)", STYLE_DIM);
}

/* "loan from Atalanta to Parma (season-long)". */
static void describe_loan(struct sline *l, const struct extraction *x, const struct fact *f)
{
    sline_puts(l, "loan", STYLE_FACTS_LABEL);
    if (extraction_entity_name(x, f->from)) {
        sline_puts(l, " from ", STYLE_FACTS_LABEL);
        put_entity(l, x, f->from);
    }
    if (extraction_entity_name(x, f->to)) {
        sline_puts(l, " to ", STYLE_FACTS_LABEL);
        put_entity(l, x, f->to);
    }
    const char *length = extraction_loan_length(x, f);
    if (length)
        sline_printf(l, STYLE_FACTS_LABEL, " (%s)", length);
}

/* Whether the phrase a fact came from says `word` (ASCII, any case). */
static bool span_says(const struct app *a, size_t art, const struct fact *f, const char *word)
{
    const struct article *ar = a->c->articles[art];
    const char *t = f->span.in_title ? ar->title : ar->body;
    size_t len = f->span.in_title ? strlen(t) : ar->body_len, n = strlen(word);
    for (size_t i = f->span.start; i + n <= f->span.end && i + n <= len; i++)
        if (!strncasecmp(t + i, word, n))
            return true;
    return false;
}

/* A contract's length as the text gave it: "5 months" when its phrase
 * counts months (the extractor stores years: 5/12), else "5.5 years". */
static void put_length(struct sline *l, const struct app *a, size_t art, const struct fact *f)
{
    double months = f->value * 12;
    if (span_says(a, art, f, "month")) {
        long m = (long)(months + 0.5);
        sline_printf(l, STYLE_COUNT, "%ld month%s", m, m == 1 ? "" : "s");
    } else if (f->value == (double)(long)f->value) {
        sline_printf(l, STYLE_COUNT, "%.0f year%s", f->value, f->value == 1 ? "" : "s");
    } else {
        sline_printf(l, STYLE_COUNT, "%.1f years", f->value);
    }
}

/* "contract to 2024 (expires)", "offer to 2027", "signed 5.5 years". */
static void describe_contract(struct sline *l, const struct app *a, size_t art,
                              const struct fact *f)
{
    bool end = f->type != FACT_TYPE_LENGTH;
    const char *word = f->status == FACT_OFFERED  ? "offer"
                       : f->status == FACT_SIGNED ? "signed"
                                                  : "contract";
    sline_printf(l, STYLE_FACTS_LABEL, "%s %s", word, end ? "to " : "");
    if (f->has_value && end)
        sline_printf(l, STYLE_COUNT, "%.0f", f->value);
    else if (f->has_value)
        put_length(l, a, art, f);
    if (f->status == FACT_EXPIRES)
        sline_puts(l, " (expires)", STYLE_DIM);
}

/* An age at another time: "age 11 when he joined" when the sentence says
 * when (a word in the 80 bytes before the phrase, or in it), else "age 11
 * at the time"; never shown as the current age. */
static void describe_age(struct sline *l, const struct app *a, size_t art, const struct fact *f)
{
    static const struct {
        const char *word, *says;
    } events[] = {
        {"joined", "when he joined"},   {"signed", "when he signed"}, {"debut", "on his debut"},
        {"arrived", "when he arrived"}, {"moved", "when he moved"},   {"left", "when he left"},
    };
    sline_puts(l, "age ", STYLE_FACTS_LABEL);
    if (f->has_value)
        sline_printf(l, STYLE_COUNT, "%.0f", f->value);
    if (f->qualifier != FACT_AT_THE_TIME)
        return;
    const char *says = "at the time";
    struct fact wide = *f;
    wide.span.start = f->span.start > 80 ? f->span.start - 80 : 0;
    for (size_t i = 0; i < sizeof events / sizeof *events; i++)
        if (span_says(a, art, &wide, events[i].word)) {
            says = events[i].says;
            break;
        }
    sline_printf(l, STYLE_FACTS_LABEL, " %s", says);
}

/* "caps 17 (Italy, 2 goals)", "apps 134 (Inter Milan)". */
static void describe_count(struct sline *l, const struct extraction *x, const struct fact *f)
{
    sline_puts(l, f->kind == FACT_CAPS ? "caps " : "apps ", STYLE_FACTS_LABEL);
    if (f->has_value)
        sline_printf(l, STYLE_COUNT, "%.0f", f->value);
    if (!extraction_entity_name(x, f->team) && f->goals < 0)
        return;
    sline_puts(l, " (", STYLE_FACTS_LABEL);
    put_entity(l, x, f->team);
    if (f->goals >= 0)
        sline_printf(l, STYLE_FACTS_LABEL, "%s%d goal%s",
                     extraction_entity_name(x, f->team) ? ", " : "", f->goals,
                     f->goals == 1 ? "" : "s");
    sline_puts(l, ")", STYLE_FACTS_LABEL);
}

/* One fact of article art as a short phrase: "fee £31m (2017, Atalanta
 * -> Inter Milan)". */
static void describe_fact(struct sline *l, const struct app *a, size_t art, const struct fact *f)
{
    const struct extraction *x = app_extraction(a, art);
    switch (f->kind) {
    case FACT_FEE:
    case FACT_RELEASE_CLAUSE:
        describe_fee(l, x, f);
        break;
    case FACT_WAGE:
        describe_wage(l, f);
        break;
    case FACT_LOAN:
        describe_loan(l, x, f);
        break;
    case FACT_CONTRACT:
        describe_contract(l, a, art, f);
        break;
    case FACT_CAPS:
    case FACT_APPEARANCES:
        describe_count(l, x, f);
        break;
    case FACT_AGE:
        describe_age(l, a, art, f);
        break;
    case FACT_OFFER:
        describe_offer(l, x, f);
        break;
    case FACT_INTEREST:
    case FACT_SOURCE:
        sline_puts(l, f->kind == FACT_INTEREST ? "interest from " : "source: ", STYLE_FACTS_LABEL);
        put_entity(l, x, f->club);
        break;
    default:
        sline_puts(l, fact_kind_name(f->kind), STYLE_FACTS_LABEL);
        break;
    }
}

void facts_describe(struct sline *l, const struct app *a, size_t article, const struct fact *f)
{
    describe_fact(l, a, article, f);
}

static void heading(const char *text)
{
    struct sline *l = new_line(0);
    sline_puts(l, text, STYLE_FACTS_HEADING);
}

/* The clubs an article mentions with their mention counts, most mentioned first. */
static void article_clubs(const struct extraction *x)
{
    size_t order[64], n = 0;
    for (size_t e = 0; e < x->nentities && n < 64; e++)
        if (x->entities[e].kind == ENTITY_CLUB)
            order[n++] = e;
    for (size_t i = 1; i < n; i++)
        for (size_t j = i;
             j > 0 && x->entities[order[j]].nmentions > x->entities[order[j - 1]].nmentions; j--) {
            size_t t = order[j];
            order[j] = order[j - 1];
            order[j - 1] = t;
        }
    new_line(0);
    heading("Clubs");
    if (!n)
        sline_puts(new_line(1), "none", STYLE_DIM);
    for (size_t i = 0; i < n; i++) {
        struct sline *l = new_line(1);
        put_entity(l, x, (int)order[i]);
        sline_printf(l, STYLE_DIM, " %zu", (size_t)x->entities[order[i]].nmentions);
    }
}

struct shown_fact;
static bool same_fact(const struct app *a, struct shown_fact p, struct shown_fact q);

/* Whether fact i of an article repeats an earlier fact of its own subject
 * (two "loan" phrases for the one loan). */
static bool repeated(const struct app *a, size_t art, size_t i);

/* A fact's line under its subject (or, with no subject, on its own at
 * the end of "In this article"), linked to the fact for Enter. */
static void fact_line(const struct app *a, size_t art, size_t i, int indent)
{
    describe_fact(new_line(indent), a, art, &app_extraction(a, art)->facts[i]);
    line_refs[nlines - 1] = (struct fact_ref){(long)art, i};
}

static void article_facts(const struct app *a, size_t art)
{
    const struct extraction *x = app_extraction(a, art);
    heading("In this article");
    if (!x->nfacts) {
        bool pending = app_extraction_state(a, art) == EXTRACTION_PENDING;
        sline_puts(new_line(1), pending ? "not extracted yet" : "none found", STYLE_DIM);
    }
    /* grouped by subject, in order of each subject's first fact; the facts
     * with no subject come last, under no heading */
    bool *done = xcalloc(x->nfacts + 1, 1);
    for (size_t i = 0; i < x->nfacts; i++) {
        int subj = x->facts[i].subject;
        if (done[i] || !extraction_entity_name(x, subj))
            continue;
        put_entity(new_line(1), x, subj);
        for (size_t j = i; j < x->nfacts; j++) {
            if (done[j] || x->facts[j].subject != subj)
                continue;
            done[j] = true;
            if (!repeated(a, art, j))
                fact_line(a, art, j, 3);
        }
    }
    for (size_t i = 0; i < x->nfacts; i++)
        if (!done[i] && !repeated(a, art, i))
            fact_line(a, art, i, 1);
    free(done);
    article_clubs(x);
}

static int newest_first(const void *pa, const void *pb, void *ctx)
{
    const struct app *a = ctx;
    size_t ra = a->rank[*(const uint32_t *)pa], rb = a->rank[*(const uint32_t *)pb];
    return ra < rb ? -1 : ra > rb;
}

/* The dossier reads the facts of an entity's newest articles only, so that
 * its cost does not grow with the corpus (a club may be in 30,000 of them). */
enum { DOSSIER_ARTICLES = 60 };

/* Sifts heap[i] down in a max-heap of n articles keyed by rank. */
static void sift_down(const struct app *a, uint32_t *heap, size_t n, size_t i)
{
    for (;;) {
        size_t big = i, l = 2 * i + 1, r = l + 1;
        if (l < n && a->rank[heap[l]] > a->rank[heap[big]])
            big = l;
        if (r < n && a->rank[heap[r]] > a->rank[heap[big]])
            big = r;
        if (big == i)
            return;
        uint32_t t = heap[i];
        heap[i] = heap[big];
        heap[big] = t;
        i = big;
    }
}

/* The newest (lowest rank) `k` of an entity's articles into out, newest
 * first; returns how many. A bounded max-heap: O(n log k). */
static size_t newest_articles(const struct app *a, const struct index_entity *e, uint32_t *out,
                              size_t k)
{
    size_t n = 0;
    for (size_t i = 0; i < e->narticles; i++) {
        uint32_t art = e->articles[i];
        if (n < k) {
            out[n++] = art;
            if (n == k)
                for (size_t j = k / 2; j-- > 0;)
                    sift_down(a, out, n, j);
        } else if (a->rank[art] < a->rank[out[0]]) {
            out[0] = art;
            sift_down(a, out, n, 0);
        }
    }
    sort_ctx(out, n, sizeof *out, newest_first, (void *)a);
    return n;
}

/* Whether a fact is about entity g: its subject, or for clubs any club role. */
static bool fact_about(const struct app *a, size_t art, const struct fact *f, int g, bool club)
{
    if (!club)
        return app_global(a, art, (size_t)(f->subject < 0 ? SIZE_MAX : (size_t)f->subject)) == g;
    int refs[] = {f->from, f->to, f->club, f->team};
    for (size_t i = 0; i < sizeof refs / sizeof *refs; i++)
        if (refs[i] >= 0 && app_global(a, art, (size_t)refs[i]) == g)
            return true;
    return false;
}

/* A fact the dossier has shown: its article and index there. */
struct shown_fact {
    uint32_t article;
    size_t fact;
};

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

/* The global entity an article's reference stands for, or -1: in the
 * article's own index (app_own_global), so that the facts of an article
 * attached to the stored index compare as they will once it lands; the
 * dossier compares landed articles only. */
static int global_ref(const struct app *a, uint32_t art, int local)
{
    return local < 0 ? -1 : app_own_global(a, art, (size_t)local);
}

/* Whether two facts say the same thing: the same kind, values, words and
 * entities (by global entity, so across articles). */
static bool same_fact(const struct app *a, struct shown_fact p, struct shown_fact q)
{
    const struct extraction *fx = app_extraction(a, p.article), *gx = app_extraction(a, q.article);
    const struct fact *f = &fx->facts[p.fact];
    const struct fact *g = &gx->facts[q.fact];
    if (f->kind != g->kind || f->has_value != g->has_value ||
        (f->has_value && f->value != g->value) || f->year != g->year || f->goals != g->goals ||
        f->currency != g->currency || f->period != g->period || f->type != g->type ||
        f->status != g->status || f->qualifier != g->qualifier ||
        !same_text(extraction_loan_length(fx, f), extraction_loan_length(gx, g)))
        return false;
    const int fr[] = {f->subject, f->team, f->from, f->to, f->club};
    const int gr[] = {g->subject, g->team, g->from, g->to, g->club};
    for (size_t i = 0; i < sizeof fr / sizeof *fr; i++)
        if (global_ref(a, p.article, fr[i]) != global_ref(a, q.article, gr[i]))
            return false;
    return true;
}

static bool repeated(const struct app *a, size_t art, size_t i)
{
    for (size_t j = 0; j < i; j++)
        if (same_fact(a, (struct shown_fact){(uint32_t)art, j},
                      (struct shown_fact){(uint32_t)art, i}))
            return true;
    return false;
}

/* The dossier's heading: "Inter Milan in the corpus", role and counts. */
static void dossier_heading(const struct index_entity *e)
{
    new_line(0);
    struct sline *h = new_line(0);
    sline_puts(h, e->name, style_of_kind(e->kind));
    sline_puts(h, " in the corpus", STYLE_FACTS_HEADING);
    struct sline *s = new_line(1);
    if (e->kind != ENTITY_CLUB && e->role != ROLE_UNKNOWN)
        sline_printf(s, STYLE_DIM, "%s \xc2\xb7 ", person_role_name(e->role));
    sline_printf(s, STYLE_DIM, "%zu article%s \xc2\xb7 %zu mention%s", e->narticles,
                 e->narticles == 1 ? "" : "s", e->npostings, e->npostings == 1 ? "" : "s");
}

/* One dossier line: "Dec'22  Alessandro Bastoni: fee £31m (...)" (the
 * subject's name only in a club's dossier), hanging under the fact. */
static void dossier_line(const struct app *a, struct shown_fact sf, bool club)
{
    const struct extraction *x = app_extraction(a, sf.article);
    const struct fact *f = &x->facts[sf.fact];
    char date[16];
    app_short_date(a, sf.article, date);
    struct sline *l = new_line(1);
    sline_printf(l, STYLE_DATE, "%-6.6s", date);
    sline_puts(l, "  ", STYLE_FACTS_LABEL);
    if (club && extraction_entity_name(x, f->subject)) {
        put_entity(l, x, f->subject);
        sline_puts(l, ": ", STYLE_FACTS_LABEL);
    }
    describe_fact(l, a, sf.article, f);
    hangs[nlines - 1] = 9;
    line_refs[nlines - 1] = (struct fact_ref){(long)sf.article, sf.fact};
}

/* The facts about entity g in its newest articles, newest first; a fact
 * reported again in an older article is shown once. Returns how many. */
static size_t dossier_facts(const struct app *a, int g, bool club, const uint32_t *arts,
                            size_t narts)
{
    struct shown_fact *shown = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < narts; i++) {
        const struct extraction *x = app_extraction(a, arts[i]);
        for (size_t f = 0; f < x->nfacts; f++) {
            struct shown_fact sf = {arts[i], f};
            if (!fact_about(a, arts[i], &x->facts[f], g, club))
                continue;
            bool dup = false;
            for (size_t k = 0; k < n && !dup; k++)
                dup = same_fact(a, shown[k], sf);
            if (dup)
                continue;
            shown = xgrow(shown, &cap, n + 1, sizeof *shown);
            shown[n++] = sf;
            dossier_line(a, sf, club);
        }
    }
    free(shown);
    return n;
}

/* A person's or club's dossier across the corpus (other kinds have none). */
static void dossier(const struct app *a, int g)
{
    const struct index_entity *e = &a->ix->entities[g];
    if (e->kind != ENTITY_PERSON && e->kind != ENTITY_CLUB)
        return;
    bool club = e->kind == ENTITY_CLUB;
    dossier_heading(e);
    uint32_t arts[DOSSIER_ARTICLES];
    size_t narts = newest_articles(a, e, arts, DOSSIER_ARTICLES);
    if (!dossier_facts(a, g, club, arts, narts))
        sline_puts(new_line(1), "no facts found", STYLE_DIM);
    if (narts < e->narticles)
        sline_printf(new_line(1), STYLE_DIM,
                     "(from the newest %zu articles; m lists every mention)", narts);
}

struct wrap_ctx {
    size_t line;
    int indent;
};

static void emit(void *ctx, size_t s, size_t e)
{
    struct wrap_ctx *c = ctx;
    rows = xgrow(rows, &rcap, nrows + 1, sizeof *rows);
    rows[nrows++] = (struct frow){c->line, s, e, c->indent};
}

static void rebuild(const struct app *a, int width)
{
    clear_lines();
    if (a->open.article >= 0)
        article_facts(a, (size_t)a->open.article);
    if (a->target == TARGET_ENTITY && a->target_entity >= 0)
        dossier(a, a->target_entity);
    for (size_t i = 0; i < nlines; i++) {
        const struct sline *l = &lines[i];
        if (!l->text.len) { /* a blank line */
            rows = xgrow(rows, &rcap, nrows + 1, sizeof *rows);
            rows[nrows++] = (struct frow){i, 0, 0, 0};
            continue;
        }
        int hang = hangs[i] < width / 2 ? hangs[i] : l->indent;
        int in = hang > l->indent ? hang : l->indent;
        size_t before = nrows;
        struct wrap_ctx c = {i, 0};
        draw_wrap(l->text.data, 0, l->text.len, width - in, false, emit, &c);
        for (size_t r = before; r < nrows; r++)
            rows[r].indent = r == before ? l->indent : hang;
    }
}

static void facts_draw(struct app *a, struct pane *p)
{
    int width = p->w - 1;
    int ent = a->target == TARGET_ENTITY ? a->target_entity : -1;
    enum extraction_state state = a->open.article >= 0
                                      ? app_extraction_state(a, (size_t)a->open.article)
                                      : EXTRACTION_PENDING;
    if (built_article != a->open.article || built_entity != ent || built_width != width ||
        built_state != state) {
        if (built_article != a->open.article || built_entity != ent)
            p->pos.top = p->pos.sel = 0;
        rebuild(a, width > 4 ? width : 4);
        built_article = a->open.article;
        built_entity = ent;
        built_width = width;
        built_state = state;
    }
    char right[32] = "";
    int h = app_pane_rows(p);
    app_pane_size(p, nrows);
    if (nrows > (size_t)h)
        snprintf(right, sizeof right, "%zu/%zu", p->pos.top + 1, nrows);
    draw_titlebar(p->win, 0, p->w, "Facts", right, a->focus == PANE_FACTS);
    /* the selected line (all its rows) shows while the panel is focused */
    size_t sel_line = nrows && a->focus == PANE_FACTS ? rows[p->pos.sel].line : SIZE_MAX;
    attr_t sel = style_attr(STYLE_SELECTED);
    for (int y = 0; y < h && p->pos.top + (size_t)y < nrows; y++) {
        const struct frow *r = &rows[p->pos.top + (size_t)y];
        bool on = r->line == sel_line;
        if (on)
            draw_fill(p->win, y + 1, 0, p->w, sel);
        sline_draw(p->win, y + 1, 1 + r->indent, &lines[r->line], r->start, r->end,
                   width - r->indent, on ? sel : A_NORMAL);
    }
}

static void facts_scroll(struct app *a, struct pane *p, int delta)
{
    app_pane_size(p, nrows);
    if (pane_scroll(&p->pos, delta))
        a->dirty |= DIRTY_FACTS;
}

/* Enter: the selected line's fact, opened in its article at its phrase. */
static void open_selected(struct app *a, struct pane *p)
{
    const struct fact_ref *f = nrows ? &line_refs[rows[p->pos.sel].line] : NULL;
    if (!f || f->article < 0) {
        app_message(a, false, "not a fact: Enter on a fact opens its article at its sentence");
        return;
    }
    const struct mention *s = &app_extraction(a, f->article)->facts[f->fact].span;
    reader_open_span(a, (size_t)f->article, s->in_title, s->start, s->end);
}

static bool facts_key(struct app *a, struct pane *p, enum request r)
{
    bool moved;
    app_pane_size(p, nrows);
    if (r == REQ_OPEN) {
        open_selected(a, p);
        return true;
    }
    size_t line = nrows ? rows[p->pos.sel].line : 0;
    if (!pane_request(&p->pos, r, &moved))
        return false;
    /* a line's wrapped rows are one stop: on to the next line's first row */
    if (r == REQ_MOVE_DOWN)
        while (p->pos.sel + 1 < nrows && rows[p->pos.sel].line == line)
            pane_move(&p->pos, 1);
    while (nrows && p->pos.sel > 0 && rows[p->pos.sel - 1].line == rows[p->pos.sel].line)
        pane_move(&p->pos, -1);
    if (moved)
        a->dirty |= DIRTY_FACTS;
    return true;
}

static void facts_click(struct app *a, struct pane *p, int row, int col)
{
    (void)col;
    long r = pane_row_at(&p->pos, row);
    if (r >= 0 && pane_move_to(&p->pos, (size_t)r))
        a->dirty |= DIRTY_FACTS;
}

static void facts_resize(struct app *a, struct pane *p)
{
    (void)a;
    (void)p;
    built_width = -1;
}

const struct view_ops facts_view_ops = {
    .name = "facts",
    .draw = facts_draw,
    .key = facts_key,
    .resize = facts_resize,
    .click = facts_click,
    .wheel = facts_scroll,
};
