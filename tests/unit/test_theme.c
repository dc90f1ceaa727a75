/* test_theme: theme files: every error with its exact line:col, inheritance
 * from the default, nothing half-applied, YAML bombs refused, each shipped
 * theme complete and clean, downgrading styles, and finding themes by name in
 * the user, source and installed directories. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "core/config/theme.h"
#include "core/base/yamltree.h"

static struct tl_error err;
static struct buf warnings;

static const char *const shipped[] = {"default", "light",          "high-contrast",
                                      "mono",    "solarized-dark", "gruvbox-dark"};
#define NSHIPPED (sizeof shipped / sizeof *shipped)

static int setup(void **state)
{
    (void)state;
    buf_init(&warnings);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    buf_free(&warnings);
    return 0;
}

static struct theme *load(const char *text)
{
    memset(&err, 0, sizeof err);
    buf_reset(&warnings);
    return theme_load_text("t.yaml", text, strlen(text), NULL, &warnings, &err);
}

/* Loads text that must fail with exactly this message. */
static void fails(const char *text, const char *expected)
{
    struct theme *t = load(text);
    if (t)
        fail_msg("loaded, expected: %s", expected);
    assert_string_equal(err.msg, expected);
}

static struct theme *loads(const char *text)
{
    struct theme *t = load(text);
    if (!t)
        fail_msg("failed: %s", err.msg);
    return t;
}

static const char *source_themes(char *out, size_t size)
{
    const char *src = getenv("TOUCHLINE_SOURCE_DIR");
    snprintf(out, size, "%s/themes", src ? src : ".");
    return out;
}

static void assert_style(struct theme_style s, struct color fg, struct color bg, unsigned attrs)
{
    assert_true(color_equal(s.fg, fg));
    assert_true(color_equal(s.bg, bg));
    assert_int_equal(s.attrs, attrs);
}

static void test_minimal_and_inheritance(void **state)
{
    (void)state;
    struct theme *def = theme_new_default();
    struct theme *t = loads("name: t\n"
                            "description: a test\n"
                            "styles:\n"
                            "  title: {fg: \"#93a1a1\", bg: 236, attrs: [bold, underline]}\n"
                            "  person: {fg: yellow}\n"
                            "  list_row: {attrs: reverse}\n");
    assert_string_equal(t->name, "t");
    assert_string_equal(t->description, "a test");
    assert_string_equal(t->path, "t.yaml");
    assert_style(t->styles[THEME_TITLE], color_rgb(0x93, 0xa1, 0xa1), color_index(236),
                 ATTR_BOLD | ATTR_UNDERLINE);
    /* A given element is replaced whole: no bold inherited for person. */
    assert_style(t->styles[THEME_PERSON], color_index(3), color_default(), 0);
    assert_style(t->styles[THEME_LIST_ROW], color_default(), color_default(), ATTR_REVERSE);
    /* One left out comes from the default. */
    assert_memory_equal(&t->styles[THEME_CLUB], &def->styles[THEME_CLUB],
                        sizeof(struct theme_style));
    assert_string_equal(warnings.data, "");
    theme_free(t);

    /* Over another base. */
    struct theme *base = loads("styles:\n  club: {fg: red}\n");
    t = theme_load_text("u.yaml", "styles: {person: {fg: blue}}\n", 29, base, NULL, &err);
    assert_non_null(t);
    assert_style(t->styles[THEME_CLUB], color_index(1), color_default(), 0);
    assert_style(t->styles[THEME_PERSON], color_index(4), color_default(), 0);
    theme_free(t);
    theme_free(base);
    theme_free(def);
}

