/* word_lists: the fixed word lists the extractor's passes test a token
 * against (function words, speech verbs, team words...), one bit each.
 * lexicon_build puts their words into the lexicon hash with their bits, and
 * lexicon_lookup gives each distinct word of an article its bits once, so a
 * test is one bit test (doc_word_in) instead of a strcmp per listed word. */
#ifndef TOUCHLINE_WORD_LISTS_H
#define TOUCHLINE_WORD_LISTS_H

#include <stddef.h>
#include <stdint.h>

enum word_list {
    WL_TEAM = 1u << 0,                 /* extract.c */
    WL_PLACE_BEFORE_COUNTRY = 1u << 1, /* extract.c */
    WL_TRAVEL = 1u << 2,               /* extract.c */
    WL_VENUE_CLUB = 1u << 3,           /* extract.c */
    WL_DEMONYM_TEAM = 1u << 4,         /* extract.c */
    WL_AWARD = 1u << 5,                /* extract.c */
    WL_LEFT_CLUB = 1u << 6,            /* extract.c */
    WL_WEAK_BEFORE = 1u << 7,          /* extract.c */
    WL_MEDIA_BEFORE = 1u << 8,         /* extract.c */
    WL_JOINS = 1u << 9,                /* extract.c */
    WL_FUNCTION = 1u << 10,            /* people.c */
    WL_SPEECH = 1u << 11,              /* people.c */
    WL_SIDE = 1u << 12,                /* people.c */
    WL_HONORIFIC = 1u << 13,           /* people.c */
    WL_DESCRIPTOR = 1u << 14,          /* people.c */
    WL_VENUE = 1u << 15,               /* people.c */
    WL_PLACE_NOUN = 1u << 16,          /* people.c */
    WL_PLACE_BEFORE = 1u << 17,        /* people.c */
    WL_TRANSFER_BEFORE = 1u << 18,     /* people.c */
    WL_PERSON_VERB = 1u << 19,         /* people.c */
    WL_LIST_HEAD = 1u << 20,           /* people.c */
    WL_PAPER = 1u << 21,               /* press.c */
    WL_SIDE_NOUN = 1u << 22,           /* club_sides.c */
    WL_GAMES = 1u << 23,               /* club_sides.c */
};

/* Calls add(word, bit, ctx) for every word of every list. */
void word_lists_each(void (*add)(const char *word, uint32_t bit, void *ctx), void *ctx);

#endif
