/* cache_helpers: for the cache tests (test_cache.c and the crash-safety
 * helper tests/tools/cache_churn.c): synthetic extractions with every field
 * set, built from a set number and an index, and a field-by-field compare. */
#ifndef TOUCHLINE_TEST_CACHE_HELPERS_H
#define TOUCHLINE_TEST_CACHE_HELPERS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/extract/entity.h"
#include "core/base/buf.h"
#include "core/base/xalloc.h"
#include "core/load/corpus.h"

/* Prints the first difference and returns false. */
#define CACHE_DIFF(...) (fprintf(stderr, "cache compare: " __VA_ARGS__), fputc('\n', stderr), false)

static inline bool cache_str_equal(const char *a, const char *b)
{
    return a == b || (a && b && !strcmp(a, b));
}

static inline bool cache_mention_equal(const struct mention *a, const struct mention *b)
{
    return a->start == b->start && a->end == b->end && a->in_title == b->in_title;
}

static inline bool cache_entity_equal(const struct extraction *xa, const struct found_entity *a,
                                      const struct extraction *xb, const struct found_entity *b)
{
    if (!cache_str_equal(a->id, b->id) || !cache_str_equal(a->name, b->name) ||
        a->kind != b->kind || a->role != b->role || a->nmentions != b->nmentions)
        return CACHE_DIFF("entity %s / %s", a->id, b->id);
    const struct mention *ma = extraction_mentions_of(xa, a), *mb = extraction_mentions_of(xb, b);
    for (size_t i = 0; i < a->nmentions; i++)
        if (!cache_mention_equal(&ma[i], &mb[i]))
            return CACHE_DIFF("entity %s: mention %zu", a->id, i);
    return true;
}

static inline bool cache_fact_equal(const struct extraction *xa, const struct fact *a,
                                    const struct extraction *xb, const struct fact *b)
{
    if (a->kind != b->kind || a->subject != b->subject || a->has_value != b->has_value ||
        memcmp(&a->value, &b->value, sizeof a->value))
        return CACHE_DIFF("fact kind/subject/value");
    if (a->currency != b->currency || a->period != b->period || a->type != b->type ||
        a->status != b->status || a->qualifier != b->qualifier ||
        !cache_str_equal(extraction_loan_length(xa, a), extraction_loan_length(xb, b)))
        return CACHE_DIFF("fact details");
    if (a->team != b->team || a->from != b->from || a->to != b->to || a->club != b->club ||
        a->year != b->year || a->goals != b->goals || !cache_mention_equal(&a->span, &b->span))
        return CACHE_DIFF("fact numbers or span");
    return true;
}

/* Whether two extractions hold the same data, field by field. */
static inline bool cache_extraction_equal(const struct extraction *a, const struct extraction *b)
{
    if (a->nentities != b->nentities || a->nfacts != b->nfacts || a->nmentions != b->nmentions)
        return CACHE_DIFF("counts %zu/%u/%zu vs %zu/%u/%zu", a->nentities, (unsigned)a->nmentions,
                          a->nfacts, b->nentities, (unsigned)b->nmentions, b->nfacts);
    for (size_t i = 0; i < a->nentities; i++)
        if (!cache_entity_equal(a, &a->entities[i], b, &b->entities[i]))
            return false;
    for (size_t i = 0; i < a->nfacts; i++)
        if (!cache_fact_equal(a, &a->facts[i], b, &b->facts[i]))
            return false;
    return true;
}

/* Whether two loaded files hold the same article and problems, field by
 * field (the size and mtime too). */
static inline bool cache_loaded_equal(const struct loaded *a, const struct loaded *b)
{
    const struct article *x = a->article, *y = b->article;
    if (!x || !y)
        return x == y ? true : CACHE_DIFF("one loaded has no article");
    if (a->size != b->size || a->mtime_ns != b->mtime_ns || a->nproblems != b->nproblems)
        return CACHE_DIFF("size, mtime or problem count");
    for (size_t i = 0; i < a->nproblems; i++)
        if (!cache_str_equal(a->problems[i].path, b->problems[i].path) ||
            !cache_str_equal(a->problems[i].message, b->problems[i].message) ||
            a->problems[i].warning != b->problems[i].warning)
            return CACHE_DIFF("problem %zu", i);
    if (!cache_str_equal(x->path, y->path) || x->format != y->format ||
        !cache_str_equal(x->title, y->title) || strcmp(x->date, y->date) ||
        x->date_from_mtime != y->date_from_mtime || strcmp(x->text_date, y->text_date))
        return CACHE_DIFF("article %s: path, format, title or dates", x->path);
    if (x->body_len != y->body_len || memcmp(x->body, y->body, x->body_len + 1) ||
        x->body_line != y->body_line || !cache_str_equal(x->warning, y->warning))
        return CACHE_DIFF("article %s: body or warning", x->path);
    const struct frontmatter *m = &x->meta, *n = &y->meta;
    if (!cache_str_equal(m->title, n->title) || !cache_str_equal(m->date, n->date) ||
        !cache_str_equal(m->source, n->source) || !cache_str_equal(m->url, n->url) ||
        !cache_str_equal(m->author, n->author) || m->date_line != n->date_line ||
        m->date_col != n->date_col || m->ntags != n->ntags || m->nextra != n->nextra)
        return CACHE_DIFF("article %s: front matter", x->path);
    for (size_t i = 0; i < m->ntags; i++)
        if (!cache_str_equal(m->tags[i], n->tags[i]))
            return CACHE_DIFF("article %s: tag %zu", x->path, i);
    for (size_t i = 0; i < m->nextra; i++)
        if (!cache_str_equal(m->extra[i].key, n->extra[i].key) ||
            !cache_str_equal(m->extra[i].value, n->extra[i].value))
            return CACHE_DIFF("article %s: extra key %zu", x->path, i);
    return true;
}