static void test_element_errors(void **state)
{
    (void)state;
    fails("styles:\n  titel: {fg: red}\n",
          "t.yaml:2:3: unknown element 'titel'; did you mean 'title'?");
    fails("styles:\n  list-selceted: {fg: red}\n",
          "t.yaml:2:3: unknown element 'list-selceted'; did you mean 'list-selected'?");
    fails("styles:\n  sidebar: {fg: red}\n",
          "t.yaml:2:3: unknown element 'sidebar'; expected one of title, title-focused, "
          "list-row, list-selected, list-marked, list-date, list-marker, reader-text, "
          "reader-heading, reader-meta, cursor, search-hit, facts-heading, facts-label, "
          "facts-value, status, status-message, status-error, picker, picker-selected, "
          "picker-match, help, help-key, border, person, club, national_team, competition, "
          "media, money, count");
    fails("styles:\n  list-row: {}\n  list_row: {}\n",
          "t.yaml:3:3: 'list_row' sets 'list-row' a second time (first at line 2); expected "
          "each element once");
    fails("styles:\n  title: {fg: red}\n  title: {fg: blue}\n",
          "t.yaml:3:3: duplicate key 'title' (first at line 2); expected each key once");
}

static void test_colour_errors(void **state)
{
    (void)state;
    fails("styles:\n  title: {fg: purple}\n", "t.yaml:2:15: unknown colour 'purple'; expected a "
                                              "name (black, red, green, yellow, blue, magenta, "
                                              "cyan, white, bright-*, gray, default), 0-255 or "
                                              "#rrggbb");
    fails("styles:\n  title:\n    bg: bright-yelow\n",
          "t.yaml:3:9: unknown colour 'bright-yelow'; did you mean 'bright-yellow'?");
    fails("styles:\n  title: {fg: 256}\n",
          "t.yaml:2:15: colour number 256 is out of range; expected 0-255");
    fails("styles:\n  title: {fg: -3}\n",
          "t.yaml:2:15: colour number -3 is out of range; expected 0-255");
    fails("styles:\n  title: {fg: '#12345g'}\n",
          "t.yaml:2:15: bad colour '#12345g'; expected #rrggbb with six hex digits");
    fails("styles:\n  title: {bg: \"#fff\"}\n",
          "t.yaml:2:15: bad colour '#fff'; expected #rrggbb with six hex digits");
    /* A bare # starts a comment, leaving nothing. */
    fails("styles:\n  title:\n    fg: #93a1a1\n",
          "t.yaml:3:8: expected a colour for 'fg' (a name, 0-255 or \"#rrggbb\"), found nothing; "
          "note that a bare # starts a YAML comment, so quote #rrggbb");
    fails("styles:\n  title: {fg: [red]}\n",
          "t.yaml:2:15: expected a colour for 'fg' (a name, 0-255 or \"#rrggbb\"), found a list");
}

static void test_type_and_attr_errors(void **state)
{
    (void)state;
    fails("styles:\n  title: [red, bold]\n",
          "t.yaml:2:10: expected a mapping such as {fg: yellow, bg: default, attrs: [bold]} for "
          "'title', found a list");
    fails("styles:\n  title: red\n",
          "t.yaml:2:10: expected a mapping such as {fg: yellow, bg: default, attrs: [bold]} for "
          "'title', found a string");
    fails("styles:\n  - title\n",
          "t.yaml:2:3: expected a mapping of elements to styles for 'styles', found a list");
    fails("styles:\n  title: {fgg: red}\n",
          "t.yaml:2:11: unknown style key 'fgg'; did you mean 'fg'?");
    fails("styles:\n  title: {colour: red}\n",
          "t.yaml:2:11: unknown style key 'colour'; expected fg, bg or attrs");
    fails("styles:\n  title: {attrs: [bold, blod]}\n",
          "t.yaml:2:25: unknown attribute 'blod'; did you mean 'bold'?");
    fails("styles:\n  title: {attrs: {bold: true}}\n",
          "t.yaml:2:18: expected a list of attributes such as [bold, underline], found a mapping");
    fails("styles:\n  title: {attrs: [[bold]]}\n",
          "t.yaml:2:19: expected an attribute name, found a list");
    fails("- styles\n", "t.yaml:1:1: expected a mapping with 'styles' at the top of the theme, "
                        "found a list");
    fails("", "t.yaml:1:1: empty theme; expected a mapping with 'styles' (and optionally 'name' "
              "and 'description')");
    fails("name: x\n", "t.yaml:1:1: no 'styles' in the theme; expected styles: {element: {fg, "
                       "bg, attrs}, ...}");
    fails("name: [x]\nstyles: {}\n", "t.yaml:1:7: expected a string for 'name', found a list");
    /* attrs: nothing, one name, or an empty list. */
    struct theme *t = loads("styles:\n  title: {attrs: bold}\n  help: {attrs: []}\n"
                            "  border: {attrs: }\n");
    assert_int_equal(t->styles[THEME_TITLE].attrs, ATTR_BOLD);
    assert_int_equal(t->styles[THEME_HELP].attrs, 0);
    assert_int_equal(t->styles[THEME_BORDER].attrs, 0);
    theme_free(t);
}

