/* cli: the non-interactive subcommands (list, show, ...) and what they share:
 * option parsing helpers and loading a corpus from command-line paths. */
#ifndef TOUCHLINE_CLI_H
#define TOUCHLINE_CLI_H

#include <stdbool.h>

#include "core/config/config.h"
#include "core/load/corpus.h"
#include "core/pipeline/pipeline.h"

/* Exit statuses. */
enum { EXIT_OK = 0, EXIT_NOTHING = 1, EXIT_USAGE = 2 };

/* Options shared by every command, set by main() before dispatch. */
struct cli_globals {
    const char *kb_file;     /* --kb FILE, or NULL */
    const char *config_path; /* --config FILE, or NULL for the default place */
    unsigned threads;        /* --threads N: extraction threads, 0 for one per core */
    bool no_cache;           /* --no-cache */
};

/* Each command gets argv starting at its own name and returns an exit status. */
int cmd_list(int argc, char **argv, const struct cli_globals *g);
int cmd_show(int argc, char **argv, const struct cli_globals *g);
int cmd_extract(int argc, char **argv, const struct cli_globals *g);
int cmd_entities(int argc, char **argv, const struct cli_globals *g);
int cmd_mentions(int argc, char **argv, const struct cli_globals *g);

/* Loads every path into c (an empty list means "nothing"). Problems go to
 * stderr. Returns false, after printing a one-line error, when a path does
 * not exist. */
bool cli_load_corpus(struct corpus *c, char **paths, int npaths);
/* Runs the pipeline over paths with the global options (--kb). Problems
 * go to stderr; on a fatal error prints it and returns false. */
bool cli_open_pipeline(struct pipeline *p, char **paths, int npaths, const struct cli_globals *g);
/* pipeline_start with a loaded config's KB files (then kb_file, may be
 * NULL) and boilerplate patterns, on --threads worker threads (0: one per
 * core), with the cache unless the config or --no-cache turn it off, all in
 * the background when asked (the reader): what
 * cli_open_pipeline and the reader share. Results are taken by the caller
 * (pipeline_take, pipeline_finish). */
bool cli_pipeline_start_config(struct pipeline *p, char **paths, size_t npaths,
                               const struct config *cfg, const struct cli_globals *g,
                               const char *kb_file, bool background, struct tl_error *err);
/* Parses --threads' argument (0 to 1024) into *out; false when it is not one. */
bool cli_parse_threads(const char *s, unsigned *out);
/* The user's config (--config, or $XDG_CONFIG_HOME/touchline/config.yaml
 * when it exists); its warnings go to stderr. On a bad file prints
 * path:line:col: what and returns NULL (the caller exits 2). */
struct config *cli_load_config(const struct cli_globals *g);
/* The boilerplate patterns: the built-in ones plus the config's. NULL,
 * after a message, when the config is bad. */
struct boilerplate *cli_boilerplate(const struct cli_globals *g);
/* Prints "touchline: <what>" to stderr and returns EXIT_USAGE. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
