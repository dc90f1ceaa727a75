/* subs: the list of feed subscriptions (URL, name, tags, full-text mode) and
 * the two files other readers keep them in: newsboat's `urls` file and an
 * OPML export. The config's own `feeds:` list is read in core/config. */
#ifndef TOUCHLINE_FETCH_SUBS_H
#define TOUCHLINE_FETCH_SUBS_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/buf.h"
#include "core/base/error.h"

/* When to fetch an item's page and keep its main text instead of the summary. */
enum subs_fulltext { SUBS_FULLTEXT_AUTO, SUBS_FULLTEXT_ALWAYS, SUBS_FULLTEXT_NEVER };

struct subs_feed {
    char *url;  /* http or https */
    char *name; /* NULL: the feed's own title */
    char **tags;
    size_t ntags;
    enum subs_fulltext fulltext;
};

struct subs {
    struct subs_feed *v;
    size_t n, cap;
};

void subs_init(struct subs *s);
void subs_free(struct subs *s);
/* Appends a feed (copies url and name; name may be NULL) and returns it, so
 * the caller can add tags. A URL already listed is not added twice: the
 * first one stays and NULL is returned. */
struct subs_feed *subs_add(struct subs *s, const char *url, const char *name,
                           enum subs_fulltext fulltext);
void subs_add_tag(struct subs_feed *f, const char *tag);
/* The name a feed is shown and stored under: its name, else `title`, else its URL. */
const char *subs_display_name(const struct subs_feed *f, const char *title);
/* "auto", "always", "never". */
const char *subs_fulltext_name(enum subs_fulltext m);
/* Parses "auto", "always", "never". */
bool subs_parse_fulltext(const char *s, enum subs_fulltext *out);

/* Reads a newsboat urls file (text in memory; `path` names it in messages):
 * one feed a line, the URL then its tags (double quotes group words), a tag
 * "~Name" naming the feed; `#` comments and blank lines skipped; `query:`,
 * `exec:` and `filter:` lines skipped with a warning ("path:line:col:
 * warning: ...\n" appended to warnings, which may be NULL). Fails with
 * path:line:col on a line whose URL is not http(s). */
bool subs_read_urls(const char *path, const char *text, size_t len, struct subs *out,
                    struct buf *warnings, struct tl_error *err);
/* Reads an OPML file: every <outline> with an xmlUrl, named by its title (or
 * text) attribute and tagged with the text of the outlines around it. Never
 * loads anything and substitutes no entity. Fails with path:line:col on
 * broken XML or a document that is not OPML. */
bool subs_read_opml(const char *path, const char *text, size_t len, struct subs *out,
                    struct buf *warnings, struct tl_error *err);

/* Whether a URL is one fetch may follow: http:// or https:// and a host. */
bool subs_url_ok(const char *url);

#endif
