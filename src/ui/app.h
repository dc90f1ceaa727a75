/* app: the reader's state (the article list and its filters, the open
 * article, the target, the panes and the overlay), shared by every view,
 * and the operations views ask of it. The loop and layout live in app.c,
 * filters in filter.c, the target in target.c. */
#ifndef TOUCHLINE_UI_APP_H
#define TOUCHLINE_UI_APP_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/buf.h"
#include "core/config/config.h"
#include "core/pipeline/pipeline.h"
#include "core/index/search.h"
#include "ui/curses_compat.h"
#include "ui/keys.h"

enum pane_id { PANE_LIST, PANE_READER, PANE_FACTS, PANE_COUNT };

/* What needs repainting. */
enum {
    DIRTY_LIST = 1 << PANE_LIST,
    DIRTY_READER = 1 << PANE_READER,
    DIRTY_FACTS = 1 << PANE_FACTS,
    DIRTY_STATUS = 1 << 3,
    DIRTY_MODAL = 1 << 4,
    DIRTY_LAYOUT = 1 << 5, /* panes moved: clear and repaint all */
    DIRTY_ALL = 0x3f,
};

struct app;
struct pane;
struct search_job;

/* A pane's view (tig's view_ops): one table per view file. */
struct view_ops {
    const char *name;
    /* Repaints the pane's window (title bar on row 0, content below). */
    void (*draw)(struct app *a, struct pane *p);
    /* Handles a request while focused; false when it does not apply. */
    bool (*key)(struct app *a, struct pane *p, enum request r);
    /* The pane got a new size (p->w, p->h already set). */
    void (*resize)(struct app *a, struct pane *p);
    /* A click at content row `row` (0 = first row under the title), column `col`. */
    void (*click)(struct app *a, struct pane *p, int row, int col);
    /* The mouse wheel: delta rows (positive = down). */
    void (*wheel)(struct app *a, struct pane *p, int delta);
};

struct pane {
    enum pane_id id;
    const struct view_ops *ops;
    WINDOW *win;
    int y, x, h, w; /* h includes the title bar */
    bool hidden;
    size_t top; /* first content row shown */
};

/* An overlay over the panes (picker, mentions, help) or the prompt. Its
 * state is module-local in its own file. */
struct modal_ops {
    const char *name;
    void (*draw)(struct app *a, WINDOW *w);
    /* A key as typed (code point or KEYS_FN) and its request. */
    void (*key)(struct app *a, int key, enum request r);
    void (*click)(struct app *a, int row, int col);
    void (*wheel)(struct app *a, int delta);
    bool uses_status_line; /* the prompt draws on the status line, not over the panes */
};

/* The open article laid out for the reader. */
enum row_src { ROW_TITLE, ROW_META, ROW_BODY, ROW_BLANK };

struct doc_row {
    unsigned char src;
    size_t start, end; /* bytes of the title, meta line or body */
};

/* An entity mention in the open article, in reading order (title first). */
struct doc_mark {
    size_t start, end;
    bool in_title;
    int local;  /* entity index in the article's extraction */
    int entity; /* global entity index */
};

struct doc {
    long article; /* load index, -1 when none */
    char *meta;
    size_t meta_len;
    unsigned char *tstyle, *bstyle; /* style per byte of title and body */
    int *tmark, *bmark;             /* mark per byte, -1 for none */
    struct doc_mark *marks;
    size_t nmarks, mcap;
    long cursor; /* mark under the entity cursor, -1 for none */
    long hit;    /* search hit under the search cursor (index into app hits), -1 for none */
    struct doc_row *rows;
    size_t nrows, rcap;
    int width; /* the width rows were laid out for */
};

enum target_kind { TARGET_NONE, TARGET_ENTITY, TARGET_SEARCH };

struct app {
    struct pipeline *pl;
    const struct corpus *c;
    const struct index *ix;
    size_t *order; /* all articles, newest first */
    size_t *rank;  /* rank[article]: position in order */
    /* The list as shown: filtered order, and each article's position (-1 hidden). */
    size_t *list;
    size_t nlist;
    long *pos_of;
    size_t sel;
    unsigned char *nclubs; /* per article, for the list markers */
    bool *money;
    size_t nknown, ncap; /* articles in the arrays above (they grow while loading), room */
    bool samples;        /* reading the bundled samples */
    bool touched;        /* a key was pressed: the selection stops following the list's top */
    bool backlog;        /* finished results wait to be taken: no idle wait */
    bool fold_pending;   /* articles folded in but not repainted yet */
    int filter_club, filter_person; /* entity indices, -1 for none */
    struct search *search;          /* the `/` search: filter and target */
    struct search *pending;         /* a search still running, in search_job */
    struct search_job *search_job;
    struct search_hits hits;
    enum target_kind target;
    int target_entity;
    struct doc doc;
    struct pane panes[PANE_COUNT];
    enum pane_id focus;
    bool wide, facts_wide, facts_narrow, tiny;
    /* From the config: the layout (auto, wide, narrow) and the list's
     * strftime date format (NULL: "05 Dec", or "Dec'19" for older years). */
    enum config_layout layout;
    const char *date_format;
    int rows, cols;
    WINDOW *status;
    WINDOW *overlay;
    const struct modal_ops *modal;
    unsigned dirty;
    char msg[512];
    bool msg_error;
    bool quit;
};

