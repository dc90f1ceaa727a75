/* article: one article as loaded, plain or front matter (see article.h;
 * web pages are in article_html.c). */
#include "core/load/article.h"
#include "core/base/buf.h"
#include "core/html/html.h"
#include "core/load/charref.h"
#include "core/load/dateline.h"
#include "core/load/sanitize.h"
#include "core/base/utf8.h"
#include "core/base/xalloc.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A headline is one line of at most this many bytes and words. */
#define HEADLINE_MAX_BYTES 200
#define HEADLINE_MAX_WORDS 30

static bool is_blank(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (s[i] != ' ')
            return false;
    return true;
}

static size_t count_words(const char *s, size_t n)
{
    size_t words = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool sp = s[i] == ' ';
        if (!sp && !in)
            words++;
        in = !sp;
    }
    return words;
}

/* A line of only punctuation (a `---` or `* * *` rule) is never a headline;
 * before the headline it is skipped like furniture. */
static bool has_word_char(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x80 || (c >= '0' && c <= '9') || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z'))
            return true;
    }
    return false;
}

static bool reads_like_headline(const char *s, size_t n)
{
    return n <= HEADLINE_MAX_BYTES && count_words(s, n) <= HEADLINE_MAX_WORDS;
}

/* A copy without surrounding spaces, and with any newline (a multi-line
 * YAML title) turned into a space: a title is always one line. */
static char *trimmed_copy(const char *s, size_t n)
{
    while (n && (*s == ' ' || *s == '\n'))
        s++, n--;
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\n'))
        n--;
    char *t = xstrndup(s, n);
    for (char *p = t; *p; p++)
        if (*p == '\n')
            *p = ' ';
    return t;
}

/* Length of the "## " marker of a Markdown heading line, or 0. */
static size_t heading_marker(const char *s, size_t n)
{
    size_t h = 0;
    while (h < n && s[h] == '#')
        h++;
    return h && h < n && s[h] == ' ' ? h : 0;
}

char *article_title_from_path(const char *path)
{
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    const char *dot = strrchr(base, '.');
    size_t n = dot && dot != base ? (size_t)(dot - base) : strlen(base);
    char *t = xstrndup(base, n);
    for (char *p = t; *p; p++)
        if (*p == '-' || *p == '_')
            *p = ' ';
    return t;
}

/* Skips leading blank lines of [*pos, len), counting them into *line. */
static void skip_blank_lines(const char *text, size_t len, size_t *pos, unsigned *line)
{
    while (*pos < len) {
        const char *nl = memchr(text + *pos, '\n', len - *pos);
        size_t n = nl ? (size_t)(nl - (text + *pos)) : len - *pos;
        if (!is_blank(text + *pos, n) || !nl)
            return;
        *pos += n + 1;
        (*line)++;
    }
}

/* A date line ("Published 12 August 2023") at pos: the article's date when
 * it has none yet (text_date). */
static bool take_date_line(struct article *a, const char *s, size_t n)
{
    char d[11];
    if (!dateline_parse(s, n, d))
        return false;
    if (!a->text_date[0])
        memcpy(a->text_date, d, sizeof d);
    return true;
}

/* Whether a cut of a leading dateline starts at s[0], a space: " (" or a
 * spaced dash (" - ", en or em dash), all within the n bytes. */
static bool dateline_cut_at(const char *s, size_t n)
{
    if (n >= 2 && s[1] == '(')
        return true;
    if (n >= 3 && s[1] == '-' && s[2] == ' ')
        return true;
    return n >= 5 && !memcmp(s + 1, "\xe2\x80", 2) && (s[3] == '\x93' || s[3] == '\x94') &&
           s[4] == ' ';
}

/* Length of a dateline that leads a paragraph ("LONDON, Aug 12, 2023
 * (Reuters) - Arsenal have..."): the bytes before the first " (" or spaced
 * dash. Each cut's second byte ('(', '-' or an en or em dash's first) is
 * looked for on its own, the rarer bytes of the line, and only where one
 * follows a space is the cut checked. */
static size_t dateline_lead(const char *s, size_t n)
{
    static const char seconds[] = {'(', '-', '\xe2'};
    size_t best = n;
    for (size_t i = 0; i < sizeof seconds && n > 1; i++) {
        const char *end = s + (best < n ? best + 1 : n), *from = s + 1; /* cuts before best */
        for (const char *c; from < end && (c = memchr(from, seconds[i], (size_t)(end - from)));
             from = c + 1) {
            if (c[-1] == ' ' && dateline_cut_at(c - 1, n - (size_t)(c - 1 - s))) {
                best = (size_t)(c - 1 - s);
                break;
            }
        }
    }
    return best;
}

