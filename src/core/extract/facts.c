/* facts: the fact patterns (PCRE2, compiled once with JIT) and what each
 * match means: money (fee, wage, release clause), caps, appearances, ages,
 * contract years and lengths, loans, interest and cited sources. Subjects
 * are resolved by subject.c. */
#include "core/extract/facts.h"
#include "core/base/hash.h"
#include "core/extract/money.h"
#include "core/base/pcre_jit.h"
#include "core/base/xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#define NUMBER_WORDS                                                                               \
    "(?:\\d+(?:\\.\\d+)?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"             \
    "(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)|one|two|three|four|five|six|seven|"   \
    "eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"  \
    "a hundred|hundred)"

static const char *const pattern_text[P_COUNT] = {
    [P_MONEY] =
        "(?<![\\w.])(?:(?<cur>£|€|US\\$|\\$|(?:GBP|EUR|USD) ?) ?"
        "(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)"
        "(?: ?(?<scale>bn|billion|mn|m|million|k|thousand|grand)\\b|(?![\\d.,]?\\d))"
        "|(?<num2>\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?) ?"
        "(?<scale2>bn|billion|mn|m|million|k)? ?(?<cur2>euros?|pounds?|dollars|sterling)\\b)",
    [P_PERIOD] = "(?:-a-|-an-| a | an | per |/| every | each |-per-)(?<period>week|year|season|"
                 "annum|month)\\b|(?<period2> ?(?:pw|p/w))\\b",
    [P_CAPS] = "(?<![\\w-])(?:(?<n>" NUMBER_WORDS ") (?:(?:senior|full|international|"
               "full international|england|more|further) )?"
               "(?:(?-i:[A-Z][a-z]+(?: [A-Z][a-z]+)?) )?(?:(?:under-?|u-?)\\d\\d )?caps?\\b"
               "|(?<nth>\\d+)(?:st|nd|rd|th) (?:(?:senior|full|international) )?cap\\b"
               "|capped (?<n2>" NUMBER_WORDS ") times)",
    [P_APPEARANCES] =
        "(?<![\\w-])(?:(?<n>" NUMBER_WORDS ") (?:(?:(?:first-team|senior|league|"
        "competitive|premiership|premier league|champions league|european|cup|"
        "official|top-flight|serie a|la liga|bundesliga|ligue 1|eredivisie|mls|championship|fa cup|"
        "europa league|more|further|career|club|total|of his|substitute|sub|domestic|"
        "league and cup|previous|only|just) ){0,2}"
        "(?:appearances|apps|games|matches|starts|outings)\\b"
        "|of (?:which|them|those) (?:came|were)\\b(?<nw>))" /* "90 games, 16 of which came" */
        "|(?:played|featured|appeared|turned out) (?<n2>" NUMBER_WORDS ") times\\b"
        "|(?:played|featured|appeared|started|starting|playing) (?:in )?(?<n3>" NUMBER_WORDS
        ")(?= of (?:the|his|their|its|[a-z]+'s?)(?!\\w))"
        "|(?<nth>\\d+)(?:st|nd|rd|th) (?:(?:first-team|senior|league|competitive|premiership|"
        "premier league|champions league|european|cup|official|top-flight) )?"
        "(?:appearance|game|match|start|outing)\\b)",
    [P_AGE] = "(?:(?<![\\w-])(?:(?<n>\\d{1,2})-years?[- ]old\\b"
              "|(?:aged|age of) (?:just |only )?(?<n2>\\d{1,2})\\b"
              "|(?<n3>\\d{1,2}) years? old\\b|(?:when|as) (?:he|she) was (?<n4>\\d{1,2})\\b"
              "|(?:will|would) be (?<n5>\\d{2})\\b(?! ?(?:%|per|minutes|games|goals|points|years))"
              "|turn(?:s|ed)? (?<n6>\\d{2})\\b(?! ?(?:%|per|minutes|games|goals|points)))"
              "|, (?<n7>\\d{2})(?=[,;)]|\\.(?:\\s|$)| (?:and|who|with|has|is|was|will|had)\\b))",
    [P_AGE_SAID] =
        "\\b(?:(?:i(?:'|\xe2\x80\x99)m|i am) (?<n8>\\d{2})\\b(?! ?(?:%|per|minutes|games|goals|"
        "points|years|yards|times|-))"
        "|(?:is|was) (?<n9>\\d{2})(?=[,.;!?\"]|\\s+(?:and|now|next|this|but|when|at)\\b)"
        "|at (?:just |only )?(?<n10>1\\d|[2-4]\\d)\\b(?![:.,]?\\d| ?(?:%|per|minutes|points|"
        "goals|games|yards|years|mph|pm|am|-)))",
    [P_CONTRACT_END] =
        "(?:until|till|to|through|beyond|expires? in|expiring in|runs? out in|"
        "ends? in|end of|summer of) (?:the )?(?:(?:end|summer|start|close) of (?:the )?|summer )?"
        "(?:(?:\\d{1,2}(?:st|nd|rd|th)? )?(?:january|february|march|april|may|june|july|august|"
        "september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)"
        "\\.?,? )?(?<y>(?:19|20)\\d\\d)(?:[-/](?:\\d\\d){1,2})?\\b(?! ?(?:world cup|euro|"
        "african|copa|olympics))",
    [P_CONTRACT_LENGTH] =
        "(?<![\\w-])(?<n>" NUMBER_WORDS "|[a-z]+-and-a-half|(?:\\d+|[a-z]+) and a half)[- "
        "](?<unit>years?|months?|seasons?)[- ](?:long )?"
        "(?:(?:rolling|new|improved|permanent|professional|playing) )?"
        "(?:contracts?|deals?|extensions?|agreements?|terms)\\b"
        "|(?:option|options) (?:for|of) (?:a|an) (?:further|additional|extra) "
        "(?<n2>" NUMBER_WORDS ") ?(?<unit2>years?|months?|seasons?)\\b"
        "|(?:option|options) (?:for|of) (?:a|an) (?:further|additional|extra) "
        "(?<n3>year|season)\\b"
        "|(?:offering|offered|offers|offer of|extension of|extend(?:ed|ing)? (?:his|her|their) "
        "(?:contract|deal|stay) by) (?<n4>" NUMBER_WORDS "|an?) (?:(?:extra|further|additional|"
        "more) )?(?<unit4>years?|seasons?|months?)\\b",
    [P_LOAN] = "\\b(?:(?<len>season-long|year-long|[a-z]+-month|short-term|half-season|"
               "emergency) )?loan\\b",
    [P_INTEREST] = "\\b(?:interested "
                   "in|keen on|monitoring|tracking|eyeing|chasing|targeting|plotting a (?:move|"
                   "bid) for|considering a (?:move|bid) for|(?:preparing|ready|set|poised) to "
                   "(?:bid|move) for|lining up (?:a bid|a move) for|in the race for|leading "
                   "the race for|want to sign|wants to sign|in talks to sign|in pursuit of|keen to "
                   "sign|hoping to sign|trying to sign|linked with|weighing up a move for)\\b",
    [P_SOURCE] = "\\b(?:according to|told|reports? in|reported by|quoted in|speaking to|writing "
                 "in|claims? in|in an interview with|interview with)\\b",
    [P_SOURCE_AFTER] = "\\b(?:reports?|reported|claims?|claimed|understands|says|said|revealed|"
                       "reveals|suggests|suggested|has learned|has learnt|states|stated)\\b",
    [P_BARE_MONEY] = "(?<bnum>\\d{1,3}(?:\\.\\d{1,2})?) ?"
                     "(?<bscale>m|million|bn)\\b(?= (?:move|signing|deal|fee|bid|transfer|switch|"
                     "swoop)\\b)",
};

