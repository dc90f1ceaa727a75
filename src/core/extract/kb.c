/* kb: loading and merging the YAML knowledge base (schema: src/kb/README.md). */
#include "core/extract/kb.h"
#include "core/base/buf.h"
#include "core/base/hash.h"
#include "core/base/fold.h"
#include "core/extract/kb_builtin.h"
#include "core/base/xalloc.h"

#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

/* Reading one YAML document: the path for messages and a bound on how many
 * nodes may be visited, so that aliases cannot make the walk explode. */
struct reader {
    const char *path;
    yaml_document_t *doc;
    size_t visits, max_visits;
    struct tl_error *err;
};

static bool fail_at(struct reader *r, const yaml_node_t *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static bool fail_at(struct reader *r, const yaml_node_t *n, const char *fmt, ...)
{
    char msg[512];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof msg, fmt, ap);
    va_end(ap);
    return tl_error_at(r->err, r->path, (unsigned)n->start_mark.line + 1,
                       (unsigned)n->start_mark.column + 1, "%s", msg);
}

static yaml_node_t *node(struct reader *r, int id)
{
    if (++r->visits > r->max_visits)
        return NULL;
    return yaml_document_get_node(r->doc, id);
}

static bool too_many(struct reader *r)
{
    return tl_error_at(r->err, r->path, 1, 1,
                       "too many nodes visited (aliases expanding?); the file is refused");
}

struct kb *kb_new_empty(void)
{
    return xcalloc(1, sizeof(struct kb));
}

static void free_words(char **w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(w[i]);
    free(w);
}

void kb_free(struct kb *kb)
{
    if (!kb)
        return;
    for (size_t i = 0; i < kb->nentries; i++) {
        free(kb->entries[i].name);
        free(kb->entries[i].id);
        free(kb->entries[i].country);
        free(kb->entries[i].league);
    }
    free(kb->entries);
    free(kb->slots);
    for (size_t i = 0; i < kb->nforms; i++)
        free(kb->forms[i].text);
    free(kb->forms);
    free_words(kb->lex.given_names, kb->lex.ngiven);
    free_words(kb->lex.particles, kb->lex.nparticles);
    free_words(kb->lex.not_names, kb->lex.nnot_names);
    free_words(kb->lex.short_names, kb->lex.nshort);
    for (int r = 0; r <= ROLE_OTHER; r++)
        free_words(kb->lex.role_words[r], kb->lex.nrole_words[r]);
    free(kb);
}

static int compare_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

bool kb_word_in(char *const *list, size_t n, const char *folded)
{
    return n && bsearch(&folded, list, n, sizeof *list, compare_str) != NULL;
}

static char *scalar(const yaml_node_t *n)
{
    return xstrndup((const char *)n->data.scalar.value, n->data.scalar.length);
}

static void add_form(struct kb *kb, const char *text, enum kb_form_kind kind, int entry)
{
    if (!*text)
        return;
    if (kind == KB_FORM_WEAK) {
        /* A name listed as weak ("Reading") is itself only a weak form. */
        for (size_t i = 0; i < kb->nforms; i++)
            if (kb->forms[i].entry == entry && kb->forms[i].kind == KB_FORM_NAME &&
                !strcasecmp(kb->forms[i].text, text)) {
                kb->forms[i].kind = KB_FORM_WEAK;
                return;
            }
    }
    kb->forms = xgrow(kb->forms, &kb->fcap, kb->nforms + 1, sizeof *kb->forms);
    kb->forms[kb->nforms++] = (struct kb_form){xstrdup(text), kind, entry};
}

/* Slot of an id (ids carry their kind) in the entry hash. */
static size_t id_slot(const struct kb *kb, const char *id)
{
    size_t mask = kb->nslots - 1, i = (size_t)hash_str(id) & mask;
    while (kb->slots[i] >= 0 && strcmp(kb->entries[kb->slots[i]].id, id) != 0)
        i = (i + 1) & mask;
    return i;
}

static void rehash_entries(struct kb *kb)
{
    free(kb->slots);
    kb->nslots = kb->nslots ? kb->nslots * 2 : 1024;
    kb->slots = xmalloc(kb->nslots * sizeof *kb->slots);
    memset(kb->slots, 0xff, kb->nslots * sizeof *kb->slots);
    for (size_t e = 0; e < kb->nentries; e++)
        kb->slots[id_slot(kb, kb->entries[e].id)] = (int)e;
}

