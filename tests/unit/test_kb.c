/* test_kb: the knowledge-base loader read through yamltree: user files merged
 * over a base (entries extended or added, word lists merged), aliases shared
 * within a file, and every error at its path:line:col with the base left
 * untouched. Entity finding with the built-in KB is in test_entities. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "core/base/buf.h"
#include "core/base/fold.h"
#include "core/extract/kb.h"

static struct tl_error err;

static int entry_of(const struct kb *kb, enum entity_kind kind, const char *name)
{
    for (size_t i = 0; i < kb->nentries; i++)
        if (kb->entries[i].kind == kind && !strcmp(kb->entries[i].name, name))
            return (int)i;
    return -1;
}

/* The kind of form `text` has for entry e, or -1 when it has none. */
static int form_of(const struct kb *kb, int e, const char *text)
{
    for (size_t i = 0; i < kb->nforms; i++)
        if (kb->forms[i].entry == e && !strcmp(kb->forms[i].text, text))
            return (int)kb->forms[i].kind;
    return -1;
}

static bool has_word(char *const *list, size_t n, const char *word)
{
    char *folded = fold_text(word, strlen(word));
    bool in = kb_word_in(list, n, folded);
    free(folded);
    return in;
}

static void merge_ok(struct kb *kb, const char *text)
{
    memset(&err, 0, sizeof err);
    if (!kb_merge_text(kb, "my.yaml", text, strlen(text), &err))
        fail_msg("did not load: %s", err.msg);
}

/* Merging text must fail with a message starting with `prefix`, and leave a
 * base holding one club exactly as it was. */
static void merge_fails(const char *text, const char *prefix)
{
    struct kb *kb = kb_new_empty();
    merge_ok(kb, "clubs:\n  - name: Base Town\n    aliases: [Base]\n");
    size_t nforms = kb->nforms;
    memset(&err, 0, sizeof err);
    if (kb_merge_text(kb, "bad.yaml", text, strlen(text), &err))
        fail_msg("loaded, expected an error starting '%s'", prefix);
    if (strncmp(err.msg, prefix, strlen(prefix)) != 0)
        fail_msg("error '%s' does not start with '%s'", err.msg, prefix);
    assert_int_equal(kb->nentries, 1);
    assert_int_equal(kb->nforms, nforms);
    assert_int_equal(kb->lex.ngiven, 0);
    kb_free(kb);
}

static void test_merge_extends_and_adds(void **state)
{
    (void)state;
    struct kb *kb = kb_new_empty();
    merge_ok(kb, "clubs:\n"
                 "  - name: Reading\n"
                 "    aliases: [Reading FC]\n"
                 "    weak: [Reading]\n"
                 "    country: England\n"
                 "people:\n"
                 "  - {name: Ann Example, role: manager, weak: Example}\n");
    int reading = entry_of(kb, ENTITY_CLUB, "Reading");
    assert_true(reading >= 0);
    assert_int_equal(form_of(kb, reading, "Reading"), KB_FORM_WEAK); /* a weak bare name */
    assert_int_equal(form_of(kb, reading, "Reading FC"), KB_FORM_ALIAS);
    int ann = entry_of(kb, ENTITY_PERSON, "Ann Example");
    assert_int_equal(kb->entries[ann].role, ROLE_MANAGER);
    assert_int_equal(form_of(kb, ann, "Example"), KB_FORM_WEAK); /* one string is a list of one */
    /* A second file extends the entry of the same kind and name, and adds
     * the others. */
    merge_ok(kb, "clubs:\n"
                 "  - name: Reading\n"
                 "    nicknames: [Royals]\n"
                 "    country: Wales\n"
                 "    league: Championship\n"
                 "  - name: New Side\n"
                 "national_teams:\n"
                 "  - {name: Reading, demonyms: [Readingite], code: RDG}\n");
    assert_int_equal(entry_of(kb, ENTITY_CLUB, "Reading"), reading);
    assert_int_equal(form_of(kb, reading, "Reading FC"), KB_FORM_ALIAS);
    assert_int_equal(form_of(kb, reading, "Royals"), KB_FORM_NICKNAME);
    assert_string_equal(kb->entries[reading].country, "Wales");
    assert_string_equal(kb->entries[reading].league, "Championship");
    assert_true(entry_of(kb, ENTITY_CLUB, "New Side") >= 0);
    int team = entry_of(kb, ENTITY_NATIONAL_TEAM, "Reading");
    assert_true(team >= 0 && team != reading);
    assert_int_equal(form_of(kb, team, "Readingite"), KB_FORM_DEMONYM);
    assert_int_equal(kb->nentries, 4);
    kb_free(kb);
}

