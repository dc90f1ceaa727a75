/* test_article: the article loader on both formats: headline and furniture
 * heuristics, paragraphs and body lines, front matter fields and odd types,
 * bad and hostile YAML, and positions. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/load/article.h"
#include "core/base/buf.h"
#include "core/base/utf8.h"

/* 2023-11-14 22:13:20 UTC: the date of every file without one. */
#define MTIME      ((time_t)1700000000)
#define MTIME_DATE "2023-11-14"

static struct boilerplate *bp;
static struct tl_error err;

static int setup(void **state)
{
    (void)state;
    setenv("TZ", "UTC", 1);
    tzset();
    bp = boilerplate_new();
    return 0;
}

static int teardown(void **state)
{
    (void)state;
    boilerplate_free(bp);
    return 0;
}

static struct article *parse(const char *path, const char *text)
{
    memset(&err, 0, sizeof err);
    return article_parse(path, text, strlen(text), MTIME, bp, &err);
}

/* Parses text that must load, and returns the article. */
static struct article *load(const char *path, const char *text)
{
    struct article *a = parse(path, text);
    if (!a)
        fail_msg("%s did not load: %s", path, err.msg);
    assert_non_null(a->title);
    assert_non_null(a->body);
    assert_int_equal(strlen(a->body), a->body_len);
    return a;
}

/* Parses text that must fail, and checks the message starts with `prefix`. */
static void expect_error(const char *path, const char *text, const char *prefix)
{
    struct article *a = parse(path, text);
    if (a) {
        article_free(a);
        fail_msg("%s loaded, expected an error starting '%s'", path, prefix);
    }
    if (strncmp(err.msg, prefix, strlen(prefix)) != 0)
        fail_msg("error '%s' does not start with '%s'", err.msg, prefix);
}

static void test_plain_bbc_format(void **state)
{
    (void)state;
    struct article *a =
        load("corpus/row-0225.txt", "Man Utd stroll to Cup win\n"
                                    "\n"
                                    "Wayne Rooney made a winning return to Everton.\n"
                                    "\n"
                                    "Rooney received a hostile reception.\n");
    assert_int_equal(a->format, ARTICLE_PLAIN);
    assert_string_equal(a->title, "Man Utd stroll to Cup win");
    assert_string_equal(a->body, "Wayne Rooney made a winning return to Everton.\n\n"
                                 "Rooney received a hostile reception.");
    assert_int_equal(a->body_line, 3);
    assert_string_equal(a->date, MTIME_DATE);
    assert_true(a->date_from_mtime);
    assert_null(a->warning);
    assert_string_equal(article_source(a), "");
    assert_string_equal(a->path, "corpus/row-0225.txt");
    article_free(a);
}

static void test_paragraphs_kept(void **state)
{
    (void)state;
    struct article *a =
        load("p.txt", "Title\n\n\n\nOne.\nStill one.\n\n\nTwo.\n\n   \nThree.\n\n\n");
    assert_string_equal(a->title, "Title");
    assert_int_equal(a->body_line, 5);
    /* Inner blank lines are kept as they are; trailing ones are not. */
    assert_string_equal(a->body, "One.\nStill one.\n\n\nTwo.\n\n   \nThree.");
    article_free(a);
}

static void test_title_only(void **state)
{
    (void)state;
    struct article *a = load("t.txt", "  Just a headline  ");
    assert_string_equal(a->title, "Just a headline");
    assert_string_equal(a->body, "");
    assert_int_equal(a->body_len, 0);
    article_free(a);
}

static void test_furniture_skipped(void **state)
{
    (void)state;
    struct article *a = load("scraped.txt", "Download the Sky Sports app for the latest news\n"
                                            "/  Tom Smith\n"
                                            "Share this article\n"
                                            "Share on Facebook\n"
                                            "Advertisement\n"
                                            "By Jane Doe\n"
                                            "5 min read\n"
                                            "Published 12 March 2023\n"
                                            "\n"
                                            "Spurs close in on Bastoni\n"
                                            "\n"
                                            "Tottenham are closing in on a deal.\n");
    assert_string_equal(a->title, "Spurs close in on Bastoni");
    assert_string_equal(a->body, "Tottenham are closing in on a deal.");
    assert_int_equal(a->body_line, 12);
    article_free(a);
}

