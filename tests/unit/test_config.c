/* test_config: config.yaml: every key and its defaults, paths, every error
 * with its exact line:col (types, layout, keys, regexes, date format),
 * warnings for unknown keys, key notation, validating key bindings, and YAML
 * bombs refused. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/config/config.h"

static struct tl_error err;
static struct buf warnings;

static const char *const requests[] = {"move-down", "move-up",        "next-mention",
                                       "open",      "next-pane",      "search",
                                       "help",      "half-page-down", "quit"};
#define NREQUESTS (sizeof requests / sizeof *requests)

static int setup(void **state)
{
    (void)state;
    buf_init(&warnings);
    setenv("HOME", "/home/fan", 1);
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    buf_free(&warnings);
    return 0;
}

static struct config *load(const char *text)
{
    memset(&err, 0, sizeof err);
    buf_reset(&warnings);
    return config_load_text("/etc/tl/config.yaml", text, strlen(text), &warnings, &err);
}

static struct config *loads(const char *text)
{
    struct config *cfg = load(text);
    if (!cfg)
        fail_msg("failed: %s", err.msg);
    return cfg;
}

static void fails(const char *text, const char *expected)
{
    struct config *cfg = load(text);
    if (cfg)
        fail_msg("loaded, expected: %s", expected);
    assert_string_equal(err.msg, expected);
}

/* Loads text that must load, then validates its keys, which must fail so. */
static void keys_fail(const char *text, const char *const *names, size_t n, const char *expected)
{
    struct config *cfg = loads(text);
    memset(&err, 0, sizeof err);
    assert_false(config_validate_keys(cfg, names, n, &err));
    assert_string_equal(err.msg, expected);
    config_free(cfg);
}

static int key(const char *s)
{
    int code = -1;
    struct buf why;
    buf_init(&why);
    if (!config_parse_key(s, &code, &why))
        fail_msg("'%s': %s", s, why.data);
    buf_free(&why);
    return code;
}

static void test_defaults(void **state)
{
    (void)state;
    struct config *cfg = loads("");
    assert_int_equal(cfg->narticles, 0);
    assert_null(cfg->theme.value);
    assert_int_equal(cfg->layout, CONFIG_LAYOUT_AUTO);
    assert_int_equal(cfg->nbindings, 0);
    assert_string_equal(cfg->date_format, "%d %b");
    assert_true(cfg->mouse);
    assert_string_equal(cfg->path, "/etc/tl/config.yaml");
    config_free(cfg);
    cfg = loads("# only a comment\n");
    assert_true(cfg->mouse);
    config_free(cfg);
}

