/* extract: one article's extraction, pass by pass: tokenise title and body,
 * match KB names, find people, find facts, then emit entities in order of
 * first mention (see extract.h). The passes share a struct doc. */
#include "core/extract/extract.h"
#include "core/extract/extract_doc.h"
#include "core/extract/extract_scratch.h"
#include "core/extract/kb_compiled.h"
#include "core/extract/mention_sort.h"
#include "core/base/fold.h"
#include "core/base/xalloc.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct extractor *extractor_new(const struct kb *kb, struct tl_error *err)
{
    static atomic_uint_fast64_t serials;
    struct extractor *ex = xcalloc(1, sizeof *ex);
    ex->serial = atomic_fetch_add(&serials, 1) + 1;
    ex->kb = kb;
    lexicon_build(ex);
    if (kb->compiled) {
        ex->kb_folded = kb->compiled->folded;
    } else {
        kb_folded_build(kb, &ex->kb_folded);
        ex->kb_folded_owned = true;
    }
    ex->kb_id = xcalloc(kb->nentries ? kb->nentries : 1, sizeof *ex->kb_id);
    for (size_t i = 0; i < kb->nentries; i++)
        ex->kb_id[i] = kb->entries[i].id; /* the base made it from kind and name */
    ex->matcher = matcher_new(kb);
    ex->patterns = facts_patterns_new(err);
    if (!ex->patterns) {
        extractor_free(ex);
        return NULL;
    }
    return ex;
}

void extractor_free(struct extractor *ex)
{
    if (!ex)
        return;
    matcher_free(ex->matcher);
    facts_patterns_free(ex->patterns);
    lexicon_free(ex);
    if (ex->kb_folded_owned)
        kb_folded_free(&ex->kb_folded);
    free(ex->kb_id);
    free(ex);
    extract_scratch_release(); /* this thread's; workers' go when they exit */
}

const char *doc_text(const struct doc *d, size_t tok)
{
    return (d->t.v[tok].flags & TOK_TITLE) ? d->a->title : d->a->body;
}

int doc_add_mention(struct doc *d, size_t tok, size_t tok_end, int entity, bool weak)
{
    d->m = xgrow(d->m, &d->mcap, d->nm + 1, sizeof *d->m);
    d->m[d->nm] = (struct doc_mention){tok, tok_end, entity, weak};
    for (size_t i = tok; i < tok_end; i++)
        d->owner[i] = (int)d->nm;
    if (!weak)
        d->e[entity].strong = true;
    return (int)d->nm++;
}

static int add_entity(struct doc *d, enum entity_kind kind, int kb_entry, char *name, char *folded,
                      bool borrowed)
{
    d->e = xgrow(d->e, &d->ecap, d->ne + 1, sizeof *d->e);
    d->e[d->ne] =
        (struct doc_entity){kind, ROLE_UNKNOWN, kb_entry, name, folded, 0, false, borrowed};
    return (int)d->ne++;
}

int doc_add_entity_pooled(struct doc *d, enum entity_kind kind, int kb_entry, char *name,
                          char *folded)
{
    return add_entity(d, kind, kb_entry, name, folded, false);
}

char *doc_fold(struct doc *d, const char *s)
{
    size_t len = strlen(s);
    char *out = strpool_alloc(&d->names, FOLD_TEXT_ROOM(len));
    fold_text_to(s, len, out);
    return out;
}

int doc_add_entity(struct doc *d, enum entity_kind kind, int kb_entry, const char *name)
{
    char *copy = strpool_add(&d->names, name, strlen(name));
    return add_entity(d, kind, kb_entry, copy, doc_fold(d, name), false);
}

void doc_rename_entity(struct doc *d, int e, const char *name)
{
    d->e[e].name = strpool_add(&d->names, name, strlen(name));
    d->e[e].folded = doc_fold(d, name);
    d->e[e].borrowed = false;
}

