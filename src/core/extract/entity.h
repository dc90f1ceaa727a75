/* entity: the vocabulary shared by the knowledge base, the extractor, the
 * index and the views: entity kinds, person roles, fact kinds, and what one
 * article's extraction produces (entities with mention spans, and facts). */
#ifndef TOUCHLINE_ENTITY_H
#define TOUCHLINE_ENTITY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum entity_kind {
    ENTITY_PERSON,
    ENTITY_CLUB,
    ENTITY_NATIONAL_TEAM,
    ENTITY_COMPETITION,
    ENTITY_MEDIA,
    ENTITY_KIND_COUNT
};

enum person_role { ROLE_UNKNOWN, ROLE_PLAYER, ROLE_MANAGER, ROLE_AGENT, ROLE_OFFICIAL, ROLE_OTHER };

enum fact_kind {
    FACT_FEE,
    FACT_WAGE,
    FACT_RELEASE_CLAUSE,
    FACT_LOAN,
    FACT_CONTRACT,
    FACT_CAPS,
    FACT_APPEARANCES,
    FACT_AGE,
    FACT_INTEREST,
    FACT_SOURCE,
    FACT_OFFER, /* money offered to a player by another club that he turned down */
    FACT_KIND_COUNT
};

/* The closed sets of a fact's details. Each NONE is 0 (not stated) and has
 * no name; the others are named as in JSON by the fact_*_name functions. */
enum fact_currency { FACT_CURRENCY_NONE, FACT_GBP, FACT_EUR, FACT_USD, FACT_CURRENCY_COUNT };
enum fact_period { FACT_PERIOD_NONE, FACT_WEEK, FACT_MONTH, FACT_YEAR, FACT_PERIOD_COUNT };
enum fact_type { FACT_TYPE_NONE, FACT_TYPE_END, FACT_TYPE_LENGTH, FACT_TYPE_COUNT };
enum fact_status { FACT_STATUS_NONE, FACT_EXPIRES, FACT_OFFERED, FACT_SIGNED, FACT_STATUS_COUNT };
enum fact_qualifier {
    FACT_QUALIFIER_NONE,
    FACT_UP_TO,
    FACT_REPORTED,
    FACT_UNDISCLOSED,
    FACT_ASKING,      /* fee: the selling club's asking price or valuation */
    FACT_AT_THE_TIME, /* age: at another time ("joined at the age of 11") */
    FACT_ADD_ON,      /* fee: add-ons on top of the fee before ("plus £5m in add-ons") */
    FACT_INSTALMENT,  /* fee: one payment of a fee paid in parts */
    FACT_QUALIFIER_COUNT
};

/* "person", "club", "national_team", ... as used in ids and JSON. */
const char *entity_kind_name(enum entity_kind k);
/* Parses a kind name; returns false when unknown. */
bool entity_kind_parse(const char *s, enum entity_kind *out);
/* "player", "manager", ...; "unknown" for ROLE_UNKNOWN. */
const char *person_role_name(enum person_role r);
bool person_role_parse(const char *s, enum person_role *out);
/* "fee", "wage", "release_clause", ... */
const char *fact_kind_name(enum fact_kind k);
/* "GBP", "EUR", "USD"; NULL for none (or out of range). */
const char *fact_currency_name(enum fact_currency c);
/* "week", "month", "year"; NULL for none. */
const char *fact_period_name(enum fact_period p);
/* "end", "length"; NULL for none. */
const char *fact_type_name(enum fact_type t);
/* "expires", "offered", "signed"; NULL for none. */
const char *fact_status_name(enum fact_status s);
/* "up to", "reported", "undisclosed"; NULL for none. */
const char *fact_qualifier_name(enum fact_qualifier q);
/* "kind:slug" from a kind and a display name (lower case ASCII, diacritics
 * folded, runs of other characters become one '-'). Caller frees. */
char *entity_make_id(enum entity_kind kind, const char *name);
/* The room entity_write_id needs for a name of name_len bytes: the kind's
 * name, ':', two bytes a byte of the name (itself or a dash and it), NUL. */
size_t entity_id_room(enum entity_kind kind, size_t name_len);
/* entity_make_id written into out (entity_id_room bytes); returns its length. */
size_t entity_write_id(enum entity_kind kind, const char *name, char *out);

/* A span of an article's text. Offsets are bytes into the body, or into the
 * title when in_title is set: 8 bytes, the end in 31 bits (articles are at
 * most 16 MiB, CORPUS_MAX_FILE_SIZE; the extractor and the cache decoder
 * refuse offsets that do not fit). */
struct mention {
    uint32_t start;
    uint32_t end : 31;
    bool in_title : 1;
};
_Static_assert(sizeof(struct mention) == 8, "struct mention: 8 bytes");
#define MENTION_MAX_OFFSET 0x7fffffffu

/* An entity as found in one article: 24 bytes. Its mentions are
 * nmentions of the extraction's one mention array from first_mention
 * (extraction_mentions_of), in text order, body mentions after title ones. */
