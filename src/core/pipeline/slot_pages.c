/* slot_pages: slots in pages of their own (see slot_pages.h). */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, madvise */
#include "core/pipeline/slot_pages.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

/* Given back in steps of at least this many bytes: one system call (a TLB
 * flush on every core the workers run on) per step, not per slot. */
enum { STEP = 1u << 20 };

void *slot_pages_new(struct slot_pages *sp, size_t n, size_t size)
{
    *sp = (struct slot_pages){0};
    sp->bytes = (n ? n : 1) * size;
    if (sp->bytes / size != (n ? n : 1))
        abort(); /* as xcalloc would */
    void *p = mmap(NULL, sp->bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    sp->mapped = p != MAP_FAILED;
    sp->p = sp->mapped ? p : xcalloc(n ? n : 1, size);
    return sp->p;
}

void slot_pages_give_back(struct slot_pages *sp, size_t done)
{
    if (!sp->mapped || done > sp->bytes || done < sp->given + STEP)
        return;
    long ps = sysconf(_SC_PAGESIZE);
    size_t page = ps > 0 ? (size_t)ps : 4096;
    size_t end = done / page * page; /* the page holding `done` is still in use */
    madvise(sp->p + sp->given, end - sp->given, MADV_DONTNEED);
    sp->given = end;
}

void slot_pages_free(struct slot_pages *sp)
{
    if (sp->mapped)
        munmap(sp->p, sp->bytes);
    else
        free(sp->p);
    *sp = (struct slot_pages){0};
}
