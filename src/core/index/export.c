/* export: an article's extraction as the `touchline extract` JSON object. */
#include "core/index/export.h"
#include "core/base/json.h"

#include <string.h>

/* "key": s for a key written here (plain: copied without a check). */
#define KV_STRING(j, literal, s) (JSON_KEY(j, literal), json_string(j, s))

/* Appends the n bytes of a literal (n known where it is written). */
static inline void put_literal(struct buf *b, const char *literal, size_t n)
{
    if (b->len + n >= b->cap)
        buf_reserve(b, n);
    memcpy(b->data + b->len, literal, n);
    b->len += n;
    b->data[b->len] = '\0';
}
#define PUT_LITERAL(b, literal) put_literal((b), "" literal "", sizeof(literal) - 1)

/* The mentions array of compact output, written straight into the buffer:
 * what the json calls below write for it, with the keys, commas and braces
 * as literals. */
static void put_mentions(struct buf *b, const struct article *a, const struct mention *mentions,
                         size_t n)
{
    PUT_LITERAL(b, "[");
    for (size_t m = 0; m < n; m++) {
        const struct mention *mn = &mentions[m];
        const char *text = mn->in_title ? a->title : a->body;
        if (m)
            PUT_LITERAL(b, ",{\"start\":");
        else
            PUT_LITERAL(b, "{\"start\":");
        json_put_unsigned(b, mn->start);
        PUT_LITERAL(b, ",\"end\":");
        json_put_unsigned(b, mn->end);
        PUT_LITERAL(b, ",\"text\":");
        json_put_string(b, text + mn->start, mn->end - mn->start);
        if (mn->in_title)
            PUT_LITERAL(b, ",\"field\":\"title\"}");
        else
            PUT_LITERAL(b, "}");
    }
    PUT_LITERAL(b, "]");
}

static void write_mentions(struct json *j, const struct article *a, const struct extraction *x,
                           const struct found_entity *e)
{
    JSON_KEY(j, "mentions");
    json_begin_array(j);
    const struct mention *mentions = extraction_mentions_of(x, e);
    for (size_t m = 0; m < e->nmentions; m++) {
        const struct mention *mn = &mentions[m];
        const char *text = mn->in_title ? a->title : a->body;
        json_begin_object(j);
        JSON_KEY(j, "start");
        json_unsigned(j, mn->start);
        JSON_KEY(j, "end");
        json_unsigned(j, mn->end);
        JSON_KEY(j, "text");
        json_string_n(j, text + mn->start, mn->end - mn->start);
        if (mn->in_title)
            KV_STRING(j, "field", "title");
        json_end_object(j);
    }
    json_end_array(j);
}

/* A string with no byte to escape (a kind's or a role's name: lower-case
 * words and '_'), quoted. */
static void put_plain_string(struct buf *b, const char *s)
{
    size_t n = strlen(s);
    if (b->len + n + 2 >= b->cap)
        buf_reserve(b, n + 2);
    char *o = b->data + b->len;
    o[0] = '"';
    memcpy(o + 1, s, n);
    o[n + 1] = '"';
    o[n + 2] = '\0';
    b->len += n + 2;
}

/* The entities array of compact output, written straight into the buffer,
 * as put_mentions writes each one's mentions: what write_entities writes
 * through the json calls, with the keys, commas and braces as literals. */
static void put_entities(struct buf *b, const struct index *ix, size_t article)
{
    const struct article *a = ix->corpus->articles[article];
    const struct extraction *x = index_extraction(ix, article);
    PUT_LITERAL(b, "[");
    for (size_t i = 0; i < x->nentities; i++) {
        const struct found_entity *e = &x->entities[i];
        if (i)
            PUT_LITERAL(b, ",{\"id\":");
        else
            PUT_LITERAL(b, "{\"id\":");
        json_put_string(b, e->id, strlen(e->id));
        int g = index_global(ix, article, i);
        if (g >= 0 && ix->entities[g].id != e->id) {
            PUT_LITERAL(b, ",\"corpus_id\":");
            json_put_string(b, ix->entities[g].id, strlen(ix->entities[g].id));
        }
        PUT_LITERAL(b, ",\"name\":");
        json_put_string(b, e->name, strlen(e->name));
        PUT_LITERAL(b, ",\"kind\":");
        put_plain_string(b, entity_kind_name(e->kind));
        if (e->kind == ENTITY_PERSON && e->role != ROLE_UNKNOWN) {
            PUT_LITERAL(b, ",\"role\":");
            put_plain_string(b, person_role_name(e->role));
        }
        PUT_LITERAL(b, ",\"mentions\":");
        put_mentions(b, a, extraction_mentions_of(x, e), e->nmentions);
        PUT_LITERAL(b, "}");
    }
    PUT_LITERAL(b, "]");
}