char *doc_span_text(struct doc *d, size_t tok, size_t tok_end)
{
    const char *text = doc_text(d, tok);
    return strpool_add(&d->names, text + d->t.v[tok].start,
                       d->t.v[tok_end - 1].end - d->t.v[tok].start);
}

bool doc_token_in(const struct doc *d, size_t i, const char *const *words)
{
    if (i >= d->t.n)
        return false;
    const char *f = tokens_folded(&d->t, i);
    for (size_t k = 0; words[k]; k++)
        if (words[k][0] == f[0] && !strcmp(f, words[k]))
            return true;
    return false;
}

/* The doc entity for a KB entry, created on first use. */
static int entity_for_kb(struct doc *d, int entry)
{
    for (size_t i = 0; i < d->ne; i++)
        if (d->e[i].kb_entry == entry)
            return (int)i;
    const struct kb_entry *k = &d->ex->kb->entries[entry];
    const struct kb_folded *f = &d->ex->kb_folded;
    char *folded = (char *)(uintptr_t)(f->text + f->at[entry]); /* borrowed: not freed */
    int e = add_entity(d, k->kind, entry, k->name, folded, true);
    d->e[e].role = k->role;
    return e;
}

/* Whether the words before token `tok` make a name a place: "in Japan",
 * "moved to Spain", and "in Korea and Japan". */
static bool place_before(const struct doc *d, size_t tok, bool travel)
{
    if (tok == 0)
        return false;
    if (doc_word_in(d, tok - 1, WL_PLACE_BEFORE_COUNTRY))
        return true;
    if (travel && tokens_is(&d->t, tok - 1, "the") && tok >= 3 && d->owner[tok - 1] < 0 &&
        tokens_is(&d->t, tok - 2, "to") && doc_word_in(d, tok - 3, WL_TRAVEL))
        return true; /* "relocate to the Netherlands" */
    if (travel && tokens_is(&d->t, tok - 1, "to") && tok >= 2 && doc_word_in(d, tok - 2, WL_TRAVEL))
        return true;
    if ((tokens_is(&d->t, tok - 1, "and") || tokens_is(&d->t, tok - 1, "or")) && tok >= 3 &&
        (d->t.v[tok - 2].flags & TOK_CAP) && d->owner[tok - 2] < 0)
        return place_before(d, tok - 2, travel);
    return false;
}

/* "Germany 2006", "the Qatar 2022 World Cup": a tournament named by its
 * host and year, not the host's team (unless a team word follows: "the
 * England 1966 squad"). */
static bool host_and_year(const struct doc *d, size_t end)
{
    if (end >= d->t.n || !(d->t.v[end].flags & TOK_NUM) || (d->t.v[end - 1].flags & TOK_POSS))
        return false;
    const char *y = tokens_folded(&d->t, end);
    if (strlen(y) != 4 || !((y[0] == '1' && y[1] == '9') || (y[0] == '2' && y[1] == '0')))
        return false;
    return !doc_word_in(d, end + 1, WL_TEAM);
}

/* "England's Footballer of the Year": a country's award, not its team. */
static bool award_after(const struct doc *d, size_t end)
{
    if (end >= d->t.n || !doc_word_in(d, end, WL_AWARD))
        return false;
    for (size_t k = end + 1; k < end + 5 && k < d->t.n; k++)
        if (tokens_is(&d->t, k, "year"))
            return true;
    return false;
}

/* A country name is the national team unless it reads as a place. */
static bool national_team_context(const struct doc *d, size_t tok, size_t end)
{
    if ((d->t.v[end - 1].flags & TOK_POSS) && award_after(d, end))
        return false;
    if (doc_word_in(d, end, WL_TEAM) || (d->t.v[end - 1].flags & TOK_POSS))
        return true;
    return !place_before(d, tok, true);
}

