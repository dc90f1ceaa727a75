/* cli: the non-interactive subcommands (list, show, ...) and what they share:
 * option parsing helpers and loading a corpus from command-line paths. */
#ifndef TOUCHLINE_CLI_H
#define TOUCHLINE_CLI_H

#include <getopt.h>
#include <stdbool.h>

#include "startup/startup.h"
#include "core/load/corpus.h"
#include "core/pipeline/pipeline.h"

/* Each command gets argv starting at its own name and returns an exit status. */
int cmd_list(int argc, char **argv, const struct startup_globals *g);
int cmd_show(int argc, char **argv, const struct startup_globals *g);
int cmd_extract(int argc, char **argv, const struct startup_globals *g);
int cmd_entities(int argc, char **argv, const struct startup_globals *g);
int cmd_mentions(int argc, char **argv, const struct startup_globals *g);
int cmd_fetch(int argc, char **argv, const struct startup_globals *g);
int cmd_follow(int argc, char **argv, const struct startup_globals *g);
int cmd_unfollow(int argc, char **argv, const struct startup_globals *g);
int cmd_news(int argc, char **argv, const struct startup_globals *g);

/* A command's next option, anywhere on its line (GNU order; set optind = 0
 * before the first call): as getopt_long (shortopts without the leading
 * ':'), except that an unknown option or a missing value is explained on
 * stderr ("extract: unknown option '--bogus'; try 'touchline extract
 * --help'") and returned as '?', for the caller to exit EXIT_USAGE. */
int cli_next_option(const char *cmd, int argc, char **argv, const char *shortopts,
                    const struct option *longopts);
/* The exit status of a command that read articles: EXIT_OK when it found
 * something and every article could be read, else EXIT_NOTHING (nothing
 * found, or some articles could not be read: each was reported). */
int cli_status(const struct corpus *c, bool found);
/* Says that no entity (of a kind; < 0: any) is called `name` in the
 * articles, with the nearest ones (index_suggest) as "did you mean". */
void cli_no_entity(const char *cmd, const struct index *ix, int kind, const char *name);

/* The paths a command opens when given none (startup_default_paths: the
 * config's articles, then feeds_dir when it exists); 0 when there are none
 * or the config is bad. Free with startup_free_paths. */
size_t cli_default_paths(const struct startup_globals *g, char ***out);
/* Loads every path into c (an empty list means "nothing"). Problems go to
 * stderr. Returns false, after printing a one-line error, when a path does
 * not exist. */
bool cli_load_corpus(struct corpus *c, char **paths, int npaths);
/* Runs the pipeline over paths with the global options (--kb). Problems
 * go to stderr; on a fatal error prints it and returns false. */
bool cli_open_pipeline(struct pipeline *p, char **paths, int npaths,
                       const struct startup_globals *g);

#endif
