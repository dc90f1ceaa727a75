/* startup: what the commands and the reader share before they part ways:
 * the global options, exit statuses, the user's config, the boilerplate
 * patterns, starting the pipeline with both, and usage errors (see startup.h). */
#include "startup/startup.h"
#include "core/cache/cache.h"
#include "core/base/xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct config *startup_load_config(const struct startup_globals *g)
{
    struct buf warnings;
    buf_init(&warnings);
    struct tl_error err;
    struct config *cfg = config_load(g ? g->config_path : NULL, &warnings, &err);
    if (warnings.len)
        fprintf(stderr, "%s", warnings.data);
    buf_free(&warnings);
    if (!cfg)
        fprintf(stderr, "touchline: %s\n", err.msg);
    return cfg;
}

struct boilerplate *startup_boilerplate(const struct startup_globals *g)
{
    struct config *cfg = startup_load_config(g);
    if (!cfg)
        return NULL;
    struct boilerplate *bp = boilerplate_new();
    struct tl_error err;
    bool ok = config_add_boilerplate(cfg, bp, &err);
    config_free(cfg);
    if (!ok) {
        fprintf(stderr, "touchline: %s\n", err.msg);
        boilerplate_free(bp);
        return NULL;
    }
    return bp;
}

/* Articles the reader loads ahead of their extraction: a screenful of
 * titles on any but the tallest terminals, so that the first screen waits
 * for parses, not extractions. */
enum { READER_LEAD = 128 };
/* Workers the reader starts with; the others start once its first screen
 * is drawn. On two cores a second loading thread before it took the
 * reader's thread off its core for about 1 ms (tests/bench/README.md). */
enum { READER_FIRST_WORKERS = 1 };

bool startup_pipeline_start(struct pipeline *p, char **paths, size_t npaths,
                            const struct config *cfg, const struct startup_globals *g,
                            const char *kb_file, bool background, struct tl_error *err)
{
    /* KB files: the config's, then --kb, merged in that order. */
    const char **kb = xcalloc(cfg->nkb_files + 1, sizeof *kb);
    size_t nkb = 0;
    for (size_t i = 0; i < cfg->nkb_files; i++)
        kb[nkb++] = cfg->kb_files[i].value;
    if (kb_file)
        kb[nkb++] = kb_file;
    const char **patterns = xcalloc(cfg->nboilerplate + 1, sizeof *patterns);
    for (size_t i = 0; i < cfg->nboilerplate; i++)
        patterns[i] = cfg->boilerplate[i].value;
    struct pipeline_options opt = {.kb_files = kb,
                                   .nkb_files = nkb,
                                   .boilerplate = patterns,
                                   .nboilerplate = cfg->nboilerplate,
                                   .threads = g ? g->threads : 0,
                                   .background = background,
                                   .lead = background ? READER_LEAD : 0,
                                   .first_workers = background ? READER_FIRST_WORKERS : 0};
    char *cache_dir = cfg->cache && !(g && g->no_cache) ? cache_default_dir() : NULL;
    opt.cache_dir = cache_dir;
    bool ok = pipeline_start(p, paths, npaths, &opt, err);
    free(cache_dir);
    free(kb);
    free(patterns);
    return ok;
}

size_t startup_default_paths(const struct config *cfg, char ***out)
{
    struct buf feeds;
    buf_init(&feeds);
    struct stat st;
    bool has_feeds =
        config_feeds_dir(cfg, &feeds) && stat(feeds.data, &st) == 0 && S_ISDIR(st.st_mode);
    /* One block: the array, then the feeds_dir string; the others are the config's. */
    size_t n = cfg->narticles + has_feeds;
    char **paths = xmalloc((n + 1) * sizeof *paths + (has_feeds ? feeds.len + 1 : 0));
    for (size_t i = 0; i < cfg->narticles; i++)
        paths[i] = cfg->articles[i].value;
    if (has_feeds) {
        paths[n - 1] = (char *)(paths + n + 1);
        memcpy(paths[n - 1], feeds.data, feeds.len + 1);
    }
    paths[n] = NULL;
    buf_free(&feeds);
    *out = paths;
    return n;
}

void startup_free_paths(char **paths, size_t n)
{
    (void)n;
    free(paths);
}

bool startup_parse_threads(const char *s, unsigned *out)
{
    char *end;
    errno = 0;
    long n = strtol(s, &end, 10);
    if (errno || end == s || *end || n < 0 || n > 1024)
        return false;
    *out = (unsigned)n;
    return true;
}

int startup_usage_error(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    fputs("touchline: ", stderr);
    vfprintf(stderr, fmt, ap);
    fputs("\n", stderr);
    va_end(ap);
    return EXIT_USAGE;
}
