/* test_index: every query of the entity index, on a small corpus written
 * to a temporary folder and run through the real pipeline: lookup by id
 * and by alias, fuzzy search ranked by article count, article membership,
 * postings per article, each form once, and next/previous mention across a
 * filtered list with wrap-around. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/pipeline/pipeline.h"

static char dir[] = "/tmp/touchline-index-XXXXXX";
static struct pipeline pl;

static void write_article(const char *name, const char *date, const char *body)
{
    char path[256];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    fprintf(f, "---\ntitle: %s\ndate: %s\n---\n%s\n", name, date, body);
    fclose(f);
}

static int setup(void **state)
{
    (void)state;
    if (!mkdtemp(dir))
        return -1;
    write_article("a.md", "2024-01-01",
                  "Inter Milan want Alessandro Bastoni. Bastoni is happy at Inter Milan.");
    write_article("b.md", "2024-01-02", "Arsenal beat Chelsea. Bukayo Saka scored for Arsenal.");
    write_article("c.md", "2024-01-03",
                  "Alessandro Bastoni and Bukayo Saka met. Bastoni smiled at Arsenal fans.");
    char *paths[] = {dir};
    struct tl_error err;
    return pipeline_open(&pl, paths, 1, NULL, &err) ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    pipeline_close(&pl);
    const char *names[] = {"a.md", "b.md", "c.md"};
    for (size_t i = 0; i < 3; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
    return 0;
}

static void test_find_and_resolve(void **state)
{
    (void)state;
    int bastoni = index_find(&pl.index, "person:alessandro-bastoni");
    assert_true(bastoni >= 0);
    assert_int_equal(index_resolve(&pl.index, "Bastoni", -1), bastoni);
    assert_int_equal(index_resolve(&pl.index, "alessandro bastoni", ENTITY_PERSON), bastoni);
    assert_int_equal(index_resolve(&pl.index, "Bastoni", ENTITY_CLUB), -1);
    assert_int_equal(index_resolve(&pl.index, "Nobody", -1), -1);
    assert_int_equal(index_find(&pl.index, "club:nowhere"), -1);
}

static void test_counts(void **state)
{
    (void)state;
    const struct index_entity *b =
        &pl.index.entities[index_find(&pl.index, "person:alessandro-bastoni")];
    assert_int_equal(b->narticles, 2);
    assert_int_equal(b->npostings, 4);
    const struct index_entity *ars = &pl.index.entities[index_find(&pl.index, "club:arsenal")];
    assert_int_equal(ars->narticles, 2);
    assert_int_equal(ars->articles[0], 1); /* load order: a, b, c */
    assert_int_equal(ars->articles[1], 2);
}

/* An entity's forms: its folded name and mention texts, each once however
 * many articles repeat it. */
static void test_forms_distinct(void **state)
{
    (void)state;
    const struct index_entity *b =
        &pl.index.entities[index_find(&pl.index, "person:alessandro-bastoni")];
    assert_int_equal(b->nforms, 2);
    assert_string_equal(b->forms[0], "alessandro bastoni");
    assert_string_equal(b->forms[1], "bastoni");
}

static void test_search_fuzzy_ranked(void **state)
{
    (void)state;
    int out[16];
    size_t n = index_search(&pl.index, ENTITY_CLUB, "", out, 16);
    assert_int_equal(n, 3); /* Inter Milan, Arsenal, Chelsea */
    assert_string_equal(pl.index.entities[out[0]].name, "Arsenal"); /* 2 articles first */
    n = index_search(&pl.index, ENTITY_CLUB, "ars", out, 16);
    assert_int_equal(n, 1);
    assert_string_equal(pl.index.entities[out[0]].name, "Arsenal");
    n = index_search(&pl.index, ENTITY_PERSON, "bstni", out, 16); /* fuzzy */
    assert_int_equal(n, 1);
    assert_string_equal(pl.index.entities[out[0]].name, "Alessandro Bastoni");
    n = index_search(&pl.index, ENTITY_CLUB, "zzz", out, 16);
    assert_int_equal(n, 0);
}