/* A form written in capitals in the KB ("AS", "PSG") only matches capitals.
 * Its first word is in capitals when it has two letters or more and all
 * upper case: no lower-case letter (most forms have one early, and are
 * then read no further) and two upper-case ones. */
static bool acronym_ok(const struct doc *d, size_t i, const struct kb_form *f)
{
    size_t upper = 0;
    for (const char *c = f->text; *c && *c != ' '; c++) {
        if (*c >= 'a' && *c <= 'z')
            return true;
        upper += *c >= 'A' && *c <= 'Z';
    }
    return upper < 2 || (d->t.v[i].flags & TOK_UPPER);
}

/* Chooses among the KB forms of one match: a strong form of an entity
 * already in the doc, else the first strong form, else a weak one. */
static int choose_form(const struct doc *d, const int *forms, size_t n, bool *weak)
{
    const struct kb *kb = d->ex->kb;
    int best = -1, best_score = -1;
    if (n == 1) { /* most matches: the one form, whatever its score */
        *weak = kb->forms[forms[0]].kind == KB_FORM_WEAK;
        return forms[0];
    }
    for (size_t k = 0; k < n; k++) {
        const struct kb_form *f = &kb->forms[forms[k]];
        int score = (f->kind == KB_FORM_WEAK || f->kind == KB_FORM_DEMONYM) ? 0 : 2;
        for (size_t e = 0; e < d->ne; e++)
            if (d->e[e].kb_entry == f->entry)
                score++;
        if (score > best_score) {
            best = forms[k];
            best_score = score;
        }
    }
    *weak = best >= 0 && kb->forms[best].kind == KB_FORM_WEAK;
    return best;
}

/* Whether a KB match may stand at tokens [i, end). */
static bool kb_match_allowed(const struct doc *d, size_t i, size_t end, const struct kb_form *f)
{
    const struct token *tk = &d->t.v[i];
    if (!(tk->flags & (TOK_CAP | TOK_NUM | TOK_UPPER)))
        return false;
    if (end == i + 1 && i > 0 && (d->t.v[i - 1].flags & TOK_CAP) &&
        !(d->t.v[i].flags & TOK_SENT_START) && (d->lex[i - 1] & LEX_GIVEN))
        return false; /* "Joe Jordan": a person, not the country */
    enum entity_kind kind = d->ex->kb->entries[f->entry].kind;
    if (!acronym_ok(d, i, f))
        return false;
    if (end == i + 1 && (d->lex[i] & LEX_GIVEN) && end < d->t.n && (d->t.v[end].flags & TOK_CAP) &&
        !(d->t.v[end].flags & TOK_SENT_START) && !doc_word_in(d, end, WL_TEAM) &&
        !(d->t.v[i].flags & TOK_POSS))
        return false; /* "Jordan Henderson": a person, not the country */
    if (f->kind == KB_FORM_DEMONYM)
        return doc_word_in(d, end, WL_DEMONYM_TEAM);
    if (kind == ENTITY_NATIONAL_TEAM)
        return !host_and_year(d, end) && national_team_context(d, i, end);
    if (kind == ENTITY_CLUB && end < d->t.n && (d->t.v[end].flags & TOK_CAP) &&
        doc_word_in(d, end, WL_VENUE_CLUB))
        return false; /* "Villa Park" is a ground */
    if (kind == ENTITY_CLUB && end == i + 1 && place_before(d, i, false) &&
        !(d->t.v[i].flags & TOK_POSS) && !doc_word_in(d, i - 1, WL_LEFT_CLUB))
        return false; /* "in Cardiff": the city; "left Celtic": the club */
    return true;
}

/* A KB name refused here may still be part of a person's name: "Joe
 * Jordan", "Jordan Henderson" (a given name next to another capital). */
static bool might_be_a_name(const struct doc *d, size_t i, size_t end)
{
    bool after_given = i > 0 && (d->t.v[i - 1].flags & TOK_CAP) && (d->lex[i - 1] & LEX_GIVEN);
    bool given_first = (d->lex[i] & LEX_GIVEN) && end < d->t.n && (d->t.v[end].flags & TOK_CAP);
    return end == i + 1 && (after_given || given_first);
}

