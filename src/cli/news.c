/* cli/news: `touchline news [--since DATE] [--json] [PATH...]`: the facts
 * about the followed entities in the articles new since the last visit of
 * the reader (or DATE), newest first, grouped by entity; for scripts (cron,
 * notify-send). Reads the reading state, never writes it. */
#include "cli/cli.h"
#include "core/base/json.h"
#include "core/base/timestamp.h"
#include "core/index/export.h"
#include "core/state/news.h"
#include "startup/articles.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void print_local(time_t t)
{
    char s[64];
    struct tm tm;
    localtime_r(&t, &tm);
    strftime(s, sizeof s, "%Y-%m-%d %H:%M", &tm);
    fputs(s, stdout);
}

/* The fact's phrase: in the title for a fact the headline gives, else in the body. */
static const char *fact_text(const struct article *a, const struct fact *f)
{
    return (f->span.in_title ? a->title : a->body) + f->span.start;
}

/* The fact's line and column in the file (a headline fact: the body's first line). */
static void fact_position(const struct article *a, const struct fact *f, unsigned *line,
                          unsigned *col)
{
    article_position(a, f->span.in_title ? 0 : f->span.start, line, col);
}

/* Text: a summary line, then per entity a heading and one line per fact:
 * date, kind, the fact's words, the title, path:line:col. */
static void print_text(const struct news *n, const struct pipeline *p, const struct state *st,
                       time_t since)
{
    printf("%zu new fact%s about %zu followed since ", n->nitems, n->nitems == 1 ? "" : "s",
           n->ngroups);
    if (since > 0)
        print_local(since);
    else
        fputs("the start", stdout);
    putchar('\n');
    for (size_t k = 0; k < n->ngroups; k++) {
        const struct news_group *grp = &n->groups[k];
        const struct state_followed *f = state_followed_at(st, grp->followed);
        const struct index_entity *e = &p->index.entities[grp->entity];
        printf("\n%s (%s), %zu fact%s\n", e->name, entity_kind_name(f->kind), grp->nitems,
               grp->nitems == 1 ? "" : "s");
        for (size_t j = 0; j < grp->nitems; j++) {
            const struct article *a = p->corpus.articles[grp->items[j].article];
            const struct fact *fc =
                &index_extraction(&p->index, grp->items[j].article)->facts[grp->items[j].fact];
            unsigned line, col;
            fact_position(a, fc, &line, &col);
            printf("  %s  %s %.*s  %s  %s:%u:%u\n", a->date, fact_kind_name(fc->kind),
                   (int)(fc->span.end - fc->span.start), fact_text(a, fc), a->title, a->path, line,
                   col);
        }
    }
}

/* JSON Lines: one object per entity, its facts as `extract` writes them
 * plus the article's path, title, date, url and the fact's line and col. */
static void print_json(const struct news *n, const struct pipeline *p, time_t since)
{
    struct buf out;
    buf_init(&out);
    char when[21];
    timestamp_format_utc(since, when);
    for (size_t k = 0; k < n->ngroups; k++) {
        const struct news_group *grp = &n->groups[k];
        const struct index_entity *e = &p->index.entities[grp->entity];
        struct json j;
        buf_reset(&out);
        json_init(&j, &out, false);
        json_begin_object(&j);
        json_kv_string(&j, "entity", e->name);
        json_kv_string(&j, "id", e->id);
        json_kv_string(&j, "kind", entity_kind_name(e->kind));
        if (since > 0)
            json_kv_string(&j, "since", when);
        json_key(&j, "facts");
        json_begin_array(&j);
        for (size_t i = 0; i < grp->nitems; i++) {
            const struct article *a = p->corpus.articles[grp->items[i].article];
            const struct extraction *x = index_extraction(&p->index, grp->items[i].article);
            const struct fact *f = &x->facts[grp->items[i].fact];
            unsigned line, col;
            fact_position(a, f, &line, &col);
            json_begin_object(&j);
            json_kv_string(&j, "path", a->path);
            json_kv_string(&j, "title", a->title);
            json_kv_string(&j, "date", a->date);
            if (a->meta.url)
                json_kv_string(&j, "url", a->meta.url);
            json_kv_number(&j, "line", line);
            json_kv_number(&j, "col", col);
            export_fact_fields(&j, a, x, f);
            json_end_object(&j);
        }
        json_end_array(&j);
        json_end_object(&j);
        buf_putc(&out, '\n');
        fwrite(out.data, 1, out.len, stdout);
    }
    buf_free(&out);
}

static int usage(void)
{
    puts("usage: touchline news [--since DATE] [--json] [PATH...]\n"
         "The facts about the followed players and clubs ('touchline follow') in the\n"
         "articles of PATH (else the reader's) new since the reader's last visit,\n"
         "newest first, grouped by entity. Exit status 1 when there are none.\n"
         "  --since DATE  new since DATE instead (2024-05-01, or 2024-05-01T08:00)\n"
         "  --json        one JSON object per entity, as JSON Lines");
    return EXIT_OK;
}

/* Options into *since and *json; -1 to go on, else an exit status. */
static int options(int argc, char **argv, bool *has_since, time_t *since, bool *json)
{
    static const struct option opts[] = {{"since", required_argument, NULL, 's'},
                                         {"json", no_argument, NULL, 'j'},
                                         {"help", no_argument, NULL, 'h'},
                                         {0}};
    int ch;
    optind = 0;
    while ((ch = cli_next_option("news", argc, argv, "s:jh", opts)) != -1) {
        if (ch == 'h')
            return usage();
        if (ch == '?')
            return EXIT_USAGE;
        if (ch == 'j')
            *json = true;
        else if (!(*has_since = timestamp_parse(optarg, since, NULL)))
            return startup_usage_error("news: --since: expected a date such as 2024-05-01 or "
                                       "2024-05-01T08:00, got '%s'",
                                       optarg);
    }
    return -1;
}

int cmd_news(int argc, char **argv, const struct startup_globals *g)
{
    bool has_since = false, json = false;
    time_t since = 0;
    int status = options(argc, argv, &has_since, &since, &json);
    if (status >= 0)
        return status;
    struct state *st = startup_open_state();
    if (!st)
        return EXIT_USAGE;
    if (!state_nfollowed(st)) {
        fputs("touchline: news: not following anyone; 'touchline follow NAME' follows a player "
              "or a club\n",
              stderr);
        state_close(st);
        return EXIT_NOTHING;
    }
    if (!has_since)
        since = state_visit_last(st);
    struct config *cfg = startup_load_config(g);
    char **paths = NULL, *samples = NULL;
    size_t npaths;
    struct pipeline p;
    status = EXIT_USAGE;
    if (cfg && startup_find_paths(argc - optind, argv + optind, cfg, &paths, &npaths, &samples) &&
        cli_open_pipeline(&p, paths, (int)npaths, g)) {
        struct news n;
        news_query(&p.index, st, since, &n);
        if (json)
            print_json(&n, &p, since);
        else
            print_text(&n, &p, st, since);
        status = cli_status(&p.corpus, n.nitems > 0);
        news_free(&n);
        pipeline_close(&p);
    }
    if (paths && paths != argv + optind && paths != &samples)
        free(paths);
    free(samples);
    config_free(cfg);
    state_close(st);
    return status;
}
