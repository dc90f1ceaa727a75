/* theming: the reader's current theme, where themes are looked for, and
 * cycling through them (see theming.h). */
#include "ui/theming.h"
#include "ui/style.h"
#include "startup/stock_theme.h"
#include "startup/theme_dirs.h"
#include "core/config/theme.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>

static struct theme *current, *mono;
static struct startup_theme_dirs dirs;
static bool dirs_ready;

static void init_dirs(void)
{
    if (!dirs_ready)
        startup_theme_dirs_init(&dirs);
    dirs_ready = true;
}

/* The built-in default with every colour taken out: `mono` when no file has it. */
static struct theme *colourless_default(void)
{
    struct theme *t = theme_new_default();
    for (int e = 0; e < THEME_NELEMENTS; e++)
        t->styles[e].fg = t->styles[e].bg = color_default();
    free(t->name);
    t->name = xstrdup("mono");
    return t;
}

/* Loads a theme by name or path; NULL with err when it is missing or bad.
 * *missing tells the two apart (may be NULL). */
static struct theme *load(const char *name, struct buf *warnings, bool *missing,
                          struct tl_error *err)
{
    enum theme_origin origin = THEME_FROM_PATH;
    char *path = theme_find(name, dirs.source, dirs.installed, &origin, err);
    if (missing)
        *missing = !path && origin != THEME_FROM_BUILTIN;
    if (!path && origin != THEME_FROM_BUILTIN)
        return NULL;
    /* the stock default (the usual start) needs no YAML parse */
    struct theme *t = path || !strcmp(name, "default") ? stock_theme_load(path) : NULL;
    if (!t)
        t = path ? theme_load_file(path, NULL, warnings, err)
                 : theme_load_builtin(name, warnings, err);
    free(path);
    return t;
}

/* mono, loaded when first needed: for NO_COLOR, or on a terminal without
 * colours (its attributes stand in for the colours of the current theme). */
static const struct theme *mono_theme(void)
{
    if (!mono) {
        struct tl_error why;
        mono = load("mono", NULL, NULL, &why);
        if (!mono)
            mono = colourless_default();
    }
    return mono;
}

bool theming_open(const char *named, const struct config *cfg, struct buf *warnings,
                  struct tl_error *err)
{
    init_dirs();
    const char *nc = getenv("NO_COLOR");
    bool no_color = nc && *nc, missing;
    const char *name = named ? named : cfg && cfg->theme.value ? cfg->theme.value : NULL;
    struct tl_error why;
    if (!name && no_color) {
        current = theme_copy(mono_theme());
        return true;
    }
    current = load(name ? name : "default", warnings, &missing, &why);
    if (current)
        return true;
    if (!named && name && missing && cfg->path && cfg->theme.line)
        tl_error_at(err, cfg->path, cfg->theme.line, cfg->theme.col, "%s", why.msg);
    else
        *err = why;
    return false;
}

void theming_apply(void)
{
    style_use_theme(current, style_depth() == COLOR_DEPTH_NONE ? mono_theme() : NULL);
}

const char *theming_cycle(struct tl_error *err)
{
    size_t n, i = 0;
    struct theme_entry *e = theme_list_available(dirs.source, dirs.installed, &n);
    while (i < n && strcmp(e[i].name, current->name))
        i++;
    i = i < n ? (i + 1) % n : 0;
    struct theme *t = theme_load_entry(&e[i], NULL, err);
    theme_entries_free(e, n);
    if (!t)
        return NULL;
    theme_free(current);
    current = t;
    theming_apply();
    return current->name;
}

const char *theming_name(void)
{
    return current ? current->name : "default";
}

void theming_close(void)
{
    theme_free(current);
    theme_free(mono);
    current = mono = NULL;
    if (dirs_ready)
        startup_theme_dirs_free(&dirs);
    dirs_ready = false;
}
