/* draw: width-aware text drawing, styled lines and word wrap (see draw.h). */
#include "ui/draw.h"
#include "core/base/utf8.h"
#include "core/base/xalloc.h"
#include "core/load/sanitize.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

/* Puts n printable ASCII characters at the cursor in attributes `attr`
 * and moves the cursor past them: one waddchnstr for the run rather than
 * one wadd_wch per character. waddchnstr stores the cells as they are, so
 * they are made as curses would render those characters added in `attr`:
 * the attributes of the window's background and attr's, attr's colour
 * pair when it has one, else the background's. Unlike waddnwstr it does
 * not blank the other half of a wide character it overwrites: every view
 * erases its window and draws it left to right, so none lies underneath. */
static void put_ascii(WINDOW *w, const char *s, size_t n, attr_t attr)
{
    chtype cells[128];
    attr_t a = style_over((attr_t)(getbkgd(w) & A_ATTRIBUTES), attr);
    int y = getcury(w), x = getcurx(w);
    while (n) {
        size_t k = n < sizeof cells / sizeof *cells ? n : sizeof cells / sizeof *cells;
        for (size_t i = 0; i < k; i++)
            cells[i] = (chtype)(unsigned char)s[i] | a;
        waddchnstr(w, cells, (int)k);
        x += (int)k;
        wmove(w, y, x);
        s += k;
        n -= k;
    }
}

static bool printable_ascii(char c)
{
    return c >= 0x20 && c < 0x7f;
}

/* Draws printable text that is known to fit; converts to wide characters
 * ourselves so the C library's locale never decides how bytes decode. Runs
 * of ASCII, one column a character, go the cheaper way of put_ascii. */
static void put_fitting(WINDOW *w, const char *s, size_t len, attr_t attr)
{
    wchar_t wbuf[256];
    size_t n = 0;
    for (size_t i = 0; i < len;) {
        if (printable_ascii(s[i])) {
            size_t run = i;
            while (run < len && printable_ascii(s[run]))
                run++;
            if (n) {
                waddnwstr(w, wbuf, (int)n);
                n = 0;
            }
            put_ascii(w, s + i, run - i, attr);
            i = run;
            continue;
        }
        uint32_t cp;
        i += utf8_decode(s + i, len - i, &cp);
        wbuf[n++] = (wchar_t)cp;
        if (n == sizeof wbuf / sizeof *wbuf) {
            waddnwstr(w, wbuf, (int)n);
            n = 0;
        }
    }
    if (n)
        waddnwstr(w, wbuf, (int)n);
}

/* utf8_prefix_fitting, with text that is printable ASCII (one column a
 * byte) as far as it fits measured here without decoding. */
static size_t prefix_fitting(const char *s, size_t len, size_t cols, size_t *fit_cols)
{
    size_t n = 0;
    while (n < len && n < cols && printable_ascii(s[n]))
        n++;
    /* all of it, or a full row with a character of one column next */
    if (n == len || (n == cols && printable_ascii(s[n]))) {
        *fit_cols = n;
        return n;
    }
    return utf8_prefix_fitting(s, len, cols, fit_cols);
}

int draw_text(WINDOW *w, int y, int x, const char *s, size_t len, int cols, attr_t attr)
{
    if (cols <= 0 || y < 0 || x < 0 || y >= getmaxy(w) || x >= getmaxx(w))
        return 0;
    if (x + cols > getmaxx(w))
        cols = getmaxx(w) - x;
    wattrset(w, attr);
    wmove(w, y, x);
    int used = 0;
    size_t i = 0;
    while (i < len && used < cols) {
        if ((unsigned char)s[i] < 0x20) { /* newline, tab: one space */
            waddch(w, ' ');
            used++;
            i++;
            continue;
        }
        size_t run = i;
        while (run < len && (unsigned char)s[run] >= 0x20)
            run++;
        size_t fit_cols;
        size_t n = prefix_fitting(s + i, run - i, (size_t)(cols - used), &fit_cols);
        if (n)
            put_fitting(w, s + i, n, attr);
        used += (int)fit_cols;
        i += n;
        if (i < run) /* the next character does not fit */
            break;
    }
    wattrset(w, A_NORMAL);
    return used;
}

int draw_str(WINDOW *w, int y, int x, const char *s, int cols, attr_t attr)
{
    return draw_text(w, y, x, s, strlen(s), cols, attr);
}

void draw_sanitize(const char *s, size_t len, struct buf *out)
{
    size_t from = out->len;
    sanitize_text(s, len, out, NULL);
    for (size_t i = from; i < out->len; i++)
        if (out->data[i] == '\n')
            out->data[i] = ' ';
}

void draw_fill(WINDOW *w, int y, int x, int cols, attr_t attr)
{
    if (y < 0 || y >= getmaxy(w) || x < 0 || x >= getmaxx(w))
        return;
    if (x + cols > getmaxx(w))
        cols = getmaxx(w) - x;
    wattrset(w, attr);
    mvwhline(w, y, x, ' ', cols); /* a blank rendered once and copied, not added cols times */
    wattrset(w, A_NORMAL);
}

