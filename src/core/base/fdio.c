/* fdio: whole reads and writes on a file descriptor (see fdio.h). */
#define _GNU_SOURCE /* pipe2 */
#include "core/base/fdio.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>

bool fd_read_all(int fd, void *p, size_t n)
{
    char *at = p;
    while (n) {
        ssize_t got = read(fd, at, n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            return false;
        at += got;
        n -= (size_t)got;
    }
    return true;
}

bool fd_write_all(int fd, const void *p, size_t n)
{
    const char *at = p;
    while (n) {
        ssize_t put = write(fd, at, n);
        if (put < 0 && errno == EINTR)
            continue;
        if (put <= 0)
            return false;
        at += put;
        n -= (size_t)put;
    }
    return true;
}

bool fd_pipe(int fds[2], bool nonblocking)
{
    return pipe2(fds, O_CLOEXEC | (nonblocking ? O_NONBLOCK : 0)) == 0;
}
