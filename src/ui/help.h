/* help: the `?` overlay, generated from the live key table (help.c). */
#ifndef TOUCHLINE_UI_HELP_H
#define TOUCHLINE_UI_HELP_H

struct app;
struct modal_ops;
extern const struct modal_ops help_modal_ops;

/* Opens the help over the panes. */
void help_open(struct app *a);

#endif
