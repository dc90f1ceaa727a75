/* test_entities: entity finding through the real extractor and built-in KB:
 * KB names (longest match, diacritics, case), every ambiguity rule (weak
 * short forms, places vs national teams, demonyms, acronyms, grounds),
 * people from context, surname and first-name links, and roles. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>

#include <cmocka.h>

#include "extract_helpers.h"

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

static size_t mentions_of(const struct fixture *f, enum entity_kind kind, const char *name)
{
    int e = fixture_entity(f, kind, name);
    return e < 0 ? 0 : f->x.entities[e].nmentions;
}

static size_t count_kind(const struct fixture *f, enum entity_kind kind)
{
    size_t n = 0;
    for (size_t i = 0; i < f->x.nentities; i++)
        n += f->x.entities[i].kind == kind;
    return n;
}

static void test_longest_kb_match_wins(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News", "Paris Saint-Germain beat Manchester City, and PSG now face Inter.");
    assert_int_equal(mentions_of(f, ENTITY_CLUB, "Paris Saint-Germain"), 2);
    assert_int_equal(mentions_of(f, ENTITY_CLUB, "Manchester City"), 1);
    assert_int_equal(fixture_entity(f, ENTITY_CLUB, "Manchester United"), -1);
}

/* Forms back to back are each found from their first word, and a word
 * inside a form found ("Madrid" of "Atletico Madrid", a weak form of Real
 * Madrid) starts no other. */
static void test_forms_back_to_back_and_inside(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News",
                "Manchester City Manchester United drew at Madrid, then Atletico Madrid and "
                "Real Madrid met.");
    assert_int_equal(mentions_of(f, ENTITY_CLUB, "Manchester City"), 1);
    assert_int_equal(mentions_of(f, ENTITY_CLUB, "Manchester United"), 1);
    assert_int_equal(mentions_of(f, ENTITY_CLUB, "Atlético Madrid"), 1);
    assert_int_equal(mentions_of(f, ENTITY_CLUB, "Real Madrid"), 2); /* "Madrid", "Real Madrid" */
}

static void test_diacritics_and_case_fold(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News", "Atletico Madrid lost to Atlético Madrid's rivals.");
    assert_int_equal(mentions_of(f, ENTITY_CLUB, "Atlético Madrid"), 2);
}

static void test_nicknames_link_to_clubs(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News",
                "Inter Milan won again. The Nerazzurri are top, and Spurs and the "
                "Gunners drew.");
    assert_int_equal(mentions_of(f, ENTITY_CLUB, "Inter Milan"), 2);
    assert_true(fixture_entity(f, ENTITY_CLUB, "Tottenham Hotspur") >= 0);
    assert_true(fixture_entity(f, ENTITY_CLUB, "Arsenal") >= 0);
}

static void test_weak_forms_need_support(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News", "City were poor and United were worse. Inter won.");
    assert_int_equal(count_kind(f, ENTITY_CLUB), 0);
    fixture_run(f, "News", "Manchester City beat Everton. City were superb.");
    assert_int_equal(mentions_of(f, ENTITY_CLUB, "Manchester City"), 2);
    fixture_run(f, "News",
                "Reading the game well, he tried to bury the chance. Chris Sutton "
                "watched.");
    assert_int_equal(count_kind(f, ENTITY_CLUB), 0);
    assert_true(fixture_entity(f, ENTITY_PERSON, "Chris Sutton") >= 0);
    fixture_run(f, "News", "The match is on Wednesday.");
    assert_int_equal(count_kind(f, ENTITY_CLUB), 0);
}

static void test_places_are_not_national_teams(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News", "He moved to Spain in 2019 and lives in Italy.");
    assert_int_equal(count_kind(f, ENTITY_NATIONAL_TEAM), 0);
    fixture_run(f, "News", "He has won 17 caps for Italy and scored against Spain.");
    assert_true(fixture_entity(f, ENTITY_NATIONAL_TEAM, "Italy") >= 0);
    assert_true(fixture_entity(f, ENTITY_NATIONAL_TEAM, "Spain") >= 0);
    /* a destination after "the", leaving a country, a country's award */
    fixture_run(f, "News",
                "Before leaving England to relocate to the Netherlands, he was named Wales's "
                "Footballer of the Year.");
    assert_int_equal(count_kind(f, ENTITY_NATIONAL_TEAM), 0);
    fixture_run(f, "News", "He is Wales's captain and scored for the Netherlands.");
    assert_true(fixture_entity(f, ENTITY_NATIONAL_TEAM, "Wales") >= 0);
}

