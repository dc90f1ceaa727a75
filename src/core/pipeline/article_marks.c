/* article_marks: the list's marks of an extraction (see article_marks.h). */
#include "core/pipeline/article_marks.h"

struct article_marks article_marks_make(size_t nclubs, bool money)
{
    return (struct article_marks){(unsigned char)(nclubs > 255 ? 255 : nclubs), money};
}

struct article_marks article_marks_of(const struct extraction *x)
{
    size_t clubs = 0;
    for (size_t e = 0; e < x->nentities; e++)
        clubs += x->entities[e].kind == ENTITY_CLUB;
    bool money = false;
    for (size_t f = 0; f < x->nfacts; f++) {
        enum fact_kind k = x->facts[f].kind;
        if ((k == FACT_FEE || k == FACT_WAGE || k == FACT_RELEASE_CLAUSE) && x->facts[f].has_value)
            money = true;
    }
    return article_marks_make(clubs, money);
}
