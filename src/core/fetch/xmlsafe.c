/* xmlsafe: safe XML parsing for fetch (see xmlsafe.h). */
#include "core/fetch/xmlsafe.h"
#include "core/base/xalloc.h"
#include "core/html/xml_lib.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* Nothing is ever loaded from outside the bytes given. */
static xmlParserInputPtr refuse_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
    (void)url;
    (void)id;
    (void)ctxt;
    return NULL;
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;

static void init_libxml(void)
{
    xml_lib()->set_external_entity_loader(refuse_loader);
}

static void keep_first(void *ctx, xmlErrorPtr e)
{
    struct xmlsafe_error *first = ctx;
    if (!first || first->set || !e || e->level < XML_ERR_ERROR)
        return;
    first->set = true;
    first->line = e->line > 0 ? (unsigned)e->line : 0;
    first->col = e->int2 > 0 ? (unsigned)e->int2 : 0;
    snprintf(first->msg, sizeof first->msg, "%s", e->message ? e->message : "XML error");
    size_t n = strlen(first->msg);
    while (n && (first->msg[n - 1] == '\n' || first->msg[n - 1] == ' '))
        first->msg[--n] = '\0';
    for (char *p = first->msg; *p; p++)
        if (*p == '\n')
            *p = ' ';
}

xmlDocPtr xmlsafe_read(const char *bytes, size_t len, const char *url, struct xmlsafe_error *first)
{
    struct xmlsafe_error dummy;
    if (!first)
        first = &dummy;
    memset(first, 0, sizeof *first);
    const char *why = NULL;
    if (!xml_lib_get(&why)) {
        first->set = true;
        snprintf(first->msg, sizeof first->msg, "%s", why);
        return NULL;
    }
    pthread_once(&init_once, init_libxml);
    if (len > (size_t)0x7fffffff) {
        first->set = true;
        snprintf(first->msg, sizeof first->msg, "document too large");
        return NULL;
    }
    xmlParserCtxtPtr ctxt = xml_lib()->new_parser_ctxt();
    if (!ctxt)
        return NULL;
    /* The thread's structured handler gets every error (with `first` as its
     * context); the context's own handlers stay off (XML_PARSE_NOERROR). */
    xml_lib()->set_structured_error_func(first, keep_first);
    xmlDocPtr doc =
        xml_lib()->ctxt_read_memory(ctxt, bytes, (int)len, url, NULL,
                                    XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR |
                                        XML_PARSE_NOWARNING | XML_PARSE_NOCDATA);
    /* The context's own copy of the error, in case the handler was not called. */
    if (!first->set && ctxt->lastError.code != XML_ERR_OK)
        keep_first(first, &ctxt->lastError);
    xml_lib()->set_structured_error_func(NULL, NULL);
    xml_lib()->free_parser_ctxt(ctxt);
    return doc;
}

static void text_into(const xmlNode *n, struct buf *out, int depth)
{
    for (const xmlNode *c = n; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            if (c->content)
                buf_puts(out, (const char *)c->content);
        } else if (c->type == XML_ELEMENT_NODE && c->children && depth < 256) {
            text_into(c->children, out, depth + 1);
        }
    }
}

void xmlsafe_text(const xmlNode *n, struct buf *out)
{
    if (!n)
        return;
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content)
            buf_puts(out, (const char *)n->content);
        return;
    }
    if (n->type == XML_ELEMENT_NODE || n->type == XML_ATTRIBUTE_NODE)
        text_into(n->children, out, 0);
}

static char *trim_detach(struct buf *b)
{
    size_t s = 0, e = b->len;
    while (s < e && strchr(" \t\r\n", b->data[s]))
        s++;
    while (e > s && strchr(" \t\r\n", b->data[e - 1]))
        e--;
    char *r = s < e ? xstrndup(b->data + s, e - s) : NULL;
    buf_free(b);
    return r;
}

char *xmlsafe_text_dup(const xmlNode *n)
{
    struct buf b;
    buf_init(&b);
    xmlsafe_text(n, &b);
    return trim_detach(&b);
}

char *xmlsafe_attr(const xmlNode *n, const char *name)
{
    for (xmlAttr *a = n->properties; a; a = a->next)
        if (a->name && !strcmp((const char *)a->name, name)) {
            struct buf b;
            buf_init(&b);
            xmlsafe_text((const xmlNode *)a, &b);
            return trim_detach(&b);
        }
    return NULL;
}

bool xmlsafe_is(const xmlNode *n, const char *name)
{
    return n && n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, name);
}
