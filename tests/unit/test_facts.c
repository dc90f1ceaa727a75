/* test_facts: fact extraction phrasing by phrasing, through the real
 * extractor and the built-in KB: money (every currency, scale and wage
 * period, ranges, "rising to", numbers that are not money), caps,
 * appearances, ages, contracts, loans, interest and sources, each with its
 * subject and team. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "extract_helpers.h"

struct want {
    const char *body;
    enum fact_kind kind;
    double value;
    const char *currency; /* money only */
    const char *detail;   /* wage period, contract type, or NULL */
    const char *subject;  /* NULL: not checked */
};

#define TITLE "Transfer news"

static const struct want money[] = {
    {"Inter signed Alessandro Bastoni for £31m from Atalanta in 2017.", FACT_FEE, 31e6, "GBP", NULL,
     "Alessandro Bastoni"},
    {"Juventus paid €40 million for Dusan Vlahovic in January.", FACT_FEE, 40e6, "EUR", NULL,
     "Dusan Vlahovic"},
    {"Barcelona agreed a fee of 45m euros for Robert Lewandowski.", FACT_FEE, 45e6, "EUR", NULL,
     "Robert Lewandowski"},
    {"Chelsea had a £100,000 bid for Tom Smith rejected.", FACT_FEE, 100000, "GBP", NULL,
     "Tom Smith"},
    {"Arsenal made a £105m offer for Declan Rice.", FACT_FEE, 105e6, "GBP", NULL, "Declan Rice"},
    {"Real Madrid will pay an initial €103m for Jude Bellingham.", FACT_FEE, 103e6, "EUR", NULL,
     "Jude Bellingham"},
    {"Bayern Munich bought Harry Kane for €100m (£86.4m).", FACT_FEE, 100e6, "EUR", NULL,
     "Harry Kane"},
    {"Manchester United signed Rasmus Hojlund in a £72m deal.", FACT_FEE, 72e6, "GBP", NULL,
     "Rasmus Hojlund"},
    {"Newcastle value Bruno Guimaraes at £100m.", FACT_FEE, 100e6, "GBP", NULL, "Bruno Guimaraes"},
    {"Tottenham want £80m for Harry Kane.", FACT_FEE, 80e6, "GBP", NULL, "Harry Kane"},
    {"The deal for Jack Grealish is worth £100m.", FACT_FEE, 100e6, "GBP", NULL, "Jack Grealish"},
    {"Liverpool sold Philippe Coutinho for a fee of around £142m.", FACT_FEE, 142e6, "GBP", NULL,
     "Philippe Coutinho"},
    {"Brighton sold Moises Caicedo for a fee of around £8m rising to £12m.", FACT_FEE, 8e6, "GBP",
     NULL, "Moises Caicedo"},
    {"Brighton sold Moises Caicedo for a fee of around £8m rising to £12m.", FACT_FEE, 12e6, "GBP",
     NULL, "Moises Caicedo"},
    {"Everton signed James Tarkowski for £1.5m last summer.", FACT_FEE, 1.5e6, "GBP", NULL,
     "James Tarkowski"},
    {"Ajax sold Antony to Manchester United for $95m.", FACT_FEE, 95e6, "USD", NULL, "Antony"},
    {"Benfica accepted a 120 million euro bid for Enzo Fernandez.", FACT_FEE, 120e6, "EUR", NULL,
     "Enzo Fernandez"},
    {"West Ham paid £2.5 million for Tim Jones.", FACT_FEE, 2.5e6, "GBP", NULL, "Tim Jones"},
    {"Leeds rejected a £20m bid from Wolves for Raphinha.", FACT_FEE, 20e6, "GBP", NULL,
     "Raphinha"},
    {"Aston Villa agreed to pay up to £60m for Moussa Diaby.", FACT_FEE, 60e6, "GBP", NULL,
     "Moussa Diaby"},
    {"Leicester spent £30m on Wesley Fofana.", FACT_FEE, 30e6, "GBP", NULL, "Wesley Fofana"},
    {"Roma bought Tammy Abraham for £34m.", FACT_FEE, 34e6, "GBP", NULL, "Tammy Abraham"},
    {"Celtic signed Kyogo Furuhashi for £4.6m.", FACT_FEE, 4.6e6, "GBP", NULL, "Kyogo Furuhashi"},
    {"Brentford paid £750k for Ivan Toney's signature.", FACT_FEE, 750000, "GBP", NULL,
     "Ivan Toney"},
    {"Chelsea splashed out £1bn on players, including £97.5m for Romelu Lukaku.", FACT_FEE, 97.5e6,
     "GBP", NULL, "Romelu Lukaku"},
    {"Napoli signed Victor Osimhen for 70 million euros.", FACT_FEE, 70e6, "EUR", NULL,
     "Victor Osimhen"},
    {"Inter Miami paid $10 million for Lionel Messi's former team-mate Sergio Busquets.", FACT_FEE,
     10e6, "USD", NULL, NULL},
    {"Alessandro Bastoni will earn £3.9m-a-year under the new deal.", FACT_WAGE, 3.9e6, "GBP",
     "year", "Alessandro Bastoni"},
    {"Declan Rice is paid £200,000-a-week.", FACT_WAGE, 200000, "GBP", "week", "Declan Rice"},
    {"Harry Kane earns £400,000 a week at Bayern Munich.", FACT_WAGE, 400000, "GBP", "week",
     "Harry Kane"},
    {"Neymar will be paid €100m per season by Al-Hilal.", FACT_WAGE, 100e6, "EUR", "year",
     "Neymar"},
    {"Kylian Mbappé has a salary of €72m a year.", FACT_WAGE, 72e6, "EUR", "year", "Kylian Mbappé"},
    {"Marcus Rashford is on wages of £150,000 per week.", FACT_WAGE, 150000, "GBP", "week",
     "Marcus Rashford"},
    {"Mason Mount signed a £250,000-a-week contract.", FACT_WAGE, 250000, "GBP", "week",
     "Mason Mount"},
    {"Jordan Henderson earns £80k a week.", FACT_WAGE, 80000, "GBP", "week", "Jordan Henderson"},
    {"Pedri has a €1bn release clause in his contract, and Barcelona will not sell Pedri.",
     FACT_RELEASE_CLAUSE, 1e9, "EUR", NULL, "Pedri"},
    {"Joao Neves has a buy-out clause of €120m.", FACT_RELEASE_CLAUSE, 120e6, "EUR", NULL,
     "Joao Neves"},
    {"Dominic Solanke had a release clause worth £65m.", FACT_RELEASE_CLAUSE, 65e6, "GBP", NULL,
     "Dominic Solanke"},
    {"Martin Odegaard cost Arsenal £30m, and his deal has no release clause.", FACT_FEE, 30e6,
     "GBP", NULL, "Martin Odegaard"},
};