/* "prefix set i k" as an owned string. */
static inline char *cache_name_dup(const char *prefix, unsigned set, size_t i, size_t k)
{
    char s[128];
    snprintf(s, sizeof s, "%s %u %zu %zu", prefix, set, i, k);
    return xstrdup(s);
}

/* A deterministic extraction for record i of set `set`: 1 to 4 entities with
 * 1 to 4 mentions each, 1 to 3 facts with every field set (or none in turn;
 * the loan lengths of facts 0 and 2 are the same string, one code). */
static inline void cache_synth(struct extraction *x, unsigned set, size_t i)
{
    memset(x, 0, sizeof *x);
    x->nentities = 1 + i % 4;
    x->entities = xcalloc(x->nentities, sizeof *x->entities);
    for (size_t k = 0; k < x->nentities; k++) {
        struct found_entity *e = &x->entities[k];
        e->id = cache_name_dup("person:set", set, i, k);
        e->name = cache_name_dup("Pérez", set, i, k);
        e->kind = (enum entity_kind)((i + k) % ENTITY_KIND_COUNT);
        e->role = (enum person_role)((i + k + set) % (ROLE_OTHER + 1));
        e->first_mention = x->nmentions;
        e->nmentions = 1 + (i + k) % 4;
        x->nmentions += e->nmentions;
    }
    x->mentions = xcalloc(x->nmentions, sizeof *x->mentions);
    for (size_t k = 0; k < x->nentities; k++) {
        const struct found_entity *e = &x->entities[k];
        for (size_t m = 0; m < e->nmentions; m++)
            x->mentions[e->first_mention + m] =
                (struct mention){.start = (uint32_t)(100 * m + i),
                                 .end = (uint32_t)(100 * m + i + 7 + k),
                                 .in_title = m == 0};
    }
    struct buf loans;
    buf_init(&loans);
    x->nfacts = 1 + (i + set) % 3;
    x->facts = xcalloc(x->nfacts, sizeof *x->facts);
    for (size_t k = 0; k < x->nfacts; k++) {
        size_t j = i + k + set;
        struct fact *f = &x->facts[k];
        f->kind = (enum fact_kind)(j % FACT_KIND_COUNT);
        f->subject = (int)(j % (x->nentities + 1)) - 1;
        f->has_value = j % 5 != 0;
        f->value = (double)i * 1.25e6 + set + 0.1 * (double)k;
        f->currency = (enum fact_currency)(j % FACT_CURRENCY_COUNT);
        f->period = (enum fact_period)((j / 4) % FACT_PERIOD_COUNT);
        f->type = (enum fact_type)(j % FACT_TYPE_COUNT);
        f->status = (enum fact_status)((j / 3) % FACT_STATUS_COUNT);
        f->qualifier = (enum fact_qualifier)((j / 2) % FACT_QUALIFIER_COUNT);
        f->team = (int)x->nentities - 1;
        f->from = (int)((j + 1) % (x->nentities + 1)) - 1;
        f->to = 0;
        f->club = j % 2 ? NO_ENTITY : 0;
        f->year = j % 7 ? 2000 + (int)(j % 30) : 0;
        f->goals = j % 3 ? (int)(j % 50) : -1;
        if (j % 2) {
            char *length = cache_name_dup("season-long", set, i, k % 2);
            f->loan_length = (uint8_t)extraction_loan_lengths_add(&loans, length, strlen(length));
            x->nloan_lengths =
                f->loan_length > x->nloan_lengths ? f->loan_length : x->nloan_lengths;
            free(length);
        }
        f->span = (struct mention){
            .start = (uint32_t)(i + 3 * k), .end = (uint32_t)(i + 3 * k + 11), .in_title = k == 1};
    }
    x->loan_lengths = loans.len ? buf_detach(&loans, NULL) : NULL;
    buf_free(&loans);
}

#endif
