/* main: global options and subcommand dispatch. The only place that decides
 * the process's exit status. */
#include "cli/cli.h"
#include "cli/config_cmds.h"
#include "ui/ui.h"

#include <getopt.h>
#include <stdio.h>
#include <string.h>

#ifndef TOUCHLINE_VERSION
#define TOUCHLINE_VERSION "0.0.0"
#endif

struct command {
    const char *name;
    int (*run)(int argc, char **argv, const struct cli_globals *g);
    const char *help;
};

static const struct command commands[] = {
    {"list", cmd_list, "one line per article: date, title, source, path"},
    {"show", cmd_show, "an article as loaded: metadata, then the cleaned body"},
    {"extract", cmd_extract, "entities and facts of every article as JSON Lines"},
    {"entities", cmd_entities, "a table of entities with article and mention counts"},
    {"mentions", cmd_mentions, "every mention of an entity, as path:line:col: context"},
    {"check", cmd_check, "validate config, theme and knowledge-base files"},
    {"themes", cmd_themes, "list the available colour themes with a sample"},
};

static void print_help(void)
{
    puts("usage: touchline [OPTIONS] COMMAND [ARGS...]\n"
         "\n"
         "A terminal reader for football news.\n"
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
         "'touchline COMMAND --help' describes one command.");
}

int main(int argc, char **argv)
{
    static const struct option opts[] = {
        {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},
        {"kb", required_argument, NULL, 'k'},
        {"config", required_argument, NULL, 'c'},
        {"threads", required_argument, NULL, 't'},
        {"no-cache", no_argument, NULL, 'C'},
        {0},
    };
    struct cli_globals g = {0};
    int ch;
    opterr = 0; /* an unknown option may be the reader's (--club): ui_main reports it */
    while ((ch = getopt_long(argc, argv, "+hVk:c:t:", opts, NULL)) != -1) {
        switch (ch) {
        case 'h':
            print_help();
            return EXIT_OK;
        case 'V':
            puts("touchline " TOUCHLINE_VERSION);
            return EXIT_OK;
        case 'k':
            g.kb_file = optarg;
            break;
        case 'c':
            g.config_path = optarg;
            break;
        case 't':
            if (!cli_parse_threads(optarg, &g.threads))
                return cli_usage_error("--threads: expected a number from 0 to 1024, got '%s'",
                                       optarg);
            break;
        case 'C':
            g.no_cache = true;
            break;
        default:
            return ui_main(argc, argv, &g);
        }
    }
    for (size_t i = 0; optind < argc && i < sizeof commands / sizeof *commands; i++)
        if (!strcmp(argv[optind], commands[i].name))
            return commands[i].run(argc - optind, argv + optind, &g);
    return ui_main(argc, argv, &g); /* no command: the reader, on the paths given */
}
