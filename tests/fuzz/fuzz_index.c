/* fuzz_index: libFuzzer target for the stored index (index_image.c), the
 * other file touchline reads back from its own writing. The input is an
 * image (its key is taken from its own header, so that the fuzzer gets past
 * that check); whatever loads is queried the way the views query the index,
 * copied out as index_add would, and freed. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/index/index_image.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void query(const struct index *ix)
{
    int out[8];
    (void)index_search(ix, -1, "a", out, 8);
    (void)index_resolve(ix, "kane", -1);
    (void)index_people_named(ix, "rice", out, 8);
    for (size_t e = 0; e < ix->nentities; e++) {
        struct posting_list pl = index_postings(ix, index_canonical(ix, (int)e));
        size_t count;
        (void)postings_in(&pl, 0, &count);
        (void)postings_has_article(&pl, 1);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    uint64_t key = 0;
    if (size >= 24)
        memcpy(&key, data + 16, 8);               /* the header's key */
    uint64_t *image = malloc((size / 8 + 1) * 8); /* 8-byte aligned */
    memcpy(image, data, size);
    struct index ix;
    if (index_image_load(&ix, (const unsigned char *)image, size, key,
                         (struct index_image_owner){NULL, NULL, NULL})) {
        query(&ix);
        for (size_t i = 0; i < index_image_articles(&ix); i++)
            (void)index_image_file(&ix, i);
        index_image_unshare(&ix);
        query(&ix);
        index_free(&ix);
    }
    free(image);
    return 0;
}
