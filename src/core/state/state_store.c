/* state_store: the reading state as data (see state_store.h). */
#include "core/state/state_store.h"
#include "core/base/hash.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>

void store_init(struct state_store *s)
{
    memset(s, 0, sizeof *s);
}

void store_free(struct state_store *s)
{
    for (size_t i = 0; i < s->nslots; i++)
        free(s->slots[i].key);
    free(s->slots);
    for (size_t i = 0; i < s->nfollowed; i++) {
        free(s->followed[i].id);
        free(s->followed[i].name);
    }
    free(s->followed);
    free(s->theme);
    store_init(s);
}

/* The slot holding key, or the empty slot where it would go. */
static struct state_mark *find_slot(const struct state_mark *slots, size_t nslots, const char *key,
                                    uint64_t h)
{
    size_t i = (size_t)h & (nslots - 1);
    while (slots[i].key && (slots[i].hash != h || strcmp(slots[i].key, key)))
        i = (i + 1) & (nslots - 1);
    return (struct state_mark *)&slots[i];
}

static void grow(struct state_store *s)
{
    size_t n = s->nslots ? s->nslots * 2 : 64;
    struct state_mark *slots = xcalloc(n, sizeof *slots);
    for (size_t i = 0; i < s->nslots; i++)
        if (s->slots[i].key)
            *find_slot(slots, n, s->slots[i].key, s->slots[i].hash) = s->slots[i];
    free(s->slots);
    s->slots = slots;
    s->nslots = n;
}

unsigned store_marks(const struct state_store *s, const char *key)
{
    if (!s->nslots)
        return 0;
    return find_slot(s->slots, s->nslots, key, hash_str(key))->marks;
}

bool store_mark(struct state_store *s, const char *key, unsigned bit, bool on)
{
    uint64_t h = hash_str(key);
    struct state_mark *m = s->nslots ? find_slot(s->slots, s->nslots, key, h) : NULL;
    if (!on && (!m || !m->key))
        return false;
    if (!m || !m->key) {
        if ((s->nkeys + 1) * 4 > s->nslots * 3) {
            grow(s);
        }
        m = find_slot(s->slots, s->nslots, key, h);
        *m = (struct state_mark){xstrdup(key), h, 0};
        s->nkeys++;
    }
    if (!!(m->marks & bit) == on)
        return false;
    m->marks ^= bit;
    s->count[bit] += on ? 1 : (size_t)-1;
    return true;
}

long store_find_followed(const struct state_store *s, const char *id)
{
    for (size_t i = 0; i < s->nfollowed; i++)
        if (!strcmp(s->followed[i].id, id))
            return (long)i;
    return -1;
}

bool store_follow(struct state_store *s, const char *id, enum entity_kind kind, const char *name)
{
    long i = store_find_followed(s, id);
    if (i >= 0) {
        struct state_followed *f = &s->followed[i];
        if (f->kind == kind && !strcmp(f->name, name))
            return false;
        f->kind = kind;
        free(f->name);
        f->name = xstrdup(name);
        return true;
    }
    s->followed = xgrow(s->followed, &s->fcap, s->nfollowed + 1, sizeof *s->followed);
    s->followed[s->nfollowed++] = (struct state_followed){xstrdup(id), kind, xstrdup(name)};
    return true;
}

bool store_unfollow(struct state_store *s, const char *id)
{
    long i = store_find_followed(s, id);
    if (i < 0)
        return false;
    free(s->followed[i].id);
    free(s->followed[i].name);
    memmove(&s->followed[i], &s->followed[i + 1],
            (s->nfollowed - (size_t)i - 1) * sizeof *s->followed);
    s->nfollowed--;
    return true;
}

bool store_set_theme(struct state_store *s, const char *name)
{
    if (name && !*name)
        name = NULL;
    if ((!name && !s->theme) || (name && s->theme && !strcmp(name, s->theme)))
        return false;
    free(s->theme);
    s->theme = name ? xstrdup(name) : NULL;
    return true;
}

bool store_visit(struct state_store *s, time_t now)
{
    if (now <= s->visit_last) { /* an older visit saved late: maybe the previous one */
        if (now == s->visit_last || now <= s->visit_previous)
            return false;
        s->visit_previous = now;
        return true;
    }
    s->visit_previous = s->visit_last;
    s->visit_last = now;
    return true;
}

static int compare_keys(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

const char **store_keys_with(const struct state_store *s, unsigned bit, size_t *n)
{
    const char **keys = xmalloc((s->count[bit] + 1) * sizeof *keys);
    *n = 0;
    for (size_t i = 0; i < s->nslots; i++)
        if (s->slots[i].key && (s->slots[i].marks & bit))
            keys[(*n)++] = s->slots[i].key;
    qsort(keys, *n, sizeof *keys, compare_keys);
    return keys;
}
