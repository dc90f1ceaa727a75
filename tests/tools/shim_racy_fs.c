/* shim_racy_fs: an LD_PRELOAD shim for tests/cli/test_racy_files.sh that makes
 * a file vanish or shrink at the moment the program opens it, after the folder
 * scan has seen it. It wraps open, openat, open64 and openat64; for a path
 * whose last component equals SHIM_DELETE it unlinks the file just before the
 * real open (which then fails with ENOENT), and for one equal to
 * SHIM_TRUNCATE it truncates the file to SHIM_TRUNCATE_SIZE bytes (default 0)
 * just before the real open. Other paths pass straight through.
 *
 * Under AddressSanitizer the shim is built sanitized like everything else, and
 * ASan refuses a preload that comes before its runtime: the test runs the
 * binary with ASAN_OPTIONS=verify_asan_link_order=0, which is safe here as the
 * shim defines no function that ASan intercepts besides the open family,
 * whose next definition it calls. */
#undef _FORTIFY_SOURCE /* the fortified open is an inline wrapper we would clash with */
#define _GNU_SOURCE    /* RTLD_NEXT, open64 */
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

typedef int (*open_fn)(const char *, int, ...);
typedef int (*openat_fn)(int, const char *, int, ...);

/* The next definitions after this shim, found once when it is loaded (the
 * loader may open files from several threads: no lazy writes later). */
static open_fn next_open, next_open64;
static openat_fn next_openat, next_openat64;

/* The next definition of NAME after this shim. */
static void *shim_next(const char *name)
{
    void *f = dlsym(RTLD_NEXT, name);
    if (!f)
        abort(); /* a libc without it: nothing sensible to fall back on */
    return f;
}

__attribute__((constructor)) static void shim_init(void)
{
    next_open = (open_fn)shim_next("open");
    next_open64 = (open_fn)shim_next("open64");
    next_openat = (openat_fn)shim_next("openat");
    next_openat64 = (openat_fn)shim_next("openat64");
}

/* True when the last component of PATH is NAME (a non-empty file name). */
static int shim_name_is(const char *path, const char *name)
{
    if (!name || !*name || !path)
        return 0;
    const char *slash = strrchr(path, '/');
    return strcmp(slash ? slash + 1 : path, name) == 0;
}

/* Deletes or truncates PATH (relative to DIRFD) when the environment asks for
 * it; errno is left as it was so that the real open reports its own failure. */
static void shim_act(int dirfd, const char *path)
{
    int saved = errno;
    if (shim_name_is(path, getenv("SHIM_DELETE")))
        unlinkat(dirfd, path, 0);
    if (shim_name_is(path, getenv("SHIM_TRUNCATE"))) {
        const char *size = getenv("SHIM_TRUNCATE_SIZE");
        openat_fn real = next_openat ? next_openat : (openat_fn)shim_next("openat");
        int fd = real(dirfd, path, O_WRONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
        if (fd >= 0) {
            int rc = ftruncate(fd, size ? (off_t)strtoll(size, NULL, 10) : 0);
            (void)rc; /* on failure the open that follows sees the file as it is */
            close(fd);
        }
    }
    errno = saved;
}

/* open(2) takes a mode only when it may create a file. */
static int shim_wants_mode(int flags)
{
#ifdef O_TMPFILE
    if ((flags & O_TMPFILE) == O_TMPFILE)
        return 1;
#endif
    return (flags & O_CREAT) != 0;
}

/* Reads the optional mode argument that follows LAST into MODE. */
#define SHIM_MODE(flags, last, mode)                                                               \
    do {                                                                                           \
        if (shim_wants_mode(flags)) {                                                              \
            va_list ap;                                                                            \
            va_start(ap, last);                                                                    \
            mode = (mode_t)va_arg(ap, int);                                                        \
            va_end(ap);                                                                            \
        }                                                                                          \
    } while (0)

int open(const char *path, int flags, ...)
{
    mode_t mode = 0;
    SHIM_MODE(flags, flags, mode);
    open_fn real = next_open ? next_open : (open_fn)shim_next("open");
    shim_act(AT_FDCWD, path);
    return real(path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
    mode_t mode = 0;
    SHIM_MODE(flags, flags, mode);
    open_fn real = next_open64 ? next_open64 : (open_fn)shim_next("open64");
    shim_act(AT_FDCWD, path);
    return real(path, flags, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
    mode_t mode = 0;
    SHIM_MODE(flags, flags, mode);
    openat_fn real = next_openat ? next_openat : (openat_fn)shim_next("openat");
    shim_act(dirfd, path);
    return real(dirfd, path, flags, mode);
}

int openat64(int dirfd, const char *path, int flags, ...)
{
    mode_t mode = 0;
    SHIM_MODE(flags, flags, mode);
    openat_fn real = next_openat64 ? next_openat64 : (openat_fn)shim_next("openat64");
    shim_act(dirfd, path);
    return real(dirfd, path, flags, mode);
}
