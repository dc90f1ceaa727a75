/* source: taking the article to its source (source.c): `o` opens its URL in
 * the browser, `e` its file in the editor at the line being read (and the
 * reading pane then shows the file as it reads), `y` copies the URL (or the
 * path). */
#ifndef TOUCHLINE_UI_SOURCE_H
#define TOUCHLINE_UI_SOURCE_H

#include <stddef.h>

struct app;
struct article;

/* The article these keys act on: the one open in the reader, else the
 * list's selection; -1 when there is none. */
long source_article(const struct app *a);
/* An article as the reader shows it: as its file read after `e` changed
 * it, else as it was loaded. */
const struct article *source_shown(const struct app *a, size_t article);

/* `o`: the URL (front matter `url`, a page's canonical link, a feed item's
 * link) in $BROWSER split at blanks (else xdg-open), as one argument, never
 * through a shell. The status line tells a missing URL or a failure. */
void source_open_url(struct app *a);
/* `e`: $EDITOR (else $VISUAL, else vi), split at blanks, run as
 * `EDITOR +LINE PATH`. LINE is the file line of the entity cursor, else of
 * the reading pane's top line; 1 from the list. An sfeed entry FILE#N opens
 * FILE at line N. When the file changed, the reading pane shows it anew
 * (without entity marks: the index keeps what was loaded at start). */
void source_edit(struct app *a);
/* `y`: copies the URL, else the path, with OSC 52 when the config says
 * `clipboard: osc52`; either way the status line shows it, sanitized. */
void source_copy(struct app *a);

#endif
