/* scan: walks the paths given into the list of files to load, in load
 * order (arguments in order, folders sorted by name, recursively), with the
 * problems met on the walk (dangling links, link loops, unreadable folders)
 * in their place. Reads no file but the files named as arguments, whose
 * first bytes tell an sfeed file (sfeed.h): that one is read through and
 * expanded into one entry per line, a malformed line being a problem with
 * path:line:col. Loading comes after, possibly on other threads (see
 * pipeline.c). */
#ifndef TOUCHLINE_SCAN_H
#define TOUCHLINE_SCAN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/base/error.h"
#include "core/base/strpool.h"

/* Where one line of an sfeed file lies, and the file as scanned (a file
 * that changed since is not read: the lines may have moved). */
struct scan_line {
    char *file;
    unsigned line; /* 1-based */
    long long offset;
    size_t length;
    unsigned long long size;
    long long mtime_ns;
};

/* One file to load, or one problem (message set, path the thing it is about). */
struct scan_entry {
    char *path;              /* for a line of an sfeed file, "FILE#LINE"; the scan's */
    char *problem;           /* "path: reason", or NULL for a file to load */
    struct scan_line *sfeed; /* a line of an sfeed file, else NULL */
    /* A file found in a folder: the folder's number (scan.folders), and
     * where its name starts in `path` (what follows the folder's slash).
     * SCAN_NO_FOLDER for a path named as an argument, and for problems. */
    uint32_t folder;
    uint32_t name_at;
};

#define SCAN_NO_FOLDER UINT32_MAX

struct scan {
    struct scan_entry *v;
    size_t n, cap;
    struct strpool paths; /* where every entry's path lives */
    const char **folders; /* each folder read, as its path and a slash (in `paths`) */
    size_t nfolders, folders_cap;
    uint32_t at_folder, at_name; /* during the walk: where the next file found lies */
};

void scan_init(struct scan *s);
void scan_free(struct scan *s);
/* Adds one file (each line of an sfeed file), or every .txt/.md/.markdown file below a folder
 * (hidden entries and a folder's own README skipped; link loops and nesting deeper than 64 become
 * problems). Returns false, with err set, only when `path` itself does not exist or cannot be
 * examined. */
bool scan_path(struct scan *s, const char *path, struct tl_error *err);

#endif
