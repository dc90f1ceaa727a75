/* ui: start-up of the reader: options, the reading state (reading.c), the
 * config (read, with the theme and key bindings, before the screen is
 * touched), the articles (startup/articles.c finds them), the terminal
 * checks, curses set-up and tear-down (which saves the reading state). */
#include "ui/ui.h"
#include "ui/app.h"
#include "ui/bench.h"
#include "ui/filter.h"
#include "ui/loading.h"
#include "ui/reader_locale.h"
#include "ui/reading.h"
#include "ui/style.h"
#include "ui/theming.h"
#include "startup/articles.h"
#include "ui/fetching.h"
#include "core/index/lookup.h"

#include <term.h>
#include "core/base/xalloc.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* Resolves a --club/--person name, or explains what is close. */
static bool resolve_filter(const struct index *ix, const char *name, int kind, int *out)
{
    int who[8];
    size_t nwho = kind == ENTITY_PERSON ? index_people_named(ix, name, who, 8) : 0;
    if (nwho > 1) { /* a surname of several people: offer them all */
        fprintf(stderr, "touchline: '%s' is more than one person:", name);
        for (size_t i = 0; i < nwho && i < 8; i++)
            fprintf(stderr, "%s %s", i ? "," : "", ix->entities[who[i]].name);
        fputs("; give the full name\n", stderr);
        *out = -1;
        return false;
    }
    *out = index_resolve(ix, name, kind);
    if (*out < 0) {
        int best[3];
        size_t n = index_suggest(ix, kind, name, best, 3);
        fprintf(stderr, "touchline: no %s called '%s' in these articles", entity_kind_name(kind),
                name);
        for (size_t i = 0; i < n; i++)
            fprintf(stderr, "%s%s", i ? ", " : "; did you mean: ", ix->entities[best[i]].name);
        fputc('\n', stderr);
        return false;
    }
    if (kind >= 0 && (int)ix->entities[*out].kind != kind) {
        *out = -1;
        return false;
    }
    return true;
}

/* Whether the terminal can show a full screen (it can move the cursor);
 * checked without touching the screen. TERM=dumb cannot. */
static bool full_screen_terminal(void)
{
    int err;
    if (setupterm(NULL, STDOUT_FILENO, &err) != OK)
        return false;
    const char *cup = tigetstr("cup");
    bool ok = cup && cup != (char *)-1;
    del_curterm(cur_term);
    return ok;
}

static int run_curses(struct app *a, bool mouse)
{
    if (!full_screen_terminal()) {
        fprintf(stderr,
                "touchline: the terminal '%s' cannot show a full screen; for text output use "
                "'touchline list PATH'\n",
                getenv("TERM") ? getenv("TERM") : "");
        app_free(a);
        return EXIT_USAGE;
    }
    set_escdelay(25);
    SCREEN *scr = newterm(NULL, stdout, stdin);
    if (!scr) {
        fprintf(stderr, "touchline: cannot use the terminal '%s'\n",
                getenv("TERM") ? getenv("TERM") : "");
        return EXIT_USAGE;
    }
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    curs_set(0);
    style_init();
    theming_apply();
    if (mouse) {
        mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
        mouseinterval(0);
    }
    int status = app_run(a);
    struct tl_error err;
    bool saved = reading_finish(a->reading, &err);
    app_free(a);
    endwin();
    delscreen(scr);
    if (!saved)
        fprintf(stderr, "touchline: warning: the reading state was not saved: %s\n", err.msg);
    return status;
}

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

/* A size from the environment (LINES, COLUMNS), else the fallback. */
static int env_size(const char *name, int fallback)
{
    const char *v = getenv(name);
    int n = v ? atoi(v) : 0;
    return n >= 2 && n <= 1000 ? n : fallback;
}

/* --bench-keys: the reader on a curses screen that writes to /dev/null. */
static int run_bench(struct app *a, const char *script_path, double t_start)
{
    FILE *script = fopen(script_path, "r");
    if (!script) {
        fprintf(stderr, "touchline: %s: %s\n", script_path, strerror(errno));
        app_free(a);
        return EXIT_USAGE;
    }
    FILE *null_out = fopen("/dev/null", "w"), *null_in = fopen("/dev/null", "r");
    const char *term = getenv("TERM");
    SCREEN *scr =
        null_out && null_in ? newterm(term && *term ? term : "xterm", null_out, null_in) : NULL;
    int status = EXIT_USAGE;
    if (!scr) {
        fprintf(stderr, "touchline: --bench-keys: cannot set up a screen\n");
    } else {
        resize_term(env_size("LINES", 45), env_size("COLUMNS", 160));
        style_init();
        theming_apply();
        struct tl_error err;
        status = bench_keys(a, script, script_path, t_start, stdout, &err) ? EXIT_OK : EXIT_USAGE;
        endwin();
        delscreen(scr);
        if (status != EXIT_OK)
            fprintf(stderr, "touchline: %s\n", err.msg);
    }
    app_free(a);
    if (null_out)
        fclose(null_out);
    if (null_in)
        fclose(null_in);
    fclose(script);
    return status;
}

