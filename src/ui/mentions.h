/* mentions: every occurrence of the target, in context (mentions.c). */
#ifndef TOUCHLINE_UI_MENTIONS_H
#define TOUCHLINE_UI_MENTIONS_H

struct app;
struct modal_ops;
extern const struct modal_ops mentions_modal_ops;

/* Opens the list of the target's mentions (a message when there is no
 * target or no mention in a listed article). */
void mentions_open(struct app *a);

#endif
