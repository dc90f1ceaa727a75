/* target: what n/N follow (the entity under the cursor, or the `/` search),
 * its step from occurrence to occurrence across the listed articles (an
 * index query), and its place for the status line. */
#include "ui/app.h"
#include "ui/target.h"
#include "core/base/buf.h"

#include <stdint.h>
#include <string.h>

void target_set_entity(struct app *a, int entity)
{
    if (a->target == TARGET_ENTITY && a->target_entity == entity)
        return;
    a->target = entity >= 0 ? TARGET_ENTITY : TARGET_NONE;
    a->target_entity = entity;
    a->open.hit = -1;
    a->dirty |= DIRTY_READER | DIRTY_FACTS | DIRTY_STATUS;
}

void target_clear(struct app *a)
{
    a->target = TARGET_NONE;
    a->target_entity = -1;
    a->open.hit = -1;
    a->dirty |= DIRTY_READER | DIRTY_FACTS | DIRTY_STATUS;
}

const char *target_name(const struct app *a)
{
    if (a->target == TARGET_ENTITY)
        return a->ix->entities[a->target_entity].name;
    if (a->target == TARGET_SEARCH && a->search)
        return search_pattern(a->search);
    return "";
}

/* Where the reader is, for stepping: the cursor's occurrence, or before the
 * start (dir > 0) / after the end (dir < 0) of the article. */
static void here(const struct app *a, int dir, size_t *offset, bool *in_title, bool *none)
{
    *none = false;
    if (a->target == TARGET_ENTITY && a->open.cursor >= 0 &&
        a->open.marks[a->open.cursor].entity == a->target_entity) {
        *offset = a->open.marks[a->open.cursor].start;
        *in_title = a->open.marks[a->open.cursor].in_title;
    } else if (a->target == TARGET_SEARCH && a->open.hit >= 0 &&
               a->hits.hits[a->open.hit].article == (uint32_t)a->open.article) {
        *offset = a->hits.hits[a->open.hit].start;
        *in_title = a->hits.hits[a->open.hit].in_title;
    } else {
        *offset = SIZE_MAX;
        *in_title = false;
        *none = dir > 0;
    }
}

/* Where the target's posting (entity mention or search hit) number i is. */
static struct place target_place(const struct app *a, size_t i)
{
    if (a->target == TARGET_ENTITY)
        return index_place(a->ix, &a->ix->entities[a->target_entity].postings[i]);
    return a->hits.hits[i];
}

/* Where n/N go from (in_title, offset) of the open article: its first
 * occurrence when the reader has none yet (`none`), else the index's or the
 * search's step. False when no listed article has the target. */
static bool step_to(const struct app *a, size_t offset, bool in_title, bool none, int dir,
                    struct index_cursor *to, bool *wrapped)
{
    size_t article = (size_t)a->open.article, count, first;
    if (a->target == TARGET_ENTITY)
        first = index_postings_in(a->ix, a->target_entity, article, &count);
    else
        first = search_hits_in(&a->hits, article, &count);
    if (none && count) {
        *to = (struct index_cursor){(size_t)a->pos_of[article], first};
        return true;
    }
    if (a->target == TARGET_ENTITY)
        return index_step(a->ix, a->target_entity, a->list, a->nlist, a->pos_of, article, offset,
                          in_title, dir, to, wrapped);
    return search_step(&a->hits, a->list, a->nlist, a->pos_of, article, offset, in_title, dir, to,
                       wrapped);
}

/* The status line after a step: a wrap, or the article moved to. */
static void step_message(struct app *a, int dir, bool moved, bool wrapped, size_t list_pos,
                         const char *title)
{
    if (wrapped)
        app_message(a, false,
                    moved || a->nlist == 1
                        ? (dir > 0 ? "wrapped to first article" : "wrapped to last article")
                        : (dir > 0 ? "wrapped to first mention" : "wrapped to last mention"));
    else if (moved)
        app_message(a, false, "%s article %zu/%zu: %s", dir > 0 ? "next" : "previous", list_pos + 1,
                    a->nlist, title);
}

void target_step(struct app *a, int dir)
{
    if (reader_cursor_unknown(a))
        return;
    if (a->target == TARGET_NONE) {
        app_message(a, true, "no target: put the cursor on a name with ] or search with /");
        return;
    }
    if (!a->nlist || a->open.article < 0)
        return;
    size_t article = (size_t)a->open.article, offset;
    bool in_title, none, wrapped = false;
    here(a, dir, &offset, &in_title, &none);
    struct index_cursor to;
    if (!step_to(a, offset, in_title, none, dir, &to, &wrapped)) {
        app_message(a, true, "%s is not in any listed article", target_name(a));
        return;
    }
    struct place at = target_place(a, to.posting);
    const struct place *p = &at;
    bool moved = p->article != article;
    if (moved)
        app_select(a, to.list_pos);
    if (a->target == TARGET_ENTITY)
        reader_set_cursor(a, reader_find_mark(a, a->target_entity, p->in_title, p->start));
    else
        reader_set_hit(a, (long)to.posting);
    step_message(a, dir, moved, wrapped, to.list_pos, a->c->articles[p->article]->title);
}

void target_describe(const struct app *a, struct buf *out)
{
    if (a->target == TARGET_NONE)
        return;
    size_t article = a->open.article >= 0 ? (size_t)a->open.article : SIZE_MAX;
    size_t count = 0, first = 0, total, narticles, at = 0;
    if (a->target == TARGET_ENTITY) {
        const struct index_entity *e = &a->ix->entities[a->target_entity];
        if (article != SIZE_MAX)
            first = index_postings_in(a->ix, a->target_entity, article, &count);
        total = e->npostings;
        narticles = e->narticles;
        const struct reader_mark *m = a->open.cursor >= 0 ? &a->open.marks[a->open.cursor] : NULL;
        for (size_t i = 0; m && m->entity == a->target_entity && i < count; i++) {
            struct place p = index_place(a->ix, &e->postings[first + i]);
            if (p.start == m->start && p.in_title == m->in_title)
                at = i + 1;
        }
        buf_printf(out, "%s ", e->name);
    } else {
        if (article != SIZE_MAX)
            first = search_hits_in(&a->hits, article, &count);
        total = a->hits.nhits;
        narticles = a->hits.narticles;
        if (a->open.hit >= 0 && (size_t)a->open.hit >= first && (size_t)a->open.hit < first + count)
            at = (size_t)a->open.hit - first + 1;
        buf_printf(out, "/%s/ ", search_pattern(a->search));
    }
    if (at)
        buf_printf(out, "%zu/%zu here", at, count);
    else
        buf_printf(out, "%zu here", count);
    buf_printf(out, ", %zu in corpus (%zu article%s)", total, narticles, narticles == 1 ? "" : "s");
}
