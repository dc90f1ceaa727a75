/* signals: signal flags and the reader's wait (see signals.h). The handlers
 * set a flag and write one byte to a non-blocking pipe (the self-pipe
 * trick): a flag alone was lost when the signal landed between the loop's
 * look at it and a blocking read of the next key, or on a loading thread,
 * and a resize then waited for the next key. */
#include "ui/signals.h"
#include "core/base/fdio.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got_resize, got_quit;
static int pipe_fds[2] = {-1, -1};

static void on_signal(int sig)
{
    int saved = errno;
    if (sig == SIGWINCH)
        got_resize = 1;
    else
        got_quit = sig;
    if (pipe_fds[1] >= 0 && write(pipe_fds[1], "", 1) < 0) {
        /* full: the wait will wake anyway */
    }
    errno = saved;
}

bool signals_install(void)
{
    bool piped = pipe_fds[0] >= 0 || fd_pipe(pipe_fds, true);
    int err = errno;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = 0; /* no SA_RESTART: a blocked read returns so the loop sees the flag */
    static const int sigs[] = {SIGWINCH, SIGTERM, SIGINT, SIGHUP};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        sigaction(sigs[i], &sa, NULL);
    errno = err;
    return piped;
}

void signals_close(void)
{
    for (int i = 0; i < 2; i++) {
        int fd = pipe_fds[i];
        pipe_fds[i] = -1;
        if (fd >= 0)
            close(fd);
    }
}

bool signals_take_resize(void)
{
    if (!got_resize)
        return false;
    got_resize = 0;
    return true;
}

int signals_quit(void)
{
    return got_quit;
}

/* Empties the pipe: its bytes have done their job once the wait ended. */
static void drain(void)
{
    char sink[64];
    while (pipe_fds[0] >= 0 && read(pipe_fds[0], sink, sizeof sink) > 0)
        ;
}

void signals_wait(int input_fd, int wake_fd, int timeout_ms)
{
    struct pollfd fds[3] = {{.fd = input_fd, .events = POLLIN},
                            {.fd = pipe_fds[0], .events = POLLIN},
                            {.fd = wake_fd, .events = POLLIN}};
    poll(fds, 3, timeout_ms); /* a negative fd is skipped; EINTR: a signal, seen next */
    drain();
}