void draw_titlebar(WINDOW *w, int y, int width, const char *left, const char *right, bool focused)
{
    attr_t a = style_attr(focused ? STYLE_TITLE_FOCUS : STYLE_TITLE);
    draw_fill(w, y, 0, width, a);
    int used = 1 + draw_str(w, y, 1, left, width - 2, a);
    if (right && *right) {
        int rw = (int)utf8_width(right, strlen(right));
        if (used + 2 + rw < width)
            draw_str(w, y, width - rw - 1, right, rw, a);
    }
}

void sline_init(struct sline *l)
{
    buf_init(&l->text);
    l->styles = NULL;
    l->scap = 0;
    l->indent = 0;
}

void sline_free(struct sline *l)
{
    buf_free(&l->text);
    free(l->styles);
    l->styles = NULL;
    l->scap = 0;
}

void sline_reset(struct sline *l)
{
    buf_reset(&l->text);
    l->indent = 0;
}

void sline_add(struct sline *l, const char *s, size_t len, enum style_elem st)
{
    size_t at = l->text.len;
    buf_append(&l->text, s, len);
    l->styles = xgrow(l->styles, &l->scap, l->text.len + 1, 1);
    memset(l->styles + at, (int)st, len);
}

void sline_puts(struct sline *l, const char *s, enum style_elem st)
{
    sline_add(l, s, strlen(s), st);
}

void sline_printf(struct sline *l, enum style_elem st, const char *fmt, ...)
{
    struct buf b;
    buf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    sline_add(l, b.data, b.len, st);
    buf_free(&b);
}

int sline_draw(WINDOW *w, int y, int x, const struct sline *l, size_t start, size_t end, int cols,
               attr_t base)
{
    int used = 0;
    for (size_t i = start; i < end && used < cols;) {
        size_t j = i;
        while (j < end && l->styles[j] == l->styles[i])
            j++;
        attr_t a = style_over(style_attr((enum style_elem)l->styles[i]), base);
        int n = draw_text(w, y, x + used, l->text.data + i, j - i, cols - used, a);
        used += n;
        if (n < (int)utf8_width(l->text.data + i, j - i))
            break;
        i = j;
    }
    return used;
}

static bool is_space(char c)
{
    return c == ' ' || c == '\n';
}

void draw_wrap(const char *text, size_t start, size_t end, int width, bool hard_newlines,
               void (*emit)(void *ctx, size_t s, size_t e), void *ctx)
{
    if (width < 1)
        width = 1;
    size_t pos = start;
    while (pos < end) {
        while (pos < end && text[pos] == ' ')
            pos++;
        if (pos < end && text[pos] == '\n' && !hard_newlines) {
            pos++;
            continue;
        }
        if (pos >= end)
            break;
        size_t row = pos, i = pos, last_space = 0;
        int cols = 0;
        bool newline = false;
        while (i < end) {
            if (text[i] == '\n' && hard_newlines) {
                newline = true;
                break;
            }
            size_t n = 1;
            int cw = 1; /* printable ASCII, most text: not decoded */
            if (!printable_ascii(text[i])) {
                uint32_t cp;
                n = utf8_decode(text + i, end - i, &cp);
                cw = cp == '\n' ? 1 : utf8_cp_width(cp);
            }
            if (cols + cw > width)
                break;
            if (is_space(text[i]))
                last_space = i;
            cols += cw;
            i += n;
        }
        size_t e;
        if (i >= end || newline || is_space(text[i]))
            e = i;
        else if (last_space > row)
            e = last_space;
        else if (i > row)
            e = i; /* a word longer than the row: cut at a character boundary */
        else {     /* not even one character fits */
            uint32_t cp;
            e = i + utf8_decode(text + i, end - i, &cp);
        }
        size_t trimmed = e;
        while (trimmed > row && is_space(text[trimmed - 1]))
            trimmed--;
        emit(ctx, row, trimmed);
        pos = newline ? e + 1 : e;
    }
}

int draw_edit_line(WINDOW *w, int y, int x, int cols, const struct line_edit *e, bool cursor_cell,
                   int *end_x)
{
    const char *t = e->text.data;
    size_t len = e->text.len, at = e->cursor;
    size_t start = line_edit_view_start(e, cols > 0 ? (size_t)cols : 0);
    int cx = x + draw_text(w, y, x, t + start, at - start, cols, A_NORMAL), end = cx;
    int left = cols - (cx - x);
    if (left > 0 && cursor_cell) {
        uint32_t cp;
        size_t n = at < len ? utf8_decode(t + at, len - at, &cp) : 0;
        int used = n ? draw_text(w, y, cx, t + at, n, left, A_REVERSE) : 0;
        if (!used)
            used = draw_text(w, y, cx, " ", 1, left, A_REVERSE);
        at += n;
        left -= used;
        end += used;
    }
    if (left > 0)
        end += draw_text(w, y, end, t + at, len - at, left, A_NORMAL);
    if (end_x)
        *end_x = end;
    return cx;
}
