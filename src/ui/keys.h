/* keys: the one table of requests (what a key can trigger), with each
 * request's name, help text and default keys. It produces the request enum,
 * the key lookup and the help screen; keys_bind() rebinds by name. */
#ifndef TOUCHLINE_UI_KEYS_H
#define TOUCHLINE_UI_KEYS_H

#include <stdbool.h>
#include <stddef.h>

#include "startup/requests.h"
#include "ui/line_edit.h"

/* A key code: a Unicode code point, or a curses function key (KEY_*) moved
 * past the Unicode range with KEYS_FN(). 0 means none. */
#define KEYS_FN(k)   ((k) + 0x110000)
#define KEYS_CTRL(c) ((c)&0x1f)
#define KEYS_ESC     27

enum request {
    REQ_NONE,
#define REQ_ENUM(id, name, help, k1, k2, k3) REQ_##id,
    REQUESTS(REQ_ENUM)
#undef REQ_ENUM
        REQ_COUNT
};

/* Installs the default bindings (idempotent; called by keys_lookup). */
void keys_init(void);
/* The request bound to a key, or REQ_NONE. */
enum request keys_lookup(int key);
/* Binds a key to the request called `name` (replacing what the key did
 * before). Returns false when no request has that name. */
bool keys_bind(const char *name, int key);
/* Removes a key's binding. */
void keys_unbind(int key);
/* Applies the config's bindings: each request it names loses its default
 * keys and gets the config's (an empty list leaves it unbound). Key codes
 * in the config's notation (core/config/config.h) are mapped onto curses' codes.
 * Call after config_validate_keys. */
struct config;
void keys_apply_config(const struct config *cfg);
/* The keys bound to a request (up to max); returns how many. */
size_t keys_of(enum request r, int *out, size_t max);
const char *keys_request_name(enum request r);
const char *keys_request_help(enum request r);
/* A readable name for a key: "j", "Down", "C-d", "Enter", "PgDn". */
const char *keys_name(int key, char *buf, size_t size);
/* The key a notation names ("n", "<Enter>", "<C-d>": see config_parse_key),
 * as the loop sees it; -1 when it is not one. */
int keys_from_notation(const char *s);

/* The line editor's fixed keys (the pickers' query and the `/` prompt):
 * Left, Right, Home and C-a, End and C-e, Backspace (and C-h), Delete, C-w,
 * C-u, and Up and Down for the history; LINE_EDIT_NONE for any other key.
 * They come before the key table in a line being edited; see touchline(1). */
enum line_edit_op keys_edit_op(int key);
/* Whether a key types a character (a code point from U+0020 on, not DEL). */
bool keys_printable(int key);

#endif