static void write_entities(struct json *j, const struct index *ix, size_t article)
{
    const struct article *a = ix->corpus->articles[article];
    const struct extraction *x = index_extraction(ix, article);
    JSON_KEY(j, "entities");
    if (!j->pretty) {
        put_entities(json_raw_value(j), ix, article);
        return;
    }
    json_begin_array(j);
    for (size_t i = 0; i < x->nentities; i++) {
        const struct found_entity *e = &x->entities[i];
        json_begin_object(j);
        KV_STRING(j, "id", e->id);
        int g = index_global(ix, article, i);
        if (g >= 0 && ix->entities[g].id != e->id)
            KV_STRING(j, "corpus_id", ix->entities[g].id);
        KV_STRING(j, "name", e->name);
        KV_STRING(j, "kind", entity_kind_name(e->kind));
        if (e->kind == ENTITY_PERSON && e->role != ROLE_UNKNOWN)
            KV_STRING(j, "role", person_role_name(e->role));
        write_mentions(j, a, x, e);
        json_end_object(j);
    }
    json_end_array(j);
}

static void entity_field(struct json *j, const struct extraction *x, const char *key, int e)
{
    if (e >= 0 && (size_t)e < x->nentities)
        json_kv_string(j, key, x->entities[e].name);
}

static void optional_string(struct json *j, const char *key, const char *v)
{
    if (v)
        json_kv_string(j, key, v);
}

void export_fact_fields(struct json *j, const struct article *a, const struct extraction *x,
                        const struct fact *f)
{
    KV_STRING(j, "kind", fact_kind_name(f->kind));
    entity_field(j, x, "subject", f->subject);
    if (f->has_value)
        json_kv_number(j, "value", f->value);
    optional_string(j, "currency", fact_currency_name(f->currency));
    optional_string(j, "period", fact_period_name(f->period));
    optional_string(j, "type", fact_type_name(f->type));
    optional_string(j, "status", fact_status_name(f->status));
    optional_string(j, "qualifier", fact_qualifier_name(f->qualifier));
    entity_field(j, x, "team", f->team);
    entity_field(j, x, "from", f->from);
    entity_field(j, x, "to", f->to);
    entity_field(j, x, f->kind == FACT_SOURCE ? "media" : "club", f->club);
    if (f->year)
        json_kv_number(j, "year", f->year);
    if (f->goals >= 0)
        json_kv_number(j, "goals", f->goals);
    optional_string(j, "length", extraction_loan_length(x, f));
    JSON_KEY(j, "text");
    json_string_n(j, (f->span.in_title ? a->title : a->body) + f->span.start,
                  f->span.end - f->span.start);
    if (f->span.in_title) /* a fact the headline gives: offsets into the title */
        KV_STRING(j, "field", "title");
    JSON_KEY(j, "start");
    json_unsigned(j, f->span.start);
    JSON_KEY(j, "end");
    json_unsigned(j, f->span.end);
}

static void write_fact(struct json *j, const struct article *a, const struct extraction *x,
                       const struct fact *f)
{
    json_begin_object(j);
    export_fact_fields(j, a, x, f);
    json_end_object(j);
}

void export_article_json(struct buf *out, const struct index *ix, size_t article, bool pretty)
{
    const struct article *a = ix->corpus->articles[article];
    const struct extraction *x = index_extraction(ix, article);
    struct json j;
    json_init(&j, out, pretty);
    json_begin_object(&j);
    KV_STRING(&j, "path", a->path);
    KV_STRING(&j, "title", a->title);
    KV_STRING(&j, "date", a->date);
    if (a->meta.source)
        KV_STRING(&j, "source", a->meta.source);
    write_entities(&j, ix, article);
    JSON_KEY(&j, "facts");
    json_begin_array(&j);
    for (size_t i = 0; i < x->nfacts; i++)
        write_fact(&j, a, x, &x->facts[i]);
    json_end_array(&j);
    json_end_object(&j);
}
