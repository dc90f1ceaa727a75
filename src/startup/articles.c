/* articles: the default articles and the reading state (see articles.h). */
#include "startup/articles.h"
#include "startup/startup.h"
#include "core/base/xalloc.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

char *startup_find_samples(void)
{
    char exe[PATH_MAX], path[PATH_MAX + 64];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        snprintf(path, sizeof path, "%s/../share/touchline/samples", exe);
        if (is_dir(path))
            return realpath(path, NULL);
        for (int up = 0; up < 4; up++) {
            char probe[PATH_MAX + 64];
            snprintf(probe, sizeof probe, "%s/src/ui/ui.c", exe);
            snprintf(path, sizeof path, "%s/samples", exe);
            if (access(probe, F_OK) == 0 && is_dir(path))
                return realpath(path, NULL);
            slash = strrchr(exe, '/');
            if (!slash || slash == exe)
                break;
            *slash = '\0';
        }
    }
    const char *src = getenv("TOUCHLINE_SOURCE_DIR");
    if (src && *src) {
        snprintf(path, sizeof path, "%s/samples", src);
        if (is_dir(path))
            return realpath(path, NULL);
    }
    return NULL;
}

bool startup_find_paths(int npaths_given, char **given, const struct config *cfg, char ***paths,
                        size_t *npaths, char **samples)
{
    *paths = given;
    *npaths = (size_t)npaths_given;
    *samples = NULL;
    if (*npaths)
        return true;
    *npaths = startup_default_paths(cfg, paths); /* articles, then feeds_dir */
    if (*npaths)
        return true;
    free(*paths);
    *samples = startup_find_samples();
    if (!*samples) {
        startup_usage_error("no articles given and no bundled samples found; "
                            "try 'touchline PATH...'");
        return false;
    }
    *paths = samples;
    *npaths = 1;
    return true;
}

struct state *startup_open_state(void)
{
    char *dir = state_default_dir();
    if (!dir) {
        fputs("touchline: no place for the reading state: set HOME or XDG_STATE_HOME\n", stderr);
        return NULL;
    }
    struct state *st = state_open(dir);
    free(dir);
    for (size_t i = 0; i < state_nwarnings(st); i++)
        fprintf(stderr, "touchline: warning: %s\n", state_warning(st, i));
    return st;
}
