/* utf8: decoding, encoding and display width of UTF-8 text. The one place
 * that knows how UTF-8 is laid out; everything else calls these. */
#ifndef TOUCHLINE_UTF8_H
#define TOUCHLINE_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/* Decodes the code point at s[0..len). Returns the number of bytes it takes
 * (1-4) and stores it in *cp. An invalid or truncated sequence (overlong
 * forms, surrogates, > U+10FFFF) returns 1 and stores UTF8_REPLACEMENT.
 * len must be > 0. */
size_t utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Writes cp as UTF-8 into out (room for 4 bytes); returns the byte count. */
size_t utf8_encode(uint32_t cp, char *out);
/* Columns a code point takes on a terminal: 0 (combining), 1 or 2 (wide). */
int utf8_cp_width(uint32_t cp);
/* Columns a valid UTF-8 string takes. */
size_t utf8_width(const char *s, size_t len);
/* Bytes of the longest prefix of s that fits in `cols` columns without
 * cutting a character or separating it from its combining marks. */
size_t utf8_prefix_fitting(const char *s, size_t len, size_t cols, size_t *used_cols);
/* Folds a code point for matching: lower case, and Latin letters with
 * diacritics to their base letter (é -> e, Ø -> o, ğ -> g). Returns the
 * folded code point; ß, æ and œ fold to their first letter. */
uint32_t utf8_fold_cp(uint32_t cp);

#endif
