/* facts: the fact patterns (PCRE2, compiled once with JIT) and what each
 * match means: money (fee, wage, release clause), caps, appearances, ages,
 * contract years and lengths, loans, interest and cited sources. Subjects
 * are resolved by subject.c. */
#include "facts.h"
#include "money.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

#define NUMBER_WORDS                                                                               \
    "(?:\\d+(?:\\.\\d+)?|(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"             \
    "(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)|one|two|three|four|five|six|seven|"   \
    "eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|"  \
    "a hundred|hundred)"

static const char *const pattern_text[P_COUNT] = {
    [P_MONEY] = "(?<![\\w.])(?:(?<cur>£|€|US\\$|\\$|(?:GBP|EUR|USD) ?) ?"
                "(?<num>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?)"
                "(?: ?(?<scale>bn|billion|mn|m|million|k|thousand|grand)\\b|(?![\\d.,]?\\d))"
                "|(?<num2>\\d{1,3}(?:,\\d{3})+|\\d+(?:\\.\\d+)?) ?"
                "(?<scale2>bn|billion|mn|m|million|k)? ?(?<cur2>euros?|pounds?|dollars|sterling)\\b)",
    [P_PERIOD] = "(?:-a-|-an-| a | an | per |/| every | each |-per-)(?<period>week|year|season|"
                 "annum|month)\\b|(?<period2> ?(?:pw|p/w))\\b",
    [P_CAPS] = "(?<![\\w-])(?:(?<n>" NUMBER_WORDS ") (?:(?:senior|full|international|"
               "full international|england|more|further) )?caps?\\b"
               "|(?<nth>\\d+)(?:st|nd|rd|th) (?:(?:senior|full|international) )?cap\\b"
               "|capped (?<n2>" NUMBER_WORDS ") times)",
    [P_APPEARANCES] = "(?<![\\w-])(?:(?<n>" NUMBER_WORDS ") (?:(?:first-team|senior|league|"
                      "competitive|premiership|premier league|champions league|european|cup|"
                      "official|top-flight|serie a|la liga|bundesliga|more|further|career) ){0,2}"
                      "(?:appearances|apps|games|matches|starts|outings)\\b)",
    [P_AGE] = "(?:(?<![\\w-])(?:(?<n>\\d{1,2})-year-old\\b|(?:aged|age of) (?<n2>\\d{1,2})\\b"
              "|(?<n3>\\d{1,2}) years? old\\b|(?:when|as) (?:he|she) was (?<n4>\\d{1,2})\\b"
              "|(?:will|would) be (?<n5>\\d{2})\\b(?! ?(?:%|per|minutes|games|goals|points|years))"
              "|turn(?:s|ed)? (?<n6>\\d{2})\\b(?! ?(?:%|per|minutes|games|goals|points)))"
              "|, (?<n7>\\d{2})(?=[,;)]|\\.(?:\\s|$)| (?:and|who|with|has|is|was|will|had)\\b))",
    [P_CONTRACT_END] = "(?:until|till|to|through|beyond|expires? in|expiring in|runs? out in|"
                       "ends? in|end of|summer of) (?:the )?(?:(?:end|summer|start|close) of (?:the )?|summer )?"
                       "(?<y>(?:19|20)\\d\\d)(?:[-/](?:\\d\\d){1,2})?\\b(?! ?(?:world cup|euro|"
                       "african|copa|olympics))",
    [P_CONTRACT_LENGTH] = "(?<![\\w-])(?<n>" NUMBER_WORDS "|[a-z]+-and-a-half|\\d+ and a half)[- ](?<unit>years?|months?)[- ](?:long )?"
                          "(?:(?:rolling|new|improved|permanent|professional|playing) )?"
                          "(?:contract|deal|extension|agreement|terms)\\b",
    [P_LOAN] = "\\b(?:(?<len>season-long|year-long|\\w+-month|short-term|half-season|emergency)"
               " )?loan\\b",
    [P_INTEREST] = "\\b(?:(?:are|is|were|was|have been|has been|remain|remains) )?(?:interested "
                   "in|keen on|monitoring|tracking|eyeing|chasing|targeting|plotting a (?:move|"
                   "bid) for|considering a (?:move|bid) for|(?:preparing|ready|set|poised) to "
                   "(?:bid|move) for|lining up (?:a bid|a move) for|in the race for|leading "
                   "the race for|want to sign|want|wants|in talks to sign|in pursuit of|keen to "
                   "sign|hoping to sign|trying to sign|linked with|weighing up a move for)\\b",
    [P_SOURCE] = "\\b(?:according to|told|reports? in|reported by|quoted in|speaking to|writing "
                 "in|claims? in|in an interview with|interview with)\\b",
    [P_SOURCE_AFTER] = "\\b(?:reports?|reported|claims?|claimed|understands|says|said|revealed|"
                       "reveals|suggests|suggested|has learned|has learnt|states|stated)\\b",
};

struct facts_patterns *facts_patterns_new(struct tl_error *err)
{
    struct facts_patterns *p = xcalloc(1, sizeof *p);
    for (int i = 0; i < P_COUNT; i++) {
        int code;
        PCRE2_SIZE off;
        p->re[i] = pcre2_compile((PCRE2_SPTR)pattern_text[i], PCRE2_ZERO_TERMINATED,
                                 PCRE2_CASELESS | PCRE2_UTF | PCRE2_UCP | PCRE2_DUPNAMES, &code,
                                 &off, NULL);
        if (!p->re[i]) {
            PCRE2_UCHAR msg[256];
            pcre2_get_error_message(code, msg, sizeof msg);
            tl_error_set(err, "fact pattern %d: %s at offset %zu", i, (char *)msg, (size_t)off);
            facts_patterns_free(p);
            return NULL;
        }
        pcre2_jit_compile(p->re[i], PCRE2_JIT_COMPLETE);
    }
    return p;
}

void facts_patterns_free(struct facts_patterns *p)
{
    if (!p)
        return;
    for (int i = 0; i < P_COUNT; i++)
        pcre2_code_free(p->re[i]);
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

void facts_each_match(const struct facts_patterns *p, int which, const char *text, size_t len,
                      void (*fn)(struct match *m, void *ctx), void *ctx)
{
    pcre2_code *re = p->re[which];
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    if (!md)
        abort();
    size_t at = 0;
    while (at <= len && pcre2_match(re, (PCRE2_SPTR)text, len, at, 0, md, NULL) >= 0) {
        PCRE2_SIZE *ov = pcre2_get_ovector_pointer(md);
        struct match m = {re, md, text, ov[0], ov[1]};
        fn(&m, ctx);
        at = ov[1] > ov[0] ? ov[1] : ov[0] + 1;
    }
    pcre2_match_data_free(md);
}

bool facts_match_at(const struct facts_patterns *p, int which, const char *text, size_t len,
                    size_t at, size_t *start, size_t *end, struct match *out_match)
{
    pcre2_code *re = p->re[which];
    pcre2_match_data *md = pcre2_match_data_create_from_pattern(re, NULL);
    if (!md)
        abort();
    bool ok = pcre2_match(re, (PCRE2_SPTR)text, len, at, PCRE2_ANCHORED, md, NULL) >= 0;
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
