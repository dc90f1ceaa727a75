/* fuzz_theme: libFuzzer target for the theme loader: arbitrary YAML text read
 * over the built-in default theme. */
#include <stdint.h>
#include <stdlib.h>

#include "core/base/buf.h"
#include "core/config/theme.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct tl_error err = {{0}};
    struct buf warnings;
    buf_init(&warnings);
    struct theme *t = theme_load_text("fuzz.yaml", (const char *)data, size, NULL, &warnings, &err);
    if (t != NULL) {
        for (int d = COLOR_DEPTH_NONE; d <= COLOR_DEPTH_TRUE; d++)
            for (size_t i = 0; i < THEME_NELEMENTS; i++)
                (void)theme_style_downgrade(t->styles[i], (enum color_depth)d);
        theme_free(t);
    }
    buf_free(&warnings);
    return 0;
}
