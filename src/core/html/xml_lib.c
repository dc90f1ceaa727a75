/* xml_lib: libxml2 opened with dlopen on first use (see xml_lib.h). */
#include "core/html/xml_lib.h"

#include "core/base/dl_table.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

/* The runtime name of libxml2 2.x (the ABI behind the headers). */
static const char *const SONAME[] = {"libxml2.so.2"};

static struct xml_lib lib;
static const struct xml_lib *loaded;
static char why_not[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

#define SYMBOL(field, name) DL_SYMBOL(struct xml_lib, field, name)
static const struct dl_symbol symbols[] = {
    SYMBOL(init_parser, xmlInitParser),
    SYMBOL(html_read_memory, htmlReadMemory),
    SYMBOL(new_parser_ctxt, xmlNewParserCtxt),
    SYMBOL(ctxt_read_memory, xmlCtxtReadMemory),
    SYMBOL(free_parser_ctxt, xmlFreeParserCtxt),
    SYMBOL(set_external_entity_loader, xmlSetExternalEntityLoader),
    SYMBOL(set_structured_error_func, xmlSetStructuredErrorFunc),
    SYMBOL(doc_get_root_element, xmlDocGetRootElement),
    SYMBOL(free_doc, xmlFreeDoc),
    SYMBOL(free_node, xmlFreeNode),
    SYMBOL(unlink_node, xmlUnlinkNode),
    SYMBOL(add_child, xmlAddChild),
    SYMBOL(new_doc_node, xmlNewDocNode),
    SYMBOL(replace_node, xmlReplaceNode),
    SYMBOL(node_set_name, xmlNodeSetName),
    SYMBOL(node_get_base, xmlNodeGetBase),
    SYMBOL(get_line_no, xmlGetLineNo),
    SYMBOL(build_uri, xmlBuildURI),
    SYMBOL(xml_free, xmlFree), /* a variable: dlsym gives its address */
};

/* RTLD_LAZY: binding every symbol of libxml2, ICU and libstdc++ up front
 * (RTLD_NOW) made `show` of a web page cost 1.9 M instructions more than
 * when they were linked; bound as called, 0.3 M more. */
static void load(void)
{
    void *h = dl_table_open(SONAME, 1, RTLD_LAZY, "libxml2", why_not, sizeof why_not);
    if (!h)
        return;
    const char *missing;
    if (!dl_table_bind(h, symbols, sizeof symbols / sizeof *symbols, &lib, &missing)) {
        snprintf(why_not, sizeof why_not, "%s has no %s", SONAME[0], missing);
        return;
    }
    /* libxml2 asks for this once, before any thread parses. */
    lib.init_parser();
    loaded = &lib;
}

const struct xml_lib *xml_lib_get(const char **why)
{
    pthread_once(&once, load);
    if (!loaded && why)
        *why = why_not;
    return loaded;
}

const struct xml_lib *xml_lib(void)
{
    const struct xml_lib *x = xml_lib_get(NULL);
    if (!x)
        abort(); /* a document without the library that made it */
    return x;
}
