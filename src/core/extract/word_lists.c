/* word_lists: the fixed word lists of the passes (see word_lists.h). */
#include "core/extract/word_lists.h"

/* Words after a country that make it the national team ("England squad"). */
static const char *const team_words[] = {
    "international", "internationals", "national",   "squad",      "team",
    "side",          "under-21",       "under-21s",  "u21",        "u-21",
    "under-20",      "under-19",       "under-23",   "coach",      "manager",
    "boss",          "captain",        "striker",    "midfielder", "defender",
    "goalkeeper",    "keeper",         "forward",    "winger",     "caps",
    "cap",           "fans",           "supporters", "debut",      NULL};
/* Words before a country that make it a place ("in Japan", "born"). */
static const char *const place_words[] = {
    "in",     "into",  "from", "across", "around",  "throughout", "visit",   "visiting", "born",
    "native", "leave", "left", "near",   "outside", "of",         "leaving", NULL};
/* Words before "to" that make the country a destination, not an opponent. */
static const char *const travel_words[] = {
    "moved",     "move",      "moving", "return", "returned", "returning",  "back",  "trip",
    "travel",    "travelled", "flew",   "fly",    "went",     "go",         "going", "gone",
    "emigrated", "relocated", "sent",   "tour",   "relocate", "relocating", NULL};
/* Words after a club's name that make it a ground ("Villa Park"). */
static const char *const club_venue_words[] = {"park",   "road",   "lane",   "stadium",
                                               "ground", "arena",  "field",  "bridge",
                                               "way",    "avenue", "street", NULL};
/* Words after a demonym that make it a national team ("Dutch international"). */
static const char *const demonym_team_words[] = {
    "international", "internationals", "under-21", "under-21s", "u21", "u-21",
    "under-20",      "under-19",       "under-23", "national",  NULL};
/* Words after a country's possessive that name an award ("England's Footballer of the Year"). */
static const char *const award[] = {"footballer", "player", "young", "sportsman", NULL};
/* Words before a town that make it the club it names ("left Celtic"). */
static const char *const left_club[] = {"from", "left", "leave", NULL};
/* Words before a weak club form that support it ("beat Clyde"). */
static const char *const weak_before[] = {"v",      "vs",   "against", "beat",    "beating",
                                          "joined", "join", "joins",   "joining", NULL};
/* Words before a weak media form that support it ("told the Mail"). */
static const char *const media_before[] = {"to", "told", "in", "the", "by", NULL};
/* Words joining two clubs ("Santos and Botafogo"). */
static const char *const joins[] = {"and", "or", "v", "vs", NULL};
/* Capitalised words that start sentences but never name anyone. */
static const char *const function_words[] = {
    "the",   "a",       "an",    "and",   "but",     "or",    "he",     "she",   "it",     "they",
    "we",    "i",       "you",   "his",   "her",     "their", "its",    "our",   "my",     "this",
    "that",  "these",   "those", "there", "here",    "when",  "while",  "after", "before", "if",
    "as",    "at",      "in",    "on",    "for",     "with",  "from",   "by",    "to",     "of",
    "so",    "yet",     "now",   "then",  "even",    "also",  "both",   "all",   "some",   "one",
    "two",   "three",   "what",  "who",   "how",     "why",   "where",  "which", "not",    "no",
    "yes",   "mr",      "mrs",   "ms",    "dr",      "only",  "just",   "last",  "next",   "since",
    "until", "under",   "over",  "than",  "every",   "each",  "many",   "much",  "more",   "most",
    "other", "another", "such",  "subs",  "referee", "att",   "booked", "goals", "report", NULL};
/* Speech verbs next to a lone name that make it a person. */
static const char *const speech_verbs[] = {
    "said",      "says",         "told",     "added",    "admitted", "insisted",  "believes",
    "claimed",   "explained",    "revealed", "warned",   "stated",   "confirmed", "urged",
    "admits",    "insists",      "reckons",  "feels",    "thinks",   "hopes",     "tells",
    "explains",  "reveals",      "declared", "stressed", "joked",    "conceded",  "argued",
    "commented", "acknowledged", "praised",  NULL};
/* Words after a possessive name that make it a manager ("Conte's side"). */
static const char *const side_words[] = {"side",  "men",    "team",   "charges",
                                         "squad", "troops", "outfit", NULL};
/* Honorifics before a name, never part of it. */
static const char *const honorifics[] = {"mr", "mrs", "ms", "miss", "dr", NULL};
/* Words that describe a person and are never part of the name before which
 * they stand ("Matchwinner Leo Castell", "Skipper Dan Morrow"). */
