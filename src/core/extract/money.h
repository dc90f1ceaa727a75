/* money: turns the pieces of a money phrase (amount, scale, currency) into
 * a value in whole currency units and an ISO currency code, and reads
 * number words ("five", "twenty-three", "two-and-a-half"). Pure functions. */
#ifndef TOUCHLINE_MONEY_H
#define TOUCHLINE_MONEY_H

#include <stdbool.h>
#include <stddef.h>

#include "core/extract/entity.h"

/* "31" + "m" + "£" -> 31000000, FACT_GBP. `num` may hold thousands commas
 * ("200,000") or decimals ("3.9"). `scale` is m, mn, million, bn, billion,
 * k, thousand, grand or empty; `currency` is a symbol (£ € $ US$) or word
 * (pounds, euros, dollars, sterling, GBP, EUR, USD). Returns false when
 * something is not understood. */
bool money_value(const char *num, size_t num_len, const char *scale, size_t scale_len,
                 const char *currency, size_t currency_len, double *value,
                 enum fact_currency *code);
/* A count written in digits or words ("17", "seventeen", "twenty-one",
 * "two-and-a-half", "a", "an", "half"). Returns false when not a number. */
bool money_number(const char *s, size_t len, double *out);

#endif
