/* dateline: a date line at the top of an article (see dateline.h). A date
 * line is short and is nothing but an optional lead ("Published", "Updated
 * on:", a weekday, a dateline's place in capitals), a date with the month
 * in words or as YYYY-MM-DD, and an optional time and zone. */
#include "core/load/dateline.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#define DATELINE_MAX_BYTES 80
#define WORD_MAX           24

struct scan {
    const char *s;
    size_t n, pos;
};

static bool is_alnum(unsigned char c)
{
    return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || (c >= '0' && c <= '9');
}

/* The next word: letters, digits and hyphens; anything else separates. */
static bool next_word(struct scan *sc, char w[WORD_MAX])
{
    while (sc->pos < sc->n && !is_alnum((unsigned char)sc->s[sc->pos]))
        sc->pos++;
    size_t k = 0;
    while (sc->pos < sc->n) {
        unsigned char c = (unsigned char)sc->s[sc->pos];
        if (!is_alnum(c) && c != '-')
            break;
        if (k + 1 < WORD_MAX)
            w[k++] = (char)c;
        sc->pos++;
    }
    w[k] = '\0';
    return k > 0;
}

/* Whether the ASCII letter or digit c, in either case, is the lower-case
 * letter l: a word's first byte checked before a whole compare. */
static bool starts_as(char c, char l)
{
    return (char)(c | 0x20) == l;
}

/* Whether w is one of the words of the list (lower case), in any case. */
static bool is_one_of(const char *w, const char *const *list)
{
    for (; *list; list++)
        if (starts_as(w[0], (*list)[0]) && !strcasecmp(w, *list))
            return true;
    return false;
}

static const char *const leads[] = {"published", "updated", "last", "first", "posted",
                                    "date",      "on",      "at",   NULL};
static const char *const weekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
    "tues",   "wed",     "thu",       "thurs",    "fri",    "sat",      "sun",    NULL};

/* 1-12 for a month name or its three-letter (or "Sept") short form, else 0. */
static int month_of(const char *w)
{
    static const char *const names[] = {"january",   "february", "march",    "april",
                                        "may",       "june",     "july",     "august",
                                        "september", "october",  "november", "december"};
    size_t n = strlen(w);
    for (int m = 0; m < 12; m++)
        if (n >= 3 && starts_as(w[0], names[m][0]) && n <= strlen(names[m]) &&
            !strncasecmp(w, names[m], n) && (n == 3 || n == strlen(names[m]) || (m == 8 && n == 4)))
            return m + 1;
    return 0;
}

static int number_of(const char *w, size_t min_digits, size_t max_digits)
{
    size_t n = strlen(w);
    int v = 0;
    if (n < min_digits || n > max_digits)
        return -1;
    for (size_t i = 0; i < n; i++) {
        if (w[i] < '0' || w[i] > '9')
            return -1;
        v = v * 10 + (w[i] - '0');
    }
    return v;
}

/* Whether a word may follow the date: a time, am/pm, a zone in capitals. */
static bool is_trailer(const char *w)
{
    size_t n = strlen(w), digits = strspn(w, "0123456789");
    if (digits == n || !strcasecmp(w, "am") || !strcasecmp(w, "pm"))
        return true;
    if (digits && (!strcasecmp(w + digits, "am") || !strcasecmp(w + digits, "pm")))
        return true;
    for (size_t i = 0; i < n; i++)
        if (w[i] < 'A' || w[i] > 'Z')
            return false;
    return n >= 2 && n <= 4; /* BST, GMT, CET, UTC */
}

static bool all_capitals(const char *w)
{
    size_t n = strlen(w);
    for (size_t i = 0; i < n; i++)
        if ((w[i] < 'A' || w[i] > 'Z') && w[i] != '-')
            return false;
    return n >= 3;
}

/* Reads "D Month YYYY", "Month D YYYY" or "YYYY-MM-DD" from the word w
 * onwards; *y, *m, *d are set on success. */
static bool read_date(struct scan *sc, const char *w, int *y, int *m, int *d)
{
    if (strlen(w) == 10 && sscanf(w, "%4d-%2d-%2d", y, m, d) == 3)
        return true;
    char w2[WORD_MAX], w3[WORD_MAX];
    if (!next_word(sc, w2) || !next_word(sc, w3))
        return false;
    size_t dn = strspn(w, "0123456789");
    if (dn && (!w[dn] || !strcasecmp(w + dn, "st") || !strcasecmp(w + dn, "nd") ||
               !strcasecmp(w + dn, "rd") || !strcasecmp(w + dn, "th"))) {
        char day[4] = {0};
        memcpy(day, w, dn < 3 ? dn : 3);
        *d = number_of(day, 1, 2);
        *m = month_of(w2);
    } else {
        *m = month_of(w);
        char day[WORD_MAX];
        size_t n = strspn(w2, "0123456789");
        memcpy(day, w2, n);
        day[n] = '\0';
        *d = number_of(day, 1, 2);
    }
    *y = number_of(w3, 4, 4);
    return *m > 0 && *d > 0 && *y > 0;
}

static bool valid(int y, int m, int d)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return y >= 1900 && y <= 2999 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] &&
           (m != 2 || d <= 28 || leap);
}

bool dateline_parse(const char *s, size_t n, char out[11])
{
    if (n > DATELINE_MAX_BYTES)
        return false;
    struct scan sc = {s, n, 0};
    char w[WORD_MAX];
    bool first = true;
    while (next_word(&sc, w)) {
        bool place = first && all_capitals(w) && !month_of(w); /* "LONDON, ..." */
        first = false;
        if (place || is_one_of(w, leads) || is_one_of(w, weekdays))
            continue;
        int y, m, d;
        if (!read_date(&sc, w, &y, &m, &d) || !valid(y, m, d))
            return false;
        while (next_word(&sc, w))
            if (!is_trailer(w))
                return false;
        snprintf(out, 11, "%04u-%02u-%02u", (unsigned)y % 10000u, (unsigned)m % 100u,
                 (unsigned)d % 100u);
        return true;
    }
    return false;
}
