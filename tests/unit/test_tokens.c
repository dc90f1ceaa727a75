/* test_tokens: where words end (decimal points, thousands, hyphens,
 * apostrophes, possessives, non-ASCII letters), their flags, sentence starts,
 * the list of capitals, and that equal folded forms share one word number
 * and its hash. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/base/buf.h"
#include "core/base/hash.h"
#include "core/extract/tokens.h"
#include "core/extract/word_cache.h"

/* t.caps lists the tokens with TOK_CAP, in order, and no other. */
static void assert_capitals_listed(const struct tokens *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n; i++)
        if (t->v[i].flags & TOK_CAP) {
            assert_true(n < t->ncaps);
            assert_int_equal(t->caps[n++], i);
        }
    assert_int_equal(n, t->ncaps);
}

/* t.breaks lists the tokens that start a paragraph or are a colon, in
 * order, each once, and no other. */
static void assert_breaks_listed(const struct tokens *t)
{
    size_t n = 0;
    for (size_t i = 0; i < t->n; i++)
        if ((t->v[i].flags & TOK_PARA_START) || tokens_is_punct(t, i, ':')) {
            assert_true(n < t->nbreaks);
            assert_int_equal(t->breaks[n++], i);
        }
    assert_int_equal(n, t->nbreaks);
}

/* t.lower tells for each word whether one of its tokens is a word in lower
 * case (TOK_WORD, neither TOK_CAP nor TOK_NUM). */
static void assert_lower_kept(const struct tokens *t)
{
    for (size_t w = 0; w < t->nwords; w++) {
        bool lower = false;
        for (size_t i = 0; i < t->n; i++)
            lower |=
                t->v[i].word == w && (t->v[i].flags & (TOK_WORD | TOK_CAP | TOK_NUM)) == TOK_WORD;
        assert_int_equal(t->lower[w], lower);
    }
}

/* The tokens of text as "folded/flags" items, flags written as letters:
 * W word, C capital, U upper case, N number, P possessive, S sentence
 * start. */
static void render(const char *text, struct buf *out)
{
    struct tokens t;
    tokens_init(&t);
    tokens_add_text(&t, text, strlen(text), 0);
    for (size_t i = 0; i < t.n; i++) {
        const struct token *tk = &t.v[i];
        if (i)
            buf_putc(out, ' ');
        buf_printf(out, "%s/", tokens_folded(&t, i));
        const char *letters = "WCUNPS";
        const uint16_t flags[] = {TOK_WORD, TOK_CAP, TOK_UPPER, TOK_NUM, TOK_POSS, TOK_SENT_START};
        for (size_t k = 0; k < 6; k++)
            if (tk->flags & flags[k])
                buf_putc(out, letters[k]);
        /* the written span folds to the folded form's length or more */
        assert_true(tk->end > tk->start);
        assert_true(tk->end - tk->start >= tk->fend - tk->fstart);
    }
    assert_capitals_listed(&t);
    assert_breaks_listed(&t);
    assert_lower_kept(&t);
    tokens_free(&t);
}

static void assert_tokens(const char *text, const char *want)
{
    struct buf b;
    buf_init(&b);
    render(text, &b);
    assert_string_equal(b.data, want);
    buf_free(&b);
}

static void test_numbers(void **state)
{
    (void)state;
    assert_tokens("Pay 3.9m, 200,000 fans.", "pay/WCS 3.9m/WN ,/ 200,000/WN fans/W ./");
    assert_tokens("In 2024, 5.", "in/WCS 2024/WN ,/ 5/WN ./");
    assert_tokens("a 1,b 2.c", "a/WS 1/WN ,/ b/W 2/WN ./ c/WS");
    assert_tokens("9am 3PM A1", "9am/WNS 3pm/WUN a1/WC");
}

static void test_hyphens(void **state)
{
    (void)state;
    assert_tokens("ex-England, Saint-Germain", "ex/WS -/ england/WC ,/ saint-germain/WC");
    assert_tokens("a 23-year-old well- known", "a/WS 23-year-old/WN well/W -/ known/W");
    assert_tokens("end-", "end/WS -/");
    assert_tokens("non-Champions League", "non/WS -/ champions/WC league/WC");
    assert_tokens("Jean\xe2\x80\x90Pierre", "jean-pierre/WCS");
}

