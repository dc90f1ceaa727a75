/* test_html: web pages. Golden files: each tests/fixtures/pages/NAME.html
 * (small pages written for these tests, one per rule: menus, comments,
 * related links, cookie banners, an article split by an ad, a live blog, a
 * gallery caption, JSON-LD only, charsets, <br> runs, hidden nodes,
 * entities, metadata, escapes in scripts) is loaded as an article and
 * compared with NAME.expected. Then the API itself: header charset, base
 * URL, sniffing, and hostile pages (deep nesting, a 10 MB attribute, a page
 * over the limit, NUL bytes, broken encodings). */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "core/base/buf.h"
#include "core/base/utf8.h"
#include "core/base/xalloc.h"
#include "core/html/html.h"
#include "core/load/article.h"

/* 2023-11-14 22:13:20 UTC: the date of a page without one. */
#define MTIME ((time_t)1700000000)

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    struct buf b;
    buf_init(&b);
    char chunk[4096];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_append(&b, chunk, n);
    fclose(f);
    return buf_detach(&b, len);
}

/* The article as `touchline show` prints its fields, then the body. */
static char *describe(const struct article *a)
{
    struct buf b;
    buf_init(&b);
    buf_printf(&b, "title: %s\ndate: %s%s\n", a->title, a->date,
               a->date_from_mtime ? " (file time)" : "");
    if (a->meta.source)
        buf_printf(&b, "source: %s\n", a->meta.source);
    if (a->meta.url)
        buf_printf(&b, "url: %s\n", a->meta.url);
    if (a->meta.author)
        buf_printf(&b, "author: %s\n", a->meta.author);
    buf_printf(&b, "\n%s\n", a->body);
    return buf_detach(&b, NULL);
}

static void check_page(const char *dir, const char *name)
{
    char path[1024];
    snprintf(path, sizeof path, "%s/%s.html", dir, name);
    size_t len;
    char *html = read_all(path, &len);
    assert_non_null(html);
    struct tl_error err;
    struct article *a = article_parse(path, html, len, MTIME, NULL, &err);
    assert_non_null(a);
    assert_int_equal(a->format, ARTICLE_HTML);
    char *got = describe(a);
    snprintf(path, sizeof path, "%s/%s.expected", dir, name);
    char *want = read_all(path, &len);
    if (!want || strcmp(got, want) != 0) {
        print_error("%s: got\n%s\n--- want\n%s\n", name, got, want ? want : "(no file)");
        fail();
    }
    free(want);
    free(got);
    article_free(a);
    free(html);
}

static void test_golden_pages(void **state)
{
    (void)state;
    const char *src = getenv("TOUCHLINE_SOURCE_DIR");
    assert_non_null(src);
    char dir[400];
    snprintf(dir, sizeof dir, "%s/tests/fixtures/pages", src);
    DIR *d = opendir(dir);
    assert_non_null(d);
    size_t pages = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t n = strlen(e->d_name);
        if (n < 6 || strcmp(e->d_name + n - 5, ".html") != 0)
            continue;
        char name[256];
        snprintf(name, sizeof name, "%.*s", (int)(n - 5), e->d_name);
        check_page(dir, name);
        pages++;
    }
    closedir(d);
    assert_true(pages >= 18);
}

static struct html_page extract(const char *html, size_t len, const char *base, const char *cs)
{
    struct html_page p;
    struct tl_error err;
    assert_true(html_extract(html, len, base, cs, &p, &err));
    assert_non_null(p.text);
    assert_int_equal(strlen(p.text), p.text_len);
    return p;
}

static void assert_valid_utf8(const char *s, size_t len)
{
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        assert_false(cp == UTF8_REPLACEMENT && n == 1);
        i += n;
    }
}

static void test_header_charset_wins(void **state)
{
    (void)state;
    /* UTF-8 bytes under a meta that says windows-1252: the header is right. */
    static const char page[] = "<html><head><meta charset=\"windows-1252\"></head><body><p>"
                               "Z\xc3\xbcrich</p></body></html>";
    struct html_page p = extract(page, sizeof page - 1, NULL, "utf-8");
    assert_string_equal(p.text, "Z\xc3\xbcrich");
    html_page_free(&p);
    p = extract(page, sizeof page - 1, NULL, NULL); /* the meta read alone: mojibake */
    assert_string_equal(p.text, "Z\xc3\x83\xc2\xbcrich");
    html_page_free(&p);
}