static void test_merge_lexicon(void **state)
{
    (void)state;
    struct kb *kb = kb_new_empty();
    merge_ok(kb, "given_names: [Zed, Ánna]\nname_particles: [van]\nnot_names: [Monday]\n"
                 "role_words:\n  manager: [boss]\n  player: [striker, winger]\n"
                 "short_names:\n  Leo: [Lionel, Leonardo]\n");
    merge_ok(kb, "given_names: [Zed, Bob]\nrole_words:\n  manager: [gaffer]\n");
    assert_int_equal(kb->lex.ngiven, 3); /* merged, sorted, once each */
    assert_true(has_word(kb->lex.given_names, kb->lex.ngiven, "Anna"));
    assert_true(has_word(kb->lex.given_names, kb->lex.ngiven, "Bob"));
    assert_true(has_word(kb->lex.particles, kb->lex.nparticles, "van"));
    assert_true(has_word(kb->lex.not_names, kb->lex.nnot_names, "Monday"));
    assert_int_equal(kb->lex.nrole_words[ROLE_MANAGER], 2);
    assert_true(
        has_word(kb->lex.role_words[ROLE_PLAYER], kb->lex.nrole_words[ROLE_PLAYER], "winger"));
    assert_int_equal(kb->lex.nshort, 2);
    assert_string_equal(kb->lex.short_names[0], "leo leonardo");
    assert_string_equal(kb->lex.short_names[1], "leo lionel");
    kb_free(kb);
}

static void test_empty_files_add_nothing(void **state)
{
    (void)state;
    struct kb *kb = kb_new_empty();
    merge_ok(kb, "");
    merge_ok(kb, "# only a comment\n");
    merge_ok(kb, "clubs: []\ngiven_names: []\n");
    assert_int_equal(kb->nentries, 0);
    assert_int_equal(kb->lex.ngiven, 0);
    kb_free(kb);
}

/* A list written once and named again with an alias is read twice. */
static void test_aliases_share_lists(void **state)
{
    (void)state;
    struct kb *kb = kb_new_empty();
    merge_ok(kb, "clubs:\n"
                 "  - name: North End\n"
                 "    weak: &shared [Lilywhites, Whites]\n"
                 "  - name: South End\n"
                 "    weak: *shared\n"
                 "    country: &c England\n"
                 "media:\n"
                 "  - {name: The Paper, country: *c}\n");
    int south = entry_of(kb, ENTITY_CLUB, "South End");
    assert_int_equal(form_of(kb, south, "Whites"), KB_FORM_WEAK);
    int paper = entry_of(kb, ENTITY_MEDIA, "The Paper");
    assert_string_equal(kb->entries[paper].country, "England");
    kb_free(kb);
}

static void test_alias_bomb_refused_at_the_alias(void **state)
{
    (void)state;
    struct buf text;
    buf_init(&text);
    buf_puts(&text, "clubs:\n  - name: X\n    aliases: &l0 [lol, lol, lol, lol, lol, lol, lol, "
                    "lol, lol, lol]\n");
    for (int i = 1; i <= 9; i++) {
        buf_printf(&text, "  - name: X%d\n    aliases: &l%d [", i, i);
        for (int j = 0; j < 10; j++)
            buf_printf(&text, "%s*l%d", j ? ", " : "", i - 1);
        buf_puts(&text, "]\n");
    }
    /* l1 copies in 110 values, l2 1110, l3 11110; each alias of l4 11111:
     * over 100,000 at its eighth. */
    merge_fails(text.data, "bad.yaml:11:54: aliases copy in more than 100000 values");
    buf_free(&text);
}