static const struct want counts[] = {
    {"Alessandro Bastoni has won 17 caps for Italy.", FACT_CAPS, 17, NULL, NULL,
     "Alessandro Bastoni"},
    {"Martin Odegaard won his 50th cap for Norway on Sunday.", FACT_CAPS, 50, NULL, NULL,
     "Martin Odegaard"},
    {"Harry Kane, who has 89 England caps, scored again.", FACT_CAPS, 89, NULL, NULL, "Harry Kane"},
    {"Joe Allen has been capped 12 times by Wales.", FACT_CAPS, 12, NULL, NULL, "Joe Allen"},
    {"Kieran Tierney has earned 64 international caps.", FACT_CAPS, 64, NULL, NULL,
     "Kieran Tierney"},
    {"Tom Smith won one cap for Scotland in 2010.", FACT_CAPS, 1, NULL, NULL, "Tom Smith"},
    {"Wes Brown added to his tally of seven senior appearances for England.", FACT_CAPS, 7, NULL,
     NULL, "Wes Brown"},
    {"Alessandro Bastoni has made 134 appearances for the club.", FACT_APPEARANCES, 134, NULL, NULL,
     "Alessandro Bastoni"},
    {"Mohamed Salah has scored 186 goals in 305 games for Liverpool.", FACT_APPEARANCES, 305, NULL,
     NULL, "Mohamed Salah"},
    {"Adrian Mutu scored six goals in nine games.", FACT_APPEARANCES, 9, NULL, NULL, "Adrian Mutu"},
    {"Adrian Mutu scored six goals in his first five games.", FACT_APPEARANCES, 5, NULL, NULL,
     "Adrian Mutu"},
    {"Ollie Watkins made 37 Premier League appearances last season.", FACT_APPEARANCES, 37, NULL,
     NULL, "Ollie Watkins"},
    {"Jordan Henderson played 52 matches for Ajax.", FACT_APPEARANCES, 52, NULL, NULL,
     "Jordan Henderson"},
    {"Jamie Vardy has made 30 league starts this season.", FACT_APPEARANCES, 30, NULL, NULL,
     "Jamie Vardy"},
    {"The 23-year-old Alessandro Bastoni is wanted by Tottenham.", FACT_AGE, 23, NULL, NULL,
     "Alessandro Bastoni"},
    {"Wayne Rooney, 19, scored twice.", FACT_AGE, 19, NULL, NULL, "Wayne Rooney"},
    {"Lionel Messi joined Barcelona when he was 13.", FACT_AGE, 13, NULL, NULL, "Lionel Messi"},
    {"Harry Kane joined Tottenham at the age of 11.", FACT_AGE, 11, NULL, NULL, "Harry Kane"},
    {"Adam Wharton joined Crystal Palace aged 19.", FACT_AGE, 19, NULL, NULL, "Adam Wharton"},
    {"Thiago Silva will be 39 next month.", FACT_AGE, 39, NULL, NULL, "Thiago Silva"},
    {"Jamie Vardy is 35 years old.", FACT_AGE, 35, NULL, NULL, "Jamie Vardy"},
    {"Karim Benzema joined Al-Ittihad. The former France striker, 35, scored on his debut.",
     FACT_AGE, 35, NULL, NULL, "Karim Benzema"},
    {"Alessandro Bastoni is a defender. The 23-year-old has won the Serie A title.", FACT_AGE, 23,
     NULL, NULL, "Alessandro Bastoni"},
};

static const struct want contracts[] = {
    {"Alessandro Bastoni's deal is set to expire in 2024.", FACT_CONTRACT, 2024, NULL, "end",
     "Alessandro Bastoni"},
    {"Inter offered Alessandro Bastoni an extension until 2027.", FACT_CONTRACT, 2027, NULL, "end",
     "Alessandro Bastoni"},
    {"Kai Havertz signed a five-year contract with Arsenal.", FACT_CONTRACT, 5, NULL, "length",
     "Kai Havertz"},
    {"Glenn Hoddle agreed an 18-month deal with Wolves.", FACT_CONTRACT, 1.5, NULL, "length",
     "Glenn Hoddle"},
    {"Enzo Fernandez signed a two-and-a-half-year contract.", FACT_CONTRACT, 2.5, NULL, "length",
     "Enzo Fernandez"},
    {"Mohamed Salah's contract runs out in 2025.", FACT_CONTRACT, 2025, NULL, "end",
     "Mohamed Salah"},
    {"Bukayo Saka is tied to the club until the summer of 2026.", FACT_CONTRACT, 2026, NULL, "end",
     "Bukayo Saka"},
    {"Erling Haaland signed a new deal until 2034.", FACT_CONTRACT, 2034, NULL, "end",
     "Erling Haaland"},
    {"Phil Foden committed his future to the club until 2027.", FACT_CONTRACT, 2027, NULL, "end",
     "Phil Foden"},
    {"Mikel Arteta agreed a three-year deal.", FACT_CONTRACT, 3, NULL, "length", "Mikel Arteta"},
    {"Thiago Silva signed a one-year extension.", FACT_CONTRACT, 1, NULL, "length", "Thiago Silva"},
    {"Glenn Hoddle has a six-month contract.", FACT_CONTRACT, 0.5, NULL, "length", "Glenn Hoddle"},
    {"David O'Leary's deal runs until summer 2008.", FACT_CONTRACT, 2008, NULL, "end",
     "David O'Leary"},
    {"Manchester United's Ronaldo signed a new contract which keeps him at the club "
     "beyond 2007.",
     FACT_CONTRACT, 2007, NULL, "end", "Ronaldo"},
};

/* Things that are not facts of that kind at all ("value" -1: none of the kind). */
static const struct want absent[] = {
    {"Newcastle completed a £305m takeover by the Public Investment Fund.", FACT_FEE, -1, NULL,
     NULL, NULL},
    {"RedBird bought AC Milan for $1.2bn.", FACT_FEE, 1.2e9, NULL, NULL, NULL},
    {"Chelsea were fined £50,000 by the FA.", FACT_FEE, -1, NULL, NULL, NULL},
    {"The winners receive prize money of £2m.", FACT_FEE, -1, NULL, NULL, NULL},
    {"Arsenal won 3-1 in front of 45,000 fans in 2022.", FACT_FEE, -1, NULL, NULL, NULL},
    {"Arsenal won 3-1 in front of 45,000 fans in 2022.", FACT_WAGE, -1, NULL, NULL, NULL},
    {"The 2022 World Cup final drew 88,966 spectators.", FACT_CONTRACT, -1, NULL, NULL, NULL},
    {"Arsenal are unbeaten in 10 games.", FACT_APPEARANCES, -1, NULL, NULL, NULL},
    {"Lauren was banned for four games after the brawl.", FACT_APPEARANCES, -1, NULL, NULL, NULL},
    {"Ben White remains uncapped.", FACT_CAPS, -1, NULL, NULL, NULL},
    {"Joao Felix is on loan until the end of the season.", FACT_CONTRACT, -1, NULL, NULL, NULL},
    {"Mason Mount's contract expires at the end of the season.", FACT_CONTRACT, -1, NULL, NULL,
     NULL},
    {"Chelsea scored 2 goals in 90 minutes.", FACT_APPEARANCES, -1, NULL, NULL, NULL},
    {"Jose Mourinho said: \"Maybe when I turn 60 I will understand.\"", FACT_AGE, -1, NULL, NULL,
     NULL},
    {"Roy Hodgson would rather lose one or two matches in February.", FACT_APPEARANCES, -1, NULL,
     NULL, NULL},
    {"Arsenal won the first two games of the season.", FACT_APPEARANCES, -1, NULL, NULL, NULL},
    {"The club's revenue rose to £600m last year.", FACT_FEE, -1, NULL, NULL, NULL},
};

/* The fact of a kind and value about `subject` if there is one, else the
 * first of that kind and value (several players may share a figure). */
static const struct fact *fixture_fact_of(const struct fixture *f, enum fact_kind kind,
                                          double value, const char *subject)
{
    for (size_t i = 0; subject && i < f->x.nfacts; i++) {
        const struct fact *x = &f->x.facts[i];
        if (x->kind == kind && x->has_value && x->value == value &&
            !strcmp(fixture_name(f, x->subject), subject))
            return x;
    }
    return fixture_fact(f, kind, value);
}

static int group_setup(void **state)
{
    static struct fixture f;
    *state = &f;
    return fixture_open(&f) ? 0 : -1;
}

static int group_teardown(void **state)
{
    fixture_close(*state);
    return 0;
}

