/* main: global options, the reader's options and subcommand dispatch. The only
 * place that decides the process's exit status. */
#include "cli/cli.h"
#include "cli/config_cmds.h"
#include "core/base/suggest.h"
#include "ui/ui.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#ifndef TOUCHLINE_VERSION
#define TOUCHLINE_VERSION "0.0.0"
#endif

struct command {
    const char *name;
    int (*run)(int argc, char **argv, const struct startup_globals *g);
    const char *help;
};

static const struct command commands[] = {
    {"list", cmd_list, "one line per article: date, title, source, path"},
    {"show", cmd_show, "an article as loaded: metadata, then the cleaned body"},
    {"extract", cmd_extract, "entities and facts of every article as JSON Lines"},
    {"entities", cmd_entities, "a table of entities with article and mention counts"},
    {"mentions", cmd_mentions, "every mention of an entity, as path:line:col: context"},
    {"fetch", cmd_fetch, "fetch the config's feeds and store their new items as articles"},
    {"check", cmd_check, "validate config, theme and knowledge-base files"},
    {"themes", cmd_themes, "list the available colour themes with a sample"},
    {"follow", cmd_follow, "follow a player, manager or club (see 'news' and W)"},
    {"unfollow", cmd_unfollow, "stop following one"},
    {"news", cmd_news, "the facts about the followed since the last visit"},
};

static void print_help(void)
{
    puts("usage: touchline [OPTIONS] [PATH...]          the reader\n"
         "       touchline [OPTIONS] COMMAND [ARGS...]  a command\n"
         "\n"
         "A terminal reader for football news. With no command it opens the reader on\n"
         "the articles in PATH (files or folders), else on the config's articles folders,\n"
         "else on the bundled samples; '?' in the reader lists the keys.\n"
         "\n"
         "Commands:");
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        printf("  %-10s %s\n", commands[i].name, commands[i].help);
    puts("\n"
         "Options:\n"
         "  -h, --help         show this help and exit\n"
         "  -V, --version      show the version and exit\n"
         "      --kb FILE      merge a knowledge-base file over the built-in one\n"
         "      --config FILE  read this config instead of\n"
         "                     $XDG_CONFIG_HOME/touchline/config.yaml\n"
         "      --threads N    extract on N threads (default 0: one per core)\n"
         "      --no-cache     neither read nor write the cache of extraction results\n"
         "\n"
         "Reader options:\n"
         "      --club NAME    start with the list filtered to that club\n"
         "      --person NAME  start with the list filtered to that person\n"
         "      --theme NAME   use that colour theme ('touchline themes' lists them) or file\n"
         "      --bench-keys FILE  replay a key script without a terminal and print\n"
         "                     per-key timings (see tests/bench/keys.txt)\n"
         "\n"
         "'touchline COMMAND --help' describes one command.");
}

enum {
    OPT_HELP = 'h',
    OPT_VERSION = 'V',
    OPT_KB = 256,
    OPT_CONFIG,
    OPT_THREADS,
    OPT_NO_CACHE,
    OPT_CLUB,
    OPT_PERSON,
    OPT_THEME,
    OPT_BENCH_KEYS
};

static const struct option options[] = {
    {"help", no_argument, NULL, OPT_HELP},
    {"version", no_argument, NULL, OPT_VERSION},
    {"kb", required_argument, NULL, OPT_KB},
    {"config", required_argument, NULL, OPT_CONFIG},
    {"threads", required_argument, NULL, OPT_THREADS},
    {"no-cache", no_argument, NULL, OPT_NO_CACHE},
    {"club", required_argument, NULL, OPT_CLUB},
    {"person", required_argument, NULL, OPT_PERSON},
    {"theme", required_argument, NULL, OPT_THEME},
    {"bench-keys", required_argument, NULL, OPT_BENCH_KEYS},
    {0},
};

