/* scan: the walk over files and folders (see scan.h). */
#define _DEFAULT_SOURCE /* DT_* of struct dirent */
#include "core/load/scan.h"
#include "core/base/buf.h"
#include "core/base/name_sort.h"
#include "core/base/strpool.h"
#include "core/base/xalloc.h"
#include "core/load/sfeed.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

/* Folders on the current walk, to detect link loops. */
struct dir_stack {
    dev_t dev[64];
    ino_t ino[64];
    size_t n;
};

/* The visible entries of one folder: each name is copied into `pool` after
 * one byte saying what readdir says it is (DT_UNKNOWN when the file system
 * does not say), and `names` points at the names, sorted. */
struct dir_list {
    struct strpool pool;
    const char **names;
    size_t n;
};

void scan_init(struct scan *s)
{
    memset(s, 0, sizeof *s);
    strpool_init(&s->paths);
    s->at_folder = SCAN_NO_FOLDER;
}

void scan_free(struct scan *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].problem);
        if (s->v[i].sfeed)
            free(s->v[i].sfeed->file);
        free(s->v[i].sfeed);
    }
    free(s->v);
    free(s->folders);
    strpool_free(&s->paths);
    memset(s, 0, sizeof *s);
}

static void add_file_len(struct scan *s, const char *path, size_t len)
{
    s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
    s->v[s->n].path = strpool_add(&s->paths, path, len);
    s->v[s->n].sfeed = NULL;
    s->v[s->n].folder = s->at_folder;
    s->v[s->n].name_at = s->at_name;
    s->v[s->n++].problem = NULL;
}

/* Notes a folder (its path with the slash, `len` bytes) whose files follow;
 * its number, or SCAN_NO_FOLDER when numbers or offsets would not fit. */
static uint32_t add_folder(struct scan *s, const char *path, size_t len)
{
    if (s->nfolders >= SCAN_NO_FOLDER || len >= UINT32_MAX)
        return SCAN_NO_FOLDER;
    s->folders = xgrow(s->folders, &s->folders_cap, s->nfolders + 1, sizeof *s->folders);
    s->folders[s->nfolders] = strpool_add(&s->paths, path, len);
    return (uint32_t)s->nfolders++;
}

static void add_file(struct scan *s, const char *path)
{
    add_file_len(s, path, strlen(path));
}

static void add_problem(struct scan *s, const char *path, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void add_problem(struct scan *s, const char *path, const char *fmt, ...)
{
    add_file(s, path);
    va_list ap;
    va_start(ap, fmt);
    s->v[s->n - 1].problem = buf_vformat(fmt, ap);
    va_end(ap);
}

/* Reads a whole file of at most `max` bytes; NULL when it cannot. */
static char *slurp(const char *path, size_t max, size_t *len)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return NULL;
    char *data = xmalloc(max + 1);
    size_t n = 0;
    ssize_t r;
    while (n <= max && (r = read(fd, data + n, max + 1 - n)) != 0) {
        if (r < 0 && errno != EINTR)
            break;
        n += r > 0 ? (size_t)r : 0;
    }
    close(fd);
    *len = n;
    return data;
}

/* One entry per line of an sfeed file: "FILE#LINE" and where it lies. */
static void add_sfeed_lines(struct scan *s, const char *path, const struct stat *st,
                            const char *data, size_t len, unsigned only)
{
    struct buf vpath;
    buf_init(&vpath);
    unsigned line = 0;
    for (size_t i = 0; i < len;) {
        const char *nl = memchr(data + i, '\n', len - i);
        size_t end = nl ? (size_t)(nl - data) : len, n = end - i;
        line++;
        if (n && data[end - 1] == '\r')
            n--;
        if (only && line != only) {
            i = end + 1;
            continue;
        }
        unsigned col;
        const char *what;
        if (n && !sfeed_check_line(data + i, n, &col, &what)) {
            add_problem(s, path, "%s:%u:%u: %s", path, line, col, what);
        } else if (n) {
            buf_reset(&vpath);
            buf_printf(&vpath, "%s#%u", path, line);
            add_file(s, vpath.data);
            struct scan_line *l = xcalloc(1, sizeof *l);
            *l = (struct scan_line){xstrdup(path),
                                    line,
                                    (long long)i,
                                    n,
                                    (unsigned long long)st->st_size,
                                    (long long)st->st_mtim.tv_sec * 1000000000LL +
                                        st->st_mtim.tv_nsec};
            s->v[s->n - 1].sfeed = l;
        }
        i = end + 1;
    }
    buf_free(&vpath);
}

