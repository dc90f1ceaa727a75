/* theme_builtin: the YAML files of themes/, embedded into the binary at build
 * time by src/tools/embed.c (see CMakeLists.txt), so that every binary has
 * the built-in themes wherever it runs from, and the lookup of one by name
 * (defined in theme_find.c, which finds themes). */
#ifndef TOUCHLINE_THEME_BUILTIN_H
#define TOUCHLINE_THEME_BUILTIN_H

#include <stddef.h>

struct theme_builtin_file {
    const char *name; /* "light.yaml" */
    const char *text; /* NUL-terminated */
    size_t len;
};

/* Terminated by an entry whose name is NULL. */
extern const struct theme_builtin_file theme_builtin_files[];

/* The embedded file of built-in theme `name` ("light" for light.yaml), or
 * NULL. */
const struct theme_builtin_file *theme_builtin_find(const char *name);

#endif
