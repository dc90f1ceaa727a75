/* test_kb_tables: the matcher and lexicon tables that the build compiled for
 * the built-in base are the ones the run-time build makes of it, slot by
 * slot, and answer every lookup the same (every form and every word of the
 * base, and misses), so the two cannot drift; the same for the entries'
 * folded names; a base with a file merged over it drops them and builds its
 * own, which finds the merged names. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/base/fold.h"
#include "core/base/hash.h"
#include "core/extract/kb.h"
#include "core/extract/kb_compiled.h"
#include "core/extract/kb_folded.h"
#include "core/extract/lexicon_table.h"
#include "core/extract/matcher.h"
#include "core/extract/matcher_table.h"
#include "core/extract/tokens.h"
#include "extract_helpers.h"

static struct tl_error err;

static void assert_same_matcher_slot(const struct matcher_slot *a, const struct matcher_slot *b)
{
    assert_int_equal(a->len, b->len);
    if (!a->len)
        return;
    assert_true(a->hash == b->hash);
    assert_int_equal(a->key, b->key);
    assert_int_equal(a->parent, b->parent);
    assert_int_equal(a->last, b->last);
    assert_int_equal(a->n, b->n);
    assert_int_equal(a->form, b->form);
    assert_int_equal(a->extended, b->extended);
}

static void test_matcher_table_is_the_built_one(void **state)
{
    (void)state;
    struct kb *kb = kb_new_builtin(&err);
    assert_non_null(kb);
    assert_non_null(kb->compiled);
    const struct matcher_table *c = &kb->compiled->matcher;
    struct matcher_table b;
    matcher_table_build(kb, &b);
    assert_int_equal(c->nslots, b.nslots);
    assert_int_equal(c->used, b.used);
    assert_int_equal(c->max_tokens, b.max_tokens);
    assert_int_equal(c->nkeys, b.nkeys);
    assert_memory_equal(c->keys, b.keys, b.nkeys);
    assert_int_equal(c->nforms, b.nforms);
    assert_memory_equal(c->forms, b.forms, b.nforms * sizeof *b.forms);
    for (size_t i = 0; i < b.nslots; i++)
        assert_same_matcher_slot(&c->slots[i], &b.slots[i]);
    matcher_table_free(&b);
    kb_free(kb);
}

static void assert_same_lex_slot(const struct lex_slot *a, const struct lex_slot *b)
{
    assert_int_equal(a->word, b->word);
    assert_int_equal(a->hash, b->hash);
    assert_int_equal(a->flags, b->flags);
    assert_int_equal(a->role, b->role);
    assert_int_equal(a->lists, b->lists);
    assert_int_equal(a->triggers, b->triggers);
}

static void test_lexicon_table_is_the_built_one(void **state)
{
    (void)state;
    struct kb *kb = kb_new_builtin(&err);
    const struct lex_table *c = &kb->compiled->lexicon;
    struct lex_table b;
    lex_table_build(kb, &b);
    assert_int_equal(c->nslots, b.nslots);
    assert_int_equal(c->nwords, b.nwords);
    assert_memory_equal(c->words, b.words, b.nwords);
    for (size_t i = 0; i < b.nslots; i++)
        assert_same_lex_slot(&c->slots[i], &b.slots[i]);
    lex_table_free(&b);
    kb_free(kb);
}

static void test_folded_names_are_the_built_ones(void **state)
{
    (void)state;
    struct kb *kb = kb_new_builtin(&err);
    const struct kb_folded *c = &kb->compiled->folded;
    struct kb_folded b;
    kb_folded_build(kb, &b);
    assert_int_equal(c->n, kb->nentries);
    assert_int_equal(c->n, b.n);
    assert_int_equal(c->ntext, b.ntext);
    assert_memory_equal(c->text, b.text, b.ntext);
    assert_memory_equal(c->at, b.at, b.n * sizeof *b.at);
    for (size_t i = 0; i < kb->nentries; i++) {
        const char *name = kb->entries[i].name;
        char *folded = fold_text(name, strlen(name));
        assert_string_equal(c->text + c->at[i], folded);
        free(folded);
    }
    kb_folded_free(&b);
    kb_free(kb);
}

/* Texts that name nothing, or only the start of a name. */
static const char *const misses[] = {
    "zzqx", "Arsenal Tottenham", "Manchester", "the", "St.", "Real", "", "Ünïcödé wörds", "Q",
};

/* The matcher's answers at every word token of text: the end of the
 * longest form and its forms. */
static void assert_same_matches(const struct matcher *a, const struct matcher *b, const char *text,
                                struct tokens *t)
{
    tokens_reset(t);
    tokens_add_text(t, text, strlen(text), 0);
    for (size_t i = 0; i < t->n; i++) {
        if (!(t->v[i].flags & TOK_WORD))
            continue;
        const struct matcher_slot *sa = matcher_start(a, t, i), *sb = matcher_start(b, t, i);
        assert_int_equal(sa == NULL, sb == NULL);
        if (!sa)
            continue;
        const int *fa, *fb;
        size_t na, nb;
        assert_int_equal(matcher_longest(a, t, i, sa, &fa, &na),
                         matcher_longest(b, t, i, sb, &fb, &nb));
        assert_int_equal(na, nb);
        if (na)
            assert_memory_equal(fa, fb, na * sizeof *fa);
    }
}

