/* target: what n/N follow, the entity under the cursor or the `/` search (target.c). */
#ifndef TOUCHLINE_UI_TARGET_H
#define TOUCHLINE_UI_TARGET_H

struct app;
struct buf;

enum target_kind { TARGET_NONE, TARGET_ENTITY, TARGET_SEARCH };

void target_set_entity(struct app *a, int entity);
void target_clear(struct app *a);
/* n/N: the next or previous occurrence, on into other articles. */
void target_step(struct app *a, int dir);
/* "Bastoni 3/6 here, 14 in corpus" (empty without a target). */
void target_describe(const struct app *a, struct buf *out);
/* The target's display name. */
const char *target_name(const struct app *a);

#endif
