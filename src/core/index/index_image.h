/* index_image: the finished entity index as one block of bytes with
 * offsets instead of pointers (entities, postings, forms, article lists,
 * the per-article global maps, the identity keys), so that a warm start
 * takes it from a mapped file as it is: no allocation per entity, posting
 * or key. An index loaded this way points into the image (struct index's
 * `stored`) until index_add copies it out. The image is never trusted:
 * loading checks every count, offset, string and reference against its
 * bytes. */
#ifndef TOUCHLINE_INDEX_IMAGE_H
#define TOUCHLINE_INDEX_IMAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/base/buf.h"
#include "core/index/index.h"

/* What an image records of each article's file, to tell whether the
 * articles of a load are the ones it was made from. */
struct index_image_file {
    const char *path; /* NUL-terminated */
    uint64_t size;
    int64_t mtime_ns;
};

/* Where an image goes as it is made: write(sink, p, n) appends n bytes
 * (false: a failure, which stops the writing); len is set to the image's
 * whole length before the first write. The image is a multiple of 8 bytes
 * long and every write but the last is too. */
struct index_image_sink {
    bool (*write)(struct index_image_sink *sink, const void *p, size_t n);
    void *ctx;
    uint64_t len;
};
/* Writes the image of ix to the sink a megabyte at a time (it is never
 * whole in memory): its articles came from files[i] (i < ix->narticles)
 * and its extractions depend on `key` (the extractor key of the cache).
 * ix must not change meanwhile. False when a write failed, or (before any
 * write) when the image would pass 4 GiB of strings or 2^32 entries of a
 * kind. */
bool index_image_write(const struct index *ix, const struct index_image_file *files, uint64_t key,
                       struct index_image_sink *sink);
/* index_image_write appending to out (as it was on failure). */
bool index_image_encode(const struct index *ix, const struct index_image_file *files, uint64_t key,
                        struct buf *out);

/* Who owns the bytes an image lives in: release(ctx) is called once the
 * index is done with them (index_free, index_image_unshare). */
struct index_image_owner {
    void (*release)(void *ctx);
    void *ctx;
    /* NULL, or gives back the memory of the image bytes [p, p + len) (a
     * file mapping's pages: read again, they fault in from the file,
     * unchanged). The index gives back what a load has checked or read and
     * will not need again soon, so that it does not count in the peak. */
    void (*drop)(void *ctx, const void *p, size_t len);
};

/* Makes *ix the index of the image [image, image + len), which must be
 * 8-byte aligned and stay unchanged until the owner is released. The
 * articles are expected but not there yet: each must be attached
 * (index_image_attach), and ix->corpus set by the caller, before any query.
 * False, with *ix zeroed and the owner not released (the caller still owns
 * the bytes), on another key, format or byte order, or any failed check. */
bool index_image_load(struct index *ix, const unsigned char *image, size_t len, uint64_t key,
                      struct index_image_owner owner);
/* Articles of a loaded image, and article i's file as recorded. */
size_t index_image_articles(const struct index *ix);
struct index_image_file index_image_file(const struct index *ix, size_t i);
/* The number of entities article i's extraction has in the image. */
size_t index_image_locals(const struct index *ix, size_t i);
/* Gives article `article` of a loaded image its extraction (taking its
 * contents, *x zeroed) when it has the image's number of entities for it;
 * false (x untouched) when not. spans_fit: what extraction_fits_article
 * said of x and its article. One with another number of mentions, or whose
 * mentions do not fit, is taken, and index_image_check_spans then fails. */
bool index_image_attach(struct index *ix, size_t article, struct extraction *x, bool spans_fit);
/* Decodes an extraction attached for later from its bytes [start,
 * start + len) into *out (its own, for extraction_free); false, *out
 * empty, when they do not decode. */
typedef bool (*index_image_decode)(const void *start, size_t len, struct extraction *out);
/* index_image_attach for an extraction that is not decoded yet: its number
 * of entities and of mentions in all, whether its mentions fit its article
 * (as index_image_attach checks them), and the bytes `decode` makes it of,
 * which must stay unchanged while the index lives (a read-only mapping).
 * Until it is decoded, on first use (index_extraction), ix->x[article] is
 * empty. False (nothing kept) when nentities is not the image's. */
bool index_image_attach_later(struct index *ix, size_t article, size_t nentities,
                              uint64_t nmentions, bool spans_fit, const void *start, size_t len,
                              index_image_decode decode);
/* Decodes article i's extraction into ix->x[i] when it was attached for
 * later and not decoded yet (index_extraction calls it: the index is
 * logically unchanged). Bytes that do not decode (a file written over
 * under its mapping, or a record the full decode refuses though its
 * checksum is right) give a stand-in with the image's counts: the entities
 * the article's were interned as, its mentions empty, no facts. Only on
 * the thread that owns the index. */
void index_image_settle(const struct index *ix, size_t i);
/* Whether article i's extraction is attached for later, not decoded yet. */
bool index_image_later(const struct index *ix, size_t i);
/* Once every article is attached and in ix->corpus: whether every posting
 * refers to a mention of its article's extraction, and that mention lies
 * within its title or body (the postings are checked below their article's
 * count on loading: the counts must be the image's, and every attached
 * extraction's mentions must have fitted). Reads no extraction. */
bool index_image_check_spans(const struct index *ix);
/* Copies into the index's own memory everything it points to in the image,
 * then releases the image (index_add does this before it changes anything). */
void index_image_unshare(struct index *ix);
/* Gives back the memory of the whole image when its owner can (see
 * struct index_image_owner): for a caller that has just read much of it
 * (every file's path) and will not again soon. */
void index_image_give_back(const struct index *ix);
/* index_free for an index that points into its image. */
void index_image_free(struct index *ix);

#endif
