/* boilerplate: the PCRE2 patterns that recognise site furniture lines (app
 * banners, stray bylines, share buttons) at the top of scraped articles. */
#ifndef TOUCHLINE_BOILERPLATE_H
#define TOUCHLINE_BOILERPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/error.h"

struct boilerplate;

/* A set holding the built-in patterns. Never NULL. They are compiled by
 * the first boilerplate_match (once, whichever thread gets there first),
 * so making a set costs nothing at start. */
struct boilerplate *boilerplate_new(void);
void boilerplate_free(struct boilerplate *bp);
/* Adds a pattern (PCRE2, matched case-insensitively against one whole line,
 * trimmed), compiled now. On a bad pattern sets err to "what: PCRE2 message
 * at offset N". Not while another thread matches. */
bool boilerplate_add(struct boilerplate *bp, const char *pattern, struct tl_error *err);
/* True when the line is furniture. Safe to call from several threads.
 * The interpreter answers the first BOILERPLATE_JIT_AFTER lines, and
 * JIT-compiled copies of the patterns (made by the match of that line) the
 * rest: the answers are the same. */
bool boilerplate_match(const struct boilerplate *bp, const char *line, size_t len);
/* The JIT compile of the built-ins (callgrind) costs what the interpreter
 * spends beyond the JIT code on about 170 lines (1.15 M instructions
 * against 6.6 k a line), so compiling after this many lines never costs
 * more than twice what the best choice in hindsight would have. */
enum { BOILERPLATE_JIT_AFTER = 160 };
/* How many patterns the set holds. */
size_t boilerplate_count(const struct boilerplate *bp);

#endif
