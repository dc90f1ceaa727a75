/* article: one news article as loaded: metadata plus the cleaned body text.
 * Knows the formats (plain scraped text, YAML front matter, web pages; the
 * lines of sfeed files in sfeed.h) and
 * how to tell them apart by content. */
#ifndef TOUCHLINE_ARTICLE_H
#define TOUCHLINE_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/load/boilerplate.h"
#include "core/base/error.h"
#include "core/load/frontmatter.h"

/* ARTICLE_SFEED: one line of an sfeed TSV file (sfeed.h). */
enum article_format { ARTICLE_PLAIN, ARTICLE_FRONT_MATTER, ARTICLE_HTML, ARTICLE_SFEED };

struct article {
    char *path;
    enum article_format format;
    char *title;             /* never NULL */
    char date[11];           /* YYYY-MM-DD */
    bool date_from_mtime;    /* no usable date in the file */
    char text_date[11];      /* a date line at the top of the text, or "" */
    struct frontmatter meta; /* source, url, author, tags, extra keys (title/date unused) */
    char *body;              /* cleaned UTF-8, NUL-terminated; offsets point into it */
    size_t body_len;
    /* body is borrowed, not owned: it points into memory that outlives the
     * article (a cache file's mapping, cache.h) and article_free leaves it */
    bool body_borrowed;
    unsigned body_line; /* file line of body[0], for path:line:col positions */
    char *warning;      /* a non-fatal problem (e.g. an unreadable date), or NULL */
    size_t load_index;  /* position in load order */
    /* 0, or the size of the article's own allocation when strings follow
     * the struct in it (a cache hit, cache_codec.c): article_free frees
     * those with the article, not one by one. */
    size_t packed_size;
    /* that allocation is a piece of a cache's slab (cache_slab.h), which
     * lives as long as the cache's mapping the body is borrowed from:
     * article_free leaves it, and must run before the cache is freed */
    bool packed_borrowed;
};

/* Builds an article from a file's raw bytes: sanitises them, detects the
 * format, reads the front matter or finds the headline, and skips furniture;
 * a web page (told by content) gives its metadata and main text instead.
 * `mtime` gives the date when the file has none. On failure (bad front
 * matter) fills err with path:line:col and returns NULL. */
struct article *article_parse(const char *path, const char *bytes, size_t len, time_t mtime,
                              const struct boilerplate *bp, struct tl_error *err);
void article_free(struct article *a);
/* A web page's article (article_html.c): the page's title, date, author,
 * site (as source) and canonical URL; the body is its main text. Fails
 * (err set) for a page over HTML_MAX_BYTES. */
struct article *article_parse_html(const char *path, const char *bytes, size_t len, time_t mtime,
                                   struct tl_error *err);
/* Reads YYYY-MM-DD (optionally followed by a time) into out. */
bool article_parse_date(const char *s, char out[11]);
/* The file's modification time as the article's date. */
void article_date_from_mtime(struct article *a, time_t mtime);
/* A title made from the file name: "spurs-close-in.txt" -> "spurs close in". */
char *article_title_from_path(const char *path);
/* Where a body byte offset lies in the file: 1-based line and column
 * (column counted in characters). */
void article_position(const struct article *a, size_t offset, unsigned *line, unsigned *col);
/* The source named in the metadata, or "" when there is none. */
const char *article_source(const struct article *a);

#endif
