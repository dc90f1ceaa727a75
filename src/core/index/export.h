/* export: the index printed for scripts: one article's extraction as the
 * JSON object of the `touchline extract` contract (DESIGN.md). */
#ifndef TOUCHLINE_EXPORT_H
#define TOUCHLINE_EXPORT_H

#include <stdbool.h>

#include "core/load/article.h"
#include "core/base/buf.h"
#include "core/base/json.h"
#include "core/extract/entity.h"
#include "core/index/index.h"

/* Appends the JSON object of article `article` of the index (no trailing
 * newline). An entity that is another one across the corpus (a surname of
 * one full-name person) gets "corpus_id", that entity's id. */
void export_article_json(struct buf *out, const struct index *ix, size_t article, bool pretty);

/* Writes a fact's fields (kind, subject, value, ..., text, start, end) into
 * the JSON object being written, as `extract` prints them. */
void export_fact_fields(struct json *j, const struct article *a, const struct extraction *x,
                        const struct fact *f);

#endif
