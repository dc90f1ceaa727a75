/* boilerplate: PCRE2 patterns for furniture lines of scraped articles. The
 * built-in patterns are compiled by the first match; a pattern added from
 * the config is compiled when added, so that a bad one is an error at
 * start. The built-ins are compiled as one pattern, their alternation: each
 * must match a whole line, and so must the alternation (the end anchor
 * makes it try each branch in turn), so one match per line answers for all
 * of them.
 *
 * The interpreter answers the first BOILERPLATE_JIT_AFTER lines, and JIT-compiled
 * copies of the patterns the rest. Only plain-text articles have lines
 * matched here (a few leading ones each), so a reader's first screen of
 * such articles needs a few dozen, and a folder of front-matter articles
 * none: JIT-compiling up front put 1.15 M instructions on the path to the
 * first screen, a third of the cost of loading a screenful. */
#include "core/load/boilerplate.h"
#include "core/base/buf.h"
#include "core/base/pcre_jit.h"
#include "core/base/xalloc.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>

#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Each is matched against one trimmed line, caselessly, and must match all of it. */
static const char *const default_patterns[] = {
    "(?:download|get|install) (?:the |our )?.{0,60}\\bapps?\\b.{0,80}",
    "/\\s+\\S.{0,60}",
    "share(?: this)?(?: article| story| page| post)?(?: on (?:facebook|twitter|x|whatsapp|"
    "linkedin|email|messenger|reddit)| via \\w+)?",
    "(?:advertisement|advert|sponsored(?: content)?|skip to (?:main )?content|sign in|log in|"
    "subscribe(?: now)?|menu|cookies?(?: settings)?|accept(?: all)?(?: cookies)?|"
    "copy link|link copied|comments?(?: \\(\\d+\\))?|listen to this article)",
    "(?:by|words by|written by) \\p{Lu}[\\p{L}'\\x{2019}.-]+(?: \\p{Lu}[\\p{L}'\\x{2019}.-]+){0,3}"
    "(?:,? .{0,40})?",
    "\\d{1,3}\\s*(?:min|mins|minute|minutes)(?: read)?",
    "(?:published|updated|last updated|posted)\\b.{0,60}",
    "(?:image|photo|picture|video)(?: source| credit| caption)?\\s*[:,].{0,80}",
    "(?:follow|like) us on .{0,60}",
    "(?:getty images|reuters|pa images|pa media|afp|ap photo|shutterstock)",
    "(?:related|more on this story|read more|top stories|most read|trending)"
    "(?: articles| stories| now)?:?",
};

enum { BUILTIN_COUNT = sizeof default_patterns / sizeof *default_patterns };

/* A compiled set: the built-ins' alternation (NULL until the first match)
 * and the added patterns. */
struct patterns {
    pcre2_code *builtin;
    pcre2_code **codes;
    size_t n, cap;
};

struct boilerplate {
    struct patterns plain; /* matched by the interpreter */
    /* Copies of plain's patterns, JIT-compiled by the match that answers
     * line BOILERPLATE_JIT_AFTER, and used from then on; NULL before. */
    _Atomic(struct patterns *) jit;
    atomic_size_t lines;  /* lines answered by the interpreter */
    atomic_bool ready;    /* plain's built-ins compiled */
    pthread_mutex_t lock; /* held while the first match compiles them */
};

struct boilerplate *boilerplate_new(void)
{
    struct boilerplate *bp = xcalloc(1, sizeof *bp);
    atomic_init(&bp->jit, NULL);
    atomic_init(&bp->lines, 0);
    atomic_init(&bp->ready, false);
    pthread_mutex_init(&bp->lock, NULL);
    return bp;
}

static void patterns_free(struct patterns *ps)
{
    pcre2_code_free(ps->builtin); /* NULL is a no-op */
    for (size_t i = 0; i < ps->n; i++)
        pcre2_code_free(ps->codes[i]);
    free(ps->codes);
}

static void patterns_add(struct patterns *ps, pcre2_code *re)
{
    ps->codes = xgrow(ps->codes, &ps->cap, ps->n + 1, sizeof *ps->codes);
    ps->codes[ps->n++] = re;
}

/* A copy of a compiled pattern, JIT-compiled (or, when the JIT fails or
 * is off, left to the interpreter). */
static pcre2_code *jit_copy(const pcre2_code *re)
{
    pcre2_code *copy = pcre2_code_copy(re);
    if (!copy)
        abort();
    pcre_jit_compile(copy);
    return copy;
}

void boilerplate_free(struct boilerplate *bp)
{
    if (!bp)
        return;
    patterns_free(&bp->plain);
    struct patterns *jit = atomic_load_explicit(&bp->jit, memory_order_relaxed);
    if (jit)
        patterns_free(jit);
    free(jit);
    pthread_mutex_destroy(&bp->lock);
    free(bp);
}