/* Finds the KB's forms in the text, longest first, from the tokens whose
 * form starts one (d->kb_starts), each after the mention before it. */
static void kb_pass(struct doc *d)
{
    size_t next = 0; /* the first token after the last mention found */
    for (size_t c = 0; c < d->nkb_starts; c++) {
        size_t i = d->kb_starts[c];
        if (i < next || !(d->t.v[i].flags & TOK_WORD) || (d->t.v[i].flags & TOK_ASIDE) ||
            d->owner[i] >= 0)
            continue;
        /* the matcher's key of the word alone */
        const struct matcher_slot *start = doc_word_info(d, d->t.v[i].word)->start;
        const int *forms;
        size_t n;
        size_t end = matcher_longest(d->ex->matcher, &d->t, i, start, &forms, &n);
        if (end == i)
            continue;
        bool weak;
        int form = choose_form(d, forms, n, &weak);
        const struct kb_form *f = &d->ex->kb->forms[form];
        if (!kb_match_allowed(d, i, end, f)) {
            if (!might_be_a_name(d, i, end))
                for (size_t k = i; k < end; k++)
                    d->lex[k] |= LEX_NOT_NAME; /* "in Spain": a place, not a person either */
            continue;
        }
        doc_add_mention(d, i, end, entity_for_kb(d, f->entry), weak);
        next = end;
    }
}

/* Whether the mention at [tok, tok_end) is joined by "and", "or", "v" or
 * a comma to a club named by a strong form: "Santos and Botafogo", "Boca
 * and River". */
static bool coordinated_with_club(const struct doc *d, size_t tok, size_t tok_end)
{
    size_t other[2] = {tok >= 2 ? tok - 2 : d->t.n, tok_end + 1};
    size_t join[2] = {tok >= 1 ? tok - 1 : d->t.n, tok_end};
    for (int k = 0; k < 2; k++) {
        if (other[k] >= d->t.n ||
            !(doc_word_in(d, join[k], WL_JOINS) || tokens_is_punct(&d->t, join[k], ',')))
            continue;
        int o = d->owner[other[k]];
        if (o >= 0 && !d->m[o].weak && d->e[d->m[o].entity].kind == ENTITY_CLUB)
            return true;
    }
    return false;
}

/* A weak form stands when its entity is named plainly elsewhere in the
 * article, or when the words around it are about football. */
static bool weak_supported(const struct doc *d, const struct doc_mention *m)
{
    if (d->e[m->entity].strong)
        return true;
    enum entity_kind kind = d->e[m->entity].kind;
    if (kind == ENTITY_MEDIA)
        return m->tok > 0 && doc_word_in(d, m->tok - 1, WL_MEDIA_BEFORE) &&
               !(d->t.v[m->tok].flags & TOK_SENT_START);
    enum person_role role;
    if (doc_is_role_word(d, m->tok_end, &role))
        return true;
    if (kind == ENTITY_CLUB && (d->t.v[m->tok].flags & TOK_SENT_START) &&
        tokens_is_punct(&d->t, m->tok_end, ':') && m->tok_end + 2 < d->t.n &&
        tokens_is_punct(&d->t, m->tok_end + 2, ','))
        return true; /* a line-up: "Clyde: Hewitt, Potter, ..." */
    if (kind == ENTITY_CLUB && coordinated_with_club(d, m->tok, m->tok_end))
        return true;
    return m->tok > 0 && doc_word_in(d, m->tok - 1, WL_WEAK_BEFORE) && kind == ENTITY_CLUB;
}