/* The start-up theme: --theme, else the config's, else the one chosen with
 * T last time (stored in the reading state), else theming_open's default.
 * A stored theme that is gone or broken is a warning, never an error. */
static bool open_theme(const char *theme, const struct config *cfg, struct reading *rd,
                       struct buf *warnings, struct tl_error *err)
{
    const char *stored = reading_theme(rd);
    if (theme || (cfg->theme.value && *cfg->theme.value) || !stored)
        return theming_open(theme, cfg, warnings, err);
    struct tl_error why;
    if (theming_open(stored, cfg, warnings, &why))
        return true;
    theming_close();
    reading_warn(rd, "the theme chosen last time: %s", why.msg);
    return theming_open(NULL, cfg, warnings, err);
}

/* The config, its key bindings and the theme, all checked before the screen
 * is touched. NULL after printing path:line:col: what. */
static struct config *load_settings(const struct startup_globals *g, const char *theme,
                                    struct reading *rd)
{
    struct config *cfg = startup_load_config(g);
    if (!cfg)
        return NULL;
    size_t n;
    const char *const *names = requests_names(&n);
    struct tl_error err;
    struct buf warnings;
    buf_init(&warnings);
    bool ok =
        config_validate_keys(cfg, names, n, &err) && open_theme(theme, cfg, rd, &warnings, &err);
    if (warnings.len)
        fprintf(stderr, "%s", warnings.data);
    buf_free(&warnings);
    if (!ok) {
        fprintf(stderr, "touchline: %s\n", err.msg);
        config_free(cfg);
        theming_close();
        return NULL;
    }
    keys_apply_config(cfg);
    return cfg;
}

/* Opens the pipeline and runs the reader on it. */
static int run(struct pipeline *pl, const struct ui_options *o, const struct config *cfg,
               struct reading *rd, bool samples, double t_start)
{
    int fclub = -1, fperson = -1;
    if (o->club || o->person) /* names resolve against the complete index */
        pipeline_finish(pl);
    if ((o->club && !resolve_filter(&pl->index, o->club, ENTITY_CLUB, &fclub)) ||
        (o->person && !resolve_filter(&pl->index, o->person, ENTITY_PERSON, &fperson)))
        return EXIT_USAGE;
    struct app a;
    app_init(&a, pl);
    a.reading = rd;
    reading_fold(&a);
    a.filter_club = fclub;
    a.filter_person = fperson;
    a.layout = cfg->layout;
    a.date_format = cfg->date_format && strcmp(cfg->date_format, "%d %b") ? cfg->date_format : NULL;
    a.clipboard = cfg->clipboard;
    a.samples = samples;
    a.fetching = fetching_new(cfg);
    filter_apply(&a);
    if (!pipeline_loading(pl))
        loading_announce(&a);
    if (o->bench_keys)
        return run_bench(&a, o->bench_keys, t_start);
    return run_curses(&a, cfg->mouse);
}

int ui_main(int npaths_given, char **given, const struct startup_globals *g,
            const struct ui_options *o)
{
    double t_start = now_ms();
    if (!o->bench_keys && (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO))) {
        fputs("touchline: not a terminal; for text output use 'touchline list PATH' or "
              "'touchline extract PATH'\n",
              stderr);
        return EXIT_USAGE;
    }
    reader_locale_set();
    struct reading *rd = reading_new(!o->bench_keys); /* the benchmark never writes it */
    struct config *cfg = load_settings(g, o->theme, rd);
    if (!cfg) {
        reading_free(rd);
        return EXIT_USAGE;
    }
    char **paths, *samples;
    size_t npaths;
    struct pipeline pl;
    struct tl_error err;
    int status = EXIT_USAGE;
    if (startup_find_paths(npaths_given, given, cfg, &paths, &npaths, &samples)) {
        if (startup_pipeline_start(&pl, paths, npaths, cfg, g, g->kb_file, true, &err)) {
            status = run(&pl, o, cfg, rd, samples != NULL, t_start);
            if (pipeline_warning(&pl))
                fprintf(stderr, "touchline: warning: cache not written: %s\n",
                        pipeline_warning(&pl));
            pipeline_close(&pl);
        } else {
            fprintf(stderr, "touchline: %s\n", err.msg);
        }
        if (paths != given && paths != &samples)
            free(paths);
    }
    free(samples);
    config_free(cfg);
    theming_close();
    reading_free(rd);
    return status;
}
