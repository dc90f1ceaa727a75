/* article_marks: the list's marks of an extraction (see article_marks.h). */
#include "core/pipeline/article_marks.h"

struct article_marks article_marks_of(const struct extraction *x)
{
    unsigned clubs = 0;
    for (size_t e = 0; e < x->nentities; e++)
        clubs += x->entities[e].kind == ENTITY_CLUB;
    struct article_marks m = {(unsigned char)(clubs > 255 ? 255 : clubs), false};
    for (size_t f = 0; f < x->nfacts; f++) {
        enum fact_kind k = x->facts[f].kind;
        if ((k == FACT_FEE || k == FACT_WAGE || k == FACT_RELEASE_CLAUSE) && x->facts[f].has_value)
            m.money = true;
    }
    return m;
}
