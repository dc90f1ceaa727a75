/* pipe_cmd: `|` in the reader (pipe_cmd.c): a command typed on the status
 * row gets the article's text on its standard input. */
#ifndef TOUCHLINE_UI_PIPE_CMD_H
#define TOUCHLINE_UI_PIPE_CMD_H

struct app;

/* Opens the `|` prompt. Enter runs the line with /bin/sh -c (it is typed by
 * the user, so shell syntax is what they expect) and the article's text
 * (title line, blank line, cleaned body) on its standard input; curses is
 * suspended meanwhile, the command's output goes to the terminal, and
 * "Press Enter to return" waits before the screen comes back. An empty
 * line cancels. */
void pipe_cmd_open(struct app *a);

#endif
