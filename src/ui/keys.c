/* keys: bindings from key codes to requests, filled from the REQUESTS table (see keys.h). */
#include "ui/curses_compat.h"
#include "ui/keys.h"
#include "core/config/config.h"
#include "core/base/utf8.h"
#include "core/base/xalloc.h"

#include <stdio.h>
#include <string.h>

struct binding {
    int key;
    enum request req;
};

static struct binding *bindings;
static size_t nbindings, bcap;
static bool ready;

static const char *const req_names[REQ_COUNT] = {"none",
#define REQ_NAME(id, name, help, k1, k2, k3) name,
                                                 REQUESTS(REQ_NAME)
#undef REQ_NAME
};

static const char *const req_help[REQ_COUNT] = {"",
#define REQ_HELP(id, name, help, k1, k2, k3) help,
                                                REQUESTS(REQ_HELP)
#undef REQ_HELP
};

static void add(int key, enum request r)
{
    if (!key)
        return;
    keys_unbind(key);
    bindings = xgrow(bindings, &bcap, nbindings + 1, sizeof *bindings);
    bindings[nbindings++] = (struct binding){key, r};
}

static size_t ui_codes(int code, int out[3]);

/* A request's default keys (config notation) under their curses codes: each
 * key's own code in table order, then the variants (Enter's keypad twin). */
static void add_defaults(enum request r, int k1, int k2, int k3)
{
    int codes[3] = {k1, k2, k3}, out[3][3];
    size_t n[3];
    for (int i = 0; i < 3; i++)
        n[i] = codes[i] ? ui_codes(codes[i], out[i]) : 0;
    for (int i = 0; i < 3; i++)
        if (n[i])
            add(out[i][0], r);
    for (int i = 0; i < 3; i++)
        for (size_t j = 1; j < n[i]; j++)
            add(out[i][j], r);
}

void keys_init(void)
{
    if (ready)
        return;
    ready = true;
#define REQ_BIND(id, name, help, k1, k2, k3) add_defaults(REQ_##id, k1, k2, k3);
    REQUESTS(REQ_BIND)
#undef REQ_BIND
}

enum request keys_lookup(int key)
{
    keys_init();
    for (size_t i = 0; i < nbindings; i++)
        if (bindings[i].key == key)
            return bindings[i].req;
    return REQ_NONE;
}

bool keys_bind(const char *name, int key)
{
    keys_init();
    for (int r = 1; r < REQ_COUNT; r++) {
        if (!strcmp(req_names[r], name)) {
            add(key, (enum request)r);
            return true;
        }
    }
    return false;
}

void keys_unbind(int key)
{
    for (size_t i = 0; i < nbindings; i++) {
        if (bindings[i].key == key) {
            memmove(&bindings[i], &bindings[i + 1], (nbindings - i - 1) * sizeof *bindings);
            nbindings--;
            return;
        }
    }
}

/* The curses codes (up to 3) that a config key code stands for. */
static size_t ui_codes(int code, int out[3])
{
    static const struct {
        int config, curses;
    } special[] = {
        {KEYCODE_UP, KEY_UP},       {KEYCODE_DOWN, KEY_DOWN},    {KEYCODE_LEFT, KEY_LEFT},
        {KEYCODE_RIGHT, KEY_RIGHT}, {KEYCODE_HOME, KEY_HOME},    {KEYCODE_END, KEY_END},
        {KEYCODE_PGUP, KEY_PPAGE},  {KEYCODE_PGDN, KEY_NPAGE},   {KEYCODE_INSERT, KEY_IC},
        {KEYCODE_DELETE, KEY_DC},   {KEYCODE_BACKTAB, KEY_BTAB},
    };
    if (code == KEYCODE_ENTER) {
        out[0] = '\r';
        out[1] = KEYS_FN(KEY_ENTER);
        return 2;
    }
    if (code == KEYCODE_BACKSPACE) {
        out[0] = KEYCODE_BACKSPACE;
        out[1] = KEYS_FN(KEY_BACKSPACE);
        return 2;
    }
    if (code >= KEYCODE_F1 && code <= KEYCODE_F24) {
        out[0] = KEYS_FN(KEY_F(code - KEYCODE_F1 + 1));
        return 1;
    }
    for (size_t i = 0; i < sizeof special / sizeof *special; i++)
        if (special[i].config == code) {
            out[0] = KEYS_FN(special[i].curses);
            return 1;
        }
    out[0] = code;
    return code < KEYCODE_SPECIAL ? 1 : 0;
}

int keys_from_notation(const char *s)
{
    int code, out[3];
    if (!config_parse_key(s, &code, NULL) || ui_codes(code, out) == 0)
        return -1;
    return out[0];
}

