/* theme: the built-in default theme, theme YAML files read over a base, and
 * finding themes by name in the user, source and installed directories. */
#include "core/config/theme.h"
#include "core/base/suggest.h"
#include "core/base/xalloc.h"
#include "core/base/yamltree.h"

#include <stdlib.h>
#include <string.h>

static const char *const element_names[] = {
#define THEME_NAME(id, name, help) name,
    THEME_ELEMENTS(THEME_NAME)
#undef THEME_NAME
};

static const char *const element_help[] = {
#define THEME_HELP(id, name, help) help,
    THEME_ELEMENTS(THEME_HELP)
#undef THEME_HELP
};

/* The built-in default (dark): ANSI colours only, so that it follows the
 * user's terminal palette and works at 8 colours. themes/default.yaml says
 * the same, and a test keeps the two equal. */
#define DEF                                                                                        \
    {                                                                                              \
        COLOR_KIND_DEFAULT, 0, 0, 0, 0                                                             \
    }
#define IX(n)                                                                                      \
    {                                                                                              \
        COLOR_KIND_INDEX, (n), 0, 0, 0                                                             \
    }
enum { BLACK, RED, GREEN, YELLOW, BLUE, MAGENTA, CYAN, WHITE, BR = 8 };

static const struct theme_style default_styles[THEME_NELEMENTS] = {
    [THEME_TITLE] = {IX(BLACK), IX(WHITE), 0},
    [THEME_TITLE_FOCUSED] = {IX(BLACK), IX(CYAN), ATTR_BOLD},
    [THEME_LIST_ROW] = {DEF, DEF, 0},
    [THEME_LIST_SELECTED] = {IX(BR + WHITE), IX(BLUE), ATTR_BOLD},
    [THEME_LIST_MARKED] = {IX(YELLOW), DEF, 0},
    [THEME_LIST_DATE] = {IX(CYAN), DEF, 0},
    [THEME_LIST_MARKER] = {IX(YELLOW), DEF, ATTR_BOLD},
    [THEME_READER_TEXT] = {DEF, DEF, 0},
    [THEME_READER_HEADING] = {IX(BR + WHITE), DEF, ATTR_BOLD},
    [THEME_READER_META] = {IX(CYAN), DEF, 0},
    [THEME_CURSOR] = {DEF, DEF, ATTR_REVERSE | ATTR_BOLD},
    [THEME_SEARCH_HIT] = {IX(BLACK), IX(YELLOW), 0},
    [THEME_FACTS_HEADING] = {IX(BR + WHITE), DEF, ATTR_BOLD | ATTR_UNDERLINE},
    [THEME_FACTS_LABEL] = {IX(CYAN), DEF, 0},
    [THEME_FACTS_VALUE] = {IX(BR + WHITE), DEF, 0},
    [THEME_STATUS] = {IX(BLACK), IX(WHITE), 0},
    [THEME_STATUS_MESSAGE] = {IX(BLACK), IX(GREEN), 0},
    [THEME_STATUS_ERROR] = {IX(BR + WHITE), IX(RED), ATTR_BOLD},
    [THEME_PICKER] = {DEF, DEF, 0},
    [THEME_PICKER_SELECTED] = {IX(BR + WHITE), IX(BLUE), ATTR_BOLD},
    [THEME_PICKER_MATCH] = {IX(YELLOW), DEF, ATTR_BOLD | ATTR_UNDERLINE},
    [THEME_HELP] = {DEF, DEF, 0},
    [THEME_HELP_KEY] = {IX(YELLOW), DEF, ATTR_BOLD},
    [THEME_BORDER] = {IX(BLUE), DEF, 0},
    [THEME_PERSON] = {IX(BR + YELLOW), DEF, ATTR_BOLD},
    [THEME_CLUB] = {IX(BR + CYAN), DEF, ATTR_BOLD},
    [THEME_NATIONAL_TEAM] = {IX(BR + RED), DEF, ATTR_BOLD},
    [THEME_COMPETITION] = {IX(BR + MAGENTA), DEF, 0},
    [THEME_MEDIA] = {IX(BR + BLUE), DEF, 0},
    [THEME_MONEY] = {IX(BR + GREEN), DEF, ATTR_BOLD},
    [THEME_COUNT] = {IX(BR + WHITE), DEF, ATTR_UNDERLINE},
};