static void test_base_url(void **state)
{
    (void)state;
    static const char page[] = "<html><head><link rel=\"canonical\" href=\"../b/c.html\">"
                               "<title>T</title></head><body><p>x</p></body></html>";
    struct html_page p = extract(page, sizeof page - 1, "https://example.org/a/x/y.html", NULL);
    assert_string_equal(p.canonical_url, "https://example.org/a/b/c.html");
    html_page_free(&p);
}

static void test_sniff(void **state)
{
    (void)state;
    static const char *const yes[] = {"<!DOCTYPE html><p>x", "\xef\xbb\xbf  <html lang=en>",
                                      "<!-- saved -->\n<HTML>", "<head><title>x",
                                      "<?xml version=\"1.0\"?>\n<html>"};
    static const char *const no[] = {"Spurs sign <b>striker</b>", "---\ntitle: x\n---\n",
                                     "<htmlish>", "", "<!-- never ends"};
    for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
        assert_true(html_sniff(yes[i], strlen(yes[i])));
    for (size_t i = 0; i < sizeof no / sizeof *no; i++)
        assert_false(html_sniff(no[i], strlen(no[i])));
}

static void test_deep_nesting(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b);
    buf_puts(&b, "<html><body>");
    for (int i = 0; i < 100000; i++)
        buf_puts(&b, "<div>");
    buf_puts(&b, "deep text");
    for (int i = 0; i < 100000; i++)
        buf_puts(&b, "</div>");
    struct html_page p = extract(b.data, b.len, NULL, NULL);
    assert_valid_utf8(p.text, p.text_len);
    html_page_free(&p);
    buf_free(&b);
}

static void test_huge_attribute(void **state)
{
    (void)state;
    struct buf b;
    buf_init(&b);
    buf_puts(&b, "<html><body><div class=\"");
    for (int i = 0; i < 10 * 1024 * 1024 / 8; i++)
        buf_puts(&b, "comment ");
    buf_puts(&b, "\" title=\"x\"><p>After the long attribute, the article text, with a comma, "
                 "and a full stop.</p></div></body></html>");
    struct html_page p = extract(b.data, b.len, NULL, NULL);
    assert_non_null(strstr(p.text, "After the long attribute"));
    html_page_free(&p);
    buf_free(&b);
}

static void test_too_large(void **state)
{
    (void)state;
    size_t len = HTML_MAX_BYTES + 1;
    char *big = xmalloc(len);
    memset(big, ' ', len);
    memcpy(big, "<html>", 6);
    struct html_page p;
    struct tl_error err;
    assert_false(html_extract(big, len, NULL, NULL, &p, &err));
    assert_non_null(strstr(err.msg, "web page too large (52428801 bytes; the limit is 52428800)"));
    assert_null(p.text);
    free(big);
}

static void test_nul_and_broken_bytes(void **state)
{
    (void)state;
    static const char page[] = "<html><body><p>Half\0way \xff\xfe broken \xc3 and \xe2\x82 cut "
                               "\xed\xa0\x80 surrogate</p></body></html>";
    struct html_page p = extract(page, sizeof page - 1, NULL, NULL);
    assert_valid_utf8(p.text, p.text_len);
    assert_non_null(strstr(p.text, "Halfway"));
    assert_non_null(strstr(p.text, "\xef\xbf\xbd"));
    html_page_free(&p);
    p = extract(page, sizeof page - 1, NULL, "shift_jis");
    assert_valid_utf8(p.text, p.text_len);
    html_page_free(&p);
}

static void test_escapes_never_reach_the_body(void **state)
{
    (void)state;
    static const char page[] = "<html><head><title>\x1b]0;t\x07Title</title></head><body><p>"
                               "Text &#x1b;[2J and \x1b[31mred\x1b[0m here</p><script>"
                               "x='\x1b[2J'</script></body></html>";
    struct tl_error err;
    struct article *a = article_parse("p.html", page, sizeof page - 1, MTIME, NULL, &err);
    assert_non_null(a);
    assert_null(strchr(a->body, 0x1b));
    assert_null(strchr(a->title, 0x1b));
    assert_null(strchr(a->title, 0x07));
    assert_null(strstr(a->body, "x="));
    article_free(a);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_golden_pages),
        cmocka_unit_test(test_header_charset_wins),
        cmocka_unit_test(test_base_url),
        cmocka_unit_test(test_sniff),
        cmocka_unit_test(test_deep_nesting),
        cmocka_unit_test(test_huge_attribute),
        cmocka_unit_test(test_too_large),
        cmocka_unit_test(test_nul_and_broken_bytes),
        cmocka_unit_test(test_escapes_never_reach_the_body),
    };
    setenv("TZ", "UTC", 1);
    return cmocka_run_group_tests(tests, NULL, NULL);
}
