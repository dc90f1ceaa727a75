/* cache_image: the stored index's file (see cache_image.h). */
#include "core/cache/cache_image.h"
#include "core/cache/cache_codec.h"
#include "core/cache/cache_file.h"
#include "core/base/buf.h"
#include "core/base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

enum { FRAME = 16 };
static const size_t max_image = (size_t)1 << 31; /* bigger files are ignored */

static char *image_path(const char *cache_path)
{
    size_t n = strlen(cache_path);
    char *p = xmalloc(n + sizeof ".index");
    memcpy(p, cache_path, n);
    memcpy(p + n, ".index", sizeof ".index");
    return p;
}

/* The mapping an index holds on to. */
struct mapping {
    const unsigned char *p;
    size_t size;
};

static void unmap(void *ctx)
{
    struct mapping *m = ctx;
    cache_file_unmap(m->p, m->size);
    free(m);
}

/* Gives back the mapping's pages of [p, p + len) (cache_file_drop). */
static void drop(void *ctx, const void *p, size_t len)
{
    struct mapping *m = ctx;
    cache_file_drop(m->p, m->size, p, len);
}

bool cache_image_open(const char *cache_path, uint64_t key, struct index *ix)
{
    memset(ix, 0, sizeof *ix);
    if (!cache_path)
        return false;
    char *path = image_path(cache_path);
    size_t size = 0;
    const unsigned char *p = cache_file_map(path, max_image, &size);
    free(path);
    if (!p)
        return false;
    bool ok = size >= FRAME && cache_codec_get_u64(p + 8) == size - FRAME &&
              cache_codec_checksum(p + FRAME, size - FRAME) == cache_codec_get_u64(p);
    struct mapping *m = xmalloc(sizeof *m);
    *m = (struct mapping){p, size};
    struct index_image_owner owner = {unmap, m, drop};
    if (ok && index_image_load(ix, p + FRAME, size - FRAME, key, owner))
        return true;
    unmap(m);
    return false;
}

/* The temp file the image is written to, with its running checksum. */
struct file_sink {
    struct index_image_sink sink; /* first: the writer's pointer is ours */
    int fd;
    struct cache_codec_sum *sum;
};

static bool write_to_file(struct index_image_sink *sink, const void *p, size_t n)
{
    struct file_sink *f = (struct file_sink *)sink;
    cache_codec_sum_add(f->sum, p, n);
    return cache_file_write(f->fd, p, n);
}

bool cache_image_save(const char *cache_path, const struct index *ix,
                      const struct index_image_file *files, uint64_t key, struct tl_error *err)
{
    char *path = image_path(cache_path), *tmp;
    struct file_sink f = {.sink = {.write = write_to_file}, .sum = cache_codec_sum_start()};
    if (!f.sum) {
        tl_error_set(err, "%s: out of memory", path);
        free(path);
        return false;
    }
    f.fd = cache_file_begin(path, &tmp, err);
    bool ok = f.fd >= 0;
    if (ok && (!cache_file_write(f.fd, (const char[FRAME]){0}, FRAME) ||
               !index_image_write(ix, files, key, &f.sink))) {
        cache_file_abort(f.fd, tmp);
        unlink(path); /* an old one would describe another load */
        ok = tl_error_set(err, "%s: the index could not be written", path);
    } else if (ok) {
        struct buf frame;
        buf_init(&frame);
        cache_codec_put_u64(&frame, cache_codec_sum_end(f.sum));
        f.sum = NULL;
        cache_codec_put_u64(&frame, f.sink.len);
        ok = cache_file_commit(f.fd, tmp, path, frame.data, FRAME, err);
        buf_free(&frame);
    }
    if (f.sum)
        cache_codec_sum_end(f.sum); /* frees it */
    free(path);
    return ok;
}

void cache_image_remove(const char *cache_path)
{
    if (!cache_path)
        return;
    char *path = image_path(cache_path);
    unlink(path);
    free(path);
}