static void test_yaml_errors(void **state)
{
    (void)state;
    fails("styles:\n  title: {fg: red\n",
          "t.yaml:3:1: invalid YAML: did not find expected ',' or '}' (while parsing a flow "
          "mapping at line 2); expected valid YAML");
    fails("styles:\n  title: {fg: red}\n bad: 1\n",
          "t.yaml:3:2: invalid YAML: did not find expected key (while parsing a block mapping at "
          "line 1); expected valid YAML");
    fails("styles: {}\n---\nstyles: {}\n",
          "t.yaml:2:1: a second YAML document ('---'); expected one document per file");
    fails("styles:\n  ? [a]\n  : {}\n",
          "t.yaml:2:5: expected a plain key, found a list used as a key");
}

static void test_warnings(void **state)
{
    (void)state;
    struct theme *t = loads("name: other\nstyle: {}\ncolours: 1\nstyles: {}\n");
    assert_string_equal(t->name, "t");
    assert_string_equal(
        warnings.data,
        "t.yaml:1:7: warning: name 'other' differs from the file name 't'; --theme and the theme "
        "list use the file name\n"
        "t.yaml:2:1: warning: unknown key 'style' ignored; did you mean 'styles'?\n"
        "t.yaml:3:1: warning: unknown key 'colours' ignored; expected name, description or "
        "styles\n");
    theme_free(t);
}

static double seconds_since(const struct timespec *t0)
{
    struct timespec t1;
    clock_gettime(CLOCK_MONOTONIC, &t1);
    return (double)(t1.tv_sec - t0->tv_sec) + (double)(t1.tv_nsec - t0->tv_nsec) / 1e9;
}

static void test_alias_bomb(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b);
    buf_puts(&b, "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (int i = 1; i < 30; i++) {
        buf_printf(&b, "a%d: &a%d [", i, i);
        for (int j = 0; j < 10; j++)
            buf_printf(&b, "%s*a%d", j ? ", " : "", i - 1);
        buf_puts(&b, "]\n");
    }
    buf_puts(&b, "styles:\n  title: *a29\n");
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    fails(b.data, "t.yaml:2:10: alias '*a0' is not allowed; write the value out in full");
    assert_true(seconds_since(&t0) < 2.0);
    /* Even one harmless alias is refused. */
    fails("c: &c {fg: red}\nstyles:\n  title: *c\n",
          "t.yaml:3:10: alias '*c' is not allowed; write the value out in full");
    buf_free(&b);
}

static void test_deep_nesting(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b);
    buf_puts(&b, "styles: ");
    for (int i = 0; i < 200000; i++)
        buf_putc(&b, '[');
    struct timespec t0;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    /* The top-level mapping is level 1, so the 32nd '[' (column 40) is too deep. */
    fails(b.data, "t.yaml:1:40: values nested more than 32 deep; the file is refused");
    assert_true(seconds_since(&t0) < 2.0);
    /* Block nesting too. */
    buf_reset(&b);
    buf_puts(&b, "styles:\n");
    for (int i = 1; i < 40; i++)
        buf_printf(&b, "%*sk%d:\n", 2 * i, "", i);
    fails(b.data, "t.yaml:33:65: values nested more than 32 deep; the file is refused");
    buf_free(&b);
}

static void test_huge_file(void **state)
{
    (void)state;
    size_t n = YAMLTREE_MAX_BYTES + 1;
    char *big = malloc(n);
    memset(big, '#', n);
    memset(&err, 0, sizeof err);
    assert_null(theme_load_text("t.yaml", big, n, NULL, NULL, &err));
    assert_string_equal(err.msg, "t.yaml: file too large (4194305 bytes; at most 4194304)");
    free(big);
}