static void resolve_weak(struct doc *d)
{
    size_t out = 0;
    for (size_t i = 0; i < d->nm; i++) {
        struct doc_mention *m = &d->m[i];
        if (m->weak && !weak_supported(d, m)) {
            bool person = d->e[m->entity].kind == ENTITY_PERSON;
            for (size_t k = m->tok; k < m->tok_end; k++) {
                d->owner[k] = -1;
                d->lex[k] |= person ? 0 : LEX_KB_WEAK;
            }
            continue;
        }
        m->weak = false;
        d->m[out] = *m;
        for (size_t k = m->tok; k < m->tok_end; k++)
            d->owner[k] = (int)out;
        out++;
    }
    d->nm = out;
}

/* Bytes for n objects of `size`, rounded up to 8 so what follows is aligned. */
static size_t span8(size_t n, size_t size)
{
    return (n * size + 7) & ~(size_t)7;
}

/* Copies a string to *at and moves *at past it. */
static char *put_string(char **at, const char *s, size_t n)
{
    char *copy = memcpy(*at, s, n + 1);
    *at += n + 1;
    return copy;
}

/* The entities emitted: order[k] is the doc entity of emitted entity k,
 * ids[k] its public id (made here in the doc's pool, or the KB's), with the
 * lengths of its id and name. */
struct emitted {
    int *order;
    const char **ids;
    size_t *id_len, *name_len;
};

/* The public fact of doc fact f, whose entity references are already the
 * public ones (its loan length is left for the caller); false when one
 * does not fit 16 bits (more than FACT_MAX_ENTITY entities mentioned
 * before it: the fact is left out). */
static bool public_fact(const struct doc_fact *f, struct fact *out)
{
    const int refs[] = {f->subject, f->team, f->from, f->to, f->club};
    for (size_t k = 0; k < sizeof refs / sizeof *refs; k++)
        if (refs[k] > FACT_MAX_ENTITY)
            return false;
    bool year_fits = f->year >= INT16_MIN && f->year <= INT16_MAX;
    bool goals_fit = f->goals >= -1 && f->goals <= INT16_MAX;
    *out = (struct fact){.value = f->value,
                         .span = f->span,
                         .subject = (int16_t)f->subject,
                         .team = (int16_t)f->team,
                         .from = (int16_t)f->from,
                         .to = (int16_t)f->to,
                         .club = (int16_t)f->club,
                         .year = (int16_t)(year_fits ? f->year : 0),    /* 0: not stated */
                         .goals = (int16_t)(goals_fit ? f->goals : -1), /* -1: not stated */
                         .kind = f->kind,
                         .currency = f->currency,
                         .period = f->period,
                         .type = f->type,
                         .status = f->status,
                         .qualifier = f->qualifier,
                         .has_value = f->has_value};
    return true;
}

/* Makes the public facts (into `facts`, room for d->nf) and their loan
 * lengths (into `loans`, *nloans of them) from the doc's, and frees the
 * doc's strings. */
static size_t emit_facts(struct doc *d, struct fact *facts, struct buf *loans, unsigned *nloans)
{
    size_t n = 0;
    *nloans = 0;
    for (size_t i = 0; i < d->nf; i++) {
        const struct doc_fact *f = &d->f[i];
        if (public_fact(f, &facts[n])) {
            unsigned code = f->loan_length ? extraction_loan_lengths_add(loans, f->loan_length,
                                                                         strlen(f->loan_length))
                                           : 0;
            facts[n++].loan_length = (uint8_t)code;
            *nloans = code > *nloans ? code : *nloans; /* codes come in order: 1, 2... */
        }
        free(d->f[i].loan_length);
    }
    return n;
}

/* Gives the public extraction its entities, mentions and facts in one
 * block, laid out as extraction_pack lays it (entities, facts, mentions,
 * each entity's id and name, the loan lengths): the pack the pipeline asks
 * for next is then a no-op. */
