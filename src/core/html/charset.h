/* charset: which character set a page is written in (the HTTP header's,
 * else a BOM, else <meta charset> or http-equiv; UTF-8 by default) and its
 * bytes made valid UTF-8 (invalid bytes become U+FFFD, NUL bytes go). */
#ifndef TOUCHLINE_HTML_CHARSET_H
#define TOUCHLINE_HTML_CHARSET_H

#include <stddef.h>

#include "core/base/buf.h"

/* Appends bytes[0..len), decoded from the page's charset, to out as UTF-8.
 * `header` (may be NULL) is the HTTP header's charset and wins. */
void charset_to_utf8(const char *bytes, size_t len, const char *header, struct buf *out);
/* The charset name a label stands for, as iconv knows it ("latin1" and
 * "iso-8859-1" are windows-1252, as browsers read them); "UTF-8" for labels
 * that are unknown or UTF-16 (a meta cannot be UTF-16). Static storage. */
const char *charset_canonical(const char *label, char *scratch, size_t scratch_len);

#endif
