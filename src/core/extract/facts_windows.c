/* facts_windows: where in a text a match of a fact pattern can start, so
 * that PCRE2 is started only there (facts_each_match). Each finder reads
 * the pattern as it is written in facts.c and keeps every place where it
 * could match: an anchor (a short number, a number, a year, a unit, the
 * word "loan", the first word of an interest phrase) that every match
 * holds within a bounded distance of its start, with what must come
 * before or after it. Patterns without a finder are searched everywhere.
 *
 * The text's ASCII letters may be in either case; in caseless UTF mode s
 * and k also match U+017F (2 bytes) and U+212A (3 bytes). So a byte of
 * those characters is taken as a possible letter, and each distance below
 * is the characters of the longest text it spans plus one byte per s it
 * may hold (none of those texts holds a k). */
#include "core/extract/facts.h"

#include <stdint.h>
#include <string.h>

/* The most bytes a match holds before its anchor, and after. */
#define AGE_BEFORE         16 /* "when she was " (13 + 2 s) */
#define APPEARANCES_BEFORE 16 /* "starting in " (12 + 1 s) */
/* After its number, where the word that ends it starts at the latest: " "
 * and two modifiers ("champions league " each), or " hundred " and those
 * (43 + 2 s; "substitute " twice holds 4 s in fewer characters). */
#define APPEARANCES_AFTER 64
#define YEAR_BEFORE       64 /* "expiring in the summer of the 31st september., " (47 + 4 s) */
/* P_CONTRACT_LENGTH: before its number ("extending their contract by a ",
 * 30; "options for an additional a ", 28 + 1 s), and between the number and
 * the unit (" and a half-", " additional ", 12). */
#define LENGTH_BEFORE_NUMBER 32
#define LENGTH_BEFORE_UNIT   16
/* After the unit, where "contract"... starts at the latest: "seasons",
 * "[- ]long " and "professional " (7 + 2 s, 6, 13 + 1 s). */
#define LENGTH_AFTER_UNIT 32

static bool is_digit(unsigned char c)
{
    return (unsigned)(c - '0') < 10;
}

/* The first ASCII digit in text[at, len), or len. Eight bytes are tested
 * at once, and passed over when none of them is a digit (most of a text):
 * xor-ed with '0' a digit is a byte below 10, and the test for one is the
 * one of "Bit Twiddling Hacks" (exact for whether there is any). */
static size_t next_digit(const char *text, size_t at, size_t len)
{
    const uint64_t ones = 0x0101010101010101ULL, highs = 0x8080808080808080ULL;
    size_t q = at;
    for (; q + 8 <= len; q += 8) {
        uint64_t x;
        memcpy(&x, text + q, 8);
        x ^= 0x30 * ones;
        if ((x - 10 * ones) & ~x & highs)
            break; /* a digit among them */
    }
    while (q < len && !is_digit((unsigned char)text[q]))
        q++;
    return q;
}

static bool is_letter(unsigned char c)
{
    return (unsigned)((c | 32) - 'a') < 26;
}

/* PCRE2's \w without Unicode properties: ASCII letters, digits and '_'. */
static bool is_word(unsigned char c)
{
    return is_letter(c) || is_digit(c) || c == '_';
}

static unsigned char lower(unsigned char c)
{
    return c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32) : c;
}

/* text[at] starts a word for \b: the byte before is no word byte. */
static bool word_starts(const char *text, size_t at)
{
    return at == 0 || !is_word((unsigned char)text[at - 1]);
}

/* text[at, at + n) is `lit` (lower case) in any ASCII case, within len. */
static bool holds_at(const char *text, size_t at, size_t len, const char *lit, size_t n)
{
    if (n > len - at)
        return false;
    for (size_t k = 0; k < n; k++)
        if (lower((unsigned char)text[at + k]) != (unsigned char)lit[k])
            return false;
    return true;
}

/* A byte that may be in a number of NUMBER_WORDS or "[a-z]+-and-a-half":
 * letters, digits, '.', '-', and the bytes of U+017F and U+212A. */
static bool in_number(unsigned char c)
{
    return is_letter(c) || is_digit(c) || c == '.' || c == '-' || c >= 0x80;
}

/* Whether the word that ends right before text[end] (letters; any byte of
 * U+017F or U+212A) is one of the words, or may be one. */