/* Each furniture line on its own, in several spellings, before a headline. */
static void test_each_furniture_line(void **state)
{
    (void)state;
    static const char *const furniture[] = {
        "Download the BBC Sport app for the latest news",
        "Get the app",
        "/  Tom Smith",
        "/ Jane Doe, Chief Football Writer",
        "Share this article",
        "Share",
        "Share on Facebook",
        "Share on Twitter",
        "share on whatsapp",
        "Advertisement",
        "ADVERTISEMENT",
        "By Jane Doe",
        "By Ángel Rodríguez",
        "By Jane Doe, Football Correspondent",
        "5 min read",
        "12 mins read",
        "Published 12 March 2023",
        "Updated 5 December 2022, 10:15 GMT",
        "Image source, Getty Images",
        "Getty Images",
        "Listen to this article",
        "Follow us on Instagram",
        "Read more",
        "  Share this article  ",
    };
    for (size_t i = 0; i < sizeof furniture / sizeof *furniture; i++) {
        struct buf text;
        buf_init(&text);
        buf_printf(&text, "%s\nInter open contract talks\n\nBody.\n", furniture[i]);
        struct article *a = load("f.txt", text.data);
        if (strcmp(a->title, "Inter open contract talks") != 0)
            fail_msg("'%s' was not skipped: title '%s'", furniture[i], a->title);
        assert_int_equal(a->body_line, 4);
        article_free(a);
        buf_free(&text);
    }
}

/* Headlines that merely start like furniture are headlines. */
static void test_headlines_not_furniture(void **state)
{
    (void)state;
    static const char *const headlines[] = {
        "Share prices soar as Arsenal confirm takeover",
        "Advertisement rules broken by Chelsea, says FA",
        "Bystanders hurt as fans clash",
        "Menu of options for Ten Hag",
        "5 things we learned from the derby",
        "Getty Images photographer hurt at Anfield",
        "Ødegaard signs new Arsenal deal",
    };
    for (size_t i = 0; i < sizeof headlines / sizeof *headlines; i++) {
        struct buf text;
        buf_init(&text);
        buf_printf(&text, "%s\n\nBody.\n", headlines[i]);
        struct article *a = load("h.txt", text.data);
        if (strcmp(a->title, headlines[i]) != 0)
            fail_msg("'%s' was taken as furniture: title '%s'", headlines[i], a->title);
        article_free(a);
        buf_free(&text);
    }
}

static void test_long_first_line(void **state)
{
    (void)state;
    /* Over the byte limit. */
    struct buf text;
    buf_init(&text);
    for (int i = 0; i < 25; i++)
        buf_puts(&text, "Inter defender ");
    buf_puts(&text, "is wanted.\n\nSecond paragraph.\n");
    struct article *a = load("articles/spurs-close_in.txt", text.data);
    assert_string_equal(a->title, "spurs close in");
    assert_int_equal(a->body_line, 1);
    assert_int_equal(strncmp(a->body, "Inter defender Inter", 20), 0);
    assert_non_null(strstr(a->body, "\n\nSecond paragraph."));
    article_free(a);
    /* Short in bytes but too many words. */
    buf_reset(&text);
    for (int i = 0; i < 40; i++)
        buf_puts(&text, "a ");
    buf_puts(&text, "\n");
    a = load("many.words.txt", text.data);
    assert_string_equal(a->title, "many.words");
    assert_int_equal(a->body[0], 'a');
    article_free(a);
    /* After furniture, the body starts at the long line. */
    buf_reset(&text);
    buf_puts(&text, "Advertisement\n\n");
    for (int i = 0; i < 30; i++)
        buf_puts(&text, "word word ");
    a = load("x/no_headline.txt", text.data);
    assert_string_equal(a->title, "no headline");
    assert_int_equal(a->body_line, 3);
    assert_int_equal(strncmp(a->body, "word word", 9), 0);
    article_free(a);
    buf_free(&text);
}

static void test_plain_markdown_heading(void **state)
{
    (void)state;
    struct article *a = load("n.md", "## Spurs win at last\n\nBody.\n");
    assert_string_equal(a->title, "Spurs win at last");
    article_free(a);
    a = load("n.md", "#1 ranked keeper joins Spurs\n\nBody.\n");
    assert_string_equal(a->title, "#1 ranked keeper joins Spurs");
    article_free(a);
}

static void test_rules_are_not_headlines(void **state)
{
    (void)state;
    struct article *a = load("r.txt", "* * *\n-----\n\nReal headline\n\nBody.\n");
    assert_string_equal(a->title, "Real headline");
    assert_int_equal(a->body_line, 6);
    article_free(a);
}

static void test_empty_and_blank(void **state)
{
    (void)state;
    struct article *a = load("dir/empty-file.txt", "");
    assert_string_equal(a->title, "empty file");
    assert_string_equal(a->body, "");
    assert_int_equal(a->body_len, 0);
    assert_true(a->date_from_mtime);
    article_free(a);
    a = load("blank.txt", "  \n\n \t \r\n\n");
    assert_string_equal(a->title, "blank");
    assert_string_equal(a->body, "");
    article_free(a);
    /* Only escapes and controls: nothing is left of them. */
    a = load("esc.txt", "\x1b[2J\x1b]0;x\x07\x01\x02");
    assert_string_equal(a->title, "esc");
    assert_string_equal(a->body, "");
    article_free(a);
    /* A name without an extension, and a hidden-looking one. */
    a = load("README", "");
    assert_string_equal(a->title, "README");
    article_free(a);
    a = load(".profile", "");
    assert_string_equal(a->title, ".profile");
    article_free(a);
}

