/* kb_compiled: kb_new_builtin, a fresh base over the arrays that the build
 * wrote from src/kb/ (see kb_compiled.h): its arrays are its own, its
 * strings the compiled ones (kb->borrowed). */
#include "core/extract/kb_compiled.h"
#include "core/base/xalloc.h"

#include <stdint.h>
#include <stdlib.h>

/* A compiled string, borrowed: kb_free does not free it, and a merge
 * copies it before editing the base. */
static char *borrow(const struct kb_compiled *c, uint32_t at)
{
    return at == KB_COMPILED_NULL ? NULL : (char *)(uintptr_t)(c->strings + at);
}

static void copy_words(const struct kb_compiled *c, char ***dst, size_t *nd,
                       const struct kb_compiled_words *src)
{
    *nd = src->n;
    *dst = src->n ? xmalloc(src->n * sizeof **dst) : NULL;
    for (size_t i = 0; i < src->n; i++)
        (*dst)[i] = borrow(c, src->v[i]);
}

static void copy_entries(struct kb *kb, const struct kb_compiled *c)
{
    kb->nentries = kb->ecap = c->nentries;
    kb->entries = xcalloc(c->nentries ? c->nentries : 1, sizeof *kb->entries);
    for (size_t i = 0; i < c->nentries; i++) {
        const struct kb_compiled_entry *s = &c->entries[i];
        kb->entries[i] =
            (struct kb_entry){borrow(c, s->name),    borrow(c, s->id),    s->kind, s->role,
                              borrow(c, s->country), borrow(c, s->league)};
    }
}

static void copy_forms(struct kb *kb, const struct kb_compiled *c)
{
    kb->nforms = kb->fcap = c->nforms;
    kb->forms = xcalloc(c->nforms ? c->nforms : 1, sizeof *kb->forms);
    for (size_t i = 0; i < c->nforms; i++) {
        const struct kb_compiled_form *s = &c->forms[i];
        kb->forms[i] = (struct kb_form){borrow(c, s->text), s->kind, s->entry};
    }
}

struct kb *kb_new_builtin(struct tl_error *err)
{
    (void)err;
    const struct kb_compiled *c = &kb_compiled;
    struct kb *kb = kb_new_empty();
    kb->borrowed = true;
    kb->compiled = c;
    copy_entries(kb, c);
    copy_forms(kb, c);
    kb_index_entries(kb);
    struct kb_lexicon *l = &kb->lex;
    copy_words(c, &l->given_names, &l->ngiven, &c->given_names);
    copy_words(c, &l->particles, &l->nparticles, &c->particles);
    copy_words(c, &l->not_names, &l->nnot_names, &c->not_names);
    copy_words(c, &l->short_names, &l->nshort, &c->short_names);
    for (int r = 0; r <= ROLE_OTHER; r++)
        copy_words(c, &l->role_words[r], &l->nrole_words[r], &c->role_words[r]);
    return kb;
}
