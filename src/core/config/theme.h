/* theme: what every UI element and every entity and fact kind looks like (a
 * {fg, bg, attrs} style each), the built-in default, reading theme YAML files
 * over a base, and finding themes in the user, source and installed dirs. */
#ifndef TOUCHLINE_THEME_H
#define TOUCHLINE_THEME_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/buf.h"
#include "core/config/color.h"
#include "core/extract/entity.h"
#include "core/base/error.h"

/* The styled things: X(ID, name in theme files, what it colours). The names of
 * the entity kinds are the kind names used in ids ("national_team"); in theme
 * files '-' and '_' are interchangeable. */
#define THEME_ELEMENTS(X)                                                                          \
    X(TITLE, "title", "pane title bars")                                                           \
    X(TITLE_FOCUSED, "title-focused", "the title bar of the focused pane")                         \
    X(LIST_ROW, "list-row", "article list rows")                                                   \
    X(LIST_SELECTED, "list-selected", "the selected article")                                      \
    X(LIST_MARKED, "list-marked", "marked articles")                                               \
    X(LIST_DATE, "list-date", "the date column of the list")                                       \
    X(LIST_MARKER, "list-marker", "the marker column of the list")                                 \
    X(READER_TEXT, "reader-text", "article text")                                                  \
    X(READER_HEADING, "reader-heading", "the article's title")                                     \
    X(READER_META, "reader-meta", "date, source and author lines")                                 \
    X(CURSOR, "cursor", "the entity under the cursor")                                             \
    X(SEARCH_HIT, "search-hit", "search matches")                                                  \
    X(FACTS_HEADING, "facts-heading", "headings in the facts panel")                               \
    X(FACTS_LABEL, "facts-label", "fact names in the facts panel")                                 \
    X(FACTS_VALUE, "facts-value", "fact values in the facts panel")                                \
    X(STATUS, "status", "the status line")                                                         \
    X(STATUS_MESSAGE, "status-message", "messages on the status line")                             \
    X(STATUS_ERROR, "status-error", "errors on the status line")                                   \
    X(PICKER, "picker", "picker and mention list rows")                                            \
    X(PICKER_SELECTED, "picker-selected", "the selected picker row")                               \
    X(PICKER_MATCH, "picker-match", "the typed letters matched in picker rows")                    \
    X(HELP, "help", "help screen text")                                                            \
    X(HELP_KEY, "help-key", "keys on the help screen")                                             \
    X(BORDER, "border", "pane borders")                                                            \
    X(PERSON, "person", "people in the text")                                                      \
    X(CLUB, "club", "clubs in the text")                                                           \
    X(NATIONAL_TEAM, "national_team", "national teams in the text")                                \
    X(COMPETITION, "competition", "competitions in the text")                                      \
    X(MEDIA, "media", "newspapers and broadcasters in the text")                                   \
    X(MONEY, "money", "fees, wages and release clauses in the text")                               \
    X(COUNT, "count", "caps, appearances, ages and contract years in the text")

enum theme_element {
#define THEME_ENUM(id, name, help) THEME_##id,
    THEME_ELEMENTS(THEME_ENUM)
#undef THEME_ENUM
        THEME_NELEMENTS
};

struct theme_style {
    struct color fg, bg;
    unsigned attrs; /* ATTR_* bits */
};

struct theme {
    char *name;        /* what --theme takes: the file name without .yaml */
    char *description; /* one line, may be empty */
    char *path;        /* the file it came from; NULL for the built-in default */
    struct theme_style styles[THEME_NELEMENTS];
};

/* Where a theme was found. */
enum theme_origin {
    THEME_FROM_BUILTIN,   /* compiled in: themes/ embedded at build time (theme_builtin.h) */
    THEME_FROM_USER,      /* $XDG_CONFIG_HOME/touchline/themes */
    THEME_FROM_SOURCE,    /* the source tree's themes/ */
    THEME_FROM_INSTALLED, /* share/touchline/themes */
    THEME_FROM_PATH,      /* named by a path */
};

/* One theme that `touchline themes` and the UI's theme cycling can offer. */
struct theme_entry {
    char *name;
    char *path; /* NULL for a built-in theme */
    enum theme_origin origin;
};

