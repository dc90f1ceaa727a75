/* article_html: a web page as an article: html_extract's metadata and main
 * text, sanitised like every other article's. */
#include "core/base/buf.h"
#include "core/base/xalloc.h"
#include "core/html/html.h"
#include "core/load/article.h"
#include "core/load/sanitize.h"

#include <stdlib.h>
#include <string.h>

/* A metadata value made safe and one line, or NULL. */
static char *clean_field(const char *s)
{
    if (!s)
        return NULL;
    struct buf b;
    buf_init(&b);
    sanitize_text(s, strlen(s), &b, NULL);
    for (size_t i = 0; i < b.len; i++)
        if (b.data[i] == '\n')
            b.data[i] = ' ';
    size_t start = 0, end = b.len;
    while (start < end && b.data[start] == ' ')
        start++;
    while (end > start && b.data[end - 1] == ' ')
        end--;
    char *t = end > start ? xstrndup(b.data + start, end - start) : NULL;
    buf_free(&b);
    return t;
}

static void set_body(struct article *a, const struct html_page *p)
{
    struct buf b;
    buf_init(&b);
    sanitize_text(p->text, p->text_len, &b, NULL);
    size_t start = 0, end = b.len;
    while (start < end && (b.data[start] == '\n' || b.data[start] == ' '))
        start++;
    while (end > start && (b.data[end - 1] == '\n' || b.data[end - 1] == ' '))
        end--;
    a->body = xstrndup(b.data + start, end - start);
    a->body_len = end - start;
    buf_free(&b);
}

static void set_date(struct article *a, const char *date, time_t mtime)
{
    if (date && article_parse_date(date, a->date))
        return;
    article_date_from_mtime(a, mtime);
    if (date) {
        char *d = clean_field(date);
        struct buf w;
        buf_init(&w);
        buf_printf(&w, "%s: page date '%s' is not YYYY-MM-DD; using the file's time", a->path,
                   d ? d : "");
        a->warning = buf_detach(&w, NULL);
        free(d);
    }
}

struct article *article_parse_html(const char *path, const char *bytes, size_t len, time_t mtime,
                                   struct tl_error *err)
{
    struct html_page p;
    struct tl_error e;
    if (!html_extract(bytes, len, NULL, NULL, &p, &e)) {
        tl_error_set(err, "%s: %s", path, e.msg);
        return NULL;
    }
    struct article *a = xcalloc(1, sizeof *a);
    a->path = xstrdup(path);
    a->format = ARTICLE_HTML;
    a->body_line = 1;
    a->title = clean_field(p.title);
    if (!a->title)
        a->title = article_title_from_path(path);
    a->meta.source = clean_field(p.site_name);
    a->meta.url = clean_field(p.canonical_url);
    a->meta.author = clean_field(p.author);
    set_body(a, &p);
    set_date(a, p.date, mtime);
    html_page_free(&p);
    return a;
}
