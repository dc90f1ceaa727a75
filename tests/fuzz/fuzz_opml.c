/* fuzz_opml: libFuzzer target for the subscription files: the same bytes
 * read as an OPML export and as a newsboat urls file. */
#include <stdint.h>
#include <stdlib.h>

#include "core/fetch/subs.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct subs s;
    struct buf warnings;
    struct tl_error err;
    subs_init(&s);
    buf_init(&warnings);
    subs_read_opml("fuzz.opml", (const char *)data, size, &s, &warnings, &err);
    subs_read_urls("urls", (const char *)data, size, &s, &warnings, &err);
    subs_free(&s);
    buf_free(&warnings);
    return 0;
}
