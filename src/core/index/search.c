/* search: compiling the user's `/` pattern and collecting its matches (see search.h). */
#define PCRE2_CODE_UNIT_WIDTH 8
#include "core/index/search.h"
#include "core/base/utf8.h"
#include "core/base/pcre_jit.h"
#include "core/base/xalloc.h"

#include <pcre2.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

struct search {
    char *pattern;
    bool caseless;
    pcre2_code *code;
    pcre2_match_data *md;
};

/* Smart case: an upper-case letter that is not part of an escape. */
static bool pattern_has_upper(const char *p)
{
    size_t len = strlen(p);
    for (size_t i = 0; i < len;) {
        if (p[i] == '\\') {
            i++;
            if (i < len && (p[i] == 'p' || p[i] == 'P') && i + 1 < len && p[i + 1] == '{') {
                const char *close = strchr(p + i, '}');
                i = close ? (size_t)(close - p) + 1 : len;
            } else if (i < len) {
                uint32_t cp;
                i += utf8_decode(p + i, len - i, &cp);
            }
            continue;
        }
        uint32_t cp;
        i += utf8_decode(p + i, len - i, &cp);
        if ((cp >= 'A' && cp <= 'Z') || (cp >= 0x80 && iswupper((wint_t)cp)))
            return true;
    }
    return false;
}

struct search *search_compile(const char *pattern, size_t *err_offset, struct tl_error *err)
{
    bool caseless = !pattern_has_upper(pattern);
    uint32_t opts = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | (caseless ? PCRE2_CASELESS : 0);
    int code;
    PCRE2_SIZE off;
    pcre2_code *re =
        pcre2_compile((PCRE2_SPTR)pattern, PCRE2_ZERO_TERMINATED, opts, &code, &off, NULL);
    if (!re) {
        PCRE2_UCHAR msg[256];
        pcre2_get_error_message(code, msg, sizeof msg);
        if (err_offset)
            *err_offset = (size_t)off;
        return tl_error_set(err, "offset %zu: %s", (size_t)off, (const char *)msg), NULL;
    }
    pcre_jit_compile(re); /* optional: falls back to the interpreter */
    struct search *s = xcalloc(1, sizeof *s);
    s->pattern = xstrdup(pattern);
    s->caseless = caseless;
    s->code = re;
    s->md = pcre2_match_data_create_from_pattern(re, NULL);
    return s;
}

void search_free(struct search *s)
{
    if (!s)
        return;
    pcre2_match_data_free(s->md);
    pcre2_code_free(s->code);
    free(s->pattern);
    free(s);
}

const char *search_pattern(const struct search *s)
{
    return s->pattern;
}

bool search_caseless(const struct search *s)
{
    return s->caseless;
}

static void add_hit(struct search_hits *h, size_t article, size_t start, size_t end, bool in_title)
{
    if (h->nhits >= SEARCH_MAX_HITS) {
        h->truncated = true;
        return;
    }
    h->hits = xgrow(h->hits, &h->hcap, h->nhits + 1, sizeof *h->hits);
    h->hits[h->nhits++] =
        (struct place){(uint32_t)article, (uint32_t)start, (uint32_t)end, in_title};
    if (!h->narticles || h->articles[h->narticles - 1] != article) {
        h->articles = xgrow(h->articles, &h->acap, h->narticles + 1, sizeof *h->articles);
        h->articles[h->narticles++] = (uint32_t)article;
    }
}

static void run_text(const struct search *s, size_t article, const char *text, size_t len,
                     bool in_title, struct search_hits *out)
{
    size_t at = 0;
    while (at <= len && !out->truncated) {
        int rc = pcre2_match(s->code, (PCRE2_SPTR)text, len, at, 0, s->md, NULL);
        if (rc < 0)
            break;
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(s->md);
        size_t start = ov[0], end = ov[1];
        if (end > start) {
            add_hit(out, article, start, end, in_title);
            at = end;
        } else { /* empty match: step over one character */
            if (start >= len)
                break;
            uint32_t cp;
            at = start + utf8_decode(text + start, len - start, &cp);
        }
    }
}

void search_run(const struct search *s, const struct corpus *c, struct search_hits *out)
{
    search_hits_free(out);
    search_run_range(s, c, 0, c->narticles, out);
}

void search_run_until(const struct search *s, const struct corpus *c, struct search_hits *out,
                      const atomic_bool *stop)
{
    for (size_t i = 0; i < c->narticles && !atomic_load_explicit(stop, memory_order_relaxed); i++) {
        const struct article *a = c->articles[i];
        run_text(s, i, a->title, strlen(a->title), true, out);
        run_text(s, i, a->body, a->body_len, false, out);
    }
}

void search_run_range(const struct search *s, const struct corpus *c, size_t from, size_t to,
                      struct search_hits *out)
{
    for (size_t i = from; i < to && i < c->narticles; i++) {
        const struct article *a = c->articles[i];
        run_text(s, i, a->title, strlen(a->title), true, out);
        run_text(s, i, a->body, a->body_len, false, out);
    }
}

void search_hits_free(struct search_hits *h)
{
    free(h->hits);
    free(h->articles);
    memset(h, 0, sizeof *h);
}

static struct posting_list hits_list(const struct search_hits *h)
{
    return (struct posting_list){NULL, NULL, h->hits, h->nhits, h->articles, h->narticles};
}

bool search_hits_has(const struct search_hits *h, size_t article)
{
    struct posting_list pl = hits_list(h);
    return postings_has_article(&pl, article);
}

size_t search_hits_in(const struct search_hits *h, size_t article, size_t *count)
{
    struct posting_list pl = hits_list(h);
    return postings_in(&pl, article, count);
}

bool search_step(const struct search_hits *h, const size_t *list, size_t nlist, const long *pos_of,
                 size_t from_article, size_t from_offset, bool from_title, int dir,
                 struct index_cursor *out, bool *wrapped)
{
    struct posting_list pl = hits_list(h);
    return postings_step(&pl, list, nlist, pos_of, from_article, from_offset, from_title, dir, out,
                         wrapped);
}
