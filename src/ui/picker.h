/* picker: the entity pickers (club c, person p, competition, national
 * team) and the pickers over named rows (source, tag, date range) (picker.c). */
#ifndef TOUCHLINE_UI_PICKER_H
#define TOUCHLINE_UI_PICKER_H

#include <stdbool.h>
#include <stddef.h>

struct app;
struct modal_ops;
extern const struct modal_ops picker_modal_ops;

/* Opens the picker of entities of `kind` (ENTITY_CLUB, ENTITY_PERSON,
 * ENTITY_COMPETITION or ENTITY_NATIONAL_TEAM), on the current filter when
 * there is one; Enter sets it with filter_set. */
void picker_open(struct app *a, int kind);

/* A picker over named rows, narrowed fuzzily as you type (prefix matches
 * first, then the row order given). */
struct picker_choices {
    const char *what; /* "source": the title and the prompt */
    char **names;     /* taken by picker_open_choices */
    size_t *counts;   /* articles per row (taken), or NULL */
    size_t n;
    long current; /* the row to start on, -1 for the first */
    bool any_row; /* an "(any source)" row first: Enter on it gives -1 */
    /* Enter: the chosen row's index and name (the picker's, to copy), or
     * -1 and NULL for the "any" row. */
    void (*choose)(struct app *a, long row, const char *name);
};
void picker_open_choices(struct app *a, const struct picker_choices *c);

#endif
