/* cli/config_cmds: the commands about configuration files: `touchline check`
 * (validate config, theme and KB files) and `touchline themes` (list themes
 * with a colour sample). */
#ifndef TOUCHLINE_CLI_CONFIG_CMDS_H
#define TOUCHLINE_CLI_CONFIG_CMDS_H

#include "cli/cli.h"

/* `touchline check FILE...`: detects each file's kind from its top-level keys
 * (`styles`: theme; clubs, national_teams, competitions, media, people,
 * given_names, name_particles, not_names or role_words: knowledge base;
 * anything else: config), validates it, and prints "FILE: ok (kind)" or the
 * error. 0 when all are valid, 2 otherwise. */
int cmd_check(int argc, char **argv, const struct startup_globals *g);
/* `touchline themes`: one line per available theme: its name, where it comes
 * from, and a colour sample (ANSI SGR on a terminal; the path and description
 * as plain tab-separated text when stdout is not a tty or NO_COLOR is set). */
int cmd_themes(int argc, char **argv, const struct startup_globals *g);

#endif
