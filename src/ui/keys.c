/* keys: bindings from key codes to requests, filled from the REQUESTS table (see keys.h). */
#include "curses_compat.h"
#include "keys.h"
#include "../core/utf8.h"
#include "../core/xalloc.h"

#include <stdio.h>
#include <string.h>

struct binding {
    int key;
    enum request req;
};

static struct binding *bindings;
static size_t nbindings, bcap;
static bool ready;

static const char *const req_names[REQ_COUNT] = {
    "none",
#define REQ_NAME(id, name, help, k1, k2, k3) name,
    REQUESTS(REQ_NAME)
#undef REQ_NAME
};

static const char *const req_help[REQ_COUNT] = {
    "",
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

void keys_init(void)
{
    if (ready)
        return;
    ready = true;
#define REQ_BIND(id, name, help, k1, k2, k3)                                                 \
    add(k1, REQ_##id);                                                                       \
    add(k2, REQ_##id);                                                                       \
    add(k3, REQ_##id);
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
    {'\r', "Enter"}, {'\n', "C-j"}, {'\t', "Tab"}, {' ', "Space"}, {KEYS_ESC, "Esc"},
    {KEYS_FN(KEY_ENTER), "KpEnter"}, {KEYS_FN(KEY_DOWN), "Down"}, {KEYS_FN(KEY_UP), "Up"},
    {KEYS_FN(KEY_LEFT), "Left"}, {KEYS_FN(KEY_RIGHT), "Right"}, {KEYS_FN(KEY_NPAGE), "PgDn"},
    {KEYS_FN(KEY_PPAGE), "PgUp"}, {KEYS_FN(KEY_HOME), "Home"}, {KEYS_FN(KEY_END), "End"},
    {KEYS_FN(KEY_BTAB), "S-Tab"}, {KEYS_FN(KEY_BACKSPACE), "Backspace"}, {127, "Backspace"},
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