extern const struct view_ops list_view_ops, reader_view_ops, facts_view_ops;
extern const struct modal_ops picker_modal_ops, mentions_modal_ops, help_modal_ops,
    prompt_modal_ops;

/* app.c */
void app_init(struct app *a, struct pipeline *pl);
void app_free(struct app *a);
/* Runs the loop until quit; returns the exit status. */
int app_run(struct app *a);
/* The loop's parts, for the key benchmark (bench.c): lay out and show the
 * first screen; handle one key (a code point or KEYS_FN); repaint what is
 * dirty. */
void app_begin(struct app *a);
void app_key(struct app *a, int key);
void app_draw(struct app *a);
void app_dirty(struct app *a, unsigned what);
/* A message for the status line that fades on the next key. */
void app_message(struct app *a, bool error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Selects list position `pos` and opens its article in the reader. */
void app_select(struct app *a, size_t pos);
void app_focus(struct app *a, enum pane_id id);
void app_open_modal(struct app *a, const struct modal_ops *m);
void app_close_modal(struct app *a);
/* Rows of content a pane shows (its height minus the title bar). */
int app_pane_rows(const struct pane *p);
/* "05 Dec" (or "Dec'19" when not the newest year) for an article. */
void app_short_date(const struct app *a, size_t article, char out[16]);

/* loading.c */
/* Folds the articles the corpus has and the app does not yet into the
 * per-article arrays, the order, the search and the list. */
void loading_fold(struct app *a);
/* Takes what the background load has finished, for at most `budget_ms`,
 * and folds it into the list, counts and search. True when anything came. */
bool loading_tick(struct app *a, double budget_ms);
/* Before the first screen: takes results until the load ends or a
 * screenful of articles is in and `wait_ms` have passed. */
void loading_first_screen(struct app *a, double wait_ms);
/* "loading 1,234 of 100,000 [####----]" for the status line, and a search
 * still running; empty when neither. */
void loading_describe(const struct app *a, struct buf *out);
/* The start-up message (article count, theme, problems). */
void loading_announce(struct app *a);

/* filter.c */
/* Rebuilds the list from the filters (index queries only) and keeps the
 * open article selected when it is still listed. */
void filter_apply(struct app *a);
/* The same for articles that just arrived: the selected article keeps its
 * place on screen, and the reader is left alone (until a key is pressed,
 * the selection follows the top of the list). */
void filter_refresh(struct app *a);
/* Sets the club (kind ENTITY_CLUB) or person filter; -1 clears it. */
void filter_set(struct app *a, int kind, int entity);
void filter_clear(struct app *a);
/* Compiles a `/` search and starts it on its own thread; when it is done
 * (at once for a small corpus, else in filter_search_poll) it filters the
 * list and becomes the target. An empty pattern clears the search. False
 * (message shown) on a bad pattern; no match at all is a message later. */
bool filter_search(struct app *a, const char *pattern);
/* Applies a search that has finished; true when one did. */
bool filter_search_poll(struct app *a);
/* Whether a search is still running. */
bool filter_searching(const struct app *a);
/* Stops a running search (at exit). */
void filter_free(struct app *a);
/* "club: Inter Milan (12) · person: ..." for titles and the status line. */
void filter_describe(const struct app *a, struct buf *out);

/* target.c */
void target_set_entity(struct app *a, int entity);
void target_clear(struct app *a);
/* n/N: the next or previous occurrence, on into other articles. */
void target_step(struct app *a, int dir);
/* "Bastoni 3/6 here, 14 in corpus" (empty without a target). */
void target_describe(const struct app *a, struct buf *out);
/* The target's display name. */
const char *target_name(const struct app *a);

/* reader.c */
/* Builds the doc for an article (-1 for none) and lays it out. */
void reader_open(struct app *a, long article);
void reader_free_doc(struct doc *d);
/* Puts the entity cursor on mark m (-1 removes it) and scrolls to it. */
void reader_set_cursor(struct app *a, long m);
/* The mark of an entity at (in_title, start), or -1. */
long reader_find_mark(const struct app *a, int entity, bool in_title, size_t start);
/* Puts the search cursor on hit h and scrolls to it. */
void reader_set_hit(struct app *a, long h);
/* Scrolls so that (in_title, offset) is visible. */
void reader_show(struct app *a, bool in_title, size_t offset);

/* mentions.c, picker.c, prompt.c */
void mentions_open(struct app *a);
void picker_open(struct app *a, int kind);
void prompt_open(struct app *a);
void help_open(struct app *a);

#endif
