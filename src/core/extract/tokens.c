/* tokenize: words, punctuation and sentence boundaries (see tokenize.h). */
#include "core/extract/tokens.h"
#include "core/extract/word_cache.h"
#include "core/extract/word_bytes.h"
#include "core/base/fold.h"
#include "core/base/hash.h"
#include "core/base/utf8.h"
#include "core/base/xalloc.h"

#include <stdlib.h>
#include <string.h>

/* The bytes of a word of up to four letters as one number (the first in
 * the low byte), for a switch over words. */
#define W1(a)          ((uint32_t)(unsigned char)(a))
#define W2(a, b)       (W1(a) | W1(b) << 8)
#define W3(a, b, c)    (W2(a, b) | W1(c) << 16)
#define W4(a, b, c, d) (W3(a, b, c) | W1(d) << 24)

/* Whether a folded word (n bytes) is one after which a full stop does not
 * end the sentence: mr mrs ms dr st utd jr jnr snr sr no v vs etc inc ltd
 * co prof gen rev mt ft approx fig vol. */
static bool abbreviation_form(const char *f, size_t n)
{
    if (n == 6)
        return !memcmp(f, "approx", 6);
    if (n > 4)
        return false;
    uint32_t w = 0;
    for (size_t k = 0; k < n; k++)
        w |= W1(f[k]) << (8 * k);
    switch (w) {
    case W2('m', 'r'):
    case W3('m', 'r', 's'):
    case W2('m', 's'):
    case W2('d', 'r'):
    case W2('s', 't'):
    case W3('u', 't', 'd'):
    case W2('j', 'r'):
    case W3('j', 'n', 'r'):
    case W3('s', 'n', 'r'):
    case W2('s', 'r'):
    case W2('n', 'o'):
    case W1('v'):
    case W2('v', 's'):
    case W3('e', 't', 'c'):
    case W3('i', 'n', 'c'):
    case W3('l', 't', 'd'):
    case W2('c', 'o'):
    case W4('p', 'r', 'o', 'f'):
    case W3('g', 'e', 'n'):
    case W3('r', 'e', 'v'):
    case W2('m', 't'):
    case W2('f', 't'):
    case W3('f', 'i', 'g'):
    case W3('v', 'o', 'l'):
        return true;
    default:
        return false;
    }
}

void tokens_init(struct tokens *t)
{
    memset(t, 0, sizeof *t);
    buf_init(&t->folded);
}

void tokens_free(struct tokens *t)
{
    free(t->v);
    free(t->caps);
    free(t->breaks);
    free(t->first);
    free(t->hash);
    free(t->form);
    free(t->cached);
    free(t->lower);
    free(t->table);
    buf_free(&t->folded);
    memset(t, 0, sizeof *t);
}

/* The word table's slot for word w, whose hash is h. */
static struct token_slot word_slot(size_t w, uint64_t h)
{
    return (struct token_slot){(uint32_t)w + 1, (uint32_t)(h >> 32)};
}

/* Empties the word table: slot by slot when it holds few words (a KB form
 * of two words should not clear a table an article made big). */
static void clear_table(struct tokens *t)
{
    if (!t->table)
        return; /* none: the words are interned in the cache */
    if (t->nwords * 8 >= t->tcap) {
        memset(t->table, 0, t->tcap * sizeof *t->table);
        return;
    }
    for (size_t w = 0; w < t->nwords; w++) {
        size_t k = (size_t)t->hash[w] & (t->tcap - 1);
        while (t->table[k].word != w + 1)
            k = (k + 1) & (t->tcap - 1);
        t->table[k].word = 0;
    }
}

void tokens_reset(struct tokens *t)
{
    memset(t->punct_word, 0, sizeof t->punct_word);
    t->n = 0;
    t->ncaps = 0;
    t->nbreaks = 0;
    t->nsentences = 0;
    clear_table(t);
    if (t->cache)
        word_cache_next_text(t->cache);
    t->nwords = 0;
    buf_reset(&t->folded);
}