static void test_demonyms_only_for_internationals(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News", "The Dutch midfielder arrived on Monday.");
    assert_int_equal(count_kind(f, ENTITY_NATIONAL_TEAM), 0);
    fixture_run(f, "News", "The Dutch international arrived on Monday.");
    assert_true(fixture_entity(f, ENTITY_NATIONAL_TEAM, "Netherlands") >= 0);
}

static void test_acronyms_and_grounds(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News", "As the rain fell, England trained at Villa Park.");
    assert_int_equal(count_kind(f, ENTITY_MEDIA), 0);
    assert_int_equal(fixture_entity(f, ENTITY_CLUB, "Aston Villa"), -1);
    fixture_run(f, "News", "Real Madrid want Kylian Mbappé, according to AS.");
    assert_true(count_kind(f, ENTITY_MEDIA) == 1);
    /* a form in capitals matches capitals only; one with lower case any case */
    fixture_run(f, "News", "Then Psv scored, and PSV Eindhoven won.");
    assert_int_equal(mentions_of(f, ENTITY_CLUB, "PSV Eindhoven"), 1);
    fixture_run(f, "News", "Then PSV scored, and PSV Eindhoven won. Psv Eindhoven lost.");
    assert_int_equal(mentions_of(f, ENTITY_CLUB, "PSV Eindhoven"), 2);
    fixture_run(f, "News", "Then MAN UTD scored.");
    assert_int_equal(mentions_of(f, ENTITY_CLUB, "Manchester United"), 1);
}

static void test_people_and_surname_links(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "Bastoni talks",
                "Inter Milan have opened talks with Alessandro Bastoni. Bastoni is happy, and "
                "Bastoni's agent Tullio Tinti is in Milan.");
    int e = fixture_entity(f, ENTITY_PERSON, "Alessandro Bastoni");
    assert_true(e >= 0);
    assert_int_equal(f->x.entities[e].nmentions, 4); /* title, full name, two surnames */
    assert_true(extraction_mentions_of(&f->x, &f->x.entities[e])[0].in_title);
    int agent = fixture_entity(f, ENTITY_PERSON, "Tullio Tinti");
    assert_true(agent >= 0);
    assert_int_equal(f->x.entities[agent].role, ROLE_AGENT);
}

/* A surname goes to the latest full name before it that ends with it; a
 * surname before all of them (the title) goes to the first. */
static void test_shared_surnames_link_to_the_latest(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "Neville talks",
                "Gary Neville praised the fans. Neville was happy. Then Alessandro Bastoni "
                "arrived, and Phil Neville spoke. Neville said Bastoni tried. Later Gary "
                "Neville left, and Neville waved.");
    int gary = fixture_entity(f, ENTITY_PERSON, "Gary Neville");
    int phil = fixture_entity(f, ENTITY_PERSON, "Phil Neville");
    assert_true(gary >= 0 && phil >= 0);
    /* title, two full names, two surnames */
    assert_int_equal(f->x.entities[gary].nmentions, 5);
    assert_true(extraction_mentions_of(&f->x, &f->x.entities[gary])[0].in_title);
    assert_int_equal(f->x.entities[phil].nmentions, 2); /* full name, one surname */
    assert_int_equal(mentions_of(f, ENTITY_PERSON, "Alessandro Bastoni"), 2);
}

static void test_particles_and_diacritics_in_names(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News",
                "Robin van Persie scored. Van Persie then left. Martin Ødegaard and "
                "Dušan Vlahović watched İlkay Gündoğan.");
    assert_int_equal(mentions_of(f, ENTITY_PERSON, "Robin van Persie"), 2);
    assert_true(fixture_entity(f, ENTITY_PERSON, "Martin Ødegaard") >= 0);
    assert_true(fixture_entity(f, ENTITY_PERSON, "Dušan Vlahović") >= 0);
    assert_true(fixture_entity(f, ENTITY_PERSON, "İlkay Gündoğan") >= 0);
}