/* Checks every phrasing, reports each miss, and fails if there was one. */
static void check_titled(struct fixture *f, const char *title, const struct want *w, size_t n)
{
    size_t misses = 0;
    for (size_t i = 0; i < n; i++) {
        fixture_run(f, title, w[i].body);
        const struct fact *got = fixture_fact_of(f, w[i].kind, w[i].value, w[i].subject);
        const char *detail = !got                     ? NULL
                             : got->kind == FACT_WAGE ? fact_period_name(got->period)
                                                      : fact_type_name(got->type);
        const char *why =
            !got ? "not found"
            : w[i].currency && strcmp(fact_currency_name(got->currency), w[i].currency) ? "currency"
            : w[i].detail && (!detail || strcmp(detail, w[i].detail))             ? "period/type"
            : w[i].subject && strcmp(fixture_name(f, got->subject), w[i].subject) ? "subject"
                                                                                  : NULL;
        if (why) {
            print_message("MISS (%s): %s = %g in: %s [subject %s]\n", why,
                          fact_kind_name(w[i].kind), w[i].value, w[i].body,
                          got ? fixture_name(f, got->subject) : "-");
            misses++;
        }
    }
    assert_int_equal(misses, 0);
}

static void check_wants(struct fixture *f, const struct want *w, size_t n)
{
    check_titled(f, TITLE, w, n);
}

static void test_money(void **state)
{
    check_wants(*state, money, sizeof money / sizeof *money);
}

static void test_counts_and_ages(void **state)
{
    check_wants(*state, counts, sizeof counts / sizeof *counts);
}

static void test_contracts(void **state)
{
    check_wants(*state, contracts, sizeof contracts / sizeof *contracts);
}

static void test_not_facts(void **state)
{
    struct fixture *f = *state;
    size_t wrong = 0;
    for (size_t i = 0; i < sizeof absent / sizeof *absent; i++) {
        fixture_run(f, TITLE, absent[i].body);
        bool there = absent[i].value < 0 ? fixture_count(f, absent[i].kind) > 0
                                         : fixture_fact(f, absent[i].kind, absent[i].value) != NULL;
        if (there) {
            print_message("UNEXPECTED %s in: %s\n", fact_kind_name(absent[i].kind), absent[i].body);
            wrong++;
        }
    }
    assert_int_equal(wrong, 0);
}

static void test_fee_clubs_and_year(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, TITLE, "Inter Milan signed Alessandro Bastoni for £31m from Atalanta.");
    const struct fact *fee = fixture_fact(f, FACT_FEE, 31e6);
    assert_non_null(fee);
    assert_string_equal(fixture_name(f, fee->from), "Atalanta");
    assert_string_equal(fixture_name(f, fee->to), "Inter Milan");
    fixture_run(f, TITLE, "Aston Villa agreed to pay up to £60m for Moussa Diaby.");
    fee = fixture_fact(f, FACT_FEE, 60e6);
    assert_non_null(fee);
    assert_string_equal(fact_qualifier_name(fee->qualifier), "up to");
}

static void test_caps_and_appearances_teams(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, TITLE, "Alessandro Bastoni has won 17 caps for Italy.");
    const struct fact *caps = fixture_fact(f, FACT_CAPS, 17);
    assert_non_null(caps);
    assert_string_equal(fixture_name(f, caps->team), "Italy");
    fixture_run(f, TITLE, "Jordan Henderson played 52 matches for Ajax.");
    const struct fact *apps = fixture_fact(f, FACT_APPEARANCES, 52);
    assert_non_null(apps);
    assert_string_equal(fixture_name(f, apps->team), "Ajax");
}

static void test_loan_interest_source(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, TITLE,
                "Joao Felix joined Barcelona on a season-long loan from Atletico Madrid.");
    assert_int_equal(fixture_count(f, FACT_LOAN), 1);
    const struct fact *loan = NULL;
    for (size_t i = 0; i < f->x.nfacts; i++)
        if (f->x.facts[i].kind == FACT_LOAN)
            loan = &f->x.facts[i];
    assert_int_equal(loan->loan_length, 1);
    assert_string_equal(extraction_loan_length(&f->x, loan), "season-long");
    assert_string_equal(fixture_name(f, loan->from), "Atlético Madrid");
    assert_string_equal(fixture_name(f, loan->subject), "Joao Felix");

    fixture_run(f, TITLE, "Tottenham Hotspur are interested in Alessandro Bastoni.");
    assert_int_equal(fixture_count(f, FACT_INTEREST), 1);
    assert_string_equal(fixture_name(f, f->x.facts[0].club), "Tottenham Hotspur");
    assert_string_equal(fixture_name(f, f->x.facts[0].subject), "Alessandro Bastoni");

    fixture_run(f, TITLE,
                "Inter want to keep Alessandro Bastoni, according to La Gazzetta dello Sport.");
    assert_int_equal(fixture_count(f, FACT_SOURCE), 1);
    const struct fact *src = NULL;
    for (size_t i = 0; i < f->x.nfacts; i++)
        if (f->x.facts[i].kind == FACT_SOURCE)
            src = &f->x.facts[i];
    assert_string_equal(fixture_name(f, src->club), "La Gazzetta dello Sport");
}

/* The club right after "loan at/with/to" is where he went; a later "to X"
 * in the sentence is another move. */
static void test_loan_destination(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, TITLE,
                "Martin Odegaard had spells on loan at Heerenveen and Vitesse before he moved "
                "to Arsenal, first on loan in January 2021.");
    assert_int_equal(fixture_count(f, FACT_LOAN), 2);
    const struct fact *first = NULL, *second = NULL;
    for (size_t i = 0; i < f->x.nfacts; i++)
        if (f->x.facts[i].kind == FACT_LOAN)
            *(first ? &second : &first) = &f->x.facts[i];
    assert_string_equal(fixture_name(f, first->to), "Heerenveen");
    assert_string_equal(fixture_name(f, second->to), "Arsenal");

    fixture_run(f, TITLE, "Jack Wilshere spent a loan spell with Bournemouth.");
    assert_int_equal(fixture_count(f, FACT_LOAN), 1);
    for (size_t i = 0; i < f->x.nfacts; i++)
        if (f->x.facts[i].kind == FACT_LOAN)
            assert_string_equal(fixture_name(f, f->x.facts[i].to), "Bournemouth");
}

static void test_spans_slice_the_phrase(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, TITLE, "Alessandro Bastoni will earn £3.9m-a-year.");
    const struct fact *w = fixture_fact(f, FACT_WAGE, 3.9e6);
    assert_non_null(w);
    assert_memory_equal(f->a->body + w->span.start, "£3.9m-a-year", w->span.end - w->span.start);
}

/* Issue 17, by category; sentences written for this project. */

/* 1. Subjects: a description's age is the described person's; "I will be
 * 35" in a quote is the speaker's. */