static const char *const descriptor_words[] = {
    "matchwinner", "match-winner", "man-of-the-match", "skipper",    "striker",   "winger",
    "defender",    "goalkeeper",   "keeper",           "midfielder", "forward",   "debutant",
    "substitute",  "sub",          "veteran",          "youngster",  "teenager",  "hero",
    "goalscorer",  "scorer",       "new-boy",          "stand-in",   "hat-trick", NULL};
/* Words after a possessive run that make it a ground ("St James' Park"). */
static const char *const venue_words[] = {"park",  "road",  "lane",   "stadium", "ground",
                                          "arena", "field", "bridge", NULL};
/* Last words of a place's name ("at Stanley Park"). */
static const char *const place_nouns[] = {"park",   "road",  "lane",    "street", "avenue",
                                          "square", "arena", "stadium", "ground", "gardens",
                                          "hall",   "way",   NULL};
/* Words before a place's name ("at Stanley Park"). */
static const char *const place_before[] = {"at",      "in",     "near",   "outside", "around",
                                           "towards", "inside", "behind", NULL};
/* Words before a lone name that make it the person in a transfer. */
static const char *const transfer_before[] = {
    "signed",  "sign",     "signing",   "sold",    "sell",       "selling",
    "bought",  "buy",      "buying",    "for",     "loaned",     "released",
    "replace", "replaced", "replacing", "striker", "midfielder", NULL};
/* Verbs after a sentence-initial lone name that make it a person. */
static const char *const person_verbs[] = {"has",    "had",    "is",     "was",  "will",   "scored",
                                           "signed", "joined", "earns",  "made", "played", "won",
                                           "netted", "struck", "headed", NULL};
/* Heads of line-ups and match facts ("Subs", "Booked", "Ref"). */
static const char *const list_heads[] = {"subs",      "substitutes", "booked",        "goals",
                                         "scorers",   "ref",         "referee",       "sent",
                                         "dismissed", "bookings",    "subs not used", NULL};
/* Last words of a newspaper's name ("the Oxford Mail"). */
static const char *const paper_words[] = {
    "times",     "mail",     "post",     "echo",     "herald",   "gazette",  "chronicle",
    "telegraph", "mirror",   "star",     "journal",  "express",  "sentinel", "advertiser",
    "argus",     "standard", "observer", "courier",  "examiner", "tribune",  "guardian",
    "globe",     "sun",      "mercury",  "bulletin", "dispatch", "inquirer", NULL};
/* Nouns after a description that name a club ("Danish side Silkeborg"). */
static const char *const side_nouns[] = {"side", "club", "outfit", NULL};
/* Words before "for" and a club ("appearances for Clyde"). */
static const char *const games[] = {"appearances", "appearance", "apps",   "games", "matches",
                                    "played",      "playing",    "starts", NULL};

static const struct {
    const char *const *words;
    uint32_t bit;
} lists[] = {
    {team_words, WL_TEAM},
    {place_words, WL_PLACE_BEFORE_COUNTRY},
    {travel_words, WL_TRAVEL},
    {club_venue_words, WL_VENUE_CLUB},
    {demonym_team_words, WL_DEMONYM_TEAM},
    {award, WL_AWARD},
    {left_club, WL_LEFT_CLUB},
    {weak_before, WL_WEAK_BEFORE},
    {media_before, WL_MEDIA_BEFORE},
    {joins, WL_JOINS},
    {function_words, WL_FUNCTION},
    {speech_verbs, WL_SPEECH},
    {side_words, WL_SIDE},
    {honorifics, WL_HONORIFIC},
    {descriptor_words, WL_DESCRIPTOR},
    {venue_words, WL_VENUE},
    {place_nouns, WL_PLACE_NOUN},
    {place_before, WL_PLACE_BEFORE},
    {transfer_before, WL_TRANSFER_BEFORE},
    {person_verbs, WL_PERSON_VERB},
    {list_heads, WL_LIST_HEAD},
    {paper_words, WL_PAPER},
    {side_nouns, WL_SIDE_NOUN},
    {games, WL_GAMES},
};

void word_lists_each(void (*add)(const char *word, uint32_t bit, void *ctx), void *ctx)
{
    for (size_t l = 0; l < sizeof lists / sizeof *lists; l++)
        for (size_t k = 0; lists[l].words[k]; k++)
            add(lists[l].words[k], lists[l].bit, ctx);
}
