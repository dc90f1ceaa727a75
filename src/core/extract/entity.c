/* entity: names of kinds and roles, entity ids, loan length codes, and
 * packing and freeing an extraction. */
#include "core/extract/entity.h"
#include "core/base/buf.h"
#include "core/base/fold.h"
#include "core/base/utf8.h"
#include "core/base/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[ENTITY_KIND_COUNT] = {"person", "club", "national_team",
                                                          "competition", "media"};
static const char *const role_names[] = {"unknown", "player",   "manager",
                                         "agent",   "official", "other"};
static const char *const fact_names[FACT_KIND_COUNT] = {
    "fee",         "wage", "release_clause", "loan",   "contract", "caps",
    "appearances", "age",  "interest",       "source", "offer"};
static const char *const currency_names[FACT_CURRENCY_COUNT] = {NULL, "GBP", "EUR", "USD"};
static const char *const period_names[FACT_PERIOD_COUNT] = {NULL, "week", "month", "year"};
static const char *const type_names[FACT_TYPE_COUNT] = {NULL, "end", "length"};
static const char *const status_names[FACT_STATUS_COUNT] = {NULL, "expires", "offered", "signed"};
static const char *const qualifier_names[FACT_QUALIFIER_COUNT] = {
    NULL, "up to", "reported", "undisclosed", "asking", "at the time", "add-ons", "instalment"};

const char *entity_kind_name(enum entity_kind k)
{
    return (unsigned)k < ENTITY_KIND_COUNT ? kind_names[k] : "unknown";
}

bool entity_kind_parse(const char *s, enum entity_kind *out)
{
    for (int i = 0; i < ENTITY_KIND_COUNT; i++) {
        if (!strcmp(s, kind_names[i])) {
            *out = (enum entity_kind)i;
            return true;
        }
    }
    return false;
}

const char *person_role_name(enum person_role r)
{
    return (unsigned)r <= ROLE_OTHER ? role_names[r] : "unknown";
}

bool person_role_parse(const char *s, enum person_role *out)
{
    for (int i = 0; i <= ROLE_OTHER; i++) {
        if (!strcmp(s, role_names[i])) {
            *out = (enum person_role)i;
            return true;
        }
    }
    return false;
}

const char *fact_kind_name(enum fact_kind k)
{
    return (unsigned)k < FACT_KIND_COUNT ? fact_names[k] : "unknown";
}

const char *fact_currency_name(enum fact_currency c)
{
    return (unsigned)c < FACT_CURRENCY_COUNT ? currency_names[c] : NULL;
}

const char *fact_period_name(enum fact_period p)
{
    return (unsigned)p < FACT_PERIOD_COUNT ? period_names[p] : NULL;
}

const char *fact_type_name(enum fact_type t)
{
    return (unsigned)t < FACT_TYPE_COUNT ? type_names[t] : NULL;
}

const char *fact_status_name(enum fact_status s)
{
    return (unsigned)s < FACT_STATUS_COUNT ? status_names[s] : NULL;
}

const char *fact_qualifier_name(enum fact_qualifier q)
{
    return (unsigned)q < FACT_QUALIFIER_COUNT ? qualifier_names[q] : NULL;
}

size_t entity_id_room(enum entity_kind kind, size_t name_len)
{
    return strlen(entity_kind_name(kind)) + 1 + 2 * name_len + 1;
}

char *entity_make_id(enum entity_kind kind, const char *name)
{
    char *id = xmalloc(entity_id_room(kind, strlen(name)));
    entity_write_id(kind, name, id);
    return id;
}

size_t entity_write_id(enum entity_kind kind, const char *name, char *out)
{
    const char *kind_name = entity_kind_name(kind);
    size_t klen = strlen(kind_name), len = strlen(name);
    char *o = out;
    memcpy(o, kind_name, klen);
    o += klen;
    *o++ = ':';
    char *start = o;
    bool dash = false;
    for (size_t i = 0; i < len;) {
        uint32_t cp = (unsigned char)name[i];
        if (cp < 0x80) { /* ASCII: no decoding, the fold table (0: no letter or digit) */
            i++;
            cp = fold_ascii[cp] ? fold_ascii[cp] : cp;
        } else {
            i += utf8_decode(name + i, len - i, &cp);
            cp = utf8_fold_cp(cp);
        }
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            if (dash && o > start)
                *o++ = '-';
            *o++ = (char)cp;
            dash = false;
        } else if (cp != '\'') {
            dash = true;
        }
    }
    *o = '\0';
    return (size_t)(o - out);
}

const char *extraction_loan_length(const struct extraction *x, const struct fact *f)
{
    const char *s = x->loan_lengths;
    for (unsigned k = 1; k <= x->nloan_lengths; k++, s += strlen(s) + 1)
        if (k == f->loan_length)
            return s;
    return NULL;
}

