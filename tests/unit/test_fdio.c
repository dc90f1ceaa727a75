/* test_fdio: whole reads and writes through a pipe (short counts, an early
 * end), and pipes made close-on-exec from the start, non-blocking when
 * asked. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "core/base/fdio.h"

static void assert_pipe_flags(bool nonblocking)
{
    int fds[2];
    assert_true(fd_pipe(fds, nonblocking));
    for (int i = 0; i < 2; i++) {
        assert_true(fcntl(fds[i], F_GETFD) & FD_CLOEXEC);
        assert_int_equal((fcntl(fds[i], F_GETFL) & O_NONBLOCK) != 0, nonblocking);
    }
    close(fds[0]);
    close(fds[1]);
}

static void test_pipe_is_close_on_exec(void **state)
{
    (void)state;
    assert_pipe_flags(false);
    assert_pipe_flags(true);
}

static void test_empty_nonblocking_pipe_would_block(void **state)
{
    (void)state;
    int fds[2];
    assert_true(fd_pipe(fds, true));
    char c;
    assert_int_equal(read(fds[0], &c, 1), -1);
    assert_int_equal(errno, EAGAIN);
    close(fds[0]);
    close(fds[1]);
}

static void test_whole_reads_and_writes(void **state)
{
    (void)state;
    int fds[2];
    assert_true(fd_pipe(fds, false));
    static const char text[] = "Saka scored twice";
    assert_true(fd_write_all(fds[1], text, sizeof text));
    close(fds[1]);
    char got[sizeof text];
    assert_true(fd_read_all(fds[0], got, sizeof got));
    assert_memory_equal(got, text, sizeof text);
    assert_false(fd_read_all(fds[0], got, 1)); /* the end came first */
    close(fds[0]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_pipe_is_close_on_exec),
        cmocka_unit_test(test_empty_nonblocking_pipe_would_block),
        cmocka_unit_test(test_whole_reads_and_writes),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