static void test_apostrophes(void **state)
{
    (void)state;
    assert_tokens("O'Neill's goal", "o'neill/WCPS goal/W");
    assert_tokens("Scholes' side", "scholes/WCPS side/W");
    assert_tokens("Bastoni\xe2\x80\x99s pass", "bastoni/WCPS pass/W");
    assert_tokens("don't 'quote'", "don't/WS '/ quote/W '/");
}

static void test_letters_beyond_ascii(void **state)
{
    (void)state;
    assert_tokens("Mu\xc3\xb1oz and \xc3\x89"
                  "douard",
                  "munoz/WCS and/W edouard/WC");
    assert_tokens("PSG AS Roma", "psg/WCUS as/WCU roma/WC");
}

static void test_sentences(void **state)
{
    (void)state;
    assert_tokens("Mr. Smith scored. He left! M. Riley",
                  "mr/WCS ./ smith/WC scored/W ./ he/WCS left/W !/ m/WCS ./ riley/WC");
    assert_tokens("one\ntwo", "one/WS two/WS");
}

/* Each token's sentence number, by every kind of token (an ASCII word, a
 * word the slower path takes, punctuation), across a title and a body
 * (each starts a sentence) and after a reset (numbers start again). */
static void test_sentence_numbers(void **state)
{
    (void)state;
    struct tokens t;
    tokens_init(&t);
    for (int round = 0; round < 2; round++) {
        const char *title = "Mu\xc3\xb1oz's goal";
        const char *body = "It won. Don't \xc2\xab stop \xc2\xbb!\nNext one";
        tokens_add_text(&t, title, strlen(title), TOK_TITLE);
        tokens_add_text(&t, body, strlen(body), 0);
        /* munoz goal | it won . | don't << stop >> ! | next one */
        const uint32_t want[] = {0, 0, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3};
        assert_int_equal(t.n, sizeof want / sizeof *want);
        assert_int_equal(t.nsentences, 4);
        for (size_t i = 0; i < t.n; i++)
            assert_int_equal(t.v[i].sentence, want[i]);
        tokens_reset(&t);
    }
    tokens_free(&t);
}

static void test_word_numbers(void **state)
{
    (void)state;
    const char *text = "The the THE goal, goal; The";
    struct tokens t;
    tokens_init(&t);
    tokens_add_text(&t, text, strlen(text), 0);
    assert_int_equal(t.n, 8);
    assert_int_equal(t.v[0].word, t.v[1].word);
    assert_int_equal(t.v[0].word, t.v[2].word);
    assert_int_equal(t.v[0].word, t.v[7].word);
    assert_int_equal(t.v[3].word, t.v[5].word);
    assert_int_not_equal(t.v[0].word, t.v[3].word);
    assert_int_not_equal(t.v[4].word, t.v[6].word);
    assert_int_equal(t.nwords, 4);
    for (size_t i = 0; i < t.n; i++) {
        const char *f = tokens_folded(&t, i);
        assert_true(t.hash[t.v[i].word] == hash_bytes(f, strlen(f)));
        assert_true(tokens_first_of_word(&t, i) == (t.first[t.v[i].word] == i));
    }
    /* a second text goes on numbering, as the title and body do; a form
     * that starts another, or that another starts, is a word of its own */
    tokens_add_text(&t, "goal goals go", 13, TOK_TITLE);
    assert_int_equal(t.v[8].word, t.v[3].word);
    assert_true(t.v[8].flags & TOK_TITLE);
    assert_int_not_equal(t.v[9].word, t.v[3].word);
    assert_int_not_equal(t.v[10].word, t.v[3].word);
    assert_int_not_equal(t.v[10].word, t.v[9].word);
    assert_int_equal(t.nwords, 6);
    tokens_reset(&t);
    assert_int_equal(t.n, 0);
    assert_int_equal(t.nwords, 0);
    tokens_free(&t);
}

/* Punctuation repeated, across a title and a body and after a reset, with
 * and without a word cache: each character one word number, its first
 * token first of its word, forms and numbers never left from before. */