static int find_entry(const struct kb *kb, enum entity_kind kind, const char *id)
{
    (void)kind; /* the id starts with the kind */
    return kb->nslots ? kb->slots[id_slot(kb, id)] : -1;
}

/* Reads a list of strings (or one string) into forms of an entry. */
static bool read_forms(struct reader *r, struct kb *kb, yaml_node_t *v, enum kb_form_kind kind,
                       int entry)
{
    if (v->type == YAML_SCALAR_NODE) {
        char *s = scalar(v);
        add_form(kb, s, kind, entry);
        free(s);
        return true;
    }
    if (v->type != YAML_SEQUENCE_NODE)
        return fail_at(r, v, "%s", "expected a list of names");
    for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top;
         it++) {
        yaml_node_t *item = node(r, *it);
        if (!item)
            return too_many(r);
        if (item->type != YAML_SCALAR_NODE)
            return fail_at(r, item, "%s", "expected a name (a string)");
        char *s = scalar(item);
        add_form(kb, s, kind, entry);
        free(s);
    }
    return true;
}

static const char *const entry_keys[] = {
    "name", "aliases", "nicknames",     "weak",    "demonyms", "country", "league", "code",
    "role", "type",    "confederation", "founded", "city",     "note",    NULL};

static bool known_entry_key(const char *k)
{
    for (size_t i = 0; entry_keys[i]; i++)
        if (!strcmp(k, entry_keys[i]))
            return true;
    return false;
}

/* The `name` value of an entry mapping, or NULL. */
static yaml_node_t *entry_name(struct reader *r, yaml_node_t *m)
{
    for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
        yaml_node_t *k = node(r, p->key), *v = node(r, p->value);
        if (k && v && k->type == YAML_SCALAR_NODE && !strcmp((char *)k->data.scalar.value, "name"))
            return v;
    }
    return NULL;
}

static int get_or_add_entry(struct kb *kb, enum entity_kind kind, const char *name)
{
    char *id = entity_make_id(kind, name);
    int e = find_entry(kb, kind, id);
    if (e >= 0) {
        free(id);
        return e;
    }
    kb->entries = xgrow(kb->entries, &kb->ecap, kb->nentries + 1, sizeof *kb->entries);
    struct kb_entry *en = &kb->entries[kb->nentries];
    memset(en, 0, sizeof *en);
    en->name = xstrdup(name);
    en->id = id;
    en->kind = kind;
    add_form(kb, name, KB_FORM_NAME, (int)kb->nentries);
    kb->nentries++;
    if (kb->nentries * 2 > kb->nslots)
        rehash_entries(kb);
    else
        kb->slots[id_slot(kb, id)] = (int)kb->nentries - 1;
    return (int)kb->nentries - 1;
}

static bool read_entry_field(struct reader *r, struct kb *kb, int e, const char *key,
                             yaml_node_t *k, yaml_node_t *v)
{
    struct kb_entry *en = &kb->entries[e];
    if (!strcmp(key, "aliases"))
        return read_forms(r, kb, v, KB_FORM_ALIAS, e);
    if (!strcmp(key, "nicknames"))
        return read_forms(r, kb, v, KB_FORM_NICKNAME, e);
    if (!strcmp(key, "weak"))
        return read_forms(r, kb, v, KB_FORM_WEAK, e);
    if (!strcmp(key, "demonyms"))
        return read_forms(r, kb, v, KB_FORM_DEMONYM, e);
    if (!known_entry_key(key))
        return fail_at(r, k,
                       "unknown field '%s' (expected name, aliases, nicknames, weak, "
                       "demonyms, country, league, role)",
                       key);
    if (v->type != YAML_SCALAR_NODE)
        return fail_at(r, v, "'%s' must be a single value", key);
    if (!strcmp(key, "role")) {
        char *s = scalar(v);
        bool ok = person_role_parse(s, &en->role);
        free(s);
        return ok || fail_at(r, v, "%s",
                             "unknown role (expected player, manager, agent, "
                             "official, other)");
    }
    char **slot = !strcmp(key, "country")  ? &en->country
                  : !strcmp(key, "league") ? &en->league
                                           : NULL;
    if (slot) {
        free(*slot);
        *slot = scalar(v);
    }
    return true;
}