const char *theme_element_name(enum theme_element e)
{
    return (unsigned)e < THEME_NELEMENTS ? element_names[e] : "?";
}

const char *theme_element_help(enum theme_element e)
{
    return (unsigned)e < THEME_NELEMENTS ? element_help[e] : "?";
}

bool theme_element_parse(const char *name, enum theme_element *out)
{
    for (int e = 0; e < THEME_NELEMENTS; e++) {
        const char *a = name, *b = element_names[e];
        while (*a && (*a == *b || ((*a == '-' || *a == '_') && (*b == '-' || *b == '_'))))
            a++, b++;
        if (!*a && !*b) {
            *out = (enum theme_element)e;
            return true;
        }
    }
    return false;
}

enum theme_element theme_element_for_entity(enum entity_kind kind)
{
    switch (kind) {
    case ENTITY_CLUB:
        return THEME_CLUB;
    case ENTITY_NATIONAL_TEAM:
        return THEME_NATIONAL_TEAM;
    case ENTITY_COMPETITION:
        return THEME_COMPETITION;
    case ENTITY_MEDIA:
        return THEME_MEDIA;
    default:
        return THEME_PERSON;
    }
}

enum theme_element theme_element_for_fact(enum fact_kind kind)
{
    return kind == FACT_FEE || kind == FACT_WAGE || kind == FACT_RELEASE_CLAUSE ? THEME_MONEY
                                                                                : THEME_COUNT;
}

struct theme *theme_new_default(void)
{
    struct theme *t = xcalloc(1, sizeof *t);
    t->name = xstrdup("default");
    t->description = xstrdup("the built-in dark theme, in the terminal's own colours");
    memcpy(t->styles, default_styles, sizeof t->styles);
    return t;
}

struct theme *theme_copy(const struct theme *t)
{
    struct theme *c = xmalloc(sizeof *c);
    *c = *t;
    c->name = xstrdup(t->name);
    c->description = xstrdup(t->description);
    c->path = t->path ? xstrdup(t->path) : NULL;
    return c;
}

void theme_free(struct theme *t)
{
    if (!t)
        return;
    free(t->name);
    free(t->description);
    free(t->path);
    free(t);
}

char *theme_name_from_path(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    size_t n = strlen(base);
    if (n > 5 && !strcmp(base + n - 5, ".yaml"))
        n -= 5;
    else if (n > 4 && !strcmp(base + n - 4, ".yml"))
        n -= 4;
    return xstrndup(base, n);
}

/* Reading one file: the tree, the theme being built and where each element
 * was set (to catch `list-row` and `list_row` both). */
struct loader {
    const struct yamltree *tree;
    struct theme *t;
    unsigned set_line[THEME_NELEMENTS];
    struct buf *warnings;
    struct tl_error *err;
};

static bool read_color(struct loader *L, const char *field, const struct yamltree_node *v,
                       struct color *out)
{
    if (yamltree_is_null(v))
        return yamltree_fail(L->err, L->tree, v,
                             "expected a colour for '%s' (a name, 0-255 or \"#rrggbb\"), found "
                             "nothing; note that a bare # starts a YAML comment, so quote "
                             "#rrggbb",
                             field);
    if (v->type != YAMLTREE_SCALAR)
        return yamltree_fail(L->err, L->tree, v,
                             "expected a colour for '%s' (a name, 0-255 or \"#rrggbb\"), found %s",
                             field, yamltree_describe(v));
    struct buf why;
    buf_init(&why);
    bool ok = color_parse(v->text, out, &why) || yamltree_fail(L->err, L->tree, v, "%s", why.data);
    buf_free(&why);
    return ok;
}

static bool read_attr(struct loader *L, const struct yamltree_node *v, unsigned *attrs)
{
    if (v->type != YAMLTREE_SCALAR || yamltree_is_null(v))
        return yamltree_fail(L->err, L->tree, v, "expected an attribute name, found %s",
                             yamltree_describe(v));
    struct buf why;
    buf_init(&why);
    unsigned bit = 0;
    bool ok = attr_parse(v->text, &bit, &why) || yamltree_fail(L->err, L->tree, v, "%s", why.data);
    buf_free(&why);
    *attrs |= bit;
    return ok;
}