static void test_punctuation_words(void **state)
{
    (void)state;
    struct word_cache c;
    word_cache_init(&c);
    for (int cached = 0; cached < 2; cached++) {
        struct tokens t;
        tokens_init(&t);
        t.cache = cached ? &c : NULL;
        for (int round = 0; round < 3; round++) {
            tokens_reset(&t);
            const char *title = round == 1 ? "a - b" : "a, b. (c)";
            tokens_add_text(&t, title, strlen(title), TOK_TITLE);
            const char *body = "x, y; z. x - y, (z) ; . ,";
            tokens_add_text(&t, body, strlen(body), 0);
            for (size_t i = 0; i < t.n; i++) {
                const char *f = tokens_folded(&t, i);
                assert_int_equal(strlen(f), t.v[i].fend - t.v[i].fstart);
                assert_true(t.v[i].word < t.nwords);
                size_t first = t.first[t.v[i].word];
                assert_true(first <= i);
                assert_string_equal(tokens_folded(&t, first), f);
                for (size_t j = 0; j < i; j++) /* equal forms, equal numbers */
                    assert_true((t.v[j].word == t.v[i].word) == !strcmp(tokens_folded(&t, j), f));
            }
            assert_true(tokens_is_punct(&t, t.n - 1, ','));
        }
        tokens_free(&t);
    }
    word_cache_free(&c);
}

/* Paragraph starts and colons listed across a title and a body, a colon
 * that starts a line once, and from nothing after a reset; a text of
 * nothing but colons and new lines passes the room reserved for tokens. */
static void test_breaks_listed(void **state)
{
    (void)state;
    struct tokens t;
    tokens_init(&t);
    const char *title = "Team news: Saka out";
    tokens_add_text(&t, title, strlen(title), TOK_TITLE);
    const char *body = "Arsenal: Raya; White.\n: Saka\nSubs: Ramsdale\n\nEnd: of: it";
    tokens_add_text(&t, body, strlen(body), 0);
    assert_breaks_listed(&t);
    assert_lower_kept(&t);
    assert_int_equal(t.nbreaks, 2 + 8);
    tokens_reset(&t);
    assert_int_equal(t.nbreaks, 0);
    struct buf colons;
    buf_init(&colons);
    for (int k = 0; k < 3000; k++)
        buf_puts(&colons, k % 3 ? ":" : "\n:");
    tokens_add_text(&t, colons.data, colons.len, 0);
    assert_int_equal(t.n, 3000);
    assert_breaks_listed(&t);
    assert_int_equal(t.nbreaks, 3000);
    buf_free(&colons);
    tokens_free(&t);
}

/* Whether a word is met in lower case, with and without the cache, across
 * a title and a body and after a reset: a capital at a sentence start, a
 * number, an upper-case word and punctuation are not; a word first met
 * capitalised and later in lower case (ASCII or not) is. */
static void test_lower_words(void **state)
{
    (void)state;
    struct word_cache c;
    word_cache_init(&c);
    for (int cached = 0; cached < 2; cached++) {
        struct tokens t;
        tokens_init(&t);
        t.cache = cached ? &c : NULL;
        for (int round = 0; round < 3; round++) {
            tokens_reset(&t);
            const char *title = "Despite Saka, 2024 GOAL";
            tokens_add_text(&t, title, strlen(title), TOK_TITLE);
            const char *body = round % 2 ? "despite \xc3\xa9mile \xc3\x89mile goal 3-year-old"
                                         : "Saka: \xc3\x89mile, 2024.";
            tokens_add_text(&t, body, strlen(body), 0);
            assert_lower_kept(&t);
            assert_int_equal(t.lower[t.v[0].word], round % 2); /* despite */
            assert_false(t.lower[t.v[1].word]);                /* saka */
            assert_false(t.lower[t.v[2].word]);                /* , */
            assert_false(t.lower[t.v[3].word]);                /* 2024 */
            assert_int_equal(t.lower[t.v[4].word], round % 2); /* goal */
        }
        tokens_free(&t);
    }
    word_cache_free(&c);
}

