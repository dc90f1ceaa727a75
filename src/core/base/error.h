/* error: errors as values. A failing function fills a struct tl_error with a
 * message in `path:line:col: what` form and returns false; only main() exits. */
#ifndef TOUCHLINE_ERROR_H
#define TOUCHLINE_ERROR_H

#include <stdbool.h>

struct tl_error {
    char msg[1024];
};

/* Sets the message from a printf format. `err` may be NULL. Returns false so
 * callers can write `return tl_error_set(err, ...);`. */
bool tl_error_set(struct tl_error *err, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Sets `path:line:col: message`; line and col are 1-based (0 leaves them out). */
bool tl_error_at(struct tl_error *err, const char *path, unsigned line, unsigned col,
                 const char *fmt, ...) __attribute__((format(printf, 5, 6)));

#endif
