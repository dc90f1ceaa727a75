/* clean: the chosen article tidied as readability does: data tables
 * marked, link-heavy, list-heavy, image-heavy and negatively named blocks
 * removed (forms, tables, lists, divs), share boxes, asides and footers
 * dropped, empty paragraphs gone. */
#ifndef TOUCHLINE_HTML_CLEAN_H
#define TOUCHLINE_HTML_CLEAN_H

#include <libxml/tree.h>

#include "core/html/content.h"

void clean_article(xmlNode *article, const struct content_pass *pass);

#endif
