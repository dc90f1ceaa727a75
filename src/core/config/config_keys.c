/* config_keys: the key notation of config files (`n`, `<C-d>`, `<PgDn>`) and
 * the checks on key bindings (known request names, no key bound twice). */
#include "core/config/config.h"
#include "core/base/suggest.h"
#include "core/base/utf8.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct key_name {
    const char *name;
    int code;
};

/* The first name of each code is the one config_format_key writes. */
static const struct key_name key_names[] = {
    {"Enter", KEYCODE_ENTER},
    {"CR", KEYCODE_ENTER},
    {"Return", KEYCODE_ENTER},
    {"Tab", KEYCODE_TAB},
    {"S-Tab", KEYCODE_BACKTAB},
    {"BackTab", KEYCODE_BACKTAB},
    {"Esc", KEYCODE_ESC},
    {"Escape", KEYCODE_ESC},
    {"Space", KEYCODE_SPACE},
    {"BS", KEYCODE_BACKSPACE},
    {"Backspace", KEYCODE_BACKSPACE},
    {"Up", KEYCODE_UP},
    {"Down", KEYCODE_DOWN},
    {"Left", KEYCODE_LEFT},
    {"Right", KEYCODE_RIGHT},
    {"Home", KEYCODE_HOME},
    {"End", KEYCODE_END},
    {"PgUp", KEYCODE_PGUP},
    {"PageUp", KEYCODE_PGUP},
    {"PgDn", KEYCODE_PGDN},
    {"PageDown", KEYCODE_PGDN},
    {"Ins", KEYCODE_INSERT},
    {"Insert", KEYCODE_INSERT},
    {"Del", KEYCODE_DELETE},
    {"Delete", KEYCODE_DELETE},
    {"lt", '<'},
};
#define NKEY_NAMES (sizeof key_names / sizeof *key_names)

static bool bad_key(struct buf *why, const char *s, const char *what)
{
    if (why)
        buf_printf(why,
                   "%s '%s'; expected one character or a key name in <>, such as <C-d>, "
                   "<Enter>, <Tab>, <Up>, <PgDn>, <Space>, <Esc> or <F1>",
                   what, s);
    return false;
}

/* The inside of <...>, n bytes at s. */
static bool parse_name(const char *s, size_t n, int *code)
{
    if (n == 3 && (s[0] == 'C' || s[0] == 'c') && s[1] == '-') {
        char c = s[2];
        if (c >= 'a' && c <= 'z')
            c = (char)(c - 'a' + 'A');
        if (c >= '@' && c <= '_' && c != '@') {
            *code = c & 0x1f;
            return true;
        }
        return false;
    }
    if ((s[0] == 'F' || s[0] == 'f') && n >= 2 && n <= 3) {
        int f = 0;
        for (size_t i = 1; i < n; i++) {
            if (s[i] < '0' || s[i] > '9')
                return false;
            f = f * 10 + (s[i] - '0');
        }
        if (f < 1 || f > 24)
            return false;
        *code = KEYCODE_F1 + f - 1;
        return true;
    }
    for (size_t i = 0; i < NKEY_NAMES; i++)
        if (strlen(key_names[i].name) == n && !strncasecmp(key_names[i].name, s, n)) {
            *code = key_names[i].code;
            return true;
        }
    return false;
}

bool config_parse_key(const char *s, int *code, struct buf *why)
{
    size_t len = strlen(s);
    if (!len)
        return bad_key(why, s, "empty key");
    uint32_t cp;
    size_t used = utf8_decode(s, len, &cp);
    if (used == len) {
        if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp < 0xa0))
            return bad_key(why, s, "a control character as a key");
        *code = (int)cp;
        return true;
    }
    if (s[0] == '<' && s[len - 1] == '>' && len > 2) {
        if (parse_name(s + 1, len - 2, code))
            return true;
        return bad_key(why, s, "unknown key name");
    }
    return bad_key(why, s, "not a single key");
}

