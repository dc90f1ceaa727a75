/* kb: loading and merging the YAML knowledge base (schema: src/kb/README.md),
 * read through yamltree. */
#include "core/extract/kb.h"
#include "core/extract/kb_builtin.h"
#include "core/base/buf.h"
#include "core/base/hash.h"
#include "core/base/fold.h"
#include "core/base/xalloc.h"
#include "core/base/yamltree.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* What a KB file may be. Users' files can be large (64 MiB, a million values)
 * and may share a list through an alias (copied, 100,000 values in all, so an
 * alias bomb is refused as it loads); 32 levels of nesting is far more than
 * the schema uses; a repeated key is a mistake worth its path:line:col. */
static const struct yamltree_limits kb_limits = {
    .max_bytes = 64u << 20,
    .max_nodes = 1000000,
    .max_depth = 32,
    .max_alias_nodes = 100000,
    .last_key_wins = false,
};

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

static char *dup_or_null(const char *s)
{
    return s ? xstrdup(s) : NULL;
}

static void own_words(char **w, size_t n)
{
    for (size_t i = 0; i < n; i++)
        w[i] = xstrdup(w[i]);
}

/* Makes a borrowing base own copies of its strings, before a merge edits
 * or frees some of them. */
static void own_strings(struct kb *kb)
{
    if (!kb->borrowed)
        return;
    for (size_t i = 0; i < kb->nentries; i++) {
        struct kb_entry *e = &kb->entries[i];
        e->name = xstrdup(e->name);
        e->id = xstrdup(e->id);
        e->country = dup_or_null(e->country);
        e->league = dup_or_null(e->league);
    }
    for (size_t i = 0; i < kb->nforms; i++)
        kb->forms[i].text = xstrdup(kb->forms[i].text);
    own_words(kb->lex.given_names, kb->lex.ngiven);
    own_words(kb->lex.particles, kb->lex.nparticles);
    own_words(kb->lex.not_names, kb->lex.nnot_names);
    own_words(kb->lex.short_names, kb->lex.nshort);
    for (int r = 0; r <= ROLE_OTHER; r++)
        own_words(kb->lex.role_words[r], kb->lex.nrole_words[r]);
    kb->borrowed = false;
}

