/* cli/fetch: `touchline fetch [NAME...]`: fetches every feed (or the named
 * ones), one line per feed on stdout, problems on stderr as "URL: what
 * happened", a progress bar on stderr when it is a terminal. Exit 0 when
 * every feed was fetched, 1 when some failed, 2 on a usage or config error. */
#include "cli/cli.h"
#include "core/fetch/feed_state.h"
#include "core/fetch/fetch.h"
#include "core/html/xml_lib.h"
#include "core/load/sanitize.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

struct progress {
    bool bar;
    size_t done, total;
};

/* Text from feeds and servers reaches the terminal only sanitized. */
static void print_clean(FILE *f, const char *s)
{
    struct buf b;
    buf_init(&b);
    sanitize_text(s, strlen(s), &b, NULL);
    fputs(b.data, f);
    buf_free(&b);
}

static void draw_bar(const struct progress *p)
{
    if (!p->bar)
        return;
    int width = 30, full = p->total ? (int)(p->done * (size_t)width / p->total) : width;
    fprintf(stderr, "\r\033[K[%.*s%*s] %zu/%zu feeds", full, "##############################",
            width - full, "", p->done, p->total);
    fflush(stderr);
}

static void clear_bar(const struct progress *p)
{
    if (p->bar)
        fputs("\r\033[K", stderr);
}

static void on_feed(void *ctx, const struct fetch_report *r)
{
    struct progress *p = ctx;
    clear_bar(p);
    if (!r->ok) {
        print_clean(stderr, r->url);
        fputs(": ", stderr);
        print_clean(stderr, r->error);
        fputc('\n', stderr);
    }
    if (r->notes[0])
        print_clean(stderr, r->notes);
    fflush(stderr);
    if (r->ok) {
        print_clean(stdout, r->name);
        if (r->not_modified)
            printf(": not modified\n");
        else
            printf(": %zu new, %zu updated (%.1f s)\n", r->added, r->updated, r->seconds);
        fflush(stdout);
    }
    p->done++;
    draw_bar(p);
}

/* Whether NAME picks feed f: its name, its URL or the title it had last time. */
static bool name_matches(const struct subs_feed *f, const char *name, const char *state_dir,
                         const char *feeds_dir)
{
    if ((f->name && !strcasecmp(f->name, name)) || !strcmp(f->url, name))
        return true;
    if (f->name)
        return false;
    struct buf key;
    buf_init(&key);
    feed_state_key(feeds_dir, f->url, &key);
    struct feed_state st;
    feed_state_load(state_dir, key.data, &st);
    buf_free(&key);
    bool hit = st.title && !strcasecmp(st.title, name);
    feed_state_free(&st);
    return hit;
}

static bool select_feeds(const struct subs *all, char **names, int n, const char *state_dir,
                         const char *feeds_dir, struct subs *out)
{
    for (int i = 0; i < n; i++) {
        bool found = false;
        for (size_t j = 0; j < all->n; j++) {
            const struct subs_feed *f = &all->v[j];
            if (!name_matches(f, names[i], state_dir, feeds_dir))
                continue;
            struct subs_feed *c = subs_add(out, f->url, f->name, f->fulltext);
            for (size_t k = 0; c && k < f->ntags; k++)
                subs_add_tag(c, f->tags[k]);
            found = true;
        }
        if (!found) {
            startup_usage_error("fetch: no feed named '%s'; names are the config's 'name:' (or "
                                "the feed's title, or its URL)",
                                names[i]);
            return false;
        }
    }
    return true;
}

static int usage(void)
{
    puts("usage: touchline fetch [NAME...]\n"
         "Fetches every feed of the config (feeds:, feeds_file:, opml:), or the named ones,\n"
         "and stores each new item as an article under feeds_dir. One line per feed:\n"
         "'Name: 3 new, 0 updated (0.4 s)' or 'Name: not modified'; problems go to stderr.\n"
         "Exit status: 0 all fetched, 1 some failed, 2 usage or config error.");
    return EXIT_OK;
}

static int run(const struct config *cfg, const struct subs *subs)
{
    struct buf dir, state;
    buf_init(&dir);
    buf_init(&state);
    if (!config_feeds_dir(cfg, &dir) || !feed_state_default_dir(&state)) {
        buf_free(&dir);
        buf_free(&state);
        return startup_usage_error("fetch: set HOME (or feeds_dir and XDG_STATE_HOME)");
    }
    struct progress p = {isatty(STDERR_FILENO) != 0, 0, subs->n};
    struct fetch_options o = {subs, dir.data, state.data, cfg->fetch_timeout, on_feed, &p, NULL};
    struct fetch_totals t;
    draw_bar(&p);
    fetch_run(&o, &t);
    clear_bar(&p);
    buf_free(&dir);
    buf_free(&state);
    return t.failed ? EXIT_NOTHING : EXIT_OK;
}

int cmd_fetch(int argc, char **argv, const struct startup_globals *g)
{
    static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {0}};
    int ch;
    optind = 1;
    opterr = 0;
    while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
        if (ch == 'h')
            return usage();
        return startup_usage_error("fetch: unknown option '%s'; try 'touchline fetch --help'",
                                   argv[optind - 1]);
    }
    struct config *cfg = startup_load_config(g);
    if (!cfg)
        return EXIT_USAGE;
    struct subs all, chosen;
    subs_init(&all);
    subs_init(&chosen);
    struct buf warnings, state, dir;
    buf_init(&warnings);
    buf_init(&state);
    buf_init(&dir);
    struct tl_error err;
    int status = EXIT_USAGE;
    bool ok = config_feed_subs(cfg, &all, &warnings, &err);
    fputs(warnings.data, stderr);
    feed_state_default_dir(&state);
    config_feeds_dir(cfg, &dir);
    if (!ok) {
        fprintf(stderr, "touchline: %s\n", err.msg);
        /* An OPML file that cannot be read for want of libxml2 is this
         * machine's failure, not the config's: as for a feed (exit 1). A
         * bad feeds_file or a missing OPML file is the config's (2). */
        const char *why = NULL;
        if (cfg->opml.value && !xml_lib_get(&why) && strstr(err.msg, why))
            status = EXIT_NOTHING;
    } else if (!all.n)
        startup_usage_error("fetch: no feeds; list them under 'feeds:' in the config (or name a "
                            "newsboat urls file with 'feeds_file:', an OPML file with 'opml:')");
    else if (optind < argc &&
             !select_feeds(&all, argv + optind, argc - optind, state.data, dir.data, &chosen))
        ;
    else
        status = run(cfg, optind < argc ? &chosen : &all);
    subs_free(&all);
    subs_free(&chosen);
    buf_free(&warnings);
    buf_free(&state);
    buf_free(&dir);
    config_free(cfg);
    return status;
}
