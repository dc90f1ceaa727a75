/* state: the reading state's API (state.h): the store in memory, the log of
 * this process's changes, and saving them under a lock by merging the log
 * over the file as it is then. */
#define _DEFAULT_SOURCE /* flock */
#include "core/state/state.h"
#include "core/base/xalloc.h"
#include "core/cache/cache_file.h"
#include "core/state/state_file.h"
#include "core/state/state_store.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

/* One change, replayed over the file's state when saving. */
enum op_kind { OP_MARK, OP_FOLLOW, OP_UNFOLLOW, OP_THEME, OP_VISIT };

struct op {
    enum op_kind kind;
    char *key;  /* OP_MARK: article key; OP_FOLLOW, OP_UNFOLLOW: entity id */
    char *name; /* OP_FOLLOW: entity name; OP_THEME: theme, or NULL */
    unsigned bit;
    bool on;
    enum entity_kind ekind;
    time_t when;
};

struct state {
    char *dir, *path, *lock_path;
    char *cwd; /* for the path keys of relative paths */
    struct state_store store;
    struct state_warnings warnings;
    bool unusable; /* the file could not be read: never write over it */
    struct op *log;
    size_t nlog, logcap;
};

static char *join(const char *dir, const char *name)
{
    struct buf b;
    buf_init(&b);
    buf_printf(&b, "%s/%s", dir, name);
    return buf_detach(&b, NULL);
}

char *state_default_dir(void)
{
    const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    if (xdg && xdg[0] == '/') /* the spec: relative values are ignored */
        return join(xdg, "touchline");
    if (home && home[0] == '/')
        return join(home, ".local/state/touchline");
    return NULL;
}

/* Adds the count of warnings past the limit as one more warning. */
static void close_warnings(struct state_warnings *w, const char *path)
{
    if (!w->more)
        return;
    struct buf b;
    buf_init(&b);
    buf_printf(&b, "%s: %zu more bad line%s skipped", path, w->more, w->more == 1 ? "" : "s");
    w->v = xgrow(w->v, &w->cap, w->n + 1, sizeof *w->v);
    w->v[w->n++] = buf_detach(&b, NULL);
    w->more = 0;
}

struct state *state_open(const char *dir)
{
    struct state *st = xcalloc(1, sizeof *st);
    st->dir = xstrdup(dir);
    st->path = join(dir, "state");
    st->lock_path = join(dir, "state.lock");
    char cwd[PATH_MAX];
    st->cwd = xstrdup(getcwd(cwd, sizeof cwd) ? cwd : "/");
    store_init(&st->store);
    st->unusable = state_file_read(st->path, &st->store, &st->warnings) == STATE_FILE_UNUSABLE;
    close_warnings(&st->warnings, st->path);
    return st;
}

static void log_clear(struct state *st)
{
    for (size_t i = 0; i < st->nlog; i++) {
        free(st->log[i].key);
        free(st->log[i].name);
    }
    st->nlog = 0;
}

void state_close(struct state *st)
{
    if (!st)
        return;
    log_clear(st);
    free(st->log);
    store_free(&st->store);
    state_warnings_free(&st->warnings);
    free(st->dir);
    free(st->path);
    free(st->lock_path);
    free(st->cwd);
    free(st);
}

const char *state_path(const struct state *st)
{
    return st->path;
}

size_t state_nwarnings(const struct state *st)
{
    return st->warnings.n;
}

const char *state_warning(const struct state *st, size_t i)
{
    return i < st->warnings.n ? st->warnings.v[i] : NULL;
}

bool state_dirty(const struct state *st)
{
    return st->nlog > 0;
}

/* Applies one change to a store; returns whether it changed anything. */
static bool apply(struct state_store *s, const struct op *o)
{
    switch (o->kind) {
    case OP_MARK:
        return store_mark(s, o->key, o->bit, o->on);
    case OP_FOLLOW:
        return store_follow(s, o->key, o->ekind, o->name);
    case OP_UNFOLLOW:
        return store_unfollow(s, o->key);
    case OP_THEME:
        return store_set_theme(s, o->name);
    case OP_VISIT:
        return store_visit(s, o->when);
    }
    return false;
}

/* Applies a change here and logs it for the save when it changed something.
 * The strings are copied first: they may be the store's own (an id from
 * state_followed_at), which applying the change frees. */
static bool change(struct state *st, struct op o)
{
    o.key = o.key ? xstrdup(o.key) : NULL;
    o.name = o.name ? xstrdup(o.name) : NULL;
    if (!apply(&st->store, &o)) {
        free(o.key);
        free(o.name);
        return false;
    }
    st->log = xgrow(st->log, &st->logcap, st->nlog + 1, sizeof *st->log);
    st->log[st->nlog++] = o;
    return true;
}

/* Appends path made absolute (from cwd) without "." and ".." components. */
static void put_absolute(struct buf *out, const char *cwd, const char *path)
{
    struct buf full;
    buf_init(&full);
    if (path[0] != '/')
        buf_printf(&full, "%s/", cwd);
    buf_puts(&full, path);
    size_t base = out->len;
    for (char *p = full.data; *p;) {
        char *slash = strchr(p, '/');
        size_t n = slash ? (size_t)(slash - p) : strlen(p);
        if (n == 2 && p[0] == '.' && p[1] == '.') {
            while (out->len > base && out->data[out->len - 1] != '/')
                out->len--;
            if (out->len > base)
                out->len--; /* the slash before the last component */
        } else if (n && !(n == 1 && p[0] == '.')) {
            buf_putc(out, '/');
            buf_append(out, p, n);
        }
        p += n + (slash != NULL);
    }
    if (out->len == base)
        buf_putc(out, '/');
    out->data[out->len] = '\0';
    buf_free(&full);
}

