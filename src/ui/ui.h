/* ui: the curses reader's entry point, called by main() when no command is
 * given: `touchline [--club NAME] [--person NAME] [--theme NAME] [PATH...]`. */
#ifndef TOUCHLINE_UI_H
#define TOUCHLINE_UI_H

#include "startup/startup.h"

/* The reader's own options (main parses them with the global ones). */
struct ui_options {
    const char *club, *person; /* --club, --person: start with that filter */
    const char *theme;         /* --theme NAME|PATH, over the config's */
    const char *bench_keys;    /* --bench-keys FILE: replay a key script headlessly */
};

/* Runs the reader on the paths given (none: the config's articles folders,
 * else the bundled samples). Returns the exit status: 2 when stdout is not
 * a terminal or on a bad config, theme or filter name. */
int ui_main(int npaths, char **paths, const struct startup_globals *g, const struct ui_options *o);

#endif
