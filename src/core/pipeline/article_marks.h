/* article_marks: what the reader's list shows of an article's extraction
 * (its number of clubs and whether it states a sum of money), which a warm
 * start learns from the cache record without keeping the extraction. */
#ifndef TOUCHLINE_ARTICLE_MARKS_H
#define TOUCHLINE_ARTICLE_MARKS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/extract/entity.h"

struct article_marks {
    unsigned char nclubs; /* club entities, at most 255 */
    bool money;           /* a fee, wage or release clause with a value */
};

struct article_marks article_marks_of(const struct extraction *x);
/* The marks of an extraction of `nclubs` clubs that states money or not. */
struct article_marks article_marks_make(size_t nclubs, bool money);

#endif
