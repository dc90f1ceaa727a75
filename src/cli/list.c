/* cli/list: `touchline list [--unread|--starred] [PATH...]`, one
 * tab-separated line per article (date, title, source, path), newest first;
 * with --unread or --starred only the articles the reading state says so. */
#include "cli/cli.h"
#include "startup/articles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum list_only { ONLY_ALL, ONLY_UNREAD, ONLY_STARRED };

static void print_field(const char *s)
{
    for (; *s; s++) /* a tab or newline inside a field would break the columns */
        putchar(*s == '\t' || *s == '\n' ? ' ' : *s);
}

static void print_article(const struct article *a)
{
    printf("%s\t", a->date);
    print_field(a->title);
    putchar('\t');
    print_field(article_source(a));
    putchar('\t');
    print_field(a->path);
    putchar('\n');
}

/* Whether the reading state lets the article through. */
static bool wanted(const struct state *st, const struct article *a, enum list_only only,
                   struct buf *key)
{
    if (only == ONLY_ALL)
        return true;
    state_article_key(st, a, key);
    return only == ONLY_UNREAD ? !state_is_read(st, key->data) : state_is_starred(st, key->data);
}

/* Prints the articles, newest first; returns how many. */
static size_t print_list(const struct corpus *c, const struct state *st, enum list_only only)
{
    size_t *order = corpus_order_by_date(c), n = 0;
    struct buf key;
    buf_init(&key);
    for (size_t i = 0; i < c->narticles; i++) {
        const struct article *a = c->articles[order[i]];
        if (wanted(st, a, only, &key)) {
            print_article(a);
            n++;
        }
    }
    buf_free(&key);
    free(order);
    return n;
}

static int usage(void)
{
    puts("usage: touchline list [--unread | --starred] [PATH...]\n"
         "One line per article: date, title, source and path, tab-separated, newest first.\n"
         "  --unread   only the articles not marked read in the reader\n"
         "  --starred  only the starred articles");
    return EXIT_OK;
}

int cmd_list(int argc, char **argv, const struct startup_globals *g)
{
    static const struct option opts[] = {{"unread", no_argument, NULL, 'u'},
                                         {"starred", no_argument, NULL, 's'},
                                         {"help", no_argument, NULL, 'h'},
                                         {0}};
    enum list_only only = ONLY_ALL;
    int ch;
    optind = 0;
    while ((ch = cli_next_option("list", argc, argv, "ush", opts)) != -1) {
        if (ch == 'h')
            return usage();
        if (ch == '?')
            return EXIT_USAGE;
        if (only != ONLY_ALL && only != (ch == 'u' ? ONLY_UNREAD : ONLY_STARRED))
            return startup_usage_error("list: --unread and --starred do not go together");
        only = ch == 'u' ? ONLY_UNREAD : ONLY_STARRED;
    }
    struct state *st = only != ONLY_ALL ? startup_open_state() : NULL;
    if (only != ONLY_ALL && !st)
        return EXIT_USAGE;
    struct boilerplate *bp = startup_boilerplate(g);
    if (!bp) {
        state_close(st);
        return EXIT_USAGE;
    }
    struct corpus c;
    corpus_init(&c, bp);
    char *here[] = {"."}, **dflt = NULL; /* no PATH: articles and feeds_dir, else "." */
    size_t ndflt = optind < argc ? 0 : cli_default_paths(g, &dflt);
    bool ok = optind < argc ? cli_load_corpus(&c, argv + optind, argc - optind)
              : ndflt       ? cli_load_corpus(&c, dflt, (int)ndflt)
                            : cli_load_corpus(&c, here, 1);
    startup_free_paths(dflt, ndflt);
    int status = ok ? cli_status(&c, print_list(&c, st, only) > 0) : EXIT_USAGE;
    corpus_free(&c);
    boilerplate_free(bp);
    state_close(st);
    return status;
}
