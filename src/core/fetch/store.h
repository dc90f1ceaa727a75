/* store: fetched items as articles in feeds_dir/<feed name>/, one Markdown
 * file with front matter each, named date-slug-hash (the hash is of the
 * item's identity: its guid, else its link), written atomically and never
 * deleted. Knows which items are stored already, in any feed's folder. */
#ifndef TOUCHLINE_FETCH_STORE_H
#define TOUCHLINE_FETCH_STORE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/buf.h"
#include "core/base/error.h"
#include "core/fetch/feed.h"

struct store;

/* Opens feeds_dir (created when first written) and lists what it holds. */
struct store *store_open(const char *feeds_dir);
void store_close(struct store *s);

/* The identity of an item: "guid:..." or "link:..." or "title:..." hashed,
 * as the 12 hex digits its file name ends with. */
void store_item_key(const struct feed_item *it, char out[13]);
/* The folder name for a feed name: '/', control characters and a leading
 * dot replaced, at most 100 bytes. */
void store_folder_name(const char *feed_name, struct buf *out);

enum store_seen {
    STORE_ABSENT,    /* never stored: write it */
    STORE_CHANGED,   /* stored in this feed's folder with other content: replace it */
    STORE_SAME,      /* stored with this digest: nothing to do */
    STORE_ELSEWHERE, /* stored by another feed, or met earlier in this run */
};
/* Where an item stands, by key and by the digest of what the feed says of
 * it. Marks the key as met in this run. */
enum store_seen store_check(struct store *s, const char *folder, const char key[13],
                            const char *digest);

struct store_article {
    const char *feed_name, *folder;
    const char *const *tags;
    size_t ntags;
    const struct feed_item *item;
    const char *body; /* the text to keep (the item's, or its page's main text) */
    const char *digest;
    const char *key;
};
/* Writes (or replaces) the item's article atomically. */
bool store_write(struct store *s, const struct store_article *a, struct tl_error *err);

/* The digest of what the feed says of an item (and under which name and
 * tags it is kept), as 16 hex digits. */
void store_item_digest(const struct feed_item *it, const char *feed_name, const char *const *tags,
                       size_t ntags, char out[17]);

#endif