void state_article_key(const struct state *st, const struct article *a, struct buf *out)
{
    buf_reset(out);
    for (size_t i = 0; i < a->meta.nextra; i++)
        if (!strcmp(a->meta.extra[i].key, "guid") && a->meta.extra[i].value &&
            *a->meta.extra[i].value) {
            buf_printf(out, "guid:%s", a->meta.extra[i].value);
            return;
        }
    if (a->meta.url && *a->meta.url) {
        buf_printf(out, "url:%s", a->meta.url);
        return;
    }
    buf_puts(out, "path:");
    put_absolute(out, st->cwd, a->path);
}

bool state_is_read(const struct state *st, const char *key)
{
    return store_marks(&st->store, key) & MARK_READ;
}

bool state_is_starred(const struct state *st, const char *key)
{
    return store_marks(&st->store, key) & MARK_STARRED;
}

bool state_set_read(struct state *st, const char *key, bool on)
{
    return change(st, (struct op){.kind = OP_MARK, .key = (char *)key, .bit = MARK_READ, .on = on});
}

bool state_set_starred(struct state *st, const char *key, bool on)
{
    return change(st,
                  (struct op){.kind = OP_MARK, .key = (char *)key, .bit = MARK_STARRED, .on = on});
}

bool state_toggle_read(struct state *st, const char *key)
{
    bool on = !state_is_read(st, key);
    state_set_read(st, key, on);
    return on;
}

bool state_toggle_starred(struct state *st, const char *key)
{
    bool on = !state_is_starred(st, key);
    state_set_starred(st, key, on);
    return on;
}

size_t state_nread(const struct state *st)
{
    return st->store.count[MARK_READ];
}

size_t state_nstarred(const struct state *st)
{
    return st->store.count[MARK_STARRED];
}

bool state_follow(struct state *st, const char *id, enum entity_kind kind, const char *name)
{
    return change(
        st, (struct op){.kind = OP_FOLLOW, .key = (char *)id, .ekind = kind, .name = (char *)name});
}

bool state_unfollow(struct state *st, const char *id)
{
    return change(st, (struct op){.kind = OP_UNFOLLOW, .key = (char *)id});
}

bool state_is_followed(const struct state *st, const char *id)
{
    return store_find_followed(&st->store, id) >= 0;
}

size_t state_nfollowed(const struct state *st)
{
    return st->store.nfollowed;
}

const struct state_followed *state_followed_at(const struct state *st, size_t i)
{
    return i < st->store.nfollowed ? &st->store.followed[i] : NULL;
}

const char *state_theme(const struct state *st)
{
    return st->store.theme;
}

void state_set_theme(struct state *st, const char *name)
{
    change(st, (struct op){.kind = OP_THEME, .name = (char *)name});
}

time_t state_visit_last(const struct state *st)
{
    return st->store.visit_last;
}

time_t state_visit_previous(const struct state *st)
{
    return st->store.visit_previous;
}

void state_visit_record(struct state *st, time_t now)
{
    change(st, (struct op){.kind = OP_VISIT, .when = now});
}

/* Takes the lock file's exclusive lock, waiting up to about five seconds. */
static bool lock_wait(int fd)
{
    for (int tries = 0; tries < 500; tries++) {
        if (flock(fd, LOCK_EX | LOCK_NB) == 0)
            return true;
        if (errno != EWOULDBLOCK && errno != EINTR)
            return false;
        nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
    }
    errno = EWOULDBLOCK;
    return false;
}

/* Under the lock: the file as it is now, this process's log over it, and
 * the result written in its place. On success the result becomes st's. */
static bool merge_locked(struct state *st, struct tl_error *err)
{
    struct state_store fresh;
    struct state_warnings w = {0};
    store_init(&fresh);
    bool ok = state_file_read(st->path, &fresh, &w) != STATE_FILE_UNUSABLE;
    if (!ok)
        tl_error_set(err, "%s", w.n ? w.v[0] : st->path);
    for (size_t i = 0; ok && i < st->nlog; i++)
        apply(&fresh, &st->log[i]);
    struct buf text;
    buf_init(&text);
    if (ok) {
        state_file_format(&fresh, &text);
        struct iovec part = {text.data, text.len};
        ok = cache_file_replace(st->path, &part, 1, err);
    }
    if (ok) {
        store_free(&st->store);
        st->store = fresh;
        log_clear(st);
        cache_file_clean_temps(st->path, 600);
    } else {
        store_free(&fresh);
    }
    buf_free(&text);
    state_warnings_free(&w);
    return ok;
}

bool state_save(struct state *st, struct tl_error *err)
{
    if (!st->nlog)
        return true;
    if (st->unusable)
        return tl_error_set(err, "%s: not saved: the file could not be read when opened", st->path);
    if (!cache_file_mkdirs(st->dir, err))
        return false;
    int fd = open(st->lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0)
        return tl_error_set(err, "%s: %s", st->lock_path, strerror(errno));
    if (!lock_wait(fd)) {
        int e = errno;
        close(fd);
        return tl_error_set(err, "%s: %s", st->lock_path,
                            e == EWOULDBLOCK ? "still locked by another touchline after 5 s"
                                             : strerror(e));
    }
    bool ok = merge_locked(st, err);
    close(fd); /* releases the lock */
    return ok;
}
