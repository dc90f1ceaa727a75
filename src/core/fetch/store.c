/* store: items as Markdown articles under feeds_dir (see store.h). */
#define _DEFAULT_SOURCE /* DT_DIR */
#include "core/fetch/store.h"
#include "core/base/hash.h"
#include "core/base/xalloc.h"
#include "core/cache/cache_file.h"
#include "core/load/sanitize.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

struct stored {
    char key[13];
    char *folder; /* the feed folder's name */
    char *path;
    bool met; /* an item of this run had this key */
};

struct store {
    char *dir;
    struct stored *v;
    size_t n, cap;
    bool sorted;
};

/* "2022-12-05-spurs-close-in-0123456789ab.md": the key is the last 12 hex digits. */
static bool key_of_name(const char *name, char key[13])
{
    size_t n = strlen(name);
    if (n < 16 || strcmp(name + n - 3, ".md") || name[n - 16] != '-')
        return false;
    memcpy(key, name + n - 15, 12);
    key[12] = '\0';
    return strspn(key, "0123456789abcdef") == 12;
}

/* Appends an entry, or inserts it in its place once the list is sorted. */
static struct stored *add_stored(struct store *s, const char *key, const char *folder,
                                 const char *path)
{
    s->v = xgrow(s->v, &s->cap, s->n + 1, sizeof *s->v);
    size_t at = s->n;
    if (s->sorted) {
        size_t lo = 0, hi = s->n;
        while (lo < hi) {
            size_t mid = lo + (hi - lo) / 2;
            if (strcmp(s->v[mid].key, key) < 0)
                lo = mid + 1;
            else
                hi = mid;
        }
        at = lo;
        memmove(&s->v[at + 1], &s->v[at], (s->n - at) * sizeof *s->v);
    }
    s->n++;
    struct stored *e = &s->v[at];
    memcpy(e->key, key, 13);
    e->folder = xstrdup(folder);
    e->path = xstrdup(path);
    e->met = false;
    return e;
}

/* Temp files of a run killed before its rename, older than a minute. */
static bool stale_temp(const char *path, const char *name)
{
    struct stat st;
    return strstr(name, ".tmp.") && lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
           st.st_mtime < time(NULL) - 60;
}

static void list_folder(struct store *s, const char *folder)
{
    struct buf p;
    buf_init(&p);
    buf_printf(&p, "%s/%s", s->dir, folder);
    DIR *d = opendir(p.data);
    struct dirent *de;
    size_t base = p.len;
    while (d && (de = readdir(d))) {
        char key[13];
        p.len = base;
        p.data[base] = '\0';
        buf_printf(&p, "/%s", de->d_name);
        if (key_of_name(de->d_name, key))
            add_stored(s, key, folder, p.data);
        else if (stale_temp(p.data, de->d_name))
            unlink(p.data);
    }
    if (d)
        closedir(d);
    buf_free(&p);
}

struct store *store_open(const char *feeds_dir)
{
    struct store *s = xcalloc(1, sizeof *s);
    s->dir = xstrdup(feeds_dir);
    DIR *d = opendir(feeds_dir);
    struct dirent *de;
    while (d && (de = readdir(d)))
        if (de->d_name[0] != '.' && (de->d_type == DT_DIR || de->d_type == DT_UNKNOWN))
            list_folder(s, de->d_name);
    if (d)
        closedir(d);
    return s;
}

void store_close(struct store *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++) {
        free(s->v[i].folder);
        free(s->v[i].path);
    }
    free(s->v);
    free(s->dir);
    free(s);
}

static int compare_keys(const void *a, const void *b)
{
    return strcmp(((const struct stored *)a)->key, ((const struct stored *)b)->key);
}

static struct stored *find(struct store *s, const char *key)
{
    if (!s->n)
        return NULL;
    if (!s->sorted) {
        qsort(s->v, s->n, sizeof *s->v, compare_keys);
        s->sorted = true;
    }
    struct stored probe;
    memcpy(probe.key, key, 13);
    struct stored *hit = bsearch(&probe, s->v, s->n, sizeof *s->v, compare_keys);
    while (hit && hit > s->v && !strcmp(hit[-1].key, key))
        hit--;
    return hit;
}

void store_item_key(const struct feed_item *it, char out[13])
{
    uint64_t h;
    if (it->guid)
        h = hash_more(hash_str("guid:"), it->guid, strlen(it->guid));
    else if (it->link)
        h = hash_more(hash_str("link:"), it->link, strlen(it->link));
    else
        h = hash_more(hash_str("title:"), it->title ? it->title : "",
                      it->title ? strlen(it->title) : 0);
    snprintf(out, 13, "%012llx", (unsigned long long)(h & 0xffffffffffffULL));
}

void store_folder_name(const char *feed_name, struct buf *out)
{
    size_t start = out->len;
    for (const char *p = feed_name; *p && out->len - start < 100; p++) {
        unsigned char c = (unsigned char)*p;
        bool bad =
            c < 0x20 || c == 0x7f || c == '/' || c == '\\' || (out->len == start && c == '.');
        buf_putc(out, bad ? '_' : (char)c);
    }
    /* Never cut a UTF-8 sequence in two. */
    while (out->len > start && ((unsigned char)out->data[out->len - 1] & 0xc0) == 0x80 &&
           out->len - start >= 100)
        out->data[--out->len] = '\0';
    if (out->len > start && ((unsigned char)out->data[out->len - 1] & 0xc0) == 0xc0)
        out->data[--out->len] = '\0';
    if (out->len == start)
        buf_puts(out, "feed");
}

