/* fuzz_feed: libFuzzer target for the feed parser (RSS, RDF, Atom; the HTML
 * of their items; dates), then the storage helpers that read its output:
 * the item key, the digest and the folder name. */
#include <stdint.h>
#include <stdlib.h>

#include "core/fetch/feed.h"
#include "core/fetch/store.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct feed f;
    struct tl_error err;
    if (feed_parse((const char *)data, size, "https://fuzz.example/feed/", &f, &err)) {
        for (size_t i = 0; i < f.nitems; i++) {
            char key[13], digest[17];
            store_item_key(&f.items[i], key);
            store_item_digest(&f.items[i], f.title ? f.title : "", NULL, 0, digest);
        }
        struct buf name;
        buf_init(&name);
        store_folder_name(f.title ? f.title : "", &name);
        buf_free(&name);
        feed_free(&f);
    }
    return 0;
}
