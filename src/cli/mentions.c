/* cli/mentions: `touchline mentions NAME PATH...`, every mention of the
 * entity NAME resolves to (any alias), grep-style: path:line:col: context. */
#include "cli/cli.h"

#include <stdio.h>
#include <string.h>

/* Bytes of context shown on each side of a mention. */
#define CONTEXT 50

static void print_context(const char *text, size_t len, size_t start, size_t end)
{
    size_t a = start > CONTEXT ? start - CONTEXT : 0, b = end + CONTEXT < len ? end + CONTEXT : len;
    while (a > 0 && a < start && text[a - 1] != ' ' && text[a - 1] != '\n')
        a++; /* start and end on word boundaries, never inside a character */
    while (b < len && b > end && text[b] != ' ' && text[b] != '\n')
        b--;
    for (size_t i = a; i < b; i++)
        putchar(text[i] == '\n' ? ' ' : text[i]);
    putchar('\n');
}

int cmd_mentions(int argc, char **argv, const struct startup_globals *g)
{
    static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {0}};
    int ch;
    optind = 0;
    while ((ch = cli_next_option("mentions", argc, argv, "h", opts)) != -1) {
        if (ch == 'h') {
            puts("usage: touchline mentions NAME PATH...\n"
                 "Every mention of the entity NAME names (any alias), as path:line:col: context.");
            return EXIT_OK;
        }
        return EXIT_USAGE;
    }
    if (argc - optind < 2)
        return startup_usage_error("mentions: expected NAME and at least one PATH");
    const char *name = argv[optind];
    struct pipeline p;
    if (!cli_open_pipeline(&p, argv + optind + 1, argc - optind - 1, g))
        return EXIT_USAGE;
    int who[8];
    size_t nwho = index_people_named(&p.index, name, who, 8);
    if (nwho > 1) { /* a surname of several people: offer them all */
        fprintf(stderr, "touchline: mentions: '%s' is more than one person:", name);
        for (size_t i = 0; i < nwho && i < 8; i++)
            fprintf(stderr, "%s %s", i ? "," : "", p.index.entities[who[i]].name);
        fputs("; give the full name\n", stderr);
        pipeline_close(&p);
        return EXIT_USAGE;
    }
    int e = index_resolve(&p.index, name, -1);
    if (e < 0) {
        cli_no_entity("mentions", &p.index, -1, name);
        pipeline_close(&p);
        return EXIT_NOTHING;
    }
    const struct index_entity *ent = &p.index.entities[e];
    for (size_t i = 0; i < ent->npostings; i++) {
        struct place at = index_place(&p.index, &ent->postings[i]);
        const struct place *ps = &at;
        const struct article *a = p.corpus.articles[ps->article];
        if (ps->in_title) {
            printf("%s:title:%u: ", a->path, ps->start + 1);
            print_context(a->title, strlen(a->title), ps->start, ps->end);
            continue;
        }
        unsigned line, col;
        article_position(a, ps->start, &line, &col);
        printf("%s:%u:%u: ", a->path, line, col);
        print_context(a->body, a->body_len, ps->start, ps->end);
    }
    int status = cli_status(&p.corpus, true);
    pipeline_close(&p);
    return status;
}
