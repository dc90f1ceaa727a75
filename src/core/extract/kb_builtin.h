/* kb_builtin: the YAML files of src/kb/ as text, embedded at build time by
 * src/tools/embed.c into kb_builtin.c, which only the build tool kbgen and
 * test_kb_compiled link; the binary carries kb_compiled.h's arrays instead. */
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
