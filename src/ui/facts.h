/* facts: the facts panel (facts.c): this article's facts by subject, its
 * clubs, and the target's dossier across the corpus. */
#ifndef TOUCHLINE_UI_FACTS_H
#define TOUCHLINE_UI_FACTS_H

#include <stddef.h>

struct app;
struct fact;
struct sline;
struct view_ops;
extern const struct view_ops facts_view_ops;

/* Appends a fact of an article as the panel shows it ("fee £31m (2017,
 * Atalanta -> Inter Milan)"), styled, to l. The Following view uses it. */
void facts_describe(struct sline *l, const struct app *a, size_t article, const struct fact *f);

#endif
