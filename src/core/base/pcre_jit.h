/* pcre_jit: the one place that decides whether PCRE2 patterns are JIT-compiled.
 * TOUCHLINE_NO_JIT=1 in the environment turns the JIT off (valgrind cannot
 * follow JIT code and reports false "uninitialised value" errors in it). */
#ifndef TOUCHLINE_PCRE_JIT_H
#define TOUCHLINE_PCRE_JIT_H

#ifndef PCRE2_CODE_UNIT_WIDTH
#define PCRE2_CODE_UNIT_WIDTH 8
#endif
#include <pcre2.h>

/* JIT-compiles a pattern unless TOUCHLINE_NO_JIT is set to a non-empty value
 * other than "0". Failure is harmless: matching falls back to the interpreter. */
void pcre_jit_compile(pcre2_code *re);

#endif