/* Many distinct words: the word table grows past what was reserved. */
static void test_many_words(void **state)
{
    (void)state;
    struct buf text;
    buf_init(&text);
    for (int i = 0; i < 5000; i++)
        buf_printf(&text, "w%d x ", i);
    struct tokens t;
    tokens_init(&t);
    tokens_add_text(&t, text.data, text.len, 0);
    assert_int_equal(t.n, 10000);
    assert_int_equal(t.nwords, 5001);
    for (size_t i = 1; i < t.n; i += 2)
        assert_int_equal(t.v[i].word, t.v[1].word);
    /* after the growth, every form is found again with its first number,
     * and each word knows where its form is */
    tokens_add_text(&t, text.data, text.len, 0);
    assert_int_equal(t.nwords, 5001);
    for (size_t i = 0; i < 10000; i++) {
        uint32_t w = t.v[i].word;
        assert_int_equal(t.v[10000 + i].word, w);
        assert_int_equal(t.form[w].at, t.v[t.first[w]].fstart);
        assert_int_equal(t.form[w].len, t.v[t.first[w]].fend - t.v[t.first[w]].fstart);
    }
    tokens_free(&t);
    buf_free(&text);
}

/* Interning through a word cache (the extractor's tokens) gives the same
 * tokens, word numbers and hashes as the tokens' own table: with the cache
 * empty, holding the words from the text before, and emptied for another
 * owner. Each word's entry holds its form, and a form the text before met
 * is a new word of this text all the same. */
static void test_cache_changes_nothing(void **state)
{
    (void)state;
    const char *texts[] = {
        "Saka scored twice as Arsenal beat Chelsea; Saka's second came late.",
        "Saka scored twice as Arsenal beat Chelsea; Saka's second came late.",
        "Late on, Chelsea came back: Palmer scored.",
        "Saka scored twice as Arsenal beat Chelsea; Saka's second came late.",
    };
    struct word_cache c;
    word_cache_init(&c);
    struct tokens cached;
    tokens_init(&cached);
    cached.cache = &c;
    for (size_t round = 0; round < 4; round++) {
        const char *text = texts[round];
        struct tokens plain;
        tokens_init(&plain);
        tokens_add_text(&plain, text, strlen(text), 0);
        assert_null(plain.cached);                 /* no entries to give without a cache */
        word_cache_prepare(&c, round < 3 ? 1 : 2); /* the last round: emptied */
        size_t held = c.n;
        tokens_reset(&cached);
        tokens_add_text(&cached, text, strlen(text), 0);
        assert_int_equal(cached.n, plain.n);
        assert_int_equal(cached.nwords, plain.nwords);
        assert_memory_equal(cached.v, plain.v, plain.n * sizeof *plain.v);
        assert_memory_equal(cached.hash, plain.hash, plain.nwords * sizeof *plain.hash);
        assert_memory_equal(cached.first, plain.first, plain.nwords * sizeof *plain.first);
        if (round == 1)
            assert_int_equal(c.n, held); /* the same text again adds nothing */
        if (round == 3)
            assert_int_equal(c.n, plain.nwords);
        for (size_t w = 0; w < cached.nwords; w++) {
            const struct word_info *e = &c.v[cached.cached[w]];
            assert_string_equal(c.keys.data + e->key, tokens_folded(&cached, cached.first[w]));
            assert_int_equal(e->word, w);
            assert_int_equal(e->text, c.text);
            assert_true(e->hash == cached.hash[w]);
        }
        tokens_free(&plain);
    }
    word_cache_free(&c);
    tokens_free(&cached);
}

/* Tokens given a cache after a text of their own get their words' entries
 * there all the same. */
static void test_cache_set_later(void **state)
{
    (void)state;
    const char *text = "Palmer scored, then Palmer scored again.";
    struct word_cache c;
    word_cache_init(&c);
    struct tokens t;
    tokens_init(&t);
    tokens_add_text(&t, text, strlen(text), 0);
    assert_null(t.cached);
    t.cache = &c;
    tokens_reset(&t);
    tokens_add_text(&t, text, strlen(text), 0);
    assert_non_null(t.cached);
    assert_int_equal(c.n, t.nwords);
    for (size_t w = 0; w < t.nwords; w++)
        assert_string_equal(c.keys.data + c.v[t.cached[w]].key, tokens_folded(&t, t.first[w]));
    tokens_free(&t);
    word_cache_free(&c);
}

/* A form's word hash is hash_word of its bytes however the tokenizer read
 * it (8 bytes at a time, the text's last bytes one by one, or folded from
 * UTF-8), at every length around a multiple of 8; the tokens' hash stays
 * the form's FNV-1a; and a form met again is found, not added twice. */