/* A date line first in the body is the date and not part of the body; a
 * dateline leading the first paragraph gives the date and stays. */
static void take_leading_date(struct article *a, const char *text, size_t len, size_t *pos,
                              unsigned *line)
{
    const char *nl = memchr(text + *pos, '\n', len - *pos);
    size_t n = nl ? (size_t)(nl - (text + *pos)) : len - *pos;
    if (nl && take_date_line(a, text + *pos, n)) {
        *pos += n + 1;
        (*line)++;
        skip_blank_lines(text, len, pos, line);
        return;
    }
    size_t lead = dateline_lead(text + *pos, n);
    if (lead < n)
        take_date_line(a, text + *pos, lead);
}

/* Plain text: blank lines, rules, furniture and date lines are skipped, the
 * first line that reads like a headline is the title, and the body starts
 * after it (and after a date line right below it). */
static void parse_plain(struct article *a, const char *text, size_t len,
                        const struct boilerplate *bp, size_t *body_start)
{
    size_t pos = 0;
    unsigned line = 1;
    while (pos < len) {
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t n = nl ? (size_t)(nl - (text + pos)) : len - pos;
        if (take_date_line(a, text + pos, n) || !has_word_char(text + pos, n) ||
            boilerplate_match(bp, text + pos, n)) {
            pos += n + (nl ? 1 : 0);
            line++;
            continue;
        }
        if (reads_like_headline(text + pos, n)) {
            size_t h = heading_marker(text + pos, n);
            a->title = trimmed_copy(text + pos + h, n - h);
            pos += n + (nl ? 1 : 0);
            line++;
        }
        break;
    }
    if (!a->title)
        a->title = article_title_from_path(a->path);
    skip_blank_lines(text, len, &pos, &line);
    take_leading_date(a, text, len, &pos, &line);
    *body_start = pos;
    a->body_line = line;
}

/* Front matter without a title: a leading "# Heading" line is the title,
 * else the file name is. */
static void take_markdown_heading(struct article *a, const char *text, size_t len, size_t *pos)
{
    const char *s = text + *pos;
    size_t rest = len - *pos;
    const char *nl = memchr(s, '\n', rest);
    size_t n = nl ? (size_t)(nl - s) : rest;
    size_t h = heading_marker(s, n);
    if (h) {
        a->title = trimmed_copy(s + h, n - h);
        *pos += n + (nl ? 1 : 0);
        a->body_line++;
        skip_blank_lines(text, len, pos, &a->body_line);
    }
    if (!a->title || !*a->title) {
        free(a->title);
        a->title = article_title_from_path(a->path);
    }
}

static bool valid_ymd(int y, int m, int d)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return y >= 1800 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] &&
           (m != 2 || d <= 28 || leap);
}

/* Accepts YYYY-MM-DD, optionally followed by a time ("2022-12-05T10:00Z"). */
bool article_parse_date(const char *s, char out[11])
{
    int y, m, d, used = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &used) != 3 || used != 10)
        return false;
    if (s[10] && s[10] != 'T' && s[10] != ' ' && s[10] != 't')
        return false;
    if (!valid_ymd(y, m, d))
        return false;
    snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u);
    return true;
}

void article_date_from_mtime(struct article *a, time_t mtime)
{
    struct tm tm;
    localtime_r(&mtime, &tm);
    strftime(a->date, sizeof a->date, "%Y-%m-%d", &tm);
    a->date_from_mtime = true;
}

static void set_date(struct article *a, time_t mtime)
{
    const char *d = a->meta.date;
    if (d && article_parse_date(d, a->date))
        return;
    if (!d && a->text_date[0]) {
        memcpy(a->date, a->text_date, sizeof a->date);
        return;
    }
    article_date_from_mtime(a, mtime);
    if (d) {
        struct buf w;
        buf_init(&w);
        buf_printf(&w, "%s:%u:%u: date '%s' is not YYYY-MM-DD; using the file's time", a->path,
                   a->meta.date_line, a->meta.date_col, d);
        a->warning = buf_detach(&w, NULL);
    }
}