size_t extraction_loan_lengths_size(const struct extraction *x)
{
    size_t n = 0;
    for (unsigned k = 0; k < x->nloan_lengths; k++)
        n += strlen(x->loan_lengths + n) + 1;
    return n;
}

unsigned extraction_loan_lengths_add(struct buf *t, const char *s, size_t n)
{
    unsigned k = 1;
    for (size_t at = 0; at < t->len; k++) {
        size_t len = strlen(t->data + at);
        if (len == n && !memcmp(t->data + at, s, n))
            return k;
        at += len + 1;
    }
    if (k > FACT_MAX_LOAN_LENGTHS)
        return 0;
    buf_append(t, s, n);
    buf_append(t, "", 1);
    return k;
}

void extraction_free(struct extraction *x)
{
    if (x->block) {
        if (!x->block_borrowed)
            free(x->block);
        memset(x, 0, sizeof *x);
        return;
    }
    for (size_t i = 0; i < x->nentities; i++) {
        free(x->entities[i].id);
        free(x->entities[i].name);
    }
    free(x->entities);
    free(x->mentions);
    free(x->facts);
    free(x->loan_lengths);
    memset(x, 0, sizeof *x);
}

/* Bytes for n objects of `size`, rounded up to 8 so what follows is aligned. */
static size_t span8(size_t n, size_t size)
{
    return (n * size + 7) & ~(size_t)7;
}

static size_t packed_size(const struct extraction *x, char *const *ids, char *const *names)
{
    size_t total = span8(x->nentities, sizeof *x->entities) + span8(x->nfacts, sizeof *x->facts) +
                   span8(x->nmentions, sizeof *x->mentions) + extraction_loan_lengths_size(x);
    for (size_t i = 0; i < x->nentities; i++) {
        if (!ids || !ids[i])
            total += strlen(x->entities[i].id) + 1;
        if (!names || !names[i])
            total += strlen(x->entities[i].name) + 1;
    }
    return total;
}

/* Copies n bytes to *at and moves *at past them (NULL when n is 0). */
static void *put_bytes(char **at, const void *s, size_t n)
{
    if (!n)
        return NULL;
    void *copy = memcpy(*at, s, n);
    *at += n;
    return copy;
}

/* Copies a string to *at and moves *at past it. */
static char *put_string(char **at, const char *s)
{
    return put_bytes(at, s, strlen(s) + 1);
}

/* Packs x; entity i's id and name are copied in, or point to ids[i] and
 * names[i] when those arrays and entries are not NULL. The block holds the
 * entities, the facts, the mentions, then the strings. */
static void pack(struct extraction *x, char *const *ids, char *const *names)
{
    char *block = xmalloc(packed_size(x, ids, names)), *at = block;
    struct extraction p = *x;
    p.entities = put_bytes(&at, x->entities, x->nentities * sizeof *x->entities);
    at = block + span8(x->nentities, sizeof *x->entities);
    p.facts = put_bytes(&at, x->facts, x->nfacts * sizeof *x->facts);
    at = block + span8(x->nentities, sizeof *x->entities) + span8(x->nfacts, sizeof *x->facts);
    p.mentions = put_bytes(&at, x->mentions, x->nmentions * sizeof *x->mentions);
    for (size_t i = 0; i < x->nentities; i++) {
        p.entities[i].id = ids && ids[i] ? ids[i] : put_string(&at, x->entities[i].id);
        p.entities[i].name = names && names[i] ? names[i] : put_string(&at, x->entities[i].name);
    }
    p.loan_lengths = put_bytes(&at, x->loan_lengths, extraction_loan_lengths_size(x));
    p.block = block;
    p.block_borrowed = false;
    extraction_free(x);
    *x = p;
}

bool extraction_fits_article(const struct extraction *x, size_t title_len, size_t body_len)
{
    for (size_t l = 0; l < x->nentities; l++) {
        const struct found_entity *fe = &x->entities[l];
        const struct mention *mentions = extraction_mentions_of(x, fe);
        for (size_t m = 0; m < fe->nmentions; m++) {
            const struct mention *mn = &mentions[m];
            if (mn->start > mn->end || mn->end > (mn->in_title ? title_len : body_len))
                return false;
        }
    }
    return true;
}

void extraction_pack(struct extraction *x)
{
    if (!x->block && (x->nentities || x->nfacts))
        pack(x, NULL, NULL);
}

void extraction_pack_shared(struct extraction *x, char *const *ids, char *const *names)
{
    if (x->nentities || x->nfacts)
        pack(x, ids, names);
}
