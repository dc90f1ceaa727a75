/* fold: folds text for name matching, the one way every stage compares names. */
#ifndef TOUCHLINE_FOLD_H
#define TOUCHLINE_FOLD_H

#include <stddef.h>

/* Folds text for name matching (lower case, diacritics off, punctuation to
 * spaces, a possessive 's dropped, leading "the" dropped, spaces squeezed).
 * Caller frees. */
char *fold_text(const char *s, size_t len);

/* The room fold_text_to needs for len bytes: 3 a byte (a stray byte becomes
 * U+FFFD) and the NUL. */
#define FOLD_TEXT_ROOM(len) (3 * (len) + 1)

/* fold_text written into out (FOLD_TEXT_ROOM(len) bytes), NUL-terminated;
 * returns the folded length. */
size_t fold_text_to(const char *s, size_t len, char *out);

/* Per byte: its folded form when it is an ASCII letter or digit, else 0
 * (the word bytes fold_text and the tokenizer fold by table). */
extern const unsigned char fold_ascii[256];

#endif
