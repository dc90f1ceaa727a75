/* hints: class, id, role and style hints about an element (see hints.h). */
#include "core/html/hints.h"
#include "core/html/dom.h"

#include <ctype.h>
#include <string.h>
#include <strings.h>

/* Word lists, as readability has them plus the furniture the news sites
 * add (cookie and consent banners, newsletter boxes). A leading '=' means
 * the whole word (between separators), otherwise any substring. */
static const char *const UNLIKELY[] = {
    "-ad-",       "ai2html", "banner",     "breadcrumbs",  "combx",    "comment",    "community",
    "cover-wrap", "disqus",  "extra",      "footer",       "gdpr",     "header",     "legends",
    "menu",       "related", "remark",     "replies",      "rss",      "shoutbox",   "sidebar",
    "skyscraper", "social",  "sponsor",    "supplemental", "ad-break", "agegate",    "pagination",
    "pager",      "popup",   "yom-remote", "cookie",       "consent",  "newsletter", "subscribe",
    "promo",      NULL};
static const char *const MAYBE[] = {"and",     "article", "body",   "column",
                                    "content", "main",    "shadow", NULL};
static const char *const POSITIVE[] = {"article", "body", "content", "entry",      "hentry",
                                       "h-entry", "main", "page",    "pagination", "post",
                                       "text",    "blog", "story",   NULL};
static const char *const NEGATIVE[] = {
    "-ad-",     "hidden",  "=hid",     "banner", "combx",    "comment", "com-",       "contact",
    "foot",     "footer",  "footnote", "gdpr",   "masthead", "media",   "meta",       "outbrain",
    "promo",    "related", "scroll",   "share",  "shoutbox", "sidebar", "skyscraper", "sponsor",
    "shopping", "tags",    "tool",     "widget", "cookie",   "consent", "newsletter", "=ad",
    "=ads",     "advert",  "=nav",     "navbar", NULL};
static const char *const SHARE[] = {"=share", "=sharedaddy", NULL};
static const char *const BYLINE[] = {"byline", "author", "dateline", "writtenby", "p-author", NULL};
static const char *const UNLIKELY_ROLES[] = {"menu",  "menubar",     "complementary", "navigation",
                                             "alert", "alertdialog", "dialog",        NULL};

static bool is_sep(char c)
{
    return !isalnum((unsigned char)c);
}

/* Whether word w (see the lists above) occurs in s (lower case). */
static bool has_word(const char *s, const char *w)
{
    bool whole = *w == '=';
    w += whole;
    size_t k = strlen(w);
    for (const char *p = s; (p = strstr(p, w)) != NULL; p++) {
        if (!whole)
            return true;
        if ((p == s || is_sep(p[-1])) && is_sep(p[k]))
            return true;
    }
    return false;
}

/* Class and id values longer than this are read only this far. */
#define HINT_MAX 512

static bool has_any(const char *s, const char *const *words)
{
    if (!s || !*s)
        return false;
    char low[HINT_MAX + 1];
    size_t k = 0;
    for (; s[k] && k < HINT_MAX; k++)
        low[k] = (char)tolower((unsigned char)s[k]);
    low[k] = '\0';
    for (; *words; words++)
        if (has_word(low, *words))
            return true;
    return false;
}

static int weigh(const char *s)
{
    if (!s || !*s)
        return 0;
    int w = 0;
    if (has_any(s, NEGATIVE))
        w -= 25;
    if (has_any(s, POSITIVE))
        w += 25;
    return w;
}

int hints_class_weight(const xmlNode *n)
{
    return weigh(dom_attr(n, "class")) + weigh(dom_attr(n, "id"));
}

bool hints_unlikely(const xmlNode *n)
{
    const char *cls = dom_attr(n, "class"), *id = dom_attr(n, "id");
    bool bad = has_any(cls, UNLIKELY) || has_any(id, UNLIKELY);
    bool maybe = has_any(cls, MAYBE) || has_any(id, MAYBE);
    if (bad && !maybe)
        return true;
    const char *role = dom_attr(n, "role");
    if (role)
        for (const char *const *r = UNLIKELY_ROLES; *r; r++)
            if (strcasecmp(role, *r) == 0)
                return true;
    return false;
}

bool hints_share(const xmlNode *n)
{
    return has_any(dom_attr(n, "class"), SHARE) || has_any(dom_attr(n, "id"), SHARE);
}

bool hints_byline(const xmlNode *n)
{
    const char *rel = dom_attr(n, "rel"), *prop = dom_attr(n, "itemprop");
    if ((rel && strcasecmp(rel, "author") == 0) || has_any(prop, BYLINE))
        return true;
    return has_any(dom_attr(n, "class"), BYLINE) || has_any(dom_attr(n, "id"), BYLINE);
}

/* "display : none" and "visibility:hidden", spaces and case ignored. */
static bool style_hides(const char *style)
{
    char flat[256];
    size_t k = 0;
    for (const char *p = style; *p && k + 1 < sizeof flat; p++)
        if (!isspace((unsigned char)*p))
            flat[k++] = (char)tolower((unsigned char)*p);
    flat[k] = '\0';
    return strstr(flat, "display:none") || strstr(flat, "visibility:hidden");
}

bool hints_hidden(const xmlNode *n)
{
    const char *style = dom_attr(n, "style");
    if (style && style_hides(style))
        return true;
    if (dom_attr(n, "hidden"))
        return true;
    const char *aria = dom_attr(n, "aria-hidden");
    if (aria && strcasecmp(aria, "true") == 0) {
        const char *cls = dom_attr(n, "class");
        return !(cls && strstr(cls, "fallback-image"));
    }
    return false;
}
