/* pipe_cmd: `|` (see pipe_cmd.h). The text goes through an unlinked
 * temporary file rather than a pipe, so a command that does not read it
 * neither blocks the reader nor kills it with SIGPIPE. */
#include "ui/pipe_cmd.h"
#include "core/base/fdio.h"
#include "ui/app.h"
#include "ui/external.h"
#include "ui/prompt.h"
#include "ui/source.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* A file holding the article's text, at its start, already unlinked; -1
 * with *why set on failure. */
static int text_file(const struct article *ar, struct buf *why)
{
    const char *dir = getenv("TMPDIR");
    struct buf path;
    buf_init(&path);
    buf_printf(&path, "%s/touchline-pipe-XXXXXX", dir && *dir ? dir : "/tmp");
    int fd = mkstemp(path.data);
    if (fd < 0) {
        buf_printf(why, "cannot make a temporary file in %s: %s", dir && *dir ? dir : "/tmp",
                   strerror(errno));
        buf_free(&path);
        return -1;
    }
    unlink(path.data);
    buf_free(&path);
    bool ok =
        fd_write_all(fd, ar->title, strlen(ar->title)) && fd_write_all(fd, "\n\n", 2) &&
        fd_write_all(fd, ar->body, ar->body_len) &&
        (ar->body_len && ar->body[ar->body_len - 1] == '\n' ? true : fd_write_all(fd, "\n", 1));
    if (!ok || lseek(fd, 0, SEEK_SET) < 0) {
        buf_printf(why, "cannot write the article's text: %s", strerror(errno));
        close(fd);
        return -1;
    }
    return fd;
}

/* Enter in the `|` prompt. */
static bool run_pipe(struct app *a, const char *cmd, size_t *offset, struct buf *message)
{
    (void)offset;
    (void)message;
    app_close_modal(a);
    size_t i = 0;
    while (cmd[i] == ' ')
        i++;
    if (!cmd[i]) {
        app_message(a, false, "pipe cancelled");
        return true;
    }
    long art = source_article(a);
    if (art < 0) {
        app_message(a, true, "no article to pipe");
        return true;
    }
    struct buf why;
    buf_init(&why);
    int fd = text_file(source_shown(a, (size_t)art), &why);
    if (fd >= 0) {
        char *argv[] = {"/bin/sh", "-c", (char *)cmd, NULL};
        if (external_run(a, argv, fd, true, &why))
            app_message(a, false, "piped the article to the command");
        close(fd);
    }
    if (why.len)
        app_message(a, true, "%s", why.data);
    buf_free(&why);
    return true;
}

static struct prompt_kind pipe_kind = {
    .lead = "|",
    .hint = "(a command for /bin/sh; it reads the article's text; empty cancels)",
    .run = run_pipe,
};

void pipe_cmd_open(struct app *a)
{
    if (source_article(a) < 0) {
        app_message(a, true, "no article to pipe");
        return;
    }
    prompt_open_kind(a, &pipe_kind);
}