static void test_full(void **state)
{
    (void)state;
    struct config *cfg = loads("articles:\n"
                               "  - ~/news\n"
                               "  - /srv/bbc\n"
                               "  - saved\n"
                               "theme: solarized-dark\n"
                               "layout: narrow\n"
                               "keys:\n"
                               "  next-mention: [n, <C-n>]\n"
                               "  quit: Q\n"
                               "  help: []\n"
                               "kb: ~/kb/extra.yaml\n"
                               "boilerplate:\n"
                               "  - 'Follow \\w+ on Twitter'\n"
                               "date_format: \"%Y-%m-%d\"\n"
                               "mouse: off\n");
    assert_int_equal(cfg->narticles, 3);
    assert_string_equal(cfg->articles[0].value, "/home/fan/news");
    assert_int_equal(cfg->articles[0].line, 2);
    assert_int_equal(cfg->articles[0].col, 5);
    assert_string_equal(cfg->articles[1].value, "/srv/bbc");
    assert_string_equal(cfg->articles[2].value, "/etc/tl/saved");
    assert_string_equal(cfg->theme.value, "solarized-dark");
    assert_int_equal(cfg->theme.line, 5);
    assert_int_equal(cfg->theme.col, 8);
    assert_int_equal(cfg->layout, CONFIG_LAYOUT_NARROW);
    assert_int_equal(cfg->nbindings, 3);
    const struct config_binding *b = config_find_binding(cfg, "next-mention");
    assert_non_null(b);
    assert_int_equal(b->line, 8);
    assert_int_equal(b->col, 3);
    assert_int_equal(b->nkeys, 2);
    assert_int_equal(b->keys[0].code, 'n');
    assert_int_equal(b->keys[1].code, 14);
    assert_int_equal(b->keys[1].line, 8);
    assert_int_equal(b->keys[1].col, 21);
    assert_int_equal(config_find_binding(cfg, "quit")->keys[0].code, 'Q');
    assert_int_equal(config_find_binding(cfg, "help")->nkeys, 0);
    assert_null(config_find_binding(cfg, "search"));
    assert_int_equal(cfg->nkb_files, 1);
    assert_string_equal(cfg->kb_files[0].value, "/home/fan/kb/extra.yaml");
    assert_int_equal(cfg->nboilerplate, 1);
    assert_string_equal(cfg->boilerplate[0].value, "Follow \\w+ on Twitter");
    assert_string_equal(cfg->date_format, "%Y-%m-%d");
    assert_false(cfg->mouse);
    assert_string_equal(warnings.data, "");
    assert_true(config_validate_keys(cfg, requests, NREQUESTS, &err));

    struct boilerplate *bp = boilerplate_new();
    size_t before = boilerplate_count(bp);
    assert_true(config_add_boilerplate(cfg, bp, &err));
    assert_int_equal(boilerplate_count(bp), before + 1);
    const char *line = "Follow Bastoni on Twitter";
    assert_true(boilerplate_match(bp, line, strlen(line)));
    boilerplate_free(bp);
    config_free(cfg);

    cfg = loads("articles: news\nmouse: YES\nlayout: wide\n");
    assert_int_equal(cfg->narticles, 1);
    assert_string_equal(cfg->articles[0].value, "/etc/tl/news");
    assert_true(cfg->mouse);
    assert_int_equal(cfg->layout, CONFIG_LAYOUT_WIDE);
    assert_int_equal(cfg->clipboard, CONFIG_CLIPBOARD_NONE);
    config_free(cfg);

    cfg = loads("clipboard: osc52\n");
    assert_int_equal(cfg->clipboard, CONFIG_CLIPBOARD_OSC52);
    config_free(cfg);
    cfg = loads("clipboard: none\n");
    assert_int_equal(cfg->clipboard, CONFIG_CLIPBOARD_NONE);
    config_free(cfg);
    cfg = loads("clipboard: off\n");
    assert_int_equal(cfg->clipboard, CONFIG_CLIPBOARD_NONE);
    config_free(cfg);
}

static void test_type_errors(void **state)
{
    (void)state;
    fails("articles: {news: 1}\n", "/etc/tl/config.yaml:1:11: expected a folder or a list of "
                                   "them for 'articles', found a mapping");
    fails("articles:\n", "/etc/tl/config.yaml:1:10: expected a folder or a list of them for "
                         "'articles', found nothing");
    fails("articles:\n  - news\n  - [a, b]\n",
          "/etc/tl/config.yaml:3:5: expected a folder, found a list");
    fails("theme: [dark]\n",
          "/etc/tl/config.yaml:1:8: expected a theme name or path for 'theme', found a list");
    fails("kb: {a: b}\n", "/etc/tl/config.yaml:1:5: expected a knowledge-base file or a list of "
                          "them for 'kb', found a mapping");
    fails("mouse: sometimes\n",
          "/etc/tl/config.yaml:1:8: expected true or false for 'mouse', found 'sometimes'");
    fails("mouse: [true]\n",
          "/etc/tl/config.yaml:1:8: expected true or false for 'mouse', found a list");
    fails("clipboard: osc53\n", "/etc/tl/config.yaml:1:12: unknown clipboard 'osc53'; did you "
                                 "mean 'osc52'?");
    fails("clipboard: xclip\n", "/etc/tl/config.yaml:1:12: unknown clipboard 'xclip'; expected "
                                 "osc52, none or off");
    fails("clipboard: [osc52]\n", "/etc/tl/config.yaml:1:12: expected osc52, none or off for "
                                   "'clipboard', found a list");
    fails("layout: tall\n",
          "/etc/tl/config.yaml:1:9: unknown layout 'tall'; expected auto, wide or narrow");
    fails("layout: narow\n", "/etc/tl/config.yaml:1:9: unknown layout 'narow'; did you mean "
                             "'narrow'?");
    fails("keys: [n]\n", "/etc/tl/config.yaml:1:7: expected a mapping of request names to keys "
                         "for 'keys', such as {next-mention: n}, found a list");
    fails("keys:\n  quit: {key: q}\n", "/etc/tl/config.yaml:2:9: expected a key or a list of "
                                       "keys for 'quit' ([] unbinds it), found a mapping");
    fails("keys:\n  quit:\n", "/etc/tl/config.yaml:2:8: expected a key or a list of keys for "
                              "'quit' ([] unbinds it), found nothing");
    fails("boilerplate: {a: 1}\n", "/etc/tl/config.yaml:1:14: expected a list of PCRE2 patterns "
                                   "for 'boilerplate', found a mapping");
    fails("date_format: [a]\n", "/etc/tl/config.yaml:1:14: expected a strftime format such as "
                                "\"%d %b\" for 'date_format', found a list");
    fails("- articles\n", "/etc/tl/config.yaml:1:1: expected a mapping such as 'articles: "
                          "~/news' at the top of the config, found a list");
    fails("theme: a\ntheme: b\n", "/etc/tl/config.yaml:2:1: duplicate key 'theme' (first at "
                                  "line 1); expected each key once");
    fails("theme: [a\n", "/etc/tl/config.yaml:2:1: invalid YAML: did not find expected ',' or "
                         "']' (while parsing a flow sequence at line 1); expected valid YAML");
}

