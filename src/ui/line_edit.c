/* line_edit: a UTF-8 line with a cursor, readline moves and kills, and a
 * history (see line_edit.h). */
#include "ui/line_edit.h"
#include "core/base/utf8.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>

void line_edit_init(struct line_edit *e)
{
    memset(e, 0, sizeof *e);
    buf_init(&e->text);
    buf_init(&e->draft);
}

void line_edit_free(struct line_edit *e)
{
    buf_free(&e->text);
    buf_free(&e->draft);
    for (size_t i = 0; i < e->nhistory; i++)
        free(e->history[i]);
    memset(e, 0, sizeof *e);
}

void line_edit_set(struct line_edit *e, const char *s, size_t len)
{
    buf_reset(&e->text);
    buf_append(&e->text, s, len);
    e->cursor = e->text.len;
}

void line_edit_clear(struct line_edit *e)
{
    line_edit_set(e, "", 0);
    buf_reset(&e->draft);
    e->walk = e->nhistory;
}

static bool continuation(const struct line_edit *e, size_t at)
{
    return at < e->text.len && ((unsigned char)e->text.data[at] & 0xC0) == 0x80;
}

/* The start of the character before byte `at`. */
static size_t prev_char(const struct line_edit *e, size_t at)
{
    if (!at)
        return 0;
    size_t b = at - 1;
    while (b > 0 && at - b < 4 && continuation(e, b))
        b--;
    uint32_t cp;
    return b + utf8_decode(e->text.data + b, e->text.len - b, &cp) == at ? b : at - 1;
}

/* The byte after the character at `at`. */
static size_t next_char(const struct line_edit *e, size_t at)
{
    if (at >= e->text.len)
        return e->text.len;
    uint32_t cp;
    return at + utf8_decode(e->text.data + at, e->text.len - at, &cp);
}

/* Removes bytes [from, to) and leaves the cursor at `from`. */
static bool cut(struct line_edit *e, size_t from, size_t to)
{
    if (from >= to)
        return false;
    memmove(e->text.data + from, e->text.data + to, e->text.len - to + 1);
    e->text.len -= to - from;
    e->cursor = from;
    return true;
}

bool line_edit_insert(struct line_edit *e, uint32_t cp)
{
    if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF))
        return false;
    char enc[4];
    size_t n = utf8_encode(cp, enc), tail = e->text.len - e->cursor;
    buf_reserve(&e->text, n);
    memmove(e->text.data + e->cursor + n, e->text.data + e->cursor, tail + 1);
    memcpy(e->text.data + e->cursor, enc, n);
    e->text.len += n;
    e->cursor += n;
    return true;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t';
}

/* C-w: the spaces before the cursor, then the word before them. */
static bool kill_word(struct line_edit *e)
{
    size_t at = e->cursor;
    while (at > 0 && is_space(e->text.data[at - 1]))
        at--;
    while (at > 0 && !is_space(e->text.data[at - 1]))
        at--;
    return cut(e, at, e->cursor);
}

/* Shows history line `to` (nhistory: the draft). */
static bool walk_to(struct line_edit *e, size_t to)
{
    if (to == e->walk || to > e->nhistory)
        return false;
    if (e->walk == e->nhistory) { /* leaving the new line: keep it */
        buf_reset(&e->draft);
        buf_append(&e->draft, e->text.data, e->text.len);
    }
    e->walk = to;
    if (to == e->nhistory)
        line_edit_set(e, e->draft.data ? e->draft.data : "", e->draft.len);
    else
        line_edit_set(e, e->history[to], strlen(e->history[to]));
    return true;
}

bool line_edit_apply(struct line_edit *e, enum line_edit_op op)
{
    size_t old = e->cursor;
    switch (op) {
    case LINE_EDIT_LEFT:
        e->cursor = prev_char(e, e->cursor);
        return e->cursor != old;
    case LINE_EDIT_RIGHT:
        e->cursor = next_char(e, e->cursor);
        return e->cursor != old;
    case LINE_EDIT_HOME:
        e->cursor = 0;
        return e->cursor != old;
    case LINE_EDIT_END:
        e->cursor = e->text.len;
        return e->cursor != old;
    case LINE_EDIT_BACKSPACE:
        return cut(e, prev_char(e, e->cursor), e->cursor);
    case LINE_EDIT_DELETE:
        return cut(e, e->cursor, next_char(e, e->cursor));
    case LINE_EDIT_KILL_WORD:
        return kill_word(e);
    case LINE_EDIT_KILL_START:
        return cut(e, 0, e->cursor);
    case LINE_EDIT_OLDER:
        return e->walk > 0 && walk_to(e, e->walk - 1);
    case LINE_EDIT_NEWER:
        return walk_to(e, e->walk + 1);
    default:
        return false;
    }
}

bool line_edit_op_edits(enum line_edit_op op)
{
    return op == LINE_EDIT_BACKSPACE || op == LINE_EDIT_DELETE || op == LINE_EDIT_KILL_WORD ||
           op == LINE_EDIT_KILL_START || op == LINE_EDIT_OLDER || op == LINE_EDIT_NEWER;
}

void line_edit_move_to(struct line_edit *e, size_t at)
{
    if (at > e->text.len)
        at = e->text.len;
    while (at > 0 && continuation(e, at))
        at--;
    e->cursor = at;
}

void line_edit_remember(struct line_edit *e)
{
    const char *t = e->text.data ? e->text.data : "";
    bool same = e->nhistory && !strcmp(e->history[e->nhistory - 1], t);
    if (*t && !same) {
        if (e->nhistory == LINE_EDIT_HISTORY) {
            free(e->history[0]);
            memmove(e->history, e->history + 1, (LINE_EDIT_HISTORY - 1) * sizeof *e->history);
            e->nhistory--;
        }
        e->history[e->nhistory++] = xstrdup(t);
    }
    e->walk = e->nhistory;
    buf_reset(&e->draft);
}

size_t line_edit_cursor_cols(const struct line_edit *e)
{
    return e->cursor ? utf8_width(e->text.data, e->cursor) : 0;
}

size_t line_edit_view_start(const struct line_edit *e, size_t cols)
{
    size_t start = 0, w = line_edit_cursor_cols(e);
    while (start < e->cursor && w + 1 > cols) {
        uint32_t cp;
        size_t n = utf8_decode(e->text.data + start, e->text.len - start, &cp);
        size_t cw = utf8_width(e->text.data + start, n);
        w = w > cw ? w - cw : 0;
        start += n;
    }
    return start;
}
