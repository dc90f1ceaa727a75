/* source: `o`, `e` and `y` on the current article (see source.h). The
 * programs run through external.c; the copy goes through clipboard.c. */
#include "ui/source.h"
#include "ui/app.h"
#include "ui/clipboard.h"
#include "ui/draw.h"
#include "ui/external.h"
#include "core/base/xalloc.h"
#include "core/load/corpus.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

long source_article(const struct app *a)
{
    if (a->open.article >= 0)
        return a->open.article;
    return a->nlist ? (long)a->list[a->sel] : -1;
}

const struct article *source_shown(const struct app *a, size_t article)
{
    if (article < a->nedited && a->edited[article])
        return a->edited[article];
    return a->c->articles[article];
}

/* The article's URL, or NULL when it has none. */
static const char *url_of(const struct article *ar)
{
    return ar->meta.url && *ar->meta.url ? ar->meta.url : NULL;
}

/* s sanitized for the status line, cut to fit the message (a new string). */
static char *for_status(const char *s)
{
    struct buf b;
    buf_init(&b);
    draw_sanitize(s, strlen(s), &b);
    return buf_detach(&b, NULL);
}

void source_open_url(struct app *a)
{
    long art = source_article(a);
    if (art < 0) {
        app_message(a, true, "no article to open");
        return;
    }
    const char *url = url_of(source_shown(a, (size_t)art));
    if (!url) {
        app_message(a, true, "this article has no URL (no url in its front matter or feed item)");
        return;
    }
    size_t n;
    char **argv = external_split(getenv("BROWSER"), 1, &n);
    if (!argv)
        argv = external_split("xdg-open", 1, &n);
    argv[n] = xstrdup(url); /* byte for byte, one argument */
    struct buf why;
    buf_init(&why);
    char *shown = for_status(url);
    if (external_run(a, argv, -1, false, &why))
        app_message(a, false, "opened %s", shown);
    else
        app_message(a, true, "%s", why.data);
    free(shown);
    buf_free(&why);
    external_argv_free(argv);
}

/* The file line the reader is at: the entity cursor's, else the top line's
 * (the title and metadata rows count as line 1); 1 from the list and for a
 * web page, whose text is not the file's. */
static unsigned current_line(const struct app *a, const struct article *ar)
{
    const struct reader_article *d = &a->open;
    if (a->focus == PANE_LIST || ar->format == ARTICLE_HTML || d->article < 0)
        return 1;
    size_t off;
    if (d->cursor >= 0) {
        if (d->marks[d->cursor].in_title)
            return 1;
        off = d->marks[d->cursor].start;
    } else {
        size_t r = a->panes[PANE_READER].pos.top;
        if (r >= d->nrows || d->rows[r].src == ROW_TITLE || d->rows[r].src == ROW_META)
            return 1;
        while (r < d->nrows && d->rows[r].src != ROW_BODY)
            r++;
        if (r >= d->nrows)
            return 1;
        off = d->rows[r].start;
    }
    unsigned line, col;
    article_position(ar, off, &line, &col);
    return line;
}

/* The file to edit and the line: an sfeed entry "FILE#N" is line N of FILE. */
static char *edit_path(const struct app *a, const struct article *ar, unsigned *line)
{
    const char *hash = ar->format == ARTICLE_SFEED ? strrchr(ar->path, '#') : NULL;
    if (hash && hash[1]) {
        char *end;
        unsigned long n = strtoul(hash + 1, &end, 10);
        if (!*end && n > 0 && n < 1000000000UL) {
            *line = (unsigned)n;
            return xstrndup(ar->path, (size_t)(hash - ar->path));
        }
    }
    *line = current_line(a, ar);
    /* a path that starts with '-' or '+' is not read as an option */
    if (ar->path[0] == '-' || ar->path[0] == '+') {
        char *p = xmalloc(strlen(ar->path) + 3);
        strcpy(p, "./");
        strcat(p, ar->path);
        return p;
    }
    return xstrdup(ar->path);
}

/* $EDITOR, else $VISUAL, else vi, as words, with room for two more. */
static char **editor_argv(size_t *n)
{
    static const char *const vars[] = {"EDITOR", "VISUAL"};
    for (size_t i = 0; i < 2; i++) {
        char **argv = external_split(getenv(vars[i]), 2, n);
        if (argv)
            return argv;
    }
    return external_split("vi", 2, n);
}