/* Doubles the table and puts every word back. */
static void grow_table(struct tokens *t)
{
    free(t->table);
    t->tcap = t->tcap ? t->tcap * 2 : 256;
    t->table = xcalloc(t->tcap, sizeof *t->table);
    for (size_t w = 0; w < t->nwords; w++) {
        size_t k = (size_t)t->hash[w] & (t->tcap - 1);
        while (t->table[k].word)
            k = (k + 1) & (t->tcap - 1);
        t->table[k] = word_slot(w, t->hash[w]);
    }
}

/* Room for `words` words in the per-word arrays. */
__attribute__((noinline)) static void grow_words(struct tokens *t, size_t words)
{
    t->wcap = words;
    t->first = xrealloc(t->first, t->wcap * sizeof *t->first);
    t->hash = xrealloc(t->hash, t->wcap * sizeof *t->hash);
    t->form = xrealloc(t->form, t->wcap * sizeof *t->form);
    t->lower = xrealloc(t->lower, t->wcap * sizeof *t->lower);
    if (t->cache) /* the entries in the cache: none without one */
        t->cached = xrealloc(t->cached, t->wcap * sizeof *t->cached);
}

/* A new word: the folded form of token i (at `at`, n bytes), whose hash is
 * h; returns its number. Inline: about half the tokens of an article are
 * the first of their word. */
static inline uint32_t add_new_word(struct tokens *t, size_t i, size_t at, size_t n, uint64_t h)
{
    if (t->nwords == t->wcap)
        grow_words(t, t->wcap ? t->wcap * 2 : 256);
    size_t w = t->nwords++;
    t->first[w] = (uint32_t)i;
    t->hash[w] = h;
    t->form[w] = (struct token_form){(uint32_t)at, (uint32_t)n};
    t->lower[w] = false;
    return (uint32_t)w;
}

/* intern through the word cache: the form's entry there (found or added),
 * and its word number in this text, given when the text first meets it. */
static inline uint32_t intern_cached(struct tokens *t, size_t i, const char *f, size_t at, size_t n,
                                     uint64_t key)
{
    struct word_cache *c = t->cache;
    bool added;
    uint32_t k = word_cache_get(c, f, n, key, &added);
    struct word_info *e = &c->v[k];
    if (e->text == c->text)
        return e->word;
    uint32_t w = add_new_word(t, i, at, n, e->hash); /* the FNV-1a the cache keeps */
    t->cached[w] = k;
    e->text = c->text;
    e->word = w;
    return w;
}

/* The number of the folded form f (n bytes, at offset `at` of the folded
 * forms, FNV-1a hash h) of token i, the last one pushed: the number of the
 * first token with that form, or a new one, in the tokens' own table
 * (without a cache): a probe reads the slot, then only where the tags agree
 * the word's form and its bytes. Inline: it runs per token. */
static inline uint32_t intern(struct tokens *t, size_t i, const char *f, size_t at, size_t n,
                              uint64_t h)
{
    if ((t->nwords + 1) * 2 > t->tcap)
        grow_table(t);
    const struct token_slot *table = t->table;
    uint32_t tag = (uint32_t)(h >> 32);
    size_t mask = t->tcap - 1, k = (size_t)h & mask;
    for (; table[k].word; k = (k + 1) & mask) {
        if (table[k].tag != tag)
            continue;
        uint32_t w = table[k].word - 1;
        struct token_form form = t->form[w];
        if (form.len == n && hash_same_bytes(t->folded.data + form.at, f, n))
            return w;
    }
    uint32_t w = add_new_word(t, i, at, n, h);
    t->table[k] = word_slot(w, h);
    return w;
}

