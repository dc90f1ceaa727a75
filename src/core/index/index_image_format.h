/* index_image_format: the layout of a stored index image, shared by the
 * code that writes it (index_image_write.c) and the code that reads it
 * (index_image.c). Internal to the index stage. The image is a header,
 * then six sections, each starting on an 8-byte boundary: files, entities
 * and keys (the fixed-size records below), postings (struct posting as in
 * memory: article and mention number, no padding), a pool of 32-bit numbers (article lists, global
 * maps, the entities locals were interned as, key members, form offsets)
 * and a pool of NUL-terminated strings. It is written and read by the same
 * build on the same machine (the extractor key hashes the binary), so
 * numbers are in the host's order; the header says which, and a different
 * one is refused. */
#ifndef TOUCHLINE_INDEX_IMAGE_FORMAT_H
#define TOUCHLINE_INDEX_IMAGE_FORMAT_H

#include <stdint.h>

#define INDEX_IMAGE_MAGIC "TLINDX2" /* 8 bytes with its NUL; 1 had postings with spans */
enum { INDEX_IMAGE_ORDER = 0x01020304 };

struct image_head {
    char magic[8];
    uint32_t order;        /* INDEX_IMAGE_ORDER as written */
    uint32_t posting_size; /* sizeof(struct posting) */
    uint64_t key;
    uint64_t len; /* of the whole image */
    uint64_t narticles, nentities, nkeys, npostings, nnumbers, nstrings;
    uint64_t files, entities, keys, postings, numbers, strings; /* section offsets */
};

struct image_file {
    uint64_t size;
    int64_t mtime_ns;
    uint64_t path;      /* into strings */
    uint32_t nlocal;    /* entities of the article's extraction */
    uint32_t global;    /* into numbers: nlocal of them */
    uint32_t own;       /* into numbers: the entity each local one was interned as */
    uint32_t nmentions; /* of the article's extraction, all entities */
};

struct image_entity {
    uint64_t hash, id, name;                                /* id and name into strings */
    uint64_t postings;                                      /* into postings */
    uint32_t npostings, articles, narticles, forms, nforms; /* articles, forms: into numbers */
    int32_t kind, role, same_as;
};

struct image_key {
    uint64_t hash, key;                   /* key into strings */
    uint32_t full, nfull, shorts, nshort; /* into numbers */
    int32_t words, pad;
};

#endif
