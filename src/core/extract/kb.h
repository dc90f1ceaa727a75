/* kb: the knowledge base of known clubs, national teams, competitions, media
 * and people, read from YAML through yamltree. The built-in base is embedded
 * in the binary; users' files are merged over it. */
#ifndef TOUCHLINE_KB_H
#define TOUCHLINE_KB_H

#include <stdbool.h>
#include <stddef.h>

#include "core/extract/entity.h"
#include "core/base/error.h"

/* How a surface form of an entity may be matched. */
enum kb_form_kind {
    KB_FORM_NAME,     /* the canonical name */
    KB_FORM_ALIAS,    /* a safe alternative name */
    KB_FORM_NICKNAME, /* "the Gunners": with or without "the" */
    KB_FORM_WEAK,     /* ambiguous: only with supporting context */
    KB_FORM_DEMONYM,  /* national teams: "Italian" */
};

struct kb_form {
    char *text;
    enum kb_form_kind kind;
    int entry; /* index into kb->entries */
};

struct kb_entry {
    char *name;
    char *id;
    enum entity_kind kind;
    enum person_role role; /* people */
    char *country, *league;
};

struct kb_lexicon {
    char **given_names; /* sorted, folded */
    size_t ngiven;
    char **particles; /* name particles: de, van, da ... */
    size_t nparticles;
    char **not_names; /* capitalised words that are never names; sorted, folded */
    size_t nnot_names;
    char **role_words[ROLE_OTHER + 1]; /* words that give a person's role */
    char **short_names; /* "leo lionel": a short form and the given name it stands for; sorted */
    size_t nshort;
    size_t nrole_words[ROLE_OTHER + 1];
};

struct kb {
    struct kb_entry *entries;
    size_t nentries, ecap;
    int *slots; /* hash of entry ids -> index, -1 empty */
    size_t nslots;
    struct kb_form *forms;
    size_t nforms, fcap;
    struct kb_lexicon lex;
    bool borrowed;                      /* the strings (names, ids, forms, words) are the built-in
                                         * arrays', not owned: kb_free leaves them, and a merge
                                         * copies them first */
    const struct kb_compiled *compiled; /* the built-in base as the build
                                         * left it, whose finished matcher and
                                         * lexicon tables the extractor uses in
                                         * place; NULL once a file is merged */
};

struct kb_builtin_file;
struct kb_compiled;

/* The built-in base: src/kb/ read at build time (kb_compiled.c) and copied
 * into a fresh base, so start-up parses no YAML. Never fails; err is kept
 * for callers that treat every base alike. */
struct kb *kb_new_builtin(struct tl_error *err);
/* A base read from YAML texts (a list ended by a NULL name), merged in
 * order; the build reads src/kb/ through it. NULL and err when one is bad. */
struct kb *kb_new_from_yaml(const struct kb_builtin_file *files, struct tl_error *err);
/* Rebuilds the id hash over kb->entries (after filling them directly). */
void kb_index_entries(struct kb *kb);
/* An empty base. */
struct kb *kb_new_empty(void);
/* Merges one YAML file (same schema as src/kb/) over the base: entries with
 * the same kind and name are extended, others added. A bad file leaves the
 * base untouched and sets err to path:line:col: message. */
bool kb_merge_file(struct kb *kb, const char *path, struct tl_error *err);
/* Merges YAML text; `path` names it in messages. */
bool kb_merge_text(struct kb *kb, const char *path, const char *text, size_t len,
                   struct tl_error *err);
void kb_free(struct kb *kb);
/* Whether a folded word is in a sorted folded word list. */
bool kb_word_in(char *const *list, size_t n, const char *folded);

#endif