/* attrs: a list of names, one name, or nothing (none). */
static bool read_attrs(struct loader *L, const struct yamltree_node *v, unsigned *attrs)
{
    *attrs = 0;
    if (yamltree_is_null(v))
        return true;
    if (v->type == YAMLTREE_SCALAR)
        return read_attr(L, v, attrs);
    if (v->type != YAMLTREE_SEQUENCE)
        return yamltree_fail(L->err, L->tree, v,
                             "expected a list of attributes such as [bold, underline], found %s",
                             yamltree_describe(v));
    for (size_t i = 0; i < v->nitems; i++)
        if (!read_attr(L, v->items[i], attrs))
            return false;
    return true;
}

static bool read_style(struct loader *L, const char *element, const struct yamltree_node *v,
                       struct theme_style *out)
{
    static const char *const fields[] = {"fg", "bg", "attrs"};
    if (v->type != YAMLTREE_MAPPING)
        return yamltree_fail(L->err, L->tree, v,
                             "expected a mapping such as {fg: yellow, bg: default, attrs: [bold]} "
                             "for '%s', found %s",
                             element, yamltree_describe(v));
    struct theme_style s = {color_default(), color_default(), 0};
    for (size_t i = 0; i < yamltree_npairs(v); i++) {
        const struct yamltree_node *k = yamltree_key(v, i), *val = yamltree_value(v, i);
        bool ok;
        if (!strcmp(k->text, "fg")) {
            ok = read_color(L, "fg", val, &s.fg);
        } else if (!strcmp(k->text, "bg")) {
            ok = read_color(L, "bg", val, &s.bg);
        } else if (!strcmp(k->text, "attrs")) {
            ok = read_attrs(L, val, &s.attrs);
        } else {
            const char *near = suggest_nearest(k->text, fields, 3);
            ok = near ? yamltree_fail(L->err, L->tree, k,
                                      "unknown style key '%s'; did you mean '%s'?", k->text, near)
                      : yamltree_fail(L->err, L->tree, k,
                                      "unknown style key '%s'; expected fg, bg or attrs", k->text);
        }
        if (!ok)
            return false;
    }
    *out = s;
    return true;
}

static bool unknown_element(struct loader *L, const struct yamltree_node *k)
{
    const char *near = suggest_nearest(k->text, element_names, THEME_NELEMENTS);
    if (near)
        return yamltree_fail(L->err, L->tree, k, "unknown element '%s'; did you mean '%s'?",
                             k->text, near);
    struct buf all;
    buf_init(&all);
    for (int e = 0; e < THEME_NELEMENTS; e++)
        buf_printf(&all, "%s%s", e ? ", " : "", element_names[e]);
    yamltree_fail(L->err, L->tree, k, "unknown element '%s'; expected one of %s", k->text,
                  all.data);
    buf_free(&all);
    return false;
}

static bool read_styles(struct loader *L, const struct yamltree_node *v)
{
    if (v->type != YAMLTREE_MAPPING)
        return yamltree_fail(L->err, L->tree, v,
                             "expected a mapping of elements to styles for 'styles', found %s",
                             yamltree_describe(v));
    for (size_t i = 0; i < yamltree_npairs(v); i++) {
        const struct yamltree_node *k = yamltree_key(v, i);
        enum theme_element e;
        if (!theme_element_parse(k->text, &e))
            return unknown_element(L, k);
        if (L->set_line[e])
            return yamltree_fail(L->err, L->tree, k,
                                 "'%s' sets '%s' a second time (first at line %u); expected each "
                                 "element once",
                                 k->text, element_names[e], L->set_line[e]);
        L->set_line[e] = k->line;
        if (!read_style(L, element_names[e], yamltree_value(v, i), &L->t->styles[e]))
            return false;
    }
    return true;
}

static bool read_string(struct loader *L, const char *key, const struct yamltree_node *v,
                        char **out)
{
    if (v->type != YAMLTREE_SCALAR)
        return yamltree_fail(L->err, L->tree, v, "expected a string for '%s', found %s", key,
                             yamltree_describe(v));
    free(*out);
    *out = xstrdup(yamltree_is_null(v) ? "" : v->text);
    return true;
}