/* The file's feed_digest value, read from its front matter. */
static bool has_digest(const char *path, const char *digest)
{
    FILE *f = fopen(path, "r");
    if (!f)
        return false;
    char line[256];
    bool same = false;
    for (int i = 0; i < 64 && fgets(line, sizeof line, f); i++) {
        if (i > 0 && !strcmp(line, "---\n"))
            break;
        if (!strncmp(line, "feed_digest: \"", 14)) {
            same = !strncmp(line + 14, digest, 16) && line[30] == '"';
            break;
        }
    }
    fclose(f);
    return same;
}

enum store_seen store_check(struct store *s, const char *folder, const char key[13],
                            const char *digest)
{
    struct stored *e = find(s, key);
    if (!e) {
        add_stored(s, key, folder, "")->met = true;
        return STORE_ABSENT;
    }
    if (e->met || strcmp(e->folder, folder))
        return STORE_ELSEWHERE;
    e->met = true;
    return has_digest(e->path, digest) ? STORE_SAME : STORE_CHANGED;
}

void store_item_digest(const struct feed_item *it, const char *feed_name, const char *const *tags,
                       size_t ntags, char out[17])
{
    const char *fields[] = {feed_name, it->title,  it->link, it->guid,
                            it->date,  it->author, it->text};
    uint64_t h = HASH_INIT;
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        const char *f = fields[i] ? fields[i] : "";
        h = hash_more(h, f, strlen(f) + 1);
    }
    for (size_t i = 0; i < ntags; i++)
        h = hash_more(h, tags[i], strlen(tags[i]) + 1);
    snprintf(out, 17, "%016llx", (unsigned long long)h);
}

/* A front matter value: sanitized (no controls, escapes or bidi overrides),
 * on one line, double-quoted. */
static void put_quoted(struct buf *b, const char *v)
{
    struct buf clean;
    buf_init(&clean);
    sanitize_text(v, strlen(v), &clean, NULL);
    buf_putc(b, '"');
    for (size_t i = 0; i < clean.len; i++) {
        char c = clean.data[i];
        if (c == '"' || c == '\\')
            buf_putc(b, '\\');
        buf_putc(b, c == '\n' ? ' ' : c);
    }
    buf_putc(b, '"');
    buf_free(&clean);
}

static void put_value(struct buf *b, const char *key, const char *v)
{
    if (!v || !*v)
        return;
    buf_printf(b, "%s: ", key);
    put_quoted(b, v);
    buf_putc(b, '\n');
}

static void render(const struct store_article *a, struct buf *b)
{
    const struct feed_item *it = a->item;
    buf_puts(b, "---\n");
    put_value(b, "title", it->title ? it->title : "(untitled)");
    put_value(b, "date", it->date);
    put_value(b, "url", it->link);
    put_value(b, "source", a->feed_name);
    put_value(b, "author", it->author);
    put_value(b, "guid", it->guid);
    if (a->ntags) {
        buf_puts(b, "tags: [");
        for (size_t i = 0; i < a->ntags; i++) {
            buf_puts(b, i ? ", " : "");
            put_quoted(b, a->tags[i]);
        }
        buf_puts(b, "]\n");
    }
    put_value(b, "feed_digest", a->digest);
    buf_puts(b, "---\n\n");
    struct buf clean;
    buf_init(&clean);
    sanitize_text(a->body, strlen(a->body), &clean, NULL);
    buf_append(b, clean.data, clean.len);
    if (clean.len && clean.data[clean.len - 1] != '\n')
        buf_putc(b, '\n');
    buf_free(&clean);
}

/* "spurs-close-in-on-deal": ASCII letters and digits of the title, at most 60 bytes. */
static void put_slug(struct buf *b, const char *title)
{
    size_t start = b->len;
    bool dash = false;
    for (const char *p = title ? title : ""; *p && b->len - start < 60; p++) {
        char c = *p;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c - 'A' + 'a');
        if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
            if (dash && b->len > start)
                buf_putc(b, '-');
            buf_putc(b, c);
            dash = false;
        } else {
            dash = true;
        }
    }
    if (b->len == start)
        buf_puts(b, "item");
}

static void new_path(const struct store *s, const struct store_article *a, struct buf *p)
{
    char day[11];
    if (a->item->date) {
        memcpy(day, a->item->date, 10);
        day[10] = '\0';
    } else {
        time_t now = time(NULL);
        struct tm tm;
        gmtime_r(&now, &tm);
        strftime(day, sizeof day, "%Y-%m-%d", &tm);
    }
    buf_printf(p, "%s/%s/%s-", s->dir, a->folder, day);
    put_slug(p, a->item->title);
    buf_printf(p, "-%s.md", a->key);
}

bool store_write(struct store *s, const struct store_article *a, struct tl_error *err)
{
    struct stored *e = find(s, a->key);
    struct buf path, dir, text;
    buf_init(&path);
    buf_init(&dir);
    buf_init(&text);
    if (e && e->path[0])
        buf_puts(&path, e->path);
    else
        new_path(s, a, &path);
    buf_printf(&dir, "%s/%s", s->dir, a->folder);
    render(a, &text);
    struct iovec part = {text.data, text.len};
    bool ok = cache_file_mkdirs(dir.data, err) && cache_file_replace(path.data, &part, 1, err);
    if (ok && e && !e->path[0]) {
        free(e->path);
        e->path = buf_detach(&path, NULL);
    }
    buf_free(&path);
    buf_free(&dir);
    buf_free(&text);
    return ok;
}