/* Literals one of which every match of a pattern holds (NULL-terminated;
 * patterns without an entry have none). The text's ASCII letters may be in
 * either case, and a literal of letters never spans two tokens, so a run of
 * sentences whose folded words hold none of them cannot match and the
 * pattern is not run there. In UTF caseless mode s and k also match U+017F
 * and U+212A: the literals hold neither letter, or spell the other out. */
static const char *const required_text[P_COUNT][12] = {
    [P_MONEY] = {"\xc2\xa3", "\xe2\x82\xac", "$", "gbp", "eur", "usd",
                 "u\xc5\xbf"
                 "d",
                 "pound", "dollar", "terling", NULL},
    [P_CAPS] = {"cap", NULL},
    [P_APPEARANCES] = {"app", "game", "match", "tart", "outing", "time", "play", "featur", NULL},
    [P_CONTRACT_LENGTH] = {"contract", "deal", "exten", "agreement", "term", "option", "offer",
                           NULL},
    [P_LOAN] = {"loan", NULL},
};

#define BIT(p) (1u << (p))

/* The patterns that parts of a word trigger: "year", "month" and
 * "-season" a contract length ("five-year", "three-season"), "loan" a loan
 * ("loaned"); only in words of 4 to 7 bytes, or longer ones with a hyphen.
 * One pass over the word (it is followed by a NUL). */
