/* state_file: the state file's text format (touchline(5)): reading it into a
 * store, line by line, skipping and reporting bad lines; and writing a store
 * out. One record a line, fields separated by tabs, with \\ \t \n \r and
 * \xHH escapes inside fields:
 *
 *     touchline-state  1                         (the first line)
 *     visit    LAST    PREVIOUS                   (UTC, 2024-05-01T08:00:00Z)
 *     theme    NAME
 *     follow   KIND    ID    NAME
 *     read     KEY
 *     starred  KEY
 *
 * Internal to state.c. */
#ifndef TOUCHLINE_STATE_FILE_H
#define TOUCHLINE_STATE_FILE_H

#include <stddef.h>

#include "core/base/buf.h"
#include "core/state/state_store.h"

/* The version this build reads and writes. */
#define STATE_FILE_VERSION 1
/* A bigger file is not read (nor written over). */
#define STATE_FILE_MAX (64u * 1024 * 1024)
/* Warnings kept per read; more are counted in a last one. */
#define STATE_FILE_MAX_WARNINGS 20

/* Messages, each "path:line:col: what". */
struct state_warnings {
    char **v;
    size_t n, cap;
    size_t more; /* bad lines past STATE_FILE_MAX_WARNINGS */
};

void state_warnings_free(struct state_warnings *w);

enum state_file_status {
    STATE_FILE_OK,      /* read (bad lines, if any, skipped and warned about) */
    STATE_FILE_ABSENT,  /* no file: an empty state */
    STATE_FILE_UNUSABLE /* cannot be read, or not this format: must not be written over */
};

/* Reads the file at path into s (initialised, empty), appending warnings. */
enum state_file_status state_file_read(const char *path, struct state_store *s,
                                       struct state_warnings *w);
/* Parses the text of a state file (exposed for the unit tests and fuzzing). */
enum state_file_status state_file_parse(const char *path, const char *text, size_t len,
                                        struct state_store *s, struct state_warnings *w);
/* The file's text for a store: header, visit, theme, followed entities in
 * order, then read and starred keys each sorted bytewise (so the same state
 * always gives the same bytes). */
void state_file_format(const struct state_store *s, struct buf *out);

#endif