bool tokenize_is_upper(uint32_t cp)
{
    if (cp < 0x80)
        return cp >= 'A' && cp <= 'Z';
    if (cp >= 0xC0 && cp <= 0xDE)
        return cp != 0xD7;
    if (cp >= 0x100 && cp <= 0x137)
        return cp % 2 == 0;
    if (cp >= 0x139 && cp <= 0x148)
        return cp % 2 == 1;
    if (cp >= 0x14A && cp <= 0x177)
        return cp % 2 == 0;
    if (cp == 0x178 || cp == 0x179 || cp == 0x17B || cp == 0x17D)
        return true;
    if (cp >= 0x391 && cp <= 0x3AB)
        return true;                   /* Greek */
    return cp >= 0x400 && cp <= 0x42F; /* Cyrillic */
}

/* is_letter_or_digit beyond ASCII. */
static bool is_wide_letter_or_digit(uint32_t cp)
{
    if (cp == 0xD7 || cp == 0xF7 || cp < 0xC0)
        return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
    if (cp >= 0x2000 && cp <= 0x2BFF)
        return false; /* punctuation, symbols, arrows */
    if (cp >= 0x3000 && cp <= 0x303F)
        return false;
    return cp != 0xFFFD && cp != 0xFEFF;
}

/* Inline: scan_word and word_flags ask it per character, nearly always of
 * an ASCII one. */
static inline bool is_letter_or_digit(uint32_t cp)
{
    if (cp < 0x80)
        return ((cp | 32) - 'a' < 26) || cp - '0' < 10;
    return is_wide_letter_or_digit(cp);
}

static bool is_apostrophe(uint32_t cp)
{
    return cp == '\'' || cp == 0x2019;
}

static bool is_space(uint32_t cp)
{
    return cp == ' ' || cp == '\n' || cp == 0xA0 || cp == 0x2009 || cp == 0x202F;
}

static inline uint32_t cp_at(const char *s, size_t len, size_t i, size_t *n)
{
    if ((unsigned char)s[i] < 0x80) { /* ASCII, the common case: no decoding */
        *n = 1;
        return (unsigned char)s[i];
    }
    uint32_t cp;
    *n = utf8_decode(s + i, len - i, &cp);
    return cp;
}

/* Whether the word that ends at i (the start of its hyphenated part, or
 * the word itself) begins with a capital. */
static bool word_started_upper(const char *s, size_t len, size_t i)
{
    size_t j = i;
    while (j > 0 && s[j - 1] != ' ' && s[j - 1] != '\n' && s[j - 1] != '-')
        j--;
    uint32_t cp;
    utf8_decode(s + j, len - j, &cp);
    return tokenize_is_upper(cp) || (cp >= '0' && cp <= '9');
}

/* End of the word starting at i, and whether a possessive follows. */
static size_t scan_word(const char *s, size_t len, size_t i, bool *poss, size_t *after)
{
    *poss = false;
    while (i < len) {
        size_t n;
        uint32_t cp = cp_at(s, len, i, &n);
        if (is_letter_or_digit(cp)) {
            i += n;
            continue;
        }
        size_t m;
        uint32_t next = i + n < len ? cp_at(s, len, i + n, &m) : 0;
        if (is_apostrophe(cp)) {
            bool s_then_end =
                (next == 's' || next == 'S') &&
                (i + n + 1 >= len || !is_letter_or_digit(cp_at(s, len, i + n + 1, &m)));
            if (s_then_end) {
                *poss = true;
                *after = i + n + 1;
                return i;
            }
            if (next && is_letter_or_digit(next)) {
                i += n; /* O'Neill, D'Alessandro */
                continue;
            }
            if (i > 0 && (s[i - 1] == 's' || s[i - 1] == 'S')) {
                *poss = true; /* Scholes' */
                *after = i + n;
                return i;
            }
            break;
        }
        if ((cp == '-' || cp == 0x2010 || cp == 0x2011) && next && is_letter_or_digit(next)) {
            if (tokenize_is_upper(next) && !word_started_upper(s, len, i))
                break; /* "ex-England", "non-Champions League": two words */
            i += n;
            continue;
        }
        if ((cp == '.' || cp == ',') && i > 0 && s[i - 1] >= '0' && s[i - 1] <= '9' &&
            next >= '0' && next <= '9') {
            i += n; /* 3.9, 200,000 */
            continue;
        }
        break;
    }
    *after = i;
    return i;
}

