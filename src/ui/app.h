/* app: the reader's state (the article list and its filters, the open
 * article, the target, the panes and the overlay), shared by every view, the
 * view and overlay tables (tig's view_ops), and the loop (app.c). Each view
 * and helper declares its own functions in its own header: list.h,
 * reader.h, facts.h, help.h, mentions.h, picker.h, prompt.h, loading.h,
 * fetching.h, filter.h, target.h, reading.h, following.h, source.h,
 * pipe_cmd.h. */
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
#include "ui/narrow.h"
#include "ui/pane.h"
#include "ui/reader.h"
#include "ui/style.h"
#include "ui/target.h"

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
struct fetching;
struct reading;

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

/* A pane on screen: its window and place, and its position (pane.h). */
struct pane {
    enum pane_id id;
    const struct view_ops *ops;
    WINDOW *win;
    int y, x, h, w; /* h includes the title bar */
    bool hidden;
    struct pane_pos pos; /* rows, the first shown, the selection */
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
    enum style_elem background;
};

struct app {
    struct pipeline *pl;
    const struct corpus *c;
    const struct index *ix;
    size_t *order; /* all articles, newest first */
    size_t *rank;  /* rank[article]: position in order */
    /* Per article, its date as numbers (corpus_date_key), so that merging
     * new articles into the order compares numbers, not strings behind
     * pointers. */
    struct corpus_date_key *date_key;
    /* The list as shown: filtered order, and each article's position (-1 hidden). */
    size_t *list;
    size_t nlist;
    long *pos_of;
    size_t sel;
    unsigned char *nclubs; /* per article, for the list markers */
    bool *money;
    size_t nknown, ncap; /* articles in the arrays above (they grow while loading), room */
    /* Articles whose extraction has landed in the index: its count at the
     * last fold. The load lists an article before its extraction lands;
     * until then it has none (app_extraction). */
    size_t nlanded;
    /* Articles whose nclubs and money are set: those whose extraction is
     * known (pipeline_extractions_known), which with the stored index is
     * ahead of the index's count. */
    size_t nsummarised;
    bool samples;      /* reading the bundled samples */
    bool touched;      /* a key was pressed: the selection stops following the list's top */
    bool backlog;      /* finished results wait to be taken: no idle wait */
    bool fold_pending; /* articles folded in but not repainted yet */
    int filter_club, filter_person; /* entity indices, -1 for none */
    struct search *search;          /* the `/` search: filter and target */
    struct search *pending;         /* a search still running, in search_job */
    struct search_job *search_job;
    struct search_hits hits;
    struct fetching *fetching; /* `R` (fetching.c), or NULL */
    struct reading *reading;   /* read, starred, followed (reading.c), or NULL */
    struct narrow narrow;      /* competition, national team, source, tag, dates; the sort */
    enum target_kind target;
    int target_entity;
    struct reader_article open; /* the article in the reader */
    struct pane panes[PANE_COUNT];
    enum pane_id focus;
    bool wide, facts_wide, facts_narrow, tiny;
    /* From the config: the layout (auto, wide, narrow) and the list's
     * strftime date format (NULL: "05 Dec", or "Dec'19" for older years). */
    enum config_layout layout;
    const char *date_format;
    enum config_clipboard clipboard; /* `y`: copy with OSC 52, or only show (source.c) */
    /* Articles whose file was changed with `e`, as the file now reads,
     * shown by the reader instead of the loaded one (source.c); NULL for
     * the others. Indexed by article, nedited long. */
    struct article **edited;
    size_t nedited;
    int rows, cols;
    WINDOW *status;
    WINDOW *overlay; /* made by the first overlay after a layout; NULL before */
    const struct modal_ops *modal;
    unsigned dirty;
    char msg[512];
    bool msg_error;
    bool quit;
};

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
/* Lays the panes out again for the terminal's size and repaints everything
 * (after a resize, or after another program had the terminal). */
void app_resized(struct app *a);
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
/* An article's extraction once it is known (pipeline_extraction: in the
 * index, or attached to the stored index on a warm start), or an empty one
 * while it is not (the load lists articles before their extraction). */
const struct extraction *app_extraction(const struct app *a, size_t article);
/* Where an article's extraction is: landed in the index; known, attached
 * to the stored index, which becomes the index when the load completes
 * (app_extraction gives it, so its highlights and facts show, but its
 * entities have no place in the index yet: app_global is -1 and their
 * other articles wait); or not made yet. */
enum extraction_state { EXTRACTION_LANDED, EXTRACTION_ATTACHED, EXTRACTION_PENDING };
enum extraction_state app_extraction_state(const struct app *a, size_t article);
/* The index's entity for an article's entity `local` (index_global), or
 * -1, as while its extraction is not landed. */
int app_global(const struct app *a, size_t article, size_t local);
/* The same entity's id within the article's own index, landed or
 * attached (pipeline_global): to compare two entities of one article. */
int app_own_global(const struct app *a, size_t article, size_t local);
/* "05 Dec" (or "Dec'19" when not the newest year) for an article. */
void app_short_date(const struct app *a, size_t article, char out[16]);
/* Sets a pane's row count (and its height from its window), and clamps. */
void app_pane_size(struct pane *p, size_t rows);

#endif
