/* boilerplate: PCRE2 patterns for furniture lines of scraped articles. The
 * built-in patterns are compiled, and every pattern JIT-compiled, by the
 * first match (on a loading thread, off the path to the first screen); a
 * pattern added from the config is compiled when added, so that a bad one
 * is an error at start. The built-ins are compiled as one pattern, their
 * alternation: each must match a whole line, and so must the alternation
 * (the end anchor makes it try each branch in turn), so one match per line
 * answers for all of them, and one JIT compile makes them ready. */
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

struct boilerplate {
    pcre2_code *builtin; /* the built-ins' alternation (NULL until ready) */
    pcre2_code **codes;  /* the added ones */
    size_t n, cap;
    atomic_bool ready;    /* every pattern compiled and JIT-compiled */
    pthread_mutex_t lock; /* held while the first match makes them so */
};

struct boilerplate *boilerplate_new(void)
{
    struct boilerplate *bp = xcalloc(1, sizeof *bp);
    atomic_init(&bp->ready, false);
    pthread_mutex_init(&bp->lock, NULL);
    return bp;
}

void boilerplate_free(struct boilerplate *bp)
{
    if (!bp)
        return;
    pcre2_code_free(bp->builtin); /* NULL is a no-op */
    for (size_t i = 0; i < bp->n; i++)
        pcre2_code_free(bp->codes[i]);
    free(bp->codes);
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
    if (atomic_load_explicit(&bp->ready, memory_order_acquire))
        pcre_jit_compile(re); /* the first match is past: JIT it now */
    bp->codes = xgrow(bp->codes, &bp->cap, bp->n + 1, sizeof *bp->codes);
    bp->codes[bp->n++] = re;
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

/* Compiles the built-ins and JIT-compiles every pattern, once: the first
 * caller does it under the lock, callers meanwhile wait on the lock, and
 * later ones see `ready` through one acquire load. */
static void make_ready(struct boilerplate *bp)
{
    if (atomic_load_explicit(&bp->ready, memory_order_acquire))
        return;
    pthread_mutex_lock(&bp->lock);
    if (!atomic_load_explicit(&bp->ready, memory_order_relaxed)) {
        struct tl_error err;
        char *alternation = builtin_alternation();
        bp->builtin = compile(alternation, &err);
        free(alternation);
        /* The built-in list is compiled in every test run; a failure here
         * is a programming error, not user input. */
        if (!bp->builtin)
            abort();
        pcre_jit_compile(bp->builtin);
        for (size_t i = 0; i < bp->n; i++)
            pcre_jit_compile(bp->codes[i]); /* falls back to the interpreter */
        atomic_store_explicit(&bp->ready, true, memory_order_release);
    }
    pthread_mutex_unlock(&bp->lock);
}

bool boilerplate_match(const struct boilerplate *cbp, const char *line, size_t len)
{
    /* Matching does not change the set; its first call completes it. */
    struct boilerplate *bp = (struct boilerplate *)cbp;
    while (len && (*line == ' ' || *line == '\t')) {
        line++;
        len--;
    }
    while (len && (line[len - 1] == ' ' || line[len - 1] == '\t'))
        len--;
    if (!len || len > 400)
        return false;
    make_ready(bp);
    /* only whether a pattern matches counts: one pair of offsets, for all */
    pcre2_match_data *md = pcre2_match_data_create(1, NULL);
    if (!md)
        abort();
    bool hit = pcre2_match(bp->builtin, (PCRE2_SPTR)line, len, 0, 0, md, NULL) >= 0;
    for (size_t i = 0; i < bp->n && !hit; i++)
        hit = pcre2_match(bp->codes[i], (PCRE2_SPTR)line, len, 0, 0, md, NULL) >= 0;
    pcre2_match_data_free(md);
    return hit;
}

size_t boilerplate_count(const struct boilerplate *bp)
{
    return BUILTIN_COUNT + bp->n;
}