/* Writes the folded form of s[start, end) at out and returns its end. */
static char *fold_into(char *out, const char *s, size_t start, size_t end)
{
    for (size_t i = start; i < end;) {
        unsigned char c = (unsigned char)s[i];
        if (c < 0x80) { /* ASCII: fold in place */
            *out++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
            i++;
            continue;
        }
        size_t n;
        uint32_t cp = utf8_fold_cp(cp_at(s, end, i, &n));
        if (cp == 0x2010 || cp == 0x2011)
            cp = '-';
        out += utf8_encode(cp, out); /* a fold is never longer than its source */
        i += n;
    }
    return out;
}

/* Room for `need` tokens, and as many in the lists of capitals and breaks. */
__attribute__((noinline)) static void grow_tokens(struct tokens *t, size_t need)
{
    t->v = xgrow(t->v, &t->cap, need, sizeof *t->v);
    t->caps = xrealloc(t->caps, t->cap * sizeof *t->caps);
    t->breaks = xrealloc(t->breaks, t->cap * sizeof *t->breaks);
}

/* The number of the sentence a new token is in: the last one started.
 * tokens_add_text starts one before a text's first token, so there is
 * always one by the time a token is made. */
static inline uint32_t current_sentence(const struct tokens *t)
{
    return t->nsentences - 1;
}

/* Room for one more token (tokens_add_text reserved most of it already). */
static struct token *new_token(struct tokens *t)
{
    if (t->n == t->cap)
        grow_tokens(t, t->n + 1);
    return &t->v[t->n++];
}

/* Lists token tk, the last one, among the capitals when it is one: written
 * whatever it is, kept by the count (no branch, which a capital at random
 * in the text would mispredict). */
static inline void note_capital(struct tokens *t, const struct token *tk)
{
    t->caps[t->ncaps] = t->n - 1;
    t->ncaps += (tk->flags & TOK_CAP) != 0;
}

/* Ends the folded form written at folded.data + folded.len up to `out` (its
 * word hash `key`: hash_word) as the form of token tk, and gives the token
 * its word number: through the word cache, or without one by the form's
 * FNV-1a in the tokens' own table. Always inlined: it runs per token, and a
 * call costs the saving of six registers. */
__attribute__((always_inline)) static inline void end_token(struct tokens *t, struct token *tk,
                                                            char *out, uint64_t key)
{
    char *data = t->folded.data;
    size_t start = t->folded.len, end = (size_t)(out - data);
    out[0] = '\0';
    out[1] = '\0'; /* the buffer's own NUL, after the form's */
    tk->fstart = (uint32_t)start;
    tk->fend = (uint32_t)end;
    t->folded.len = end + 1;
    size_t i = t->n - 1; /* tk is the last token */
    const char *f = data + start;
    size_t n = end - start;
    tk->word = t->cache ? intern_cached(t, i, f, start, n, key)
                        : intern(t, i, f, start, n, hash_bytes(f, n));
}

/* Appends token s[start, end), folding it (tokens_add_text reserved the room
 * for its folded form). */
static void push(struct tokens *t, size_t start, size_t end, uint16_t flags, const char *s)
{
    struct token *tk = new_token(t);
    tk->start = (uint32_t)start;
    tk->end = (uint32_t)end;
    tk->flags = flags;
    note_capital(t, tk);
    tk->sentence = current_sentence(t);
    char *form = t->folded.data + t->folded.len;
    char *out = fold_into(form, s, start, end);
    end_token(t, tk, out, hash_word(form, (size_t)(out - form)));
    t->lower[tk->word] |= (tk->flags & (TOK_WORD | TOK_CAP | TOK_NUM)) == TOK_WORD;
}

