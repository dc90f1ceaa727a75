/* cli/follow: `touchline follow NAME [PATH...]` and `touchline unfollow
 * NAME`: the followed entities of the reading state. follow looks NAME up
 * in the articles (any alias; "did you mean" when it is not there), and
 * with no NAME lists the followed; unfollow looks NAME up among them. */
#include "cli/cli.h"
#include "core/base/fold.h"
#include "core/base/suggest.h"
#include "core/base/xalloc.h"
#include "startup/articles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Saves the state, or says why not. */
static int save(struct state *st, const char *cmd)
{
    struct tl_error err;
    if (state_save(st, &err))
        return EXIT_OK;
    fprintf(stderr, "touchline: %s: the reading state was not saved: %s\n", cmd, err.msg);
    return EXIT_USAGE;
}

/* Loads the articles (the paths given, else the reader's) into p. */
static bool open_articles(struct pipeline *p, char **given, int ngiven,
                          const struct startup_globals *g)
{
    struct config *cfg = startup_load_config(g);
    if (!cfg)
        return false;
    char **paths, *samples;
    size_t npaths;
    bool ok = startup_find_paths(ngiven, given, cfg, &paths, &npaths, &samples) &&
              cli_open_pipeline(p, paths, (int)npaths, g);
    if (ok && paths != given && paths != &samples)
        free(paths);
    free(samples);
    config_free(cfg);
    return ok;
}

/* Reads the command's options: only --help. -1 to go on, else a status. */
static int options(const char *cmd, int argc, char **argv, const char *usage)
{
    static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {0}};
    int ch;
    optind = 0;
    while ((ch = cli_next_option(cmd, argc, argv, "h", opts)) != -1) {
        if (ch != 'h')
            return EXIT_USAGE;
        puts(usage);
        return EXIT_OK;
    }
    return -1;
}

/* `follow` alone: the followed entities, one a line: name, kind and id,
 * tab-separated, in the order they were followed. */
static int list_followed(void)
{
    struct state *st = startup_open_state();
    if (!st)
        return EXIT_USAGE;
    for (size_t i = 0; i < state_nfollowed(st); i++) {
        const struct state_followed *f = state_followed_at(st, i);
        printf("%s\t%s\t%s\n", f->name, entity_kind_name(f->kind), f->id);
    }
    int status = state_nfollowed(st) ? EXIT_OK : EXIT_NOTHING;
    state_close(st);
    return status;
}

int cmd_follow(int argc, char **argv, const struct startup_globals *g)
{
    int status = options("follow", argc, argv,
                         "usage: touchline follow [NAME [PATH...]]\n"
                         "Follows the player, manager or club NAME names (any alias) in the "
                         "articles\nof PATH (else the reader's); 'touchline news' and the "
                         "reader's W show what\nis new about it. With no NAME, lists the "
                         "followed: name, kind and id,\ntab-separated.");
    if (status >= 0)
        return status;
    if (optind >= argc)
        return list_followed();
    const char *name = argv[optind];
    struct state *st = startup_open_state();
    struct pipeline p;
    if (!st || !open_articles(&p, argv + optind + 1, argc - optind - 1, g)) {
        state_close(st);
        return EXIT_USAGE;
    }
    int e = index_resolve(&p.index, name, -1);
    if (e < 0) {
        cli_no_entity("follow", &p.index, -1, name);
        status = EXIT_USAGE;
    } else {
        const struct index_entity *ent = &p.index.entities[e];
        bool was = state_is_followed(st, ent->id);
        state_follow(st, ent->id, ent->kind, ent->name);
        status = save(st, "follow");
        if (status == EXIT_OK)
            printf("%s %s (%s)\n", was ? "already following" : "following", ent->name,
                   entity_kind_name(ent->kind));
    }
    pipeline_close(&p);
    state_close(st);
    return status;
}

/* The followed entity `name` means: its id or name (folded), else the one
 * followed name with a word that is `name` (a surname); -1 when none. */