static const struct want subjects17[] = {
    {"Dario Velasco joined from Porto. The Spain international, 24, was hurt in a clash with Pete "
     "Dalton.",
     FACT_AGE, 24, NULL, NULL, "Dario Velasco"},
    {"Ollie Barrow wants to play on. \"I have told Sam Kerridge that by then I will be 35,\" he "
     "said.",
     FACT_AGE, 35, NULL, NULL, "Ollie Barrow"},
    /* a manager, chairman or agent named first is not the player's subject */
    {"Leeds boss Tom Farrow said the £12m fee for Ryan Dell was a fair price.", FACT_FEE, 12e6,
     "GBP", NULL, "Ryan Dell"},
    {"Agent Paul Vance confirmed that 40 appearances for Ajax made Kevin Moss a target.",
     FACT_APPEARANCES, 40, NULL, NULL, "Kevin Moss"},
    {"Chairman Ed Lyle expects the 17 caps won by Luca Brandi to raise his value.", FACT_CAPS, 17,
     NULL, NULL, "Luca Brandi"},
    /* "respectively" pairs its lists in order */
    {"Wolves signed Ian Ford and Lee Crane for £8m and £11m respectively.", FACT_FEE, 8e6, "GBP",
     NULL, "Ian Ford"},
    {"Wolves signed Ian Ford and Lee Crane for £8m and £11m respectively.", FACT_FEE, 11e6, "GBP",
     NULL, "Lee Crane"},
    /* one shared phrase, one fact for each of the players */
    {"Ian Ford and Lee Crane have signed new deals, and both contracts expire in 2026.",
     FACT_CONTRACT, 2026, NULL, "end", "Ian Ford"},
    {"Ian Ford and Lee Crane have signed new deals, and both contracts expire in 2026.",
     FACT_CONTRACT, 2026, NULL, "end", "Lee Crane"},
    {"Burnley tied down Ian Ford and Lee Crane on Monday. The deals keep the pair at the club "
     "until 2030.",
     FACT_CONTRACT, 2030, NULL, "end", "Lee Crane"},
    {"The duo of Ian Ford and Lee Crane agreed three-year contracts.", FACT_CONTRACT, 3, NULL,
     "length", "Ian Ford"},
    {"The duo of Ian Ford and Lee Crane agreed three-year contracts.", FACT_CONTRACT, 3, NULL,
     "length", "Lee Crane"},
};

/* Issue 17, second pass: rules that generalise; sentences written for this
 * project. */
static const struct want general17[] = {
    /* "respectively" pairs lists of counts and ages in order */
    {"Ivo Laine and Sam Orton have 14 and 33 caps respectively.", FACT_CAPS, 14, NULL, NULL,
     "Ivo Laine"},
    {"Ivo Laine and Sam Orton have 14 and 33 caps respectively.", FACT_CAPS, 33, NULL, NULL,
     "Sam Orton"},
    {"Ivo Laine, Sam Orton and Ned Pike, aged 19, 23 and 27 respectively, all signed.", FACT_AGE,
     23, NULL, NULL, "Sam Orton"},
    {"Ivo Laine, Sam Orton and Ned Pike, aged 19, 23 and 27 respectively, all signed.", FACT_AGE,
     27, NULL, NULL, "Ned Pike"},
    {"Ivo Laine and Sam Orton made 41 and 12 league appearances respectively.", FACT_APPEARANCES,
     41, NULL, NULL, "Ivo Laine"},
    /* a description's age is the person it fits, or nobody, never a later name */
    {"The Norway international, 24, was hurt in a clash with Pete Dalton.", FACT_AGE, 24, NULL,
     NULL, ""},
    {"Dutch winger Ivo Laine joined Ajax. Brazilian forward Sam Orton also signed. The "
     "29-year-old Dutchman was hurt in training.",
     FACT_AGE, 29, NULL, NULL, "Ivo Laine"},
    {"Ivo Laine, the Norway international, joined Ajax. Sam Orton, a Wales international, also "
     "signed. The Norway international, 24, was hurt in a clash with Ned Pike.",
     FACT_AGE, 24, NULL, NULL, "Ivo Laine"},
    /* what a manager or chairman says is about a player, or nobody */
    {"Ivo Laine has joined Leeds. Manager Tom Farrow said the 24-year-old had 30 caps.", FACT_CAPS,
     30, NULL, NULL, "Ivo Laine"},
    {"Leeds chairman Roy Ashby confirmed a £12m fee had been agreed for the striker.", FACT_FEE,
     12e6, "GBP", NULL, ""},
    /* a bid for two players is about neither alone */
    {"Ivo Laine and Sam Orton are wanted. Chairman Roy Ashby said: \"We have had a £9m bid for "
     "the two players.\"",
     FACT_FEE, 9e6, "GBP", NULL, ""},
    /* quotes and plain statements of a speaker's age */
    {"Ivo Laine has signed. \"I'm 30 now and I want to win things,\" said the striker.", FACT_AGE,
     30, NULL, NULL, "Ivo Laine"},
    {"\"I am 33 but I feel great,\" said Sam Orton after the game.", FACT_AGE, 33, NULL, NULL,
     "Sam Orton"},
    {"Tom Farrow is the boss. \"Ivo Laine is 24 and he will improve,\" said Farrow.", FACT_AGE, 24,
     NULL, NULL, "Ivo Laine"},
    /* release clauses and fees in list form, their kind from the list's introduction */
    {"The club have set buy-out clauses for their young players.\nIvo Laine – €500m\nSam Orton "
     "– €400m",
     FACT_RELEASE_CLAUSE, 400e6, "EUR", NULL, "Sam Orton"},
    {"The most expensive signings of the window:\n1. Ivo Laine (Leeds) – £62m\n2. Sam Orton: "
     "£48m",
     FACT_FEE, 48e6, "GBP", NULL, "Sam Orton"},
    {"Ivo Laine – €80m release clause", FACT_RELEASE_CLAUSE, 80e6, "EUR", NULL, "Ivo Laine"},
    /* modern wordings */
    {"Everton activated the £45m clause in Ivo Laine's contract.", FACT_RELEASE_CLAUSE, 45e6, "GBP",
     NULL, "Ivo Laine"},
    {"Ivo Laine has agreed a deal until June 2028.", FACT_CONTRACT, 2028, NULL, "end", "Ivo Laine"},
    {"Ivo Laine's contract runs until 30 June 2027.", FACT_CONTRACT, 2027, NULL, "end",
     "Ivo Laine"},
    {"Ivo Laine has scored 12 times in 45 outings for Leeds.", FACT_APPEARANCES, 45, NULL, NULL,
     "Ivo Laine"},
    {"Ivo Laine made his debut aged just 16 and never looked back.", FACT_AGE, 16, NULL, NULL,
     "Ivo Laine"},
    {"Ivo Laine joined the academy at 11.", FACT_AGE, 11, NULL, NULL, "Ivo Laine"},
    {"Millwall accepted a £6m bid for Ivo Laine and Sam Orton.", FACT_FEE, 6e6, "GBP", NULL, ""},
    /* an age before a description and a name is that name's */
    {"Leeds paired Ivo Laine with 19-year-old Danish forward Sam Orton.", FACT_AGE, 19, NULL, NULL,
     "Sam Orton"},
    /* a young age is a player's, not the manager who speaks of him */
    {"Ivo Laine joined in May. Manager Tom Farrow has full faith in the 23-year-old, he said.",
     FACT_AGE, 23, NULL, NULL, "Ivo Laine"},
    /* a manager named with a pronoun for the player is not the player's subject */
    {"Ivo Laine shone early and caught the eye of coach Tom Farrow with nine goals in 14 matches "
     "for Lyon.",
     FACT_APPEARANCES, 14, NULL, NULL, "Ivo Laine"},
    /* appearances: ordinals, parts of the side's games, substitutes, "turned out" */
    {"Ivo Laine made his 250th appearance for Leeds on Sunday.", FACT_APPEARANCES, 250, NULL, NULL,
     "Ivo Laine"},
    {"Ivo Laine has started 11 of Leeds' 15 league games.", FACT_APPEARANCES, 11, NULL, NULL,
     "Ivo Laine"},
    {"Ivo Laine, who has featured in nine of the side's last ten matches, is injured.",
     FACT_APPEARANCES, 9, NULL, NULL, "Ivo Laine"},
    {"Ivo Laine has made 12 substitute appearances this season.", FACT_APPEARANCES, 12, NULL, NULL,
     "Ivo Laine"},
    {"Ivo Laine turned out 40 times for Lyon.", FACT_APPEARANCES, 40, NULL, NULL, "Ivo Laine"},
    /* the period said before a wage */
    {"Ivo Laine is earning weekly wages of £250,000 at Leeds.", FACT_WAGE, 250000, "GBP", "week",
     "Ivo Laine"},
    {"Ivo Laine will take home an annual salary of €8m.", FACT_WAGE, 8e6, "EUR", "year",
     "Ivo Laine"},
    /* an offer or extension of a contract by years */
    {"Ivo Laine wants two more years, with Leeds offering one extra year on his contract.",
     FACT_CONTRACT, 1, NULL, "length", "Ivo Laine"},
    {"Leeds will extend his contract by two years, Ivo Laine said.", FACT_CONTRACT, 2, NULL,
     "length", "Ivo Laine"},
    /* the player named right after "on" or "for" the amount */
    {"Leeds spent £12m on Lyon's Ivo Laine and £9m on Porto winger Sam Orton.", FACT_FEE, 9e6,
     "GBP", NULL, "Sam Orton"},
};

