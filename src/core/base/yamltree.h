/* yamltree: the one safe way to read YAML (config, themes, the knowledge
 * base, front matter, check).
 * libyaml events are built into a small tree that keeps line:col for every
 * node, within limits each caller states: file size, node count, nesting,
 * aliases (refused, or copied within a budget so that no alias bomb
 * explodes) and repeated keys (refused at path:line:col, or the last one
 * kept). Also the helpers that word errors about nodes. */
#ifndef TOUCHLINE_YAMLTREE_H
#define TOUCHLINE_YAMLTREE_H

#include <stdbool.h>
#include <stddef.h>

#include "core/base/buf.h"
#include "core/base/error.h"

/* The strict limits (yamltree_strict). */
#define YAMLTREE_MAX_DEPTH 32
#define YAMLTREE_MAX_NODES 100000
#define YAMLTREE_MAX_BYTES (4u << 20)
/* No caller may nest deeper than this (libyaml slows down quadratically with
 * the depth of a nesting bomb). */
#define YAMLTREE_DEPTH_CAP 128

/* What one reader accepts. */
struct yamltree_limits {
    size_t max_bytes;       /* a longer text is refused */
    size_t max_nodes;       /* values in the tree, alias copies included */
    size_t max_depth;       /* deeper nesting is refused; at most YAMLTREE_DEPTH_CAP */
    size_t max_alias_nodes; /* values aliases may copy in, in all; 0: any alias is refused */
    bool last_key_wins;     /* a repeated key replaces the earlier pair; else refused */
};

/* Files a user writes by hand (config, themes): 4 MiB, 100,000 values, 32
 * levels, no aliases, no repeated keys. */
extern const struct yamltree_limits yamltree_strict;

enum yamltree_type { YAMLTREE_SCALAR, YAMLTREE_SEQUENCE, YAMLTREE_MAPPING };

/* How a scalar was written. */
enum yamltree_style {
    YAMLTREE_PLAIN,
    YAMLTREE_SINGLE_QUOTED,
    YAMLTREE_DOUBLE_QUOTED,
    YAMLTREE_LITERAL, /* | block */
    YAMLTREE_FOLDED,  /* > block */
};

struct yamltree_node {
    enum yamltree_type type;
    unsigned line, col; /* 1-based, where the node starts in the source */
    size_t start, end;  /* its bytes in the source text, [start, end) */
    /* Scalars: the value (NUL-terminated) and how it was written. */
    char *text;
    size_t len;
    enum yamltree_style style;
    /* Sequences: the items. Mappings: key, value, key, value... Every key is
     * a scalar, and no key appears twice (both checked when loading). A value
     * made for an alias is a copy of the anchored one, positions included. */
    struct yamltree_node **items;
    size_t nitems, cap;
};

struct yamltree {
    char *path; /* for messages */
    char *text; /* the source, NUL-terminated */
    size_t len;
    unsigned first_line;        /* the file line the text starts on */
    struct yamltree_node *root; /* NULL when the document is empty */
};

/* Reads and parses a file within `lim`. On failure sets err
 * (path:line:col: what) and leaves t empty; t needs yamltree_free either way. */
bool yamltree_load_file(struct yamltree *t, const char *path, const struct yamltree_limits *lim,
                        struct tl_error *err);
/* The same from text in memory; `path` names it in messages. */
bool yamltree_load_text(struct yamltree *t, const char *path, const char *text, size_t len,
                        const struct yamltree_limits *lim, struct tl_error *err);
/* The same for YAML that starts on line `first_line` of a file (a block
 * inside it): every line in nodes and messages is the file's. */
bool yamltree_load_part(struct yamltree *t, const char *path, const char *text, size_t len,
                        unsigned first_line, const struct yamltree_limits *lim,
                        struct tl_error *err);
void yamltree_free(struct yamltree *t);

/* Mappings: the number of pairs and the i-th key and value. */
size_t yamltree_npairs(const struct yamltree_node *map);
const struct yamltree_node *yamltree_key(const struct yamltree_node *map, size_t i);
const struct yamltree_node *yamltree_value(const struct yamltree_node *map, size_t i);
/* The value for a key in a mapping, or NULL. */
const struct yamltree_node *yamltree_get(const struct yamltree_node *map, const char *key);
/* True for an empty plain scalar, `~` and `null`. */
bool yamltree_is_null(const struct yamltree_node *n);
/* "a mapping", "a list", "a string" or "nothing", for "expected X, found Y". */
const char *yamltree_describe(const struct yamltree_node *n);

/* Sets err to "path:line:col: message" at node n (the file start when NULL).
 * Returns false. */
bool yamltree_fail(struct tl_error *err, const struct yamltree *t, const struct yamltree_node *n,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Appends "path:line:col: warning: message\n" to warnings (may be NULL). */
void yamltree_warn(struct buf *warnings, const struct yamltree *t, const struct yamltree_node *n,
                   const char *fmt, ...) __attribute__((format(printf, 4, 5)));
/* Where byte `offset` of a scalar's value is in the source (quotes, escapes
 * and block indentation accounted for; folded lines approximately). */
void yamltree_locate(const struct yamltree *t, const struct yamltree_node *n, size_t offset,
                     unsigned *line, unsigned *col);

/* Scans text for the first top-level mapping key that is one of keys[0..n)
 * without building a tree (so it works on files of any size) and stores its
 * index in *which. False when there is none or the YAML is broken before it. */
bool yamltree_peek_key(const char *text, size_t len, const char *const *keys, size_t n,
                       size_t *which);

#endif
