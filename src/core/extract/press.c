/* press: newspapers named after their town ("the Oxford Mail", "the Glasgow
 * Times", "the Irish Daily Star"). A run of capitalised words after "the"
 * that ends in a newspaper word is one paper: not a person, and not the
 * national paper whose short name it ends with (the knowledge base's
 * "Daily Star" inside "the Irish Daily Star" gives way to the local one). */
#include "core/extract/extract_doc.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>

enum { MAX_PLACE_WORDS = 3 };

/* A media entity of the doc with this name, else a new one. */
static int media_named(struct doc *d, const char *name)
{
    for (size_t e = 0; e < d->ne; e++)
        if (d->e[e].kind == ENTITY_MEDIA && !strcmp(d->e[e].name, name))
            return (int)e;
    return doc_add_entity(d, ENTITY_MEDIA, -1, name);
}

/* Whether token i may be a word of a paper's name before its last word: a
 * capitalised word of the body that no person's mention holds (a town may
 * have been read as its club: "the Dundee Times"). */
static bool place_word(const struct doc *d, size_t i)
{
    const struct token *tk = &d->t.v[i];
    if (!(tk->flags & TOK_WORD) || !(tk->flags & TOK_CAP) || (tk->flags & (TOK_NUM | TOK_TITLE)) ||
        (tk->flags & TOK_POSS) || tokens_is(&d->t, i, "the"))
        return false;
    return d->owner[i] < 0 || d->e[d->m[d->owner[i]].entity].kind != ENTITY_PERSON;
}

/* The first token of the paper's name ending at token `last`, after
 * "the"; `last` itself when there is none. */
static size_t paper_start(const struct doc *d, size_t last)
{
    size_t s = last;
    while (s > 0 && last - s < MAX_PLACE_WORDS && place_word(d, s - 1) &&
           d->t.v[s - 1].sentence == d->t.v[last].sentence)
        s--;
    if (s == last || s == 0 || !tokens_is(&d->t, s - 1, "the"))
        return last;
    /* a mention of the knowledge base that names all of it, or more */
    int first = d->owner[s], end = d->owner[last];
    if ((first >= 0 && d->m[first].tok == s && d->m[first].tok_end == last + 1) ||
        (end >= 0 && (d->m[end].tok_end > last + 1 || d->m[end].tok < s)) ||
        (first >= 0 && d->m[first].tok < s))
        return last;
    return s;
}

/* Drops the mentions of [s, e) and adds one of the paper. */
static void claim(struct doc *d, size_t s, size_t e)
{
    int paper = media_named(d, doc_span_text(d, s, e));
    size_t out = 0;
    for (size_t k = 0; k < d->nm; k++) {
        const struct doc_mention *m = &d->m[k];
        if (m->tok_end <= s || m->tok >= e)
            d->m[out++] = *m;
    }
    d->nm = out;
    for (size_t k = 0; k < d->t.n; k++)
        d->owner[k] = -1;
    for (size_t k = 0; k < d->nm; k++)
        for (size_t i = d->m[k].tok; i < d->m[k].tok_end; i++)
            d->owner[i] = (int)k;
    doc_add_mention(d, s, e, paper, false);
}

/* Whether token i may end a paper's name: a capitalised body word after
 * another capitalised word, of a newspaper word's length, that is one. */
static bool paper_word(const struct doc *d, size_t i)
{
    const struct token *tk = &d->t.v[i];
    size_t n = tk->fend - tk->fstart;
    return (tk->flags & (TOK_CAP | TOK_TITLE)) == TOK_CAP && n >= 3 && n <= 10 &&
           (d->t.v[i - 1].flags & TOK_CAP) && doc_word_in(d, i, WL_PAPER);
}

/* Whether token i is a source's sports desk written as one word, a name
 * glued to "Sport" ("SunSport", "MirrorSport"): a capitalised body word of
 * plain letters with a capital S at the join, at least three letters before
 * it. Such a word is a source, never a person. */
static bool sports_desk(const struct doc *d, size_t i)
{
    const struct token *tk = &d->t.v[i];
    size_t n = tk->end - tk->start;
    if ((tk->flags & (TOK_CAP | TOK_UPPER | TOK_TITLE | TOK_NUM)) != TOK_CAP || n < 8 ||
        n != tk->fend - tk->fstart)
        return false;
    const char *raw = d->a->body + tk->start;
    if (memcmp(raw + n - 5, "Sport", 5))
        return false;
    for (size_t k = 1; k < n - 5; k++)
        if (raw[k] < 'a' || raw[k] > 'z')
            return false;
    return true;
}

void press_find(struct doc *d)
{
    for (size_t c = 0; c < d->t.ncaps; c++) {
        size_t i = d->t.caps[c]; /* both need a capital */
        if (sports_desk(d, i) &&
            (d->owner[i] < 0 || d->e[d->m[d->owner[i]].entity].kind == ENTITY_PERSON)) {
            claim(d, i, i + 1);
            continue;
        }
        if (i == 0 || !paper_word(d, i))
            continue;
        if (d->owner[i] >= 0 && d->e[d->m[d->owner[i]].entity].kind != ENTITY_MEDIA)
            continue;
        size_t s = paper_start(d, i);
        if (s < i)
            claim(d, s, i + 1);
    }
}
