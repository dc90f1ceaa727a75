/* external: running another program from the reader (a browser, an editor,
 * a command typed after `|`): the screen is handed back to the terminal, the
 * program runs from an argument vector and the reader waits for it, then the
 * screen is restored and repainted (external.c). */
#ifndef TOUCHLINE_UI_EXTERNAL_H
#define TOUCHLINE_UI_EXTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/buf.h"

struct app;

/* Splits a command named by the environment ($BROWSER, $EDITOR) into words
 * at blanks (space, tab, newline) only: no quoting, no variables, no shell.
 * The vector has room for `extra` more words and a NULL after them; its
 * words are set from *n on. NULL when cmd holds no word. Free with
 * external_argv_free. */
char **external_split(const char *cmd, size_t extra, size_t *n);
void external_argv_free(char **argv);

/* Runs argv[0] (looked up in PATH) with argv as it is, with stdin from
 * stdin_fd (-1: the terminal's), while curses is suspended (def_prog_mode,
 * endwin). The reader waits; ^C and ^\ reach the program, not the reader.
 * With `pause`, "Press Enter to return" is printed when it ends and Enter is
 * awaited. Then the screen is laid out for the terminal's size again and
 * fully repainted. True when the program exited with status 0; otherwise
 * *why gets a sanitized line for the status line: it could not be started
 * (and why), it exited with status N, or a signal ended it. */
bool external_run(struct app *a, char *const argv[], int stdin_fd, bool pause, struct buf *why);

#endif