static void test_hostile_text_cleaned(void **state)
{
    (void)state;
    struct article *a =
        load("h.txt", "\xef\xbb\xbf\x1b]0;pwned\x07Spurs \x1b[31mwin\x1b[0m\xe2\x80\xae\r\n"
                      "\r\n"
                      "Body\twith tab and \xff byte.\r\n");
    assert_string_equal(a->title, "Spurs win");
    assert_string_equal(a->body, "Body with tab and \xef\xbf\xbd byte.");
    assert_int_equal(a->body_line, 3);
    article_free(a);
}

static void test_front_matter_fields(void **state)
{
    (void)state;
    struct article *a = load("fm.md", "---\n"
                                      "title: \"Inter open contract talks with Bastoni\"\n"
                                      "date: 2022-12-05\n"
                                      "source: La Gazzetta dello Sport\n"
                                      "url: https://example.com/a?b=1\n"
                                      "author: Jane Doe\n"
                                      "tags: [Inter, Serie A]\n"
                                      "season: 2022-23\n"
                                      "transfer:\n"
                                      "  from: Atalanta\n"
                                      "  fee: 31m\n"
                                      "---\n"
                                      "\n"
                                      "Inter Milan have opened talks.\n"
                                      "\n"
                                      "More.\n");
    assert_int_equal(a->format, ARTICLE_FRONT_MATTER);
    assert_string_equal(a->title, "Inter open contract talks with Bastoni");
    assert_string_equal(a->date, "2022-12-05");
    assert_false(a->date_from_mtime);
    assert_null(a->warning);
    assert_string_equal(a->meta.source, "La Gazzetta dello Sport");
    assert_string_equal(article_source(a), "La Gazzetta dello Sport");
    assert_string_equal(a->meta.url, "https://example.com/a?b=1");
    assert_string_equal(a->meta.author, "Jane Doe");
    assert_int_equal(a->meta.ntags, 2);
    assert_string_equal(a->meta.tags[0], "Inter");
    assert_string_equal(a->meta.tags[1], "Serie A");
    assert_int_equal(a->meta.nextra, 2);
    assert_string_equal(a->meta.extra[0].key, "season");
    assert_string_equal(a->meta.extra[0].value, "2022-23");
    assert_string_equal(a->meta.extra[1].key, "transfer");
    assert_non_null(strstr(a->meta.extra[1].value, "from: Atalanta"));
    assert_non_null(strstr(a->meta.extra[1].value, "fee: 31m"));
    assert_string_equal(a->body, "Inter Milan have opened talks.\n\nMore.");
    assert_int_equal(a->body_line, 14);
    article_free(a);
}

static void test_front_matter_tags(void **state)
{
    (void)state;
    struct article *a = load("t.md", "---\ntitle: T\ntags: Inter , Serie A,transfers,, \n---\nB\n");
    assert_int_equal(a->meta.ntags, 3);
    assert_string_equal(a->meta.tags[0], "Inter");
    assert_string_equal(a->meta.tags[1], "Serie A");
    assert_string_equal(a->meta.tags[2], "transfers");
    article_free(a);
    a = load("t.md", "---\ntitle: T\ntags:\n  - one\n  - two words\n---\nB\n");
    assert_int_equal(a->meta.ntags, 2);
    assert_string_equal(a->meta.tags[1], "two words");
    article_free(a);
    a = load("t.md", "---\ntitle: T\ntags: [1, 2]\n---\nB\n");
    assert_int_equal(a->meta.ntags, 2);
    assert_string_equal(a->meta.tags[0], "1");
    assert_string_equal(a->meta.tags[1], "2");
    article_free(a);
    a = load("t.md", "---\ntitle: T\ntags: []\n---\nB\n");
    assert_int_equal(a->meta.ntags, 0);
    article_free(a);
    expect_error("t.md", "---\ntitle: T\ntags: {a: b}\n---\nB\n", "t.md:3:7: ");
    expect_error("t.md", "---\ntitle: T\ntags:\n  - a\n  - [b]\n---\nB\n", "t.md:5:5: ");
}

