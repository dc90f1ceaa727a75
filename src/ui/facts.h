/* facts: the facts panel (facts.c): this article's facts by subject, its
 * clubs, and the target's dossier across the corpus. */
#ifndef TOUCHLINE_UI_FACTS_H
#define TOUCHLINE_UI_FACTS_H

struct view_ops;
extern const struct view_ops facts_view_ops;

#endif