static bool word_before_in(const char *text, size_t end, const char *const *words)
{
    size_t s = end;
    bool wide = false;
    while (s > 0 && (is_letter((unsigned char)text[s - 1]) || (unsigned char)text[s - 1] >= 0x80)) {
        wide |= (unsigned char)text[s - 1] >= 0x80;
        s--;
    }
    if (wide)
        return true;
    for (; *words; words++)
        if (strlen(*words) == end - s && holds_at(text, s, end, *words, end - s))
            return true;
    return false;
}

/* Whether the number text[q, r) can be the age of a P_AGE match: followed
 * by "-year" or " year" (n, n3), after ", " (n7), or after one of the words
 * that lead to the number in the other branches ("aged", "age of just",
 * "she was", "will be", "turned"). */
static bool age_can_hold(const char *text, size_t q, size_t r, size_t len)
{
    static const char *const before[] = {"aged", "of",   "just",  "only",   "was",
                                         "be",   "turn", "turns", "turned", NULL};
    if (r < len && (text[r] == '-' || text[r] == ' ') && holds_at(text, r + 1, len, "year", 4))
        return true;
    if (q < 2 || text[q - 1] != ' ')
        return false;
    return text[q - 2] == ',' || word_before_in(text, q - 1, before);
}

/* P_AGE: every match holds a number of one or two digits that no word byte
 * precedes and no digit follows, at most AGE_BEFORE bytes after its start
 * ("aged 19", "23-year-old", ", 31,"). */
static size_t short_number_from(const char *text, size_t at, size_t len)
{
    for (size_t q = next_digit(text, at, len); q < len;) {
        size_t r = q;
        while (r < len && is_digit((unsigned char)text[r]))
            r++;
        if (r - q <= 2 && word_starts(text, q) && age_can_hold(text, q, r, len))
            return q;
        q = next_digit(text, r, len); /* the byte at r is no digit */
    }
    return (size_t)-1;
}

/* The number words of NUMBER_WORDS (facts.c), by first letter. */
#define NW(w)                                                                                      \
    {                                                                                              \
        w, sizeof w - 1                                                                            \
    }
/* A word and its length. */
struct sized_word {
    const char *text;
    size_t len;
};

static const struct sized_word number_words[26][8] = {
    ['a' - 'a'] = {NW("a hundred")},
    ['e' - 'a'] = {NW("eight"), NW("eighteen"), NW("eighty"), NW("eleven")},
    ['f' - 'a'] = {NW("four"), NW("five"), NW("fourteen"), NW("fifteen"), NW("forty"), NW("fifty")},
    ['h' - 'a'] = {NW("hundred")},
    ['n' - 'a'] = {NW("nine"), NW("nineteen"), NW("ninety")},
    ['o' - 'a'] = {NW("one")},
    ['s' - 'a'] = {NW("six"), NW("seven"), NW("sixteen"), NW("seventeen"), NW("sixty"),
                   NW("seventy")},
    ['t' - 'a'] = {NW("two"), NW("three"), NW("ten"), NW("twelve"), NW("thirteen"), NW("twenty"),
                   NW("thirty")},
};
#undef NW

/* Whether the word of ASCII letters at text[q] is a number word (or "a
 * hundred"), or may be one spelt with U+017F or U+212A. */
static bool number_word_at(const char *text, size_t q, size_t len)
{
    const struct sized_word *w = number_words[lower((unsigned char)text[q]) - 'a'];
    if (!w[0].text)
        return false; /* no number word starts with the letter */
    size_t r = q;
    while (r < len && is_letter((unsigned char)text[r]))
        r++;
    if (r < len && (unsigned char)text[r] >= 0x80)
        return true;
    if (r - q == 1)
        return w[0].text[1] == ' ' && holds_at(text, q, len, w[0].text, w[0].len); /* "a hundred" */
    for (; w->text; w++)
        if (w->len == r - q && holds_at(text, q, len, w->text, w->len))
            return true;
    return false;
}

/* Whether a word that ends a P_APPEARANCES match can follow the number at
 * text[q]: the number runs to r (in_number bytes), and every branch goes
 * on within APPEARANCES_AFTER bytes of r with "appearances", "apps",
 * "games", "matches", "starts", "outings" or their singular, "times", or
 * " of" ("16 of which came", "played in 30 of the"). */
