/* state_file: reading and writing the state file's text (see state_file.h). */
#include "core/state/state_file.h"
#include "core/base/timestamp.h"
#include "core/base/utf8.h"
#include "core/base/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_FIELDS 5

void state_warnings_free(struct state_warnings *w)
{
    for (size_t i = 0; i < w->n; i++)
        free(w->v[i]);
    free(w->v);
    memset(w, 0, sizeof *w);
}

/* Records a warning; returns false, for `return warn(...)` on a bad line. */
static bool warn(struct state_warnings *w, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static bool warn(struct state_warnings *w, const char *fmt, ...)
{
    if (w->n >= STATE_FILE_MAX_WARNINGS) {
        w->more++;
        return false;
    }
    w->v = xgrow(w->v, &w->cap, w->n + 1, sizeof *w->v);
    va_list ap;
    va_start(ap, fmt);
    w->v[w->n++] = buf_vformat(fmt, ap);
    va_end(ap);
    return false;
}

/* One line being read: where it is, and its fields unescaped. */
struct line {
    const char *path;
    unsigned number;
    const char *start; /* of the line, for columns */
    size_t nfields;
    const char *raw[MAX_FIELDS]; /* where each field starts */
    struct buf text[MAX_FIELDS];
};

/* 1-based column (in characters) of a byte of the line. */
static unsigned column(const struct line *l, const char *at)
{
    unsigned col = 1;
    for (const char *p = l->start; p < at; p++)
        col += ((unsigned char)*p & 0xC0) != 0x80;
    return col;
}

static int hex_digit(char c)
{
    return c >= '0' && c <= '9'   ? c - '0'
           : c >= 'a' && c <= 'f' ? c - 'a' + 10
           : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                  : -1;
}

/* Unescapes raw[0, len) into out; on a bad escape returns where it is. */
static const char *unescape(const char *raw, size_t len, struct buf *out)
{
    for (size_t i = 0; i < len; i++) {
        if (raw[i] != '\\') {
            buf_putc(out, raw[i]);
            continue;
        }
        char c = i + 1 < len ? raw[i + 1] : '\0';
        if (c == '\\' || c == 't' || c == 'n' || c == 'r') {
            buf_putc(out, c == 't' ? '\t' : c == 'n' ? '\n' : c == 'r' ? '\r' : '\\');
            i++;
        } else if (c == 'x' && i + 3 < len && hex_digit(raw[i + 2]) >= 0 &&
                   hex_digit(raw[i + 3]) >= 0) {
            buf_putc(out, (char)(hex_digit(raw[i + 2]) * 16 + hex_digit(raw[i + 3])));
            i += 3;
        } else {
            return raw + i;
        }
    }
    return NULL;
}

/* Splits and unescapes a line; false (after a warning) when it is bad. */
static bool split(struct line *l, const char *s, size_t len, struct state_warnings *w)
{
    l->nfields = 0;
    const char *end = s + len;
    for (const char *p = s;;) {
        const char *tab = memchr(p, '\t', (size_t)(end - p));
        const char *stop = tab ? tab : end;
        if (l->nfields == MAX_FIELDS) {
            warn(w, "%s:%u:%u: too many fields; line skipped", l->path, l->number, column(l, p));
            return false;
        }
        l->raw[l->nfields] = p;
        struct buf *t = &l->text[l->nfields++];
        buf_reset(t);
        const char *bad = unescape(p, (size_t)(stop - p), t);
        if (bad) {
            warn(w, "%s:%u:%u: bad escape (use \\\\, \\t, \\n, \\r or \\xHH); line skipped",
                 l->path, l->number, column(l, bad));
            return false;
        }
        if (memchr(t->data, '\0', t->len)) {
            warn(w, "%s:%u:%u: NUL byte in a field; line skipped", l->path, l->number,
                 column(l, p));
            return false;
        }
        if (!tab)
            return true;
        p = tab + 1;
    }
}

/* Valid UTF-8 with no control character: fit for the screen. */
static bool displayable(const struct buf *b)
{
    for (size_t i = 0; i < b->len;) {
        uint32_t cp;
        size_t n = utf8_decode(b->data + i, b->len - i, &cp);
        if (cp == UTF8_REPLACEMENT || cp < 0x20 || (cp >= 0x7f && cp < 0xa0))
            return false;
        i += n;
    }
    return b->len > 0;
}

/* Checks a record's field count: `min` to `max` after the record name. */
static bool arity(const struct line *l, size_t min, size_t max, struct state_warnings *w)
{
    size_t n = l->nfields - 1;
    if (n >= min && n <= max)
        return true;
    if (n < min)
        warn(w, "%s:%u:%u: '%s' needs %zu field%s after it; line skipped", l->path, l->number,
             column(l, l->raw[0] + l->text[0].len), l->text[0].data, min, min == 1 ? "" : "s");
    else
        warn(w, "%s:%u:%u: too many fields for '%s'; line skipped", l->path, l->number,
             column(l, l->raw[max + 1]), l->text[0].data);
    return false;
}

static bool read_time(const struct line *l, size_t f, time_t *out, struct state_warnings *w)
{
    bool timed;
    if (timestamp_parse(l->text[f].data, out, &timed) && timed && *out >= 0)
        return true;
    warn(w, "%s:%u:%u: '%s' is not a time like 2024-05-01T08:00:00Z; line skipped", l->path,
         l->number, column(l, l->raw[f]), l->text[f].data);
    return false;
}

static bool read_visit(const struct line *l, struct state_store *s, struct state_warnings *w)
{
    time_t last, prev = 0;
    if (!arity(l, 1, 2, w) || !read_time(l, 1, &last, w) ||
        (l->nfields == 3 && !read_time(l, 2, &prev, w)))
        return false;
    s->visit_last = last;
    s->visit_previous = prev < last ? prev : 0;
    return true;
}

static bool read_follow(const struct line *l, struct state_store *s, struct state_warnings *w)
{
    enum entity_kind kind;
    if (!arity(l, 3, 3, w))
        return false;
    if (!entity_kind_parse(l->text[1].data, &kind)) {
        warn(w, "%s:%u:%u: unknown kind '%s'; line skipped", l->path, l->number,
             column(l, l->raw[1]), l->text[1].data);
        return false;
    }
    for (size_t f = 2; f <= 3; f++)
        if (!displayable(&l->text[f])) {
            warn(w, "%s:%u:%u: empty, or not printable UTF-8; line skipped", l->path, l->number,
                 column(l, l->raw[f]));
            return false;
        }
    store_follow(s, l->text[2].data, kind, l->text[3].data);
    return true;
}

static bool read_record(struct line *l, struct state_store *s, struct state_warnings *w)
{
    const char *rec = l->text[0].data;
    if (!strcmp(rec, "visit"))
        return read_visit(l, s, w);
    if (!strcmp(rec, "follow"))
        return read_follow(l, s, w);
    if (!strcmp(rec, "theme")) {
        if (!arity(l, 1, 1, w))
            return false;
        if (!displayable(&l->text[1]))
            return warn(w, "%s:%u:%u: empty, or not printable UTF-8; line skipped", l->path,
                        l->number, column(l, l->raw[1]));
        store_set_theme(s, l->text[1].data);
        return true;
    }
    if (!strcmp(rec, "read") || !strcmp(rec, "starred")) {
        if (!arity(l, 1, 1, w))
            return false;
        if (!l->text[1].len)
            return warn(w, "%s:%u:%u: empty key; line skipped", l->path, l->number,
                        column(l, l->raw[1]));
        store_mark(s, l->text[1].data, rec[0] == 'r' ? MARK_READ : MARK_STARRED, true);
        return true;
    }
    warn(w,
         "%s:%u:1: unknown record '%s' (expected visit, theme, follow, read or starred); "
         "line skipped",
         l->path, l->number, rec);
    return false;
}

/* The header line; false when the file is of another format or version. */
static bool read_header(struct line *l, struct state_warnings *w)
{
    if (l->nfields == 2 && !strcmp(l->text[0].data, "touchline-state")) {
        if (!strcmp(l->text[1].data, "1"))
            return true;
        warn(w,
             "%s:%u:%u: version '%s' of the state file is not one this touchline knows (1); "
             "the file is left alone and nothing is saved",
             l->path, l->number, column(l, l->raw[1]), l->text[1].data);
        return false;
    }
    warn(w,
         "%s:%u:1: not a touchline state file (the first line is not 'touchline-state<TAB>1'); "
         "the file is left alone and nothing is saved",
         l->path, l->number);
    return false;
}

enum state_file_status state_file_parse(const char *path, const char *text, size_t len,
                                        struct state_store *s, struct state_warnings *w)
{
    struct line l = {.path = path};
    for (size_t i = 0; i < MAX_FIELDS; i++)
        buf_init(&l.text[i]);
    enum state_file_status status = STATE_FILE_OK;
    bool header = false;
    for (size_t at = 0; at < len;) {
        const char *nl = memchr(text + at, '\n', len - at);
        size_t n = nl ? (size_t)(nl - (text + at)) : len - at;
        l.number++;
        l.start = text + at;
        at += nl ? n + 1 : n;
        if (n && l.start[n - 1] == '\r')
            n--; /* a file edited on Windows */
        if (!n || l.start[0] == '#')
            continue;
        if (!split(&l, l.start, n, w))
            continue;
        if (!header) {
            header = true;
            if (!read_header(&l, w)) {
                status = STATE_FILE_UNUSABLE;
                break;
            }
            continue;
        }
        read_record(&l, s, w);
    }
    for (size_t i = 0; i < MAX_FIELDS; i++)
        buf_free(&l.text[i]);
    if (status == STATE_FILE_UNUSABLE)
        store_free(s);
    return status;
}

enum state_file_status state_file_read(const char *path, struct state_store *s,
                                       struct state_warnings *w)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0 && errno == ENOENT)
        return STATE_FILE_ABSENT;
    struct stat st;
    const char *why = NULL;
    if (fd < 0 || fstat(fd, &st) != 0)
        why = strerror(errno);
    else if (!S_ISREG(st.st_mode))
        why = "not a regular file";
    else if ((unsigned long long)st.st_size > STATE_FILE_MAX)
        why = "larger than 64 MiB";
    struct buf text;
    buf_init(&text);
    while (!why) {
        buf_reserve(&text, 65536);
        ssize_t got = read(fd, text.data + text.len, 65536);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            why = strerror(errno);
        if (got <= 0)
            break;
        text.len += (size_t)got;
        text.data[text.len] = '\0';
        if (text.len > STATE_FILE_MAX)
            why = "larger than 64 MiB";
    }
    if (fd >= 0)
        close(fd);
    enum state_file_status status = STATE_FILE_UNUSABLE;
    if (why)
        warn(w, "%s: %s; the file is left alone and nothing is saved", path, why);
    else
        status = state_file_parse(path, text.data, text.len, s, w);
    buf_free(&text);
    return status;
}

