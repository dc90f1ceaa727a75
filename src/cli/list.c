/* cli/list: `touchline list [PATH...]`, one tab-separated line per article
 * (date, title, source, path), newest first. */
#include "cli/cli.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_field(const char *s)
{
    for (; *s; s++) /* a tab or newline inside a field would break the columns */
        putchar(*s == '\t' || *s == '\n' ? ' ' : *s);
}

int cmd_list(int argc, char **argv, const struct startup_globals *g)
{
    static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {0}};
    int ch;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (ch == 'h') {
            puts("usage: touchline list [PATH...]\n"
                 "One line per article: date, title, source and path, tab-separated, newest "
                 "first.");
            return EXIT_OK;
        }
        /* getopt stays quiet (opterr = 0) so that the error is one line, ours. */
        if (strncmp(argv[optind - 1], "--", 2) == 0)
            return startup_usage_error("list: bad option '%s'; try 'touchline list --help'",
                                       argv[optind - 1]);
        return startup_usage_error("list: unknown option '-%c'; try 'touchline list --help'",
                                   optopt);
    }
    struct boilerplate *bp = startup_boilerplate(g);
    if (!bp)
        return EXIT_USAGE;
    struct corpus c;
    corpus_init(&c, bp);
    char *here[] = {"."}, **dflt = NULL; /* no PATH: articles and feeds_dir, else "." */
    size_t ndflt = optind < argc ? 0 : cli_default_paths(g, &dflt);
    bool ok = optind < argc ? cli_load_corpus(&c, argv + optind, argc - optind)
              : ndflt       ? cli_load_corpus(&c, dflt, (int)ndflt)
                            : cli_load_corpus(&c, here, 1);
    startup_free_paths(dflt, ndflt);
    int status = !ok ? EXIT_USAGE : c.narticles ? EXIT_OK : EXIT_NOTHING;
    size_t *order = corpus_order_by_date(&c);
    for (size_t i = 0; ok && i < c.narticles; i++) {
        const struct article *a = c.articles[order[i]];
        printf("%s\t", a->date);
        print_field(a->title);
        putchar('\t');
        print_field(article_source(a));
        putchar('\t');
        print_field(a->path);
        putchar('\n');
    }
    free(order);
    corpus_free(&c);
    boilerplate_free(bp);
    return status;
}
