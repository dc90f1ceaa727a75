/* ui: start-up of the reader: options, where the articles are (paths, or
 * the bundled samples), the terminal checks, curses set-up and tear-down. */
#include "ui.h"
#include "app.h"
#include "style.h"
#include "../core/xalloc.h"

#ifndef TOUCHLINE_VERSION
#define TOUCHLINE_VERSION "0.0.0"
#endif

#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static bool is_dir(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The bundled samples: <bindir>/../share/touchline/samples of the running
 * executable when installed; when run from a build tree, the samples/ of
 * the nearest parent of the executable's folder that holds the touchline
 * sources (src/ui/ui.c beside samples/); else $TOUCHLINE_SOURCE_DIR/samples. */
static char *find_samples(void)
{
    char exe[PATH_MAX], path[PATH_MAX + 64];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = '\0';
        snprintf(path, sizeof path, "%s/../share/touchline/samples", exe);
        if (is_dir(path))
            return realpath(path, NULL);
        for (int up = 0; up < 4; up++) {
            char probe[PATH_MAX + 64];
            snprintf(probe, sizeof probe, "%s/src/ui/ui.c", exe);
            snprintf(path, sizeof path, "%s/samples", exe);
            if (access(probe, F_OK) == 0 && is_dir(path))
                return realpath(path, NULL);
            slash = strrchr(exe, '/');
            if (!slash || slash == exe)
                break;
            *slash = '\0';
        }
    }
    const char *src = getenv("TOUCHLINE_SOURCE_DIR");
    if (src && *src) {
        snprintf(path, sizeof path, "%s/samples", src);
        if (is_dir(path))
            return realpath(path, NULL);
    }
    return NULL;
}

static void usage(void)
{
    puts("usage: touchline [--club NAME] [--person NAME] [PATH...]\n"
         "Opens the reader on the articles in PATH (files or folders), or on the bundled\n"
         "samples. --club and --person start with that filter on. '?' in the reader lists\n"
         "the keys. 'touchline --help' lists the commands.");
}

/* Resolves a --club/--person name, or explains what is close. */
static bool resolve_filter(const struct index *ix, const char *name, int kind, int *out)
{
    *out = index_resolve(ix, name, kind);
    if (*out < 0) {
        int best[3];
        size_t n = index_search(ix, kind, name, best, 3);
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

/* Makes sure the C library decodes and measures UTF-8. */
static void set_locale(void)
{
    setlocale(LC_ALL, "");
    const char *cs = nl_langinfo(CODESET);
    if (!cs || strcmp(cs, "UTF-8") != 0)
        if (!setlocale(LC_CTYPE, "C.UTF-8"))
            setlocale(LC_CTYPE, "en_US.UTF-8");
}

static int run_curses(struct app *a)
{
    set_escdelay(25);
    if (!initscr()) {
        fputs("touchline: cannot initialise the terminal\n", stderr);
        return EXIT_USAGE;
    }
    cbreak();
    noecho();
    nonl();
    intrflush(stdscr, FALSE);
    keypad(stdscr, TRUE);
    curs_set(0);
    style_init();
    mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
    mouseinterval(0);
    int status = app_run(a);
    app_free(a);
    endwin();
    return status;
}

int ui_main(int argc, char **argv, const struct cli_globals *g)
{
    static const struct option opts[] = {
        {"club", required_argument, NULL, 'c'},   {"person", required_argument, NULL, 'p'},
        {"kb", required_argument, NULL, 'k'},     {"help", no_argument, NULL, 'h'},
        {"version", no_argument, NULL, 'V'},      {0},
    };
    const char *club = NULL, *person = NULL, *kb = g ? g->kb_file : NULL;
    int ch;
    optind = 0; /* full re-initialisation: main() has scanned argv already */
    while ((ch = getopt_long(argc, argv, "hVk:", opts, NULL)) != -1) {
        switch (ch) {
        case 'c':
            club = optarg;
            break;
        case 'p':
            person = optarg;
            break;
        case 'k':
            kb = optarg;
            break;
        case 'h':
            usage();
            return EXIT_OK;
        case 'V':
            puts("touchline " TOUCHLINE_VERSION);
            return EXIT_OK;
        default:
            return cli_usage_error("try 'touchline --help'");
        }
    }
    if (!isatty(STDOUT_FILENO) || !isatty(STDIN_FILENO)) {
        fputs("touchline: not a terminal; for text output use 'touchline list PATH' or "
              "'touchline extract PATH'\n",
              stderr);
        return EXIT_USAGE;
    }
    set_locale();
    char *samples = NULL;
    char **paths = argv + optind;
    size_t npaths = (size_t)(argc - optind);
    if (!npaths) {
        samples = find_samples();
        if (!samples)
            return cli_usage_error("no articles given and no bundled samples found; "
                                   "try 'touchline PATH...'");
        paths = &samples;
        npaths = 1;
    }
    const char *kbs[1] = {kb};
    struct pipeline_options opt = {.kb_files = kbs, .nkb_files = kb ? 1 : 0};
    struct pipeline pl;
    struct tl_error err;
    if (!pipeline_open(&pl, paths, npaths, &opt, &err)) {
        free(samples);
        fprintf(stderr, "touchline: %s\n", err.msg);
        return EXIT_USAGE;
    }
    int fclub = -1, fperson = -1;
    if ((club && !resolve_filter(&pl.index, club, ENTITY_CLUB, &fclub)) ||
        (person && !resolve_filter(&pl.index, person, ENTITY_PERSON, &fperson))) {
        pipeline_close(&pl);
        free(samples);
        return EXIT_USAGE;
    }
    struct app a;
    app_init(&a, &pl);
    a.filter_club = fclub;
    a.filter_person = fperson;
    filter_apply(&a);
    size_t problems = 0;
    for (size_t i = 0; i < pl.corpus.nproblems; i++)
        problems += !pl.corpus.problems[i].warning;
    if (problems)
        app_message(&a, true, "%zu file%s could not be read: 'touchline list' shows why", problems,
                    problems == 1 ? "" : "s");
    else
        app_message(&a, false, "%zu articles%s", pl.corpus.narticles,
                    samples ? " (bundled samples)" : "");
    int status = run_curses(&a);
    pipeline_close(&pl);
    free(samples);
    return status;
}