/* "title", "list-row", "national_team", ... */
const char *theme_element_name(enum theme_element e);
/* A short description of what the element colours, for help and docs. */
const char *theme_element_help(enum theme_element e);
/* Parses an element name ('-' and '_' alike). */
bool theme_element_parse(const char *name, enum theme_element *out);
/* THEME_PERSON ... THEME_MEDIA for an entity kind. */
enum theme_element theme_element_for_entity(enum entity_kind kind);
/* THEME_MONEY for fees, wages and release clauses; THEME_COUNT otherwise. */
enum theme_element theme_element_for_fact(enum fact_kind kind);

/* The theme name a path gives: the file name without its directory and
 * .yaml or .yml. Caller frees. */
char *theme_name_from_path(const char *path);

/* The built-in default theme (the same as themes/default.yaml). */
struct theme *theme_new_default(void);
struct theme *theme_copy(const struct theme *t);
void theme_free(struct theme *t);

/* Reads a theme file over a base (the built-in default when base is NULL):
 * elements the file leaves out keep the base's style, and an element the file
 * gives is replaced whole (fg and bg not given are `default`, attrs not given
 * are none). Returns a new theme, or NULL with err set to path:line:col: what
 * (nothing is half-applied: the caller keeps its old theme). Warnings (such as
 * a `name` that differs from the file name) are appended to warnings, which
 * may be NULL. */
struct theme *theme_load_file(const char *path, const struct theme *base, struct buf *warnings,
                              struct tl_error *err);
/* The same from text in memory; `path` names it in messages and gives the name. */
struct theme *theme_load_text(const char *path, const char *text, size_t len,
                              const struct theme *base, struct buf *warnings, struct tl_error *err);

/* A style as a terminal of the given depth can show it: both colours
 * downgraded; when that makes a foreground that differed from its background
 * equal to it, the foreground becomes black or white, whichever contrasts. */
struct theme_style theme_style_downgrade(struct theme_style s, enum color_depth depth);

/* The user's theme directory: $XDG_CONFIG_HOME/touchline/themes, or
 * $HOME/.config/touchline/themes. False when neither variable is set. */
bool theme_user_dir(struct buf *out);
/* Finds a theme. A value containing '/' or ending in .yaml is a path (it must
 * exist); anything else is a name looked up as NAME.yaml in the user dir, then
 * source_dir, then installed_dir (either may be NULL). Returns the path
 * (caller frees) and sets *origin. For a built-in theme (theme_builtin.h, and
 * "default" always) with no file anywhere returns NULL with *origin =
 * THEME_FROM_BUILTIN and no error: theme_load_builtin loads it. Otherwise NULL
 * means not found: err says where it looked and suggests the nearest name. */
char *theme_find(const char *name_or_path, const char *source_dir, const char *installed_dir,
                 enum theme_origin *origin, struct tl_error *err);
/* Loads the built-in theme called `name` (themes/NAME.yaml as embedded; the
 * compiled-in default for "default" if it was not embedded). NULL with err
 * set when there is no such built-in theme. */
struct theme *theme_load_builtin(const char *name, struct buf *warnings, struct tl_error *err);
/* Loads a theme of theme_list_available: its file, or the built-in one. */
struct theme *theme_load_entry(const struct theme_entry *e, struct buf *warnings,
                               struct tl_error *err);
/* theme_find, then theme_load_file (or theme_load_builtin) over the built-in default. */
struct theme *theme_load_named(const char *name_or_path, const char *source_dir,
                               const char *installed_dir, struct buf *warnings,
                               struct tl_error *err);
/* Every theme available by name, sorted by name, each from the first
 * directory that has it (user, source, installed), then the built-in ones no
 * directory has; "default" is always there. Free with theme_entries_free. */
struct theme_entry *theme_list_available(const char *source_dir, const char *installed_dir,
                                         size_t *count);
void theme_entries_free(struct theme_entry *entries, size_t count);
/* "built-in", "user", "source tree", "installed", "path". */
const char *theme_origin_name(enum theme_origin origin);

#endif
