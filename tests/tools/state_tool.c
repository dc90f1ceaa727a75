/* state_tool: the helper of tests/cli/test_state_kill.sh and
 * tests/cli/test_state.sh, on the reading state's API (src/core/state).
 * `churn DIR [N]` saves two states, A and B, to the state in DIR in turn,
 * forever or N times (starting with B when the file holds A); the kill test
 * SIGKILLs it at random moments. `verify DIR` prints what the file holds:
 * A, B, absent, or "bad ..." with exit status 1 (any warning, or anything
 * but exactly one of the two). `mark DIR read|starred FILE...` marks the
 * articles of the files as the reader would, and saves. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/load/corpus.h"
#include "core/state/state.h"

enum { N_A = 3000, N_B = 2000 };

static void key_of(char set, size_t i, char *out, size_t n)
{
    snprintf(out, n, "url:https://example.org/%c/%zu", set, i);
}

/* Makes the state exactly set `set` (unmarking the other's keys). */
static void become(struct state *st, char set)
{
    char key[128];
    for (size_t i = 0; i < N_A; i++) {
        key_of('A', i, key, sizeof key);
        state_set_read(st, key, set == 'A');
        state_set_starred(st, key, set == 'A' && i % 10 == 0);
    }
    for (size_t i = 0; i < N_B; i++) {
        key_of('B', i, key, sizeof key);
        state_set_read(st, key, set == 'B');
    }
    if (set == 'A') {
        state_follow(st, "person:a", ENTITY_PERSON, "A Person");
        state_unfollow(st, "club:b");
    } else {
        state_follow(st, "club:b", ENTITY_CLUB, "B Club");
        state_unfollow(st, "person:a");
    }
    state_set_theme(st, set == 'A' ? "theme-a" : "theme-b");
}

/* 'A', 'B' or '?' for what an opened state holds. */
static char holds(const struct state *st)
{
    char set = state_nread(st) == N_A ? 'A' : state_nread(st) == N_B ? 'B' : '?';
    if (set == '?')
        return '?';
    char key[128];
    for (size_t i = 0; i < (set == 'A' ? N_A : N_B); i++) {
        key_of(set, i, key, sizeof key);
        bool star = set == 'A' && i % 10 == 0;
        if (!state_is_read(st, key) || state_is_starred(st, key) != star)
            return '?';
    }
    const char *theme = state_theme(st);
    if (state_nstarred(st) != (set == 'A' ? N_A / 10 : 0) || state_nfollowed(st) != 1 ||
        !state_is_followed(st, set == 'A' ? "person:a" : "club:b") || !theme ||
        strcmp(theme, set == 'A' ? "theme-a" : "theme-b"))
        return '?';
    return set;
}

static int churn(const char *dir, long saves)
{
    struct state *st = state_open(dir);
    char set = holds(st) == 'A' ? 'B' : 'A';
    for (long i = 0; saves < 0 || i < saves; i++) {
        become(st, set);
        struct tl_error err;
        if (!state_save(st, &err)) {
            fprintf(stderr, "state_tool: %s\n", err.msg);
            state_close(st);
            return 1;
        }
        set = set == 'A' ? 'B' : 'A';
    }
    state_close(st);
    return 0;
}

static int verify(const char *dir)
{
    struct state *st = state_open(dir);
    int status = 0;
    if (state_nwarnings(st)) {
        printf("bad: %s\n", state_warning(st, 0));
        status = 1;
    } else if (access(state_path(st), F_OK) != 0) {
        puts("absent");
    } else {
        char set = holds(st);
        if (set == '?') {
            printf("bad: %zu read, %zu starred, %zu followed\n", state_nread(st),
                   state_nstarred(st), state_nfollowed(st));
            status = 1;
        } else {
            printf("%c\n", set);
        }
    }
    state_close(st);
    return status;
}

static int mark(const char *dir, const char *what, char **files, int nfiles)
{
    struct state *st = state_open(dir);
    struct boilerplate *bp = boilerplate_new();
    struct buf key;
    buf_init(&key);
    for (int i = 0; i < nfiles; i++) {
        struct loaded l;
        corpus_load_file(files[i], bp, CORPUS_MAX_FILE_SIZE, &l);
        if (!l.article) {
            fprintf(stderr, "state_tool: %s: not an article\n", files[i]);
            return 1;
        }
        state_article_key(st, l.article, &key);
        if (!strcmp(what, "read"))
            state_set_read(st, key.data, true);
        else
            state_set_starred(st, key.data, true);
        loaded_free(&l);
    }
    struct tl_error err;
    bool ok = state_save(st, &err);
    if (!ok)
        fprintf(stderr, "state_tool: %s\n", err.msg);
    buf_free(&key);
    boilerplate_free(bp);
    state_close(st);
    return ok ? 0 : 1;
}

int main(int argc, char **argv)
{
    if ((argc == 3 || argc == 4) && !strcmp(argv[1], "churn"))
        return churn(argv[2], argc == 4 ? atol(argv[3]) : -1);
    if (argc == 3 && !strcmp(argv[1], "verify"))
        return verify(argv[2]);
    if (argc >= 5 && !strcmp(argv[1], "mark") &&
        (!strcmp(argv[3], "read") || !strcmp(argv[3], "starred")))
        return mark(argv[2], argv[3], argv + 4, argc - 4);
    fprintf(stderr, "usage: state_tool churn DIR [SAVES] | verify DIR | "
                    "mark DIR read|starred FILE...\n");
    return 2;
}
