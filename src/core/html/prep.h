/* prep: a parsed page made ready for scoring: what a reader never shows
 * goes (scripts, styles, comments, hidden nodes, form controls, frames,
 * embedded objects), and a run of <br> becomes a paragraph break. */
#ifndef TOUCHLINE_HTML_PREP_H
#define TOUCHLINE_HTML_PREP_H

#include <libxml/tree.h>
#include <stdbool.h>

void prep_document(xmlNode *root);
/* Text that flows inside a paragraph: text, <a>, <span>, <b>... */
bool prep_is_phrasing(const xmlNode *n);
/* A text node of only white space, or a <br>. */
bool prep_is_whitespace(const xmlNode *n);

#endif