static void test_context_clues_for_lone_names(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News",
                "Everton were held after striker Bent missed. Moyes said the team "
                "tried. It was Conte's side that won.");
    assert_true(fixture_entity(f, ENTITY_PERSON, "Bent") >= 0);
    assert_true(fixture_entity(f, ENTITY_PERSON, "Moyes") >= 0);
    int conte = fixture_entity(f, ENTITY_PERSON, "Conte");
    assert_true(conte >= 0);
    assert_int_equal(f->x.entities[conte].role, ROLE_MANAGER);
}

static void test_lineups_and_referees(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "Report",
                "Everton: Martyn, Hibbert, Yobo, Stubbs, Naysmith. Subs: Wright, "
                "Pistone. Referee: R Styles (Hampshire).");
    assert_true(fixture_entity(f, ENTITY_PERSON, "Yobo") >= 0);
    assert_true(fixture_entity(f, ENTITY_PERSON, "Pistone") >= 0);
    int ref = fixture_entity(f, ENTITY_PERSON, "R Styles");
    assert_true(ref >= 0);
    assert_int_equal(f->x.entities[ref].role, ROLE_OFFICIAL);
    assert_int_equal(fixture_entity(f, ENTITY_PERSON, "Hampshire"), -1);
    fixture_run(f, "Report",
                "Manchester City: James, Mills, Distin. Subs Not Used: Macken, "
                "Weaver, Jordan.");
    assert_true(fixture_entity(f, ENTITY_PERSON, "Jordan") >= 0);
    assert_int_equal(count_kind(f, ENTITY_NATIONAL_TEAM), 0);
}

static void test_full_and_partial_names_merge(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News",
                "Manchester United manager Sir Alex Ferguson was pleased. Alex "
                "Ferguson said Ferguson's men played well.");
    int e = fixture_entity(f, ENTITY_PERSON, "Sir Alex Ferguson");
    assert_true(e >= 0);
    assert_int_equal(f->x.entities[e].nmentions, 3);
    assert_int_equal(f->x.entities[e].role, ROLE_MANAGER);
}

/* A name seen first in part takes the longer name that starts with it; a
 * title run that is a body person's whole name is a mention of them. */
static void test_first_words_and_title_runs(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News",
                "Manchester United signed Gary Plumb on Monday. The fee for Gary Plumb Smith "
                "was large.");
    int e = fixture_entity(f, ENTITY_PERSON, "Gary Plumb Smith");
    assert_true(e >= 0);
    assert_int_equal(f->x.entities[e].nmentions, 2);
    assert_int_equal(fixture_entity(f, ENTITY_PERSON, "Gary Plumb"), -1);
    fixture_run(f, "Tullio Tinti talks", "Inter Milan spoke to agent Tullio Tinti on Monday.");
    e = fixture_entity(f, ENTITY_PERSON, "Tullio Tinti");
    assert_true(e >= 0);
    assert_int_equal(f->x.entities[e].nmentions, 2);
    assert_true(extraction_mentions_of(&f->x, &f->x.entities[e])[0].in_title);
}

static void test_given_name_beats_country(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News", "Jordan Henderson joined Ajax.");
    assert_true(fixture_entity(f, ENTITY_PERSON, "Jordan Henderson") >= 0);
    assert_int_equal(count_kind(f, ENTITY_NATIONAL_TEAM), 0);
}

static void test_sentence_starts_are_not_people(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News",
                "Despite the rain, Arsenal won. However, Chelsea lost. Former "
                "Blackburn boss Mark Hughes watched.");
    assert_int_equal(count_kind(f, ENTITY_PERSON), 1);
    assert_true(fixture_entity(f, ENTITY_PERSON, "Mark Hughes") >= 0);
}

