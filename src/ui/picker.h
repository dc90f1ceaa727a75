/* picker: the club (c) and person (p) pickers (picker.c). */
#ifndef TOUCHLINE_UI_PICKER_H
#define TOUCHLINE_UI_PICKER_H

struct app;
struct modal_ops;
extern const struct modal_ops picker_modal_ops;

/* Opens the picker of entities of `kind` (ENTITY_CLUB or ENTITY_PERSON),
 * on the current filter when there is one. */
void picker_open(struct app *a, int kind);

#endif
