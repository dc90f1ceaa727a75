/* text_words: whether one of a list of words stands in a span of text as a
 * whole word (ASCII letters, case-insensitively), the test the subject and
 * fact rules ask of the text around a match (subject_has_word). */
#ifndef TOUCHLINE_TEXT_WORDS_H
#define TOUCHLINE_TEXT_WORDS_H

#include <stdbool.h>
#include <stddef.h>

/* Whether one of `words` (NULL-terminated; lower case, a word or words
 * with single spaces) starts at a word start of text[from, to) (an ASCII
 * letter after a byte that is none, or at text's start) and ends at `to`
 * or before a byte that is no ASCII letter. Reads text[from - 1] when from
 * is past 0, and nothing at or past `to`. */
bool text_has_word(const char *text, size_t from, size_t to, const char *const *words);

#endif
