/* text_words: whole words in a span of text (see text_words.h). The span
 * is read 8 bytes at a time for its word starts, and only the words of a
 * start's letter are compared there. */
#include "core/extract/text_words.h"
#include "core/extract/word_bytes.h"

#include <stdint.h>
#include <string.h>

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
}

static bool is_ascii_letter(char c)
{
    return (c | 32) >= 'a' && (c | 32) <= 'z';
}

/* Whether w stands at text[i], a word start whose letter is w's first, as
 * a whole word, case-insensitively: the rest of w follows, then `len` or no
 * letter. */
static bool word_at(const char *text, size_t len, size_t i, const char *w)
{
    size_t n = 1;
    for (; w[n]; n++)
        if (i + n >= len || ascii_lower(text[i + n]) != ascii_lower(w[n]))
            return false;
    return i + n == len || !is_ascii_letter(text[i + n]);
}

/* text_has_word for any number of words. */
static bool has_word_slow(const char *text, size_t from, size_t to, const char *const *words)
{
    for (size_t i = from; i < to; i++) {
        if (!is_ascii_letter(text[i]) || (i > 0 && is_ascii_letter(text[i - 1])))
            continue;
        char c = (char)(text[i] | 32);
        for (size_t w = 0; words[w]; w++)
            if (words[w][0] == c && word_at(text, to, i, words[w]))
                return true;
    }
    return false;
}

/* Per byte of x, 0x80 where it is an ASCII letter, else 0 (each test adds
 * to the byte's low 7 bits: no carry leaves a byte). */
static inline uint64_t letters_8(uint64_t x)
{
    uint64_t lower = (x & ~WORD_BYTES_HIGH) | 0x20 * WORD_BYTES_ONES; /* A-Z into a-z */
    uint64_t letter =
        (lower + (0x80 - 'a') * WORD_BYTES_ONES) & ~(lower + (0x7F - 'z') * WORD_BYTES_ONES);
    return letter & ~x & WORD_BYTES_HIGH; /* not a byte with its high bit set */
}

enum { MAX_CHAINED = 255 };

/* The words by first letter: chains of word index + 1 (0 ends). */
struct chains {
    uint8_t head[26], next[MAX_CHAINED];
};

/* Whether one of the words of text[i]'s letter stands at i. */
static inline bool words_at(const struct chains *ch, const char *text, size_t to, size_t i,
                            const char *const *words)
{
    for (uint8_t w = ch->head[(text[i] | 32) - 'a']; w; w = ch->next[w - 1])
        if (word_at(text, to, i, words[w - 1]))
            return true;
    return false;
}

bool text_has_word(const char *text, size_t from, size_t to, const char *const *words)
{
    if (from >= to)
        return false;
    struct chains ch;
    memset(ch.head, 0, sizeof ch.head); /* next: written where a chain needs it */
    for (size_t w = 0; words[w]; w++) {
        if (w >= MAX_CHAINED)
            return has_word_slow(text, from, to, words);
        char c = words[w][0];
        if (c >= 'a' && c <= 'z') { /* text letters are lowered: only these can match */
            ch.next[w] = ch.head[c - 'a'];
            ch.head[c - 'a'] = (uint8_t)(w + 1);
        }
    }
    /* a word start: a letter after a byte that is none */
    uint64_t before = from > 0 && is_ascii_letter(text[from - 1]) ? 0x80 : 0;
    size_t i = from;
    for (; i + 8 <= to; i += 8) {
        uint64_t letters = letters_8(word_bytes_load(text + i));
        uint64_t starts = letters & ~(letters << 8 | before);
        before = letters >> 56; /* the last byte's mark, as the first's "before" */
        for (; starts; starts &= starts - 1)
            if (words_at(&ch, text, to, i + (size_t)__builtin_ctzll(starts) / 8, words))
                return true;
    }
    for (; i < to; i++) {
        bool letter = is_ascii_letter(text[i]);
        if (letter && !before && words_at(&ch, text, to, i, words))
            return true;
        before = letter;
    }
    return false;
}