static unsigned part_triggers(const char *w, size_t n)
{
    if (n < 4 || (n > 7 && !memchr(w, '-', n)))
        return 0;
    unsigned mask = 0;
    for (size_t j = 0; j + 4 <= n; j++) { /* every part is 4 bytes or more */
        switch (w[j]) {
        case 'y':
            if (!strncmp(w + j, "year", 4))
                mask |= BIT(P_CONTRACT_LENGTH);
            break;
        case 'm':
            if (!strncmp(w + j, "month", 5))
                mask |= BIT(P_CONTRACT_LENGTH);
            break;
        case 'l':
            if (!strncmp(w + j, "loan", 4))
                mask |= BIT(P_LOAN);
            break;
        case '-':
            if (n > 7 && !strncmp(w + j, "-season", 7))
                mask |= BIT(P_CONTRACT_LENGTH);
            break;
        default:
            break;
        }
    }
    return mask;
}

unsigned facts_triggers(const struct doc *d, size_t i)
{
    const struct token *tk = &d->t.v[i];
    const char *w = tokens_folded(&d->t, i);
    size_t n = tk->fend - tk->fstart;
    unsigned mask = 0;
    if (tk->flags & TOK_NUM)
        mask |=
            BIT(P_MONEY) | BIT(P_AGE) | BIT(P_CONTRACT_END) | BIT(P_APPEARANCES) | BIT(P_CAPS) |
            BIT(P_CONTRACT_LENGTH) |
            (w[n - 1] == 'm' || (n > 2 && w[n - 2] == 'b' && w[n - 1] == 'n') ? BIT(P_BARE_MONEY)
                                                                              : 0);
    if (!(tk->flags & TOK_WORD))
        return mask | ((*w == '$' || (unsigned char)*w >= 0x80) ? BIT(P_MONEY) : 0);
    /* the whole word's triggers: looked up with the lexicon (doc.triggers) */
    return mask | part_triggers(w, n) | d->triggers[tk->word];
}

bool facts_age_said_at(const struct doc *d, size_t i)
{
    static const char *const before[] = {"is", "was",  "am",   "i'm", "i\xe2\x80\x99m",
                                         "at", "just", "only", NULL};
    return i > 0 && (d->t.v[i].flags & TOK_NUM) && doc_token_in(d, i - 1, before);
}