static void test_word_hash_every_length(void **state)
{
    (void)state;
    struct buf once, text;
    buf_init(&once);
    buf_init(&text);
    const char *letters = "AbcdefghijklmnopqrstuvwxyZ0123456789";
    for (size_t n = 1; n <= 26; n++) {
        buf_append(&once, letters, n);
        buf_append(&once, " ", 1);
    }
    buf_append(&once, "Fußball; ", strlen("Fußball; "));
    buf_append(&text, once.data, once.len);
    buf_append(&text, once.data, once.len); /* each form again */
    struct word_cache c;
    word_cache_init(&c);
    struct tokens t;
    tokens_init(&t);
    t.cache = &c;
    for (size_t end = text.len - 30; end <= text.len; end++) { /* words cut at the text's end */
        tokens_reset(&t);
        tokens_add_text(&t, text.data, end, 0);
        for (size_t w = 0; w < t.nwords; w++) {
            const char *f = tokens_folded(&t, t.first[w]);
            size_t n = strlen(f);
            const struct word_info *e = &c.v[t.cached[w]];
            assert_true(e->tag == (uint32_t)(hash_word(f, n) >> 32));
            assert_true(t.hash[w] == hash_bytes(f, n));
            assert_string_equal(c.keys.data + e->key, f);
        }
    }
    for (size_t k = 0; k < c.n; k++) /* no form twice */
        for (size_t j = k + 1; j < c.n; j++)
            assert_string_not_equal(c.keys.data + c.v[k].key, c.keys.data + c.v[j].key);
    tokens_free(&t);
    word_cache_free(&c);
    buf_free(&text);
    buf_free(&once);
}

/* The capitals are listed across texts added one after another (a title,
 * then a body), past the room reserved for the tokens (one-letter words
 * and commas, more tokens than the reservation guesses), and anew after a
 * reset. */
static void test_capitals_listed(void **state)
{
    (void)state;
    struct tokens t;
    tokens_init(&t);
    const char *title = "Saka Signs For Arsenal";
    tokens_add_text(&t, title, strlen(title), TOK_TITLE);
    struct buf body;
    buf_init(&body);
    for (int k = 0; k < 400; k++)
        buf_puts(&body, k % 3 ? "a," : "B,");
    buf_puts(&body, " \xc3\x89mile Smith-Rowe and \xc3\xa9mile.");
    tokens_add_text(&t, body.data, body.len, 0);
    assert_capitals_listed(&t);
    assert_breaks_listed(&t);
    assert_true(t.ncaps > 130);
    assert_int_equal(t.caps[0], 0);
    tokens_reset(&t);
    assert_int_equal(t.ncaps, 0);
    tokens_add_text(&t, "the end. The End", 16, 0);
    assert_capitals_listed(&t);
    assert_int_equal(t.ncaps, 2);
    buf_free(&body);
    tokens_free(&t);
}

/* After an apostrophe inside a word, every ASCII character that is a
 * letter or a digit, and no other, continues the word ("d'Xy" one token,
 * "d'.y" a word "d" then more): the path that decides a word's end
 * character by character. */
static void test_apostrophe_then_every_ascii(void **state)
{
    (void)state;
    for (int c = 1; c < 0x80; c++) {
        char text[5] = {'d', '\'', (char)c, 'y', '\0'};
        struct tokens t;
        tokens_init(&t);
        tokens_add_text(&t, text, 4, 0);
        bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        assert_true(t.n > 0);
        assert_int_equal(t.v[0].end, alnum ? 4 : 1);
        assert_int_equal(t.v[0].flags & TOK_POSS, 0);
        tokens_free(&t);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_capitals_listed),
        cmocka_unit_test(test_numbers),
        cmocka_unit_test(test_hyphens),
        cmocka_unit_test(test_apostrophes),
        cmocka_unit_test(test_letters_beyond_ascii),
        cmocka_unit_test(test_sentences),
        cmocka_unit_test(test_sentence_numbers),
        cmocka_unit_test(test_word_numbers),
        cmocka_unit_test(test_cache_changes_nothing),
        cmocka_unit_test(test_cache_set_later),
        cmocka_unit_test(test_many_words),
        cmocka_unit_test(test_word_hash_every_length),
        cmocka_unit_test(test_apostrophe_then_every_ascii),
        cmocka_unit_test(test_punctuation_words),
        cmocka_unit_test(test_breaks_listed),
        cmocka_unit_test(test_lower_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
