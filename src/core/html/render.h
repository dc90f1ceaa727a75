/* render: an article's nodes as text: paragraphs, headings, list items,
 * quotes, table cells and captions each a paragraph, with one blank line
 * between them; white space collapsed (kept in <pre>), a <br> a line break,
 * no-break spaces plain spaces. */
#ifndef TOUCHLINE_HTML_RENDER_H
#define TOUCHLINE_HTML_RENDER_H

#include <libxml/tree.h>

#include "core/base/buf.h"

/* Appends the text of root's subtree to out. */
void render_text(const xmlNode *root, struct buf *out);
/* Appends plain text (JSON-LD's articleBody) with the same paragraphs:
 * a blank line (or a single newline) between paragraphs. */
void render_plain(const char *s, struct buf *out);

#endif
