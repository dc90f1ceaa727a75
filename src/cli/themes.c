/* cli/themes: `touchline themes`, every available theme with where it comes
 * from and a one-line colour sample; and finding the non-user theme dirs. */
#include "cli/config_cmds.h"
#include "startup/theme_dirs.h"

#include "core/config/theme.h"
#include "core/base/xalloc.h"

#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* How much colour the terminal on stdout has, judged from the environment. */
static enum color_depth guess_depth(void)
{
    const char *term = getenv("TERM"), *colorterm = getenv("COLORTERM");
    if (!term || !*term || !strcmp(term, "dumb"))
        return COLOR_DEPTH_NONE;
    if (colorterm && (!strcmp(colorterm, "truecolor") || !strcmp(colorterm, "24bit")))
        return COLOR_DEPTH_TRUE;
    if (strstr(term, "256color") || strstr(term, "direct"))
        return COLOR_DEPTH_256;
    if (!strncmp(term, "vt1", 3) || !strncmp(term, "vt2", 3))
        return COLOR_DEPTH_NONE;
    return COLOR_DEPTH_16;
}

static void sgr_color(struct buf *b, struct color c, bool fg)
{
    if (c.kind == COLOR_KIND_RGB)
        buf_printf(b, ";%d;2;%u;%u;%u", fg ? 38 : 48, c.r, c.g, c.b);
    else if (c.kind == COLOR_KIND_INDEX && c.index < 8)
        buf_printf(b, ";%d", (fg ? 30 : 40) + c.index);
    else if (c.kind == COLOR_KIND_INDEX && c.index < 16)
        buf_printf(b, ";%d", (fg ? 90 : 100) + c.index - 8);
    else if (c.kind == COLOR_KIND_INDEX)
        buf_printf(b, ";%d;5;%u", fg ? 38 : 48, c.index);
}

/* Appends text in a style as SGR escapes. */
static void sgr_text(struct buf *b, struct theme_style s, enum color_depth depth, const char *text)
{
    static const struct {
        unsigned attr;
        int code;
    } attrs[] = {{ATTR_BOLD, 1},  {ATTR_DIM, 2},     {ATTR_ITALIC, 3},  {ATTR_UNDERLINE, 4},
                 {ATTR_BLINK, 5}, {ATTR_REVERSE, 7}, {ATTR_STANDOUT, 7}};
    s = theme_style_downgrade(s, depth);
    buf_puts(b, "\033[0");
    for (size_t i = 0; i < sizeof attrs / sizeof *attrs; i++)
        if (s.attrs & attrs[i].attr)
            buf_printf(b, ";%d", attrs[i].code);
    sgr_color(b, s.fg, true);
    sgr_color(b, s.bg, false);
    buf_printf(b, "m%s\033[0m", text);
}

/* The sample: a few words, each in the style of what it stands for. */
static void sample(struct buf *b, const struct theme *t, enum color_depth depth)
{
    static const struct {
        enum theme_element e;
        const char *text;
    } words[] = {
        {THEME_TITLE_FOCUSED, " Title "},
        {THEME_LIST_SELECTED, " selected "},
        {THEME_PERSON, "Bastoni"},
        {THEME_CLUB, "Inter"},
        {THEME_NATIONAL_TEAM, "Italy"},
        {THEME_COMPETITION, "Serie A"},
        {THEME_MEDIA, "Gazzetta"},
        {THEME_MONEY, "\xc2\xa3"
                      "31m"},
        {THEME_COUNT, "17 caps"},
        {THEME_SEARCH_HIT, "hit"},
        {THEME_STATUS, " status "},
    };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++) {
        if (i)
            buf_putc(b, ' ');
        sgr_text(b, t->styles[words[i].e], depth, words[i].text);
    }
}

static void print_help(void)
{
    puts("usage: touchline themes\n"
         "Lists the available themes: name, where each comes from, and a colour sample.\n"
         "Themes are looked for in $XDG_CONFIG_HOME/touchline/themes (or\n"
         "~/.config/touchline/themes), then the source tree's themes/, then the installed\n"
         "share/touchline/themes, then among the themes built into the binary; the\n"
         "first one with a name wins. When stdout is not a terminal, or NO_COLOR is set,\n"
         "each line is tab-separated: name, origin, path (\"(built in)\" for a built-in\n"
         "theme), description.");
}

int cmd_themes(int argc, char **argv, const struct startup_globals *g)
{
    (void)g;
    static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {0}};
    int ch;
    optind = 0;
    while ((ch = cli_next_option("themes", argc, argv, "h", opts)) != -1) {
        if (ch == 'h') {
            print_help();
            return EXIT_OK;
        }
        return EXIT_USAGE;
    }
    if (optind < argc)
        return startup_usage_error("themes: no arguments expected; try 'touchline themes --help'");
    const char *no_color = getenv("NO_COLOR");
    bool plain = !isatty(STDOUT_FILENO) || (no_color && *no_color);
    enum color_depth depth = plain ? COLOR_DEPTH_NONE : guess_depth();
    struct startup_theme_dirs dirs;
    startup_theme_dirs_init(&dirs);
    size_t n;
    struct theme_entry *e = theme_list_available(dirs.source, dirs.installed, &n);
    int status = EXIT_OK;
    struct buf line;
    buf_init(&line);
    for (size_t i = 0; i < n; i++) {
        struct tl_error err;
        struct theme *t = theme_load_entry(&e[i], NULL, &err);
        buf_reset(&line);
        if (!t) {
            fprintf(stderr, "touchline: %s\n", err.msg);
            status = EXIT_USAGE;
            continue;
        }
        if (plain) {
            buf_printf(&line, "%s\t%s\t%s\t%s", e[i].name, theme_origin_name(e[i].origin),
                       e[i].path ? e[i].path : "(built in)", t->description);
        } else {
            buf_printf(&line, "%-16s %-12s ", e[i].name, theme_origin_name(e[i].origin));
            sample(&line, t, depth);
        }
        puts(line.data);
        theme_free(t);
    }
    buf_free(&line);
    theme_entries_free(e, n);
    startup_theme_dirs_free(&dirs);
    return status;
}
