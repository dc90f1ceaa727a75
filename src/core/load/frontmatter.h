/* frontmatter: the YAML `---` block at the top of a Markdown article (title,
 * date, source, url, author, tags; unknown keys are kept), read with yamltree
 * within lenient limits: aliases are resolved within a budget, a repeated key
 * is read as the last one, 100 levels of nesting, 64 KiB. */
#ifndef TOUCHLINE_FRONTMATTER_H
#define TOUCHLINE_FRONTMATTER_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/error.h"

/* A key the loader does not interpret, kept with its value as written. */
struct meta_field {
    char *key;
    char *value;
};

struct frontmatter {
    char *title, *date, *source, *url, *author; /* NULL when absent */
    unsigned date_line, date_col;               /* where the date value sits */
    char **tags;
    size_t ntags;
    struct meta_field *extra;
    size_t nextra;
};

/* Largest front matter block accepted, in bytes. */
#define FRONT_MATTER_MAX (64 * 1024)

/* Splits text into front matter and body when it starts with a `---` line.
 * Returns false when there is no (terminated) front matter block; otherwise
 * sets the YAML part [*yaml, *yaml + *yaml_len) and where the body starts.
 * *body_line is the 1-based line of the first body line. */
bool frontmatter_split(const char *text, size_t len, const char **yaml, size_t *yaml_len,
                       size_t *body_start, unsigned *body_line);
/* Parses the YAML block. `first_line` is the file line the block starts on,
 * used in error positions. On error fills err with path:line:col. */
bool frontmatter_parse(const char *path, const char *yaml, size_t len, unsigned first_line,
                       struct frontmatter *fm, struct tl_error *err);
void frontmatter_free(struct frontmatter *fm);

#endif
