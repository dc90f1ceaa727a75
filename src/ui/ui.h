/* ui: the curses reader's entry point, called by main() when no command is
 * given: `touchline [--club NAME] [--person NAME] [PATH...]`. */
#ifndef TOUCHLINE_UI_H
#define TOUCHLINE_UI_H

#include "cli/cli.h"

/* Parses the reader's options from the full argv (global options such as
 * --kb are accepted again and skipped), finds the articles (the paths given,
 * else the bundled samples), and runs the reader. Returns the exit status:
 * 2 when stdout is not a terminal or on a usage error. */
int ui_main(int argc, char **argv, const struct cli_globals *g);

#endif