static void test_ids_are_kind_and_slug(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News", "Martin Ødegaard joined Arsenal.");
    int e = fixture_entity(f, ENTITY_PERSON, "Martin Ødegaard");
    assert_true(e >= 0);
    assert_string_equal(f->x.entities[e].id, "person:martin-odegaard");
}

/* entity_write_id writes what entity_make_id returns, within
 * entity_id_room, and gives its length: accents, punctuation runs, an
 * apostrophe, leading and trailing separators, a name of nothing but
 * separators and the longest a byte can take (all dashes and letters). */
static void test_id_written_in_place(void **state)
{
    (void)state;
    static const char *const names[] = {"Martin \xc3\x98"
                                        "degaard",
                                        "Paris Saint-Germain",
                                        "O'Neill",
                                        " -Real  Madrid- ",
                                        "--",
                                        "",
                                        "a.b.c.d",
                                        "St. Mirren",
                                        "\xff\xfe"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++)
        for (int kind = 0; kind < ENTITY_KIND_COUNT; kind++) {
            char *want = entity_make_id((enum entity_kind)kind, names[i]);
            size_t room = entity_id_room((enum entity_kind)kind, strlen(names[i]));
            char *got = malloc(room);
            assert_non_null(got);
            assert_int_equal(entity_write_id((enum entity_kind)kind, names[i], got), strlen(want));
            assert_true(strlen(got) < room);
            assert_string_equal(got, want);
            free(got);
            free(want);
        }
}

/* Issue 17, item 6 and 5: persons named in lists, after descriptor words,
 * and only in the title; what is not a person. Sentences written for this
 * project. Each case: title, body, persons that must be there, names that
 * must not be persons. */
