/* prep: removing what a reader never shows, and <br> runs made paragraphs. */
#include "core/html/prep.h"
#include "core/html/dom.h"
#include "core/html/hints.h"
#include "core/html/xml_lib.h"

#include <string.h>

/* Elements whose whole subtree is dropped before anything else. */
static const char DROPPED[] = "script style noscript template frame frameset iframe object embed "
                              "input select textarea button option svg canvas meta link head "
                              "dialog";

static const char PHRASING[] = "abbr audio b bdo br cite code data datalist dfn em i img kbd "
                               "label mark math meter output progress q ruby samp small span "
                               "strong sub sup time var wbr a del ins u s font tt big strike";

bool prep_is_phrasing(const xmlNode *n)
{
    return n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE || dom_is_any(n, PHRASING);
}

bool prep_is_whitespace(const xmlNode *n)
{
    if (n->type == XML_TEXT_NODE) {
        for (const unsigned char *p = n->content; p && *p; p++)
            if (*p != ' ' && *p != '\n' && *p != '\t' && *p != '\r' && *p != '\f')
                return false;
        return true;
    }
    return dom_is(n, "br");
}

/* The next sibling that is not white space text. */
static xmlNode *next_significant(xmlNode *n)
{
    while (n && n->type == XML_TEXT_NODE && prep_is_whitespace(n))
        n = n->next;
    return n;
}

/* readability's replaceBrs: <br><br> and what follows (up to the next run
 * or block) become one <p>. Returns the node to walk on from. */
static xmlNode *replace_brs(xmlNode *br)
{
    bool replaced = false;
    xmlNode *next;
    while ((next = next_significant(br->next)) != NULL && dom_is(next, "br")) {
        replaced = true;
        dom_remove(next);
    }
    if (!replaced)
        return br;
    xmlNode *p = xml_lib()->new_doc_node(br->doc, NULL, (const xmlChar *)"p", NULL);
    xml_lib()->replace_node(br, p);
    xml_lib()->free_node(br);
    for (next = p->next; next;) {
        if (dom_is(next, "br")) {
            xmlNode *e = next_significant(next->next);
            if (e && dom_is(e, "br"))
                break;
        }
        if (!prep_is_phrasing(next))
            break;
        xmlNode *sibling = next->next;
        xml_lib()->unlink_node(next);
        xml_lib()->add_child(p, next);
        next = sibling;
    }
    while (p->last && prep_is_whitespace(p->last))
        dom_remove(p->last);
    if (dom_is(p->parent, "p"))
        dom_rename(p->parent, "div");
    return p;
}

void prep_document(xmlNode *root)
{
    for (xmlNode *n = root; n;) {
        if (n->type == XML_COMMENT_NODE || n->type == XML_PI_NODE ||
            (n != root && n->type == XML_ELEMENT_NODE &&
             (dom_is_any(n, DROPPED) || hints_hidden(n)))) {
            xmlNode *next = dom_next(n, root, true);
            dom_remove(n);
            n = next;
            continue;
        }
        if (dom_is(n, "br"))
            n = replace_brs(n);
        n = dom_next(n, root, false);
    }
}
