/* startup/requests: the one table of requests (what a key can trigger): each
 * request's name, help text and default keys, in the config's key notation
 * (core/config/config.h), so that `touchline check` validates bindings and the
 * reader binds keys (ui/keys.c) from the same list. */
#ifndef TOUCHLINE_STARTUP_REQUESTS_H
#define TOUCHLINE_STARTUP_REQUESTS_H

#include <stddef.h>

#include "core/config/config.h"

#define KEYCODE_CTRL(c) ((c)&0x1f)

/* X(ID, name, help, key1, key2, key3) */
#define REQUESTS(X)                                                                                \
    X(MOVE_DOWN, "move-down", "Move down a line", 'j', KEYCODE_DOWN, KEYCODE_CTRL('n'))            \
    X(MOVE_UP, "move-up", "Move up a line", 'k', KEYCODE_UP, KEYCODE_CTRL('p'))                    \
    X(PAGE_DOWN, "page-down", "Move down a page", KEYCODE_PGDN, KEYCODE_SPACE, KEYCODE_CTRL('f'))  \
    X(PAGE_UP, "page-up", "Move up a page", KEYCODE_PGUP, KEYCODE_CTRL('b'), 0)                    \
    X(HALF_DOWN, "half-page-down", "Move down half a page", KEYCODE_CTRL('d'), 0, 0)               \
    X(HALF_UP, "half-page-up", "Move up half a page", KEYCODE_CTRL('u'), 0, 0)                     \
    X(FIRST, "first", "Go to the first line", 'g', KEYCODE_HOME, 0)                                \
    X(LAST, "last", "Go to the last line", 'G', KEYCODE_END, 0)                                    \
    X(OPEN, "open", "Open the selected article or item", KEYCODE_ENTER, '\n', 0)                   \
    X(NEXT_PANE, "next-pane", "Focus the next pane", KEYCODE_TAB, 0, 0)                            \
    X(PREV_PANE, "previous-pane", "Focus the previous pane", KEYCODE_BACKTAB, 0, 0)                \
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
    X(PICK_COMPETITION, "pick-competition", "Filter by competition (fuzzy picker)", 'C', 0, 0)     \
    X(PICK_NATIONAL, "pick-national-team", "Filter by national team (fuzzy picker)", 'I', 0, 0)    \
    X(PICK_SOURCE, "pick-source", "Filter by source: the feed or site, or a media outlet cited",   \
      'M', 0, 0)                                                                                   \
    X(PICK_TAG, "pick-tag", "Filter by front matter tag (picker)", 't', 0, 0)                      \
    X(PICK_DATES, "pick-dates", "Date range: today, the last 7 days, the last 30 days or all",     \
      'd', 0, 0)                                                                                   \
    X(CYCLE_SORT, "cycle-sort", "Sort: newest first, oldest first, most facts", 'O', 0, 0)         \
    X(CLEAR_FILTERS, "clear-filters", "Clear every filter (the sort stays)", 'x', 0, 0)            \
    X(PROBLEMS, "problems", "List the files that could not be read", '!', 0, 0)                    \
    X(TOGGLE_READ, "toggle-read", "Mark the article read or unread", 'r', 0, 0)                    \
    X(TOGGLE_STAR, "toggle-star", "Star the article, or take its star away", 's', 0, 0)            \
    X(ONLY_UNREAD, "only-unread", "List only the unread articles (again: all of them)", 'u', 0, 0) \
    X(ONLY_STARRED, "only-starred", "List only the starred articles (again: all of them)", 'S', 0, \
      0)                                                                                           \
    X(FOLLOW, "follow", "Follow the target (a person or a club), or stop following it", 'F', 0, 0) \
    X(FOLLOWING, "following", "What is new about the followed since the last visit", 'W', 0, 0)    \
    X(TOGGLE_FACTS, "toggle-facts", "Show or hide the facts panel", 'f', 0, 0)                     \
    X(FETCH, "fetch", "Fetch the feeds in the background; new articles join the list", 'R', 0, 0)  \
    X(OPEN_URL, "open-url", "Open the article's URL in $BROWSER (else xdg-open)", 'o', 0, 0)       \
    X(EDIT_SOURCE, "edit-source", "Edit the article's file at this line in $EDITOR", 'e', 0, 0)    \
    X(COPY_URL, "copy-url", "Copy the URL (else the path): OSC 52, or show it", 'y', 0, 0)         \
    X(PIPE_ARTICLE, "pipe-article", "Pipe the article's text to a shell command", '|', 0, 0)       \
    X(CYCLE_THEME, "cycle-theme", "Switch to the next colour theme", 'T', 0, 0)                    \
    X(HELP, "help", "Show this help", '?', KEYCODE_F1, 0)                                          \
    X(REDRAW, "redraw", "Redraw the screen", KEYCODE_CTRL('l'), 0, 0)                              \
    X(CANCEL, "cancel", "Close the overlay or prompt", KEYCODE_ESC, 0, 0)                          \
    X(BACK, "back", "Back to the list, then quit", 'q', 0, 0)                                      \
    X(QUIT, "quit", "Quit at once", 'Q', 0, 0)

/* The request names, in table order (for config_validate_keys). */
const char *const *requests_names(size_t *n);

#endif