static void test_entities_17(void **state)
{
    struct fixture *f = *state;
    static const struct {
        const char *title, *body;
        const char *persons[4], *not_persons[3];
    } cases[] = {
        {"News",
         "Arsenal started with Saka, Odegaard and Rice in midfield.",
         {"Saka", "Odegaard", "Rice"},
         {"Arsenal"}},
        {"News",
         "\"I thought Martinelli, Trossard and Havertz were brilliant,\" said the coach.",
         {"Martinelli", "Trossard", "Havertz"},
         {NULL}},
        {"News",
         "Matchwinner Leo Castell was delighted. Skipper Dan Morrow lifted the cup.",
         {"Leo Castell", "Dan Morrow"},
         {"Matchwinner Leo Castell", "Skipper Dan Morrow"}},
        {"News",
         "Man-of-the-match Tom Hardwick scored twice.",
         {"Tom Hardwick"},
         {"Man-of-the-match Tom Hardwick"}},
        {"Fulham agree fee for Joao Palhinha",
         "The midfielder will join from Sporting Lisbon.",
         {"Joao Palhinha"},
         {NULL}},
        /* sub-headings are no persons; a name on a line of its own is */
        {"News",
         "Kai Brandt joined Fulham.\n\nTactical Analysis\n\nHe is quick.\n\nExpert "
         "Verdict\n\nStats Corner\n\nMarcus Holt\n\nHolt said he was happy.",
         {"Kai Brandt", "Marcus Holt"},
         {"Tactical Analysis", "Expert Verdict", "Stats Corner"}},
        /* clubs and countries in a list stay what they are */
        {"News",
         "Chelsea, Arsenal and Liverpool are interested, as are France, Spain and Italy.",
         {NULL},
         {"Chelsea", "Arsenal", "France"}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fixture_run(f, cases[i].title, cases[i].body);
        for (size_t k = 0; k < 4 && cases[i].persons[k]; k++)
            if (fixture_entity(f, ENTITY_PERSON, cases[i].persons[k]) < 0)
                fail_msg("case %zu: no person %s", i, cases[i].persons[k]);
        for (size_t k = 0; k < 3 && cases[i].not_persons[k]; k++)
            if (fixture_entity(f, ENTITY_PERSON, cases[i].not_persons[k]) >= 0)
                fail_msg("case %zu: %s is not a person", i, cases[i].not_persons[k]);
    }
}

/* Issue 17, items 1 and 6: what is no entity of the article (link lines
 * to other stories, grounds and parks, a tournament named by its host and
 * year) and weak club names supported by a club they are listed with.
 * Sentences written for this project. Each case: title, body, entities
 * that must be there and entities that must not, as (kind, name). */
struct kind_name {
    enum entity_kind kind;
    const char *name;
};

static void test_entities_17_places_and_asides(void **state)
{
    struct fixture *f = *state;
    static const struct {
        const char *title, *body;
        struct kind_name yes[3], no[3];
    } cases[] = {
        {"News",
         "Kai Brandt signed for Fulham.\n\nRead also: Olu Mensah completes move to Everton\n\n"
         "He starts on Saturday.",
         {{ENTITY_PERSON, "Kai Brandt"}, {ENTITY_CLUB, "Fulham"}},
         {{ENTITY_PERSON, "Olu Mensah"}, {ENTITY_CLUB, "Everton"}}},
        {"News",
         "Kai Brandt signed for Fulham.\n\nMore: Why Everton need a new striker\n\n"
         "Related: Dan Hollis signs new deal",
         {{ENTITY_PERSON, "Kai Brandt"}},
         {{ENTITY_CLUB, "Everton"}, {ENTITY_PERSON, "Dan Hollis"}}},
        {"News: Brandt",
         "Kai Brandt signed for Fulham: a deal.\n\nmore: Everton want a striker\n\n"
         "Watch: Dan Hollis at Burnley",
         {{ENTITY_PERSON, "Kai Brandt"}, {ENTITY_CLUB, "Everton"}},
         {{ENTITY_PERSON, "Dan Hollis"}, {ENTITY_CLUB, "Burnley"}}},
        {"News",
         "He played at the Germany 2006 World Cup and at Russia 2018.",
         {{ENTITY_COMPETITION, "World Cup"}},
         {{ENTITY_NATIONAL_TEAM, "Germany"}, {ENTITY_NATIONAL_TEAM, "Russia"}}},
        {"News",
         "He won 20 caps for Germany and was in the Germany 2010 squad.",
         {{ENTITY_NATIONAL_TEAM, "Germany"}},
         {{0, NULL}}},
        {"News",
         "The fans met at Stanley Park before the game at White Hart Lane.",
         {{0, NULL}},
         {{ENTITY_PERSON, "Stanley Park"}, {ENTITY_PERSON, "White Hart"}}},
        {"News",
         "Scouts from Santos and Botafogo watched Boca and River draw.",
         {{ENTITY_CLUB, "Santos"}, {ENTITY_CLUB, "River Plate"}, {ENTITY_CLUB, "Botafogo"}},
         {{0, NULL}}},
        {"News",
         "The forward joined Londrina from Paysandu after Aldosivi and Temperley "
         "had scouted him.",
         {{ENTITY_CLUB, "Londrina"}, {ENTITY_CLUB, "Paysandu"}, {ENTITY_CLUB, "Temperley"}},
         {{ENTITY_PERSON, "Aldosivi"}, {ENTITY_PERSON, "Temperley"}}},
        {"News",
         "Nice weather greeted the players in Santos on Monday.",
         {{0, NULL}},
         {{ENTITY_CLUB, "Santos"}, {ENTITY_CLUB, "Nice"}}},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fixture_run(f, cases[i].title, cases[i].body);
        for (size_t k = 0; k < 3 && cases[i].yes[k].name; k++)
            if (fixture_entity(f, cases[i].yes[k].kind, cases[i].yes[k].name) < 0)
                fail_msg("case %zu: %s missing", i, cases[i].yes[k].name);
        for (size_t k = 0; k < 3 && cases[i].no[k].name; k++)
            if (fixture_entity(f, cases[i].no[k].kind, cases[i].no[k].name) >= 0)
                fail_msg("case %zu: %s found", i, cases[i].no[k].name);
    }
}

/* A paper named after its town is a paper of its own: not a person, and
 * not the national paper whose short name it ends with (issue 17). */
static void test_local_papers(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News",
                "The Kendal Mail says Ivo Laine will join. The Irish Daily Star and the Dundee "
                "Times agreed.");
    assert_int_equal(count_kind(f, ENTITY_PERSON), 1);
    assert_true(fixture_entity(f, ENTITY_MEDIA, "Kendal Mail") >= 0);
    assert_true(fixture_entity(f, ENTITY_MEDIA, "Irish Daily Star") >= 0);
    assert_true(fixture_entity(f, ENTITY_MEDIA, "Dundee Times") >= 0);
    assert_int_equal(fixture_entity(f, ENTITY_MEDIA, "Daily Star"), -1);
    assert_int_equal(fixture_entity(f, ENTITY_MEDIA, "The Times"), -1);
    assert_int_equal(fixture_entity(f, ENTITY_MEDIA, "Daily Mail"), -1);
    /* the national papers are still themselves */
    fixture_run(f, "News", "The Daily Star and The Times both named Ivo Laine.");
    assert_true(fixture_entity(f, ENTITY_MEDIA, "Daily Star") >= 0);
    assert_true(fixture_entity(f, ENTITY_MEDIA, "The Times") >= 0);
}