static void test_key_errors(void **state)
{
    (void)state;
    fails("keys:\n  quit: [q, <C-dd>]\n",
          "/etc/tl/config.yaml:2:13: unknown key name '<C-dd>'; expected one character or a key "
          "name in <>, such as <C-d>, <Enter>, <Tab>, <Up>, <PgDn>, <Space>, <Esc> or <F1>");
    fails("keys:\n  quit: qq\n",
          "/etc/tl/config.yaml:2:9: not a single key 'qq'; expected one character or a key name "
          "in <>, such as <C-d>, <Enter>, <Tab>, <Up>, <PgDn>, <Space>, <Esc> or <F1>");
    fails("keys:\n  quit: '<F25>'\n",
          "/etc/tl/config.yaml:2:9: unknown key name '<F25>'; expected one character or a key "
          "name in <>, such as <C-d>, <Enter>, <Tab>, <Up>, <PgDn>, <Space>, <Esc> or <F1>");
    fails("keys:\n  quit: \"\\t\"\n",
          "/etc/tl/config.yaml:2:9: a control character as a key '\t'; expected one character or "
          "a key name in <>, such as <C-d>, <Enter>, <Tab>, <Up>, <PgDn>, <Space>, <Esc> or <F1>");
    fails("keys:\n  quit: ['']\n",
          "/etc/tl/config.yaml:2:10: empty key ''; expected one character or a key name in <>, "
          "such as <C-d>, <Enter>, <Tab>, <Up>, <PgDn>, <Space>, <Esc> or <F1>");
}

static void test_key_notation(void **state)
{
    (void)state;
    assert_int_equal(key("n"), 'n');
    assert_int_equal(key("N"), 'N');
    assert_int_equal(key("?"), '?');
    assert_int_equal(key("<"), '<');
    assert_int_equal(key("<lt>"), '<');
    assert_int_equal(key("\xc3\xa9"), 0xe9); /* é */
    assert_int_equal(key("<C-d>"), 4);
    assert_int_equal(key("<C-D>"), 4);
    assert_int_equal(key("<c-a>"), 1);
    assert_int_equal(key("<C-[>"), KEYCODE_ESC);
    assert_int_equal(key("<C-i>"), KEYCODE_TAB);
    assert_int_equal(key("<Enter>"), KEYCODE_ENTER);
    assert_int_equal(key("<CR>"), KEYCODE_ENTER);
    assert_int_equal(key("<return>"), KEYCODE_ENTER);
    assert_int_equal(key("<Tab>"), KEYCODE_TAB);
    assert_int_equal(key("<S-Tab>"), KEYCODE_BACKTAB);
    assert_int_equal(key("<Esc>"), KEYCODE_ESC);
    assert_int_equal(key("<Space>"), ' ');
    assert_int_equal(key(" "), ' ');
    assert_int_equal(key("<BS>"), KEYCODE_BACKSPACE);
    assert_int_equal(key("<Up>"), KEYCODE_UP);
    assert_int_equal(key("<DOWN>"), KEYCODE_DOWN);
    assert_int_equal(key("<Left>"), KEYCODE_LEFT);
    assert_int_equal(key("<Right>"), KEYCODE_RIGHT);
    assert_int_equal(key("<Home>"), KEYCODE_HOME);
    assert_int_equal(key("<End>"), KEYCODE_END);
    assert_int_equal(key("<PgUp>"), KEYCODE_PGUP);
    assert_int_equal(key("<PageDown>"), KEYCODE_PGDN);
    assert_int_equal(key("<PgDn>"), KEYCODE_PGDN);
    assert_int_equal(key("<Del>"), KEYCODE_DELETE);
    assert_int_equal(key("<Ins>"), KEYCODE_INSERT);
    assert_int_equal(key("<F1>"), KEYCODE_F1);
    assert_int_equal(key("<f12>"), KEYCODE_F1 + 11);
    assert_int_equal(key("<F24>"), KEYCODE_F24);
    const char *bad[] = {"", "nn", "<>", "<C->", "<C-1>", "<F0>", "<Foo>", "<Enter", "\x01"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        int code;
        assert_false(config_parse_key(bad[i], &code, NULL));
    }
    /* Formatting writes what parsing reads. */
    const char *names[] = {"n",    "<C-d>",  "<Enter>", "<Tab>", "<S-Tab>",  "<Esc>", "<Space>",
                           "<BS>", "<PgDn>", "<F7>",    "<lt>",  "\xc3\xa9", "<C-]>"};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        struct buf b;
        buf_init(&b);
        config_format_key(key(names[i]), &b);
        assert_string_equal(b.data, strcmp(names[i], "<lt>") ? names[i] : "<");
        buf_free(&b);
    }
}

