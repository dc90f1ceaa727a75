/* external: running another program with curses suspended (see external.h).
 * fork and execvp with an argument vector; an exec failure comes back
 * through a close-on-exec pipe, so "cannot start" is told apart from a
 * program that ran and failed. */
#include "ui/external.h"
#include "ui/app.h"
#include "ui/draw.h"
#include "core/base/fdio.h"
#include "core/base/xalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n';
}

char **external_split(const char *cmd, size_t extra, size_t *n)
{
    size_t words = 0;
    for (size_t i = 0; cmd && cmd[i]; i++)
        if (!is_blank(cmd[i]) && (i == 0 || is_blank(cmd[i - 1])))
            words++;
    *n = 0;
    if (!words)
        return NULL;
    char **argv = xcalloc(words + extra + 1, sizeof *argv);
    for (const char *s = cmd; *s;) {
        while (is_blank(*s))
            s++;
        size_t len = 0;
        while (s[len] && !is_blank(s[len]))
            len++;
        if (len)
            argv[(*n)++] = xstrndup(s, len);
        s += len;
    }
    return argv;
}

void external_argv_free(char **argv)
{
    for (size_t i = 0; argv && argv[i]; i++)
        free(argv[i]);
    free(argv);
}

/* In the child: default signal actions, stdin, then the program. Only
 * async-signal-safe calls (other threads may hold locks). */
static void child(char *const argv[], int stdin_fd, int err_fd)
{
    struct sigaction dfl;
    memset(&dfl, 0, sizeof dfl);
    dfl.sa_handler = SIG_DFL;
    sigemptyset(&dfl.sa_mask);
    static const int sigs[] = {SIGINT, SIGQUIT, SIGPIPE, SIGTERM, SIGHUP, SIGWINCH};
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++)
        sigaction(sigs[i], &dfl, NULL);
    if (stdin_fd >= 0 && dup2(stdin_fd, STDIN_FILENO) < 0) {
        int e = errno;
        (void)!write(err_fd, &e, sizeof e);
        _exit(127);
    }
    execvp(argv[0], argv);
    int e = errno;
    (void)!write(err_fd, &e, sizeof e);
    _exit(127);
}

/* Starts argv and waits for it. Returns the wait status, or -1 with *error
 * set when it could not be started. */
static int spawn_wait(char *const argv[], int stdin_fd, int *error)
{
    int fds[2];
    if (!fd_pipe(fds, false)) {
        *error = errno;
        return -1;
    }
    pid_t pid = fork();
    if (pid < 0) {
        *error = errno;
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    if (pid == 0)
        child(argv, stdin_fd, fds[1]);
    close(fds[1]);
    int e = 0;
    ssize_t got;
    do
        got = read(fds[0], &e, sizeof e);
    while (got < 0 && errno == EINTR);
    close(fds[0]);
    int status = 0;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    if (got == (ssize_t)sizeof e) {
        *error = e;
        return -1;
    }
    return status;
}

/* "Press Enter to return", then reads the terminal (in its own line mode
 * while curses is suspended) up to a newline or the end. */
static void wait_enter(void)
{
    fputs("\nPress Enter to return", stdout);
    fflush(stdout);
    char c;
    for (;;) {
        ssize_t n = read(STDIN_FILENO, &c, 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || c == '\n' || c == '\r')
            return;
    }
}

static void describe(struct buf *why, const char *name, int status, int error)
{
    struct buf raw;
    buf_init(&raw);
    if (status < 0)
        buf_printf(&raw, "cannot start '%s': %s", name, strerror(error));
    else if (WIFEXITED(status))
        buf_printf(&raw, "'%s' exited with status %d", name, WEXITSTATUS(status));
    else if (WIFSIGNALED(status))
        buf_printf(&raw, "'%s' was ended by signal %d", name, WTERMSIG(status));
    buf_reset(why);
    draw_sanitize(raw.data, raw.len, why);
    buf_free(&raw);
}

bool external_run(struct app *a, char *const argv[], int stdin_fd, bool pause, struct buf *why)
{
    struct sigaction ign, old_int, old_quit;
    memset(&ign, 0, sizeof ign);
    ign.sa_handler = SIG_IGN;
    sigemptyset(&ign.sa_mask);
    sigaction(SIGINT, &ign, &old_int); /* ^C is for the program, as system(3) does */
    sigaction(SIGQUIT, &ign, &old_quit);
    def_prog_mode();
    endwin();
    fflush(stdout);
    int error = 0;
    int status = spawn_wait(argv, stdin_fd, &error);
    if (pause)
        wait_enter();
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGQUIT, &old_quit, NULL);
    reset_prog_mode();
    app_resized(a); /* the terminal may have changed size meanwhile; repaints all */
    bool ok = status == 0;
    if (!ok)
        describe(why, argv[0], status, error);
    return ok;
}