static uint16_t word_flags(const char *s, size_t start, size_t end)
{
    size_t n;
    uint32_t first = cp_at(s, end, start, &n);
    uint16_t f = TOK_WORD;
    if (first >= '0' && first <= '9')
        f |= TOK_NUM;
    if (tokenize_is_upper(first))
        f |= TOK_CAP;
    size_t letters = 0, upper = 0;
    for (size_t i = start; i < end; i += n) {
        uint32_t cp = cp_at(s, end, i, &n);
        if (is_letter_or_digit(cp) && !(cp >= '0' && cp <= '9')) {
            letters++;
            upper += tokenize_is_upper(cp);
        }
    }
    if (letters >= 2 && upper == letters)
        f |= TOK_UPPER;
    return f;
}

static bool is_abbreviation(const struct tokens *t, size_t i)
{
    if (!(t->v[i].flags & TOK_WORD))
        return false;
    const char *f = tokens_folded(t, i);
    if (f[0] && !f[1] && (t->v[i].flags & TOK_CAP))
        return true; /* an initial: "M. Riley" */
    return abbreviation_form(f, t->v[i].fend - t->v[i].fstart);
}

/* Whether the full stop/!/? token at index i ends a sentence. */
static bool ends_sentence(const struct tokens *t, size_t i)
{
    const char c = t->folded.data[t->v[i].fstart];
    if (c == '!' || c == '?')
        return true;
    return c == '.' && !(i > 0 && t->v[i - 1].end == t->v[i].start && is_abbreviation(t, i - 1));
}

/* Byte classes for the scan: ASCII letters and digits, what may continue a
 * word (scan_word decides those: apostrophe, hyphen, decimal point, and
 * every non-ASCII byte), and the ASCII spaces. */
enum {
    C_LOWER = 1,
    C_UPPER = 2,
    C_DIGIT = 4,
    C_STOP = 8, /* may continue a word: scan_word */
    C_SPACE = 16,
    C_ALNUM = C_LOWER | C_UPPER | C_DIGIT,
};

#define C_8(c)  c, c, c, c, c, c, c, c
#define C_16(c) C_8(c), C_8(c)
static const uint8_t byte_class[256] = {
    ['0'] = C_DIGIT,       ['1'] = C_DIGIT,       ['2'] = C_DIGIT,       ['3'] = C_DIGIT,
    ['4'] = C_DIGIT,       ['5'] = C_DIGIT,       ['6'] = C_DIGIT,       ['7'] = C_DIGIT,
    ['8'] = C_DIGIT,       ['9'] = C_DIGIT,       ['a'] = C_LOWER,       ['b'] = C_LOWER,
    ['c'] = C_LOWER,       ['d'] = C_LOWER,       ['e'] = C_LOWER,       ['f'] = C_LOWER,
    ['g'] = C_LOWER,       ['h'] = C_LOWER,       ['i'] = C_LOWER,       ['j'] = C_LOWER,
    ['k'] = C_LOWER,       ['l'] = C_LOWER,       ['m'] = C_LOWER,       ['n'] = C_LOWER,
    ['o'] = C_LOWER,       ['p'] = C_LOWER,       ['q'] = C_LOWER,       ['r'] = C_LOWER,
    ['s'] = C_LOWER,       ['t'] = C_LOWER,       ['u'] = C_LOWER,       ['v'] = C_LOWER,
    ['w'] = C_LOWER,       ['x'] = C_LOWER,       ['y'] = C_LOWER,       ['z'] = C_LOWER,
    ['A'] = C_UPPER,       ['B'] = C_UPPER,       ['C'] = C_UPPER,       ['D'] = C_UPPER,
    ['E'] = C_UPPER,       ['F'] = C_UPPER,       ['G'] = C_UPPER,       ['H'] = C_UPPER,
    ['I'] = C_UPPER,       ['J'] = C_UPPER,       ['K'] = C_UPPER,       ['L'] = C_UPPER,
    ['M'] = C_UPPER,       ['N'] = C_UPPER,       ['O'] = C_UPPER,       ['P'] = C_UPPER,
    ['Q'] = C_UPPER,       ['R'] = C_UPPER,       ['S'] = C_UPPER,       ['T'] = C_UPPER,
    ['U'] = C_UPPER,       ['V'] = C_UPPER,       ['W'] = C_UPPER,       ['X'] = C_UPPER,
    ['Y'] = C_UPPER,       ['Z'] = C_UPPER,       ['\''] = C_STOP,       ['-'] = C_STOP,
    ['.'] = C_STOP,        [','] = C_STOP,        [' '] = C_SPACE,       ['\n'] = C_SPACE,
    [0x80] = C_16(C_STOP), [0x90] = C_16(C_STOP), [0xA0] = C_16(C_STOP), [0xB0] = C_16(C_STOP),
    [0xC0] = C_16(C_STOP), [0xD0] = C_16(C_STOP), [0xE0] = C_16(C_STOP), [0xF0] = C_16(C_STOP),
};
#undef C_16
#undef C_8

