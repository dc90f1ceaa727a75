/* pipeline: the whole data flow in one call: load the paths into a corpus,
 * build the knowledge base and the extractor, extract every article and
 * build the entity index. The CLI commands and the UI both start here. */
#ifndef TOUCHLINE_PIPELINE_H
#define TOUCHLINE_PIPELINE_H

#include <stdbool.h>
#include <stddef.h>

#include "boilerplate.h"
#include "corpus.h"
#include "error.h"
#include "extract.h"
#include "index.h"
#include "kb.h"

struct pipeline_options {
    const char *const *kb_files; /* extra KB files merged over the built-in one */
    size_t nkb_files;
    const char *const *boilerplate; /* extra boilerplate patterns */
    size_t nboilerplate;
    unsigned threads; /* extraction threads; 0: one per online core */
};

struct pipeline {
    struct boilerplate *boilerplate;
    struct corpus corpus;
    struct kb *kb;
    struct extractor *extractor;
    struct index index;
};

/* Runs the pipeline over paths. Returns false with err set when a path does
 * not exist or a KB file or pattern is bad; problems with single articles
 * are in p->corpus.problems and never make it fail. */
bool pipeline_open(struct pipeline *p, char *const *paths, size_t npaths,
                   const struct pipeline_options *opt, struct tl_error *err);
void pipeline_close(struct pipeline *p);

#endif
