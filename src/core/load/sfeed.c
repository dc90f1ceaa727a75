/* sfeed: one line of an sfeed(5) TSV file as an article (see sfeed.h). */
#include "core/load/sfeed.h"
#include "core/base/buf.h"
#include "core/base/xalloc.h"
#include "core/html/html.h"
#include "core/html/xml_lib.h"
#include "core/load/article.h"
#include "core/load/sanitize.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { F_TIME, F_TITLE, F_LINK, F_CONTENT, F_TYPE, F_ID, F_AUTHOR, F_ENCLOSURE, F_CATEGORY, NF };

struct field {
    const char *s;
    size_t len;
};

/* Splits a line at its tabs; the number of fields (NF + 1 means more). */
static size_t split(const char *s, size_t len, struct field f[NF])
{
    size_t n = 0, start = 0;
    for (size_t i = 0; i <= len; i++) {
        if (i < len && s[i] != '\t')
            continue;
        if (n == NF)
            return NF + 1;
        f[n++] = (struct field){s + start, i - start};
        start = i + 1;
    }
    return n;
}

static bool all_digits(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (s[i] < '0' || s[i] > '9')
            return false;
    return len <= 18;
}

bool sfeed_check_line(const char *s, size_t len, unsigned *col, const char **what)
{
    struct field f[NF];
    size_t n = split(s, len, f);
    if (n != NF) {
        *col = 1;
        *what = n > NF ? "not an sfeed item: more than 9 tab-separated fields"
                       : "not an sfeed item: fewer than 9 tab-separated fields";
        return false;
    }
    if (!all_digits(f[F_TIME].s, f[F_TIME].len)) {
        *col = 1;
        *what = "not an sfeed item: the timestamp is not a number";
        return false;
    }
    return true;
}

bool sfeed_sniff(const char *head, size_t len)
{
    const char *nl = memchr(head, '\n', len);
    size_t n = nl ? (size_t)(nl - head) : len;
    if (n && head[n - 1] == '\r')
        n--;
    struct field f[NF];
    return n && split(head, n, f) == NF && f[F_TIME].len && all_digits(f[F_TIME].s, f[F_TIME].len);
}

/* A field made safe and one line (tabs and newlines as spaces, trimmed), or NULL when empty. */
static char *clean_field(const char *s, size_t len)
{
    struct buf b;
    buf_init(&b);
    sanitize_text(s, len, &b, NULL);
    size_t start = 0, end = b.len;
    for (size_t i = 0; i < b.len; i++)
        if (b.data[i] == '\n' || b.data[i] == '\t')
            b.data[i] = ' ';
    while (start < end && b.data[start] == ' ')
        start++;
    while (end > start && b.data[end - 1] == ' ')
        end--;
    char *t = end > start ? xstrndup(b.data + start, end - start) : NULL;
    buf_free(&b);
    return t;
}

/* sfeed's escapes of the content field: \t, \n and \\ (others kept as written). */
static void unescape(const char *s, size_t len, struct buf *out)
{
    for (size_t i = 0; i < len; i++) {
        char c = s[i];
        if (c == '\\' && i + 1 < len && strchr("tn\\", s[i + 1])) {
            char e = s[++i];
            c = e == 't' ? '\t' : e == 'n' ? '\n' : '\\';
        }
        buf_putc(out, c);
    }
}

/* The body: the content unescaped, an html one reduced to its text, then
 * sanitised and trimmed. Without libxml2 an html body cannot be read (its
 * tags would show as text): false, with the loader's reason in *why. */
static bool set_body(struct article *a, const struct field *content, const struct field *type,
                     const char **why)
{
    bool is_html = type->len == 4 && !strncasecmp(type->s, "html", 4);
    if (is_html && content->len && !xml_lib_get(why))
        return false;
    struct buf raw, clean;
    buf_init(&raw);
    buf_init(&clean);
    unescape(content->s, content->len, &raw);
    struct html_page p;
    struct tl_error e;
    bool html = is_html && raw.len && html_extract(raw.data, raw.len, a->meta.url, "UTF-8", &p, &e);
    if (html) {
        sanitize_text(p.text ? p.text : "", p.text ? p.text_len : 0, &clean, NULL);
        html_page_free(&p);
    } else {
        sanitize_text(raw.data ? raw.data : "", raw.len, &clean, NULL);
    }
    size_t start = 0, end = clean.len;
    while (start < end && (clean.data[start] == '\n' || clean.data[start] == ' '))
        start++;
    while (end > start && strchr("\n \t", clean.data[end - 1]))
        end--;
    a->body = xstrndup(clean.len ? clean.data + start : "", end - start);
    a->body_len = end - start;
    buf_free(&raw);
    buf_free(&clean);
    return true;
}

static void set_date(struct article *a, const struct field *t, time_t mtime)
{
    if (!t->len) {
        article_date_from_mtime(a, mtime);
        return;
    }
    time_t when = (time_t)strtoll(t->s, NULL, 10);
    struct tm tm;
    if (!gmtime_r(&when, &tm) || tm.tm_year + 1900 > 9999 ||
        !strftime(a->date, sizeof a->date, "%Y-%m-%d", &tm))
        article_date_from_mtime(a, mtime);
}

/* Categories are separated by '|'. */
static void set_tags(struct article *a, const struct field *cat)
{
    size_t start = 0;
    for (size_t i = 0; i <= cat->len; i++) {
        if (i < cat->len && cat->s[i] != '|')
            continue;
        char *t = clean_field(cat->s + start, i - start);
        if (t) {
            a->meta.tags = xrealloc(a->meta.tags, (a->meta.ntags + 1) * sizeof *a->meta.tags);
            a->meta.tags[a->meta.ntags++] = t;
        }
        start = i + 1;
    }
}

static void add_extra(struct article *a, const char *key, const struct field *f)
{
    char *v = clean_field(f->s, f->len);
    if (!v)
        return;
    a->meta.extra = xrealloc(a->meta.extra, (a->meta.nextra + 1) * sizeof *a->meta.extra);
    a->meta.extra[a->meta.nextra++] = (struct meta_field){xstrdup(key), v};
}

struct article *sfeed_parse_line(const char *vpath, const char *feed, const char *s, size_t len,
                                 time_t mtime, struct tl_error *err)
{
    if (len && s[len - 1] == '\r')
        len--;
    struct field f[NF];
    unsigned col;
    const char *what;
    if (!sfeed_check_line(s, len, &col, &what)) {
        tl_error_set(err, "%s: %s", vpath, what);
        return NULL;
    }
    split(s, len, f);
    struct article *a = xcalloc(1, sizeof *a);
    a->path = xstrdup(vpath);
    a->format = ARTICLE_SFEED;
    a->body_line = 1;
    a->title = clean_field(f[F_TITLE].s, f[F_TITLE].len);
    if (!a->title)
        a->title = xstrdup("(untitled)");
    a->meta.url = clean_field(f[F_LINK].s, f[F_LINK].len);
    a->meta.source = clean_field(feed, strlen(feed));
    a->meta.author = clean_field(f[F_AUTHOR].s, f[F_AUTHOR].len);
    add_extra(a, "guid", &f[F_ID]);
    add_extra(a, "enclosure", &f[F_ENCLOSURE]);
    set_tags(a, &f[F_CATEGORY]);
    const char *why = NULL;
    if (!set_body(a, &f[F_CONTENT], &f[F_TYPE], &why)) {
        tl_error_set(err, "%s: %s", vpath, why);
        article_free(a);
        return NULL;
    }
    set_date(a, &f[F_TIME], mtime);
    return a;
}
