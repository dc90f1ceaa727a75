/* startup/theme_dirs: where the themes other than the user's are. */
#ifndef TOUCHLINE_STARTUP_THEME_DIRS_H
#define TOUCHLINE_STARTUP_THEME_DIRS_H

/* The theme directories other than the user's: the source tree's themes/
 * when the binary runs from a build directory inside it, and the installed
 * share/touchline/themes. Either may be NULL. Compile-time paths win when set:
 * TOUCHLINE_SOURCE_THEMES and TOUCHLINE_INSTALLED_THEMES. */
struct startup_theme_dirs {
    char *source;
    char *installed;
};
void startup_theme_dirs_init(struct startup_theme_dirs *d);
void startup_theme_dirs_free(struct startup_theme_dirs *d);

#endif