void kb_free(struct kb *kb)
{
    if (!kb)
        return;
    if (kb->borrowed) {
        free(kb->entries);
        free(kb->slots);
        free(kb->forms);
        free(kb->lex.given_names);
        free(kb->lex.particles);
        free(kb->lex.not_names);
        free(kb->lex.short_names);
        for (int r = 0; r <= ROLE_OTHER; r++)
            free(kb->lex.role_words[r]);
        free(kb);
        return;
    }
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

/* Reading one file: its tree, for messages, and where errors go. */
struct reader {
    const struct yamltree *t;
    struct tl_error *err;
};

static bool fail_at(const struct reader *r, const struct yamltree_node *n, const char *what)
{
    return yamltree_fail(r->err, r->t, n, "%s", what);
}

/* Reads a list of strings (or one string) into forms of an entry. */
static bool read_forms(const struct reader *r, struct kb *kb, const struct yamltree_node *v,
                       enum kb_form_kind kind, int entry)
{
    if (v->type == YAMLTREE_SCALAR) {
        add_form(kb, v->text, kind, entry);
        return true;
    }
    if (v->type != YAMLTREE_SEQUENCE)
        return fail_at(r, v, "expected a list of names");
    for (size_t i = 0; i < v->nitems; i++) {
        if (v->items[i]->type != YAMLTREE_SCALAR)
            return fail_at(r, v->items[i], "expected a name (a string)");
        add_form(kb, v->items[i]->text, kind, entry);
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

static bool read_entry_field(const struct reader *r, struct kb *kb, int e,
                             const struct yamltree_node *k, const struct yamltree_node *v)
{
    const char *key = k->text;
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
        return yamltree_fail(r->err, r->t, k,
                             "unknown field '%s' (expected name, aliases, nicknames, weak, "
                             "demonyms, country, league, role)",
                             key);
    if (v->type != YAMLTREE_SCALAR)
        return yamltree_fail(r->err, r->t, v, "'%s' must be a single value", key);
    if (!strcmp(key, "role"))
        return person_role_parse(v->text, &en->role) ||
               fail_at(r, v, "unknown role (expected player, manager, agent, official, other)");
    char **slot = !strcmp(key, "country")  ? &en->country
                  : !strcmp(key, "league") ? &en->league
                                           : NULL;
    if (slot) {
        free(*slot);
        *slot = xstrdup(v->text);
    }
    return true;
}

static bool read_entry(const struct reader *r, struct kb *kb, enum entity_kind kind,
                       const struct yamltree_node *m)
{
    if (m->type != YAMLTREE_MAPPING)
        return fail_at(r, m, "expected an entry (a mapping with at least 'name')");
    const struct yamltree_node *name = yamltree_get(m, "name");
    if (!name || name->type != YAMLTREE_SCALAR || !name->len)
        return fail_at(r, m, "entry has no 'name'");
    int e = get_or_add_entry(kb, kind, name->text);
    for (size_t i = 0; i < yamltree_npairs(m); i++) {
        const struct yamltree_node *k = yamltree_key(m, i);
        if (strcmp(k->text, "name") != 0 && !read_entry_field(r, kb, e, k, yamltree_value(m, i)))
            return false;
    }
    return true;
}

static bool read_entries(const struct reader *r, struct kb *kb, enum entity_kind kind,
                         const struct yamltree_node *v)
{
    if (v->type != YAMLTREE_SEQUENCE)
        return fail_at(r, v, "expected a list of entries");
    for (size_t i = 0; i < v->nitems; i++)
        if (!read_entry(r, kb, kind, v->items[i]))
            return false;
    return true;
}

/* Appends folded words from a string list into (*list, *n). */
static bool read_words(const struct reader *r, const struct yamltree_node *v, char ***list,
                       size_t *n)
{
    if (v->type != YAMLTREE_SEQUENCE)
        return fail_at(r, v, "expected a list of words");
    for (size_t i = 0; i < v->nitems; i++) {
        const struct yamltree_node *item = v->items[i];
        if (item->type != YAMLTREE_SCALAR)
            return fail_at(r, item, "expected a word (a string)");
        *list = xrealloc(*list, (*n + 1) * sizeof **list);
        (*list)[(*n)++] = fold_text(item->text, item->len);
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
typedef bool (*word_map_fn)(const struct reader *r, struct kb *kb, const struct yamltree_node *key,
                            char **words, size_t nwords);

/* A mapping of names to lists of words (role_words, short_names). */
static bool read_word_map(const struct reader *r, struct kb *kb, const struct yamltree_node *v,
                          const char *what, word_map_fn take)
{
    if (v->type != YAMLTREE_MAPPING)
        return yamltree_fail(r->err, r->t, v, "expected a mapping of %s", what);
    for (size_t i = 0; i < yamltree_npairs(v); i++) {
        char **words = NULL;
        size_t n = 0;
        if (!read_words(r, yamltree_value(v, i), &words, &n) ||
            !take(r, kb, yamltree_key(v, i), words, n)) {
            free_words(words, n);
            return false;
        }
    }
    return true;
}

/* role_words: role -> words that give a person that role. */
static bool take_role_words(const struct reader *r, struct kb *kb, const struct yamltree_node *key,
                            char **words, size_t n)
{
    enum person_role role;
    if (!person_role_parse(key->text, &role))
        return fail_at(r, key, "expected a role (player, manager, agent, official, other)");
    append_words(&kb->lex.role_words[role], &kb->lex.nrole_words[role], words, n);
    free_words(words, n);
    return true;
}

/* short_names: a short form -> the given names it stands for, kept as
 * "short full" pairs. */
static bool take_short_names(const struct reader *r, struct kb *kb, const struct yamltree_node *key,
                             char **words, size_t n)
{
    (void)r;
    char *shortf = fold_text(key->text, key->len);
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

static bool read_section(const struct reader *r, struct kb *kb, const struct yamltree_node *k,
                         const struct yamltree_node *v)
{
    static const struct {
        const char *key;
        enum entity_kind kind;
    } sections[] = {{"clubs", ENTITY_CLUB},
                    {"national_teams", ENTITY_NATIONAL_TEAM},
                    {"competitions", ENTITY_COMPETITION},
                    {"media", ENTITY_MEDIA},
                    {"people", ENTITY_PERSON}};
    const char *key = k->text;
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
    return yamltree_fail(
        r->err, r->t, k,
        "unknown section '%s' (expected clubs, national_teams, competitions, media, "
        "people, given_names, name_particles, not_names, role_words or short_names)",
        key);
}

static bool read_document(const struct reader *r, struct kb *kb)
{
    const struct yamltree_node *root = r->t->root;
    if (!root)
        return true; /* an empty file adds nothing */
    if (root->type != YAMLTREE_MAPPING)
        return fail_at(r, root, "expected a mapping of sections (clubs:, media:, ...)");
    for (size_t i = 0; i < yamltree_npairs(root); i++)
        if (!read_section(r, kb, yamltree_key(root, i), yamltree_value(root, i)))
            return false;
    return true;
}

/* Merges a freshly read base `add` into `kb`. */
static void merge(struct kb *kb, const struct kb *add)
{
    own_strings(kb);
    kb->compiled = NULL; /* its tables are the built-in base's only */
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

/* Reads a loaded tree into a fresh base and merges that over kb. */
static bool merge_tree(struct kb *kb, const struct yamltree *t, struct tl_error *err)
{
    struct reader r = {t, err};
    struct kb *fresh = kb_new_empty();
    bool ok = read_document(&r, fresh);
    if (ok)
        merge(kb, fresh);
    kb_free(fresh);
    return ok;
}

bool kb_merge_text(struct kb *kb, const char *path, const char *text, size_t len,
                   struct tl_error *err)
{
    struct yamltree t;
    bool ok = yamltree_load_text(&t, path, text, len, &kb_limits, err) && merge_tree(kb, &t, err);
    yamltree_free(&t);
    return ok;
}

bool kb_merge_file(struct kb *kb, const char *path, struct tl_error *err)
{
    struct yamltree t;
    bool ok = yamltree_load_file(&t, path, &kb_limits, err) && merge_tree(kb, &t, err);
    yamltree_free(&t);
    return ok;
}

struct kb *kb_new_from_yaml(const struct kb_builtin_file *files, struct tl_error *err)
{
    struct kb *kb = kb_new_empty();
    for (const struct kb_builtin_file *f = files; f->name; f++) {
        char path[256];
        snprintf(path, sizeof path, "(built-in)/%s", f->name);
        if (!kb_merge_text(kb, path, f->text, f->len, err)) {
            kb_free(kb);
            return NULL;
        }
    }
    return kb;
}

void kb_index_entries(struct kb *kb)
{
    free(kb->slots);
    kb->nslots = 1024;
    while (kb->nentries * 2 > kb->nslots)
        kb->nslots *= 2;
    kb->slots = xmalloc(kb->nslots * sizeof *kb->slots);
    memset(kb->slots, 0xff, kb->nslots * sizeof *kb->slots);
    for (size_t e = 0; e < kb->nentries; e++)
        kb->slots[id_slot(kb, kb->entries[e].id)] = (int)e;
}