static void test_validate_keys(void **state)
{
    (void)state;
    keys_fail("keys:\n  next-mentoin: n\n", requests, NREQUESTS,
              "/etc/tl/config.yaml:2:3: unknown request 'next-mentoin'; did you mean "
              "'next-mention'?");
    keys_fail("keys:\n  quit: q\n  launch-rockets: x\n", requests, NREQUESTS,
              "/etc/tl/config.yaml:3:3: unknown request 'launch-rockets'; expected a request "
              "name as listed on the help screen (?)");
    keys_fail("keys:\n  next-mention: n\n  search: [/, n]\n", requests, NREQUESTS,
              "/etc/tl/config.yaml:3:15: key 'n' is bound twice: to 'next-mention' (line 2) and "
              "to 'search'; expected each key to do one thing");
    keys_fail("keys:\n  next-pane: <Tab>\n  open:\n    - <Enter>\n    - <C-i>\n", NULL, 0,
              "/etc/tl/config.yaml:5:7: key '<Tab>' is bound twice: to 'next-pane' (line 2) and "
              "to 'open'; expected each key to do one thing");
    keys_fail("keys:\n  quit: [q, Q, q]\n", requests, NREQUESTS,
              "/etc/tl/config.yaml:2:16: key 'q' is listed twice for 'quit' (first at line 2); "
              "expected each key once");
    /* The first repeat in the file is the one named. */
    keys_fail("keys:\n  quit: [x, y]\n  help: [y, x]\n", requests, NREQUESTS,
              "/etc/tl/config.yaml:3:10: key 'y' is bound twice: to 'quit' (line 2) and to "
              "'help'; expected each key to do one thing");
    struct config *cfg = loads("keys:\n  whatever: [a, b]\n");
    assert_true(config_validate_keys(cfg, NULL, 0, &err));
    config_free(cfg);
}

static void test_boilerplate_errors(void **state)
{
    (void)state;
    fails("boilerplate:\n  - (foo\n", "/etc/tl/config.yaml:2:9: bad boilerplate pattern: missing "
                                      "closing parenthesis (at offset 4); expected a PCRE2 "
                                      "regular expression");
    fails("boilerplate:\n  - 'it''s (a'\n",
          "/etc/tl/config.yaml:2:14: bad boilerplate pattern: missing closing parenthesis (at "
          "offset 7); expected a PCRE2 regular expression");
    fails("boilerplate: [\"\\\\d+ mins\", \"\\\\d{2,1}\"]\n",
          "/etc/tl/config.yaml:1:36: bad boilerplate pattern: numbers out of order in {} "
          "quantifier (at offset 6); expected a PCRE2 regular expression");
    fails("boilerplate:\n  - |\n    ab[c\n",
          "/etc/tl/config.yaml:3:9: bad boilerplate pattern: missing terminating ] for "
          "character class (at offset 5); expected a PCRE2 regular expression");
    fails("boilerplate: '*x'\n", "/etc/tl/config.yaml:1:15: bad boilerplate pattern: quantifier "
                                 "does not follow a repeatable item (at offset 0); expected a "
                                 "PCRE2 regular expression");
}

