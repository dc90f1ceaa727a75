/* xml_lib: libxml2, opened on first use. Only feeds and HTML pages need it,
 * yet linking it made every start of the program (the reader over Markdown,
 * `extract`, `list`, `check` ...) load and relocate it and what it pulls in
 * (ICU, libstdc++, liblzma, libz): 4 to 6 ms before main. So the program
 * does not link it; every caller goes through this table, which dlopen fills
 * once, when the first page or feed is parsed. The types are libxml2's own
 * headers'. It lives in html/, the lowest stage that parses with libxml2;
 * fetch (above it) uses it too. */
#ifndef TOUCHLINE_HTML_XML_LIB_H
#define TOUCHLINE_HTML_XML_LIB_H

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>

/* The functions the project uses, typed as libxml2's headers declare them. */
struct xml_lib {
    __typeof__(xmlInitParser) *init_parser;
    __typeof__(htmlReadMemory) *html_read_memory;
    __typeof__(xmlNewParserCtxt) *new_parser_ctxt;
    __typeof__(xmlCtxtReadMemory) *ctxt_read_memory;
    __typeof__(xmlFreeParserCtxt) *free_parser_ctxt;
    __typeof__(xmlSetExternalEntityLoader) *set_external_entity_loader;
    __typeof__(xmlSetStructuredErrorFunc) *set_structured_error_func;
    __typeof__(xmlDocGetRootElement) *doc_get_root_element;
    __typeof__(xmlFreeDoc) *free_doc;
    __typeof__(xmlFreeNode) *free_node;
    __typeof__(xmlUnlinkNode) *unlink_node;
    __typeof__(xmlAddChild) *add_child;
    __typeof__(xmlNewDocNode) *new_doc_node;
    __typeof__(xmlReplaceNode) *replace_node;
    __typeof__(xmlNodeSetName) *node_set_name;
    __typeof__(xmlNodeGetBase) *node_get_base;
    __typeof__(xmlGetLineNo) *get_line_no;
    __typeof__(xmlBuildURI) *build_uri;
    /* The variable xmlFree (what frees the strings libxml2 returns): call
     * (*lib->xml_free)(p). */
    __typeof__(xmlFree) *xml_free;
};

/* The library, loaded and its parser initialised once (any thread may
 * ask). NULL when it cannot be loaded; then *why says so ("cannot load
 * libxml2: libxml2.so.2: cannot open shared object file ..."), for as long
 * as the process runs. */
const struct xml_lib *xml_lib_get(const char **why);

/* The library, for code that only runs on a document an entry point parsed
 * after xml_lib_get gave it the library (so it is loaded). */
const struct xml_lib *xml_lib(void);

#endif