/* Not facts of a kind (second pass). */
static const struct want not_general17[] = {
    /* team figures, games missed and games in charge are no appearances */
    {"Tom Farrow has taken charge of 120 games at Leeds.", FACT_APPEARANCES, -1, NULL, NULL, NULL},
    {"Leeds have lost only two of their 20 games, and Ivo Laine scored in both.", FACT_APPEARANCES,
     -1, NULL, NULL, NULL},
    {"Ivo Laine sat out four games with a hamstring injury.", FACT_APPEARANCES, -1, NULL, NULL,
     NULL},
    {"Ivo Laine has started 11 of Leeds' 15 league games.", FACT_APPEARANCES, 15, NULL, NULL, NULL},
    {"Leeds have won their 300th game in the top flight.", FACT_APPEARANCES, -1, NULL, NULL, NULL},
    {"Leeds boss Tom Farrow has overseen 200 games and wants Ivo Laine to stay.", FACT_APPEARANCES,
     -1, NULL, NULL, NULL},
    /* a defence's record, a hypothetical age, a fine, a pay-off, a goal-minute list */
    {"Ivo Laine is part of a defence that has shipped eight goals in 25 league games.",
     FACT_APPEARANCES, -1, NULL, NULL, NULL},
    {"Ivo Laine wants to move abroad before he turns 35.", FACT_AGE, -1, NULL, NULL, NULL},
    {"Leeds fined Ivo Laine two weeks' wages, about £80,000, after the row.", FACT_WAGE, -1, NULL,
     NULL, NULL},
    {"Tom Farrow denied that he had been handed a £3m pay-off.", FACT_FEE, -1, NULL, NULL, NULL},
    {"Fifa promised a donation of equipment worth $10,000 and a pitch signed by Ivo Laine.",
     FACT_FEE, -1, NULL, NULL, NULL},
    {"The new kit deal will bring in £4.8m in cash, Leeds said after signing Ivo Laine.", FACT_FEE,
     -1, NULL, NULL, NULL},
    {"Goals: Ivo Laine 3, 58, Sam Orton 65.", FACT_AGE, -1, NULL, NULL, NULL},
    /* a number after "is" is an age only after a name or a pronoun */
    {"The gap is 10, and Leeds are top.", FACT_AGE, -1, NULL, NULL, NULL},
    {"The difference between the sides is 12, and it is growing.", FACT_AGE, -1, NULL, NULL, NULL},
    /* what all clubs spent together; an age "at 20" that is no age */
    {"Premier League clubs spent a record £2.4bn in the summer, Ivo Laine among the signings.",
     FACT_FEE, -1, NULL, NULL, NULL},
    {"Ivo Laine joined a side that sat at 20 points after ten games.", FACT_AGE, -1, NULL, NULL,
     NULL},
    /* a list line under no heading of money is nothing */
    {"Our players of the season:\nIvo Laine – £5m\nSam Orton – £4m", FACT_FEE, -1, NULL, NULL,
     NULL},
};

/* A player named only in the headline is the subject of the body's facts. */
static const struct want headline17[] = {
    {"Gary Holt said the club acted fast. The midfielder, 26, has won 17 caps.", FACT_AGE, 26, NULL,
     NULL, "Joao Palinho"},
    {"Gary Holt said the club acted fast. The midfielder, 26, has won 17 caps.", FACT_CAPS, 17,
     NULL, NULL, "Joao Palinho"},
    {"Gary Holt spoke to the press. He has signed a five-year contract.", FACT_CONTRACT, 5, NULL,
     "length", "Joao Palinho"},
};

/* 3. Kinds and wordings. */
static const struct want wordings17[] = {
    {"The 31-year old Marco Brandt signed.", FACT_AGE, 31, NULL, NULL, "Marco Brandt"},
    {"Marco Brandt has played 212 times for the club.", FACT_APPEARANCES, 212, NULL, NULL,
     "Marco Brandt"},
    {"Marco Brandt featured 40 times for Fulham last season.", FACT_APPEARANCES, 40, NULL, NULL,
     "Marco Brandt"},
    {"Marco Brandt signed a three-season deal at Molineux.", FACT_CONTRACT, 3, NULL, "length",
     "Marco Brandt"},
    {"Marco Brandt's deal runs to 2026 with an option for a further 12 months.", FACT_CONTRACT, 1,
     NULL, "length", "Marco Brandt"},
    {"Marco Brandt signed a two-year contract with the option of a further year.", FACT_CONTRACT, 1,
     NULL, "length", "Marco Brandt"},
    {"Real Sociedad put a €90m buy-out clause in Marco Brandt's contract.", FACT_RELEASE_CLAUSE,
     90e6, "EUR", NULL, "Marco Brandt"},
    {"Burnley will pay £18m for Marco Brandt plus £4m in add-ons.", FACT_FEE, 18e6, "GBP", NULL,
     "Marco Brandt"},
    /* instalments are parts of the fee, never a wage */
    {"Burnley will pay for Marco Brandt in three instalments of £6m a year.", FACT_FEE, 6e6, "GBP",
     NULL, "Marco Brandt"},
    /* a conversion in brackets does not hide the wage's period */
    {"Marco Brandt will earn £80,000 (about €93,000) a week.", FACT_WAGE, 80000, "GBP", "week",
     "Marco Brandt"},
    {"Lazio sold Marco Brandt for €60m (£51m).", FACT_FEE, 60e6, "EUR", NULL, "Marco Brandt"},
    {"Lazio sold Marco Brandt for €45m, or about £39m.", FACT_FEE, 45e6, "EUR", NULL,
     "Marco Brandt"},
    /* modern wordings (round 2) */
    {"Fulham have completed the £30.7 million acquisition of winger Marco Brandt from Lazio.",
     FACT_FEE, 30.7e6, "GBP", NULL, "Marco Brandt"},
    {"Marco Brandt is hired on a seven and a half-year contract.", FACT_CONTRACT, 7.5, NULL,
     "length", "Marco Brandt"},
    {"Leeds spent £11m on Tom Brandt, while the biggest outlay was the £6m spent on Ajax striker "
     "Marco Brandt in May.",
     FACT_FEE, 6e6, "GBP", NULL, "Marco Brandt"},
    {"Marco Brandt has made over 90 appearances for Lazio, 16 of which came in the Champions "
     "League.",
     FACT_APPEARANCES, 16, NULL, NULL, "Marco Brandt"},
    {"Marco Brandt penned a 7.5-year deal.", FACT_CONTRACT, 7.5, NULL, "length", "Marco Brandt"},
    {"Marco Brandt has four England Under-21 caps.", FACT_CAPS, 4, NULL, NULL, "Marco Brandt"},
    {"Marco Brandt has won 12 Wales caps.", FACT_CAPS, 12, NULL, NULL, "Marco Brandt"},
};

