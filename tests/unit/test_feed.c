/* test_feed: the feed parser (RSS 2.0, RDF, Atom; HTML to text; relative
 * links; dates; entities never substituted), the subscription files
 * (newsboat urls, OPML) and the item keys and folder names of the store. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <string.h>

#include <cmocka.h>

#include "core/fetch/feed.h"
#include "core/fetch/store.h"
#include "core/fetch/subs.h"

static struct feed parse_ok(const char *xml, const char *base)
{
    struct feed f;
    struct tl_error err = {{0}};
    bool ok = feed_parse(xml, strlen(xml), base, &f, &err);
    if (!ok)
        fail_msg("feed_parse: %s", err.msg);
    return f;
}

static void test_rss2(void **state)
{
    (void)state;
    struct feed f = parse_ok(
        "<rss version='2.0' xmlns:content='http://purl.org/rss/1.0/modules/content/'><channel>"
        "<title>Wire</title><item><title>A &amp; B</title><link>/a?x=1</link><guid>g1</guid>"
        "<pubDate>Tue, 05 Dec 2023 10:30:00 +0100</pubDate>"
        "<description>short</description>"
        "<content:encoded><![CDATA[<p>One &eacute;</p><script>x()</script><p>Two</p>]]>"
        "</content:encoded></item>"
        "<item><title>C</title><description>&lt;b&gt;Bold&lt;/b&gt; text</description></item>"
        "</channel></rss>",
        "https://news.example/feeds/rss.xml");
    assert_int_equal(f.kind, FEED_RSS);
    assert_string_equal(f.title, "Wire");
    assert_int_equal(f.nitems, 2);
    assert_string_equal(f.items[0].title, "A & B");
    assert_string_equal(f.items[0].link, "https://news.example/a?x=1");
    assert_string_equal(f.items[0].guid, "g1");
    assert_string_equal(f.items[0].date, "2023-12-05T09:30:00Z");
    assert_string_equal(f.items[0].text, "One é\n\nTwo");
    assert_string_equal(f.items[1].text, "Bold text");
    assert_null(f.items[1].link);
    assert_null(f.items[1].date);
    feed_free(&f);
}

static void test_rdf_and_atom(void **state)
{
    (void)state;
    struct feed f = parse_ok(
        "<rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' "
        "xmlns='http://purl.org/rss/1.0/' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
        "<channel><title>R</title></channel><item rdf:about='https://r.example/1'>"
        "<title>T</title><link>https://r.example/1</link><dc:date>2023-12-01</dc:date></item>"
        "</rdf:RDF>",
        NULL);
    assert_int_equal(f.kind, FEED_RDF);
    assert_int_equal(f.nitems, 1);
    assert_string_equal(f.items[0].guid, "https://r.example/1");
    assert_string_equal(f.items[0].date, "2023-12-01T00:00:00Z");
    feed_free(&f);
    f = parse_ok("<feed xmlns='http://www.w3.org/2005/Atom' xml:base='https://a.example/b/'>"
                 "<title>A</title><entry><title type='html'>&lt;em&gt;X&lt;/em&gt; Y</title>"
                 "<link rel='self' href='/self'/><link href='p/1'/><id>i1</id>"
                 "<updated>2023-12-06T11:00:00+02:00</updated>"
                 "<content type='xhtml'><div xmlns='http://www.w3.org/1999/xhtml'><p>P1</p>"
                 "<p>P2 <b>b</b></p></div></content></entry>"
                 "<entry><title>S</title><summary>Just   a\n summary &lt;3</summary></entry>"
                 "</feed>",
                 "https://ignored.example/");
    assert_int_equal(f.kind, FEED_ATOM);
    assert_int_equal(f.nitems, 2);
    assert_string_equal(f.items[0].title, "X Y");
    assert_string_equal(f.items[0].link, "https://a.example/b/p/1");
    assert_string_equal(f.items[0].date, "2023-12-06T09:00:00Z");
    assert_string_equal(f.items[0].text, "P1\n\nP2 b");
    assert_string_equal(f.items[1].text, "Just a summary <3");
    feed_free(&f);
}

static void test_hostile(void **state)
{
    (void)state;
    const char *xxe = "<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY x SYSTEM "
                      "'file:///etc/passwd'><!ENTITY y 'internal'>]>"
                      "<rss><channel><item><title>a&x;b&y;c</title>"
                      "<description>d&x;e</description></item></channel></rss>";
    struct feed f = parse_ok(xxe, NULL);
    assert_int_equal(f.nitems, 1);
    assert_string_equal(f.items[0].title, "abc"); /* neither entity substituted */
    assert_string_equal(f.items[0].text, "de");
    feed_free(&f);
    struct tl_error err = {{0}};
    assert_false(feed_parse("<<<", 3, NULL, &f, &err));
    assert_non_null(strstr(err.msg, "XML error at line 1, column"));
    assert_false(feed_parse("<html/>", 7, NULL, &f, &err));
    assert_non_null(strstr(err.msg, "not a feed"));
    assert_false(feed_parse("", 0, NULL, &f, &err));
    const char *evil_link = "<rss><channel><item><link>javascript:alert(1)</link>"
                            "<guid>file:///etc/passwd</guid></item></channel></rss>";
    f = parse_ok(evil_link, "https://x.example/");
    assert_null(f.items[0].link); /* only http(s) links */
    feed_free(&f);
}

