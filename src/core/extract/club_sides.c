/* club_sides: clubs the knowledge base lacks, named right after a
 * description of them ("Danish side Silkeborg", "League Two club Barrow",
 * "Greek outfit Volos"). A capitalised word before "side", "club" or
 * "outfit" (a nationality, a league) and a run of up to three capitalised
 * words after it that nothing else has claimed make a club of their own,
 * found before people so that the run is never read as a person. */
#include "core/extract/extract_doc.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_CLUB_WORDS = 3 };

static const char *const side_nouns[] = {"side", "club", "outfit", NULL};

/* A club entity of the doc with this name, else a new one. */
static int club_named(struct doc *d, const char *name)
{
    for (size_t e = 0; e < d->ne; e++)
        if (d->e[e].kind == ENTITY_CLUB && !strcmp(d->e[e].name, name))
            return (int)e;
    return doc_add_entity(d, ENTITY_CLUB, -1, name);
}

/* Token i may be a word of the club's name: a capitalised body word in the
 * sentence of token `of`, claimed by no mention, no given name. */
static bool club_word(const struct doc *d, size_t i, size_t of)
{
    const struct token *tk = &d->t.v[i];
    return (tk->flags & (TOK_WORD | TOK_CAP | TOK_NUM | TOK_TITLE | TOK_SENT_START | TOK_ASIDE)) ==
               (TOK_WORD | TOK_CAP) &&
           !(tk->flags & TOK_UPPER) && d->owner[i] < 0 && !(d->lex[i] & LEX_GIVEN) &&
           tk->sentence == d->t.v[of].sentence;
}

/* Whether token i is "side", "club" or "outfit" after a capitalised word
 * that is a nationality or a league: no owner ("Smith's side"), no
 * person's or club's ("Arsenal side Kane" names a player). */
static bool described_side(const struct doc *d, size_t i)
{
    const struct token *b = &d->t.v[i - 1], *t = &d->t.v[i];
    size_t n = t->fend - t->fstart;
    if ((b->flags & (TOK_CAP | TOK_POSS | TOK_TITLE)) != TOK_CAP || (t->flags & TOK_CAP) || n < 4 ||
        n > 6 || !doc_token_in(d, i, side_nouns))
        return false; /* the flags first: most tokens fail them */
    int o = d->owner[i - 1];
    enum entity_kind kind = o < 0 ? ENTITY_COMPETITION : d->e[d->m[o].entity].kind;
    return kind == ENTITY_COMPETITION || kind == ENTITY_NATIONAL_TEAM;
}

void club_sides_find(struct doc *d)
{
    for (size_t i = 1; i + 1 < d->t.n; i++) {
        if (!described_side(d, i))
            continue;
        size_t s = i + 1, e = s;
        while (e < d->t.n && e - s < MAX_CLUB_WORDS && club_word(d, e, i)) {
            e++;
            if (d->t.v[e - 1].flags & TOK_POSS)
                break; /* "Danish side Silkeborg's coach" */
        }
        if (e == s || (e < d->t.n && club_word(d, e, i)))
            continue; /* nothing, or a longer run than a club's name */
        char *name = doc_span_text(d, s, e);
        int club = club_named(d, name);
        free(name);
        doc_add_mention(d, s, e, club, false);
        i = e - 1;
    }
}