static bool read_entry(struct reader *r, struct kb *kb, enum entity_kind kind, yaml_node_t *m)
{
    if (m->type != YAML_MAPPING_NODE)
        return fail_at(r, m, "%s", "expected an entry (a mapping with at least 'name')");
    yaml_node_t *name = entry_name(r, m);
    if (!name || name->type != YAML_SCALAR_NODE || !name->data.scalar.length)
        return fail_at(r, m, "%s", "entry has no 'name'");
    char *nm = scalar(name);
    int e = get_or_add_entry(kb, kind, nm);
    free(nm);
    for (yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top; p++) {
        yaml_node_t *k = node(r, p->key), *v = node(r, p->value);
        if (!k || !v)
            return too_many(r);
        if (k->type != YAML_SCALAR_NODE)
            return fail_at(r, k, "%s", "field names must be strings");
        char *key = scalar(k);
        bool ok = !strcmp(key, "name") || read_entry_field(r, kb, e, key, k, v);
        free(key);
        if (!ok)
            return false;
    }
    return true;
}

static bool read_entries(struct reader *r, struct kb *kb, enum entity_kind kind, yaml_node_t *v)
{
    if (v->type != YAML_SEQUENCE_NODE)
        return fail_at(r, v, "%s", "expected a list of entries");
    for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top;
         it++) {
        yaml_node_t *item = node(r, *it);
        if (!item)
            return too_many(r);
        if (!read_entry(r, kb, kind, item))
            return false;
    }
    return true;
}

/* Appends folded words from a string list into (*list, *n). */
static bool read_words(struct reader *r, yaml_node_t *v, char ***list, size_t *n)
{
    if (v->type != YAML_SEQUENCE_NODE)
        return fail_at(r, v, "%s", "expected a list of words");
    for (yaml_node_item_t *it = v->data.sequence.items.start; it < v->data.sequence.items.top;
         it++) {
        yaml_node_t *item = node(r, *it);
        if (!item)
            return too_many(r);
        if (item->type != YAML_SCALAR_NODE)
            return fail_at(r, item, "%s", "expected a word (a string)");
        *list = xrealloc(*list, (*n + 1) * sizeof **list);
        (*list)[(*n)++] = fold_text((char *)item->data.scalar.value, item->data.scalar.length);
    }
    return true;
}

static void sort_words(char **w, size_t *n)
{
    qsort(w, *n, sizeof *w, compare_str);
    size_t out = 0;
    for (size_t i = 0; i < *n; i++) {
        if (out && !strcmp(w[out - 1], w[i]))
            free(w[i]);
        else
            w[out++] = w[i];
    }
    *n = out;
}

static void append_words(char ***dst, size_t *nd, char **src, size_t ns)
{
    *dst = xrealloc(*dst, (*nd + ns + 1) * sizeof **dst);
    for (size_t i = 0; i < ns; i++)
        (*dst)[(*nd)++] = xstrdup(src[i]);
    sort_words(*dst, nd);
}

/* Called by read_word_map for each entry: the key node and its folded words,
 * which the callee owns. */
typedef bool (*word_map_fn)(struct reader *r, struct kb *kb, yaml_node_t *key, char **words,
                            size_t nwords);

/* A mapping of names to lists of words (role_words, short_names). */
static bool read_word_map(struct reader *r, struct kb *kb, yaml_node_t *v, const char *what,
                          word_map_fn take)
{
    if (v->type != YAML_MAPPING_NODE)
        return fail_at(r, v, "expected a mapping of %s", what);
    for (yaml_node_pair_t *p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top; p++) {
        yaml_node_t *k = node(r, p->key), *val = node(r, p->value);
        if (!k || !val)
            return too_many(r);
        if (k->type != YAML_SCALAR_NODE)
            return fail_at(r, k, "%s", "expected a name (a string) as the key");
        char **words = NULL;
        size_t n = 0;
        if (!read_words(r, val, &words, &n) || !take(r, kb, k, words, n)) {
            free_words(words, n);
            return false;
        }
    }
    return true;
}