static void test_front_matter_odd_types(void **state)
{
    (void)state;
    struct article *a = load("o.md", "---\ntitle: 2024\ndate: 2022-12-05 10:30:00\n---\nB\n");
    assert_string_equal(a->title, "2024");
    assert_string_equal(a->date, "2022-12-05");
    assert_false(a->date_from_mtime);
    assert_null(a->warning);
    article_free(a);
    a = load("o.md", "---\ntitle: true\ndate: 2022-12-05T10:30:00Z\n---\nB\n");
    assert_string_equal(a->title, "true");
    assert_string_equal(a->date, "2022-12-05");
    article_free(a);
    a = load("o.md", "---\ntitle: 'Quoted: with colon'\ndate: \"2024-02-29\"\n---\nB\n");
    assert_string_equal(a->title, "Quoted: with colon");
    assert_string_equal(a->date, "2024-02-29");
    article_free(a);
    /* A multi-line title is one line. */
    a = load("o.md", "---\ntitle: |\n  Line one\n  Line two\n---\nB\n");
    assert_string_equal(a->title, "Line one Line two");
    article_free(a);
    a = load("o.md", "---\ntitle: >\n  Folded\n  title\n---\nB\n");
    assert_string_equal(a->title, "Folded title");
    article_free(a);
    /* A tag and an anchor are read for their value, an alias for the value it
     * names. */
    a = load("o.md", "---\ntitle: &t !custom Tagged\nsource: *t\n---\nB\n");
    assert_string_equal(a->title, "Tagged");
    assert_string_equal(a->meta.source, "Tagged");
    article_free(a);
    a = load("o.md", "---\ntitle: T\nkw: &k [cup, final]\ntags: *k\nagain: *k\n---\nB\n");
    assert_int_equal(a->meta.ntags, 2);
    assert_string_equal(a->meta.tags[1], "final");
    assert_int_equal(a->meta.nextra, 2);
    assert_string_equal(a->meta.extra[1].value, "&k [cup, final]"); /* as written there */
    article_free(a);
    /* An alias needs an anchor before it, outside itself. */
    expect_error("o.md", "---\ntitle: *t\n---\nB\n", "o.md:2:8: front matter: alias '*t' before");
    expect_error("o.md", "---\ntitle: T\nx: &l [a, *l]\n---\nB\n",
                 "o.md:3:11: front matter: alias '*l' inside the value it names");
    /* A repeated key: the last one wins, as in most YAML readers. */
    a = load("o.md", "---\ntitle: First\ntags: [a]\nn: 1\ntitle: Second\ntags: b, c\nn: 2\n"
                     "---\nB\n");
    assert_string_equal(a->title, "Second");
    assert_int_equal(a->meta.ntags, 2);
    assert_string_equal(a->meta.tags[0], "b");
    assert_int_equal(a->meta.nextra, 1);
    assert_string_equal(a->meta.extra[0].value, "2");
    article_free(a);
    /* An anchor on a replaced value still serves a later alias. */
    a = load("o.md", "---\ntitle: &t Old\ntitle: New\nsource: *t\n---\nB\n");
    assert_string_equal(a->title, "New");
    assert_string_equal(a->meta.source, "Old");
    article_free(a);
    /* Unknown keys of every shape are kept. */
    a = load("o.md", "---\ntitle: T\nn: 5\nlist: [a, b]\nmap: {x: 1}\nempty:\n---\nB\n");
    assert_int_equal(a->meta.nextra, 4);
    assert_string_equal(a->meta.extra[0].key, "n");
    assert_string_equal(a->meta.extra[0].value, "5");
    assert_string_equal(a->meta.extra[1].value, "[a, b]");
    assert_string_equal(a->meta.extra[2].value, "{x: 1}");
    assert_string_equal(a->meta.extra[3].key, "empty");
    assert_string_equal(a->meta.extra[3].value, "");
    article_free(a);
    /* A known key with a list or a map is an error at the value. */
    expect_error("o.md", "---\ntitle: [a, b]\n---\nB\n", "o.md:2:8: ");
    expect_error("o.md", "---\ntitle: T\nsource:\n  name: BBC\n---\nB\n", "o.md:4:3: ");
    /* A key that is not a string. */
    expect_error("o.md", "---\ntitle: ok\n? [a, b]\n: c\n---\nB\n", "o.md:3:3: ");
}

static void test_front_matter_bad_dates(void **state)
{
    (void)state;
    static const char *const bad[] = {"next Tuesday", "2023-02-29",  "2022-13-01", "2022-00-10",
                                      "2022-04-31",   "05/12/2022",  "2022-12-5",  "2022",
                                      "12022-12-05",  "2022-12-05x", "0999-01-01"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        struct buf text;
        buf_init(&text);
        buf_printf(&text, "---\ntitle: T\ndate: %s\n---\nBody\n", bad[i]);
        struct article *a = load("posts/d.md", text.data);
        if (!a->date_from_mtime)
            fail_msg("date '%s' was taken as %s", bad[i], a->date);
        assert_string_equal(a->date, MTIME_DATE);
        assert_non_null(a->warning);
        /* The warning points at the value: line 3, column 7. */
        if (strncmp(a->warning, "posts/d.md:3:7: ", 16) != 0)
            fail_msg("warning '%s'", a->warning);
        assert_non_null(strstr(a->warning, bad[i]));
        article_free(a);
        buf_free(&text);
    }
    /* No date at all: the file's time, and no warning. */
    struct article *a = load("n.md", "---\ntitle: T\n---\nB\n");
    assert_true(a->date_from_mtime);
    assert_string_equal(a->date, MTIME_DATE);
    assert_null(a->warning);
    article_free(a);
}