static long find_followed(const struct state *st, const char *name)
{
    char *q = fold_text(name, strlen(name));
    long found = -1, by_word = -1;
    size_t nwords = 0;
    for (size_t i = 0; i < state_nfollowed(st) && found < 0; i++) {
        const struct state_followed *f = state_followed_at(st, i);
        char *n = fold_text(f->name, strlen(f->name));
        if (!strcmp(f->id, name) || !strcmp(n, q))
            found = (long)i;
        size_t len = strlen(q);
        for (const char *w = n; *q && (w = strstr(w, q)); w++)
            if ((w == n || w[-1] == ' ') && (w[len] == ' ' || !w[len])) {
                by_word = (long)i;
                nwords++;
                break;
            }
        free(n);
    }
    free(q);
    return found >= 0 ? found : nwords == 1 ? by_word : -1;
}

/* The followed entity nearest to a misspelt name (its whole name or one of
 * its words within a few edits), or NULL. */
static const char *nearest_followed(const struct state *st, const char *name)
{
    size_t n = state_nfollowed(st), nc = 0, cap = 0;
    const char **cand = NULL;
    size_t *owner = NULL, ocap = 0;
    char **copies = xcalloc(n + 1, sizeof *copies);
    for (size_t i = 0; i < n; i++) {
        copies[i] = xstrdup(state_followed_at(st, i)->name);
        cand = xgrow(cand, &cap, nc + 1, sizeof *cand);
        owner = xgrow(owner, &ocap, nc + 1, sizeof *owner);
        cand[nc] = state_followed_at(st, i)->name, owner[nc++] = i;
        for (char *w = strtok(copies[i], " "); w; w = strtok(NULL, " ")) {
            cand = xgrow(cand, &cap, nc + 1, sizeof *cand);
            owner = xgrow(owner, &ocap, nc + 1, sizeof *owner);
            cand[nc] = w, owner[nc++] = i;
        }
    }
    const char *near = suggest_nearest(name, cand, nc), *out = NULL;
    for (size_t k = 0; near && k < nc && !out; k++)
        if (cand[k] == near)
            out = state_followed_at(st, owner[k])->name;
    for (size_t i = 0; i < n; i++)
        free(copies[i]);
    free(copies);
    free(cand);
    free(owner);
    return out;
}

/* Explains that `name` is not followed, with the nearest followed name. */
static void not_followed(const struct state *st, const char *name)
{
    const char *near = nearest_followed(st, name);
    if (!state_nfollowed(st))
        fprintf(stderr, "touchline: unfollow: not following anyone\n");
    else if (near)
        fprintf(stderr, "touchline: unfollow: not following '%s'; did you mean '%s'?\n", name,
                near);
    else
        fprintf(stderr,
                "touchline: unfollow: not following '%s' ('touchline follow' lists who "
                "is followed)\n",
                name);
}

int cmd_unfollow(int argc, char **argv, const struct startup_globals *g)
{
    (void)g;
    int status = options("unfollow", argc, argv,
                         "usage: touchline unfollow NAME\n"
                         "Stops following NAME: a followed name, its id, or a word of it (a "
                         "surname).");
    if (status >= 0)
        return status;
    if (argc - optind != 1)
        return startup_usage_error("unfollow: expected one NAME; try 'touchline unfollow --help'");
    struct state *st = startup_open_state();
    if (!st)
        return EXIT_USAGE;
    long i = find_followed(st, argv[optind]);
    if (i < 0) {
        not_followed(st, argv[optind]);
        state_close(st);
        return EXIT_USAGE;
    }
    const struct state_followed *f = state_followed_at(st, (size_t)i);
    char *shown = xstrdup(f->name);
    state_unfollow(st, f->id);
    status = save(st, "unfollow");
    if (status == EXIT_OK)
        printf("no longer following %s\n", shown);
    free(shown);
    state_close(st);
    return status;
}