/* role_words: role -> words that give a person that role. */
static bool take_role_words(struct reader *r, struct kb *kb, yaml_node_t *key, char **words,
                            size_t n)
{
    enum person_role role;
    if (!person_role_parse((char *)key->data.scalar.value, &role))
        return fail_at(r, key, "%s", "expected a role (player, manager, agent, official, other)");
    append_words(&kb->lex.role_words[role], &kb->lex.nrole_words[role], words, n);
    free_words(words, n);
    return true;
}

/* short_names: a short form -> the given names it stands for, kept as
 * "short full" pairs. */
static bool take_short_names(struct reader *r, struct kb *kb, yaml_node_t *key, char **words,
                             size_t n)
{
    (void)r;
    char *shortf = fold_text((char *)key->data.scalar.value, key->data.scalar.length);
    for (size_t i = 0; i < n; i++) {
        struct buf pair;
        buf_init(&pair);
        buf_printf(&pair, "%s %s", shortf, words[i]);
        kb->lex.short_names =
            xrealloc(kb->lex.short_names, (kb->lex.nshort + 1) * sizeof *kb->lex.short_names);
        kb->lex.short_names[kb->lex.nshort++] = buf_detach(&pair, NULL);
    }
    free(shortf);
    free_words(words, n);
    return true;
}

static bool read_section(struct reader *r, struct kb *kb, const char *key, yaml_node_t *k,
                         yaml_node_t *v)
{
    static const struct {
        const char *key;
        enum entity_kind kind;
    } sections[] = {{"clubs", ENTITY_CLUB},
                    {"national_teams", ENTITY_NATIONAL_TEAM},
                    {"competitions", ENTITY_COMPETITION},
                    {"media", ENTITY_MEDIA},
                    {"people", ENTITY_PERSON}};
    for (size_t i = 0; i < sizeof sections / sizeof *sections; i++)
        if (!strcmp(key, sections[i].key))
            return read_entries(r, kb, sections[i].kind, v);
    if (!strcmp(key, "given_names"))
        return read_words(r, v, &kb->lex.given_names, &kb->lex.ngiven);
    if (!strcmp(key, "name_particles"))
        return read_words(r, v, &kb->lex.particles, &kb->lex.nparticles);
    if (!strcmp(key, "not_names"))
        return read_words(r, v, &kb->lex.not_names, &kb->lex.nnot_names);
    if (!strcmp(key, "role_words"))
        return read_word_map(r, kb, v, "role to words", take_role_words);
    if (!strcmp(key, "short_names"))
        return read_word_map(r, kb, v, "short name to given names", take_short_names);
    return fail_at(r, k,
                   "unknown section '%s' (expected clubs, national_teams, competitions, media, "
                   "people, given_names, name_particles, not_names, role_words or short_names)",
                   key);
}

static bool read_document(struct reader *r, struct kb *kb)
{
    yaml_node_t *root = yaml_document_get_root_node(r->doc);
    if (!root)
        return true; /* an empty file adds nothing */
    if (root->type != YAML_MAPPING_NODE)
        return fail_at(r, root, "%s", "expected a mapping of sections (clubs:, media:, ...)");
    for (yaml_node_pair_t *p = root->data.mapping.pairs.start; p < root->data.mapping.pairs.top;
         p++) {
        yaml_node_t *k = node(r, p->key), *v = node(r, p->value);
        if (!k || !v)
            return too_many(r);
        if (k->type != YAML_SCALAR_NODE)
            return fail_at(r, k, "%s", "section names must be strings");
        if (!read_section(r, kb, (char *)k->data.scalar.value, k, v))
            return false;
    }
    return true;
}

/* Merges a freshly read base `add` into `kb`. */
static void merge(struct kb *kb, const struct kb *add)
{
    for (size_t i = 0; i < add->nentries; i++) {
        const struct kb_entry *src = &add->entries[i];
        int e = get_or_add_entry(kb, src->kind, src->name);
        struct kb_entry *dst = &kb->entries[e];
        if (src->role != ROLE_UNKNOWN)
            dst->role = src->role;
        if (src->country) {
            free(dst->country);
            dst->country = xstrdup(src->country);
        }
        if (src->league) {
            free(dst->league);
            dst->league = xstrdup(src->league);
        }
    }
    for (size_t i = 0; i < add->nforms; i++) {
        const struct kb_form *f = &add->forms[i];
        if (f->kind == KB_FORM_NAME)
            continue;
        const struct kb_entry *src = &add->entries[f->entry];
        add_form(kb, f->text, f->kind, get_or_add_entry(kb, src->kind, src->name));
    }
    const struct kb_lexicon *l = &add->lex;
    append_words(&kb->lex.given_names, &kb->lex.ngiven, l->given_names, l->ngiven);
    append_words(&kb->lex.particles, &kb->lex.nparticles, l->particles, l->nparticles);
    append_words(&kb->lex.not_names, &kb->lex.nnot_names, l->not_names, l->nnot_names);
    append_words(&kb->lex.short_names, &kb->lex.nshort, l->short_names, l->nshort);
    for (int r = 0; r <= ROLE_OTHER; r++)
        append_words(&kb->lex.role_words[r], &kb->lex.nrole_words[r], l->role_words[r],
                     l->nrole_words[r]);
}