static bool count_word_after(const char *text, size_t q, size_t len)
{
    size_t r = q;
    while (r < len && in_number((unsigned char)text[r]))
        r++;
    /* the bytes the words below start with, in either case: most bytes are
     * passed over by one look-up, not a jump through the switch */
    static const bool starts[256] = {
        ['a'] = true, ['A'] = true, ['g'] = true, ['G'] = true, ['m'] = true, ['M'] = true,
        ['t'] = true, ['T'] = true, ['o'] = true, ['O'] = true, [' '] = true};
    size_t end = len - r > APPEARANCES_AFTER ? r + APPEARANCES_AFTER : len;
    for (size_t j = r; j < end; j++) {
        if (!starts[(unsigned char)text[j]])
            continue;
        bool hit;
        switch (lower((unsigned char)text[j])) {
        case 'a':
            hit = holds_at(text, j, len, "app", 3);
            break;
        case 'g':
            hit = holds_at(text, j, len, "game", 4);
            break;
        case 'm':
            hit = holds_at(text, j, len, "match", 5);
            break;
        case 't':
            hit = holds_at(text, j, len, "tart", 4) || holds_at(text, j, len, "time", 4);
            break;
        case 'o':
            hit = holds_at(text, j, len, "outing", 6);
            break;
        case ' ':
            hit = holds_at(text, j, len, " of ", 4);
            break;
        default:
            hit = false;
            break;
        }
        if (hit)
            return true;
    }
    return false;
}

/* P_APPEARANCES: every match holds a number, at most APPEARANCES_BEFORE
 * bytes after its start ("played in 30 of", "turned out 12 times"): a
 * number word that starts a word, or digits (those of "21st game" after
 * anything). */
static size_t number_from(const char *text, size_t at, size_t len)
{
    size_t q = at;
    while (q < len) {
        unsigned char c = (unsigned char)text[q];
        if (is_digit(c)) { /* "21st" may follow letters: its branch has no lookbehind */
            if ((q == at || !is_digit((unsigned char)text[q - 1])) &&
                count_word_after(text, q, len))
                return q;
            q++;
        } else if (is_letter(c)) {
            if (word_starts(text, q) && number_word_at(text, q, len) &&
                count_word_after(text, q, len))
                return q;
            for (q++; q < len && is_letter((unsigned char)text[q]); q++)
                ;
        } else {
            if (c == 0xc5 && word_starts(text, q) && /* U+017F: "six", "seven" */
                count_word_after(text, q, len))
                return q;
            q++;
        }
    }
    return (size_t)-1;
}

/* Whether the letters that end right before text[end] (any byte of U+017F
 * or U+212A among them: yes) end with one of the words. */
static bool word_ends_in(const char *text, size_t end, const char *const *words)
{
    size_t s = end;
    while (s > 0 && (is_letter((unsigned char)text[s - 1]) || (unsigned char)text[s - 1] >= 0x80)) {
        if ((unsigned char)text[s - 1] >= 0x80)
            return true;
        s--;
    }
    for (; *words; words++) {
        size_t n = strlen(*words);
        if (n <= end - s && holds_at(text, end - n, end, *words, n))
            return true;
    }
    return false;
}

/* Whether the year at text[q] can end a P_CONTRACT_END match: the word
 * before it (past "., ") ends with one the pattern puts there (the first
 * words have no \b before them: "until 2027",
 * "expires in 2026", "the end of the 2025", "summer 2026", "June 2027"). */
static bool year_can_end(const char *text, size_t q)
{
    static const char *const lead[] = {
        "until", "till",   "to",      "through",   "beyond",  "in",       "of",
        "the",   "summer", "january", "february",  "march",   "april",    "may",
        "june",  "july",   "august",  "september", "october", "november", "december",
        "jan",   "feb",    "mar",     "apr",       "jun",     "jul",      "aug",
        "sept",  "sep",    "oct",     "nov",       "dec",     NULL};
    size_t end = q - 1; /* the space */
    if (end > 0 && text[end - 1] == ',')
        end--;
    if (end > 0 && text[end - 1] == '.')
        end--;
    return word_ends_in(text, end, lead);
}

/* P_CONTRACT_END: every match holds a year (19|20)\d\d right after a
 * space, at most YEAR_BEFORE bytes after its start. */
