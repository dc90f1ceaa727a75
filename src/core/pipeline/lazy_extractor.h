/* lazy_extractor: the pipeline's extractor, built by the first thread that
 * needs it. Building one (the matcher, the lexicon, the PCRE2 JIT of the
 * fact patterns) takes milliseconds of CPU; the workers start loading at
 * once and the first of them to extract builds it while the others wait
 * for it, so the reader's first screen (titles, which need no extraction)
 * never waits for it, and a load served wholly from the cache never builds
 * it. The KB is read and checked before (kb_merge_file, on the caller):
 * what is built here cannot fail on user input. Without KB files to merge,
 * the built-in KB is built here too, with the extractor: the start scans
 * without it. */
#ifndef TOUCHLINE_LAZY_EXTRACTOR_H
#define TOUCHLINE_LAZY_EXTRACTOR_H

#include <stdbool.h>

#include "core/extract/extract.h"

struct lazy_extractor;

/* Nothing is built yet; kb must outlive it and not change. */
struct lazy_extractor *lazy_extractor_new(const struct kb *kb);
/* The same over the built-in KB, built (and owned) with the extractor. */
struct lazy_extractor *lazy_extractor_new_builtin(void);
/* The extractor: built on the calling thread by the first caller, while
 * any other caller waits for it; then the same one for all, read-only. A
 * build that fails (only the built-in fact patterns can, a programming
 * error caught by every test run) aborts with the message. */
const struct extractor *lazy_extractor_get(struct lazy_extractor *lx);
/* Whether it has been built. */
bool lazy_extractor_built(struct lazy_extractor *lx);
/* Frees it (and the extractor, if built). No thread may be in
 * lazy_extractor_get. NULL does nothing. */
void lazy_extractor_free(struct lazy_extractor *lx);

#endif