static void test_errors_at_their_place(void **state)
{
    (void)state;
    static const struct {
        const char *text, *prefix;
    } cases[] = {
        {"- clubs\n", "bad.yaml:1:1: expected a mapping of sections"},
        {"clubs: []\nclbus: []\n", "bad.yaml:2:1: unknown section 'clbus' (expected clubs,"},
        {"clubs: x\n", "bad.yaml:1:8: expected a list of entries"},
        {"clubs:\n  - Arsenal\n", "bad.yaml:2:5: expected an entry (a mapping with"},
        {"clubs:\n  - aliases: [x]\n", "bad.yaml:2:5: entry has no 'name'"},
        {"clubs:\n  - name: ''\n", "bad.yaml:2:5: entry has no 'name'"},
        {"clubs:\n  - name: [A]\n", "bad.yaml:2:5: entry has no 'name'"},
        {"clubs:\n  - name: A\n    alias: [x]\n", "bad.yaml:3:5: unknown field 'alias' (expected"},
        {"clubs:\n  - name: A\n    country: [x]\n", "bad.yaml:3:14: 'country' must be a single"},
        {"people:\n  - name: A\n    role: coach\n", "bad.yaml:3:11: unknown role (expected"},
        {"clubs:\n  - name: A\n    aliases: {x: y}\n", "bad.yaml:3:14: expected a list of names"},
        {"clubs:\n  - name: A\n    weak: [x, [y]]\n", "bad.yaml:3:15: expected a name (a string)"},
        {"given_names: Bob\n", "bad.yaml:1:14: expected a list of words"},
        {"not_names: [a, {b: c}]\n", "bad.yaml:1:16: expected a word (a string)"},
        {"role_words: [boss]\n", "bad.yaml:1:13: expected a mapping of role to words"},
        {"role_words:\n  coach: [x]\n", "bad.yaml:2:3: expected a role (player, manager"},
        {"short_names:\n  Leo: Lionel\n", "bad.yaml:2:8: expected a list of words"},
        /* What yamltree refuses for every reader, at the same place. */
        {"clubs: [\n", "bad.yaml:2:1: invalid YAML: did not find expected node content"},
        {"clubs:\n  - name: A\n    aliases: *none\n", "bad.yaml:3:14: alias '*none' before"},
        {"clubs:\n  - name: A\n    ? [x]\n    : y\n", "bad.yaml:3:7: expected a plain key"},
        {"clubs: []\n---\nmedia: []\n", "bad.yaml:2:1: a second YAML document"},
        /* A repeated key is a mistake, named where it is repeated. */
        {"clubs: []\nmedia: []\nclubs: []\n",
         "bad.yaml:3:1: duplicate key 'clubs' (first at line 1); expected each key once"},
        {"clubs:\n  - name: A\n    weak: [x]\n    weak: [y]\n",
         "bad.yaml:4:5: duplicate key 'weak' (first at line 3)"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++)
        merge_fails(cases[i].text, cases[i].prefix);
}

static void test_deep_nesting_refused(void **state)
{
    (void)state;
    struct buf text;
    buf_init(&text);
    buf_puts(&text, "clubs:\n  - name: X\n    aliases: ");
    for (int i = 0; i < 29; i++) /* levels 4 to 32 */
        buf_putc(&text, '[');
    buf_puts(&text, "a");
    for (int i = 0; i < 29; i++)
        buf_putc(&text, ']');
    buf_putc(&text, '\n');
    merge_fails(text.data, "bad.yaml:3:15: expected a name (a string)"); /* loaded, then read */
    buf_free(&text);
    buf_init(&text);
    buf_puts(&text, "clubs:\n  - name: X\n    aliases: ");
    for (int i = 0; i < 30; i++)
        buf_putc(&text, '[');
    merge_fails(text.data, "bad.yaml:3:43: values nested more than 32 deep; the file is refused");
    buf_free(&text);
}

static void test_files(void **state)
{
    (void)state;
    struct kb *kb = kb_new_empty();
    memset(&err, 0, sizeof err);
    assert_false(kb_merge_file(kb, "/nonexistent/kb.yaml", &err));
    assert_string_equal(err.msg, "/nonexistent/kb.yaml: No such file or directory");
    char path[] = "/tmp/test_kb_XXXXXX";
    int fd = mkstemp(path);
    assert_true(fd >= 0);
    FILE *f = fdopen(fd, "w");
    fputs("media:\n  - name: Daily Thing\n    typo: x\n", f);
    fclose(f);
    assert_false(kb_merge_file(kb, path, &err));
    char want[64];
    snprintf(want, sizeof want, "%s:3:5: unknown field 'typo'", path);
    assert_int_equal(strncmp(err.msg, want, strlen(want)), 0);
    f = fopen(path, "w");
    fputs("media:\n  - name: Daily Thing\n    type: newspaper\n", f);
    fclose(f);
    memset(&err, 0, sizeof err);
    assert_true(kb_merge_file(kb, path, &err));
    assert_true(entry_of(kb, ENTITY_MEDIA, "Daily Thing") >= 0);
    remove(path);
    kb_free(kb);
}

/* The built-in base loads, and a user file merges over it. */
static void test_builtin(void **state)
{
    (void)state;
    struct kb *kb = kb_new_builtin(&err);
    assert_non_null(kb);
    int arsenal = entry_of(kb, ENTITY_CLUB, "Arsenal");
    assert_true(arsenal >= 0);
    assert_int_equal(form_of(kb, arsenal, "Gunners"), KB_FORM_NICKNAME);
    assert_true(kb->lex.ngiven > 1000);
    size_t n = kb->nentries;
    merge_ok(kb, "clubs:\n  - name: Arsenal\n    aliases: [The Arsenal FC]\n");
    assert_int_equal(kb->nentries, n);
    assert_int_equal(form_of(kb, arsenal, "The Arsenal FC"), KB_FORM_ALIAS);
    kb_free(kb);
}

/* The built-in base borrows its strings: a merge that replaces some of
 * them and adds words to its lists leaves a base whose strings are all its
 * own (kb_free frees each once; the sanitizer build checks it), and the
 * built-in strings unchanged for the next base. */
static void test_builtin_merge_owns_strings(void **state)
{
    (void)state;
    struct kb *kb = kb_new_builtin(&err);
    assert_true(kb->borrowed);
    int arsenal = entry_of(kb, ENTITY_CLUB, "Arsenal");
    const char *id = kb->entries[arsenal].id;
    merge_ok(kb, "clubs:\n  - name: Arsenal\n    country: Wales\n    league: Nowhere\n"
                 "given_names: [Zebedee]\nrole_words:\n  manager: [gaffer]\n");
    assert_false(kb->borrowed);
    assert_ptr_not_equal(kb->entries[arsenal].id, id); /* a copy */
    assert_string_equal(kb->entries[arsenal].id, id);
    assert_string_equal(kb->entries[arsenal].country, "Wales");
    assert_string_equal(kb->entries[arsenal].league, "Nowhere");
    assert_true(has_word(kb->lex.given_names, kb->lex.ngiven, "zebedee"));
    kb_free(kb);
    kb = kb_new_builtin(&err);
    arsenal = entry_of(kb, ENTITY_CLUB, "Arsenal");
    const char *league = kb->entries[arsenal].league;
    assert_true(!league || strcmp(league, "Nowhere") != 0);
    assert_false(has_word(kb->lex.given_names, kb->lex.ngiven, "zebedee"));
    kb_free(kb);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_merge_extends_and_adds),
        cmocka_unit_test(test_merge_lexicon),
        cmocka_unit_test(test_empty_files_add_nothing),
        cmocka_unit_test(test_aliases_share_lists),
        cmocka_unit_test(test_alias_bomb_refused_at_the_alias),
        cmocka_unit_test(test_errors_at_their_place),
        cmocka_unit_test(test_deep_nesting_refused),
        cmocka_unit_test(test_files),
        cmocka_unit_test(test_builtin),
        cmocka_unit_test(test_builtin_merge_owns_strings),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
