/* test_identity: one person, one entity across the corpus (index/identity.c).
 * A small corpus, run through the real pipeline in load order: a surname met
 * before its full name is folded in later; an ambiguous surname stays apart
 * and names both people; a surname folded into one person is split off
 * again when a second full-name person with it arrives; "corpus_id" in the
 * JSON export. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/index/export.h"
#include "core/pipeline/pipeline.h"

static char dir[] = "/tmp/touchline-identity-XXXXXX";
static struct pipeline pl;

/* Articles in load order (file names sort as written). */
static const char *const articles[][2] = {
    {"1.md", "Chelsea midfielder Lampard scored twice against Arsenal."},
    {"2.md", "Frank Lampard signed a new deal with Chelsea. Lampard is happy."},
    {"3.md", "Manchester United defender Neville was injured."},
    {"4.md", "Gary Neville and Phil Neville both played for Manchester United."},
    {"5.md", "Rangers striker Boyd scored. Kris Boyd is the top scorer."},
    {"6.md", "Kilmarnock striker Boyd scored again."},
    {"7.md", "Scotland captain Boyd was capped. Later, Tom Boyd spoke to reporters."},
    {"8.md", "Arsenal striker Van Persie was injured. Robin van Persie will miss a month."},
    {"9.md", "Manchester United defender O'Shea was booked."},
    {"a.md", "Everton striker Neil Kilkenny scored. John O'Shea played."},
    {"b.md", "Ricardo Izecson dos Santos Leite signed for AC Milan."},
    {"c.md", "Kaká scored twice for AC Milan."},
};
#define NARTICLES (sizeof articles / sizeof *articles)

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    for (size_t i = 0; i < NARTICLES; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", dir, articles[i][0]);
        FILE *f = fopen(path, "w");
        fprintf(f, "---\ntitle: %s\ndate: 2024-01-0%zu\n---\n%s\n", articles[i][0], i % 9 + 1,
                articles[i][1]);
        fclose(f);
    }
    char *paths[] = {dir};
    struct tl_error err;
    return pipeline_open(&pl, paths, 1, NULL, &err) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    pipeline_close(&pl);
    for (size_t i = 0; i < NARTICLES; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", dir, articles[i][0]);
        unlink(path);
    }
    rmdir(dir);
    return 0;
}

static int person(const char *name)
{
    return index_resolve(&pl.index, name, ENTITY_PERSON);
}

/* Who each name resolves to, with the articles and mentions it then has. */
static void test_each_name_is_one_person(void **state)
{
    (void)state;
    static const struct {
        const char *query, *is;
        size_t articles, mentions;
    } cases[] = {
        {"Lampard", "Frank Lampard", 2, 3}, /* surname first, full name later */
        {"Frank Lampard", "Frank Lampard", 2, 3},
        {"Van Persie", "Robin van Persie", 1, 2}, /* a two-word short form */
        {"O'Shea", "John O'Shea", 2, 2},
        {"Kris Boyd", "Kris Boyd", 1, 2}, /* the lone Boyd of 6.md split off */
        {"Boyd", "Boyd", 1, 1},
        {"Neville", "Neville", 1, 1}, /* ambiguous: stays apart */
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int e = person(cases[i].query);
        assert_true(e >= 0);
        const struct index_entity *ent = &pl.index.entities[e];
        assert_string_equal(ent->name, cases[i].is);
        assert_int_equal(ent->narticles, cases[i].articles);
        assert_int_equal(ent->npostings, cases[i].mentions);
        assert_int_equal(ent->same_as, -1);
    }
}

static void test_no_neil_in_oneil(void **state)
{
    (void)state;
    int who[4];
    assert_int_equal(index_people_named(&pl.index, "Neil", who, 4), 0);
    assert_int_equal(index_people_named(&pl.index, "Shea", who, 4), 0);
}

static void test_ambiguous_surname_names_both(void **state)
{
    (void)state;
    static const struct {
        const char *query;
        size_t n;
        const char *first, *second;
    } cases[] = {
        {"Neville", 2, "Gary Neville", "Phil Neville"},
        {"Boyd", 2, "Kris Boyd", "Tom Boyd"},
        {"Lampard", 1, "Frank Lampard", NULL},
        {"Nobody", 0, NULL, NULL},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        int who[4];
        assert_int_equal(index_people_named(&pl.index, cases[i].query, who, 4), cases[i].n);
        if (cases[i].first)
            assert_string_equal(pl.index.entities[who[0]].name, cases[i].first);
        if (cases[i].second)
            assert_string_equal(pl.index.entities[who[1]].name, cases[i].second);
    }
}

/* The folded-in entity is hidden from pickers and points at its person. */
static void test_short_form_hidden_and_global(void **state)
{
    (void)state;
    int lampard = person("Frank Lampard");
    int found[64];
    size_t n = index_search(&pl.index, ENTITY_PERSON, "lampard", found, 64);
    assert_int_equal(n, 1);
    assert_int_equal(found[0], lampard);
    assert_int_equal(index_find(&pl.index, "person:lampard"), lampard);
    assert_int_equal(
        index_global(&pl.index, 0, 0) == lampard || index_global(&pl.index, 0, 1) == lampard, true);
    /* postings stay in order: article 0 first */
    const struct index_entity *e = &pl.index.entities[lampard];
    assert_int_equal(e->postings[0].article, 0);
    for (size_t i = 1; i < e->npostings; i++)
        assert_true(e->postings[i - 1].article <= e->postings[i].article);
}

static void test_export_names_the_corpus_id(void **state)
{
    (void)state;
    struct buf out;
    buf_init(&out);
    export_article_json(&out, &pl.index, 0, false);
    assert_non_null(
        strstr(out.data, "\"id\":\"person:lampard\",\"corpus_id\":\"person:frank-lampard\""));
    buf_reset(&out);
    export_article_json(&out, &pl.index, 1, false); /* the full name: no corpus_id */
    assert_null(strstr(out.data, "corpus_id"));
    buf_reset(&out);
    export_article_json(&out, &pl.index, 2, false); /* ambiguous Neville: none */
    assert_null(strstr(out.data, "corpus_id"));
    buf_free(&out);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_each_name_is_one_person),
        cmocka_unit_test(test_no_neil_in_oneil),
        cmocka_unit_test(test_ambiguous_surname_names_both),
        cmocka_unit_test(test_short_form_hidden_and_global),
        cmocka_unit_test(test_export_names_the_corpus_id),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
