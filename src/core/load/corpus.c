/* corpus: loading files and folders into articles plus problems. */
#include "core/load/corpus.h"
#include "core/base/buf.h"
#include "core/base/sort.h"
#include "core/html/html.h"
#include "core/load/sanitize.h"
#include "core/load/sfeed.h"
#include "core/base/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

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
    c->problems = xgrow(c->problems, &c->pcap, c->nproblems + 1, sizeof *c->problems);
    c->problems[c->nproblems].path = xstrdup(path);
    va_list ap;
    va_start(ap, fmt);
    c->problems[c->nproblems].message = buf_vformat(fmt, ap);
    va_end(ap);
    c->problems[c->nproblems++].warning = warning;
}

static void loaded_problem(struct loaded *l, const char *path, bool warning, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void loaded_problem(struct loaded *l, const char *path, bool warning, const char *fmt, ...)
{
    if (l->nproblems == sizeof l->problems / sizeof *l->problems)
        return;
    struct buf b;
    buf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    struct problem *p = &l->problems[l->nproblems++];
    p->path = xstrdup(path);
    p->message = buf_detach(&b, NULL);
    p->warning = warning;
}

/* The size limit for a file: web pages (told by their first bytes) may be
 * as big as HTML_MAX_BYTES, other files max_size. */
static size_t size_limit(int fd, size_t max_size, bool *is_page)
{
    char head[1024];
    ssize_t n = pread(fd, head, sizeof head, 0);
    *is_page = n > 0 && html_sniff(head, (size_t)n);
    return *is_page && max_size < HTML_MAX_BYTES ? HTML_MAX_BYTES : max_size;
}

/* Reads a whole regular file into a new buffer; on failure records a problem. */
static char *read_file(const char *path, size_t max_size, struct loaded *l, size_t *len,
                       time_t *mtime)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0) {
        loaded_problem(l, path, false, "%s: %s", path,
                       errno == ENOENT ? "vanished while loading" : strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        loaded_problem(l, path, false, "%s: not a regular file", path);
        close(fd);
        return NULL;
    }
    bool page = false;
    if ((size_t)st.st_size > max_size)
        max_size = size_limit(fd, max_size, &page);
    if ((size_t)st.st_size > max_size) {
        loaded_problem(l, path, false, "%s: %stoo large (%lld bytes; the limit is %zu)", path,
                       page ? "web page " : "", (long long)st.st_size, max_size);
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
            loaded_problem(l, path, false, "%s: %s", path, strerror(errno));
            free(data);
            close(fd);
            return NULL;
        }
        if (r == 0)
            break;
        n += (size_t)r;
        /* a short read that brought the size fstat gave is the end: no
         * second read to be told so */
        if (n < cap && n >= (size_t)st.st_size)
            break;
        if (n == cap) { /* the file grew while we read it: stop at the limit */
            if (cap > max_size)
                break;
            cap *= 2;
            data = xrealloc(data, cap);
        }
    }
    close(fd);
    *len = n;
    *mtime = st.st_mtime;
    l->size = (unsigned long long)st.st_size;
    l->mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
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

void corpus_load_file(const char *path, const struct boilerplate *bp, size_t max_size,
                      struct loaded *out)
{
    memset(out, 0, sizeof *out);
    size_t len;
    time_t mtime;
    char *data = read_file(path, max_size, out, &len, &mtime);
    if (!data)
        return;
    if (!html_sniff(data, len) && sanitize_looks_binary(data, len)) {
        loaded_problem(out, path, false, "%s: binary file, not an article", path);
        free(data);
        return;
    }
    struct tl_error err;
    struct article *a = article_parse(path, data, len, mtime, bp, &err);
    bool blank = is_blank(data, len);
    free(data);
    if (!a) {
        loaded_problem(out, path, false, "%s", err.msg);
        return;
    }
    out->article = a;
    if (a->warning)
        loaded_problem(out, path, true, "%s", a->warning);
    if (blank)
        loaded_problem(out, path, true, "%s: %s", path,
                       len ? "only white space, no text" : "empty file, no text");
}

/* The file name of an sfeed file: the feed's name. */
static const char *feed_name(const char *file)
{
    const char *slash = strrchr(file, '/');
    return slash && slash[1] ? slash + 1 : file;
}

/* One line of an sfeed file, read where the scan found it, from the file as
 * the scan saw it. */
