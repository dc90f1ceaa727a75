/* keys: the one table of requests (what a key can trigger), with each
 * request's name, help text and default keys. It produces the request enum,
 * the key lookup and the help screen; keys_bind() rebinds by name. */
#ifndef TOUCHLINE_UI_KEYS_H
#define TOUCHLINE_UI_KEYS_H

#include <stdbool.h>
#include <stddef.h>

/* A key code: a Unicode code point, or a curses function key (KEY_*) moved
 * past the Unicode range with KEYS_FN(). 0 means none. */
#define KEYS_FN(k)   ((k) + 0x110000)
#define KEYS_CTRL(c) ((c)&0x1f)
#define KEYS_ESC     27

/* X(ID, name, help, key1, key2, key3) */
#define REQUESTS(X)                                                                                \
    X(MOVE_DOWN, "move-down", "Move down a line", 'j', KEYS_FN(KEY_DOWN), KEYS_CTRL('n'))          \
    X(MOVE_UP, "move-up", "Move up a line", 'k', KEYS_FN(KEY_UP), KEYS_CTRL('p'))                  \
    X(PAGE_DOWN, "page-down", "Move down a page", KEYS_FN(KEY_NPAGE), ' ', KEYS_CTRL('f'))         \
    X(PAGE_UP, "page-up", "Move up a page", KEYS_FN(KEY_PPAGE), KEYS_CTRL('b'), 0)                 \
    X(HALF_DOWN, "half-page-down", "Move down half a page", KEYS_CTRL('d'), 0, 0)                  \
    X(HALF_UP, "half-page-up", "Move up half a page", KEYS_CTRL('u'), 0, 0)                        \
    X(FIRST, "first", "Go to the first line", 'g', KEYS_FN(KEY_HOME), 0)                           \
    X(LAST, "last", "Go to the last line", 'G', KEYS_FN(KEY_END), 0)                               \
    X(OPEN, "open", "Open the selected article or item", '\r', '\n', KEYS_FN(KEY_ENTER))           \
    X(NEXT_PANE, "next-pane", "Focus the next pane", '\t', 0, 0)                                   \
    X(PREV_PANE, "previous-pane", "Focus the previous pane", KEYS_FN(KEY_BTAB), 0, 0)              \
    X(NEXT_ARTICLE, "next-article", "Read the next article in the list", 'J', 0, 0)                \
    X(PREV_ARTICLE, "previous-article", "Read the previous article in the list", 'K', 0, 0)        \
    X(ENTITY_NEXT, "entity-next", "Entity cursor to the next mention; it becomes the target", ']', \
      'w', 0)                                                                                      \
    X(ENTITY_PREV, "entity-previous", "Entity cursor to the previous mention", '[', 'b', 0)        \
    X(TARGET_NEXT, "next-mention", "Next occurrence of the target, on into the next article", 'n', \
      0, 0)                                                                                        \
    X(TARGET_PREV, "previous-mention", "Previous occurrence of the target", 'N', 0, 0)             \
    X(MENTIONS, "mentions", "Every mention of the target in the corpus, in context", 'm', 0, 0)    \
    X(SEARCH, "search", "Search (PCRE2; case-insensitive unless it has capitals)", '/', 0, 0)      \
    X(PICK_CLUB, "pick-club", "Filter by club (fuzzy picker with article counts)", 'c', 0, 0)      \
    X(PICK_PERSON, "pick-person", "Filter by person (fuzzy picker)", 'p', 0, 0)                    \
    X(CLEAR_FILTERS, "clear-filters", "Clear the club, person and search filters", 'x', 0, 0)      \
    X(TOGGLE_FACTS, "toggle-facts", "Show or hide the facts panel", 'f', 0, 0)                     \
    X(CYCLE_THEME, "cycle-theme", "Switch to the next colour theme", 'T', 0, 0)                    \
    X(HELP, "help", "Show this help", '?', KEYS_FN(KEY_F(1)), 0)                                   \
    X(REDRAW, "redraw", "Redraw the screen", KEYS_CTRL('l'), 0, 0)                                 \
    X(CANCEL, "cancel", "Close the overlay or prompt", KEYS_ESC, 0, 0)                             \
    X(BACK, "back", "Back to the list, then quit", 'q', 0, 0)                                      \
    X(QUIT, "quit", "Quit at once", 'Q', 0, 0)

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
/* The request names, in table order (for config_validate_keys). */
const char *const *keys_request_names(size_t *n);
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

#endif
