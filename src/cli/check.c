/* cli/check: `touchline check FILE...`, validating config, theme and KB files
 * without starting the UI; the kind of each is told from its top-level keys. */
#include "cli/config_cmds.h"
#include "startup/requests.h"

#include "core/config/config.h"
#include "core/extract/kb.h"
#include "core/config/theme.h"
#include "core/base/yamltree.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <string.h>

enum file_kind { KIND_CONFIG, KIND_THEME, KIND_KB };

static const char *const kind_names[] = {"config", "theme", "kb"};

/* The keys that give a file's kind away, and the kind each gives. */
static const char *const telling_keys[] = {
    "styles",      "clubs",          "national_teams", "competitions", "media",      "people",
    "given_names", "name_particles", "not_names",      "role_words",   "short_names"};

static enum file_kind detect_kind(const char *text, size_t len)
{
    size_t which;
    if (!yamltree_peek_key(text, len, telling_keys, sizeof telling_keys / sizeof *telling_keys,
                           &which))
        return KIND_CONFIG;
    return which == 0 ? KIND_THEME : KIND_KB;
}

static bool read_whole(const char *path, struct buf *out, struct tl_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return tl_error_set(err, "%s: %s", path, strerror(errno));
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && out->len < (64u << 20))
        buf_append(out, chunk, n);
    bool ok = !ferror(f) || tl_error_set(err, "%s: read error", path);
    fclose(f);
    return ok;
}

static bool check_file(const char *path, enum file_kind kind, const struct buf *text,
                       struct buf *warnings, struct tl_error *err)
{
    if (kind == KIND_THEME) {
        struct theme *t = theme_load_text(path, text->data, text->len, NULL, warnings, err);
        theme_free(t);
        return t != NULL;
    }
    if (kind == KIND_KB) {
        struct kb *kb = kb_new_empty();
        bool ok = kb_merge_file(kb, path, err);
        kb_free(kb);
        return ok;
    }
    struct config *cfg = config_load_text(path, text->data, text->len, warnings, err);
    /* The reader's request names (its key table is curses-free). */
    size_t nrequests;
    const char *const *requests = requests_names(&nrequests);
    bool ok = cfg && config_validate_keys(cfg, requests, nrequests, err);
    config_free(cfg);
    return ok;
}

static bool check_one(const char *path)
{
    struct buf text, warnings;
    buf_init(&text);
    buf_init(&warnings);
    struct tl_error err = {{0}};
    bool ok = read_whole(path, &text, &err);
    enum file_kind kind = KIND_CONFIG;
    if (ok) {
        kind = detect_kind(text.data, text.len);
        ok = check_file(path, kind, &text, &warnings, &err);
    }
    fputs(warnings.data, stderr);
    if (ok)
        printf("%s: ok (%s)\n", path, kind_names[kind]);
    else
        fprintf(stderr, "%s\n", err.msg);
    buf_free(&text);
    buf_free(&warnings);
    return ok;
}

int cmd_check(int argc, char **argv, const struct startup_globals *g)
{
    (void)g;
    static const struct option opts[] = {{"help", no_argument, NULL, 'h'}, {0}};
    int ch;
    optind = 0;
    while ((ch = cli_next_option("check", argc, argv, "h", opts)) != -1) {
        if (ch == 'h') {
            puts("usage: touchline check FILE...\n"
                 "Validates config, theme and knowledge-base YAML files without starting the\n"
                 "UI. The kind of each file is told from its top-level keys: 'styles' makes a\n"
                 "theme; clubs, national_teams, competitions, media, people, given_names (or\n"
                 "another lexicon list) a knowledge base; anything else is a config.\n"
                 "Prints 'FILE: ok (kind)', or the error as FILE:LINE:COL: message.\n"
                 "Exit status 0 when every file is valid, 2 otherwise.");
            return EXIT_OK;
        }
        return EXIT_USAGE;
    }
    if (optind >= argc)
        return startup_usage_error("check: no file given; try 'touchline check --help'");
    bool all_ok = true;
    for (int i = optind; i < argc; i++)
        all_ok = check_one(argv[i]) && all_ok;
    fflush(stdout);
    return all_ok ? EXIT_OK : EXIT_USAGE;
}
