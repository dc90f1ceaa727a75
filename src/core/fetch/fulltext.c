/* fulltext: a page's main text for a summary-only item (see fulltext.h). */
#define _GNU_SOURCE /* strcasestr */
#include "core/fetch/fulltext.h"

#include <string.h>
#include <strings.h>

#include "core/html/html.h"
#include "core/base/xalloc.h"

#include <stdlib.h>

/* The charset parameter of a Content-Type, copied into out (or ""). */
static void charset_of(const char *ctype, char out[64])
{
    out[0] = '\0';
    const char *p = ctype ? strcasestr(ctype, "charset=") : NULL;
    if (!p)
        return;
    p += 8;
    if (*p == '"')
        p++;
    size_t n = strcspn(p, "\"; \t");
    if (n >= 64)
        return;
    memcpy(out, p, n);
    out[n] = '\0';
}

bool fulltext_extract(const char *bytes, size_t len, const char *url, const char *content_type,
                      struct buf *text, struct tl_error *err)
{
    char cs[64];
    charset_of(content_type, cs);
    struct html_page page;
    if (!html_extract(bytes, len, url, cs[0] ? cs : NULL, &page, err))
        return false;
    bool ok = page.text && page.text_len;
    if (ok)
        buf_append(text, page.text, page.text_len);
    else
        tl_error_set(err, "no main text found on the page");
    html_page_free(&page);
    return ok;
}
