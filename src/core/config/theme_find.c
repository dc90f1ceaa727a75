/* theme_find: finding themes by name in the user's, the source tree's and the
 * installed theme directories, then among the built-in ones (embedded in the
 * binary), and listing what is available. */
#include "core/config/config.h"
#include "core/base/suggest.h"
#include "core/config/theme.h"
#include "core/config/theme_builtin.h"
#include "core/base/xalloc.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

bool theme_user_dir(struct buf *out)
{
    if (!config_user_dir(out))
        return false;
    buf_puts(out, "/themes");
    return true;
}

const char *theme_origin_name(enum theme_origin origin)
{
    switch (origin) {
    case THEME_FROM_BUILTIN:
        return "built-in";
    case THEME_FROM_USER:
        return "user";
    case THEME_FROM_SOURCE:
        return "source tree";
    case THEME_FROM_INSTALLED:
        return "installed";
    default:
        return "path";
    }
}

static bool is_file(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && !strcmp(s + n - m, suffix);
}

const struct theme_builtin_file *theme_builtin_find(const char *name)
{
    size_t n = strlen(name);
    for (const struct theme_builtin_file *f = theme_builtin_files; f->name; f++)
        if (!strncmp(f->name, name, n) && !strcmp(f->name + n, ".yaml"))
            return f;
    return NULL;
}

static bool is_builtin(const char *name)
{
    return theme_builtin_find(name) || !strcmp(name, "default");
}

struct theme *theme_load_builtin(const char *name, struct buf *warnings, struct tl_error *err)
{
    const struct theme_builtin_file *f = theme_builtin_find(name);
    if (!f && !strcmp(name, "default"))
        return theme_new_default();
    if (!f) {
        tl_error_set(err, "no built-in theme '%s'", name);
        return NULL;
    }
    struct buf path;
    buf_init(&path);
    buf_printf(&path, "built-in/%s", f->name);
    struct theme *t = theme_load_text(path.data, f->text, f->len, NULL, warnings, err);
    buf_free(&path);
    if (t) { /* nothing on disk to point at */
        free(t->path);
        t->path = NULL;
    }
    return t;
}

struct theme *theme_load_entry(const struct theme_entry *e, struct buf *warnings,
                               struct tl_error *err)
{
    return e->path ? theme_load_file(e->path, NULL, warnings, err)
                   : theme_load_builtin(e->name, warnings, err);
}

/* The directories searched, in order; absent ones are NULL. */
struct search_dirs {
    struct buf user;
    const char *dirs[3];
    enum theme_origin origins[3];
};

static void search_dirs_init(struct search_dirs *s, const char *source, const char *installed)
{
    buf_init(&s->user);
    s->dirs[0] = theme_user_dir(&s->user) ? s->user.data : NULL;
    s->dirs[1] = source;
    s->dirs[2] = installed;
    s->origins[0] = THEME_FROM_USER;
    s->origins[1] = THEME_FROM_SOURCE;
    s->origins[2] = THEME_FROM_INSTALLED;
}

static char *not_found(const char *name, const char *source_dir, const char *installed_dir,
                       const struct search_dirs *s, struct tl_error *err)
{
    struct buf msg;
    buf_init(&msg);
    buf_printf(&msg, "theme '%s' not found in", name);
    for (int i = 0; i < 3; i++)
        if (s->dirs[i])
            buf_printf(&msg, " %s", s->dirs[i]);
    size_t n;
    struct theme_entry *all = theme_list_available(source_dir, installed_dir, &n);
    const char **names = xcalloc(n, sizeof *names);
    for (size_t i = 0; i < n; i++)
        names[i] = all[i].name;
    const char *near = suggest_nearest(name, names, n);
    if (near) {
        buf_printf(&msg, "; did you mean '%s'?", near);
    } else {
        buf_puts(&msg, "; expected one of");
        for (size_t i = 0; i < n; i++)
            buf_printf(&msg, "%s %s", i ? "," : "", names[i]);
        buf_puts(&msg, ", or a path to a .yaml file");
    }
    tl_error_set(err, "%s", msg.data);
    free(names);
    theme_entries_free(all, n);
    buf_free(&msg);
    return NULL;
}