/* A description at the start of a sentence ("The Czech", "The former Ajax
 * man", "The 21-year-old") is the person it fits, or the article's main
 * player: not a manager, agent or chairman, nor someone named in passing. */
static const struct want described17[] = {
    {"Fulham have signed Czech goalkeeper Petr Novak from Sparta Prague. Novak has been first "
     "choice there for three seasons. Fulham boss Tom Farrow, who also signed defender Dan Morrow "
     "last week, was delighted. The Czech has won 14 caps.",
     FACT_CAPS, 14, NULL, NULL, "Petr Novak"},
    {"Aston Villa have signed striker Jan de Groot from Ajax for £12m. Agent Ralf Kessler "
     "confirmed the move on Tuesday. The former Ajax man, 27, signed a four-year contract.",
     FACT_CONTRACT, 4, NULL, "length", "Jan de Groot"},
    {"Aston Villa have signed striker Jan de Groot from Ajax for £12m. Agent Ralf Kessler "
     "confirmed the move on Tuesday. The former Ajax man, 27, signed a four-year contract.",
     FACT_AGE, 27, NULL, NULL, "Jan de Groot"},
    {"Marco Brandt will earn £200,000 a week at Arsenal. Sources say Brandt agreed terms last "
     "month. The deal falls short of Mesut Ozil's old £350,000-a-week salary. The 21-year-old "
     "has become a key player for club and country.",
     FACT_AGE, 21, NULL, NULL, "Marco Brandt"},
    {"Everton have given Leo Castell his first professional contract. Castell made his debut in "
     "May. Chairman Bill Kenwright praised the academy. The teenager, 17, has agreed a deal until "
     "2028.",
     FACT_CONTRACT, 2028, NULL, "end", "Leo Castell"},
    {"Petr Novak has extended his contract at Fulham until 2027. Manager Tom Farrow said he was "
     "a great professional. The keeper has made 120 appearances for the club.",
     FACT_APPEARANCES, 120, NULL, NULL, "Petr Novak"},
};

/* A role word alone mid-sentence ("while the striker has 20 caps") is the
 * one person the article described with that role before, not the lead of
 * the sentence before. */
static const struct want role_alone17[] = {
    {"Porto have signed striker Joao Pedrosa from Santos. Midfielder Carlos Vela also joined on "
     "Monday. The fans were delighted, while the striker has 20 caps for Brazil.",
     FACT_CAPS, 20, NULL, NULL, "Joao Pedrosa"},
    {"Joao Pedrosa, a forward, has joined Porto. Carlos Vela signed a new deal on Monday. The "
     "club are happy, and the forward has made 75 appearances for Santos.",
     FACT_APPEARANCES, 75, NULL, NULL, "Joao Pedrosa"},
    /* two strikers: the role word fits neither alone, the sentence before's lead stays */
    {"Porto have signed striker Joao Pedrosa and striker Luis Maia. Carlos Vela joined on Monday. "
     "The fans were delighted, while the striker has 20 caps for Brazil.",
     FACT_CAPS, 20, NULL, NULL, "Carlos Vela"},
};

/* Not a fee, or no second fact (issue 17, category 3). */
static const struct want not_fees17[] = {
    /* a conversion is the same amount: kept with the first, not a second fact */
    {"Lazio sold Marco Brandt for €60m (£51m).", FACT_FEE, 51e6, NULL, NULL, NULL},
    {"Lazio sold Marco Brandt for €45m, or about £39m.", FACT_FEE, 39e6, NULL, NULL, NULL},
    {"Marco Brandt will earn £80,000 (about €93,000) a week.", FACT_WAGE, 93000, NULL, NULL, NULL},
    /* a club's total spending, a difference */
    {"Everton spent £120m on five signings this summer.", FACT_FEE, -1, NULL, NULL, NULL},
    {"The club's spending spree has reached £300m.", FACT_FEE, -1, NULL, NULL, NULL},
    {"Burnley paid £2m more than Leeds had offered for Marco Brandt.", FACT_FEE, 2e6, NULL, NULL,
     NULL},
    {"The bid fell £5m short of the asking price for Marco Brandt.", FACT_FEE, 5e6, NULL, NULL,
     NULL},
    /* add-ons with no fee before them in a contract are no fee */
    {"Nico Sartor's contract also holds £2m in performance-related add-ons.", FACT_FEE, -1, NULL,
     NULL, NULL},
    /* an offer the player turned down is no wage of his */
    {"Marco Brandt turned down an offer of £300,000 a week from Al-Nassr.", FACT_WAGE, -1, NULL,
     NULL, NULL},
    /* goals, not games, before ", N of which" */
    {"Marco Brandt scored 30 goals in 90 games, 16 of which came in May.", FACT_APPEARANCES, 16,
     NULL, NULL, NULL},
    /* the start of a clause is not a contract's end */
    {"Marco Brandt's release clause becomes active in the summer of 2025.", FACT_CONTRACT, -1, NULL,
     NULL, NULL},
};

static size_t count_present(struct fixture *f, const struct want *list, size_t n)
{
    size_t wrong = 0;
    for (size_t i = 0; i < n; i++) {
        const struct want *w = &list[i];
        fixture_run(f, TITLE, w->body);
        bool there = w->value < 0 ? fixture_count(f, w->kind) > 0
                                  : fixture_fact(f, w->kind, w->value) != NULL;
        if (there) {
            print_message("UNEXPECTED %s in: %s\n", fact_kind_name(w->kind), w->body);
            wrong++;
        }
    }
    return wrong;
}

static void test_general_17(void **state)
{
    check_wants(*state, general17, sizeof general17 / sizeof *general17);
    assert_int_equal(
        count_present(*state, not_general17, sizeof not_general17 / sizeof *not_general17), 0);
}

/* An add-on or an instalment is a part of the fee before it: a fee marked
 * as such, about the same player and clubs, in the body and in a headline. */
