/* bench: `touchline --bench-keys SCRIPT [PATH...]` runs the reader without a
 * terminal (curses draws into /dev/null, at $LINES x $COLUMNS, else 45x160)
 * and replays a key script, timing every key from its dispatch to the end
 * of the repaint it causes. It prints the time to the first screen, the time
 * until the index is complete, and per label the number of keys, their
 * median, 99th percentile and maximum. A benchmark, not a test.
 *
 * The script, one step per line ('#' starts a comment):
 *   wait-load               wait until every article is loaded and indexed
 *   [*N] LABEL KEY...       press the keys (N times over), timed under LABEL
 * A KEY is in the notation of the config's key bindings ("n", "<Enter>",
 * "<C-d>"); "text:Kane" types the letters of Kane one key at a time. */
#include "ui/bench.h"
#include "ui/filter.h"
#include "ui/loading.h"
#include "core/base/buf.h"
#include "core/base/xalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The timings of one label. */
struct series {
    char *label;
    double *ms;
    size_t n, cap;
};

struct results {
    struct series *v;
    size_t n, cap;
};

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static struct series *series_for(struct results *r, const char *label)
{
    for (size_t i = 0; i < r->n; i++)
        if (!strcmp(r->v[i].label, label))
            return &r->v[i];
    r->v = xgrow(r->v, &r->cap, r->n + 1, sizeof *r->v);
    struct series *s = &r->v[r->n++];
    memset(s, 0, sizeof *s);
    s->label = xstrdup(label);
    return s;
}

/* One key, timed, with what the loop would do around it. */
static void press(struct app *a, int key, struct series *s)
{
    double t0 = now_ms();
    app_key(a, key);
    app_draw(a);
    double t = now_ms() - t0;
    s->ms = xgrow(s->ms, &s->cap, s->n + 1, sizeof *s->ms);
    s->ms[s->n++] = t;
    loading_tick(a, 6.0); /* as between keys */
    filter_search_poll(a);
    app_draw(a);
}

static void wait_load(struct app *a)
{
    struct timespec nap = {0, 1000 * 1000};
    while (pipeline_loading(a->pl)) {
        if (!loading_tick(a, 50.0))
            nanosleep(&nap, NULL);
    }
    app_draw(a);
}

/* Presses one token's keys; false (with a message) when it names no key. */
static bool press_token(struct app *a, const char *tok, struct series *s, struct tl_error *err,
                        const char *where)
{
    if (!strncmp(tok, "text:", 5)) {
        for (const char *p = tok + 5; *p; p++)
            press(a, (unsigned char)*p, s);
        return true;
    }
    int key = keys_from_notation(tok);
    if (key < 0)
        return tl_error_set(err, "%s: '%s' is not a key (\"n\", \"<Enter>\", \"text:Kane\")", where,
                            tok);
    press(a, key, s);
    return true;
}

/* Runs one script line. */
static bool run_line(struct app *a, char *line, struct results *r, struct tl_error *err,
                     const char *where)
{
    char *save = NULL, *tok = strtok_r(line, " \t\r\n", &save);
    if (!tok || tok[0] == '#')
        return true;
    if (!strcmp(tok, "wait-load")) {
        wait_load(a);
        return true;
    }
    long times = 1;
    if (tok[0] == '*') {
        char *end;
        times = strtol(tok + 1, &end, 10);
        if (*end || times < 1 || times > 1000000)
            return tl_error_set(err, "%s: '%s': expected *N with N from 1 to 1000000", where, tok);
        tok = strtok_r(NULL, " \t\r\n", &save);
    }
    if (!tok)
        return tl_error_set(err, "%s: a label and keys were expected", where);
    struct series *s = series_for(r, tok);
    char *keys[256];
    size_t nkeys = 0;
    while (nkeys < 256 && (keys[nkeys] = strtok_r(NULL, " \t\r\n", &save)))
        nkeys++;
    for (long t = 0; t < times; t++)
        for (size_t k = 0; k < nkeys; k++)
            if (!press_token(a, keys[k], s, err, where))
                return false;
    return true;
}

static int by_value(const void *pa, const void *pb)
{
    double a = *(const double *)pa, b = *(const double *)pb;
    return a < b ? -1 : a > b;
}

/* The q-th quantile (0..1) of sorted values, nearest rank. */
static double quantile(const double *v, size_t n, double q)
{
    size_t i = (size_t)(q * (double)n + 0.999999);
    return v[i ? i - 1 : 0];
}

static void report(FILE *out, struct results *r)
{
    fprintf(out, "%-16s %6s %10s %10s %10s\n", "label", "keys", "median_ms", "p99_ms", "max_ms");
    for (size_t i = 0; i < r->n; i++) {
        struct series *s = &r->v[i];
        if (!s->n)
            continue;
        qsort(s->ms, s->n, sizeof *s->ms, by_value);
        fprintf(out, "%-16s %6zu %10.3f %10.3f %10.3f\n", s->label, s->n,
                quantile(s->ms, s->n, 0.5), quantile(s->ms, s->n, 0.99), s->ms[s->n - 1]);
    }
}

static void results_free(struct results *r)
{
    for (size_t i = 0; i < r->n; i++) {
        free(r->v[i].label);
        free(r->v[i].ms);
    }
    free(r->v);
}

bool bench_keys(struct app *a, FILE *script, const char *script_path, double t_start, FILE *out,
                struct tl_error *err)
{
    app_begin(a);
    app_draw(a);
    double first = now_ms() - t_start;
    fprintf(out, "first-screen-ms %.1f (%zu articles in)\n", first, a->nknown);
    struct results r = {0};
    struct buf where;
    buf_init(&where);
    char line[4096];
    bool ok = true, waited = !pipeline_loading(a->pl);
    if (waited)
        fprintf(out, "index-complete-ms %.1f (%zu articles)\n", first, a->nknown);
    for (unsigned no = 1; ok && fgets(line, sizeof line, script); no++) {
        buf_reset(&where);
        buf_printf(&where, "%s:%u", script_path, no);
        bool was_loading = pipeline_loading(a->pl);
        ok = run_line(a, line, &r, err, where.data);
        if (was_loading && !pipeline_loading(a->pl) && !waited) {
            fprintf(out, "index-complete-ms %.1f (%zu articles)\n", now_ms() - t_start, a->nknown);
            waited = true;
        }
    }
    if (ok && ferror(script))
        ok = tl_error_set(err, "%s: %s", script_path, strerror(errno));
    if (ok && !pipeline_loading(a->pl)) /* whether the warm start took the stored index */
        fprintf(out, "index-stored %s (%zu cache hits)\n", a->pl->index_stored ? "yes" : "no",
                a->pl->cache_hits);
    if (ok)
        report(out, &r);
    buf_free(&where);
    results_free(&r);
    return ok;
}
