/* corpus: loading files and folders into articles plus problems. */
#define _GNU_SOURCE /* qsort_r */
#include "corpus.h"
#include "buf.h"
#include "sanitize.h"
#include "xalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* Directories on the current walk, to detect symlink loops. */
struct dir_stack {
    dev_t dev[64];
    ino_t ino[64];
    size_t n;
};

void corpus_init(struct corpus *c, const struct boilerplate *bp)
{
    memset(c, 0, sizeof *c);
    c->boilerplate = bp;
    c->max_file_size = CORPUS_MAX_FILE_SIZE;
}

void corpus_free(struct corpus *c)
{
    for (size_t i = 0; i < c->narticles; i++)
        article_free(c->articles[i]);
    free(c->articles);
    for (size_t i = 0; i < c->nproblems; i++) {
        free(c->problems[i].path);
        free(c->problems[i].message);
    }
    free(c->problems);
    memset(c, 0, sizeof *c);
}

void corpus_add_problem(struct corpus *c, const char *path, bool warning, const char *fmt, ...)
{
    struct buf b;
    buf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    c->problems = xgrow(c->problems, &c->pcap, c->nproblems + 1, sizeof *c->problems);
    c->problems[c->nproblems].path = xstrdup(path);
    c->problems[c->nproblems].message = buf_detach(&b, NULL);
    c->problems[c->nproblems++].warning = warning;
}

static void add_article(struct corpus *c, struct article *a)
{
    a->load_index = c->narticles;
    c->articles = xgrow(c->articles, &c->cap, c->narticles + 1, sizeof *c->articles);
    c->articles[c->narticles++] = a;
    if (a->warning)
        corpus_add_problem(c, a->path, true, "%s", a->warning);
}

/* Reads a whole regular file into a new buffer; on failure records a problem. */
static char *read_file(struct corpus *c, const char *path, size_t *len, time_t *mtime)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        corpus_add_problem(c, path, false, "%s: %s", path,
                           errno == ENOENT ? "vanished while loading" : strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        corpus_add_problem(c, path, false, "%s: not a regular file", path);
        close(fd);
        return NULL;
    }
    if ((size_t)st.st_size > c->max_file_size) {
        corpus_add_problem(c, path, false, "%s: too large (%lld bytes; the limit is %zu)", path,
                           (long long)st.st_size, c->max_file_size);
        close(fd);
        return NULL;
    }
    size_t cap = (size_t)st.st_size + 1, n = 0;
    char *data = xmalloc(cap);
    for (;;) {
        ssize_t r = read(fd, data + n, cap - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            corpus_add_problem(c, path, false, "%s: %s", path, strerror(errno));
            free(data);
            close(fd);
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        if (n == cap) { /* the file grew while we read it: stop at the limit */
            if (cap > c->max_file_size)
                break;
            cap *= 2;
            data = xrealloc(data, cap);
        }
    }
    close(fd);
    *len = n;
    *mtime = st.st_mtime;
    return data;
}

/* True when the bytes hold nothing but ASCII white space (or nothing). */
static bool is_blank(const char *data, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!strchr(" \t\r\n\f\v", data[i]) || data[i] == '\0')
            return false;
    return true;
}

static void load_file(struct corpus *c, const char *path)
{
    size_t len;
    time_t mtime;
    char *data = read_file(c, path, &len, &mtime);
    if (!data)
        return;
    if (sanitize_looks_binary(data, len)) {
        corpus_add_problem(c, path, false, "%s: binary file, not an article", path);
        free(data);
        return;
    }
    struct tl_error err;
    struct article *a = article_parse(path, data, len, mtime, c->boilerplate, &err);
    bool blank = is_blank(data, len);
    free(data);
    if (!a) {
        corpus_add_problem(c, path, false, "%s", err.msg);
        return;
    }
    add_article(c, a);
    if (blank)
        corpus_add_problem(c, path, true, "%s: %s", path,
                           len ? "only white space, no text" : "empty file, no text");
}

/* Inside folders: .txt, .md and .markdown files, except a folder's own
 * README (a README.md describes the folder; it is not news). */
