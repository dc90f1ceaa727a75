/* config: the user's config.yaml (articles folders, theme, layout, key
 * bindings by request name, extra KB files, boilerplate patterns, date format,
 * mouse, clipboard), where it lives, and the `<C-d>` key notation. */
#ifndef TOUCHLINE_CONFIG_H
#define TOUCHLINE_CONFIG_H

#include <stdbool.h>
#include <stddef.h>

#include "core/load/boilerplate.h"
#include "core/base/buf.h"
#include "core/base/error.h"
#include "core/fetch/subs.h"

/* Key codes. Characters are their Unicode code point, control keys
 * included (<C-d> is 4, <Tab> is <C-i> is 9, <Enter> is 13, <Esc> is 27,
 * <BS> is 127); keys that are not characters start at KEYCODE_SPECIAL. The UI
 * maps curses' codes onto these (KEY_ENTER and '\n' to KEYCODE_ENTER, ...). */
enum {
    KEYCODE_TAB = 9,
    KEYCODE_ENTER = 13,
    KEYCODE_ESC = 27,
    KEYCODE_SPACE = 32,
    KEYCODE_BACKSPACE = 127,
    KEYCODE_SPECIAL = 0x110000,
    KEYCODE_UP = KEYCODE_SPECIAL,
    KEYCODE_DOWN,
    KEYCODE_LEFT,
    KEYCODE_RIGHT,
    KEYCODE_HOME,
    KEYCODE_END,
    KEYCODE_PGUP,
    KEYCODE_PGDN,
    KEYCODE_INSERT,
    KEYCODE_DELETE,
    KEYCODE_BACKTAB, /* <S-Tab> */
    KEYCODE_F1,      /* <F1> .. <F24> are KEYCODE_F1 + 0 .. 23 */
    KEYCODE_F24 = KEYCODE_F1 + 23,
};

enum config_layout { CONFIG_LAYOUT_AUTO, CONFIG_LAYOUT_WIDE, CONFIG_LAYOUT_NARROW };

/* What `y` in the reader does with a URL: show it on the status line only
 * (none, the default), or also copy it with the OSC 52 terminal sequence. */
enum config_clipboard { CONFIG_CLIPBOARD_NONE, CONFIG_CLIPBOARD_OSC52 };

/* A string value with where it was written (line 0 when it was not). */
struct config_item {
    char *value;
    unsigned line, col;
};

struct config_key {
    int code;
    unsigned line, col;
};

/* `request: keys` from the keys mapping. The keys replace the request's
 * default keys; an empty list unbinds it. */
struct config_binding {
    char *request;
    unsigned line, col; /* of the request name */
    struct config_key *keys;
    size_t nkeys;
};

struct config {
    char *path; /* the file read, or NULL when there was none */
    /* Folders and KB paths: `~/` is expanded, and relative paths are taken
     * relative to the directory of the config file. */
    struct config_item *articles;
    size_t narticles;
    struct config_item theme; /* value NULL when not set */
    enum config_layout layout;
    struct config_binding *bindings;
    size_t nbindings;
    struct config_item *kb_files;
    size_t nkb_files;
    struct config_item *boilerplate; /* each a valid PCRE2 pattern */
    size_t nboilerplate;
    char *date_format;               /* strftime format for the list, default "%d %b" */
    bool mouse;                      /* default true */
    bool cache;                      /* keep extraction results in the cache folder; default true */
    enum config_clipboard clipboard; /* `clipboard: osc52`, or none/off (the default) */
    /* Feeds (config_feeds.c): the `feeds:` list, where items are stored,
     * the other readers' subscription files, the timeout per transfer. */
    struct subs feeds;
    struct config_item feeds_dir, feeds_file, opml; /* value NULL when not set */
    long fetch_timeout;                             /* seconds; default 20 */
};

/* A config holding the defaults. */
struct config *config_new(void);
void config_free(struct config *cfg);

/* The user's touchline config directory: $XDG_CONFIG_HOME/touchline, or
 * $HOME/.config/touchline. False when neither variable is set. */
bool config_user_dir(struct buf *out);
/* config_user_dir + "/config.yaml". */
bool config_default_path(struct buf *out);

/* Reads a config file; `path` NULL means the default path, where a missing
 * file simply gives the defaults. Returns a new config, or NULL with err set
 * to path:line:col: what was wrong and what was expected. Warnings (unknown
 * top-level keys, naming the nearest valid one) are appended to warnings as
 * "path:line:col: warning: ...\n" lines; it may be NULL. */
struct config *config_load(const char *path, struct buf *warnings, struct tl_error *err);
/* The same from text in memory; `path` names it in messages. */
struct config *config_load_text(const char *path, const char *text, size_t len,
                                struct buf *warnings, struct tl_error *err);

/* Checks the bindings against the request names the UI knows (skipped when
 * request_names is NULL) and that no key is bound twice. The error points at
 * the offending request name or key and suggests the nearest request. */
bool config_validate_keys(const struct config *cfg, const char *const *request_names, size_t n,
                          struct tl_error *err);
/* The binding for a request, or NULL when the config leaves it alone. */
const struct config_binding *config_find_binding(const struct config *cfg, const char *request);
/* Adds the config's boilerplate patterns to a set (they were checked when the
 * config was read, so this fails only on a config built by hand). */
bool config_add_boilerplate(const struct config *cfg, struct boilerplate *bp, struct tl_error *err);

/* Parses one key in notation: a single character (`n`, `N`, `?`, `é`), or a
 * name in angle brackets, any case: <C-a>..<C-z> and <C-[> <C-\> <C-]> <C-^>
 * <C-_>, <Enter> (<CR>, <Return>), <Tab>, <S-Tab>, <Esc>, <Space>, <BS>,
 * <Up>, <Down>, <Left>, <Right>, <Home>, <End>, <PgUp>, <PgDn>, <Ins>,
 * <Del>, <F1>..<F24>, <lt> for '<'. On failure appends what was wrong and
 * what was expected to why (may be NULL). */
bool config_parse_key(const char *s, int *code, struct buf *why);
/* Appends a key code in the notation config_parse_key reads ("n", "<C-d>",
 * "<Enter>"), for help screens and messages. */
void config_format_key(int code, struct buf *out);
/* `~/x` from $HOME, a relative path from the folder of config_path (may be
 * NULL); a new string. */
char *config_expand_path(const char *config_path, const char *p);

/* config_feeds.c: reads a top-level feeds key (feeds, feeds_dir,
 * feeds_file, opml, fetch_timeout) into cfg. Returns 1 when done, 0 on a
 * bad value (err set to path:line:col), -1 when k is not one of them. */
struct yamltree;
struct yamltree_node;
int config_read_feed_key(struct config *cfg, const struct yamltree *tree,
                         const struct yamltree_node *k, const struct yamltree_node *v,
                         struct tl_error *err);
/* Every subscription: the config's feeds, then those of feeds_file and
 * opml (a URL listed twice is fetched once). A file that cannot be read or
 * parsed fails with path:line:col; warnings are appended (may be NULL). */
bool config_feed_subs(const struct config *cfg, struct subs *out, struct buf *warnings,
                      struct tl_error *err);
/* Where fetched items are kept: feeds_dir, else
 * $XDG_DATA_HOME/touchline/feeds. False when neither can be known. */
bool config_feeds_dir(const struct config *cfg, struct buf *out);

/* "auto", "wide", "narrow". */
const char *config_layout_name(enum config_layout layout);

#endif