static void test_matcher_lookups_agree(void **state)
{
    (void)state;
    struct kb *kb = kb_new_builtin(&err);
    struct kb runtime = *kb; /* the same base, without its compiled tables */
    runtime.compiled = NULL;
    struct matcher *a = matcher_new(kb), *b = matcher_new(&runtime);
    assert_ptr_equal(matcher_table(a)->slots, kb->compiled->matcher.slots);
    assert_ptr_not_equal(matcher_table(b)->slots, kb->compiled->matcher.slots);
    struct tokens t;
    tokens_init(&t);
    size_t found = 0;
    for (size_t f = 0; f < kb->nforms; f++) {
        assert_same_matches(a, b, kb->forms[f].text, &t);
        tokens_reset(&t);
        tokens_add_text(&t, kb->forms[f].text, strlen(kb->forms[f].text), 0);
        found += t.n && matcher_start(a, &t, 0) != NULL;
    }
    assert_int_equal(found, kb->nforms); /* every form starts a key */
    for (size_t k = 0; k < sizeof misses / sizeof *misses; k++)
        assert_same_matches(a, b, misses[k], &t);
    tokens_free(&t);
    matcher_free(a);
    matcher_free(b);
    kb_free(kb);
}

static void assert_same_lookup(const struct lex_table *a, const struct lex_table *b, const char *w,
                               size_t n)
{
    uint64_t h = hash_bytes(w, n);
    const struct lex_slot *x = lex_table_find(a, w, n, h), *y = lex_table_find(b, w, n, h);
    assert_same_lex_slot(x, y); /* the same word offsets: the tables are equal */
    if (x->word)
        assert_string_equal(a->words + x->word, b->words + y->word);
}

static void test_lexicon_lookups_agree(void **state)
{
    (void)state;
    struct kb *kb = kb_new_builtin(&err);
    const struct lex_table *c = &kb->compiled->lexicon;
    struct lex_table b;
    lex_table_build(kb, &b);
    size_t words = 0;
    for (size_t at = 1; at < b.nwords; at += strlen(b.words + at) + 1, words++) {
        const char *w = b.words + at;
        assert_same_lookup(c, &b, w, strlen(w));
        assert_int_not_equal(lex_table_find(c, w, strlen(w), hash_str(w))->word, 0);
        if (strlen(w) > 1) /* a word cut short: mostly a miss */
            assert_same_lookup(c, &b, w, strlen(w) - 1);
    }
    assert_true(words > 1000);
    for (size_t k = 0; k < sizeof misses / sizeof *misses; k++)
        assert_same_lookup(c, &b, misses[k], strlen(misses[k]));
    lex_table_free(&b);
    kb_free(kb);
}

/* Whether the tokens are one sentence without a possessive: a text the
 * matcher can take whole. */
static bool one_run(const struct tokens *t)
{
    for (size_t i = 0; i < t->n; i++)
        if ((t->v[i].flags & TOK_POSS) || t->v[i].sentence != 0)
            return false;
    return true;
}

/* Every form of the base that is one sentence without a possessive is
 * found whole in its own text, by its first word and then word by word
 * (the matcher's tags must not turn a key away), and is among the forms
 * the match gives. */
static void test_every_form_found_whole(void **state)
{
    (void)state;
    struct kb *kb = kb_new_builtin(&err);
    struct matcher *m = matcher_new(kb);
    struct tokens t;
    tokens_init(&t);
    size_t considered = 0;
    for (size_t f = 0; f < kb->nforms; f++) {
        tokens_reset(&t);
        tokens_add_text(&t, kb->forms[f].text, strlen(kb->forms[f].text), 0);
        const struct matcher_slot *s = matcher_start(m, &t, 0);
        assert_non_null(s);
        const int *forms;
        size_t n;
        size_t end = matcher_longest(m, &t, 0, s, &forms, &n);
        if (!one_run(&t))
            continue; /* a match stops at a possessive and a sentence's end */
        considered++;
        size_t last = t.n; /* a full stop at the end is skipped, not taken */
        while (last > 1 && tokens_is_punct(&t, last - 1, '.'))
            last--;
        assert_int_equal(end, last);
        bool listed = false;
        for (size_t k = 0; k < n; k++)
            listed |= (size_t)forms[k] == f;
        assert_true(listed);
    }
    assert_true(considered > kb->nforms * 9 / 10);
    tokens_free(&t);
    matcher_free(m);
    kb_free(kb);
}

/* A merged file drops the compiled tables: the extractor builds its own,
 * which know the merged club. */
static void test_merged_base_builds_its_tables(void **state)
{
    (void)state;
    struct fixture f;
    assert_true(fixture_open(&f));
    assert_non_null(f.kb->compiled);
    extractor_free(f.ex);
    const char *yaml = "clubs:\n  - name: Zorblax Rovers\n    aliases: [Zorblax]\n";
    assert_true(kb_merge_text(f.kb, "my.yaml", yaml, strlen(yaml), &err));
    assert_null(f.kb->compiled);
    f.ex = extractor_new(f.kb, &err);
    assert_non_null(f.ex);
    fixture_run(&f, "Zorblax win again", "Zorblax Rovers beat Arsenal 2-1 on Saturday.");
    assert_true(fixture_entity(&f, ENTITY_CLUB, "Zorblax Rovers") >= 0);
    assert_true(fixture_entity(&f, ENTITY_CLUB, "Arsenal") >= 0);
    fixture_close(&f);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_matcher_table_is_the_built_one),
        cmocka_unit_test(test_lexicon_table_is_the_built_one),
        cmocka_unit_test(test_folded_names_are_the_built_ones),
        cmocka_unit_test(test_matcher_lookups_agree),
        cmocka_unit_test(test_lexicon_lookups_agree),
        cmocka_unit_test(test_every_form_found_whole),
        cmocka_unit_test(test_merged_base_builds_its_tables),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