static void test_front_matter_title_fallbacks(void **state)
{
    (void)state;
    struct article *a =
        load("dir/fallback-name.md", "---\nsource: BBC\n---\n\n# The Heading  \n\nBody.\n");
    assert_string_equal(a->title, "The Heading");
    assert_string_equal(a->body, "Body.");
    assert_int_equal(a->body_line, 7);
    article_free(a);
    a = load("dir/fallback-name.md", "---\nsource: BBC\n---\nBody first.\n");
    assert_string_equal(a->title, "fallback name");
    assert_string_equal(a->body, "Body first.");
    assert_int_equal(a->body_line, 4);
    article_free(a);
    /* An empty or blank title counts as none. */
    a = load("e.md", "---\ntitle: \"\"\n---\n# Heading\n\nB\n");
    assert_string_equal(a->title, "Heading");
    article_free(a);
    a = load("e.md", "---\ntitle: \"   \"\n---\n# Heading\n\nB\n");
    assert_string_equal(a->title, "Heading");
    article_free(a);
    a = load("e.md", "---\ntitle:\n---\nB\n");
    assert_string_equal(a->title, "e");
    article_free(a);
    /* Empty front matter. */
    a = load("e.md", "---\n---\n# H\n\nB\n");
    assert_int_equal(a->format, ARTICLE_FRONT_MATTER);
    assert_string_equal(a->title, "H");
    assert_int_equal(a->meta.nextra, 0);
    article_free(a);
    /* A "#hashtag" line is not a heading. */
    a = load("tag-line.md", "---\nsource: X\n---\n#COYS\n");
    assert_string_equal(a->title, "tag line");
    assert_string_equal(a->body, "#COYS");
    article_free(a);
}

static void test_front_matter_fences(void **state)
{
    (void)state;
    /* "..." closes too, trailing spaces are allowed, and the body may be empty. */
    struct article *a = load("f.md", "---\ntitle: Dots\n...\nB\n");
    assert_string_equal(a->title, "Dots");
    assert_string_equal(a->body, "B");
    article_free(a);
    a = load("f.md", "---  \ntitle: Spaces\n---  \nB\n");
    assert_string_equal(a->title, "Spaces");
    article_free(a);
    a = load("f.md", "---\ntitle: No body\n---");
    assert_string_equal(a->title, "No body");
    assert_string_equal(a->body, "");
    article_free(a);
    /* CRLF and a BOM. */
    a = load("f.md", "\xef\xbb\xbf---\r\ntitle: Windows\r\ndate: 2021-01-02\r\n---\r\n\r\nB\r\n");
    assert_int_equal(a->format, ARTICLE_FRONT_MATTER);
    assert_string_equal(a->title, "Windows");
    assert_string_equal(a->date, "2021-01-02");
    assert_string_equal(a->body, "B");
    assert_int_equal(a->body_line, 6);
    article_free(a);
    /* "---" that is not alone on the first line is not a fence. */
    a = load("f.md", "--- title: x\n\nB\n");
    assert_int_equal(a->format, ARTICLE_PLAIN);
    article_free(a);
    /* Unterminated: plain text, and the fence is not the title. */
    a = load("unterminated.md", "---\ntitle: x\n\nBody\n");
    assert_int_equal(a->format, ARTICLE_PLAIN);
    assert_string_not_equal(a->title, "---");
    assert_non_null(strstr(a->body, "Body"));
    article_free(a);
    a = load("only-fence.md", "---\n");
    assert_int_equal(a->format, ARTICLE_PLAIN);
    assert_string_equal(a->title, "only fence");
    article_free(a);
}

static void test_front_matter_bad_yaml(void **state)
{
    (void)state;
    /* The line of the error is the file's line, not the YAML block's. */
    expect_error("bad.md", "---\ntitle: ok\nsource: BBC\n  bad: indent\nauthor: x\n---\nbody\n",
                 "bad.md:4:");
    expect_error("bad.md", "---\ntitle: ok\nauthor: \"x\" y\n---\nbody\n", "bad.md:3:");
    expect_error("bad.md", "---\ntitle: ok\nsource: *nope\n---\nbody\n", "bad.md:3:");
    expect_error("bad.md", "---\ntitle: ok\ndate: [unclosed\n---\nbody\n", "bad.md:");
    /* CRLF files count lines the same way. */
    expect_error("bad.md", "---\r\ntitle: ok\r\n\r\n  x: : y\r\n---\r\nbody\r\n", "bad.md:4:");
    /* The message says what went wrong. */
    expect_error("bad.md", "---\na: 1\n a: 2\n---\n", "bad.md:3:");
    assert_non_null(strstr(err.msg, "front matter"));
}