/* A theme file's element names, in order, from its `styles` mapping. */
static void assert_complete(const char *path)
{
    struct yamltree tree;
    if (!yamltree_load_file(&tree, path, &yamltree_strict, &err))
        fail_msg("%s", err.msg);
    const struct yamltree_node *styles = yamltree_get(tree.root, "styles");
    assert_non_null(styles);
    for (int e = 0; e < THEME_NELEMENTS; e++) {
        bool found = false;
        for (size_t i = 0; i < yamltree_npairs(styles); i++) {
            enum theme_element got;
            found = found || (theme_element_parse(yamltree_key(styles, i)->text, &got) &&
                              got == (enum theme_element)e);
        }
        if (!found)
            fail_msg("%s does not set '%s'", path, theme_element_name((enum theme_element)e));
    }
    yamltree_free(&tree);
}

static void test_shipped_themes(void **state)
{
    (void)state;
    char dir[4096];
    source_themes(dir, sizeof dir);
    for (size_t i = 0; i < NSHIPPED; i++) {
        char path[4200];
        snprintf(path, sizeof path, "%s/%s.yaml", dir, shipped[i]);
        buf_reset(&warnings);
        struct theme *t = theme_load_file(path, NULL, &warnings, &err);
        if (!t)
            fail_msg("%s", err.msg);
        assert_string_equal(warnings.data, "");
        assert_string_equal(t->name, shipped[i]);
        assert_true(strlen(t->description) > 0);
        assert_complete(path);
        if (!strcmp(shipped[i], "mono"))
            for (int e = 0; e < THEME_NELEMENTS; e++) {
                assert_int_equal(t->styles[e].fg.kind, COLOR_KIND_DEFAULT);
                assert_int_equal(t->styles[e].bg.kind, COLOR_KIND_DEFAULT);
            }
        theme_free(t);
    }
}

static void test_default_file_matches_builtin(void **state)
{
    (void)state;
    char dir[4096], path[4200];
    snprintf(path, sizeof path, "%s/default.yaml", source_themes(dir, sizeof dir));
    struct theme *def = theme_new_default();
    /* Over an empty base, so that anything the file misses shows. */
    struct theme *blank = theme_new_default();
    memset(blank->styles, 0xff, sizeof blank->styles);
    struct theme *file = theme_load_file(path, blank, NULL, &err);
    assert_non_null(file);
    for (int e = 0; e < THEME_NELEMENTS; e++)
        if (memcmp(&file->styles[e], &def->styles[e], sizeof(struct theme_style)))
            fail_msg("default.yaml and the built-in differ on '%s'",
                     theme_element_name((enum theme_element)e));
    assert_string_equal(file->description, def->description);
    theme_free(file);
    theme_free(blank);
    theme_free(def);
}

static void test_elements(void **state)
{
    (void)state;
    enum theme_element e;
    assert_true(theme_element_parse("national-team", &e));
    assert_int_equal(e, THEME_NATIONAL_TEAM);
    assert_true(theme_element_parse("title_focused", &e));
    assert_int_equal(e, THEME_TITLE_FOCUSED);
    assert_false(theme_element_parse("title-", &e));
    assert_false(theme_element_parse("", &e));
    for (int k = 0; k < ENTITY_KIND_COUNT; k++)
        assert_string_equal(theme_element_name(theme_element_for_entity((enum entity_kind)k)),
                            entity_kind_name((enum entity_kind)k));
    assert_int_equal(theme_element_for_fact(FACT_FEE), THEME_MONEY);
    assert_int_equal(theme_element_for_fact(FACT_WAGE), THEME_MONEY);
    assert_int_equal(theme_element_for_fact(FACT_CAPS), THEME_COUNT);
    assert_string_equal(theme_element_help(THEME_CURSOR), "the entity under the cursor");
}

