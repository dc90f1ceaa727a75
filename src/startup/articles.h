/* articles: where the commands and the reader find their articles when no
 * path is given (the config's `articles` folders, else the bundled samples),
 * and the reading state they share. */
#ifndef TOUCHLINE_STARTUP_ARTICLES_H
#define TOUCHLINE_STARTUP_ARTICLES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/config/config.h"
#include "core/state/state.h"

/* The bundled samples: <bindir>/../share/touchline/samples of the running
 * executable when installed; when run from a build tree, the samples/ of
 * the nearest parent of the executable's folder that holds the touchline
 * sources; else $TOUCHLINE_SOURCE_DIR/samples. Caller frees; NULL if none. */
char *startup_find_samples(void);
/* The articles: the paths given, the config's folders and feeds_dir, or the bundled
 * samples (*samples set, to be freed; *paths is then &*samples). *paths is
 * `given`, or an array to free when it is neither `given` nor samples.
 * False after a message. */
bool startup_find_paths(int npaths_given, char **given, const struct config *cfg, char ***paths,
                        size_t *npaths, char **samples);
/* The reading state in its default place (state_default_dir), with its
 * warnings printed to stderr. NULL, after a message, when there is no place
 * for it (neither $XDG_STATE_HOME nor $HOME set). */
struct state *startup_open_state(void);

#endif
