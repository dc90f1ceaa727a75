/* fuzz_kb: libFuzzer target for the knowledge-base loader: arbitrary YAML text
 * merged over an empty base, then over the built-in one (a bad file must
 * leave the base untouched and whole). */
#include <stdint.h>
#include <stdlib.h>

#include "core/extract/kb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct tl_error err = {{0}};
    struct kb *kb = kb_new_empty();
    kb_merge_text(kb, "fuzz.yaml", (const char *)data, size, &err);
    kb_free(kb);
    return 0;
}
