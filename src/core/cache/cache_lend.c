/* cache_lend: lending a cold load's article bodies from the temp file its
 * records are written out to (see cache_lend.h). */
#include "core/cache/cache_lend.h"
#include "core/cache/cache_file.h"

#include <string.h>

void cache_lender_init(struct cache_lender *l, size_t first, size_t limit)
{
    *l = (struct cache_lender){NULL, first, limit, first, first, true};
}

bool cache_lender_on(const struct cache_lender *l)
{
    return l->on;
}

void cache_lender_map(struct cache_lender *l, int fd)
{
    if (!l->on || l->map)
        return;
    l->map = cache_file_map_growing(fd, l->limit);
    l->written = l->dropped = l->first;
    l->on = l->map != NULL; /* no mapping: nothing is ever lent */
}

void cache_lender_wrote(struct cache_lender *l, size_t n)
{
    if (l->on)
        l->written += n;
}

void cache_lender_stop(struct cache_lender *l)
{
    l->on = false;
}

const char *cache_lender_lend(const struct cache_lender *l, bool failed, uint64_t at,
                              const char *text, size_t len, bool *later)
{
    *later = false;
    if (failed || at < l->first || at >= l->limit || l->limit - at <= len)
        return NULL; /* a write failed, or the text lies past the mapping: never */
    if (!l->map || at > l->written || l->written - at <= len) {
        *later = l->on; /* the text and its NUL are not all written yet */
        return NULL;
    }
    const char *p = (const char *)l->map + at;
    return !memcmp(p, text, len) && p[len] == '\0' ? p : NULL;
}

void cache_lender_done(struct cache_lender *l)
{
    uint64_t end = l->written < l->limit ? l->written : l->limit;
    if (!l->map || l->dropped >= end)
        return;
    cache_file_drop(l->map, l->limit, l->map + l->dropped, end - l->dropped);
    l->dropped = end;
}

void cache_lender_free(struct cache_lender *l)
{
    cache_file_unmap(l->map, l->limit);
    l->map = NULL;
}
