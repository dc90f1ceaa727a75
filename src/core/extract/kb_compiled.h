/* kb_compiled: the built-in knowledge base as static C arrays, written at
 * build time by src/tools/kbgen.c from src/kb/ (the final state after all
 * files are merged), so that start-up copies it instead of parsing YAML,
 * with the extractor's matcher and lexicon tables of it, finished, so that
 * start-up builds no hash table either. */
#ifndef TOUCHLINE_KB_COMPILED_H
#define TOUCHLINE_KB_COMPILED_H

#include <stddef.h>
#include <stdint.h>

#include "core/extract/kb.h"
#include "core/extract/kb_folded.h"
#include "core/extract/lexicon_table.h"
#include "core/extract/matcher_table.h"

/* Strings are offsets into kb_compiled.strings, not pointers: an array of
 * pointers would have the loader relocate (and so copy) every page of it
 * at each start. */
#define KB_COMPILED_NULL UINT32_MAX /* the offset of a string not given */

struct kb_compiled_entry {
    uint32_t name, id;
    enum entity_kind kind;
    enum person_role role;
    uint32_t country, league; /* KB_COMPILED_NULL when not given */
};

struct kb_compiled_form {
    uint32_t text;
    enum kb_form_kind kind;
    int entry;
};

struct kb_compiled_words {
    const uint32_t *v; /* sorted, folded, as in struct kb_lexicon */
    size_t n;
};

struct kb_compiled {
    const char *strings; /* every string above, each with its NUL */
    const struct kb_compiled_entry *entries;
    size_t nentries;
    const struct kb_compiled_form *forms;
    size_t nforms;
    struct kb_compiled_words given_names, particles, not_names, short_names;
    struct kb_compiled_words role_words[ROLE_OTHER + 1];
    /* The extractor's tables of this base, finished (offsets, no pointers
     * to relocate), used in place while no file is merged over it. */
    struct matcher_table matcher;
    struct lex_table lexicon;
    struct kb_folded folded; /* the entries' folded names */
};

/* Generated into the build directory (kb_compiled_data.c). */
extern const struct kb_compiled kb_compiled;

#endif