void config_format_key(int code, struct buf *out)
{
    for (size_t i = 0; i < NKEY_NAMES; i++)
        if (key_names[i].code == code && code != '<') {
            buf_printf(out, "<%s>", key_names[i].name);
            return;
        }
    if (code >= KEYCODE_F1 && code <= KEYCODE_F24) {
        buf_printf(out, "<F%d>", code - KEYCODE_F1 + 1);
    } else if (code >= 0 && code < 0x20) {
        buf_printf(out, "<C-%c>", (char)(code + (code >= 1 && code <= 26 ? 'a' - 1 : '@')));
    } else if (code > 0 && code < KEYCODE_SPECIAL) {
        char enc[4];
        buf_append(out, enc, utf8_encode((uint32_t)code, enc));
    } else {
        buf_printf(out, "<key %d>", code);
    }
}

static bool request_known(const char *request, const char *const *names, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(request, names[i]))
            return true;
    return false;
}

static bool unknown_request(const struct config *cfg, const struct config_binding *b,
                            const char *const *names, size_t n, struct tl_error *err)
{
    const char *path = cfg->path ? cfg->path : "config";
    const char *near = suggest_nearest(b->request, names, n);
    if (near)
        return tl_error_at(err, path, b->line, b->col, "unknown request '%s'; did you mean '%s'?",
                           b->request, near);
    return tl_error_at(err, path, b->line, b->col,
                       "unknown request '%s'; expected a request name as listed on the help "
                       "screen (?)",
                       b->request);
}

struct key_use {
    int code;
    const struct config_binding *b;
    const struct config_key *k;
};

static int compare_uses(const void *pa, const void *pb)
{
    const struct key_use *a = pa, *b = pb;
    if (a->code != b->code)
        return a->code < b->code ? -1 : 1;
    if (a->k->line != b->k->line)
        return a->k->line < b->k->line ? -1 : 1;
    return a->k->col < b->k->col ? -1 : a->k->col > b->k->col;
}

bool config_validate_keys(const struct config *cfg, const char *const *request_names, size_t n,
                          struct tl_error *err)
{
    size_t nuses = 0;
    for (size_t i = 0; i < cfg->nbindings; i++) {
        if (request_names && !request_known(cfg->bindings[i].request, request_names, n))
            return unknown_request(cfg, &cfg->bindings[i], request_names, n, err);
        nuses += cfg->bindings[i].nkeys;
    }
    /* Sorted by code then position, a key bound twice is two neighbours. */
    struct key_use *uses = xcalloc(nuses ? nuses : 1, sizeof *uses);
    size_t u = 0;
    for (size_t i = 0; i < cfg->nbindings; i++)
        for (size_t j = 0; j < cfg->bindings[i].nkeys; j++)
            uses[u++] = (struct key_use){cfg->bindings[i].keys[j].code, &cfg->bindings[i],
                                         &cfg->bindings[i].keys[j]};
    qsort(uses, nuses, sizeof *uses, compare_uses);
    const struct key_use *first = NULL, *again = NULL;
    for (size_t i = 1; i < nuses; i++) {
        if (uses[i].code != uses[i - 1].code)
            continue;
        if (!again || compare_uses(&(struct key_use){0, NULL, uses[i].k},
                                   &(struct key_use){0, NULL, again->k}) < 0) {
            again = &uses[i];
            first = &uses[i - 1];
        }
    }
    bool ok = true;
    if (again) {
        struct buf key;
        buf_init(&key);
        config_format_key(again->code, &key);
        const char *path = cfg->path ? cfg->path : "config";
        if (again->b == first->b)
            ok = tl_error_at(err, path, again->k->line, again->k->col,
                             "key '%s' is listed twice for '%s' (first at line %u); expected "
                             "each key once",
                             key.data, again->b->request, first->k->line);
        else
            ok = tl_error_at(err, path, again->k->line, again->k->col,
                             "key '%s' is bound twice: to '%s' (line %u) and to '%s'; expected "
                             "each key to do one thing",
                             key.data, first->b->request, first->k->line, again->b->request);
        buf_free(&key);
    }
    free(uses);
    return ok;
}