static void test_article_has_and_postings(void **state)
{
    (void)state;
    int saka = index_find(&pl.index, "person:bukayo-saka");
    assert_false(index_article_has(&pl.index, saka, 0));
    assert_true(index_article_has(&pl.index, saka, 1));
    assert_true(index_article_has(&pl.index, saka, 2));
    int bastoni = index_find(&pl.index, "person:alessandro-bastoni");
    size_t count, first = index_postings_in(&pl.index, bastoni, 0, &count);
    assert_int_equal(count, 2);
    const struct posting *ps = &pl.index.entities[bastoni].postings[first];
    struct place p[2] = {index_place(&pl.index, &ps[0]), index_place(&pl.index, &ps[1])};
    assert_false(p[0].in_title || p[1].in_title);
    const char *body = pl.corpus.articles[0]->body;
    assert_memory_equal(body + p[0].start, "Alessandro Bastoni", p[0].end - p[0].start);
    assert_memory_equal(body + p[1].start, "Bastoni", p[1].end - p[1].start);
    assert_true(p[0].start < p[1].start);
}

/* The body offset of posting i of an array of the index. */
static size_t start_of(const struct posting *ps, size_t i)
{
    struct place p = index_place(&pl.index, &ps[i]);
    assert_false(p.in_title);
    return p.start;
}

static void test_step_across_a_filtered_list(void **state)
{
    (void)state;
    int bastoni = index_find(&pl.index, "person:alessandro-bastoni");
    /* The list shows c then a (newest first); b is filtered out. */
    size_t list[] = {2, 0};
    long pos_of[] = {1, -1, 0};
    struct index_cursor cur;
    bool wrapped;
    /* From the top of c: its two mentions, then on into a, then wrap. */
    assert_true(
        index_step(&pl.index, bastoni, list, 2, pos_of, 2, SIZE_MAX, false, 1, &cur, &wrapped));
    assert_int_equal(cur.list_pos, 0);
    const struct posting *ps = pl.index.entities[bastoni].postings;
    size_t at = cur.posting;
    assert_int_equal(ps[at].article, 2);
    assert_true(index_step(&pl.index, bastoni, list, 2, pos_of, 2, start_of(ps, at), false, 1, &cur,
                           &wrapped));
    assert_int_equal(ps[cur.posting].article, 2);
    assert_false(wrapped);
    at = cur.posting;
    assert_true(index_step(&pl.index, bastoni, list, 2, pos_of, 2, start_of(ps, at), false, 1, &cur,
                           &wrapped));
    assert_int_equal(cur.list_pos, 1);
    assert_int_equal(ps[cur.posting].article, 0);
    assert_false(wrapped);
    /* Past the last mention of the last listed article: wrap to the first. */
    size_t count, first = index_postings_in(&pl.index, bastoni, 0, &count);
    size_t last = first + count - 1;
    assert_true(index_step(&pl.index, bastoni, list, 2, pos_of, 0, start_of(ps, last), false, 1,
                           &cur, &wrapped));
    assert_true(wrapped);
    assert_int_equal(cur.list_pos, 0);
    /* Backwards from before the first mention of a goes to the last mention in c. */
    assert_true(index_step(&pl.index, bastoni, list, 2, pos_of, 0, 0, true, -1, &cur, &wrapped));
    assert_int_equal(cur.list_pos, 0);
    assert_int_equal(ps[cur.posting].article, 2);
    size_t c_count, c_first = index_postings_in(&pl.index, bastoni, 2, &c_count);
    assert_int_equal(cur.posting, c_first + c_count - 1);
}

static void test_step_without_listed_mentions(void **state)
{
    (void)state;
    int chelsea = index_find(&pl.index, "club:chelsea");
    size_t list[] = {2, 0};
    long pos_of[] = {1, -1, 0};
    struct index_cursor cur;
    bool wrapped;
    assert_false(index_step(&pl.index, chelsea, list, 2, pos_of, 2, 0, false, 1, &cur, &wrapped));
}

static void test_every_club_with_its_article_count(void **state)
{
    (void)state;
    int out[16];
    size_t n = index_search(&pl.index, ENTITY_CLUB, "", out, 16);
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        total += pl.index.entities[out[i]].narticles;
        if (i)
            assert_true(pl.index.entities[out[i - 1]].narticles >=
                        pl.index.entities[out[i]].narticles);
    }
    assert_int_equal(total, 2 + 1 + 1); /* Arsenal 2 (b, c), Chelsea 1, Inter Milan 1 */
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_find_and_resolve),
        cmocka_unit_test(test_counts),
        cmocka_unit_test(test_forms_distinct),
        cmocka_unit_test(test_search_fuzzy_ranked),
        cmocka_unit_test(test_article_has_and_postings),
        cmocka_unit_test(test_step_across_a_filtered_list),
        cmocka_unit_test(test_step_without_listed_mentions),
        cmocka_unit_test(test_every_club_with_its_article_count),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
