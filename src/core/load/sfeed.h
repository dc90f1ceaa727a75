/* sfeed: the TSV feed files of sfeed(5), one item a line in 9 tab-separated
 * fields (timestamp, title, link, content, content-type, id, author,
 * enclosure, category), told by content (the first line has 9 fields and a
 * numeric timestamp). Each line is one article: the scan expands a named
 * sfeed file into one entry per line, with the virtual path FILE#LINE, and
 * the loader reads just that line (its offset and length in the file). */
#ifndef TOUCHLINE_SFEED_H
#define TOUCHLINE_SFEED_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "core/base/error.h"

struct article;

/* The largest sfeed file read (sfeed's files grow with every update). */
#define SFEED_MAX_FILE_SIZE (64u * 1024 * 1024)

/* Whether a file's first bytes are an sfeed feed file. */
bool sfeed_sniff(const char *head, size_t len);
/* Whether one line (no newline) is an item: 9 fields, a timestamp of digits
 * (or empty). When it is not, sets *col (1-based, in bytes) and *what. */
bool sfeed_check_line(const char *s, size_t len, unsigned *col, const char **what);
/* The article of one line: the title, the date from the timestamp (else the
 * file's `mtime`), the link as url, the content (an html one as the html
 * module's main text; `\t`, `\n` and `\\` unescaped), `feed` as source, the
 * author, the id as guid and the categories as tags, all sanitised. NULL
 * (err set with vpath) when the line is not an item. */
struct article *sfeed_parse_line(const char *vpath, const char *feed, const char *s, size_t len,
                                 time_t mtime, struct tl_error *err);

#endif