static void load_sfeed_line(const struct scan_entry *e, struct loaded *out)
{
    const struct scan_line *sl = e->sfeed;
    int fd = open(sl->file, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
        loaded_problem(out, e->path, false, "%s: %s", e->path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return;
    }
    long long mtime_ns = (long long)st.st_mtim.tv_sec * 1000000000LL + st.st_mtim.tv_nsec;
    char *line = xmalloc(sl->length + 1);
    ssize_t n = (unsigned long long)st.st_size == sl->size && mtime_ns == sl->mtime_ns
                    ? pread(fd, line, sl->length, (off_t)sl->offset)
                    : -1;
    close(fd);
    struct tl_error err;
    if (n != (ssize_t)sl->length)
        loaded_problem(out, e->path, false, "%s: the file changed while loading", e->path);
    else if (!(out->article = sfeed_parse_line(e->path, feed_name(sl->file), line, sl->length,
                                               st.st_mtime, &err)))
        loaded_problem(out, e->path, false, "%s", err.msg);
    free(line);
    out->size = (unsigned long long)st.st_size;
    out->mtime_ns = mtime_ns;
}

void corpus_load_entry(const struct scan_entry *e, const struct boilerplate *bp, size_t max_size,
                       struct loaded *out)
{
    if (!e->sfeed) {
        corpus_load_file(e->path, bp, max_size, out);
        return;
    }
    memset(out, 0, sizeof *out);
    load_sfeed_line(e, out);
}

void corpus_add_loaded(struct corpus *c, struct loaded *l)
{
    if (l->article) {
        l->article->load_index = c->narticles;
        c->articles = xgrow(c->articles, &c->cap, c->narticles + 1, sizeof *c->articles);
        c->articles[c->narticles++] = l->article;
    }
    c->problems = xgrow(c->problems, &c->pcap, c->nproblems + l->nproblems, sizeof *c->problems);
    for (size_t i = 0; i < l->nproblems; i++)
        c->problems[c->nproblems++] = l->problems[i];
    memset(l, 0, sizeof *l);
}

void loaded_free(struct loaded *l)
{
    article_free(l->article);
    for (size_t i = 0; i < l->nproblems; i++) {
        free(l->problems[i].path);
        free(l->problems[i].message);
    }
    memset(l, 0, sizeof *l);
}

void corpus_add_scanned(struct corpus *c, const struct scan_entry *e)
{
    if (e->problem) {
        corpus_add_problem(c, e->path, false, "%s", e->problem);
        return;
    }
    struct loaded l;
    corpus_load_entry(e, c->boilerplate, c->max_file_size, &l);
    corpus_add_loaded(c, &l);
}

bool corpus_load_path(struct corpus *c, const char *path, struct tl_error *err)
{
    struct scan s;
    scan_init(&s);
    bool ok = scan_path(&s, path, err);
    for (size_t i = 0; i < s.n; i++)
        corpus_add_scanned(c, &s.v[i]);
    scan_free(&s);
    return ok;
}

int corpus_compare_by_date(const struct corpus *c, size_t i, size_t j)
{
    const struct article *a = c->articles[i], *b = c->articles[j];
    int d = strcmp(b->date, a->date);
    return d ? d : strcmp(a->path, b->path);
}

struct corpus_date_key corpus_date_key(const char *date)
{
    unsigned char b[10] = {0};
    for (size_t i = 0; i < sizeof b && date[i]; i++)
        b[i] = (unsigned char)date[i];
    struct corpus_date_key k = {0, (uint16_t)(b[8] << 8 | b[9])};
    for (size_t i = 0; i < 8; i++)
        k.hi = k.hi << 8 | b[i];
    return k;
}

int corpus_date_key_cmp(struct corpus_date_key a, struct corpus_date_key b)
{
    if (a.hi != b.hi)
        return a.hi < b.hi ? -1 : 1;
    return (a.lo > b.lo) - (a.lo < b.lo);
}

static int compare_by_date(const void *pa, const void *pb, void *ctx)
{
    return corpus_compare_by_date(ctx, *(const size_t *)pa, *(const size_t *)pb);
}

void corpus_sort_by_date(const struct corpus *c, size_t *order, size_t n)
{
    sort_ctx(order, n, sizeof *order, compare_by_date, (void *)c);
}

size_t *corpus_order_by_date(const struct corpus *c)
{
    size_t *order = xmalloc((c->narticles ? c->narticles : 1) * sizeof *order);
    for (size_t i = 0; i < c->narticles; i++)
        order[i] = i;
    corpus_sort_by_date(c, order, c->narticles);
    return order;
}
