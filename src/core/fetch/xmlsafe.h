/* xmlsafe: the one way fetch parses XML (feeds, OPML) with libxml2: from
 * memory only, recovering from tag soup, never substituting entities, never
 * loading a DTD or anything else (external entities, XInclude, the
 * network), XML_PARSE_HUGE off; and the first error kept with its line:col
 * instead of printed. Plus reading an element's text without ever expanding
 * an entity reference. */
#ifndef TOUCHLINE_FETCH_XMLSAFE_H
#define TOUCHLINE_FETCH_XMLSAFE_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "core/base/buf.h"

struct xmlsafe_error {
    bool set;
    unsigned line, col;
    char msg[256]; /* libxml2's message, one line */
};

/* Parses bytes (charset from the BOM or the XML declaration, converted to
 * UTF-8 by libxml2). `url` (may be NULL) is the document's base URL for
 * xmlNodeGetBase. Returns the document or NULL; `first` gets the first error
 * either way (a recovered document may still have one). */
xmlDocPtr xmlsafe_read(const char *bytes, size_t len, const char *url, struct xmlsafe_error *first);
/* Appends the text of a node and its descendants: text and CDATA only;
 * entity references are skipped, never expanded. */
void xmlsafe_text(const xmlNode *n, struct buf *out);
/* The text of an element with surrounding white space trimmed, as a new
 * string (NULL when there is none). */
char *xmlsafe_text_dup(const xmlNode *n);
/* An attribute's value (no namespace), or NULL; the caller frees. Entity
 * references in it are skipped. */
char *xmlsafe_attr(const xmlNode *n, const char *name);
/* Whether an element's local name is `name`. */
bool xmlsafe_is(const xmlNode *n, const char *name);

#endif