static bool same_file(const struct stat *x, const struct stat *y)
{
    return x->st_ino == y->st_ino && x->st_dev == y->st_dev && x->st_size == y->st_size &&
           x->st_mtim.tv_sec == y->st_mtim.tv_sec && x->st_mtim.tv_nsec == y->st_mtim.tv_nsec;
}

/* Reads the edited file again and shows it in the reading pane, near the
 * line the editor was opened at. */
static void reload(struct app *a, size_t art, const char *path, unsigned line)
{
    struct loaded l;
    corpus_load_file(path, a->c->boilerplate, a->c->max_file_size, &l);
    char *shown = for_status(path);
    if (!l.article) {
        char *why = for_status(l.nproblems ? l.problems[0].message : path);
        app_message(a, true, "edited; the file no longer loads: %s", why);
        free(why);
    } else {
        if (art >= a->nedited) {
            size_t n = a->nknown > art ? a->nknown : art + 1;
            a->edited = xrealloc(a->edited, n * sizeof *a->edited);
            memset(a->edited + a->nedited, 0, (n - a->nedited) * sizeof *a->edited);
            a->nedited = n;
        }
        article_free(a->edited[art]);
        a->edited[art] = l.article;
        l.article = NULL;
        const struct article *ar = a->edited[art];
        reader_open(a, (long)art);
        size_t off = 0;
        for (unsigned at = ar->body_line; at < line && off < ar->body_len; off++)
            if (ar->body[off] == '\n')
                at++;
        if (line > ar->body_line && ar->format != ARTICLE_HTML)
            reader_show(a, false, off);
        app_message(a, false,
                    "%s changed: the reading pane shows it anew; the list, facts and "
                    "names keep the loaded text until the next start",
                    shown);
    }
    free(shown);
    loaded_free(&l);
}

void source_edit(struct app *a)
{
    long art = source_article(a);
    if (art < 0) {
        app_message(a, true, "no article to edit");
        return;
    }
    const struct article *ar = source_shown(a, (size_t)art);
    unsigned line;
    char *path = edit_path(a, ar, &line);
    bool sfeed = ar->format == ARTICLE_SFEED;
    struct stat before, after;
    bool had = stat(path, &before) == 0;
    size_t n;
    char **argv = editor_argv(&n);
    struct buf plus, why;
    buf_init(&plus);
    buf_init(&why);
    buf_printf(&plus, "+%u", line);
    argv[n] = buf_detach(&plus, NULL);
    argv[n + 1] = xstrdup(path);
    bool ok = external_run(a, argv, -1, false, &why);
    bool now = stat(path, &after) == 0;
    bool changed = now && (!had || !same_file(&before, &after));
    char *shown = for_status(path);
    if (!ok)
        app_message(a, true, "%s", why.data);
    else if (had && !now)
        app_message(a, true, "%s is gone; the reader keeps the text it loaded", shown);
    else if (changed && sfeed)
        app_message(a, false, "%s changed; its feed entries are read again at the next start",
                    shown);
    else if (changed)
        reload(a, (size_t)art, path, line);
    else
        app_message(a, false, "%s unchanged", shown);
    free(shown);
    free(path);
    buf_free(&why);
    buf_free(&plus);
    external_argv_free(argv);
}

void source_copy(struct app *a)
{
    long art = source_article(a);
    if (art < 0) {
        app_message(a, true, "no article");
        return;
    }
    const struct article *ar = source_shown(a, (size_t)art);
    const char *url = url_of(ar), *what = url ? url : ar->path;
    const char *label = url ? "URL" : "path";
    char *shown = for_status(what);
    struct buf why;
    buf_init(&why);
    if (a->clipboard != CONFIG_CLIPBOARD_OSC52)
        app_message(a, false, "%s: %s", label, shown);
    else if (clipboard_copy(what, strlen(what), &why))
        app_message(a, false, "copied the %s: %s", label, shown);
    else
        app_message(a, true, "%s not copied: %s", label, why.data);
    free(shown);
    buf_free(&why);
}