static bool has_article_extension(const char *path)
{
    const char *name = strrchr(path, '/');
    name = name ? name + 1 : path;
    const char *dot = strrchr(name, '.');
    if (!dot || ((size_t)(dot - name) == 6 && !strncasecmp(name, "readme", 6)))
        return false;
    return !strcasecmp(dot, ".txt") || !strcasecmp(dot, ".md") || !strcasecmp(dot, ".markdown");
}

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sorted names of the visible entries of a folder; NULL on failure. */
static char **list_dir(struct corpus *c, const char *path, size_t *count)
{
    DIR *d = opendir(path);
    if (!d) {
        corpus_add_problem(c, path, false, "%s: %s", path, strerror(errno));
        return NULL;
    }
    char **names = NULL;
    size_t n = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        names = xgrow(names, &cap, n + 1, sizeof *names);
        names[n++] = xstrdup(e->d_name);
    }
    closedir(d);
    if (n > 1) /* names is NULL when the folder is empty */
        qsort(names, n, sizeof *names, compare_names);
    *count = n;
    return names;
}

static void load_entry(struct corpus *c, const char *path, struct dir_stack *stack, bool named);

static void load_dir(struct corpus *c, const char *path, const struct stat *st,
                     struct dir_stack *stack)
{
    for (size_t i = 0; i < stack->n; i++) {
        if (stack->dev[i] == st->st_dev && stack->ino[i] == st->st_ino) {
            corpus_add_problem(c, path, false, "%s: symbolic link loop, skipped", path);
            return;
        }
    }
    if (stack->n == sizeof stack->dev / sizeof *stack->dev) {
        corpus_add_problem(c, path, false, "%s: folders nested too deep, skipped", path);
        return;
    }
    size_t n = 0;
    char **names = list_dir(c, path, &n);
    if (!names && n == 0)
        return;
    stack->dev[stack->n] = st->st_dev;
    stack->ino[stack->n++] = st->st_ino;
    struct buf child;
    buf_init(&child);
    for (size_t i = 0; i < n; i++) {
        buf_reset(&child);
        buf_printf(&child, "%s%s%s", path, path[strlen(path) - 1] == '/' ? "" : "/", names[i]);
        load_entry(c, child.data, stack, false);
        free(names[i]);
    }
    free(names);
    buf_free(&child);
    stack->n--;
}

static void load_entry(struct corpus *c, const char *path, struct dir_stack *stack, bool named)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        int e = errno; /* before lstat() */
        struct stat lst;
        if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
            corpus_add_problem(c, path, false, "%s: %s", path,
                               e == ELOOP ? "symbolic link loop" : "dangling symbolic link");
        else
            corpus_add_problem(c, path, false, "%s: %s", path,
                               e == ENOENT ? "vanished while loading" : strerror(e));
        return;
    }
    if (S_ISDIR(st.st_mode))
        load_dir(c, path, &st, stack);
    else if (S_ISREG(st.st_mode) && (named || has_article_extension(path)))
        load_file(c, path);
    else if (named || has_article_extension(path)) /* a FIFO or device named like an article */
        corpus_add_problem(c, path, false, "%s: not a regular file", path);
}

bool corpus_load_path(struct corpus *c, const char *path, struct tl_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return tl_error_set(err, "%s: %s", path, strerror(errno));
    struct dir_stack stack = {.n = 0};
    load_entry(c, path, &stack, true);
    return true;
}

static int compare_by_date(const void *pa, const void *pb, void *ctx)
{
    const struct corpus *c = ctx;
    const struct article *a = c->articles[*(const size_t *)pa];
    const struct article *b = c->articles[*(const size_t *)pb];
    int d = strcmp(b->date, a->date);
    return d ? d : strcmp(a->path, b->path);
}

size_t *corpus_order_by_date(const struct corpus *c)
{
    size_t *order = xmalloc((c->narticles ? c->narticles : 1) * sizeof *order);
    for (size_t i = 0; i < c->narticles; i++)
        order[i] = i;
    qsort_r(order, c->narticles, sizeof *order, compare_by_date, (void *)c);
    return order;
}