/* How deep a KB file may nest collections. libyaml's document loader takes
 * time quadratic in the nesting depth (a line of 100,000 '[' ran for minutes),
 * so the events are streamed first and a deeper file is refused early. */
#define KB_MAX_DEPTH 32

/* Streams the events of text: false with err set at the first collection
 * nested deeper than KB_MAX_DEPTH. YAML errors are left to the loader. */
static bool check_depth(const char *path, const char *text, size_t len, struct tl_error *err)
{
    yaml_parser_t parser;
    if (!yaml_parser_initialize(&parser))
        return tl_error_at(err, path, 0, 0, "cannot start the YAML parser");
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    bool ok = true, done = false;
    int depth = 0;
    while (ok && !done) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev))
            break;
        if (ev.type == YAML_SEQUENCE_START_EVENT || ev.type == YAML_MAPPING_START_EVENT) {
            if (++depth > KB_MAX_DEPTH)
                ok = tl_error_at(
                    err, path, (unsigned)ev.start_mark.line + 1, (unsigned)ev.start_mark.column + 1,
                    "values nested more than %d deep; the file is refused", KB_MAX_DEPTH);
        } else if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT) {
            depth--;
        }
        done = ev.type == YAML_STREAM_END_EVENT;
        yaml_event_delete(&ev);
    }
    yaml_parser_delete(&parser);
    return ok;
}

bool kb_merge_text(struct kb *kb, const char *path, const char *text, size_t len,
                   struct tl_error *err)
{
    if (!check_depth(path, text, len, err))
        return false;
    yaml_parser_t parser;
    yaml_document_t doc;
    if (!yaml_parser_initialize(&parser))
        return tl_error_at(err, path, 0, 0, "cannot start the YAML parser");
    yaml_parser_set_input_string(&parser, (const unsigned char *)text, len);
    if (!yaml_parser_load(&parser, &doc)) {
        tl_error_at(err, path, (unsigned)parser.problem_mark.line + 1,
                    (unsigned)parser.problem_mark.column + 1, "%s",
                    parser.problem ? parser.problem : "bad YAML");
        yaml_parser_delete(&parser);
        return false;
    }
    size_t nodes = (size_t)(doc.nodes.top - doc.nodes.start);
    struct reader r = {path, &doc, 0, nodes * 4 + 1024, err};
    struct kb *fresh = kb_new_empty();
    bool ok = read_document(&r, fresh);
    if (ok)
        merge(kb, fresh);
    kb_free(fresh);
    yaml_document_delete(&doc);
    yaml_parser_delete(&parser);
    return ok;
}

bool kb_merge_file(struct kb *kb, const char *path, struct tl_error *err)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return tl_error_set(err, "%s: %s", path, strerror(errno));
    struct buf b;
    buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0 && b.len < (64u << 20))
        buf_append(&b, chunk, n);
    bool read_error = ferror(f);
    fclose(f);
    bool ok = read_error ? tl_error_set(err, "%s: read error", path)
                         : kb_merge_text(kb, path, b.data, b.len, err);
    buf_free(&b);
    return ok;
}

struct kb *kb_new_builtin(struct tl_error *err)
{
    struct kb *kb = kb_new_empty();
    for (const struct kb_builtin_file *f = kb_builtin_files; f->name; f++) {
        char path[256];
        snprintf(path, sizeof path, "(built-in)/%s", f->name);
        if (!kb_merge_text(kb, path, f->text, f->len, err)) {
            kb_free(kb);
            return NULL;
        }
    }
    return kb;
}
