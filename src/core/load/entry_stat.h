/* entry_stat: stat() of a scanned file by its name relative to its
 * folder's descriptor (one path component for the kernel to walk, not the
 * whole path), each folder opened on first use by any thread and kept
 * until entry_stat_free. The answer is stat(path)'s: links followed, a
 * vanished file an error; a folder that cannot be opened (or past the
 * descriptors kept) is stat'ed by path as before. */
#ifndef TOUCHLINE_ENTRY_STAT_H
#define TOUCHLINE_ENTRY_STAT_H

#include <stdatomic.h>
#include <stddef.h>
#include <sys/stat.h>

#include "core/load/scan.h"

/* All zero bits (calloc) is the empty state: nothing opened yet. */
struct entry_stat {
    _Atomic(atomic_int *) fds; /* per folder: 0 untried, -1 not opened, else descriptor + 1 */
    atomic_size_t opened;      /* descriptors held */
};

/* At most this many folder descriptors are held; further folders are
 * stat'ed by path (the loader's own opens must never run out). */
enum { ENTRY_STAT_MAX_FDS = 128 };

/* stat(e->path, st): 0, or -1 with errno set. Any thread. */
int entry_stat(struct entry_stat *es, const struct scan *scan, const struct scan_entry *e,
               struct stat *st);
/* Closes the descriptors (the scan is the one given to entry_stat). */
void entry_stat_free(struct entry_stat *es, const struct scan *scan);

#endif
