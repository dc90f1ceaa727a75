/* money: money phrases to values and ISO codes, and number words (see money.h). */
#include "core/extract/money.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static bool word_is(const char *s, size_t n, const char *w)
{
    return strlen(w) == n && strncasecmp(s, w, n) == 0;
}

static double scale_factor(const char *s, size_t n, bool *ok)
{
    *ok = true;
    if (n == 0)
        return 1;
    if (word_is(s, n, "m") || word_is(s, n, "mn") || word_is(s, n, "million") ||
        word_is(s, n, "millions"))
        return 1e6;
    if (word_is(s, n, "bn") || word_is(s, n, "billion") || word_is(s, n, "b"))
        return 1e9;
    if (word_is(s, n, "k") || word_is(s, n, "thousand") || word_is(s, n, "grand"))
        return 1e3;
    *ok = false;
    return 0;
}

static enum fact_currency currency_code(const char *s, size_t n)
{
    static const struct {
        const char *form;
        enum fact_currency code;
    } table[] = {{"£", FACT_GBP},        {"€", FACT_EUR},     {"$", FACT_USD},
                 {"us$", FACT_USD},      {"pound", FACT_GBP}, {"pounds", FACT_GBP},
                 {"sterling", FACT_GBP}, {"gbp", FACT_GBP},   {"euro", FACT_EUR},
                 {"euros", FACT_EUR},    {"eur", FACT_EUR},   {"dollar", FACT_USD},
                 {"dollars", FACT_USD},  {"usd", FACT_USD}};
    while (n && s[n - 1] == ' ')
        n--;
    for (size_t i = 0; i < sizeof table / sizeof *table; i++)
        if (word_is(s, n, table[i].form))
            return table[i].code;
    return FACT_CURRENCY_NONE;
}

bool money_value(const char *num, size_t num_len, const char *scale, size_t scale_len,
                 const char *currency, size_t currency_len, double *value, enum fact_currency *code)
{
    char digits[64];
    size_t k = 0;
    for (size_t i = 0; i < num_len && k + 1 < sizeof digits; i++)
        if (num[i] != ',')
            digits[k++] = num[i];
    digits[k] = '\0';
    if (!k)
        return false;
    char *end;
    double v = strtod(digits, &end);
    if (*end)
        return false;
    bool ok;
    double f = scale_factor(scale, scale_len, &ok);
    *code = currency_code(currency, currency_len);
    if (!ok || *code == FACT_CURRENCY_NONE)
        return false;
    *value = round(v * f);
    return true;
}

static const char *const units[] = {"zero",    "one",     "two",       "three",    "four",
                                    "five",    "six",     "seven",     "eight",    "nine",
                                    "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                                    "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
static const char *const tens[] = {"",      "",      "twenty",  "thirty", "forty",
                                   "fifty", "sixty", "seventy", "eighty", "ninety"};

/* One number word; -1 when not one. */
static double one_word(const char *s, size_t n)
{
    for (int i = 0; i < 20; i++)
        if (word_is(s, n, units[i]))
            return i;
    for (int i = 2; i < 10; i++)
        if (word_is(s, n, tens[i]))
            return i * 10;
    if (word_is(s, n, "a") || word_is(s, n, "an") || word_is(s, n, "single"))
        return 1;
    if (word_is(s, n, "hundred"))
        return 100;
    if (word_is(s, n, "half"))
        return 0.5;
    return -1;
}

bool money_number(const char *s, size_t len, double *out)
{
    if (len && s[0] >= '0' && s[0] <= '9') {
        char buf[32];
        if (len >= sizeof buf)
            return false;
        memcpy(buf, s, len);
        buf[len] = '\0';
        char *end;
        *out = strtod(buf, &end);
        return *end == '\0';
    }
    /* Words joined by '-' or ' ': "twenty-one", "two-and-a-half". */
    double total = 0;
    bool any = false, half = false;
    size_t i = 0;
    while (i < len) {
        size_t j = i;
        while (j < len && s[j] != '-' && s[j] != ' ')
            j++;
        if (word_is(s + i, j - i, "and")) {
            i = j + 1;
            continue;
        }
        double v = one_word(s + i, j - i);
        if (v < 0)
            return false;
        if (v == 0.5)
            half = true;
        else if (!(half && v == 1) && !(any && v == 1 && j - i <= 2))
            total += v;
        any = true;
        i = j + 1;
    }
    if (!any)
        return false;
    *out = total + (half ? 0.5 : 0);
    return true;
}
