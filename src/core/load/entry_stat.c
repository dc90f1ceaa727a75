/* entry_stat: a scanned file's stat through its folder's descriptor (see
 * entry_stat.h). */
#include "core/load/entry_stat.h"
#include "core/base/xalloc.h"

#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>

enum { NOT_OPENED = -1 };

/* The per-folder table, made by the first thread that needs it. */
static atomic_int *table_of(struct entry_stat *es, size_t nfolders)
{
    atomic_int *t = atomic_load_explicit(&es->fds, memory_order_acquire);
    if (t)
        return t;
    atomic_int *fresh = xcalloc(nfolders, sizeof *fresh); /* zero: untried */
    if (atomic_compare_exchange_strong_explicit(&es->fds, &t, fresh, memory_order_acq_rel,
                                                memory_order_acquire))
        return fresh;
    free(fresh); /* another thread's table won */
    return t;
}

/* Opens a folder within the budget of descriptors; -1 when it cannot. */
static int open_folder(struct entry_stat *es, const char *path)
{
    if (atomic_fetch_add_explicit(&es->opened, 1, memory_order_relaxed) >= ENTRY_STAT_MAX_FDS) {
        atomic_fetch_sub_explicit(&es->opened, 1, memory_order_relaxed);
        return -1;
    }
    int fd = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        atomic_fetch_sub_explicit(&es->opened, 1, memory_order_relaxed);
    return fd;
}

/* The folder's descriptor, opened on first use; -1 when it has none. */
static int folder_fd(struct entry_stat *es, atomic_int *slot, const char *path)
{
    int v = atomic_load_explicit(slot, memory_order_acquire);
    if (v != 0)
        return v > 0 ? v - 1 : -1;
    int fd = open_folder(es, path);
    int want = fd >= 0 ? fd + 1 : NOT_OPENED;
    if (atomic_compare_exchange_strong_explicit(slot, &v, want, memory_order_acq_rel,
                                                memory_order_acquire))
        return fd;
    if (fd >= 0) { /* another thread opened it first */
        close(fd);
        atomic_fetch_sub_explicit(&es->opened, 1, memory_order_relaxed);
    }
    return v > 0 ? v - 1 : -1;
}

int entry_stat(struct entry_stat *es, const struct scan *scan, const struct scan_entry *e,
               struct stat *st)
{
    if (e->folder == SCAN_NO_FOLDER || e->folder >= scan->nfolders)
        return stat(e->path, st);
    atomic_int *t = table_of(es, scan->nfolders);
    int fd = folder_fd(es, &t[e->folder], scan->folders[e->folder]);
    if (fd < 0)
        return stat(e->path, st);
    return fstatat(fd, e->path + e->name_at, st, 0);
}

void entry_stat_free(struct entry_stat *es, const struct scan *scan)
{
    atomic_int *t = atomic_load_explicit(&es->fds, memory_order_acquire);
    if (!t)
        return;
    for (size_t i = 0; i < scan->nfolders; i++) {
        int v = atomic_load_explicit(&t[i], memory_order_relaxed);
        if (v > 0)
            close(v - 1);
    }
    free(t);
    atomic_store_explicit(&es->fds, NULL, memory_order_relaxed);
    atomic_store_explicit(&es->opened, 0, memory_order_relaxed);
}
