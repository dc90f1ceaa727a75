/* fuzz_config: libFuzzer target for the config loader: arbitrary YAML text,
 * then the key check and the boilerplate patterns it names. */
#include <stdint.h>
#include <stdlib.h>

#include "core/load/boilerplate.h"
#include "core/base/buf.h"
#include "core/config/config.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct tl_error err = {{0}};
    struct buf warnings;
    buf_init(&warnings);
    struct config *cfg = config_load_text("fuzz.yaml", (const char *)data, size, &warnings, &err);
    if (cfg != NULL) {
        struct boilerplate *bp = boilerplate_new();
        config_add_boilerplate(cfg, bp, &err);
        boilerplate_free(bp);
        config_free(cfg);
    }
    buf_free(&warnings);
    return 0;
}