static void test_date_format_errors(void **state)
{
    (void)state;
    fails("date_format: \"%d %Q\"\n",
          "/etc/tl/config.yaml:1:18: unknown conversion '%Q' in date_format; expected strftime "
          "conversions such as %d %b %Y %H:%M");
    fails("date_format: 100%\n", "/etc/tl/config.yaml:1:17: date_format ends in a lone '%'; "
                                 "write %% for a percent sign");
    struct config *cfg = loads("date_format: '%-d %b %Y, %H:%M (%%) %Ey'\n");
    assert_string_equal(cfg->date_format, "%-d %b %Y, %H:%M (%%) %Ey");
    config_free(cfg);
}

static void test_warnings(void **state)
{
    (void)state;
    struct config *cfg = loads("themes: dark\nlayout: wide\ncolour: red\nmouse: no\ncache: off\n");
    assert_string_equal(
        warnings.data,
        "/etc/tl/config.yaml:1:1: warning: unknown key 'themes' ignored; did you mean 'theme'?\n"
        "/etc/tl/config.yaml:3:1: warning: unknown key 'colour' ignored; expected one of "
        "articles, theme, kb, keys, layout, mouse, boilerplate, date_format, cache, feeds, feeds_dir, feeds_file, opml, fetch_timeout, clipboard\n");
    assert_null(cfg->theme.value);
    assert_false(cfg->mouse);
    assert_false(cfg->cache);
    config_free(cfg);
}

static void test_bombs(void **state)
{
    (void)state;
    fails("a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a]\n"
          "articles: *b\n",
          "/etc/tl/config.yaml:2:8: alias '*a' is not allowed; write the value out in full");
    struct buf b;
    buf_init(&b);
    buf_puts(&b, "keys: ");
    for (int i = 0; i < 100000; i++)
        buf_puts(&b, "{a: ");
    struct config *cfg = load(b.data);
    assert_null(cfg);
    assert_string_equal(err.msg, "/etc/tl/config.yaml:1:131: values nested more than 32 deep; "
                                 "the file is refused");
    buf_free(&b);
}

static void test_files(void **state)
{
    (void)state;
    char dir[] = "/tmp/touchline-config-XXXXXX";
    assert_non_null(mkdtemp(dir));
    setenv("XDG_CONFIG_HOME", dir, 1);
    struct buf path;
    buf_init(&path);
    assert_true(config_default_path(&path));
    char expect[128];
    snprintf(expect, sizeof expect, "%s/touchline/config.yaml", dir);
    assert_string_equal(path.data, expect);

    /* No file at the default place: the defaults, no error. */
    struct config *cfg = config_load(NULL, &warnings, &err);
    assert_non_null(cfg);
    assert_null(cfg->path);
    config_free(cfg);

    /* A named file that is missing is an error. */
    memset(&err, 0, sizeof err);
    assert_null(config_load("/nonexistent/touchline.yaml", NULL, &err));
    assert_string_equal(err.msg, "/nonexistent/touchline.yaml: No such file or directory");

    char sub[128];
    snprintf(sub, sizeof sub, "%s/touchline", dir);
    assert_int_equal(mkdir(sub, 0755), 0);
    FILE *f = fopen(path.data, "w");
    fputs("articles: news\nlayout: widde\n", f);
    fclose(f);
    assert_null(config_load(NULL, NULL, &err));
    snprintf(expect, sizeof expect,
             "%s/touchline/config.yaml:2:9: unknown layout 'widde'; did "
             "you mean 'wide'?",
             dir);
    assert_string_equal(err.msg, expect);
    f = fopen(path.data, "w");
    fputs("articles: news\n", f);
    fclose(f);
    cfg = config_load(NULL, NULL, &err);
    assert_non_null(cfg);
    assert_string_equal(cfg->path, path.data);
    snprintf(expect, sizeof expect, "%s/touchline/news", dir);
    assert_string_equal(cfg->articles[0].value, expect);
    config_free(cfg);

    unlink(path.data);
    rmdir(sub);
    rmdir(dir);
    unsetenv("XDG_CONFIG_HOME");
    buf_reset(&path);
    assert_true(config_user_dir(&path));
    assert_string_equal(path.data, "/home/fan/.config/touchline");
    buf_free(&path);
    assert_string_equal(config_layout_name(CONFIG_LAYOUT_NARROW), "narrow");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_defaults),
        cmocka_unit_test(test_full),
        cmocka_unit_test(test_type_errors),
        cmocka_unit_test(test_key_errors),
        cmocka_unit_test(test_key_notation),
        cmocka_unit_test(test_validate_keys),
        cmocka_unit_test(test_boilerplate_errors),
        cmocka_unit_test(test_date_format_errors),
        cmocka_unit_test(test_warnings),
        cmocka_unit_test(test_bombs),
        cmocka_unit_test(test_files),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