/* A file named as an argument that is an sfeed file (told by its first
 * line) becomes one entry per line (line `only`, when not 0); false for
 * any other file. */
static bool scan_sfeed(struct scan *s, const char *path, const struct stat *st, unsigned only)
{
    char head[4096];
    int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
    if (fd < 0)
        return false;
    ssize_t n = read(fd, head, sizeof head);
    close(fd);
    if (n <= 0 || !sfeed_sniff(head, (size_t)n))
        return false;
    if ((unsigned long long)st->st_size > SFEED_MAX_FILE_SIZE) {
        add_problem(s, path, "%s: sfeed file too large (%lld bytes; the limit is %u)", path,
                    (long long)st->st_size, SFEED_MAX_FILE_SIZE);
        return true;
    }
    size_t len;
    char *data = slurp(path, SFEED_MAX_FILE_SIZE, &len);
    if (!data)
        return false;
    add_sfeed_lines(s, path, st, data, len < SFEED_MAX_FILE_SIZE ? len : SFEED_MAX_FILE_SIZE, only);
    free(data);
    return true;
}

/* Whether the n bytes at ext (after the dot) name an article file: txt,
 * md, markdown, html or htm in any case (ASCII only, as strcasecmp has it
 * for these letters in every locale). */
static bool article_extension(const char *ext, size_t n)
{
    char low[8];
    if (n < 2 || n > sizeof low)
        return false;
    for (size_t i = 0; i < n; i++)
        low[i] = (char)(ext[i] >= 'A' && ext[i] <= 'Z' ? ext[i] + ('a' - 'A') : ext[i]);
    switch (n) {
    case 2:
        return !memcmp(low, "md", 2);
    case 3:
        return !memcmp(low, "txt", 3) || !memcmp(low, "htm", 3);
    case 4:
        return !memcmp(low, "html", 4);
    case 8:
        return !memcmp(low, "markdown", 8);
    default:
        return false;
    }
}

/* Inside folders: .txt, .md, .markdown, .html and .htm files, except a
 * folder's own README (a README.md describes the folder; it is not news).
 * One walk back from the end finds the name's last dot; a README is the
 * six bytes before it, starting the name. */
static bool has_article_extension(const char *path, size_t len)
{
    size_t ext = len;
    while (ext > 0 && path[ext - 1] != '.' && path[ext - 1] != '/')
        ext--;
    if (ext == 0 || path[ext - 1] != '.' || !article_extension(path + ext, len - ext))
        return false;
    size_t dot = ext - 1;
    bool readme = (dot == 6 || (dot > 6 && path[dot - 7] == '/')) &&
                  !strncasecmp(path + dot - 6, "readme", 6);
    return !readme;
}

/* Reads the visible entries of a folder into `out`, sorted by name; false
 * (a problem added) when it cannot be read. */
static bool list_dir(struct scan *s, const char *path, struct dir_list *out)
{
    DIR *d = opendir(path);
    if (!d) {
        add_problem(s, path, "%s: %s", path, strerror(errno));
        return false;
    }
    strpool_init(&out->pool);
    out->names = NULL;
    out->n = 0;
    size_t cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        size_t len = strlen(e->d_name);
        char *item = strpool_alloc(&out->pool, len + 2);
        item[0] = (char)e->d_type; /* the byte before the name */
        memcpy(item + 1, e->d_name, len + 1);
        out->names = xgrow(out->names, &cap, out->n + 1, sizeof *out->names);
        out->names[out->n++] = item + 1;
    }
    closedir(d);
    name_sort(out->names, out->n);
    return true;
}

static void dir_list_free(struct dir_list *l)
{
    free(l->names);
    strpool_free(&l->pool);
}

static void scan_entry(struct scan *s, const char *path, size_t len, unsigned char type,
                       struct dir_stack *stack, bool named);

