/* club_sides: clubs the knowledge base lacks, named right after a
 * description of them ("Danish side Silkeborg", "League Two club Barrow",
 * "Greek outfit Volos"). A capitalised word before "side", "club" or
 * "outfit" (a nationality, a league) and a run of up to three capitalised
 * words after it that nothing else has claimed make a club of their own,
 * found before people so that the run is never read as a person.
 * Also where the words around a weak KB form of a club decide it: after
 * "appearances for" or "played for" ("90 appearances for Sporting") it is
 * the club; as the first word of a role ("Sporting director") it is not. */
#include "core/extract/extract_doc.h"
#include "core/extract/kb.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum { MAX_CLUB_WORDS = 3 };

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
        n > 6 || !doc_word_in(d, i, WL_SIDE_NOUN))
        return false; /* the flags first: most tokens fail them */
    int o = d->owner[i - 1];
    enum entity_kind kind = o < 0 ? ENTITY_COMPETITION : d->e[d->m[o].entity].kind;
    return kind == ENTITY_COMPETITION || kind == ENTITY_NATIONAL_TEAM;
}

static void drop_role_heads(struct doc *d);
static void weak_after_games(struct doc *d);

void club_sides_find(struct doc *d)
{
    size_t next = 1; /* the tokens before it are taken */
    for (size_t c = 0; c < d->t.ncaps; c++) {
        size_t i = d->t.caps[c] + 1; /* a side word follows a capital */
        if (i < next || i + 1 >= d->t.n || !described_side(d, i))
            continue;
        size_t s = i + 1, e = s;
        while (e < d->t.n && e - s < MAX_CLUB_WORDS && club_word(d, e, i)) {
            e++;
            if (d->t.v[e - 1].flags & TOK_POSS)
                break; /* "Danish side Silkeborg's coach" */
        }
        if (e == s || (e < d->t.n && club_word(d, e, i)))
            continue; /* nothing, or a longer run than a club's name */
        int club = club_named(d, doc_span_text(d, s, e));
        doc_add_mention(d, s, e, club, false);
        next = e;
    }
    drop_role_heads(d);
    weak_after_games(d);
}

/* The one KB club whose weak form is token i's text, else -1. */
static int weak_club_entry(const struct doc *d, size_t i)
{
    const struct kb *kb = d->ex->kb;
    const struct token *tk = &d->t.v[i];
    const char *text = doc_text(d, i) + tk->start;
    size_t n = tk->end - tk->start;
    int found = -1;
    for (size_t k = 0; k < kb->nforms; k++) {
        const struct kb_form *f = &kb->forms[k];
        if (f->kind != KB_FORM_WEAK || kb->entries[f->entry].kind != ENTITY_CLUB ||
            strlen(f->text) != n || strncasecmp(f->text, text, n) || f->entry == found)
            continue;
        if (found >= 0)
            return -1; /* two clubs share the form */
        found = f->entry;
    }
    return found;
}

/* Whether tokens i and i + 1 are a role of two words in the lexicon
 * ("sporting director"). */
static bool two_word_role_at(const struct doc *d, size_t i)
{
    if (i + 1 >= d->t.n || !(d->lex[i] & LEX_ROLE_HEAD))
        return false;
    const struct token *a = &d->t.v[i], *b = &d->t.v[i + 1];
    size_t na = a->fend - a->fstart, nb = b->fend - b->fstart;
    char two[64];
    if (na + 1 + nb >= sizeof two)
        return false;
    memcpy(two, tokens_folded(&d->t, i), na);
    two[na] = ' ';
    memcpy(two + na + 1, tokens_folded(&d->t, i + 1), nb);
    two[na + 1 + nb] = '\0';
    const struct kb_lexicon *lex = &d->ex->kb->lex;
    for (int r = 0; r <= ROLE_OTHER; r++)
        for (size_t k = 0; k < lex->nrole_words[r]; k++)
            if (!strcmp(lex->role_words[r][k], two))
                return true;
    return false;
}

/* Whether mention m is a weak form of its club that starts a role of two
 * words: "Sporting director" is a job, not the club. */
static bool role_head(const struct doc *d, const struct doc_mention *m)
{
    const struct doc_entity *e = &d->e[m->entity];
    return e->kind == ENTITY_CLUB && m->tok_end == m->tok + 1 && two_word_role_at(d, m->tok) &&
           e->kb_entry >= 0 && weak_club_entry(d, m->tok) == e->kb_entry;
}

static void drop_role_heads(struct doc *d)
{
    size_t out = 0;
    for (size_t i = 0; i < d->nm; i++) {
        const struct doc_mention *m = &d->m[i];
        if (role_head(d, m)) {
            d->owner[m->tok] = -1;
            continue;
        }
        d->m[out] = *m;
        for (size_t k = m->tok; k < m->tok_end; k++)
            d->owner[k] = (int)out;
        out++;
    }
    d->nm = out;
}

/* Token i is an unclaimed capitalised word after "appearances for",
 * "games for", "played for" and the like. */
static bool after_games_for(const struct doc *d, size_t i)
{
    return i >= 2 && (d->lex[i] & LEX_KB_WEAK) && d->owner[i] < 0 &&
           (d->t.v[i].flags & (TOK_CAP | TOK_TITLE)) == TOK_CAP && tokens_is(&d->t, i - 1, "for") &&
           doc_word_in(d, i - 2, WL_GAMES);
}

static void weak_after_games(struct doc *d)
{
    for (size_t c = 0; c < d->t.ncaps; c++) {
        size_t i = d->t.caps[c]; /* a weak club form is a capital */
        if (!after_games_for(d, i))
            continue;
        int entry = weak_club_entry(d, i);
        if (entry < 0)
            continue;
        int club = -1;
        for (size_t e = 0; e < d->ne && club < 0; e++)
            if (d->e[e].kb_entry == entry)
                club = (int)e;
        if (club < 0)
            club = doc_add_entity(d, ENTITY_CLUB, entry, d->ex->kb->entries[entry].name);
        doc_add_mention(d, i, i + 1, club, false);
    }
}