unsigned facts_literals(const struct facts_patterns *p, const struct doc *d, size_t i)
{
    const struct token *tk = &d->t.v[i];
    const char *w = tokens_folded(&d->t, i);
    size_t n = tk->fend - tk->fstart;
    unsigned mask = p->no_literals;
    for (size_t j = 0; j < n; j++) {
        unsigned char c = (unsigned char)w[j], c2 = (unsigned char)w[j + 1]; /* w[n] is a NUL */
        if (!(p->lit_pair[c][c2 >> 3] & (1u << (c2 & 7))))
            continue; /* most bytes: no literal starts there */
        for (size_t k = p->lit_first[c]; k < p->lit_first[c + 1]; k++) {
            const struct literal *l = &p->lits[k]; /* its first byte is c */
            if (l->len == 1 || (l->len <= n - j && w[j + 1] == l->text[1] &&
                                !memcmp(w + j + 2, l->text + 2, l->len - 2)))
                mask |= l->mask;
        }
    }
    return mask;
}

static int compare_literals(const void *pa, const void *pb)
{
    unsigned char a = (unsigned char)((const struct literal *)pa)->text[0];
    unsigned char b = (unsigned char)((const struct literal *)pb)->text[0];
    return (a > b) - (a < b);
}

/* The required literals grouped by first byte, for facts_literals. */
static void build_literals(struct facts_patterns *p)
{
    for (int i = 0; i < P_COUNT; i++) {
        if (!required_text[i][0])
            p->no_literals |= BIT(i);
        for (const char *const *r = required_text[i]; *r; r++) {
            p->lits = xrealloc(p->lits, (p->nlits + 1) * sizeof *p->lits);
            p->lits[p->nlits++] = (struct literal){*r, strlen(*r), BIT(i)};
        }
    }
    qsort(p->lits, p->nlits, sizeof *p->lits, compare_literals);
    for (size_t i = 0; i < p->nlits; i++) {
        uint8_t *row = p->lit_pair[(unsigned char)p->lits[i].text[0]];
        if (p->lits[i].len == 1)
            memset(row, 0xff, sizeof p->lit_pair[0]);
        else
            row[(unsigned char)p->lits[i].text[1] >> 3] |=
                (uint8_t)(1u << ((unsigned char)p->lits[i].text[1] & 7));
    }
    size_t k = 0;
    for (int c = 0; c <= 256; c++) {
        while (k < p->nlits && (unsigned char)p->lits[k].text[0] < c)
            k++;
        p->lit_first[c] = (uint16_t)k;
    }
}

/* Pattern `which`, JIT-compiled on its first use: the compile costs more
 * than the start of a run that needs few patterns, or none. Extractor
 * threads share the patterns, so one compiles it under the lock while the
 * others wait, and none matches it before it is done. */
static pcre2_code *pattern(const struct facts_patterns *cp, int which)
{
    unsigned bit = 1u << which;
    if (atomic_load_explicit(&cp->jitted, memory_order_acquire) & bit)
        return cp->re[which];
    struct facts_patterns *p = (struct facts_patterns *)(uintptr_t)cp; /* allocated mutable */
    pthread_mutex_lock(&p->jit_lock);
    if (!(atomic_load_explicit(&p->jitted, memory_order_relaxed) & bit)) {
        pcre_jit_compile(p->re[which]);
        atomic_fetch_or_explicit(&p->jitted, bit, memory_order_release);
    }
    pthread_mutex_unlock(&p->jit_lock);
    return p->re[which];
}

struct facts_patterns *facts_patterns_new(struct tl_error *err)
{
    struct facts_patterns *p = xcalloc(1, sizeof *p);
    pthread_mutex_init(&p->jit_lock, NULL);
    build_literals(p);
    for (int i = 0; i < P_COUNT; i++) {
        int code;
        PCRE2_SIZE off;
        p->re[i] =
            pcre2_compile((PCRE2_SPTR)pattern_text[i], PCRE2_ZERO_TERMINATED,
                          PCRE2_CASELESS | PCRE2_UTF | PCRE2_DUPNAMES | PCRE2_USE_OFFSET_LIMIT,
                          &code, &off, NULL);
        if (!p->re[i]) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(code, msg, sizeof msg);
            tl_error_set(err, "fact pattern %d: %s at offset %zu", i, (char *)msg, (size_t)off);
            facts_patterns_free(p);
            return NULL;
        }
        uint32_t groups = 0;
        pcre2_pattern_info(p->re[i], PCRE2_INFO_CAPTURECOUNT, &groups);
        if (groups + 1 > p->ovector_pairs)
            p->ovector_pairs = groups + 1;
    }
    return p;
}

