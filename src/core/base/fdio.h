/* fdio: whole reads and writes on a file descriptor, retried on EINTR and
 * on short counts, for the places that work with raw descriptors (the cache
 * file, the reader's pipe to a command), and pipes made close-on-exec. */
#ifndef TOUCHLINE_FDIO_H
#define TOUCHLINE_FDIO_H

#include <stdbool.h>
#include <stddef.h>

/* Reads exactly n bytes into p; false on an error or an early end. */
bool fd_read_all(int fd, void *p, size_t n);
/* Writes all n bytes of p; false on an error. */
bool fd_write_all(int fd, const void *p, size_t n);
/* A pipe whose two ends are close-on-exec from the start (no window in
 * which a fork elsewhere inherits them), and non-blocking if asked.
 * Returns false with errno set. */
bool fd_pipe(int fds[2], bool nonblocking);

#endif