struct found_entity {
    char *id;                /* kind:slug, the same in every article */
    char *name;              /* canonical name */
    uint32_t first_mention;  /* index of its first mention in the extraction's */
    uint32_t nmentions : 24; /* at most FOUND_ENTITY_MAX_MENTIONS */
    uint32_t kind : 4;       /* enum entity_kind */
    uint32_t role : 4;       /* enum person_role */
};
_Static_assert(sizeof(struct found_entity) <= 24, "struct found_entity: 24 bytes");
_Static_assert(ENTITY_KIND_COUNT <= 16 && ROLE_OTHER < 16,
               "found_entity: kind and role fit 4 bits");
#define FOUND_ENTITY_MAX_MENTIONS 0xffffffu

#define NO_ENTITY (-1)
/* The highest entity index a fact can refer to (its references are 16 bit). */
#define FACT_MAX_ENTITY INT16_MAX

/* One fact: 40 bytes. Entity references are indices into the article's
 * entities, or NO_ENTITY. The closed sets are one-byte codes (their enums'
 * values); so is the loan length, an index into the extraction's loan
 * lengths (extraction_loan_length). */
struct fact {
    double value;        /* money in whole units, or a count, year, age */
    struct mention span; /* the phrase the fact came from */
    int16_t subject;     /* the person it is about */
    int16_t team;        /* caps: national team; appearances: club or competition */
    int16_t from, to;    /* fee, loan: clubs */
    int16_t club;        /* interest: the interested club; offer: the club offering;
                          * source: the media */
    int16_t year;        /* fee: year of the transfer, 0 when not stated */
    int16_t goals;       /* caps, appearances: goals, -1 when not stated */
    uint8_t kind;        /* enum fact_kind */
    uint8_t currency;    /* enum fact_currency: money */
    uint8_t period;      /* enum fact_period: wage: week, month, year */
    uint8_t type;        /* enum fact_type: contract: end (a year) or length (years) */
    uint8_t status;      /* enum fact_status: contract: expires, offered, signed */
    uint8_t qualifier;   /* enum fact_qualifier: fee: up to, reported, undisclosed, asking,
                          * add-ons, instalment; age: at the time */
    uint8_t loan_length; /* loan: 0 when not stated, else k for the extraction's k-th
                          * loan length ("season-long", "six-month"...) */
    bool has_value;
};
_Static_assert(sizeof(struct fact) <= 40, "struct fact: 40 bytes");
_Static_assert(FACT_KIND_COUNT <= 256 && FACT_CURRENCY_COUNT <= 256 && FACT_PERIOD_COUNT <= 256 &&
                   FACT_TYPE_COUNT <= 256 && FACT_STATUS_COUNT <= 256 &&
                   FACT_QUALIFIER_COUNT <= 256,
               "fact: the closed sets fit a byte");
/* The most distinct loan lengths one extraction holds (one-byte codes). */
#define FACT_MAX_LOAN_LENGTHS 255

/* Everything extracted from one article: 64 bytes (the index keeps one
 * per article, the pipeline's stream one per slot). */
struct extraction {
    struct found_entity *entities;
    size_t nentities;
    struct mention *mentions; /* every entity's, entity after entity */
    struct fact *facts;
    size_t nfacts;
    char *loan_lengths;    /* the facts' distinct loan lengths, each with its NUL, back to
                            * back (a fact's code k is the k-th), or NULL */
    void *block;           /* when packed: the one allocation holding everything above */
    uint32_t nmentions;    /* fits: a title and a body of under 2 GiB each */
    uint8_t nloan_lengths; /* the strings in loan_lengths */
    bool block_borrowed;   /* block is someone else's (a cache's slab): not freed */
};
_Static_assert(sizeof(struct extraction) <= 64, "struct extraction: 64 bytes");

/* Entity e's mentions (e->nmentions of them; NULL when none). */
static inline const struct mention *extraction_mentions_of(const struct extraction *x,
                                                           const struct found_entity *e)
{
    return e->nmentions ? x->mentions + e->first_mention : NULL;
}
/* The name of x's entity e, NULL when e is not one of them (-1, say). */
static inline const char *extraction_entity_name(const struct extraction *x, int e)
{
    return e >= 0 && (size_t)e < x->nentities ? x->entities[e].name : NULL;
}
/* Whether each mention of x lies within the title or body of the article
 * it was made from, whose title is title_len bytes and body body_len. */
bool extraction_fits_article(const struct extraction *x, size_t title_len, size_t body_len);
/* Fact f's loan length, NULL when not stated (or its code is not one of x's). */
const char *extraction_loan_length(const struct extraction *x, const struct fact *f);
/* The bytes of x's loan lengths, NULs included. */
size_t extraction_loan_lengths_size(const struct extraction *x);
struct buf;
/* Adds loan length s[0, n) (no NUL inside) to `t`, the loan_lengths of an
 * extraction being built, unless it is there; returns its code, or 0 when
 * t already holds FACT_MAX_LOAN_LENGTHS strings (the length is then dropped). */
unsigned extraction_loan_lengths_add(struct buf *t, const char *s, size_t n);

void extraction_free(struct extraction *x);
/* Moves an extraction into one exact-size block (entities, mentions, facts,
 * strings): no allocation per entity, no growth slack. The pointers change;
 * the contents do not. A packed extraction must not be edited in place. */
void extraction_pack(struct extraction *x);
/* The same with entity i's id and name pointing to ids[i] and names[i]
 * (interned strings that must outlive the extraction) instead of copies,
 * where those are not NULL. */
void extraction_pack_shared(struct extraction *x, char *const *ids, char *const *names);

#endif
