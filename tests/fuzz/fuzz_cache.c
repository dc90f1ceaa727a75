/* fuzz_cache: libFuzzer target for the cache record decoder, the parser of
 * the one file touchline reads back from its own writing (and so must never
 * trust). The input is framed as a record with a correct length and
 * checksum, so that the fuzzer reaches the decoder behind the checksum;
 * whatever decodes (the extraction alone, and with the loaded article) must
 * encode again and decode to the same thing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/cache_helpers.h"
#include "core/base/buf.h"
#include "core/cache/cache_codec.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Decodes one framed record (with the loaded article when l is not NULL);
 * false when it is refused. */
static bool decode(const unsigned char *rec, size_t len, struct extraction *out, struct loaded *l)
{
    struct cache_codec_head h;
    memset(out, 0, sizeof *out);
    if (l)
        memset(l, 0, sizeof *l);
    return cache_codec_record_head(rec, len, &h) && cache_codec_record_decode(&h, out, l);
}

/* What decodes must encode again and decode to the same thing. */
static void round_trip(const struct buf *rec, const struct extraction *x, const struct loaded *l)
{
    struct cache_codec_head h;
    cache_codec_record_head((const unsigned char *)rec->data, rec->len, &h);
    struct buf again;
    buf_init(&again);
    char *path = strndup(h.path, h.path_len);
    struct extraction y;
    struct loaded m;
    if (!cache_codec_put_record(&again, path, h.size, h.mtime_ns, x, l) ||
        !decode((const unsigned char *)again.data, again.len, &y, l ? &m : NULL))
        abort();
    if (!cache_extraction_equal(x, &y) || (l && !cache_loaded_equal(l, &m)))
        abort();
    extraction_free(&y);
    if (l)
        loaded_free(&m);
    free(path);
    buf_free(&again);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > UINT32_MAX - 16)
        return 0;
    struct buf rec;
    buf_init(&rec);
    cache_codec_put_u32(&rec, (uint32_t)size);
    buf_append(&rec, (const char *)data, size);
    cache_codec_put_u64(&rec, cache_codec_checksum((const unsigned char *)rec.data, rec.len));
    struct extraction x;
    if (decode((const unsigned char *)rec.data, rec.len, &x, NULL))
        round_trip(&rec, &x, NULL);
    extraction_free(&x);
    struct loaded l;
    if (decode((const unsigned char *)rec.data, rec.len, &x, &l)) {
        round_trip(&rec, &x, &l);
        loaded_free(&l);
    }
    extraction_free(&x);
    buf_free(&rec);
    return 0;
}