/* A field, escaped: backslash, tab, newline, carriage return and the other
 * control bytes. */
static void put_field(struct buf *out, const char *s)
{
    buf_putc(out, '\t');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '\\')
            buf_puts(out, "\\\\");
        else if (c == '\t')
            buf_puts(out, "\\t");
        else if (c == '\n')
            buf_puts(out, "\\n");
        else if (c == '\r')
            buf_puts(out, "\\r");
        else if (c < 0x20 || c == 0x7f)
            buf_printf(out, "\\x%02x", c);
        else
            buf_putc(out, (char)c);
    }
}

static void put_keys(struct buf *out, const struct state_store *s, unsigned bit, const char *rec)
{
    size_t n;
    const char **keys = store_keys_with(s, bit, &n);
    for (size_t i = 0; i < n; i++) {
        buf_puts(out, rec);
        put_field(out, keys[i]);
        buf_putc(out, '\n');
    }
    free(keys);
}

void state_file_format(const struct state_store *s, struct buf *out)
{
    buf_printf(out, "touchline-state\t%d\n# the reading state of touchline; see touchline(5)\n",
               STATE_FILE_VERSION);
    if (s->visit_last > 0) {
        char last[21], prev[21];
        timestamp_format_utc(s->visit_last, last);
        buf_printf(out, "visit\t%s", last);
        if (s->visit_previous > 0) {
            timestamp_format_utc(s->visit_previous, prev);
            buf_printf(out, "\t%s", prev);
        }
        buf_putc(out, '\n');
    }
    if (s->theme) {
        buf_puts(out, "theme");
        put_field(out, s->theme);
        buf_putc(out, '\n');
    }
    for (size_t i = 0; i < s->nfollowed; i++) {
        buf_printf(out, "follow\t%s", entity_kind_name(s->followed[i].kind));
        put_field(out, s->followed[i].id);
        put_field(out, s->followed[i].name);
        buf_putc(out, '\n');
    }
    put_keys(out, s, MARK_READ, "read");
    put_keys(out, s, MARK_STARRED, "starred");
}