static void test_style_downgrade(void **state)
{
    (void)state;
    /* Solarized base01 on base03: both black at 8 colours; fg turns white. */
    struct theme_style s = {color_rgb(0x58, 0x6e, 0x75), color_rgb(0x00, 0x2b, 0x36), ATTR_BOLD};
    struct theme_style d = theme_style_downgrade(s, COLOR_DEPTH_8);
    assert_style(d, color_index(7), color_index(0), ATTR_BOLD);
    d = theme_style_downgrade(s, COLOR_DEPTH_256);
    assert_style(d, color_index(242), color_index(234), ATTR_BOLD);
    assert_style(theme_style_downgrade(s, COLOR_DEPTH_TRUE), s.fg, s.bg, ATTR_BOLD);
    assert_style(theme_style_downgrade(s, COLOR_DEPTH_NONE), color_default(), color_default(),
                 ATTR_BOLD);
    /* Light background colliding: fg becomes black. */
    s = (struct theme_style){color_rgb(0xee, 0xee, 0xee), color_rgb(0xff, 0xff, 0xff), 0};
    assert_style(theme_style_downgrade(s, COLOR_DEPTH_8), color_index(0), color_index(7), 0);
    /* The same colour on purpose stays the same. */
    s = (struct theme_style){color_index(4), color_index(4), 0};
    assert_style(theme_style_downgrade(s, COLOR_DEPTH_8), color_index(4), color_index(4), 0);
}

/* Theme discovery in a scratch tree: user/, src/ and inst/ directories. */
static char root[64];

static void write_file(const char *dir, const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s/%s", root, dir, name);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
}

static void make_tree(void)
{
    strcpy(root, "/tmp/touchline-theme-XXXXXX");
    assert_non_null(mkdtemp(root));
    const char *dirs[] = {"cfg", "cfg/touchline", "cfg/touchline/themes", "src", "inst"};
    for (size_t i = 0; i < 5; i++) {
        char path[512];
        snprintf(path, sizeof path, "%s/%s", root, dirs[i]);
        assert_int_equal(mkdir(path, 0755), 0);
    }
    write_file("cfg/touchline/themes", "light.yaml", "styles: {title: {fg: red}}\n");
    write_file("src", "light.yaml", "styles: {title: {fg: green}}\n");
    write_file("src", "solarized-dark.yaml", "styles: {}\n");
    write_file("src", "notes.txt", "not a theme\n");
    write_file("inst", "light.yaml", "styles: {title: {fg: blue}}\n");
    write_file("inst", "mono.yaml", "styles: {title: {attrs: [reverse]}}\n");
    char cfg[512];
    snprintf(cfg, sizeof cfg, "%s/cfg", root);
    setenv("XDG_CONFIG_HOME", cfg, 1);
}

static void remove_tree(void)
{
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", root);
    assert_int_equal(system(cmd), 0);
    unsetenv("XDG_CONFIG_HOME");
}

static void test_find(void **state)
{
    (void)state;
    make_tree();
    char src[512], inst[512], expect[600];
    snprintf(src, sizeof src, "%s/src", root);
    snprintf(inst, sizeof inst, "%s/inst", root);
    enum theme_origin origin;

    char *p = theme_find("light", src, inst, &origin, &err); /* the user's wins */
    snprintf(expect, sizeof expect, "%s/cfg/touchline/themes/light.yaml", root);
    assert_string_equal(p, expect);
    assert_int_equal(origin, THEME_FROM_USER);
    free(p);
    p = theme_find("solarized-dark", src, inst, &origin, &err);
    snprintf(expect, sizeof expect, "%s/src/solarized-dark.yaml", root);
    assert_string_equal(p, expect);
    assert_int_equal(origin, THEME_FROM_SOURCE);
    free(p);
    p = theme_find("mono", NULL, inst, &origin, &err);
    assert_int_equal(origin, THEME_FROM_INSTALLED);
    free(p);
    p = theme_find(expect, NULL, NULL, &origin, &err); /* a path */
    assert_string_equal(p, expect);
    assert_int_equal(origin, THEME_FROM_PATH);
    free(p);
    assert_null(theme_find("nothere.yaml", NULL, NULL, &origin, &err));
    assert_string_equal(err.msg, "nothere.yaml: theme file not found");
    /* default: the built-in when no file has it. */
    assert_null(theme_find("default", src, inst, &origin, &err));
    assert_int_equal(origin, THEME_FROM_BUILTIN);
    struct theme *t = theme_load_named("default", src, inst, NULL, &err);
    assert_non_null(t);
    assert_null(t->path);
    theme_free(t);
    t = theme_load_named("light", src, inst, NULL, &err);
    assert_non_null(t);
    assert_int_equal(t->styles[THEME_TITLE].fg.index, 1);
    theme_free(t);

    assert_null(theme_find("solarized-drak", src, inst, &origin, &err));
    snprintf(expect, sizeof expect,
             "theme 'solarized-drak' not found in %s/cfg/touchline/themes %s/src %s/inst; did "
             "you mean 'solarized-dark'?",
             root, root, root);
    assert_string_equal(err.msg, expect);
    assert_null(theme_load_named("zebra", src, inst, NULL, &err));
    snprintf(expect, sizeof expect,
             "theme 'zebra' not found in %s/cfg/touchline/themes %s/src %s/inst; expected one "
             "of default, gruvbox-dark, high-contrast, light, mono, solarized-dark, or a path to "
             "a .yaml file",
             root, root, root);
    assert_string_equal(err.msg, expect);
    remove_tree();
}