static void scan_dir(struct scan *s, const char *path, const struct stat *st,
                     struct dir_stack *stack)
{
    for (size_t i = 0; i < stack->n; i++) {
        if (stack->dev[i] == st->st_dev && stack->ino[i] == st->st_ino) {
            add_problem(s, path, "%s: symbolic link loop, skipped", path);
            return;
        }
    }
    if (stack->n == sizeof stack->dev / sizeof *stack->dev) {
        add_problem(s, path, "%s: folders nested too deep, skipped", path);
        return;
    }
    struct dir_list list;
    if (!list_dir(s, path, &list))
        return;
    stack->dev[stack->n] = st->st_dev;
    stack->ino[stack->n++] = st->st_ino;
    /* the children's paths: the folder's, a slash, then each name in turn */
    struct buf child;
    buf_init(&child);
    buf_puts(&child, path);
    if (child.data[child.len - 1] != '/')
        buf_putc(&child, '/');
    size_t prefix = child.len;
    uint32_t folder = add_folder(s, child.data, prefix);
    for (size_t i = 0; i < list.n; i++) {
        child.len = prefix;
        buf_puts(&child, list.names[i]);
        s->at_folder = folder; /* a subfolder's walk changes them */
        s->at_name = (uint32_t)prefix;
        scan_entry(s, child.data, child.len, (unsigned char)list.names[i][-1], stack, false);
    }
    s->at_folder = SCAN_NO_FOLDER;
    dir_list_free(&list);
    buf_free(&child);
    stack->n--;
}

/* A path that stat() failed on: a dangling link, a link loop, or a file that
 * went away since the folder was read. */
static void add_stat_problem(struct scan *s, const char *path, int err)
{
    struct stat lst;
    if (lstat(path, &lst) == 0 && S_ISLNK(lst.st_mode))
        add_problem(s, path, "%s: %s", path,
                    err == ELOOP ? "symbolic link loop" : "dangling symbolic link");
    else
        add_problem(s, path, "%s: %s", path,
                    err == ENOENT ? "vanished while loading" : strerror(err));
}

/* One path. A regular file that readdir already named as such is added
 * without a stat() (the loader checks it again when it opens it), which
 * keeps a scan of 100,000 files to the cost of reading the folders. */
static void scan_entry(struct scan *s, const char *path, size_t len, unsigned char type,
                       struct dir_stack *stack, bool named)
{
    bool wanted = named || has_article_extension(path, len);
    if (type == DT_REG) {
        if (wanted)
            add_file_len(s, path, len);
        return;
    }
    if (type != DT_DIR && type != DT_LNK && type != DT_UNKNOWN) {
        if (wanted) /* a FIFO, socket or device named like an article */
            add_problem(s, path, "%s: not a regular file", path);
        return;
    }
    struct stat st;
    if (stat(path, &st) != 0) {
        add_stat_problem(s, path, errno);
        return;
    }
    if (S_ISDIR(st.st_mode))
        scan_dir(s, path, &st, stack);
    else if (S_ISREG(st.st_mode) && wanted) {
        if (!named || !scan_sfeed(s, path, &st, 0))
            add_file_len(s, path, len);
    } else if (wanted)
        add_problem(s, path, "%s: not a regular file", path);
}

/* "FILE#LINE" naming one line of an sfeed file (as the loader names its
 * articles): that line alone. */
static bool scan_sfeed_line(struct scan *s, const char *path)
{
    const char *hash = strrchr(path, '#');
    if (!hash || !hash[1] || strspn(hash + 1, "0123456789") != strlen(hash + 1) ||
        strlen(hash + 1) > 9)
        return false;
    unsigned line = (unsigned)strtoul(hash + 1, NULL, 10);
    char *file = xstrndup(path, (size_t)(hash - path));
    struct stat st;
    size_t before = s->n;
    bool ok = line && stat(file, &st) == 0 && S_ISREG(st.st_mode) &&
              scan_sfeed(s, file, &st, line) && s->n > before;
    free(file);
    return ok;
}

bool scan_path(struct scan *s, const char *path, struct tl_error *err)
{
    struct stat st;
    if (stat(path, &st) != 0 && scan_sfeed_line(s, path))
        return true;
    if (stat(path, &st) != 0)
        return tl_error_set(err, "%s: %s", path, strerror(errno));
    struct dir_stack stack = {.n = 0};
    scan_entry(s, path, strlen(path), DT_UNKNOWN, &stack, true);
    return true;
}
