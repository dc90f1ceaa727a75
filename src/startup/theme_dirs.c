/* startup/theme_dirs: where the themes other than the user's are: the source
 * tree's themes/ beside a build directory, and the installed share/touchline. */
#include "startup/theme_dirs.h"
#include "core/base/buf.h"
#include "core/base/xalloc.h"

#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

static bool exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}

/* dir/rel when that exists, else NULL. */
static char *existing(const char *dir, const char *rel, const char *marker)
{
    struct buf b, m;
    buf_init(&b);
    buf_init(&m);
    buf_printf(&b, "%s/%s", dir, rel);
    buf_printf(&m, "%s/%s", dir, marker);
    char *found = is_dir(b.data) && exists(m.data) ? realpath(b.data, NULL) : NULL;
    buf_free(&b);
    buf_free(&m);
    return found;
}

void startup_theme_dirs_init(struct startup_theme_dirs *d)
{
    d->source = d->installed = NULL;
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    char *slash = n > 0 ? (exe[n] = '\0', strrchr(exe, '/')) : NULL;
    if (slash)
        *slash = '\0'; /* exe is now the binary's directory */
#ifdef TOUCHLINE_SOURCE_THEMES
    d->source = is_dir(TOUCHLINE_SOURCE_THEMES) ? xstrdup(TOUCHLINE_SOURCE_THEMES) : NULL;
#else
    /* A build directory inside the source tree: <src>/build/touchline. */
    if (slash)
        d->source = existing(exe, "../themes", "../CMakeLists.txt");
#endif
#ifdef TOUCHLINE_INSTALLED_THEMES
    d->installed = xstrdup(TOUCHLINE_INSTALLED_THEMES);
#else
    /* Installed as <prefix>/bin/touchline next to <prefix>/share. */
    if (slash)
        d->installed = existing(exe, "../share/touchline/themes", "../share/touchline/themes");
#endif
}

void startup_theme_dirs_free(struct startup_theme_dirs *d)
{
    free(d->source);
    free(d->installed);
    d->source = d->installed = NULL;
}
