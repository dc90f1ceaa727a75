/* following: following players and clubs in the reader (following.c): `F`
 * on the target, the Following view (`W`: what is new about the followed
 * since the last visit, from core/state/news.h) and its line on the status
 * line at start-up. */
#ifndef TOUCHLINE_UI_FOLLOWING_H
#define TOUCHLINE_UI_FOLLOWING_H

struct app;
struct buf;
struct modal_ops;
extern const struct modal_ops following_modal_ops;

/* F: follows the target (a person or a club), or stops following it. */
void following_toggle(struct app *a);
/* W: opens the Following view. */
void following_open(struct app *a);
/* "5 new facts about 2 followed players since Tue" for the start-up
 * status line; nothing when there is nothing new. */
void following_summary(const struct app *a, struct buf *out);

#endif
