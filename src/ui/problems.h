/* problems: the files that could not be read, listed in the reader (problems.c). */
#ifndef TOUCHLINE_UI_PROBLEMS_H
#define TOUCHLINE_UI_PROBLEMS_H

struct app;
struct modal_ops;
extern const struct modal_ops problems_modal_ops;

/* Opens the list (a message instead when there is nothing to list). */
void problems_open(struct app *a);

#endif