static void test_front_matter_not_a_mapping(void **state)
{
    (void)state;
    expect_error("list.md", "---\n- a\n- b\n---\nBody\n", "list.md:2:1: ");
    assert_non_null(strstr(err.msg, "mapping"));
    expect_error("scalar.md", "---\njust text\n---\nBody\n", "scalar.md:2:1: ");
}

/* Billion laughs: each alias is a copy, and copies stop at 10,000 values: an
 * error at the alias that goes over, quickly; a small alias still loads. */
static void test_front_matter_alias_bomb(void **state)
{
    (void)state;
    struct buf text;
    buf_init(&text);
    buf_puts(&text, "---\ntitle: Bomb\na: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\","
                    "\"lol\",\"lol\",\"lol\"]\n");
    size_t keep = text.len;
    buf_puts(&text, "tags: *a\n---\nBody\n");
    struct article *a = load("bomb.md", text.data);
    assert_int_equal(a->meta.ntags, 9);
    article_free(a);
    text.len = keep;
    text.data[keep] = '\0';
    for (char c = 'b'; c <= 'j'; c++) {
        buf_printf(&text, "%c: &%c [", c, c);
        for (int i = 0; i < 9; i++)
            buf_printf(&text, "%s*%c", i ? "," : "", c - 1);
        buf_puts(&text, "]\n");
    }
    buf_puts(&text, "tags: *j\n---\nBody\n");
    /* b copies in 90 values, c 819, d 7380: e's first alias is over. */
    expect_error("bomb.md", text.data,
                 "bomb.md:7:8: front matter: aliases copy in more than 10000 values");
    buf_free(&text);
}

/* The YAML block as text: "x: " then `depth` opens, "1" and `closes` closes. */
static char *nested_yaml(const char *open, const char *close, int depth, int closes)
{
    struct buf text;
    buf_init(&text);
    buf_puts(&text, "---\ntitle: Deep\nx: ");
    for (int i = 0; i < depth; i++)
        buf_puts(&text, open);
    buf_puts(&text, "1");
    for (int i = 0; i < closes; i++)
        buf_puts(&text, close);
    buf_puts(&text, "\n---\nBody\n");
    return buf_detach(&text, NULL);
}

static void test_front_matter_deep_nesting(void **state)
{
    (void)state;
    static const char *const opens[] = {"[", "{a: ", "[{a: "};
    static const char *const closes[] = {"]", "}", "}]"};
    for (size_t k = 0; k < 3; k++) {
        /* Ordinary nesting loads. */
        char *text = nested_yaml(opens[k], closes[k], 20, 20); /* 41 levels at most */
        struct article *a = load("deep.md", text);
        assert_string_equal(a->title, "Deep");
        assert_string_equal(a->body, "Body");
        assert_int_equal(a->meta.nextra, 1);
        article_free(a);
        free(text);
        /* 100 levels load, 101 do not. */
        int most = 99 / (int)strlen(closes[k]);
        text = nested_yaml(opens[k], closes[k], most, most);
        a = load("deep.md", text);
        article_free(a);
        free(text);
        text = nested_yaml(opens[k], closes[k], most + 1, most + 1);
        expect_error("deep.md", text, "deep.md:3:");
        assert_non_null(strstr(err.msg, "front matter: values nested more than 100 deep"));
        free(text);
        /* 10000 levels, closed or not: an error at the line, at once
         * (libyaml alone would take time quadratic in the depth). */
        int depth = 10000 / (int)strlen(opens[k]);
        for (int closed = 0; closed < 2; closed++) {
            text = nested_yaml(opens[k], closes[k], depth, closed ? depth : 0);
            assert_null(parse("deep.md", text));
            assert_int_equal(strncmp(err.msg, "deep.md:3:", 10), 0);
            free(text);
        }
    }
    /* Brackets inside a long string do not count once they close. */
    struct buf text;
    buf_init(&text);
    buf_puts(&text, "---\ntitle: \"");
    for (int i = 0; i < 500; i++)
        buf_puts(&text, "[x]");
    buf_puts(&text, "\"\n---\nB\n");
    struct article *a = load("flat.md", text.data);
    assert_int_equal(strlen(a->title), 1500);
    article_free(a);
    buf_free(&text);
}

