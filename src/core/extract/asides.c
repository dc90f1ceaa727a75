/* asides: lines of a page that are no part of the article's text: links to
 * other stories ("Read also: X completes move", "More: Why Chelsea need a
 * striker", "Related: ..."). Their tokens are marked TOK_ASIDE, and no
 * entity, person or fact is read from them. */
#include "core/extract/extract_doc.h"

/* Heads of a link line, word by word (folded), each followed by a colon. */
static const char *const link_heads[][4] = {
    {"read", "also", NULL},
    {"read", "more", NULL},
    {"also", "read", NULL},
    {"see", "also", NULL},
    {"more", NULL},
    {"related", NULL},
    {"read", NULL},
    {"watch", NULL},
    {"listen", NULL},
    {"recommended", NULL},
    {"more", "on", "this", NULL},
    {"related", "stories", NULL},
    {"related", "articles", NULL},
    {"more", "stories", NULL},
    {"you", "may", "also", "like"},
    {"top", "stories", NULL},
    {"latest", NULL},
    {"more", "from", NULL},
};

/* The number of tokens of a link head ending in a colon at token i; 0 when none. */
static size_t link_head(const struct doc *d, size_t i)
{
    bool colon = false; /* every head is at most 4 words and a colon */
    for (size_t k = i + 1; k <= i + 4 && !colon; k++)
        colon = tokens_is_punct(&d->t, k, ':');
    if (!colon)
        return 0;
    for (size_t h = 0; h < sizeof link_heads / sizeof *link_heads; h++) {
        size_t k = 0;
        while (k < 4 && link_heads[h][k] && i + k < d->t.n &&
               tokens_is(&d->t, i + k, link_heads[h][k]))
            k++;
        if ((k == 4 || !link_heads[h][k]) && i + k + 1 < d->t.n &&
            tokens_is_punct(&d->t, i + k, ':'))
            return k + 1;
    }
    return 0;
}

void asides_mark(struct doc *d)
{
    size_t next = 0; /* the tokens before it are marked */
    for (size_t b = 0; b < d->t.nbreaks; b++) {
        size_t i = d->t.breaks[b]; /* a link line starts a paragraph, with a capital */
        struct token *tk = &d->t.v[i];
        if (i < next ||
            (tk->flags & (TOK_PARA_START | TOK_CAP | TOK_TITLE)) != (TOK_PARA_START | TOK_CAP) ||
            !link_head(d, i))
            continue;
        size_t j = i;
        do
            d->t.v[j++].flags |= TOK_ASIDE;
        while (j < d->t.n && !(d->t.v[j].flags & TOK_PARA_START));
        next = j;
    }
}
