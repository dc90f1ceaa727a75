/* scan: walks the paths given into the list of files to load, in load
 * order (arguments in order, folders sorted by name, recursively), with the
 * problems met on the walk (dangling links, link loops, unreadable folders)
 * in their place. Reads no file: loading comes after, possibly on other
 * threads (see pipeline.c). */
#ifndef TOUCHLINE_SCAN_H
#define TOUCHLINE_SCAN_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/error.h"

/* One file to load, or one problem (message set, path the thing it is about). */
struct scan_entry {
    char *path;
    char *problem; /* "path: reason", or NULL for a file to load */
};

struct scan {
    struct scan_entry *v;
    size_t n, cap;
};

void scan_init(struct scan *s);
void scan_free(struct scan *s);
/* Adds one file, or every .txt/.md/.markdown file below a folder (hidden
 * entries and a folder's own README skipped; link loops and nesting deeper
 * than 64 become problems). Returns false, with err set, only when `path`
 * itself does not exist or cannot be examined. */
bool scan_path(struct scan *s, const char *path, struct tl_error *err);

#endif
