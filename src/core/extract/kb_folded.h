/* kb_folded: every KB entry's name folded (fold_text), as one buffer and an
 * offset per entry, no pointers: the build writes the built-in base's as
 * const arrays (kbgen, kb_compiled.h), and a merged base's are made at
 * start by the same code. */
#ifndef TOUCHLINE_KB_FOLDED_H
#define TOUCHLINE_KB_FOLDED_H

#include <stddef.h>
#include <stdint.h>

#include "core/extract/kb.h"

struct kb_folded {
    const char *text; /* ntext bytes: the folded names, each with its NUL */
    size_t ntext;
    const uint32_t *at; /* n: entry i's folded name is text + at[i] */
    size_t n;
};

/* Folds a base's entry names; the arrays are allocated, for
 * kb_folded_free. */
void kb_folded_build(const struct kb *kb, struct kb_folded *out);
void kb_folded_free(struct kb_folded *f);

#endif