/* A sports desk glued to "Sport" is a source, a birthplace glued to
 * "-born" is no part of the name after it, and a lone name is a person
 * when it comes from a club or a club is under it (issue 17). */
static void test_sports_desks_and_birthplaces(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News",
                "MirrorSport understands Ivo Laine will stay. Leeds-born Laine came through the "
                "academy with Tom Brandt.");
    assert_true(fixture_entity(f, ENTITY_MEDIA, "MirrorSport") >= 0);
    assert_int_equal(fixture_entity(f, ENTITY_PERSON, "MirrorSport"), -1);
    assert_int_equal(fixture_entity(f, ENTITY_PERSON, "Leeds-born Laine"), -1);
    assert_true(fixture_entity(f, ENTITY_PERSON, "Ivo Laine") >= 0);
    assert_int_equal(count_kind(f, ENTITY_PERSON), 2);
    /* a lone name coming "from" a club, or a club "under" a lone name */
    fixture_run(f, "News",
                "Leeds confirmed the addition of Pedrinho from Benfica. Fans trust the project "
                "under Varga and the board.");
    assert_true(fixture_entity(f, ENTITY_PERSON, "Pedrinho") >= 0);
    assert_true(fixture_entity(f, ENTITY_PERSON, "Varga") >= 0);
    fixture_run(f, "News", "Ivo Laine played under Leeds rules.");
    assert_int_equal(fixture_entity(f, ENTITY_PERSON, "Leeds"), -1);
    /* a name that merely ends in "sport" is not a desk */
    fixture_run(f, "News", "Ivo Laine joined Eurosport as a pundit.");
    assert_int_equal(fixture_entity(f, ENTITY_MEDIA, "Ivo Laine"), -1);
}

/* A club the knowledge base lacks, named after a nationality or a league
 * and "side", "club" or "outfit", is a club, not a person (issue 17). */
static void test_described_clubs(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News",
                "Ivo Laine joined from Danish side Korsvang while Dan Morrow left Greek outfit "
                "Pelion Volou.");
    assert_true(fixture_entity(f, ENTITY_CLUB, "Korsvang") >= 0);
    assert_true(fixture_entity(f, ENTITY_CLUB, "Pelion Volou") >= 0);
    assert_int_equal(count_kind(f, ENTITY_PERSON), 2);
    /* after a club or an owner, the name is a player's */
    fixture_run(f, "News", "Arsenal side Morrow and Laine's side Korsvang drew.");
    assert_int_equal(fixture_entity(f, ENTITY_CLUB, "Morrow"), -1);
    assert_int_equal(fixture_entity(f, ENTITY_CLUB, "Korsvang"), -1);
    /* a given name is no club */
    fixture_run(f, "News", "Danish side Tom Brandt won.");
    assert_int_equal(fixture_entity(f, ENTITY_CLUB, "Tom Brandt"), -1);
}

/* A club a player left is the club, not its town (issue 17). */
static void test_left_club(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News", "Ivo Laine left Al-Ettifaq for Leeds after he left Celtic in May.");
    assert_true(fixture_entity(f, ENTITY_CLUB, "Al-Ettifaq") >= 0);
    assert_true(fixture_entity(f, ENTITY_CLUB, "Celtic") >= 0);
    fixture_run(f, "News", "Ivo Laine was born in Cardiff.");
    assert_int_equal(count_kind(f, ENTITY_CLUB), 0);
}

