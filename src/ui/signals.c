/* signals: signal flags and the reader's wait (see signals.h). The handlers
 * set a flag and write one byte to a non-blocking pipe (the self-pipe
 * trick): a flag alone was lost when the signal landed between the loop's
 * look at it and a blocking read of the next key, or on a loading thread,
 * and a resize then waited for the next key. The pipe lives as long as the
 * process: a handler on another thread may have read the write end's number
 * just before a close, and would then write its byte into whatever file the
 * next open got that number (the reading state, say). */
#include "ui/signals.h"
#include "core/base/fdio.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t got_resize, got_quit;
static int wake_read = -1;
/* what the handler writes to; set once, before the handlers go in */
static volatile sig_atomic_t wake_write = -1;

static void on_signal(int sig)
{
    int saved = errno;
    if (sig == SIGWINCH)
        got_resize = 1;
    else
        got_quit = sig;
    int fd = wake_write;
    if (fd >= 0 && write(fd, "", 1) < 0) {
        /* full: the wait will wake anyway */
    }
    errno = saved;
}

/* Makes the pipe once; it is never closed (see the top). */
static bool open_pipe(void)
{
    if (wake_read >= 0)
        return true;
    int fds[2];
    if (!fd_pipe(fds, true))
        return false;
    wake_read = fds[0];
    wake_write = fds[1];
    return true;
}

bool signals_install(void)
{
    bool piped = open_pipe();
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
    while (wake_read >= 0 && read(wake_read, sink, sizeof sink) > 0)
        ;
}

void signals_wait(int input_fd, int wake_fd, int timeout_ms)
{
    struct pollfd fds[3] = {{.fd = input_fd, .events = POLLIN},
                            {.fd = wake_read, .events = POLLIN},
                            {.fd = wake_fd, .events = POLLIN}};
    poll(fds, 3, timeout_ms); /* a negative fd is skipped; EINTR: a signal, seen next */
    drain();
}