char *theme_find(const char *name_or_path, const char *source_dir, const char *installed_dir,
                 enum theme_origin *origin, struct tl_error *err)
{
    if (strchr(name_or_path, '/') || ends_with(name_or_path, ".yaml") ||
        ends_with(name_or_path, ".yml")) {
        *origin = THEME_FROM_PATH;
        if (is_file(name_or_path))
            return xstrdup(name_or_path);
        tl_error_set(err, "%s: theme file not found", name_or_path);
        return NULL;
    }
    struct search_dirs s;
    search_dirs_init(&s, source_dir, installed_dir);
    struct buf path;
    buf_init(&path);
    char *found = NULL;
    for (int i = 0; i < 3 && !found && *name_or_path && *name_or_path != '.'; i++) {
        if (!s.dirs[i])
            continue;
        buf_reset(&path);
        buf_printf(&path, "%s/%s.yaml", s.dirs[i], name_or_path);
        if (is_file(path.data)) {
            found = buf_detach(&path, NULL);
            *origin = s.origins[i];
        }
    }
    if (!found && is_builtin(name_or_path))
        *origin = THEME_FROM_BUILTIN;
    else if (!found)
        not_found(name_or_path, source_dir, installed_dir, &s, err);
    buf_free(&path);
    buf_free(&s.user);
    return found;
}

struct theme *theme_load_named(const char *name_or_path, const char *source_dir,
                               const char *installed_dir, struct buf *warnings,
                               struct tl_error *err)
{
    enum theme_origin origin;
    char *path = theme_find(name_or_path, source_dir, installed_dir, &origin, err);
    if (!path)
        return origin == THEME_FROM_BUILTIN ? theme_load_builtin(name_or_path, warnings, err)
                                            : NULL;
    struct theme *t = theme_load_file(path, NULL, warnings, err);
    free(path);
    return t;
}

static int compare_entries(const void *a, const void *b)
{
    return strcmp(((const struct theme_entry *)a)->name, ((const struct theme_entry *)b)->name);
}

static bool have_entry(const struct theme_entry *e, size_t n, const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (!strcmp(e[i].name, name))
            return true;
    return false;
}

struct theme_entry *theme_list_available(const char *source_dir, const char *installed_dir,
                                         size_t *count)
{
    struct search_dirs s;
    search_dirs_init(&s, source_dir, installed_dir);
    struct theme_entry *e = NULL;
    size_t n = 0, cap = 0;
    for (int i = 0; i < 3; i++) {
        DIR *d = s.dirs[i] ? opendir(s.dirs[i]) : NULL;
        for (struct dirent *de; d && (de = readdir(d));) {
            if (de->d_name[0] == '.' || !ends_with(de->d_name, ".yaml"))
                continue;
            char *name = theme_name_from_path(de->d_name);
            struct buf path;
            buf_init(&path);
            buf_printf(&path, "%s/%s", s.dirs[i], de->d_name);
            if (have_entry(e, n, name) || !is_file(path.data)) {
                free(name);
                buf_free(&path);
                continue;
            }
            e = xgrow(e, &cap, n + 1, sizeof *e);
            e[n++] = (struct theme_entry){name, buf_detach(&path, NULL), s.origins[i]};
        }
        if (d)
            closedir(d);
    }
    for (const struct theme_builtin_file *f = theme_builtin_files; f->name; f++) {
        char *name = theme_name_from_path(f->name);
        if (have_entry(e, n, name)) {
            free(name);
            continue;
        }
        e = xgrow(e, &cap, n + 1, sizeof *e);
        e[n++] = (struct theme_entry){name, NULL, THEME_FROM_BUILTIN};
    }
    if (!have_entry(e, n, "default")) {
        e = xgrow(e, &cap, n + 1, sizeof *e);
        e[n++] = (struct theme_entry){xstrdup("default"), NULL, THEME_FROM_BUILTIN};
    }
    qsort(e, n, sizeof *e, compare_entries);
    buf_free(&s.user);
    *count = n;
    return e;
}

void theme_entries_free(struct theme_entry *entries, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(entries[i].name);
        free(entries[i].path);
    }
    free(entries);
}
