/* prompt: the `/` search line on the status row (prompt.c). */
#ifndef TOUCHLINE_UI_PROMPT_H
#define TOUCHLINE_UI_PROMPT_H

struct app;
struct modal_ops;
extern const struct modal_ops prompt_modal_ops;

/* Opens the prompt with an empty line. */
void prompt_open(struct app *a);

#endif
