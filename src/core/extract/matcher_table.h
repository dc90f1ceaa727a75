/* matcher_table: the matcher's hash of folded token sequences as plain data
 * (offsets into one key buffer and one form array, no pointers), so that the
 * build can write the built-in base's table as const arrays (kbgen) and the
 * matcher can use it in place; a merged base builds one at run time with the
 * same code. */
#ifndef TOUCHLINE_MATCHER_TABLE_H
#define TOUCHLINE_MATCHER_TABLE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/extract/kb.h"

/* A key is a folded token sequence; `n` forms end there (0 for a key that
 * is only the beginning of longer forms, kept so a scan can stop early).
 * Keys live in the table's key buffer, NUL-separated, so a slot holds the
 * key's offset; one form is kept in the slot, more in the table's form
 * array. A key of several words also knows the key of all its words but the
 * last (its parent, a key too) and where that last word starts: a scan finds
 * the next key by its parent and one word, without writing the key out. */
struct matcher_slot {
    uint64_t hash;   /* hash_bytes of the key */
    uint32_t key;    /* offset in the key buffer */
    uint32_t len;    /* 0: an empty slot (no key is empty) */
    uint32_t parent; /* the key offset of its parent, MATCHER_NO_PARENT for one word */
    uint32_t last;   /* the offset of its last word in the key */
    uint32_t n;
    int form;      /* the form when n == 1, the offset of all n in `forms` when n > 1 */
    bool extended; /* a longer key starts with this one and a space */
};

#define MATCHER_NO_PARENT UINT32_MAX

struct matcher_table {
    const struct matcher_slot *slots; /* nslots, a power of two */
    size_t nslots, used;
    size_t max_tokens; /* tokens of the longest form */
    const char *keys;  /* nkeys bytes */
    size_t nkeys;
    const int *forms; /* nforms: the forms of keys with more than one */
    size_t nforms;
};

/* Builds the table of a base's forms; its arrays are allocated, for
 * matcher_table_free. */
void matcher_table_build(const struct kb *kb, struct matcher_table *out);
void matcher_table_free(struct matcher_table *t);

#endif
