/* cli/show: `touchline show FILE`, an article as loaded: its metadata, a
 * blank line, then the cleaned body (a web page's main text). */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

static void print_meta(const char *key, const char *value)
{
    if (value && *value)
        printf("%s: %s\n", key, value);
}

static void print_article(const struct article *a)
{
    print_meta("path", a->path);
    static const char *const formats[] = {[ARTICLE_PLAIN] = "plain",
                                          [ARTICLE_FRONT_MATTER] = "front-matter",
                                          [ARTICLE_HTML] = "html",
                                          [ARTICLE_SFEED] = "sfeed"};
    print_meta("format", formats[a->format]);
    print_meta("title", a->title);
    printf("date: %s%s\n", a->date, a->date_from_mtime ? " (file time)" : "");
    print_meta("source", a->meta.source);
    print_meta("url", a->meta.url);
    print_meta("author", a->meta.author);
    if (a->meta.ntags) {
        fputs("tags: ", stdout);
        for (size_t i = 0; i < a->meta.ntags; i++)
            printf("%s%s", i ? ", " : "", a->meta.tags[i]);
        putchar('\n');
    }
    for (size_t i = 0; i < a->meta.nextra; i++)
        print_meta(a->meta.extra[i].key, a->meta.extra[i].value);
    printf("body-line: %u\n\n%s\n", a->body_line, a->body);
}

int cmd_show(int argc, char **argv, const struct startup_globals *g)
{
    static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {0}};
    int ch;
    optind = 0;
    while ((ch = cli_next_option("show", argc, argv, "h", opts)) != -1) {
        if (ch != 'h')
            return EXIT_USAGE;
        puts("usage: touchline show FILE\nThe article as loaded: metadata, then the cleaned "
             "body. A folder is refused:\n'touchline list DIR' lists its articles.");
        return EXIT_OK;
    }
    if (argc - optind != 1)
        return startup_usage_error("show: expected exactly one FILE");
    struct stat st;
    if (stat(argv[optind], &st) == 0 && S_ISDIR(st.st_mode))
        return startup_usage_error("show: '%s' is a folder; show takes one FILE ('touchline list "
                                   "%s' lists its articles)",
                                   argv[optind], argv[optind]);
    struct boilerplate *bp = startup_boilerplate(g);
    if (!bp)
        return EXIT_USAGE;
    struct corpus c;
    corpus_init(&c, bp);
    int status = EXIT_USAGE;
    if (cli_load_corpus(&c, argv + optind, 1)) {
        status = cli_status(&c, c.narticles > 0);
        for (size_t i = 0; i < c.narticles; i++)
            print_article(c.articles[i]);
    }
    corpus_free(&c);
    boilerplate_free(bp);
    return status;
}