static pcre2_code *compile(const char *pattern, struct tl_error *err)
{
    int code;
    PCRE2_SIZE offset;
    pcre2_code *re = pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED,
                                   PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP | PCRE2_ANCHORED |
                                       PCRE2_ENDANCHORED | PCRE2_MATCH_INVALID_UTF,
                                   &code, &offset, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        tl_error_set(err, "bad boilerplate pattern '%s': %s at offset %zu", pattern,
                     (const char *)msg, (size_t)offset);
    }
    return re;
}

bool boilerplate_add(struct boilerplate *bp, const char *pattern, struct tl_error *err)
{
    pcre2_code *re = compile(pattern, err);
    if (!re)
        return false;
    struct patterns *jit = atomic_load_explicit(&bp->jit, memory_order_acquire);
    if (jit) /* past line BOILERPLATE_JIT_AFTER: the JIT set has it too */
        patterns_add(jit, jit_copy(re));
    patterns_add(&bp->plain, re);
    return true;
}

/* The built-ins as one pattern: "(?:p1)|(?:p2)|...". */
static char *builtin_alternation(void)
{
    struct buf b;
    buf_init(&b);
    for (size_t i = 0; i < BUILTIN_COUNT; i++)
        buf_printf(&b, "%s(?:%s)", i ? "|" : "", default_patterns[i]);
    return buf_detach(&b, NULL);
}

/* Compiles the built-ins, once: the first caller does it under the lock,
 * callers meanwhile wait on the lock, and later ones see `ready` through
 * one acquire load. */
static void make_ready(struct boilerplate *bp)
{
    if (atomic_load_explicit(&bp->ready, memory_order_acquire))
        return;
    pthread_mutex_lock(&bp->lock);
    if (!atomic_load_explicit(&bp->ready, memory_order_relaxed)) {
        struct tl_error err;
        char *alternation = builtin_alternation();
        bp->plain.builtin = compile(alternation, &err);
        free(alternation);
        /* The built-in list is compiled in every test run; a failure here
         * is a programming error, not user input. */
        if (!bp->plain.builtin)
            abort();
        atomic_store_explicit(&bp->ready, true, memory_order_release);
    }
    pthread_mutex_unlock(&bp->lock);
}

/* JIT-compiled copies of every pattern, published for the matches that
 * follow. Only the match that answers line BOILERPLATE_JIT_AFTER calls it, so the
 * copies are made once; the interpreted ones stay for matches under way. */
static void publish_jit(struct boilerplate *bp)
{
    struct patterns *jit = xcalloc(1, sizeof *jit);
    jit->builtin = jit_copy(bp->plain.builtin);
    for (size_t i = 0; i < bp->plain.n; i++)
        patterns_add(jit, jit_copy(bp->plain.codes[i]));
    atomic_store_explicit(&bp->jit, jit, memory_order_release);
}

/* The set to match with: the JIT-compiled one once published, else the
 * interpreted one (counting the line, and publishing the JIT set at line
 * BOILERPLATE_JIT_AFTER). */
static const struct patterns *patterns_for_line(struct boilerplate *bp)
{
    const struct patterns *jit = atomic_load_explicit(&bp->jit, memory_order_acquire);
    if (jit)
        return jit;
    make_ready(bp);
    if (atomic_fetch_add_explicit(&bp->lines, 1, memory_order_relaxed) + 1 == BOILERPLATE_JIT_AFTER)
        publish_jit(bp);
    return &bp->plain;
}

bool boilerplate_match(const struct boilerplate *cbp, const char *line, size_t len)
{
    /* Matching does not change what the set answers; it completes it. */
    struct boilerplate *bp = (struct boilerplate *)cbp;
    while (len && (*line == ' ' || *line == '\t')) {
        line++;
        len--;
    }
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
        len--;
    if (!len || len > 400)
        return false;
    const struct patterns *ps = patterns_for_line(bp);
    /* only whether a pattern matches counts: one pair of offsets, for all */
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    if (!md)
        abort();
    bool hit = pcre2_match(ps->builtin, (PCRE2_SPTR)line, len, 0, 0, md, NULL) >= 0;
    for (size_t i = 0; i < ps->n && !hit; i++)
        hit = pcre2_match(ps->codes[i], (PCRE2_SPTR)line, len, 0, 0, md, NULL) >= 0;
    pcre2_match_data_free(md);
    return hit;
}

size_t boilerplate_count(const struct boilerplate *bp)
{
    return BUILTIN_COUNT + bp->plain.n;
}
