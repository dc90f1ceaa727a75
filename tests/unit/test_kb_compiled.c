/* test_kb_compiled: the built-in base that start-up copies from the arrays
 * written at build time is the same, field by field and in the same order, as
 * the base read from the YAML of src/kb/; and its id hash finds every entry,
 * so files merged over it extend entries instead of adding copies. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/extract/kb.h"
#include "core/extract/kb_builtin.h"

static struct tl_error err;

static void assert_same_str(const char *a, const char *b)
{
    if (!a || !b)
        assert_ptr_equal(a, b);
    else
        assert_string_equal(a, b);
}

static void assert_same_words(char *const *a, size_t na, char *const *b, size_t nb)
{
    assert_int_equal(na, nb);
    for (size_t i = 0; i < na; i++)
        assert_string_equal(a[i], b[i]);
}

static void assert_same_entries(const struct kb *a, const struct kb *b)
{
    assert_int_equal(a->nentries, b->nentries);
    for (size_t i = 0; i < a->nentries; i++) {
        const struct kb_entry *x = &a->entries[i], *y = &b->entries[i];
        assert_string_equal(x->name, y->name);
        assert_string_equal(x->id, y->id);
        assert_int_equal(x->kind, y->kind);
        assert_int_equal(x->role, y->role);
        assert_same_str(x->country, y->country);
        assert_same_str(x->league, y->league);
    }
}

static void assert_same_forms(const struct kb *a, const struct kb *b)
{
    assert_int_equal(a->nforms, b->nforms);
    for (size_t i = 0; i < a->nforms; i++) {
        assert_string_equal(a->forms[i].text, b->forms[i].text);
        assert_int_equal(a->forms[i].kind, b->forms[i].kind);
        assert_int_equal(a->forms[i].entry, b->forms[i].entry);
    }
}

static void assert_same_lexicon(const struct kb_lexicon *a, const struct kb_lexicon *b)
{
    assert_same_words(a->given_names, a->ngiven, b->given_names, b->ngiven);
    assert_same_words(a->particles, a->nparticles, b->particles, b->nparticles);
    assert_same_words(a->not_names, a->nnot_names, b->not_names, b->nnot_names);
    assert_same_words(a->short_names, a->nshort, b->short_names, b->nshort);
    for (int r = 0; r <= ROLE_OTHER; r++)
        assert_same_words(a->role_words[r], a->nrole_words[r], b->role_words[r], b->nrole_words[r]);
}

static void compiled_base_equals_yaml_base(void **state)
{
    (void)state;
    struct kb *yaml = kb_new_from_yaml(kb_builtin_files, &err);
    struct kb *compiled = kb_new_builtin(&err);
    assert_non_null(yaml);
    assert_non_null(compiled);
    assert_true(compiled->nentries > 1000 && compiled->nforms > compiled->nentries);
    assert_same_entries(yaml, compiled);
    assert_same_forms(yaml, compiled);
    assert_same_lexicon(&yaml->lex, &compiled->lex);
    kb_free(yaml);
    kb_free(compiled);
}

static void merging_the_builtin_files_again_adds_no_entry(void **state)
{
    (void)state;
    struct kb *kb = kb_new_builtin(&err);
    size_t n = kb->nentries;
    for (const struct kb_builtin_file *f = kb_builtin_files; f->name; f++)
        assert_true(kb_merge_text(kb, f->name, f->text, f->len, &err));
    assert_int_equal(kb->nentries, n);
    const char extra[] = "clubs:\n  - name: Test Rovers Touchline\n";
    assert_true(kb_merge_text(kb, "extra.yaml", extra, sizeof extra - 1, &err));
    assert_int_equal(kb->nentries, n + 1);
    assert_string_equal(kb->entries[n].name, "Test Rovers Touchline");
    kb_free(kb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(compiled_base_equals_yaml_base),
        cmocka_unit_test(merging_the_builtin_files_again_adds_no_entry),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
