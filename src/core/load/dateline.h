/* dateline: a date written at the top of an article's text ("Published 12
 * August 2023", "Updated: 3 March 2024 10:02", "LONDON, Aug 12, 2023"),
 * the article's date when no front matter gives one. */
#ifndef TOUCHLINE_DATELINE_H
#define TOUCHLINE_DATELINE_H

#include <stdbool.h>
#include <stddef.h>

/* Whether the line [s, s+n) is a date line; if so writes YYYY-MM-DD. */
bool dateline_parse(const char *s, size_t n, char out[11]);

#endif
