/* signals: the reader's signals (a resize, a request to quit) as flags its
 * loop reads, and the loop's wait for a key, a signal or the load's end. */
#ifndef TOUCHLINE_UI_SIGNALS_H
#define TOUCHLINE_UI_SIGNALS_H

#include <stdbool.h>

/* Handles SIGWINCH, SIGTERM, SIGINT and SIGHUP from now on. False with errno
 * set when the pipe that wakes signals_wait cannot be made (the handlers are
 * installed either way; the wait then ends on input and its timeout only).
 * The pipe, once made, stays open until the process ends: a handler running
 * on another thread could otherwise write into a file that reused its number.
 * Calling it again reuses the pipe. */
bool signals_install(void);
/* Whether a resize came since the last call. */
bool signals_take_resize(void);
/* The signal that asked to quit, or 0. */
int signals_quit(void);
/* Waits until input_fd or wake_fd (if >= 0) is readable, a signal arrives or
 * timeout_ms pass (-1: no limit). A signal that came before the call, after
 * the caller last looked at the flags, ends it at once, whichever thread
 * took it: the handler writes to a pipe that the wait polls. */
void signals_wait(int input_fd, int wake_fd, int timeout_ms);

#endif