static bool parse_front(struct article *a, const char *text, size_t len, size_t *body_start,
                        struct tl_error *err)
{
    const char *yaml;
    size_t ylen;
    unsigned body_line;
    if (!frontmatter_split(text, len, &yaml, &ylen, body_start, &body_line))
        return true;
    a->format = ARTICLE_FRONT_MATTER;
    if (!frontmatter_parse(a->path, yaml, ylen, 2, &a->meta, err))
        return false;
    a->body_line = body_line;
    skip_blank_lines(text, len, body_start, &a->body_line);
    if (a->meta.title) {
        a->title = trimmed_copy(a->meta.title, strlen(a->meta.title));
        if (!*a->title) { /* blank: look for a heading instead */
            free(a->title);
            a->title = NULL;
        }
    }
    return true;
}

static void set_body(struct article *a, const char *text, size_t len, size_t start)
{
    size_t end = len;
    while (end > start && (text[end - 1] == '\n' || text[end - 1] == ' '))
        end--;
    a->body = xstrndup(text + start, end - start);
    a->body_len = end - start;
}

struct article *article_parse(const char *path, const char *bytes, size_t len, time_t mtime,
                              const struct boilerplate *bp, struct tl_error *err)
{
    if (html_sniff(bytes, len))
        return article_parse_html(path, bytes, len, mtime, err);
    struct buf clean;
    buf_init(&clean);
    sanitize_text(bytes, len, &clean, NULL);
    if (clean.data) {
        clean.len = charref_decode(clean.data, clean.len);
        clean.data[clean.len] = '\0';
    }
    struct article *a = xcalloc(1, sizeof *a);
    a->path = xstrdup(path);
    a->format = ARTICLE_PLAIN;
    a->body_line = 1;
    size_t body_start = 0;
    if (!parse_front(a, clean.data, clean.len, &body_start, err)) {
        buf_free(&clean);
        article_free(a);
        return NULL;
    }
    if (a->format == ARTICLE_PLAIN)
        parse_plain(a, clean.data, clean.len, bp, &body_start);
    else if (!a->title)
        take_markdown_heading(a, clean.data, clean.len, &body_start);
    if (a->format == ARTICLE_FRONT_MATTER && !a->meta.date)
        take_leading_date(a, clean.data, clean.len, &body_start, &a->body_line);
    set_body(a, clean.data, clean.len, body_start);
    set_date(a, mtime);
    buf_free(&clean);
    return a;
}

/* Frees a string of the article unless it lies in the article's own
 * allocation (packed_size). */
static void free_own(const struct article *a, void *p)
{
    uintptr_t at = (uintptr_t)p, start = (uintptr_t)a;
    if (!a->packed_size || at < start || at >= start + a->packed_size)
        free(p);
}

/* frontmatter_free for a packed article's front matter. */
static void free_own_meta(const struct article *a, struct frontmatter *m)
{
    char *opt[] = {m->title, m->date, m->source, m->url, m->author};
    for (size_t i = 0; i < sizeof opt / sizeof *opt; i++)
        free_own(a, opt[i]);
    for (size_t i = 0; i < m->ntags; i++)
        free_own(a, m->tags[i]);
    free(m->tags);
    for (size_t i = 0; i < m->nextra; i++) {
        free_own(a, m->extra[i].key);
        free_own(a, m->extra[i].value);
    }
    free(m->extra);
}

void article_free(struct article *a)
{
    if (!a)
        return;
    free_own(a, a->path);
    free_own(a, a->title);
    if (a->packed_size)
        free_own_meta(a, &a->meta);
    else
        frontmatter_free(&a->meta);
    if (!a->body_borrowed)
        free(a->body);
    free_own(a, a->warning);
    if (!a->packed_borrowed)
        free(a);
}

void article_position(const struct article *a, size_t offset, unsigned *line, unsigned *col)
{
    if (offset > a->body_len)
        offset = a->body_len;
    unsigned l = a->body_line, c = 1;
    for (size_t i = 0; i < offset;) {
        if (a->body[i] == '\n') {
            l++;
            c = 1;
            i++;
            continue;
        }
        uint32_t cp;
        i += utf8_decode(a->body + i, a->body_len - i, &cp);
        c++;
    }
    *line = l;
    *col = c;
}

const char *article_source(const struct article *a)
{
    return a->meta.source ? a->meta.source : "";
}
