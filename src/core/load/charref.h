/* charref: HTML character references left in plain text by scrapers
 * ("&#163;8m", "S&#227;o Paulo", "&amp;"), decoded once when an article is
 * loaded. */
#ifndef TOUCHLINE_CHARREF_H
#define TOUCHLINE_CHARREF_H

#include "core/base/buf.h"

/* Decodes the numeric references (&#163; &#xA3;) and the five predefined
 * ones (&amp; &lt; &gt; &quot; &apos;) of the valid UTF-8 text s in place;
 * a reference to a control character, a surrogate or beyond U+10FFFF is
 * left as written. Returns the new length. Decoding is done once: "&amp;#163;"
 * becomes "&#163;". */
size_t charref_decode(char *s, size_t n);

#endif