static void test_addons_17(void **state)
{
    struct fixture *f = *state;
    static const struct {
        const char *title, *body;
        double whole, part;
        const char *qualifier;
    } cases[] = {
        {TITLE, "Burnley will pay Lazio £18m plus £4m in add-ons for Marco Brandt.", 18e6, 4e6,
         "add-ons"},
        {TITLE,
         "Everton signed Nico Sartor from Lyon for an initial £20m, with a further £5m of "
         "potential bonuses.",
         20e6, 5e6, "add-ons"},
        {TITLE,
         "Derby agreed a €30m fee with Lyon for Nico Sartor, to be paid in three "
         "instalments of €10m.",
         30e6, 10e6, "instalment"},
        {"Leeds agree £40m plus £5m add-ons deal for Ivo Laine", "He is a fine player.", 40e6, 5e6,
         "add-ons"},
        {TITLE,
         "Milan signed Nico Sartor from Lyon for €20m plus up to another €8m in various add-ons "
         "and performance-related bonuses.",
         20e6, 8e6, "add-ons"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fixture_run(f, cases[i].title, cases[i].body);
        assert_int_equal(fixture_count(f, FACT_FEE), 2);
        const struct fact *whole = fixture_fact(f, FACT_FEE, cases[i].whole);
        const struct fact *part = fixture_fact(f, FACT_FEE, cases[i].part);
        if (!whole || !part)
            fail_msg("case %zu: fee or part missing", i);
        assert_null(fact_qualifier_name(whole->qualifier));
        assert_string_equal(fact_qualifier_name(part->qualifier), cases[i].qualifier);
        assert_string_equal(fixture_name(f, part->subject), fixture_name(f, whole->subject));
        assert_string_equal(fixture_name(f, part->from), fixture_name(f, whole->from));
        assert_string_equal(fixture_name(f, part->to), fixture_name(f, whole->to));
        assert_true(part->subject != NO_ENTITY);
    }
}

static void test_not_fees_17(void **state)
{
    struct fixture *f = *state;
    size_t wrong = 0;
    for (size_t i = 0; i < sizeof not_fees17 / sizeof *not_fees17; i++) {
        const struct want *w = &not_fees17[i];
        fixture_run(f, TITLE, w->body);
        bool there = w->value < 0 ? fixture_count(f, w->kind) > 0
                                  : fixture_fact(f, w->kind, w->value) != NULL;
        if (there) {
            print_message("UNEXPECTED %s in: %s\n", fact_kind_name(w->kind), w->body);
            wrong++;
        }
    }
    assert_int_equal(wrong, 0);
}

/* The turned-down offer is shown as an offer, with the club that made it. */
static void test_offer_turned_down_17(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, TITLE, "Marco Brandt turned down an offer of £300,000 a week from Al-Nassr.");
    const struct fact *o = fixture_fact(f, FACT_OFFER, 300000);
    assert_non_null(o);
    assert_string_equal(fixture_name(f, o->subject), "Marco Brandt");
    assert_string_equal(fixture_name(f, o->club), "Al-Nassr");
    assert_int_equal(o->period, FACT_WEEK);
    assert_string_equal(fact_kind_name(o->kind), "offer");
    /* the phrase holds the conversion it keeps */
    fixture_run(f, TITLE, "Lazio sold Marco Brandt for €60m (£51m) on Friday.");
    const struct fact *fee = fixture_fact(f, FACT_FEE, 60e6);
    assert_non_null(fee);
    assert_int_equal(fixture_count(f, FACT_FEE), 1);
    assert_memory_equal(f->a->body + fee->span.start, "€60m (£51m)",
                        fee->span.end - fee->span.start);
}

static void test_subjects_17(void **state)
{
    check_wants(*state, subjects17, sizeof subjects17 / sizeof *subjects17);
}

static void test_headline_subject_17(void **state)
{
    check_titled(*state, "Fulham agree £19m fee for Joao Palinho", headline17,
                 sizeof headline17 / sizeof *headline17);
}

/* An amount with no currency sign before a transfer word ("a 15.8m
 * signing", a headline's "42m move") is a fee in the article's currency;
 * with no currency in the article, or before another word, it is nothing. */
static void test_bare_amounts_17(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "Ivo Laine completes medical ahead of 42m move to Leeds",
                "Ajax will sell Ivo Laine for €38m plus €4m in add-ons.");
    const struct fact *t = fixture_fact(f, FACT_FEE, 42e6);
    assert_non_null(t);
    assert_true(t->span.in_title);
    assert_string_equal(fact_currency_name(t->currency), "EUR");
    assert_string_equal(fixture_name(f, t->subject), "Ivo Laine");
    fixture_run(f, TITLE,
                "Leeds paid £20m for Tom Brandt. Dan Morrow, a 15.8m signing from Ajax, has "
                "struggled.");
    const struct fact *b = fixture_fact(f, FACT_FEE, 15.8e6);
    assert_non_null(b);
    assert_string_equal(fact_currency_name(b->currency), "GBP");
    assert_string_equal(fixture_name(f, b->subject), "Dan Morrow");
    /* a headline that names no one: the article's main player */
    fixture_run(f, "Ajax midfielder completes medical ahead of 42m move",
                "Manager Tom Farrow said Ivo Laine will sign for €38m. Laine passed his medical "
                "on Monday.");
    t = fixture_fact(f, FACT_FEE, 42e6);
    assert_non_null(t);
    assert_string_equal(fixture_name(f, t->subject), "Ivo Laine");
    fixture_run(f, TITLE, "Dan Morrow, a 15.8m signing from Ajax, has struggled.");
    assert_int_equal(fixture_count(f, FACT_FEE), 0);
    fixture_run(f, TITLE, "Leeds paid £20m for Tom Brandt, who ran the 100m sprint in May.");
    assert_int_equal(fixture_count(f, FACT_FEE), 1);
}

static void test_role_word_alone_17(void **state)
{
    check_wants(*state, role_alone17, sizeof role_alone17 / sizeof *role_alone17);
}

static void test_described_subjects_17(void **state)
{
    check_wants(*state, described17, sizeof described17 / sizeof *described17);
}

static void test_wordings_17(void **state)
{
    check_wants(*state, wordings17, sizeof wordings17 / sizeof *wordings17);
}

/* 2. Direction: an asking price is the seller's; "pay CLUB" names the
 * seller. */
