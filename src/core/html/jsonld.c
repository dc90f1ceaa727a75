/* jsonld: string values of a JSON-LD block picked by key (see jsonld.h). */
#include "core/html/jsonld.h"
#include "core/base/buf.h"
#include "core/base/utf8.h"
#include "core/base/xalloc.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

/* Containers deeper than this are read, but their keys are not tracked. */
#define MAX_DEPTH 32
#define KEY_MAX   24

struct scanner {
    const char *s;
    size_t len, i;
    char keys[MAX_DEPTH][KEY_MAX]; /* the key each open container was found under */
    int depth;
    char pending[KEY_MAX]; /* the key whose value comes next */
};

static unsigned hex4(const char *s, size_t n)
{
    unsigned v = 0;
    for (size_t k = 0; k < 4; k++) {
        char c = k < n ? s[k] : 'x';
        unsigned d = c >= '0' && c <= '9'                     ? (unsigned)(c - '0')
                     : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (unsigned)((c | 0x20) - 'a' + 10)
                                                              : 16;
        if (d == 16)
            return UTF8_REPLACEMENT;
        v = v * 16 + d;
    }
    return v;
}

/* A \u escape (with its low surrogate when it is a high one). */
static void put_unicode(struct scanner *sc, struct buf *b)
{
    uint32_t cp = hex4(sc->s + sc->i, sc->len - sc->i);
    sc->i += 4;
    if (cp >= 0xD800 && cp < 0xDC00 && sc->i + 6 <= sc->len && sc->s[sc->i] == '\\' &&
        sc->s[sc->i + 1] == 'u') {
        uint32_t lo = hex4(sc->s + sc->i + 2, 4);
        if (lo >= 0xDC00 && lo < 0xE000) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            sc->i += 6;
        }
    }
    if ((cp >= 0xD800 && cp < 0xE000) || cp == 0)
        cp = UTF8_REPLACEMENT;
    char out[4];
    buf_append(b, out, utf8_encode(cp, out));
}

/* Reads the string at s[i] == '"' into b (escapes decoded). */
static void read_string(struct scanner *sc, struct buf *b)
{
    sc->i++;
    while (sc->i < sc->len && sc->s[sc->i] != '"') {
        char c = sc->s[sc->i++];
        if (c != '\\' || sc->i >= sc->len) {
            buf_putc(b, c);
            continue;
        }
        c = sc->s[sc->i++];
        if (c == 'u') {
            put_unicode(sc, b);
            continue;
        }
        const char *from = "nrtbf", *to = "\n\r\t\b\f";
        const char *m = strchr(from, c);
        buf_putc(b, m && c ? to[m - from] : c);
    }
    sc->i++;
}

static void keep_first(char **slot, struct buf *b)
{
    if (!*slot && b->len)
        *slot = buf_detach(b, NULL);
}

static void take_value(struct scanner *sc, struct buf *b, struct jsonld *out)
{
    const char *key = sc->pending;
    const char *container = sc->depth > 0 && sc->depth <= MAX_DEPTH ? sc->keys[sc->depth - 1] : "";
    if (!strcmp(key, "articleBody")) {
        if (!out->body || strlen(out->body) < b->len) {
            free(out->body);
            out->body = buf_detach(b, NULL);
        }
    } else if (!strcmp(key, "headline")) {
        keep_first(&out->headline, b);
    } else if (!strcmp(key, "datePublished")) {
        keep_first(&out->date, b);
    } else if (!strcmp(key, "author") || (!strcmp(key, "name") && !strcmp(container, "author"))) {
        keep_first(&out->author, b);
    } else if (!strcmp(key, "name") && !strcmp(container, "publisher")) {
        keep_first(&out->publisher, b);
    }
}

static void open_container(struct scanner *sc, bool array_parent)
{
    if (sc->depth < MAX_DEPTH) {
        const char *k = sc->pending;
        if (!*k && array_parent && sc->depth > 0)
            k = sc->keys[sc->depth - 1];
        memmove(sc->keys[sc->depth], k, strlen(k) + 1);
    }
    sc->depth++;
    sc->pending[0] = '\0';
}

static void on_string(struct scanner *sc, struct buf *b, struct jsonld *out)
{
    buf_reset(b);
    read_string(sc, b);
    size_t j = sc->i;
    while (j < sc->len && strchr(" \t\r\n", sc->s[j]))
        j++;
    if (j < sc->len && sc->s[j] == ':') {
        size_t n = b->len < KEY_MAX - 1 ? b->len : KEY_MAX - 1;
        memcpy(sc->pending, b->data, n);
        sc->pending[n] = '\0';
        sc->i = j + 1;
        return;
    }
    take_value(sc, b, out);
    sc->pending[0] = '\0';
}

void jsonld_scan(const char *json, size_t len, struct jsonld *out)
{
    struct scanner sc = {.s = json, .len = len};
    struct buf b;
    buf_init(&b);
    bool in_array[MAX_DEPTH + 1] = {false};
    while (sc.i < sc.len) {
        char c = sc.s[sc.i];
        if (c == '"') {
            on_string(&sc, &b, out);
            continue;
        }
        if (c == '{' || c == '[') {
            bool parent_array = sc.depth <= MAX_DEPTH && in_array[sc.depth];
            open_container(&sc, parent_array);
            if (sc.depth <= MAX_DEPTH)
                in_array[sc.depth] = c == '[';
        } else if ((c == '}' || c == ']') && sc.depth > 0) {
            sc.depth--;
            sc.pending[0] = '\0';
        }
        sc.i++;
    }
    buf_free(&b);
}

void jsonld_free(struct jsonld *j)
{
    free(j->headline);
    free(j->date);
    free(j->author);
    free(j->publisher);
    free(j->body);
    memset(j, 0, sizeof *j);
}