/* A KB person's short forms and nicknames ("Fergie", "Rafa", "Pep") are
 * that person once the article names him, not a second person. */
static void test_kb_nicknames_resolve(void **state)
{
    struct fixture *f = *state;
    static const struct {
        const char *body;
        const char *person;
        const char *nickname;
    } cases[] = {
        {"Sir Alex Ferguson watched from the stand. Fergie later praised the youngsters.",
         "Sir Alex Ferguson", "Fergie"},
        {"Rafael Benitez was sacked on Sunday. Rafa had been in charge for six months.",
         "Rafael Benítez", "Rafa"},
        {"Pep Guardiola named an unchanged side. Pep said the players were tired.", "Pep Guardiola",
         "Pep"},
        {"Zinedine Zidane returned to the club. Zizou won three European titles there.",
         "Zinedine Zidane", "Zizou"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        fixture_run(f, "News", cases[i].body);
        if (mentions_of(f, ENTITY_PERSON, cases[i].person) != 2 ||
            fixture_entity(f, ENTITY_PERSON, cases[i].nickname) >= 0)
            print_message("MISS: %s\n", cases[i].body);
        assert_int_equal(mentions_of(f, ENTITY_PERSON, cases[i].person), 2);
        assert_int_equal(fixture_entity(f, ENTITY_PERSON, cases[i].nickname), -1);
    }
}

/* A weak club form ("Sporting") is the club after "appearances for", and
 * not when it starts a role of two words ("Sporting director"). */
static void test_weak_club_by_context(void **state)
{
    struct fixture *f = *state;
    fixture_run(f, "News", "Kevin Moss has made 90 appearances for Sporting since 2019.");
    assert_int_equal(mentions_of(f, ENTITY_CLUB, "Sporting CP"), 1);
    fixture_run(f, "News", "Sporting director Tom Hale said the squad was ready.");
    assert_int_equal(fixture_entity(f, ENTITY_CLUB, "Sporting CP"), -1);
    fixture_run(f, "News",
                "Kevin Moss joined Sporting in 2019. Sporting coach Rui Lopes praised him.");
    assert_int_equal(mentions_of(f, ENTITY_CLUB, "Sporting CP"), 2);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_id_written_in_place),
        cmocka_unit_test(test_longest_kb_match_wins),
        cmocka_unit_test(test_forms_back_to_back_and_inside),
        cmocka_unit_test(test_entities_17),
        cmocka_unit_test(test_entities_17_places_and_asides),
        cmocka_unit_test(test_diacritics_and_case_fold),
        cmocka_unit_test(test_nicknames_link_to_clubs),
        cmocka_unit_test(test_weak_forms_need_support),
        cmocka_unit_test(test_places_are_not_national_teams),
        cmocka_unit_test(test_demonyms_only_for_internationals),
        cmocka_unit_test(test_acronyms_and_grounds),
        cmocka_unit_test(test_people_and_surname_links),
        cmocka_unit_test(test_first_words_and_title_runs),
        cmocka_unit_test(test_shared_surnames_link_to_the_latest),
        cmocka_unit_test(test_particles_and_diacritics_in_names),
        cmocka_unit_test(test_context_clues_for_lone_names),
        cmocka_unit_test(test_lineups_and_referees),
        cmocka_unit_test(test_full_and_partial_names_merge),
        cmocka_unit_test(test_given_name_beats_country),
        cmocka_unit_test(test_sentence_starts_are_not_people),
        cmocka_unit_test(test_ids_are_kind_and_slug),
        cmocka_unit_test(test_local_papers),
        cmocka_unit_test(test_left_club),
        cmocka_unit_test(test_sports_desks_and_birthplaces),
        cmocka_unit_test(test_described_clubs),
        cmocka_unit_test(test_kb_nicknames_resolve),
        cmocka_unit_test(test_weak_club_by_context),
    };
    return cmocka_run_group_tests(tests, group_setup, group_teardown);
}
