/* prompt: the `/` search line on the status row: edit a PCRE2 pattern,
 * Enter runs it (filter_search), Esc cancels, Up recalls the last one. */
#include "ui/app.h"
#include "ui/draw.h"
#include "ui/style.h"
#include "core/base/utf8.h"

#include <string.h>

static struct buf input, last;
static bool ready;

void prompt_open(struct app *a)
{
    if (!ready) {
        buf_init(&input);
        buf_init(&last);
        ready = true;
    }
    buf_reset(&input);
    app_open_modal(a, &prompt_modal_ops);
}

static void prompt_draw(struct app *a, WINDOW *w)
{
    int width = getmaxx(w);
    draw_fill(w, 0, 0, width, A_NORMAL);
    int x = draw_str(w, 0, 0, "/", width, style_attr(STYLE_PROMPT));
    /* keep the end of a long pattern in view */
    size_t skip = 0;
    int qw = (int)utf8_width(input.data, input.len);
    while (qw > width - x - 1 && skip < input.len) {
        uint32_t cp;
        skip += utf8_decode(input.data + skip, input.len - skip, &cp);
        qw -= utf8_cp_width(cp);
    }
    x += draw_text(w, 0, x, input.data + skip, input.len - skip, width - x - 1, A_NORMAL);
    if (!input.len && width > 40)
        draw_str(w, 0, x + 1, "(PCRE2; lower case = any case; empty clears)", width - x - 2,
                 style_attr(STYLE_DIM));
    wmove(w, 0, x < width ? x : width - 1);
    (void)a;
}

static void prompt_key(struct app *a, int key, enum request r)
{
    (void)r;
    if (key == KEYS_ESC || key == KEYS_CTRL('c') || key == KEYS_CTRL('g')) {
        app_close_modal(a);
    } else if (key == '\r' || key == '\n' || key == KEYS_FN(KEY_ENTER)) {
        app_close_modal(a);
        if (input.len) {
            buf_reset(&last);
            buf_append(&last, input.data, input.len);
        }
        filter_search(a, input.data);
    } else if (key == KEYS_FN(KEY_BACKSPACE) || key == 127 || key == 8) {
        if (!input.len) {
            app_close_modal(a);
            return;
        }
        size_t at = input.len - 1;
        while (at > 0 && ((unsigned char)input.data[at] & 0xC0) == 0x80)
            at--;
        input.len = at;
        input.data[at] = '\0';
    } else if (key == KEYS_CTRL('u')) {
        buf_reset(&input);
    } else if (key == KEYS_FN(KEY_UP)) {
        buf_reset(&input);
        buf_append(&input, last.data, last.len);
    } else if (key >= 0x20 && key < 0x110000 && key != 127) {
        char enc[4];
        buf_append(&input, enc, utf8_encode((uint32_t)key, enc));
    }
    a->dirty |= DIRTY_STATUS;
}

const struct modal_ops prompt_modal_ops = {
    .name = "prompt",
    .draw = prompt_draw,
    .key = prompt_key,
    .click = NULL,
    .wheel = NULL,
    .uses_status_line = true,
};