static void test_list_available(void **state)
{
    (void)state;
    make_tree();
    char src[512], inst[512];
    snprintf(src, sizeof src, "%s/src", root);
    snprintf(inst, sizeof inst, "%s/inst", root);
    size_t n;
    struct theme_entry *e = theme_list_available(src, inst, &n);
    assert_int_equal(n, NSHIPPED); /* the directories' four, and the other built-in ones */
    assert_string_equal(e[0].name, "default");
    assert_int_equal(e[0].origin, THEME_FROM_BUILTIN);
    assert_null(e[0].path);
    assert_string_equal(e[1].name, "gruvbox-dark");
    assert_int_equal(e[1].origin, THEME_FROM_BUILTIN);
    assert_string_equal(e[2].name, "high-contrast");
    assert_int_equal(e[2].origin, THEME_FROM_BUILTIN);
    assert_string_equal(e[3].name, "light");
    assert_int_equal(e[3].origin, THEME_FROM_USER);
    assert_string_equal(e[4].name, "mono");
    assert_int_equal(e[4].origin, THEME_FROM_INSTALLED);
    assert_string_equal(e[5].name, "solarized-dark");
    assert_int_equal(e[5].origin, THEME_FROM_SOURCE);
    assert_string_equal(theme_origin_name(e[5].origin), "source tree");
    /* a built-in one loads from the binary, with no path */
    struct theme *t = theme_load_entry(&e[1], NULL, &err);
    assert_non_null(t);
    assert_string_equal(t->name, "gruvbox-dark");
    assert_null(t->path);
    theme_free(t);
    theme_entries_free(e, n);
    remove_tree();

    /* The real source tree has every shipped theme. */
    char dir[4096];
    e = theme_list_available(source_themes(dir, sizeof dir), NULL, &n);
    assert_int_equal(n, NSHIPPED);
    for (size_t i = 0; i < n; i++)
        assert_int_equal(e[i].origin, THEME_FROM_SOURCE);
    theme_entries_free(e, n);
}

static void test_user_dir(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b);
    setenv("XDG_CONFIG_HOME", "/x/cfg", 1);
    assert_true(theme_user_dir(&b));
    assert_string_equal(b.data, "/x/cfg/touchline/themes");
    buf_reset(&b);
    setenv("XDG_CONFIG_HOME", "relative/is/ignored", 1);
    setenv("HOME", "/home/fan", 1);
    assert_true(theme_user_dir(&b));
    assert_string_equal(b.data, "/home/fan/.config/touchline/themes");
    unsetenv("XDG_CONFIG_HOME");
    buf_free(&b);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_minimal_and_inheritance),
        cmocka_unit_test(test_element_errors),
        cmocka_unit_test(test_colour_errors),
        cmocka_unit_test(test_type_and_attr_errors),
        cmocka_unit_test(test_yaml_errors),
        cmocka_unit_test(test_warnings),
        cmocka_unit_test(test_alias_bomb),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_huge_file),
        cmocka_unit_test(test_shipped_themes),
        cmocka_unit_test(test_default_file_matches_builtin),
        cmocka_unit_test(test_elements),
        cmocka_unit_test(test_style_downgrade),
        cmocka_unit_test(test_find),
        cmocka_unit_test(test_list_available),
        cmocka_unit_test(test_user_dir),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