static bool is_ascii_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

/* Whether the byte at j, which may continue the ASCII word that ends before
 * it (C_STOP), ends it after all, as scan_word would decide: a full stop or
 * comma not between two digits, a hyphen before a space or punctuation.
 * An apostrophe or a non-ASCII byte is left to scan_word. */
static bool stop_ends_word(const char *s, size_t len, size_t j)
{
    unsigned char c = (unsigned char)s[j];
    unsigned char next = j + 1 < len ? (unsigned char)s[j + 1] : 0;
    if (c == '.' || c == ',')
        return !(is_ascii_digit((unsigned char)s[j - 1]) && is_ascii_digit(next));
    if (c == '-')
        return next < 0x80 && !fold_ascii[next];
    return false;
}

/* Whether s[i, j), ASCII letters and digits, has at least two letters, all
 * upper case. */
static bool all_upper(const char *s, size_t i, size_t j)
{
    size_t upper = 0;
    for (; i < j; i++) {
        uint8_t k = byte_class[(unsigned char)s[i]];
        if (k & C_LOWER)
            return false;
        upper += (k & C_UPPER) != 0;
    }
    return upper >= 2;
}

/* Adds the word of ASCII letters and digits at i, folded and hashed in the
 * one pass that finds its end, when what stops it cannot continue a word
 * (stop_ends_word; scan_word decides the rest). Returns its end, or 0
 * (nothing added) for scan_word's words. */
static size_t add_ascii_word(struct tokens *t, const char *s, size_t len, size_t i, uint16_t flags)
{
    char *out = t->folded.data + t->folded.len; /* reserved by tokens_add_text */
    uint64_t key;
    size_t j = word_bytes_fold_run(s, len, i, &out, &key);
    if (j < len && (byte_class[(unsigned char)s[j]] & C_STOP) && !stop_ends_word(s, len, j))
        return 0;
    /* the flags of a word by the class of its first byte */
    static const uint16_t first_flags[C_ALNUM + 1] = {
        [C_LOWER] = TOK_WORD, [C_UPPER] = TOK_WORD | TOK_CAP, [C_DIGIT] = TOK_WORD | TOK_NUM};
    uint8_t first = byte_class[(unsigned char)s[i]];
    flags |= first_flags[first & C_ALNUM];
    if (!(first & C_LOWER) && all_upper(s, i, j))
        flags |= TOK_UPPER;
    struct token *tk = new_token(t);
    tk->start = (uint32_t)i;
    tk->end = (uint32_t)j;
    tk->flags = flags;
    note_capital(t, tk);
    tk->sentence = current_sentence(t);
    end_token(t, tk, out, key);
    t->lower[tk->word] |= (tk->flags & (TOK_WORD | TOK_CAP | TOK_NUM)) == TOK_WORD;
    return j;
}

/* Adds the ASCII punctuation character c at i: its own folded form, and
 * the word number the text's first c was given (punct_word), without a
 * probe of the word table, once c has been met. */
