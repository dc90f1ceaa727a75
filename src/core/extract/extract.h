/* extract: finds the entities and facts of one article. Pure: it reads the
 * article and the knowledge base and writes only the extraction it returns.
 * One extractor is built once (its automaton and compiled patterns are
 * read-only afterwards) and may be used from several threads at once. */
#ifndef TOUCHLINE_EXTRACT_H
#define TOUCHLINE_EXTRACT_H

#include "core/load/article.h"
#include "core/extract/entity.h"
#include "core/extract/kb.h"

struct extractor;

/* Builds the matcher and the fact patterns for a knowledge base, which must
 * outlive the extractor. Returns NULL and sets err on failure. */
struct extractor *extractor_new(const struct kb *kb, struct tl_error *err);
void extractor_free(struct extractor *ex);
/* Extracts one article into *out (which the caller frees with
 * extraction_free). Entities come in order of first mention. The result
 * comes packed, as extraction_pack leaves it (when it holds anything): one
 * block, not to be edited in place. */
void extractor_run(const struct extractor *ex, const struct article *a, struct extraction *out);

#endif