void facts_patterns_free(struct facts_patterns *p)
{
    if (!p)
        return;
    for (int i = 0; i < P_COUNT; i++)
        pcre2_code_free(p->re[i]);
    pthread_mutex_destroy(&p->jit_lock);
    free(p->lits);
    free(p);
}

bool facts_group(const struct match *m, const char *name, size_t *start, size_t *end)
{
    PCRE2_SPTR first, last;
    int size = pcre2_substring_nametable_scan(m->re, (PCRE2_SPTR)name, &first, &last);
    if (size <= 0)
        return false;
    for (PCRE2_SPTR e = first; e <= last; e += size) {
        int n = (e[0] << 8) | e[1];
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(m->md);
        if (ov[2 * n] != PCRE2_UNSET) {
            *start = ov[2 * n];
            *end = ov[2 * n + 1];
            return true;
        }
    }
    return false;
}

/* The first group among names that matched, as a number. */
bool facts_group_number(const struct match *m, const char *const *names, double *out)
{
    for (size_t i = 0; names[i]; i++) {
        size_t a, b;
        if (facts_group(m, names[i], &a, &b))
            return money_number(m->text + a, b - a, out);
    }
    return false;
}

void facts_scan_init(struct facts_scan *s, const struct facts_patterns *p)
{
    s->md = pcre2_match_data_create(p->ovector_pairs, NULL);
    s->mctx = pcre2_match_context_create(NULL);
    if (!s->md || !s->mctx)
        abort();
}

void facts_scan_free(struct facts_scan *s)
{
    pcre2_match_data_free(s->md);
    pcre2_match_context_free(s->mctx);
}

/* A start offset on the first byte of a character (PCRE2_NO_UTF_CHECK
 * needs one; no match starts inside a character). */
static size_t char_start(const char *text, size_t at, size_t len)
{
    while (at < len && ((unsigned char)text[at] & 0xc0) == 0x80)
        at++;
    return at;
}

void facts_each_match(const struct facts_patterns *p, struct facts_scan *scan, int which,
                      const char *text, size_t from, size_t len,
                      void (*fn)(struct match *m, void *ctx), void *ctx)
{
    pcre2_code *re = pattern(p, which);
    size_t at = from, first, last;
    while (at <= len && facts_window(which, text, at, len, &first, &last)) {
        /* No match starts in [at, first): the first match from `first`
         * that starts by `last` is the one a search from `at` finds. */
        pcre2_set_offset_limit(scan->mctx, last);
        if (pcre2_match(re, (PCRE2_SPTR)text, len, char_start(text, first, len), PCRE2_NO_UTF_CHECK,
                        scan->md, scan->mctx) < 0) {
            at = last + 1;
            continue;
        }
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(scan->md);
        struct match m = {re, scan->md, text, ov[0], ov[1]};
        fn(&m, ctx);
        at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
}

bool facts_match_at(const struct facts_patterns *p, int which, const char *text, size_t len,
                    size_t at, size_t *start, size_t *end, struct match *out_match)
{
    pcre2_code *re = pattern(p, which);
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    if (!md)
        abort();
    bool ok = pcre2_match(re, (PCRE2_SPTR)text, len, at, PCRE2_ANCHORED | PCRE2_NO_UTF_CHECK, md,
                          NULL) >= 0;
    if (ok) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        *start = ov[0];
        *end = ov[1];
        if (out_match) {
            *out_match = (struct match){re, md, text, ov[0], ov[1]};
            return true; /* caller frees md with facts_match_free */
        }
    }
    pcre2_match_data_free(md);
    return ok;
}

void facts_match_free(struct match *m)
{
    pcre2_match_data_free(m->md);
}
