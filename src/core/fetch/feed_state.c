/* feed_state: per-feed state files (see feed_state.h). A file is lines of
 * "key value": url, etag, last_modified, title, fetched. */
#include "core/fetch/feed_state.h"
#include "core/base/hash.h"
#include "core/base/xalloc.h"
#include "core/cache/cache_file.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

bool feed_state_default_dir(struct buf *out)
{
    const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    if (xdg && *xdg == '/')
        buf_printf(out, "%s/touchline/feeds", xdg);
    else if (home && *home)
        buf_printf(out, "%s/.local/state/touchline/feeds", home);
    else
        return false;
    return true;
}

void feed_state_key(const char *feeds_dir, const char *url, struct buf *out)
{
    buf_printf(out, "%s %s", url, feeds_dir);
}

static void state_path(const char *dir, const char *url, struct buf *out)
{
    buf_printf(out, "%s/%016llx.state", dir, (unsigned long long)hash_str(url));
}

static char *value_copy(const char *s, size_t n)
{
    return n ? xstrndup(s, n) : NULL;
}

void feed_state_load(const char *dir, const char *url, struct feed_state *st)
{
    memset(st, 0, sizeof *st);
    struct buf path;
    buf_init(&path);
    state_path(dir, url, &path);
    size_t size;
    char *text = (char *)cache_file_read(path.data, 64 * 1024, &size);
    buf_free(&path);
    if (!text)
        return;
    bool same_url = false;
    for (char *p = text; p < text + size;) {
        char *nl = memchr(p, '\n', (size_t)(text + size - p));
        char *e = nl ? nl : text + size;
        char *sp = memchr(p, ' ', (size_t)(e - p));
        if (sp) {
            size_t k = (size_t)(sp - p), n = (size_t)(e - sp - 1);
            if (k == 3 && !strncmp(p, "url", 3))
                same_url = n == strlen(url) && !memcmp(sp + 1, url, n);
            else if (k == 4 && !strncmp(p, "etag", 4) && !st->etag)
                st->etag = value_copy(sp + 1, n);
            else if (k == 13 && !strncmp(p, "last_modified", 13) && !st->last_modified)
                st->last_modified = value_copy(sp + 1, n);
            else if (k == 5 && !strncmp(p, "title", 5) && !st->title)
                st->title = value_copy(sp + 1, n);
            else if (k == 7 && !strncmp(p, "fetched", 7))
                st->fetched = strtoll(sp + 1, NULL, 10);
        }
        p = e + 1;
    }
    free(text);
    if (!same_url) { /* another URL with the same hash: not ours */
        feed_state_free(st);
        memset(st, 0, sizeof *st);
    }
}

/* A value on one line (header values and titles never hold newlines; this makes sure). */
static void put_line(struct buf *b, const char *key, const char *v)
{
    if (!v || !*v)
        return;
    buf_printf(b, "%s ", key);
    for (; *v; v++)
        buf_putc(b, *v == '\n' || *v == '\r' ? ' ' : *v);
    buf_putc(b, '\n');
}

bool feed_state_save(const char *dir, const char *url, const struct feed_state *st,
                     struct tl_error *err)
{
    if (!cache_file_mkdirs(dir, err))
        return false;
    struct buf text, path;
    buf_init(&text);
    buf_init(&path);
    put_line(&text, "url", url);
    put_line(&text, "etag", st->etag);
    put_line(&text, "last_modified", st->last_modified);
    put_line(&text, "title", st->title);
    buf_printf(&text, "fetched %lld\n", st->fetched);
    state_path(dir, url, &path);
    struct iovec part = {text.data, text.len};
    bool ok = cache_file_replace(path.data, &part, 1, err);
    buf_free(&text);
    buf_free(&path);
    return ok;
}

void feed_state_free(struct feed_state *st)
{
    free(st->etag);
    free(st->last_modified);
    free(st->title);
    memset(st, 0, sizeof *st);
}