static size_t year_from(const char *text, size_t at, size_t len)
{
    /* a year at `at` or later, after a space: its first digit at 1 or later */
    for (size_t q = next_digit(text, at > 0 ? at : 1, len); q + 4 <= len;
         q = next_digit(text, q + 1, len)) {
        const char *y = text + q;
        if (text[q - 1] == ' ' && ((y[0] == '1' && y[1] == '9') || (y[0] == '2' && y[1] == '0')) &&
            is_digit((unsigned char)y[2]) && is_digit((unsigned char)y[3]) && year_can_end(text, q))
            return q;
    }
    return (size_t)-1;
}

/* P_LOAN: every match ends with the word "loan", and starts there or at a
 * word of letters and hyphens right before it and a space ("season-long
 * loan", "six-month loan"). The window is that word and "loan". */
static bool loan_window(const char *text, size_t at, size_t len, size_t *first, size_t *last)
{
    for (size_t q = at; q + 4 <= len; q++) {
        if (lower((unsigned char)text[q]) != 'l' || !holds_at(text, q, len, "loan", 4) ||
            !word_starts(text, q) || (q + 4 < len && is_word((unsigned char)text[q + 4])))
            continue;
        size_t s = q;
        if (q >= 2 && text[q - 1] == ' ') {
            s = q - 1;
            while (s > 0 && (is_letter((unsigned char)text[s - 1]) || text[s - 1] == '-' ||
                             (unsigned char)text[s - 1] >= 0x80))
                s--;
        }
        *first = s > at ? s : at;
        *last = q;
        return true;
    }
    return false;
}

/* "s" or U+017F at text[q]: its length in bytes, 0 for neither. */
static size_t s_at(const char *text, size_t q, size_t len)
{
    if (q < len && lower((unsigned char)text[q]) == 's')
        return 1;
    return q + 1 < len && text[q] == '\xc5' && text[q + 1] == '\xbf' ? 2 : 0;
}

/* "year", "month" or "season" (either s may be U+017F) at text[q]. */
static bool unit_at(const char *text, size_t q, size_t len)
{
    if (holds_at(text, q, len, "year", 4) || holds_at(text, q, len, "month", 5))
        return true;
    size_t n = s_at(text, q, len), m;
    if (!n || !holds_at(text, q + n, len, "ea", 2) || !(m = s_at(text, q + n + 2, len)))
        return false;
    return holds_at(text, q + n + 2 + m, len, "on", 2);
}

/* Whether one of the words (lower case) starts in text[from, to), in any
 * ASCII case, within len. */
static bool holds_any(const char *text, size_t from, size_t to, size_t len,
                      const char *const *words)
{
    if (to > len)
        to = len;
    for (size_t j = from; j < to; j++) {
        unsigned char c = lower((unsigned char)text[j]);
        for (const char *const *w = words; *w; w++)
            if ((unsigned char)**w == c && holds_at(text, j, len, *w, strlen(*w)))
                return true;
    }
    return false;
}

/* What ends the first branch of P_CONTRACT_LENGTH after its unit
 * ("contracts?", "deals?", "extensions?", "agreements?", "terms"), and
 * what starts the others ("options? for a further", "offering",
 * "extension of", "extend his deal by"). */
static const char *const length_ends[] = {"contract", "deal", "exten", "agreement", "term", NULL};
static const char *const length_leads[] = {"option", "offer", "exten", NULL};

/* P_CONTRACT_LENGTH: every match holds a unit (years?, months?, seasons?)
 * after a number (or "option for a further"): at most LENGTH_BEFORE_UNIT
 * bytes before the unit the number ends, a run of in_number bytes, and the
 * match starts at most LENGTH_BEFORE_NUMBER bytes before the number. */
static bool length_window(const char *text, size_t at, size_t len, size_t *first, size_t *last)
{
    for (size_t q = at; q < len; q++) {
        unsigned char c = lower((unsigned char)text[q]);
        if ((c != 'y' && c != 'm' && c != 's' && c != 0xc5) || !unit_at(text, q, len))
            continue;
        size_t s = q > at + LENGTH_BEFORE_UNIT ? q - LENGTH_BEFORE_UNIT : at;
        while (s > at && in_number((unsigned char)text[s - 1]))
            s--;
        s = s > at + LENGTH_BEFORE_NUMBER ? s - LENGTH_BEFORE_NUMBER : at;
        if (!holds_any(text, q, q + LENGTH_AFTER_UNIT, len, length_ends) &&
            !holds_any(text, s, q, len, length_leads))
            continue; /* no branch can hold this unit */
        *first = s;
        *last = q;
        return true;
    }
    return false;
}

