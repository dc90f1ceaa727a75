/* lexicon_table: builds and searches the lexicon's hash of words (see
 * lexicon_table.h). The build is the same at run time and in kbgen. */
#include "core/extract/lexicon_table.h"
#include "core/extract/facts.h"
#include "core/extract/word_lists.h"
#include "core/base/buf.h"
#include "core/base/fold.h"
#include "core/base/hash.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* Whether the string word starts with the n bytes of w (a loop: words are
 * short, and it stops at word's NUL). */
static bool same_prefix(const char *word, const char *w, size_t n)
{
    for (size_t k = 0; k < n; k++)
        if (word[k] != w[k])
            return false;
    return true;
}

const struct lex_slot *lex_table_find(const struct lex_table *t, const char *w, size_t n,
                                      uint64_t h)
{
    size_t mask = t->nslots - 1, i = (size_t)h & mask;
    for (; t->slots[i].word; i = (i + 1) & mask) {
        const struct lex_slot *s = &t->slots[i];
        const char *word = t->words + s->word;
        if (s->hash == (uint32_t)h && same_prefix(word, w, n) && !word[n])
            break;
    }
    return &t->slots[i];
}

struct builder {
    struct lex_slot *slots;
    size_t nslots;
    struct buf words;
};

/* The slot of word w (n bytes), claimed when new: the word is copied into
 * the table's words. */
static struct lex_slot *slot_of(struct builder *b, const char *w, size_t n)
{
    uint64_t h = hash_bytes(w, n);
    struct lex_table t = {b->slots, b->nslots, b->words.data, b->words.len};
    struct lex_slot *s = &b->slots[lex_table_find(&t, w, n, h) - b->slots];
    if (!s->word) {
        s->word = (uint32_t)b->words.len;
        buf_append(&b->words, w, n);
        buf_putc(&b->words, '\0');
        s->hash = (uint32_t)h;
    }
    return s;
}

static struct lex_slot *slot_of_str(struct builder *b, const char *w)
{
    return slot_of(b, w, strlen(w));
}

static void add_words(struct builder *b, char *const *words, size_t n, uint8_t flag, int role)
{
    for (size_t i = 0; i < n; i++) {
        struct lex_slot *s = slot_of_str(b, words[i]);
        s->flags |= flag;
        if (role >= 0 && !(s->flags & LEX_ROLE & ~flag))
            s->role = (uint8_t)role;
    }
}

/* Demonyms ("Dutch", "Brazilian") are adjectives, never part of a name. */
static void add_demonyms(struct builder *b, const struct kb *kb)
{
    for (size_t i = 0; i < kb->nforms; i++) {
        const struct kb_form *f = &kb->forms[i];
        if (f->kind != KB_FORM_DEMONYM || strchr(f->text, ' '))
            continue;
        char *folded = fold_text(f->text, strlen(f->text));
        slot_of_str(b, folded)->flags |= LEX_NOT_NAME;
        free(folded);
    }
}

/* Marks the first word of every role word of several words, so that
 * doc_role_before looks a pair of words up only after such a word. */
static void add_role_heads(struct builder *b, const struct kb *kb)
{
    const struct kb_lexicon *l = &kb->lex;
    for (int r = ROLE_PLAYER; r <= ROLE_OTHER; r++)
        for (size_t i = 0; i < l->nrole_words[r]; i++) {
            const char *w = l->role_words[r][i], *space = strchr(w, ' ');
            if (space)
                slot_of(b, w, (size_t)(space - w))->flags |= LEX_ROLE_HEAD;
        }
}

/* Gives a word of the fixed lists its list's bit (word_lists.h). */
static void add_list_word(const char *word, uint32_t bit, void *ctx)
{
    slot_of_str(ctx, word)->lists |= bit;
}

/* Gives a trigger word of the fact patterns its pattern bits (facts.c). */
static void add_trigger_word(const char *word, unsigned mask, void *ctx)
{
    slot_of_str(ctx, word)->triggers |= mask;
}

static void count_trigger_word(const char *word, unsigned mask, void *ctx)
{
    (void)word;
    (void)mask;
    ++*(size_t *)ctx;
}

static void count_list_word(const char *word, uint32_t bit, void *ctx)
{
    (void)word;
    (void)bit;
    ++*(size_t *)ctx;
}

/* A table size for every word the lexicon could hold, at most half full. */
static size_t table_size(const struct kb *kb)
{
    const struct kb_lexicon *l = &kb->lex;
    size_t total = l->ngiven + l->nparticles + l->nnot_names + kb->nforms;
    for (int r = 0; r <= ROLE_OTHER; r++)
        total += 2 * l->nrole_words[r]; /* role words and their first words */
    word_lists_each(count_list_word, &total);
    facts_trigger_words_each(count_trigger_word, &total);
    size_t n = 64;
    while (n < total * 2 + 1)
        n *= 2;
    return n;
}

void lex_table_build(const struct kb *kb, struct lex_table *out)
{
    const struct kb_lexicon *l = &kb->lex;
    struct builder b = {0};
    b.nslots = table_size(kb);
    b.slots = xcalloc(b.nslots, sizeof *b.slots);
    buf_init(&b.words);
    buf_putc(&b.words, '\0'); /* offset 0 is no word's: it marks an empty slot */
    add_words(&b, l->given_names, l->ngiven, LEX_GIVEN, -1);
    add_words(&b, l->particles, l->nparticles, LEX_PARTICLE, -1);
    add_words(&b, l->not_names, l->nnot_names, LEX_NOT_NAME, -1);
    add_demonyms(&b, kb);
    for (int r = ROLE_PLAYER; r <= ROLE_OTHER; r++)
        add_words(&b, l->role_words[r], l->nrole_words[r], LEX_ROLE, r);
    add_role_heads(&b, kb);
    word_lists_each(add_list_word, &b);
    facts_trigger_words_each(add_trigger_word, &b);
    out->slots = b.slots;
    out->nslots = b.nslots;
    out->nwords = b.words.len;
    out->words = buf_detach(&b.words, NULL);
}

void lex_table_free(struct lex_table *t)
{
    free((void *)(uintptr_t)t->slots);
    free((void *)(uintptr_t)t->words);
    *t = (struct lex_table){0};
}
