/* sniff: whether bytes are an HTML document, by content (the tags a page
 * starts with, as browsers sniff an unlabelled resource). */
#include "core/html/html.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Tags that open an HTML document, each followed by a space or '>'. */
static const char *const OPENERS[] = {
    "!doctype html", "html", "head",  "body", "meta", "title", "script", "style", "iframe", "h1",
    "div",           "font", "table", "a",    "b",    "br",    "p",      "link",  NULL};

static size_t skip_space(const char *s, size_t len, size_t i)
{
    while (i < len && isspace((unsigned char)s[i]))
        i++;
    return i;
}

/* Steps over a leading "<!-- ... -->" or "<?xml ... ?>"; returns i unchanged
 * when there is none, len when it never ends. */
static size_t skip_preamble(const char *s, size_t len, size_t i)
{
    if (len - i >= 4 && !memcmp(s + i, "<!--", 4)) {
        for (size_t j = i + 4; j + 3 <= len; j++)
            if (!memcmp(s + j, "-->", 3))
                return j + 3;
        return len;
    }
    if (len - i >= 5 && !strncasecmp(s + i, "<?xml", 5)) {
        const char *end = memchr(s + i, '>', len - i);
        return end ? (size_t)(end - s) + 1 : len;
    }
    return i;
}

bool html_sniff(const char *bytes, size_t len)
{
    size_t i = len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3) ? 3 : 0;
    for (int k = 0; k < 16; k++) {
        i = skip_space(bytes, len, i);
        size_t j = skip_preamble(bytes, len, i);
        if (j == i)
            break;
        i = j;
    }
    if (i >= len || bytes[i] != '<')
        return false;
    for (const char *const *o = OPENERS; *o; o++) {
        size_t k = strlen(*o);
        if (len - i - 1 > k && !strncasecmp(bytes + i + 1, *o, k) &&
            (bytes[i + 1 + k] == '>' || isspace((unsigned char)bytes[i + 1 + k])))
            return true;
    }
    return false;
}