static bool read_top(struct loader *L, const struct yamltree_node *root)
{
    static const char *const keys[] = {"name", "description", "styles"};
    if (!root || yamltree_is_null(root))
        return yamltree_fail(L->err, L->tree, root,
                             "empty theme; expected a mapping with 'styles' (and optionally "
                             "'name' and 'description')");
    if (root->type != YAMLTREE_MAPPING)
        return yamltree_fail(L->err, L->tree, root,
                             "expected a mapping with 'styles' at the top of the theme, found %s",
                             yamltree_describe(root));
    const struct yamltree_node *styles = NULL;
    for (size_t i = 0; i < yamltree_npairs(root); i++) {
        const struct yamltree_node *k = yamltree_key(root, i), *v = yamltree_value(root, i);
        char *name = NULL;
        if (!strcmp(k->text, "name")) {
            if (!read_string(L, "name", v, &name))
                return false;
            if (strcmp(name, L->t->name))
                yamltree_warn(L->warnings, L->tree, v,
                              "name '%s' differs from the file name '%s'; --theme and the theme "
                              "list use the file name",
                              name, L->t->name);
            free(name);
        } else if (!strcmp(k->text, "description")) {
            if (!read_string(L, "description", v, &L->t->description))
                return false;
        } else if (!strcmp(k->text, "styles")) {
            styles = v;
        } else {
            const char *near = suggest_nearest(k->text, keys, 3);
            yamltree_warn(L->warnings, L->tree, k, "unknown key '%s' ignored; %s%s%s", k->text,
                          near ? "did you mean '" : "expected name, description or styles",
                          near ? near : "", near ? "'?" : "");
        }
    }
    if (!styles)
        return yamltree_fail(L->err, L->tree, root,
                             "no 'styles' in the theme; expected styles: {element: {fg, bg, "
                             "attrs}, ...}");
    return read_styles(L, styles);
}

/* Builds a theme from a parsed tree; the tree is freed either way. */
static struct theme *load_tree(struct yamltree *tree, const struct theme *base,
                               struct buf *warnings, struct tl_error *err)
{
    struct theme *t = xcalloc(1, sizeof *t);
    t->name = theme_name_from_path(tree->path);
    t->description = xstrdup("");
    t->path = xstrdup(tree->path);
    memcpy(t->styles, base ? base->styles : default_styles, sizeof t->styles);
    struct loader L = {.tree = tree, .t = t, .warnings = warnings, .err = err};
    bool ok = read_top(&L, tree->root);
    yamltree_free(tree);
    if (!ok) {
        theme_free(t);
        return NULL;
    }
    return t;
}

struct theme *theme_load_text(const char *path, const char *text, size_t len,
                              const struct theme *base, struct buf *warnings, struct tl_error *err)
{
    struct yamltree tree;
    if (!yamltree_load_text(&tree, path, text, len, &yamltree_strict, err)) {
        yamltree_free(&tree);
        return NULL;
    }
    return load_tree(&tree, base, warnings, err);
}

struct theme *theme_load_file(const char *path, const struct theme *base, struct buf *warnings,
                              struct tl_error *err)
{
    struct yamltree tree;
    if (!yamltree_load_file(&tree, path, &yamltree_strict, err)) {
        yamltree_free(&tree);
        return NULL;
    }
    return load_tree(&tree, base, warnings, err);
}

struct theme_style theme_style_downgrade(struct theme_style s, enum color_depth depth)
{
    struct theme_style o = {color_downgrade(s.fg, depth), color_downgrade(s.bg, depth), s.attrs};
    if (o.fg.kind != COLOR_KIND_DEFAULT && !color_equal(s.fg, s.bg) && color_equal(o.fg, o.bg)) {
        uint8_t rgb[3];
        color_to_rgb(o.bg, rgb);
        unsigned luma = (299u * rgb[0] + 587u * rgb[1] + 114u * rgb[2]) / 1000;
        o.fg = color_index(luma < 128 ? WHITE : BLACK);
    }
    return o;
}