/* Explains an option getopt refused: unknown, or missing its value. */
static int option_error(char **argv)
{
    const char *arg = argv[optind - 1];
    for (const struct option *o = options; o->name; o++)
        if (optopt == o->val || (!strncmp(arg, "--", 2) && !strcmp(arg + 2, o->name)))
            return startup_usage_error("option '--%s' needs a value; try 'touchline --help'",
                                       o->name);
    return startup_usage_error("unknown option '%s'; try 'touchline --help'", arg);
}

/* Reads the options of argv (stopping at the first non-option when `in_order`,
 * else permuting as GNU tools do). Returns -1 to go on, else an exit status. */
static int parse_options(int argc, char **argv, bool in_order, struct startup_globals *g,
                         struct ui_options *o)
{
    int ch;
    optind = 0;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, in_order ? "+:hV" : ":hV", options, NULL)) != -1) {
        switch (ch) {
        case OPT_HELP:
            print_help();
            return EXIT_OK;
        case OPT_VERSION:
            puts("touchline " TOUCHLINE_VERSION);
            return EXIT_OK;
        case OPT_KB:
            g->kb_file = optarg;
            break;
        case OPT_CONFIG:
            g->config_path = optarg;
            break;
        case OPT_THREADS:
            if (!startup_parse_threads(optarg, &g->threads))
                return startup_usage_error("--threads: expected a number from 0 to 1024, got '%s'",
                                           optarg);
            break;
        case OPT_NO_CACHE:
            g->no_cache = true;
            break;
        case OPT_CLUB:
            o->club = optarg;
            break;
        case OPT_PERSON:
            o->person = optarg;
            break;
        case OPT_THEME:
            o->theme = optarg;
            break;
        case OPT_BENCH_KEYS:
            o->bench_keys = optarg;
            break;
        default:
            return option_error(argv);
        }
    }
    return -1;
}

static const struct command *find_command(const char *name)
{
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(name, commands[i].name))
            return &commands[i];
    return NULL;
}

/* A word that is neither a command nor an existing path, but close to a
 * command's name: says so ("lsit": did you mean list?) and returns
 * EXIT_USAGE; else -1 (the word is a path for the reader). */
static int mistyped_command(const char *word)
{
    if (access(word, F_OK) == 0) /* a path: the usual case, so asked first */
        return -1;
    enum { N = sizeof commands / sizeof *commands };
    const char *names[N];
    for (size_t i = 0; i < N; i++)
        names[i] = commands[i].name;
    const char *near = suggest_nearest(word, names, N);
    if (!near)
        return -1;
    return startup_usage_error("unknown command '%s'; did you mean '%s'? ('touchline --help' "
                               "lists the commands)",
                               word, near);
}

/* A command's output that could not be written in full (a full disk,
 * /dev/full) is a failure the user must hear of, not a truncated file and
 * exit 0. A closed pipe is not reported: the reader of `| head` left. */
static int output_checked(int status)
{
    if (fflush(stdout) == 0 && !ferror(stdout))
        return status;
    if (errno != EPIPE)
        fprintf(stderr, "touchline: cannot write the output: %s\n", strerror(errno));
    return status == EXIT_USAGE ? status : EXIT_NOTHING;
}

int main(int argc, char **argv)
{
    struct startup_globals g = {0};
    struct ui_options o = {0};
    int status = parse_options(argc, argv, true, &g, &o);
    if (status >= 0)
        return status;
    const struct command *cmd = optind < argc ? find_command(argv[optind]) : NULL;
    if (cmd) {
        if (o.club || o.person || o.theme || o.bench_keys)
            return startup_usage_error("--club, --person, --theme and --bench-keys are options "
                                       "of the reader, not of '%s'",
                                       cmd->name);
        return output_checked(cmd->run(argc - optind, argv + optind, &g));
    }
    if (optind < argc && (status = mistyped_command(argv[optind])) >= 0)
        return status;
    /* The reader: options may also follow the paths. */
    g = (struct startup_globals){0};
    o = (struct ui_options){0};
    status = parse_options(argc, argv, false, &g, &o);
    if (status >= 0)
        return status;
    return ui_main(argc - optind, argv + optind, &g, &o);
}
