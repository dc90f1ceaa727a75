/* pcre_jit: JIT compilation of PCRE2 patterns, skipped under TOUCHLINE_NO_JIT. */
#include "core/base/pcre_jit.h"

#include <stdlib.h>
#include <string.h>

void pcre_jit_compile(pcre2_code *re)
{
    const char *no = getenv("TOUCHLINE_NO_JIT");
    if (no && *no && strcmp(no, "0") != 0)
        return;
    pcre2_jit_compile(re, PCRE2_JIT_COMPLETE); /* optional: falls back to the interpreter */
}
