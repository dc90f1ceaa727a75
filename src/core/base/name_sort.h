/* name_sort: sorts an array of C strings into strcmp order (the order of a
 * folder's entries in a scan) with few string comparisons. */
#ifndef TOUCHLINE_NAME_SORT_H
#define TOUCHLINE_NAME_SORT_H

#include <stddef.h>

/* Sorts names[0, n) so that strcmp of each neighbouring pair is <= 0. */
void name_sort(const char **names, size_t n);

#endif
