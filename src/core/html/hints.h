/* hints: what an element's class and id say about it (readability's word
 * lists: "article", "content", "story" versus "nav", "comment", "share",
 * "related", "promo", "ad", "cookie", "newsletter"...), and whether it is
 * hidden from a reader. */
#ifndef TOUCHLINE_HTML_HINTS_H
#define TOUCHLINE_HTML_HINTS_H

#include <libxml/tree.h>
#include <stdbool.h>

/* Class weight: -25 / +25 for each of class and id that reads negative /
 * positive. */
int hints_class_weight(const xmlNode *n);
/* Class or id names furniture (menus, comments, banners, sidebars...) and
 * nothing suggests content; or its role is a menu, navigation, dialog... */
bool hints_unlikely(const xmlNode *n);
/* Class or id names share buttons. */
bool hints_share(const xmlNode *n);
/* Class, id or rel marks a byline. */
bool hints_byline(const xmlNode *n);
/* display:none, visibility:hidden, the hidden attribute, aria-hidden. */
bool hints_hidden(const xmlNode *n);

#endif