/* A block larger than FRONT_MATTER_MAX is not taken as front matter. */
static void test_front_matter_too_large(void **state)
{
    (void)state;
    struct buf text;
    buf_init(&text);
    buf_puts(&text, "---\ntitle: Big\n");
    while (text.len < FRONT_MATTER_MAX + 100)
        buf_puts(&text, "# a YAML comment line that pads the block out\n");
    buf_puts(&text, "---\nBody\n");
    struct article *a = load("big.md", text.data);
    assert_int_equal(a->format, ARTICLE_PLAIN);
    article_free(a);
    buf_free(&text);
}

/* YAML escapes decode after the file was cleaned: every value is cleaned again. */
static void test_front_matter_escapes_cleaned(void **state)
{
    (void)state;
    struct article *a = load("y.md", "---\n"
                                     "title: \"Spurs\\e[2J win\\x9b31m\\u202e!\\0\\a\\tnow\"\n"
                                     "source: \"\\e]52;c;cm0=\\aBBC\"\n"
                                     "author: \"\\x1b[5mJane\"\n"
                                     "tags: [\"a\\x7fb\", \"\\u0085c\"]\n"
                                     "\"\\e[1mkey\": \"v\\e[0m\"\n"
                                     "---\nBody\n");
    assert_string_equal(a->title, "Spurs win! now");
    assert_string_equal(a->meta.source, "BBC");
    assert_string_equal(a->meta.author, "Jane");
    assert_int_equal(a->meta.ntags, 2);
    assert_string_equal(a->meta.tags[0], "ab");
    assert_string_equal(a->meta.tags[1], "c");
    assert_int_equal(a->meta.nextra, 1);
    assert_string_equal(a->meta.extra[0].key, "key");
    assert_string_equal(a->meta.extra[0].value, "v");
    article_free(a);
}

static void test_position(void **state)
{
    (void)state;
    struct article *a = load("pos.txt", "Title\n\n\xc3\x98"
                                        "degaard scored.\n\nThen Vlahovi\xc4\x87 did.\n");
    assert_int_equal(a->body_line, 3);
    unsigned line = 0, col = 0;
    article_position(a, 0, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 1);
    /* "degaard" starts after the two-byte Ø: column 2. */
    article_position(a, 2, &line, &col);
    assert_int_equal(line, 3);
    assert_int_equal(col, 2);
    /* "Vlahović": line 5, column 6. */
    const char *v = strstr(a->body, "Vlahovi");
    assert_non_null(v);
    article_position(a, (size_t)(v - a->body), &line, &col);
    assert_int_equal(line, 5);
    assert_int_equal(col, 6);
    /* The character after the two-byte ć. */
    article_position(a, (size_t)(v - a->body) + 9, &line, &col);
    assert_int_equal(line, 5);
    assert_int_equal(col, 14);
    /* Past the end: clamped to the end. */
    article_position(a, a->body_len + 100, &line, &col);
    assert_int_equal(line, 5);
    assert_int_equal(col, 19);
    article_free(a);
    /* In a front matter article, lines count from the top of the file. */
    a = load("pos.md", "---\ntitle: T\nsource: S\n---\n\nFirst\nSecond line\n");
    article_position(a, 6, &line, &col);
    assert_int_equal(line, 7);
    assert_int_equal(col, 1);
    article_position(a, 9, &line, &col);
    assert_int_equal(line, 7);
    assert_int_equal(col, 4);
    article_free(a);
}

/* A date written at the top of the text is the date when no front matter
 * gives one; a date line is taken out of the body, a paragraph's dateline
 * stays in it. Written for this project. */