static void test_dates(void **state)
{
    (void)state;
    char out[21];
    assert_true(feed_date_iso("Mon, 04 Dec 2023 23:30:00 -0100", out));
    assert_string_equal(out, "2023-12-05T00:30:00Z");
    assert_true(feed_date_iso("4 Dec 23 10:00 GMT", out));
    assert_string_equal(out, "2023-12-04T10:00:00Z");
    assert_true(feed_date_iso("2024-02-29T23:59:59.5Z", out));
    assert_string_equal(out, "2024-02-29T23:59:59Z");
    assert_false(feed_date_iso("2023-02-30", out));
    assert_false(feed_date_iso("yesterday", out));
    assert_false(feed_date_iso("Mon, 04 Foo 2023 10:00:00 GMT", out));
}

static void test_urls_file(void **state)
{
    (void)state;
    const char *text = "# comment\n\n"
                       "https://a.example/rss \"~My Feed\" sport \"two words\"\n"
                       "  query:Unread:unread = \"yes\"\n"
                       "http://b.example/atom !hidden\n"
                       "https://a.example/rss again\n";
    struct subs s;
    subs_init(&s);
    struct buf w;
    buf_init(&w);
    struct tl_error err = {{0}};
    assert_true(subs_read_urls("urls", text, strlen(text), &s, &w, &err));
    assert_int_equal(s.n, 2);
    assert_string_equal(s.v[0].name, "My Feed");
    assert_int_equal(s.v[0].ntags, 2);
    assert_string_equal(s.v[0].tags[1], "two words");
    assert_null(s.v[1].name);
    assert_string_equal(s.v[1].tags[0], "hidden");
    assert_string_equal(w.data, "urls:4:3: warning: 'query:' lines are newsboat's own; skipped\n");
    assert_false(subs_read_urls("urls", "ftp://x/\n", 9, &s, &w, &err));
    assert_string_equal(err.msg, "urls:1:1: 'ftp://x/' is not an http or https URL; expected a "
                                 "URL then its tags");
    subs_free(&s);
    buf_free(&w);
}

static void test_opml(void **state)
{
    (void)state;
    const char *text =
        "<?xml version='1.0'?><opml version='2.0'><head/><body>"
        "<outline text='Football'><outline text='Club' xmlUrl='https://c.example/rss'/>"
        "<outline title='Bad' xmlUrl='file:///etc/passwd'/></outline>"
        "<outline text='Top' xmlUrl='http://t.example/feed'/></body></opml>";
    struct subs s;
    subs_init(&s);
    struct buf w;
    buf_init(&w);
    struct tl_error err = {{0}};
    assert_true(subs_read_opml("s.opml", text, strlen(text), &s, &w, &err));
    assert_int_equal(s.n, 2);
    assert_string_equal(s.v[0].name, "Club");
    assert_int_equal(s.v[0].ntags, 1);
    assert_string_equal(s.v[0].tags[0], "Football");
    assert_string_equal(s.v[1].name, "Top");
    assert_int_equal(s.v[1].ntags, 0);
    assert_non_null(strstr(w.data, "1 outline(s) with a URL that is not http(s) skipped"));
    assert_false(subs_read_opml("s.opml", "<rss/>", 6, &s, &w, &err));
    assert_string_equal(err.msg, "s.opml:1:1: <rss> is not OPML; expected <opml> with a <body> "
                                 "of <outline>s");
    subs_free(&s);
    buf_free(&w);
}

static void test_store_names(void **state)
{
    (void)state;
    struct feed_item a = {.guid = "g1", .link = "https://x/1"}, b = {.link = "https://x/1"};
    char ka[13], kb[13], ka2[13];
    store_item_key(&a, ka);
    store_item_key(&b, kb);
    a.link = "https://x/other";
    store_item_key(&a, ka2);
    assert_string_equal(ka, ka2); /* the guid decides */
    assert_string_not_equal(ka, kb);
    assert_int_equal(strlen(ka), 12);
    struct buf n;
    buf_init(&n);
    store_folder_name("../Evil/\x1b[31m name", &n);
    assert_string_equal(n.data, "_._Evil__[31m name");
    buf_free(&n);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rss2),        cmocka_unit_test(test_rdf_and_atom),
        cmocka_unit_test(test_hostile),     cmocka_unit_test(test_dates),
        cmocka_unit_test(test_urls_file),   cmocka_unit_test(test_opml),
        cmocka_unit_test(test_store_names),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
