/* kb_builtin: the YAML files of src/kb/, embedded into the binary at build
 * time (see cmake/embed_kb.cmake). */
#ifndef TOUCHLINE_KB_BUILTIN_H
#define TOUCHLINE_KB_BUILTIN_H

#include <stddef.h>

struct kb_builtin_file {
    const char *name; /* "clubs.yaml" */
    const char *text; /* NUL-terminated */
    size_t len;
};

/* Terminated by an entry whose name is NULL. */
extern const struct kb_builtin_file kb_builtin_files[];

#endif