static void test_date_line_at_the_top(void **state)
{
    (void)state;
    static const struct {
        const char *text, *date, *title, *body_starts;
    } cases[] = {
        {"Published 12 August 2023\nShare this\nCity sign a winger\n\nCity have signed a winger.\n",
         "2023-08-12", "City sign a winger", "City have"},
        {"City sign a winger\nUpdated: 3 March 2024 10:02 GMT\n\nCity have signed a winger.\n",
         "2024-03-03", "City sign a winger", "City have"},
        {"City sign a winger\n\nFirst published on Tuesday 5th September 2023, 7:15pm\nCity "
         "have signed.\n",
         "2023-09-05", "City sign a winger", "City have"},
        {"City sign a winger\n\nMADRID, Jan 9, 2024 (AP) - City have signed a winger.\n",
         "2024-01-09", "City sign a winger", "MADRID"},
        {"City sign a winger\n\n2022-11-30\n\nCity have signed a winger.\n", "2022-11-30",
         "City sign a winger", "City have"},
        /* leads, weekdays and months in any case, a month's short form */
        {"City sign a winger\nupdated on TUESDAY 5 sept 2023 10:02 GMT\n\nCity have signed.\n",
         "2023-09-05", "City sign a winger", "City have"},
        {"City sign a winger\nMAY 5 2023\n\nCity have signed.\n", "2023-05-05",
         "City sign a winger", "City have"},
        /* a dateline ends at its first cut: an em dash, a spaced hyphen before a " (" */
        {"City sign a winger\n\nPARIS, 9 January 2024 \xe2\x80\x94 City have signed.\n",
         "2024-01-09", "City sign a winger", "PARIS"},
        {"City sign a winger\n\nLONDON, Jan 9, 2024 - City (the champions) have signed.\n",
         "2024-01-09", "City sign a winger", "LONDON"},
        /* not date lines: a sentence with a date, an impossible date */
        {"City sign a winger\n\nOn 12 August 2023 City signed a winger from Porto.\n", MTIME_DATE,
         "City sign a winger", "On 12"},
        {"City sign a winger\n\n31 February 2023\n\nCity have signed.\n", MTIME_DATE,
         "City sign a winger", "31 February"},
        /* the first cut, " (", comes before the date: no dateline */
        {"City sign a winger\n\nCity (the champions) said on Jan 9, 2024 - a deal.\n", MTIME_DATE,
         "City sign a winger", "City (the"},
        /* front matter wins; without a date in it, the body's date line counts */
        {"---\ntitle: T\ndate: 2020-01-02\n---\nPublished 12 August 2023\n\nText.\n", "2020-01-02",
         "T", "Published"},
        {"---\ntitle: T\n---\nPublished 12 August 2023\n\nText.\n", "2023-08-12", "T", "Text."},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct article *a = load("dated.txt", cases[i].text);
        assert_string_equal(a->date, cases[i].date);
        assert_int_equal(a->date_from_mtime, !strcmp(cases[i].date, MTIME_DATE));
        assert_string_equal(a->title, cases[i].title);
        assert_memory_equal(a->body, cases[i].body_starts, strlen(cases[i].body_starts));
        article_free(a);
    }
}

/* HTML character references in plain text are decoded once, on load. */
static void test_character_references_decoded_once(void **state)
{
    (void)state;
    static const struct {
        const char *text, *title, *body;
    } cases[] = {
        {"Spurs bid &#163;8m for duo\n\nA move to S&#227;o Paulo &amp; back.\n",
         "Spurs bid \xc2\xa3"
         "8m for duo",
         "A move to S\xc3\xa3o Paulo & back."},
        {"Fee &#xA3;5m\n\n&lt;b&gt; &quot;Pel&#233;&quot; &apos;x&apos;\n",
         "Fee \xc2\xa3"
         "5m",
         "<b> \"Pel\xc3\xa9\" 'x'"},
        /* once: &amp;#163; is the text &#163; */
        {"T\n\n&amp;#163; stays\n", "T", "&#163; stays"},
        /* not references, or not displayable: kept as written */
        {"T\n\nAT&T &#27; &#x9b; &#xD800; &#99999999; &# &#; &pound; R&B\n", "T",
         "AT&T &#27; &#x9b; &#xD800; &#99999999; &# &#; &pound; R&B"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
        struct article *a = load("refs.txt", cases[i].text);
        assert_string_equal(a->title, cases[i].title);
        assert_string_equal(a->body, cases[i].body);
        article_free(a);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_plain_bbc_format),
        cmocka_unit_test(test_paragraphs_kept),
        cmocka_unit_test(test_title_only),
        cmocka_unit_test(test_furniture_skipped),
        cmocka_unit_test(test_each_furniture_line),
        cmocka_unit_test(test_headlines_not_furniture),
        cmocka_unit_test(test_long_first_line),
        cmocka_unit_test(test_plain_markdown_heading),
        cmocka_unit_test(test_rules_are_not_headlines),
        cmocka_unit_test(test_empty_and_blank),
        cmocka_unit_test(test_hostile_text_cleaned),
        cmocka_unit_test(test_front_matter_fields),
        cmocka_unit_test(test_front_matter_tags),
        cmocka_unit_test(test_front_matter_odd_types),
        cmocka_unit_test(test_front_matter_bad_dates),
        cmocka_unit_test(test_front_matter_title_fallbacks),
        cmocka_unit_test(test_front_matter_fences),
        cmocka_unit_test(test_front_matter_bad_yaml),
        cmocka_unit_test(test_front_matter_not_a_mapping),
        cmocka_unit_test(test_front_matter_alias_bomb),
        cmocka_unit_test(test_front_matter_deep_nesting),
        cmocka_unit_test(test_front_matter_too_large),
        cmocka_unit_test(test_front_matter_escapes_cleaned),
        cmocka_unit_test(test_position),
        cmocka_unit_test(test_date_line_at_the_top),
        cmocka_unit_test(test_character_references_decoded_once),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
