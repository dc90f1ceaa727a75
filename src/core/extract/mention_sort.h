/* mention_sort: sorts a doc's mentions by first token. They come in a few
 * sorted runs (the KB pass walks the text; people and sides each add
 * theirs), so the runs are merged, from the last one back, each into the
 * sorted rest; qsort when there are many. No two mentions share a token,
 * so the order is the same as qsort's. Private to the extractor. */
#ifndef TOUCHLINE_MENTION_SORT_H
#define TOUCHLINE_MENTION_SORT_H

#include <stddef.h>

struct doc_mention;

/* Sorts m[0, n) by `tok`, using `tmp` (room for n mentions) as it likes. */
void mention_sort(struct doc_mention *m, size_t n, struct doc_mention *tmp);

#endif
