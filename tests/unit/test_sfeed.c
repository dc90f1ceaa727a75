/* test_sfeed: sfeed(5) lines as articles (core/load/sfeed.c): telling an
 * sfeed file by its first line, checking lines, every field's place in the
 * article, the escapes of the content, html and plain content, hostile
 * text, odd timestamps, a line with a carriage return, and the scan's
 * expansion of a file into FILE#LINE entries with its malformed lines as
 * problems. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/load/article.h"
#include "core/load/scan.h"
#include "core/load/sfeed.h"

#define MTIME ((time_t)1700000000) /* 2023-11-14 */

static struct article *parse(const char *line)
{
    struct tl_error err;
    struct article *a = sfeed_parse_line("f#1", "Wire", line, strlen(line), MTIME, &err);
    assert_non_null(a);
    return a;
}

static void test_sniff(void **state)
{
    (void)state;
    const char *ok = "1701684000\tT\thttp://x/\tc\tplain\tid\ta\te\tcat\nrest";
    assert_true(sfeed_sniff(ok, strlen(ok)));
    assert_false(sfeed_sniff("", 0));
    const char *eight = "1701684000\tT\thttp://x/\tc\tplain\tid\ta\te\n";
    assert_false(sfeed_sniff(eight, strlen(eight)));
    const char *ten = "1701684000\tT\thttp://x/\tc\tplain\tid\ta\te\tc\tx\n";
    assert_false(sfeed_sniff(ten, strlen(ten)));
    const char *word = "today\tT\thttp://x/\tc\tplain\tid\ta\te\tcat\n";
    assert_false(sfeed_sniff(word, strlen(word)));
    const char *empty_time = "\tT\thttp://x/\tc\tplain\tid\ta\te\tcat\n";
    assert_false(sfeed_sniff(empty_time, strlen(empty_time)));
    const char *prose = "Arsenal beat Chelsea\n\nSaka scored.\n";
    assert_false(sfeed_sniff(prose, strlen(prose)));
}

static void test_check_line(void **state)
{
    (void)state;
    unsigned col = 0;
    const char *what = NULL;
    const char *empty_time = "\tT\thttp://x/\tc\tplain\tid\ta\te\tcat";
    assert_true(sfeed_check_line(empty_time, strlen(empty_time), &col, &what));
    assert_false(sfeed_check_line("12\tonly two", 11, &col, &what));
    assert_int_equal(col, 1);
    assert_non_null(strstr(what, "fewer than 9"));
    const char *neg = "-5\tT\tl\tc\tplain\tid\ta\te\tcat";
    assert_false(sfeed_check_line(neg, strlen(neg), &col, &what));
    assert_non_null(strstr(what, "timestamp"));
}

static void test_fields(void **state)
{
    (void)state;
    struct article *a = parse("1701684000\tSaka seals win\thttps://example.org/s\tOne\\ntwo "
                              "\\\\ three\tplain\ttag:1\tJane Doe\thttps://example.org/e.mp3\t"
                              "Premier League|Arsenal||");
    assert_int_equal(a->format, ARTICLE_SFEED);
    assert_string_equal(a->path, "f#1");
    assert_string_equal(a->title, "Saka seals win");
    assert_string_equal(a->date, "2023-12-04");
    assert_false(a->date_from_mtime);
    assert_string_equal(a->meta.url, "https://example.org/s");
    assert_string_equal(a->meta.source, "Wire");
    assert_string_equal(a->meta.author, "Jane Doe");
    assert_string_equal(a->body, "One\ntwo \\ three");
    assert_int_equal(a->meta.ntags, 2);
    assert_string_equal(a->meta.tags[0], "Premier League");
    assert_string_equal(a->meta.tags[1], "Arsenal");
    assert_int_equal(a->meta.nextra, 2);
    assert_string_equal(a->meta.extra[0].key, "guid");
    assert_string_equal(a->meta.extra[0].value, "tag:1");
    article_free(a);
}

static void test_html_content(void **state)
{
    (void)state;
    struct article *a = parse("1701684000\tT\thttps://example.org/s\t<p>Saka &amp; Rice "
                              "<b>scored</b>.</p>\\n<script>alert(1)</script><p>Second.</p>"
                              "\thtml\t\t\t\t");
    assert_string_equal(a->body, "Saka & Rice scored.\n\nSecond.");
    article_free(a);
}

static void test_hostile(void **state)
{
    (void)state;
    struct article *a = parse("1701684000\tEvil \x1b[31mred\x1b]0;x\x07 \xe2\x80\xae"
                              "title\thttps://e/\ttext \x1b[2J\\n\x1b[H end\tplain\t\t"
                              "M\x1b[1m\t\t");
    assert_null(strchr(a->title, '\x1b'));
    assert_null(strstr(a->title, "\xe2\x80\xae"));
    assert_null(strchr(a->body, '\x1b'));
    assert_null(strchr(a->meta.author, '\x1b'));
    article_free(a);
    /* Odd timestamps: empty and far beyond year 9999 give the file's date. */
    a = parse("\tT\tl\tc\tplain\t\t\t\t");
    assert_true(a->date_from_mtime);
    article_free(a);
    a = parse("999999999999999999\tT\tl\tc\tplain\t\t\t\t");
    assert_string_equal(a->date, "2023-11-14");
    article_free(a);
    a = parse("0\t\tl\t\tplain\t\t\t\t\r");
    assert_string_equal(a->date, "1970-01-01");
    assert_string_equal(a->title, "(untitled)");
    assert_string_equal(a->body, "");
    article_free(a);
    struct tl_error err;
    assert_null(sfeed_parse_line("f#2", "W", "1\t2", 3, MTIME, &err));
    assert_non_null(strstr(err.msg, "f#2: not an sfeed item"));
}

static void test_scan(void **state)
{
    (void)state;
    char dir[] = "/tmp/test_sfeed_XXXXXX";
    assert_non_null(mkdtemp(dir));
    char path[64];
    snprintf(path, sizeof path, "%s/wire", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("1701684000\tA\tl\tc\tplain\t\t\t\t\n\nbroken\n1701684001\tB\tl\tc\tplain\t\t\t\t", f);
    fclose(f);
    struct scan s;
    scan_init(&s);
    struct tl_error err;
    assert_true(scan_path(&s, path, &err));
    assert_int_equal(s.n, 3);
    char want[96];
    snprintf(want, sizeof want, "%s#1", path);
    assert_string_equal(s.v[0].path, want);
    assert_non_null(s.v[0].sfeed);
    assert_int_equal(s.v[0].sfeed->offset, 0);
    snprintf(want, sizeof want, "%s:3:1: not an sfeed item", path);
    assert_non_null(s.v[1].problem);
    assert_non_null(strstr(s.v[1].problem, want));
    assert_int_equal(s.v[2].sfeed->line, 4);
    scan_free(&s);
    /* FILE#LINE names one line. */
    scan_init(&s);
    snprintf(want, sizeof want, "%s#4", path);
    assert_true(scan_path(&s, want, &err));
    assert_int_equal(s.n, 1);
    assert_string_equal(s.v[0].path, want);
    scan_free(&s);
    scan_init(&s);
    snprintf(want, sizeof want, "%s#2", path); /* a blank line: no such article */
    assert_false(scan_path(&s, want, &err));
    scan_free(&s);
    unlink(path);
    rmdir(dir);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_sniff),   cmocka_unit_test(test_check_line),
        cmocka_unit_test(test_fields),  cmocka_unit_test(test_html_content),
        cmocka_unit_test(test_hostile), cmocka_unit_test(test_scan),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
