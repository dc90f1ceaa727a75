/* kb_folded: the KB entries' folded names (see kb_folded.h). */
#include "core/extract/kb_folded.h"
#include "core/base/buf.h"
#include "core/base/fold.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>

void kb_folded_build(const struct kb *kb, struct kb_folded *out)
{
    struct buf text;
    buf_init(&text);
    uint32_t *at = xcalloc(kb->nentries ? kb->nentries : 1, sizeof *at);
    for (size_t i = 0; i < kb->nentries; i++) {
        const char *name = kb->entries[i].name;
        char *folded = fold_text(name, strlen(name));
        at[i] = (uint32_t)text.len;
        buf_append(&text, folded, strlen(folded) + 1); /* with its NUL */
        free(folded);
    }
    out->ntext = text.len;
    out->text = buf_detach(&text, NULL);
    out->at = at;
    out->n = kb->nentries;
}

void kb_folded_free(struct kb_folded *f)
{
    free((void *)(uintptr_t)f->text);
    free((void *)(uintptr_t)f->at);
    *f = (struct kb_folded){0};
}