/* U+017F or U+212A (a long s or a Kelvin sign) at text[q]. */
static bool odd_letter_at(const char *text, size_t q, size_t len)
{
    const unsigned char *u = (const unsigned char *)text + q;
    return (u[0] == 0xc5 && q + 1 < len && u[1] == 0xbf) ||
           (u[0] == 0xe2 && q + 2 < len && u[1] == 0x84 && u[2] == 0xaa);
}

/* Whether a P_INTEREST match can start at the word at text[q]: its first
 * word is one the phrases start with ("in" only before "the race",
 * "talks" or "pursuit"), or is spelt with U+017F or U+212A. */
static bool interest_word_at(const char *text, size_t q, size_t len)
{
#define W(w)                                                                                       \
    {                                                                                              \
        w, sizeof w - 1                                                                            \
    }
    static const struct sized_word first[26][4] = {
        ['c' - 'a'] = {W("chasing"), W("considering")},
        ['e' - 'a'] = {W("eyeing")},
        ['h' - 'a'] = {W("hoping")},
        ['i' - 'a'] = {W("interested")},
        ['k' - 'a'] = {W("keen")},
        ['l' - 'a'] = {W("lining"), W("leading"), W("linked")},
        ['m' - 'a'] = {W("monitoring")},
        ['p' - 'a'] = {W("plotting"), W("preparing"), W("poised")},
        ['r' - 'a'] = {W("ready")},
        ['s' - 'a'] = {W("set")},
        ['t' - 'a'] = {W("tracking"), W("targeting"), W("trying")},
        ['w' - 'a'] = {W("want"), W("wants"), W("weighing")},
    };
#undef W
    if (odd_letter_at(text, q, len))
        return true;
    size_t r = q;
    while (r < len && is_letter((unsigned char)text[r]))
        r++;
    if (r < len && (unsigned char)text[r] >= 0x80)
        return true;
    if (r - q == 2 && holds_at(text, q, len, "in", 2))
        return holds_at(text, r, len, " the race", 9) || holds_at(text, r, len, " tal", 4) ||
               holds_at(text, r, len, " pur", 4);
    for (const struct sized_word *w = first[lower((unsigned char)text[q]) - 'a']; w->text; w++)
        if (w->len == r - q && holds_at(text, q, len, w->text, w->len))
            return true;
    return false;
}

/* P_INTEREST: every match starts at a word boundary with the first word of
 * one of its phrases; the window is that word's first byte. (U+017F and
 * U+212A are no word characters to \b: a phrase spelt with one first
 * starts where a word byte goes before it, not a space.) */
static bool interest_window(const char *text, size_t at, size_t len, size_t *first, size_t *last)
{
    size_t q = at;
    while (q < len) {
        unsigned char c = (unsigned char)text[q];
        if (!is_letter(c) && !odd_letter_at(text, q, len)) {
            q++;
            continue;
        }
        /* \b before U+212A or U+017F: a word byte before it, or none */
        if ((odd_letter_at(text, q, len) || word_starts(text, q)) &&
            interest_word_at(text, q, len)) {
            *first = *last = q;
            return true;
        }
        for (q++; q < len && is_word((unsigned char)text[q]); q++)
            ;
    }
    return false;
}

/* The window of an anchor at q that a match holds at most `before` bytes
 * after its start. */
static bool anchored(size_t q, size_t before, size_t at, size_t *first, size_t *last)
{
    if (q == (size_t)-1)
        return false;
    *first = q > at + before ? q - before : at;
    *last = q;
    return true;
}

bool facts_window(int which, const char *text, size_t at, size_t len, size_t *first, size_t *last)
{
    switch (which) {
    case P_AGE:
        return anchored(short_number_from(text, at, len), AGE_BEFORE, at, first, last);
    case P_APPEARANCES:
        return anchored(number_from(text, at, len), APPEARANCES_BEFORE, at, first, last);
    case P_CONTRACT_END:
        return anchored(year_from(text, at, len), YEAR_BEFORE, at, first, last);
    case P_CONTRACT_LENGTH:
        return length_window(text, at, len, first, last);
    case P_INTEREST:
        return interest_window(text, at, len, first, last);
    case P_LOAN:
        return loan_window(text, at, len, first, last);
    default:
        *first = at;
        *last = len;
        return at <= len;
    }
}
