/* strpool: strings copied into shared blocks (see strpool.h). */
#include "core/base/strpool.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Large enough that a folder of 1,000 paths takes a block or two. */
enum { BLOCK_BYTES = 64 * 1024 };

struct strpool_block {
    struct strpool_block *next;
    size_t used, size;
    char data[];
};

void strpool_init(struct strpool *p)
{
    p->head = NULL;
}

void strpool_free(struct strpool *p)
{
    while (p->head) {
        struct strpool_block *next = p->head->next;
        free(p->head);
        p->head = next;
    }
}

void strpool_clear(struct strpool *p)
{
    if (!p->head)
        return;
    struct strpool_block *keep = p->head;
    p->head = keep->next;
    strpool_free(p);
    keep->next = NULL;
    keep->used = 0;
    p->head = keep;
}

char *strpool_alloc(struct strpool *p, size_t bytes)
{
    struct strpool_block *b = p->head;
    if (!b || b->size - b->used < bytes) {
        size_t size = bytes > BLOCK_BYTES ? bytes : BLOCK_BYTES;
        b = xmalloc(sizeof *b + size);
        b->used = 0;
        b->size = size;
        b->next = p->head;
        p->head = b;
    }
    char *out = b->data + b->used;
    b->used += bytes;
    return out;
}

char *strpool_add(struct strpool *p, const char *s, size_t len)
{
    char *out = strpool_alloc(p, len + 1);
    memcpy(out, s, len);
    out[len] = '\0';
    return out;
}
