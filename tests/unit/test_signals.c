/* test_signals: the reader's wait ends at once for a signal that came before
 * it (after the loop last looked at the flags) or that another thread took,
 * as well as on input and on its timeout, and a spent signal does not end
 * the next wait early. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include "ui/signals.h"

static int input[2];

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* How long signals_wait on the idle input took, in ms. */
static double timed_wait(int timeout_ms)
{
    double t0 = now_ms();
    signals_wait(input[0], -1, timeout_ms);
    return now_ms() - t0;
}

static int setup(void **state)
{
    (void)state;
    if (pipe(input) != 0 || !signals_install())
        return -1;
    return 0;
}

static int teardown(void **state)
{
    (void)state; /* the signal pipe stays open for the process's life */
    close(input[0]);
    close(input[1]);
    return 0;
}

static void test_signal_before_the_wait(void **state)
{
    (void)state;
    assert_false(signals_take_resize());
    raise(SIGWINCH); /* as if it landed while the loop was drawing */
    assert_true(timed_wait(10000) < 2000);
    assert_true(signals_take_resize());
    assert_false(signals_take_resize());
    /* spent: the next wait runs to its timeout */
    assert_true(timed_wait(100) >= 90);
}

static void *raise_later(void *arg)
{
    (void)arg;
    struct timespec nap = {0, 50 * 1000 * 1000};
    nanosleep(&nap, NULL);
    raise(SIGWINCH); /* taken by this thread, not the waiting one */
    return NULL;
}

static void test_signal_on_another_thread(void **state)
{
    (void)state;
    pthread_t t;
    assert_int_equal(pthread_create(&t, NULL, raise_later, NULL), 0);
    double took = timed_wait(10000);
    pthread_join(t, NULL);
    assert_true(took < 2000);
    assert_true(signals_take_resize());
}

static void test_input_and_timeout(void **state)
{
    (void)state;
    assert_true(timed_wait(60) >= 50);
    assert_int_equal(write(input[1], "k", 1), 1);
    assert_true(timed_wait(10000) < 2000);
    char c;
    assert_int_equal(read(input[0], &c, 1), 1);
    assert_false(signals_take_resize());
}

static void test_quit(void **state)
{
    (void)state;
    assert_int_equal(signals_quit(), 0);
    raise(SIGTERM); /* handled: the process goes on, the loop sees it */
    assert_true(timed_wait(10000) < 2000);
    assert_int_equal(signals_quit(), SIGTERM);
}

static void test_many_signals_undrained(void **state)
{
    (void)state;
    /* more bytes than a pipe holds (64 KiB on Linux), none read: were the
     * pipe blocking, a handler would hang on the full pipe (and the alarm
     * end the test); as it is, the surplus bytes are dropped */
    alarm(30);
    for (int i = 0; i < 70000; i++)
        raise(SIGWINCH);
    alarm(0);
    assert_true(timed_wait(10000) < 2000);
    assert_true(signals_take_resize());
    /* the wait emptied the pipe: the next one runs to its timeout */
    assert_true(timed_wait(100) >= 90);
}

/* The lowest free descriptor number. */
static int next_fd(void)
{
    int fd = open("/dev/null", O_RDONLY);
    assert_true(fd >= 0);
    close(fd);
    return fd;
}

static void test_install_again_keeps_the_pipe(void **state)
{
    (void)state;
    int before = next_fd();
    assert_true(signals_install()); /* no second pipe, nothing closed */
    assert_int_equal(next_fd(), before);
    raise(SIGWINCH);
    assert_true(timed_wait(10000) < 2000);
    assert_true(signals_take_resize());
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_signal_before_the_wait),
        cmocka_unit_test(test_signal_on_another_thread),
        cmocka_unit_test(test_input_and_timeout),
        cmocka_unit_test(test_quit),
        cmocka_unit_test(test_many_signals_undrained),
        cmocka_unit_test(test_install_again_keeps_the_pipe),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