static void add_ascii_punct(struct tokens *t, unsigned char c, size_t i, uint16_t flags)
{
    char *out = t->folded.data + t->folded.len; /* reserved by tokens_add_text */
    struct token *tk = new_token(t);
    tk->start = (uint32_t)i;
    tk->end = (uint32_t)i + 1;
    tk->flags = flags;
    tk->sentence = current_sentence(t);
    uint32_t known = t->punct_word[c];
    out[0] = (char)c;
    if (c == ':' && !(flags & TOK_PARA_START)) /* a paragraph's start is listed already */
        t->breaks[t->nbreaks++] = t->n - 1;
    if (known) { /* end_token's work but the probe */
        out[1] = '\0';
        out[2] = '\0';
        tk->fstart = (uint32_t)t->folded.len;
        tk->fend = tk->fstart + 1;
        t->folded.len += 2;
        tk->word = known - 1;
        return;
    }
    end_token(t, tk, out + 1, hash_word_end(hash_word_chunk(0, c)));
    t->punct_word[c] = tk->word + 1;
}

/* Adds the word starting at i; returns where the text goes on. */
static size_t add_word(struct tokens *t, const char *s, size_t len, size_t i, uint16_t flags)
{
    size_t end = add_ascii_word(t, s, len, i, flags);
    if (end)
        return end;
    bool poss;
    size_t after;
    end = scan_word(s, len, i, &poss, &after);
    flags |= word_flags(s, i, end) | (poss ? TOK_POSS : 0);
    push(t, i, end, flags, s);
    return after;
}

void tokens_reserve(struct tokens *t, size_t len)
{
    buf_reserve(&t->folded, 2 * len + 1);
    if (t->n + len / 4 + 8 > t->cap)
        grow_tokens(t, t->n + len / 4 + 8);
    size_t words = t->nwords + len / 8 + 8;
    if (words > t->wcap || (t->cache && !t->cached)) /* or a cache set since */
        grow_words(t, words > t->wcap ? words : t->wcap);
    if (!t->cache && words * 2 > t->tcap) {
        size_t tcap = t->tcap ? t->tcap : 256;
        while (words * 2 > tcap)
            tcap *= 2;
        t->tcap = tcap / 2; /* grow_table doubles it and puts the words back */
        grow_table(t);
    }
}

void tokens_add_text(struct tokens *t, const char *s, size_t len, uint16_t extra)
{
    tokens_reserve(t, len);
    bool new_sentence = true, new_para = true;
    size_t i = 0;
    while (i < len) {
        unsigned char c = (unsigned char)s[i];
        uint8_t k = byte_class[c];
        size_t n = 1;
        uint32_t cp = c;
        if (k & C_SPACE) { /* ' ' or '\n' */
            new_para |= c == '\n';
            i++;
            continue;
        }
        if (c >= 0x80) {
            cp = cp_at(s, len, i, &n);
            if (is_space(cp)) {
                i += n;
                continue;
            }
        }
        uint16_t flags = extra;
        if (new_para || new_sentence) {
            t->nsentences++;
            flags |= TOK_SENT_START | (new_para ? TOK_PARA_START : 0);
            if (new_para) { /* listed as the token it starts, made next */
                if (t->n == t->cap)
                    grow_tokens(t, t->n + 1);
                t->breaks[t->nbreaks++] = t->n;
            }
        }
        new_para = new_sentence = false;
        if ((k & C_ALNUM) || (c >= 0x80 && is_letter_or_digit(cp))) {
            i = add_word(t, s, len, i, flags);
            if (i < len && s[i] == ' ')
                i++; /* the space after a word, most often: it changes nothing */
            continue;
        }
        if (c < 0x80)
            add_ascii_punct(t, c, i, flags);
        else
            push(t, i, i + n, flags, s);
        i += n;
        if (cp == '.' || cp == '!' || cp == '?')
            new_sentence = ends_sentence(t, t->n - 1);
    }
}
