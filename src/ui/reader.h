/* reader: the reading pane (reader.c): the open article laid out in rows,
 * its entity marks and styles, the entity cursor and the search cursor. */
#ifndef TOUCHLINE_UI_READER_H
#define TOUCHLINE_UI_READER_H

#include <stdbool.h>
#include <stddef.h>

struct app;
struct view_ops;
extern const struct view_ops reader_view_ops;

/* Where a laid-out row's text comes from. */
enum reader_row_src { ROW_TITLE, ROW_META, ROW_BODY, ROW_BLANK };

struct reader_row {
    unsigned char src;
    size_t start, end; /* bytes of the title, meta line or body */
};

/* An entity mention in the open article, in reading order (title first). */
struct reader_mark {
    size_t start, end;
    bool in_title;
    int local;  /* entity index in the article's extraction */
    int entity; /* global entity index */
};

/* The article open in the reader, laid out for its pane: the metadata
 * line, a style and a mark per byte of title and body, the marks, the two
 * cursors and the rows at the width they were laid out for. */
struct reader_article {
    long article; /* load index, -1 when none */
    char *meta;
    size_t meta_len;
    unsigned char *tstyle, *bstyle; /* style per byte of title and body */
    int *tmark, *bmark;             /* mark per byte, -1 for none */
    struct reader_mark *marks;
    size_t nmarks, mcap;
    long cursor; /* mark under the entity cursor, -1 for none */
    long hit;    /* search hit under the search cursor (index into app hits), -1 for none */
    /* A phrase shown highlighted (a fact opened from the facts panel):
     * bytes [flash_start, flash_end) of the title or body; none when equal. */
    bool flash_title;
    size_t flash_start, flash_end;
    struct reader_row *rows;
    size_t nrows, rcap;
    int width; /* the width rows were laid out for */
    /* Built before the article's extraction was known (no marks): the
     * fold paints them once it is (loading.c). */
    bool bare;
};

/* Opens an article (-1 for none) and lays it out. */
void reader_open(struct app *a, long article);
/* Paints the open article's marks again, keeping its place and the entity
 * cursor on the same name (its extraction became known, or landed, after
 * it was opened); a name whose entity had no place in the index becomes
 * the target once it has one. */
void reader_refresh_marks(struct app *a);
/* Frees what an open article holds and leaves it empty (article -1). */
void reader_article_free(struct reader_article *d);
/* Puts the entity cursor on mark m (-1 removes it) and scrolls to it. */
void reader_set_cursor(struct app *a, long m);
/* When the entity cursor is on a name of an article attached to the
 * stored index (its entity -1: no place in the index until the load
 * completes) and nothing else is the target: says so, and true; the keys
 * that act on the cursor's entity (n/N, m, F, Enter) then do nothing. */
bool reader_cursor_unknown(struct app *a);
/* The mark of an entity at (in_title, start), or -1. */
long reader_find_mark(const struct app *a, int entity, bool in_title, size_t start);
/* Puts the search cursor on hit h and scrolls to it. */
void reader_set_hit(struct app *a, long h);
/* Scrolls so that (in_title, offset) is visible. */
void reader_show(struct app *a, bool in_title, size_t offset);
/* Opens an article at a phrase of its body, bytes [start, end): selects it
 * in the list (clearing the filters when they hide it), focuses the
 * reader, scrolls to the sentence holding the phrase and highlights the
 * phrase until another article is opened or Esc. */
void reader_open_at(struct app *a, size_t article, size_t start, size_t end);
/* The same for a phrase of the title (in_title) or of the body. */
void reader_open_span(struct app *a, size_t article, bool in_title, size_t start, size_t end);

#endif
