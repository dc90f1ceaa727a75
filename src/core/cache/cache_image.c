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
    struct index_image_owner owner = {unmap, m};
    if (ok && index_image_load(ix, p + FRAME, size - FRAME, key, owner))
        return true;
    unmap(m);
    return false;
}

bool cache_image_save(const char *cache_path, const struct index *ix,
                      const struct index_image_file *files, uint64_t key, struct tl_error *err)
{
    struct index_image_parts parts;
    if (!index_image_encode_parts(ix, files, key, &parts)) {
        cache_image_remove(cache_path);
        return tl_error_set(err, "%s: the index is too big to store", cache_path);
    }
    struct iovec v[1 + INDEX_IMAGE_PARTS];
    for (size_t i = 0; i < INDEX_IMAGE_PARTS; i++)
        v[1 + i] = (struct iovec){parts.part[i].data, parts.part[i].len};
    struct buf frame;
    buf_init(&frame);
    cache_codec_put_u64(&frame, cache_codec_checksum_parts(v + 1, INDEX_IMAGE_PARTS));
    size_t len = 0;
    for (size_t i = 0; i < INDEX_IMAGE_PARTS; i++)
        len += parts.part[i].len;
    cache_codec_put_u64(&frame, len);
    v[0] = (struct iovec){frame.data, frame.len};
    char *path = image_path(cache_path);
    bool ok = cache_file_replace(path, v, 1 + INDEX_IMAGE_PARTS, err);
    free(path);
    buf_free(&frame);
    index_image_parts_free(&parts);
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
