/* theming: the reader's colour theme: which one it starts with (--theme, the
 * config's `theme`, `mono` under NO_COLOR, else `default`), loading it before
 * the screen is touched, handing it to the style table, and `T` cycling
 * through the available themes. */
#ifndef TOUCHLINE_UI_THEMING_H
#define TOUCHLINE_UI_THEMING_H

#include <stdbool.h>

#include "core/base/buf.h"
#include "core/config/config.h"
#include "core/base/error.h"

/* Finds and loads the start-up theme: `named` (--theme NAME|PATH, may be
 * NULL), else the config's, else `mono` when NO_COLOR is set (non-empty),
 * else `default`. Warnings go to warnings. False, with err set to
 * path:line:col: what, on a bad theme file or an unknown name (a name from
 * the config is blamed on the config's line). */
bool theming_open(const char *named, const struct config *cfg, struct buf *warnings,
                  struct tl_error *err);
/* Fills the style table from the current theme (after style_init). */
void theming_apply(void);
/* Loads and applies the theme after the current one in the available list
 * (user, source tree, installed; sorted by name). Returns its name, or NULL
 * with err set when that theme's file is bad (the current one stays). */
const char *theming_cycle(struct tl_error *err);
/* The current theme's name. */
const char *theming_name(void);
void theming_close(void);

#endif
