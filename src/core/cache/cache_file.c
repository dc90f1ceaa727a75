/* cache_file: reading and atomically replacing cache files (see cache_file.h). */
#define _DEFAULT_SOURCE /* madvise, MADV_DONTNEED */
#include "core/cache/cache_file.h"
#include "core/base/fdio.h"
#include "core/base/buf.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

unsigned char *cache_file_read(const char *path, size_t max, size_t *size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    unsigned char *data = NULL;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uint64_t)st.st_size <= max) {
        *size = (size_t)st.st_size;
        data = malloc(*size + 1);
        unsigned char extra;
        if (data && (!fd_read_all(fd, data, *size) || read(fd, &extra, 1) != 0)) {
            free(data); /* shorter or longer than it said */
            data = NULL;
        }
    }
    close(fd);
    return data;
}

const unsigned char *cache_file_map(const char *path, size_t max, size_t *size)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    void *p = MAP_FAILED;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0 &&
        (uint64_t)st.st_size <= max) {
        *size = (size_t)st.st_size;
        p = mmap(NULL, *size, PROT_READ, MAP_PRIVATE, fd, 0);
    }
    close(fd); /* the mapping stays */
    return p == MAP_FAILED ? NULL : p;
}

void cache_file_unmap(const unsigned char *p, size_t size)
{
    if (p)
        munmap((void *)p, size);
}

const unsigned char *cache_file_map_growing(int fd, size_t len)
{
    void *p = len ? mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0) : MAP_FAILED;
    return p == MAP_FAILED ? NULL : p;
}

void cache_file_drop(const unsigned char *map, size_t map_size, const unsigned char *p, size_t len)
{
    if (!map || !len)
        return;
    /* asked each time (the C library answers from memory): a static set
     * on first use would be raced for by the loading threads */
    long ps = sysconf(_SC_PAGESIZE);
    size_t page = ps > 0 ? (size_t)ps : 4096;
    size_t from = (size_t)(p - map) / page * page;
    size_t to = (size_t)(p - map) + len;
    to = to > map_size ? map_size : to;
    if (to > from)
        madvise((void *)(map + from), to - from, MADV_DONTNEED);
}

bool cache_file_mkdirs(const char *dir, struct tl_error *err)
{
    char *p = strdup(dir);
    if (!p)
        return tl_error_set(err, "%s: out of memory", dir);
    for (char *s = p + 1; *s; s++) {
        if (*s != '/')
            continue;
        *s = '\0';
        if (mkdir(p, 0700) != 0 && errno != EEXIST) {
            int e = errno;
            free(p);
            return tl_error_set(err, "%s: %s", dir, strerror(e));
        }
        *s = '/';
    }
    free(p);
    struct stat st;
    if (mkdir(dir, 0700) != 0 && errno != EEXIST)
        return tl_error_set(err, "%s: %s", dir, strerror(errno));
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
        return tl_error_set(err, "%s: not a folder", dir);
    return true;
}

/* fsync of the folder holding path, so the rename itself is durable. */
static void sync_parent(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, (size_t)(slash - path) + (slash == path)) : strdup(".");
    int fd = dir ? open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    if (fd >= 0) {
        fsync(fd);
        close(fd);
    }
    free(dir);
}

int cache_file_begin(const char *path, char **tmp, struct tl_error *err)
{
    struct buf b;
    buf_init(&b);
    buf_printf(&b, "%s.tmp.XXXXXX", path);
    int fd = mkstemp(b.data);
    if (fd < 0) {
        tl_error_set(err, "%s: %s", b.data, strerror(errno));
        buf_free(&b);
        return -1;
    }
    *tmp = buf_detach(&b, NULL);
    return fd;
}

bool cache_file_write(int fd, const void *p, size_t n)
{
    return fd_write_all(fd, p, n);
}

void cache_file_abort(int fd, char *tmp)
{
    close(fd);
    unlink(tmp);
    free(tmp);
}

bool cache_file_commit(int fd, char *tmp, const char *path, const void *head, size_t hlen,
                       struct tl_error *err)
{
    bool ok =
        !hlen || (lseek(fd, 0, SEEK_SET) == 0 && fd_write_all(fd, head, hlen)); /* the header */
    ok = ok && fsync(fd) == 0;
    int e = errno;
    ok = close(fd) == 0 && ok;
    if (ok && rename(tmp, path) != 0) {
        e = errno;
        ok = false;
    }
    if (!ok) {
        tl_error_set(err, "%s: %s", path, strerror(e ? e : EIO));
        unlink(tmp);
    } else {
        sync_parent(path);
    }
    free(tmp);
    return ok;
}

bool cache_file_replace(const char *path, const struct iovec *parts, size_t nparts,
                        struct tl_error *err)
{
    char *tmp;
    int fd = cache_file_begin(path, &tmp, err);
    if (fd < 0)
        return false;
    bool ok = true;
    for (size_t i = 0; ok && i < nparts; i++)
        ok = fd_write_all(fd, parts[i].iov_base, parts[i].iov_len);
    if (!ok) {
        tl_error_set(err, "%s: %s", path, strerror(errno ? errno : EIO));
        cache_file_abort(fd, tmp);
        return false;
    }
    return cache_file_commit(fd, tmp, path, NULL, 0, err);
}

void cache_file_clean_temps(const char *path, long age)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, (size_t)(slash - path) + (slash == path)) : strdup(".");
    DIR *d = dir ? opendir(dir) : NULL;
    struct buf prefix;
    buf_init(&prefix);
    buf_printf(&prefix, "%s.tmp.", slash ? slash + 1 : path);
    time_t now = time(NULL);
    struct dirent *de;
    while (d && (de = readdir(d))) {
        struct stat st;
        if (!strncmp(de->d_name, prefix.data, prefix.len) &&
            fstatat(dirfd(d), de->d_name, &st, AT_SYMLINK_NOFOLLOW) == 0 && S_ISREG(st.st_mode) &&
            st.st_mtime < now - age)
            unlinkat(dirfd(d), de->d_name, 0);
    }
    if (d)
        closedir(d);
    buf_free(&prefix);
    free(dir);
}
