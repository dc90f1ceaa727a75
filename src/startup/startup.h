/* startup: the layer that cli/ and ui/ share (they never include each other):
 * global options, exit statuses, the user's config, the boilerplate patterns
 * and starting the pipeline with them. */
#ifndef TOUCHLINE_STARTUP_H
#define TOUCHLINE_STARTUP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/config/config.h"
#include "core/pipeline/pipeline.h"

/* Exit statuses. */
enum { EXIT_OK = 0, EXIT_NOTHING = 1, EXIT_USAGE = 2 };

/* Options shared by every command, set by main() before dispatch. */
struct startup_globals {
    const char *kb_file;     /* --kb FILE, or NULL */
    const char *config_path; /* --config FILE, or NULL for the default place */
    unsigned threads;        /* --threads N: extraction threads, 0 for one per core */
    bool no_cache;           /* --no-cache */
};

/* The user's config (--config, or $XDG_CONFIG_HOME/touchline/config.yaml
 * when it exists); its warnings go to stderr. On a bad file prints
 * path:line:col: what and returns NULL (the caller exits 2). */
struct config *startup_load_config(const struct startup_globals *g);
/* The boilerplate patterns: the built-in ones plus the config's. NULL,
 * after a message, when the config is bad. */
struct boilerplate *startup_boilerplate(const struct startup_globals *g);
/* pipeline_start with a loaded config's KB files (then kb_file, may be
 * NULL) and boilerplate patterns, on --threads worker threads (0: one per
 * core), with the cache unless the config or --no-cache turn it off, all in
 * the background when asked (the reader): what
 * cli_open_pipeline and the reader share. Results are taken by the caller
 * (pipeline_take, pipeline_finish). */
bool startup_pipeline_start(struct pipeline *p, char **paths, size_t npaths,
                            const struct config *cfg, const struct startup_globals *g,
                            const char *kb_file, bool background, struct tl_error *err);
/* What the reader, list and extract open when given no path: the config's
 * articles folders, then feeds_dir (where `touchline fetch` stores items)
 * when it exists. Returns the number of paths and, in *out, one block to
 * free (startup_free_paths, or free) that lives no longer than cfg; 0 when
 * there are none. */
size_t startup_default_paths(const struct config *cfg, char ***out);
void startup_free_paths(char **paths, size_t n);
/* Parses --threads' argument (0 to 1024) into *out; false when it is not one. */
bool startup_parse_threads(const char *s, unsigned *out);
/* Prints "touchline: <what>" to stderr and returns EXIT_USAGE. */
int startup_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