static void test_direction_17(void **state)
{
    struct fixture *f = *state;
    static const struct {
        const char *body;
        double value;
        const char *from, *to, *qualifier;
    } cases[] = {
        {"Chelsea want £70m for their midfielder Conor Gallagher.", 70e6, "Chelsea", "", "asking"},
        {"Brentford are demanding £60m for Ivan Toney.", 60e6, "Brentford", "", "asking"},
        {"Napoli value Victor Osimhen at €120m.", 120e6, "Napoli", "", "asking"},
        {"Al-Hilal will pay Paris Saint-Germain a fee of €90m for Neymar.", 90e6,
         "Paris Saint-Germain", "Al-Hilal", NULL},
        {"Inter Milan signed Alessandro Bastoni for £31m from Atalanta.", 31e6, "Atalanta",
         "Inter Milan", NULL},
        /* the seller that sanctions a sale, or values its player; the club a bid comes from */
        {"Leeds United will sanction a sale for around £40m.", 40e6, "Leeds United", "",
         "reported"},
        {"Ivo Laine wants to leave, with Leeds United valuing him at £50m.", 50e6, "Leeds United",
         "", "asking"},
        {"Millwall rejected a £6m bid from Leeds United for Ivo Laine.", 6e6, "Millwall",
         "Leeds United", NULL},
        {"Leeds United spent £12m on Lyon's Ivo Laine and £9m on Porto winger Sam Orton.", 9e6,
         "Porto", "Leeds United", NULL},
        {"Leeds United agreed a fee of £20m with Lyon for Ivo Laine.", 20e6, "Lyon", "Leeds United",
         NULL},
        {"Leeds United still owe Lyon £5m for Ivo Laine.", 5e6, "Lyon", "Leeds United", NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fixture_run(f, TITLE, cases[i].body);
        const struct fact *fee = fixture_fact(f, FACT_FEE, cases[i].value);
        assert_non_null(fee);
        assert_string_equal(fixture_name(f, fee->from), cases[i].from);
        assert_string_equal(fixture_name(f, fee->to), cases[i].to);
        const char *q = fact_qualifier_name(fee->qualifier);
        if (cases[i].qualifier)
            assert_string_equal(q ? q : "", cases[i].qualifier);
        else
            assert_null(q);
    }
}

/* 5. A fee or release clause the headline gives is a fact (its span in
 * the title) about the person named after it; one the body repeats is
 * kept once, from the body. */
static void test_title_facts_17(void **state)
{
    struct fixture *f = *state;
    static const struct {
        const char *title, *body;
        enum fact_kind kind;
        double value;
        const char *subject, *from, *to;
        bool in_title;
    } cases[] = {
        {"Fulham agree £19m fee for Joao Palhinha", "The midfielder will join next week.", FACT_FEE,
         19e6, "Joao Palhinha", "", "Fulham", true},
        {"Barcelona set €1bn buy-out clause in new deal for Marc Vidal", "He is 20.",
         FACT_RELEASE_CLAUSE, 1e9, "Marc Vidal", "", "", true},
        {"Everton want £40m for Tom Ellery", "The defender has two years left.", FACT_FEE, 40e6,
         "Tom Ellery", "Everton", "", true},
        {"Fulham agree £19m fee for Joao Palhinha",
         "Fulham have agreed a £19m fee with Sporting Lisbon for Joao Palhinha.", FACT_FEE, 19e6,
         "Joao Palhinha", "Sporting Lisbon", "Fulham", false},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fixture_run(f, cases[i].title, cases[i].body);
        const struct fact *fc = fixture_fact(f, cases[i].kind, cases[i].value);
        if (!fc)
            fail_msg("case %zu: no fact", i);
        assert_int_equal(fixture_count(f, cases[i].kind), 1);
        assert_string_equal(fixture_name(f, fc->subject), cases[i].subject);
        if (cases[i].in_title) {
            assert_string_equal(fixture_name(f, fc->from), cases[i].from);
            assert_string_equal(fixture_name(f, fc->to), cases[i].to);
        }
        assert_int_equal(fc->span.in_title, cases[i].in_title);
    }
    /* money in a headline with no fee word, or a wage, is no fee */
    fixture_run(f, "Rovers post £12m profit", "The club said so.");
    assert_int_equal(fixture_count(f, FACT_FEE), 0);
    fixture_run(f, "Kai Brandt on £200,000 a week", "He is happy.");
    assert_int_equal(fixture_count(f, FACT_FEE), 0);
}

/* 2. Team runs, suspensions and games in charge are no player's
 * appearances; the club of appearances is where he played them. */
static const struct want team_runs17[] = {
    {"Kevin Moss will miss two games through suspension.", FACT_APPEARANCES, -1, NULL, NULL, NULL},
    {"Rovers have 11 wins in their last 14 games under Dan Ward.", FACT_APPEARANCES, -1, NULL, NULL,
     NULL},
    {"Dan Ward has 120 games in charge of Rovers.", FACT_APPEARANCES, -1, NULL, NULL, NULL},
    {"The side has gone five matches unbeaten since Kevin Moss arrived.", FACT_APPEARANCES, -1,
     NULL, NULL, NULL},
    {"Kevin Moss said they had to play two matches in three days.", FACT_APPEARANCES, -1, NULL,
     NULL, NULL},
    {"Kevin Moss and his team-mates have conceded three goals in nine games.", FACT_APPEARANCES, -1,
     NULL, NULL, NULL},
};

static void test_team_runs_17(void **state)
{
    struct fixture *f = *state;
    size_t wrong = 0;
    for (size_t i = 0; i < sizeof team_runs17 / sizeof *team_runs17; i++) {
        fixture_run(f, TITLE, team_runs17[i].body);
        if (fixture_count(f, FACT_APPEARANCES) > 0) {
            print_message("UNEXPECTED apps in: %s\n", team_runs17[i].body);
            wrong++;
        }
    }
    assert_int_equal(wrong, 0);
}

static void test_apps_club_17(void **state)
{
    struct fixture *f = *state;
    static const struct {
        const char *body;
        double value;
        const char *team;
    } cases[] = {
        {"Wolves signed Kevin Moss in 2022. He has made 30 appearances since his £11m move from "
         "Basel.",
         30, "Wolverhampton Wanderers"},
        {"Kevin Moss made 110 appearances for Chelsea before joining Everton.", 110, "Chelsea"},
        {"Kevin Moss joined Everton in 2019. He spent four years at Goodison Park, making 125 "
         "appearances before signing for Fulham.",
         125, "Everton"},
        {"After signing for Charlton, Kevin Moss made 164 appearances.", 164, "Charlton Athletic"},
        {"Kevin Moss made 44 Eredivisie appearances for Ajax.", 44, "Ajax"},
        {"Kevin Moss, who played in the Champions League last season, has made 90 appearances "
         "for Sporting.",
         90, "Sporting CP"},
        {"Kevin Moss has made 90 appearances for Sporting and won the Primeira Liga twice.", 90,
         "Sporting CP"},
        {"Kevin Moss has made 12 appearances in the Champions League for Celtic.", 12, "Celtic"},
        {"Kevin Moss has made 14 appearances in the Champions League.", 14, "Champions League"},
        {"Kevin Moss made 16 Champions League appearances last season.", 16, "Champions League"},
        /* a competition elsewhere in the sentence is not where he played */
        {"Kevin Moss has made 18 appearances and hopes to win the Primeira Liga.", 18, ""},
        {"Kevin Moss, who joined Everton in a £9m move from Lyon in 2021, has made 80 "
         "appearances.",
         80, "Everton"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fixture_run(f, TITLE, cases[i].body);
        const struct fact *apps = fixture_fact(f, FACT_APPEARANCES, cases[i].value);
        assert_non_null(apps);
        assert_string_equal(fixture_name(f, apps->team), cases[i].team);
    }
    fixture_run(f, TITLE, "Kevin Moss has made 30 appearances since his £11m move from Basel.");
    const struct fact *fee = fixture_fact(f, FACT_FEE, 11e6);
    assert_non_null(fee);
    assert_string_equal(fixture_name(f, fee->from), "Basel");
}

/* 4. Ages at another time are kept, marked as such. */
static void test_ages_at_another_time_17(void **state)
{
    struct fixture *f = *state;
    static const struct {
        const char *body;
        double value;
        bool then;
    } cases[] = {
        {"Harry Kane joined the Tottenham academy at the age of 11.", 11, true},
        {"Declan Rice was released by Chelsea when he was 14.", 14, true},
        {"Harry Kane, 30, joined Bayern Munich.", 30, false},
        {"The 19-year-old Leo Castell signed.", 19, false},
        {"Retired at the age of 38, Tom Dale became a coach.", 38, true},
        {"The deal ties Tom Dale to the club until 2034, when he turns 34.", 34, true},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fixture_run(f, TITLE, cases[i].body);
        const struct fact *age = fixture_fact(f, FACT_AGE, cases[i].value);
        assert_non_null(age);
        assert_int_equal(age->qualifier == FACT_AT_THE_TIME, cases[i].then);
    }
    /* with no year before it, "when he turns 40" is still a hypothetical */
    fixture_run(f, TITLE, "Maybe when he turns 40 he will stop, said Tom Dale.");
    assert_int_equal(fixture_count(f, FACT_AGE), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_money),
        cmocka_unit_test(test_counts_and_ages),
        cmocka_unit_test(test_contracts),
        cmocka_unit_test(test_not_facts),
        cmocka_unit_test(test_fee_clubs_and_year),
        cmocka_unit_test(test_caps_and_appearances_teams),
        cmocka_unit_test(test_loan_interest_source),
        cmocka_unit_test(test_loan_destination),
        cmocka_unit_test(test_spans_slice_the_phrase),
        cmocka_unit_test(test_subjects_17),
        cmocka_unit_test(test_headline_subject_17),
        cmocka_unit_test(test_wordings_17),
        cmocka_unit_test(test_described_subjects_17),
        cmocka_unit_test(test_role_word_alone_17),
        cmocka_unit_test(test_bare_amounts_17),
        cmocka_unit_test(test_not_fees_17),
        cmocka_unit_test(test_offer_turned_down_17),
        cmocka_unit_test(test_direction_17),
        cmocka_unit_test(test_general_17),
        cmocka_unit_test(test_addons_17),
        cmocka_unit_test(test_title_facts_17),
        cmocka_unit_test(test_team_runs_17),
        cmocka_unit_test(test_apps_club_17),
        cmocka_unit_test(test_ages_at_another_time_17),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