static void emit_packed(struct doc *d, struct extraction *out, const int *map, const size_t *count,
                        const struct emitted *em, size_t n)
{
    struct fact *facts = d->nf ? xmalloc(d->nf * sizeof *facts) : NULL;
    struct buf loans;
    buf_init(&loans);
    unsigned nloans;
    size_t nf = emit_facts(d, facts, &loans, &nloans);
    size_t total = span8(n, sizeof *out->entities) + span8(nf, sizeof *out->facts) +
                   span8(d->nm, sizeof *out->mentions) + loans.len;
    for (size_t k = 0; k < n; k++)
        total += em->id_len[k] + 1 + em->name_len[k] + 1;
    char *block = xmalloc(total), *at = block;
    struct found_entity *ents = (struct found_entity *)at;
    at += span8(n, sizeof *ents);
    struct fact *pfacts = (struct fact *)at;
    if (nf)
        memcpy(pfacts, facts, nf * sizeof *facts);
    free(facts);
    at += span8(nf, sizeof *pfacts);
    struct mention *mentions = (struct mention *)at;
    at += span8(d->nm, sizeof *mentions);
    uint32_t first = 0;
    for (size_t k = 0; k < n; k++) {
        const struct doc_entity *e = &d->e[em->order[k]];
        ents[k] = (struct found_entity){.first_mention = first, .kind = e->kind, .role = e->role};
        first += (uint32_t)count[em->order[k]];
    }
    for (size_t k = 0; k < n; k++) {
        ents[k].id = put_string(&at, em->ids[k], em->id_len[k]);
        ents[k].name = put_string(&at, d->e[em->order[k]].name, em->name_len[k]);
    }
    for (size_t i = 0; i < d->nm; i++) {
        struct found_entity *fe = &ents[map[d->m[i].entity]];
        const struct token *a = &d->t.v[d->m[i].tok], *b = &d->t.v[d->m[i].tok_end - 1];
        mentions[fe->first_mention + fe->nmentions++] =
            (struct mention){a->start, b->end, (a->flags & TOK_TITLE) != 0};
    }
    char *loan_lengths = loans.len ? memcpy(at, loans.data, loans.len) : NULL;
    *out = (struct extraction){.entities = ents,
                               .nentities = n,
                               .mentions = d->nm ? mentions : NULL,
                               .nmentions = (uint32_t)d->nm, /* texts under 2 GiB */
                               .facts = nf ? pfacts : NULL,
                               .nfacts = nf,
                               .loan_lengths = loan_lengths,
                               .nloan_lengths = (uint8_t)nloans,
                               .block = block};
    buf_free(&loans);
    free(d->f);
}

/* Copies the doc's entities and mentions into the public extraction, in
 * order of first mention (title mentions first), dropping unmentioned ones. */
static void emit(struct doc *d, struct extraction *out)
{
    size_t ne = d->ne ? d->ne : 1;
    /* one block: the size_t and pointer arrays, then the ints */
    char *block = extract_scratch_block(
        d->sc, SCRATCH_EMIT, ne * (3 * sizeof(size_t) + sizeof(char *) + 2 * sizeof(int)));
    size_t *count = memset(block, 0, ne * sizeof *count);
    struct emitted em;
    em.id_len = count + ne;
    em.name_len = em.id_len + ne;
    em.ids = (const char **)(em.name_len + ne);
    int *map = (int *)(em.ids + ne);
    memset(map, 0xff, ne * sizeof *map);
    em.order = map + ne;
    size_t n = 0, kept = 0;
    for (size_t i = 0; i < d->nm; i++) {
        int e = d->m[i].entity;
        if (count[e] == FOUND_ENTITY_MAX_MENTIONS)
            continue; /* past what its count holds: only in a text of over 16 MiB */
        if (map[e] < 0) {
            map[e] = (int)n;
            em.order[n++] = e;
        }
        count[e]++;
        d->m[kept++] = d->m[i];
    }
    d->nm = kept;
    for (size_t i = 0; i < d->nf; i++) {
        struct doc_fact *f = &d->f[i];
        int *refs[] = {&f->subject, &f->team, &f->from, &f->to, &f->club};
        for (size_t k = 0; k < sizeof refs / sizeof *refs; k++)
            if (*refs[k] >= 0)
                *refs[k] = map[*refs[k]];
    }
    if (!n && !d->nf) { /* nothing to pack: as extraction_pack leaves it */
        *out = (struct extraction){.entities = xcalloc(1, sizeof *out->entities)};
        free(d->f);
    } else {
        for (size_t k = 0; k < n; k++) {
            const struct doc_entity *e = &d->e[em.order[k]];
            em.name_len[k] = strlen(e->name);
            if (e->borrowed) {
                em.ids[k] = d->ex->kb_id[e->kb_entry];
                em.id_len[k] = strlen(em.ids[k]);
            } else {
                char *id = strpool_alloc(&d->names, entity_id_room(e->kind, em.name_len[k]));
                em.id_len[k] = entity_write_id(e->kind, e->name, id);
                em.ids[k] = id;
            }
        }
        emit_packed(d, out, map, count, &em, n);
    }
    d->f = NULL;
    d->nf = 0;
}