void keys_apply_config(const struct config *cfg)
{
    keys_init();
    for (size_t i = 0; i < cfg->nbindings; i++) {
        const struct config_binding *b = &cfg->bindings[i];
        int r = 1;
        while (r < REQ_COUNT && strcmp(req_names[r], b->request))
            r++;
        if (r == REQ_COUNT)
            continue;
        for (size_t j = 0; j < nbindings;)
            if (bindings[j].req == (enum request)r)
                keys_unbind(bindings[j].key);
            else
                j++;
    }
    for (size_t i = 0; i < cfg->nbindings; i++) {
        const struct config_binding *b = &cfg->bindings[i];
        for (size_t k = 0; k < b->nkeys; k++) {
            int codes[3];
            size_t n = ui_codes(b->keys[k].code, codes);
            for (size_t c = 0; c < n; c++)
                keys_bind(b->request, codes[c]);
        }
    }
}

size_t keys_of(enum request r, int *out, size_t max)
{
    keys_init();
    size_t n = 0;
    for (size_t i = 0; i < nbindings && n < max; i++)
        if (bindings[i].req == r)
            out[n++] = bindings[i].key;
    return n;
}

const char *keys_request_name(enum request r)
{
    return r < REQ_COUNT ? req_names[r] : "?";
}

const char *keys_request_help(enum request r)
{
    return r < REQ_COUNT ? req_help[r] : "";
}

static const struct {
    int key;
    const char *name;
} named[] = {
    {'\r', "Enter"},
    {'\n', "C-j"},
    {'\t', "Tab"},
    {' ', "Space"},
    {KEYS_ESC, "Esc"},
    {KEYS_FN(KEY_ENTER), "KpEnter"},
    {KEYS_FN(KEY_DOWN), "Down"},
    {KEYS_FN(KEY_UP), "Up"},
    {KEYS_FN(KEY_LEFT), "Left"},
    {KEYS_FN(KEY_RIGHT), "Right"},
    {KEYS_FN(KEY_NPAGE), "PgDn"},
    {KEYS_FN(KEY_PPAGE), "PgUp"},
    {KEYS_FN(KEY_HOME), "Home"},
    {KEYS_FN(KEY_END), "End"},
    {KEYS_FN(KEY_BTAB), "S-Tab"},
    {KEYS_FN(KEY_BACKSPACE), "Backspace"},
    {127, "Backspace"},
};

const char *keys_name(int key, char *buf, size_t size)
{
    for (size_t i = 0; i < sizeof named / sizeof *named; i++)
        if (named[i].key == key)
            return snprintf(buf, size, "%s", named[i].name), buf;
    if (key >= KEYS_FN(KEY_F(1)) && key <= KEYS_FN(KEY_F(63)))
        snprintf(buf, size, "F%d", key - KEYS_FN(KEY_F(0)));
    else if (key > 0 && key < 32)
        snprintf(buf, size, "C-%c", key + 'a' - 1);
    else if (key >= 0x110000)
        snprintf(buf, size, "<%d>", key - 0x110000);
    else {
        char enc[5] = {0};
        utf8_encode((uint32_t)key, enc);
        snprintf(buf, size, "%s", enc);
    }
    return buf;
}

enum line_edit_op keys_edit_op(int key)
{
    static const struct {
        int key;
        enum line_edit_op op;
    } ops[] = {
        {KEYS_FN(KEY_LEFT), LINE_EDIT_LEFT},
        {KEYS_FN(KEY_RIGHT), LINE_EDIT_RIGHT},
        {KEYS_FN(KEY_HOME), LINE_EDIT_HOME},
        {KEYS_CTRL('a'), LINE_EDIT_HOME},
        {KEYS_FN(KEY_END), LINE_EDIT_END},
        {KEYS_CTRL('e'), LINE_EDIT_END},
        {KEYS_FN(KEY_BACKSPACE), LINE_EDIT_BACKSPACE},
        {127, LINE_EDIT_BACKSPACE},
        {KEYS_CTRL('h'), LINE_EDIT_BACKSPACE},
        {KEYS_FN(KEY_DC), LINE_EDIT_DELETE},
        {KEYS_CTRL('w'), LINE_EDIT_KILL_WORD},
        {KEYS_CTRL('u'), LINE_EDIT_KILL_START},
        {KEYS_FN(KEY_UP), LINE_EDIT_OLDER},
        {KEYS_FN(KEY_DOWN), LINE_EDIT_NEWER},
    };
    for (size_t i = 0; i < sizeof ops / sizeof *ops; i++)
        if (ops[i].key == key)
            return ops[i].op;
    return LINE_EDIT_NONE;
}

bool keys_printable(int key)
{
    return key >= 0x20 && key < 0x110000 && key != 127;
}
