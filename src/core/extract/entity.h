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

/* A span of an article's text. Offsets are bytes into the body, or into the
 * title when in_title is set. */
struct mention {
    uint32_t start, end; /* articles are at most 16 MiB (CORPUS_MAX_FILE_SIZE) */
    bool in_title;
};

/* An entity as found in one article. */
struct found_entity {
    char *id;   /* kind:slug, the same in every article */
    char *name; /* canonical name */
    enum entity_kind kind;
    enum person_role role;
    struct mention *mentions; /* in text order, body mentions after title ones */
    size_t nmentions;
};

#define NO_ENTITY (-1)

/* One fact. Entity references are indices into the article's entities, or
 * NO_ENTITY. The one string is loan_length (owned). The closed sets are
 * one-byte codes (their enums' values), packed after the wider fields:
 * 64 bytes, one cache line. */
struct fact {
    double value; /* money in whole units, or a count, year, age */
    int subject;  /* the person it is about */
    int team;     /* caps: national team; appearances: club or competition */
    int from, to; /* fee, loan: clubs */
    int club;     /* interest: the interested club; offer: the club offering; source: the media */
    int year;     /* fee: year of the transfer, 0 when not stated */
    int goals;    /* caps, appearances: goals, -1 when not stated */
    struct mention span; /* the phrase the fact came from */
    char *loan_length;   /* loan: "season-long", "six-month"...; owned */
    uint8_t kind;        /* enum fact_kind */
    uint8_t currency;    /* enum fact_currency: money */
    uint8_t period;      /* enum fact_period: wage: week, month, year */
    uint8_t type;        /* enum fact_type: contract: end (a year) or length (years) */
    uint8_t status;      /* enum fact_status: contract: expires, offered, signed */
    uint8_t qualifier;   /* enum fact_qualifier: fee: up to, reported, undisclosed, asking,
                          * add-ons, instalment; age: at the time */
    bool has_value;
};
_Static_assert(sizeof(struct fact) <= 64, "struct fact: one cache line (64 bit)");

/* Everything extracted from one article. */
struct extraction {
    struct found_entity *entities;
    size_t nentities;
    struct fact *facts;
    size_t nfacts;
    void *block;         /* when packed: the one allocation holding everything above */
    bool block_borrowed; /* block is someone else's (a cache's slab): not freed */
};

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