/* The doc starts with the thread's tokens, buffer, mentions and entities
 * (emptied), and gives them back at the end. */
static void take_scratch(struct doc *d)
{
    struct extract_scratch *s = d->sc;
    /* the tokens intern the words in the cache: emptied first if it holds
     * another extractor's answers */
    word_cache_prepare(&s->words, d->ex->serial);
    d->t = s->t;
    tokens_reset(&d->t);
    d->scratch = s->buf;
    buf_reset(&d->scratch);
    d->m = s->m;
    d->mcap = s->mcap;
    d->e = s->e;
    d->ecap = s->ecap;
    d->names = s->names;
}

static void give_back_scratch(struct doc *d)
{
    struct extract_scratch *s = d->sc;
    s->t = d->t;
    s->buf = d->scratch;
    s->m = d->m;
    s->mcap = d->mcap;
    s->e = d->e;
    s->ecap = d->ecap;
    strpool_clear(&d->names); /* the entities' names: emit copied them */
    s->names = d->names;
}

void extractor_run(const struct extractor *ex, const struct article *a, struct extraction *out)
{
    size_t title_len = strlen(a->title);
    if (title_len > MENTION_MAX_OFFSET || a->body_len > MENTION_MAX_OFFSET) {
        *out = (struct extraction){.entities = xcalloc(1, sizeof *out->entities)};
        return; /* offsets past what a mention holds: nothing found (never under 2 GiB) */
    }
    struct doc d;
    memset(&d, 0, sizeof d);
    d.ex = ex;
    d.a = a;
    d.sc = extract_scratch_get();
    take_scratch(&d);
    tokens_reserve(&d.t, title_len + a->body_len);
    tokens_add_text(&d.t, a->title, title_len, TOK_TITLE);
    tokens_add_text(&d.t, a->body, a->body_len, 0);
    d.owner = extract_scratch_block(d.sc, SCRATCH_OWNER, (d.t.n ? d.t.n : 1) * sizeof *d.owner);
    memset(d.owner, 0xff, (d.t.n ? d.t.n : 1) * sizeof *d.owner);
    asides_mark(&d);
    lexicon_lookup(&d);
    kb_pass(&d);
    resolve_weak(&d);
    press_find(&d);
    club_sides_find(&d);
    people_find(&d);
    mention_sort(d.m, d.nm,
                 extract_scratch_block(d.sc, SCRATCH_SORT, (d.nm ? d.nm : 1) * sizeof *d.m));
    for (size_t i = 0; i < d.nm; i++)
        for (size_t k = d.m[i].tok; k < d.m[i].tok_end; k++)
            d.owner[k] = (int)i;
    facts_find(&d);
    memset(out, 0, sizeof *out);
    emit(&d, out);
    free(d.f);
    give_back_scratch(&d);
}
