/* startup/stock_theme: the stock default theme (themes/default.yaml as
 * shipped) recognised without parsing its YAML, for a quicker start. */
#ifndef TOUCHLINE_STARTUP_STOCK_THEME_H
#define TOUCHLINE_STARTUP_STOCK_THEME_H

#include "core/config/theme.h"

/* theme_new_default() standing in for the stock default.yaml, which loads to
 * the same theme (name, description and styles): for path NULL, the built-in
 * copy (path stays NULL, as theme_load_builtin leaves it); else a file named
 * default.yaml whose bytes are the built-in copy's (path set to it, as
 * theme_load_file sets it). NULL for anything else, a file that cannot be
 * read included: the caller then loads it the usual way. */
struct theme *stock_theme_load(const char *path);

#endif
