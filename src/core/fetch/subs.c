/* subs: the subscription list and newsboat's urls file (see subs.h). */
#include "core/fetch/subs.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const fulltext_names[] = {"auto", "always", "never"};

void subs_init(struct subs *s)
{
    memset(s, 0, sizeof *s);
}

void subs_free(struct subs *s)
{
    for (size_t i = 0; i < s->n; i++) {
        struct subs_feed *f = &s->v[i];
        free(f->url);
        free(f->name);
        for (size_t j = 0; j < f->ntags; j++)
            free(f->tags[j]);
        free(f->tags);
    }
    free(s->v);
    memset(s, 0, sizeof *s);
}

struct subs_feed *subs_add(struct subs *s, const char *url, const char *name,
                           enum subs_fulltext fulltext)
{
    for (size_t i = 0; i < s->n; i++)
        if (!strcmp(s->v[i].url, url))
            return NULL;
    s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
    struct subs_feed *f = &s->v[s->n++];
    memset(f, 0, sizeof *f);
    f->url = xstrdup(url);
    f->name = name && *name ? xstrdup(name) : NULL;
    f->fulltext = fulltext;
    return f;
}

void subs_add_tag(struct subs_feed *f, const char *tag)
{
    for (size_t i = 0; i < f->ntags; i++)
        if (!strcmp(f->tags[i], tag))
            return;
    f->tags = xrealloc(f->tags, (f->ntags + 1) * sizeof *f->tags);
    f->tags[f->ntags++] = xstrdup(tag);
}

const char *subs_display_name(const struct subs_feed *f, const char *title)
{
    if (f->name)
        return f->name;
    return title && *title ? title : f->url;
}

const char *subs_fulltext_name(enum subs_fulltext m)
{
    return (unsigned)m < 3 ? fulltext_names[m] : "?";
}

bool subs_parse_fulltext(const char *s, enum subs_fulltext *out)
{
    for (int i = 0; i < 3; i++)
        if (!strcmp(s, fulltext_names[i])) {
            *out = (enum subs_fulltext)i;
            return true;
        }
    return false;
}

bool subs_url_ok(const char *url)
{
    const char *rest = NULL;
    if (!strncasecmp(url, "http://", 7))
        rest = url + 7;
    else if (!strncasecmp(url, "https://", 8))
        rest = url + 8;
    if (!rest || !*rest || *rest == '/')
        return false;
    for (const char *p = url; *p; p++)
        if ((unsigned char)*p <= ' ' || *p == 0x7f)
            return false;
    return true;
}

/* One word of a urls line starting at *p: a run of non-blanks, or a
 * double-quoted string ("" escapes nothing; \" is a quote). */
static bool next_word(const char **p, const char *end, struct buf *w, bool *unterminated)
{
    const char *s = *p;
    while (s < end && (*s == ' ' || *s == '\t'))
        s++;
    if (s >= end)
        return false;
    buf_reset(w);
    if (*s == '"') {
        s++;
        while (s < end && *s != '"') {
            if (*s == '\\' && s + 1 < end)
                s++;
            buf_putc(w, *s++);
        }
        *unterminated = s >= end;
        if (s < end)
            s++;
    } else {
        while (s < end && *s != ' ' && *s != '\t')
            buf_putc(w, *s++);
    }
    *p = s;
    return true;
}

/* One non-blank, non-comment line of a urls file. */
static bool read_urls_line(const char *path, unsigned lineno, unsigned col, const char *s,
                           const char *end, struct subs *out, struct buf *warnings,
                           struct tl_error *err)
{
    static const char *const skipped[] = {"query:", "exec:", "filter:"};
    for (size_t i = 0; i < 3; i++)
        if ((size_t)(end - s) >= strlen(skipped[i]) &&
            !strncmp(s, skipped[i], strlen(skipped[i]))) {
            if (warnings)
                buf_printf(warnings, "%s:%u:%u: warning: '%s' lines are newsboat's own; skipped\n",
                           path, lineno, col, skipped[i]);
            return true;
        }
    struct buf w;
    buf_init(&w);
    bool unterminated = false;
    const char *p = s;
    next_word(&p, end, &w, &unterminated);
    if (!subs_url_ok(w.data)) {
        tl_error_at(err, path, lineno, col,
                    "'%.200s' is not an http or https URL; expected a URL "
                    "then its tags",
                    w.data);
        buf_free(&w);
        return false;
    }
    struct subs_feed *f = subs_add(out, w.data, NULL, SUBS_FULLTEXT_AUTO);
    while (next_word(&p, end, &w, &unterminated)) {
        if (f && w.data[0] == '~' && w.data[1]) {
            free(f->name);
            f->name = xstrdup(w.data + 1);
        } else if (f && w.len && w.data[0] != '~') {
            subs_add_tag(f, w.data[0] == '!' && w.data[1] ? w.data + 1 : w.data);
        }
    }
    buf_free(&w);
    if (unterminated && warnings)
        buf_printf(warnings,
                   "%s:%u:%u: warning: a quote is not closed; the tag runs to the end "
                   "of the line\n",
                   path, lineno, col);
    return true;
}

bool subs_read_urls(const char *path, const char *text, size_t len, struct subs *out,
                    struct buf *warnings, struct tl_error *err)
{
    const char *p = text, *end = text + len;
    unsigned lineno = 0;
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        lineno++;
        const char *s = p;
        while (s < le && (*s == ' ' || *s == '\t'))
            s++;
        const char *e = le;
        while (e > s && (e[-1] == '\r' || e[-1] == ' ' || e[-1] == '\t'))
            e--;
        if (s < e && *s != '#' &&
            !read_urls_line(path, lineno, (unsigned)(s - p) + 1, s, e, out, warnings, err))
            return false;
        p = nl ? nl + 1 : end;
    }
    return true;
}
