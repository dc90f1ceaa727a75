/* fuzz_extract: libFuzzer target for the extractor. Arbitrary bytes become a
 * plain article (sanitised as the loader does) and run through the extractor
 * with the built-in knowledge base; every span must lie inside the body. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/load/article.h"
#include "core/load/boilerplate.h"
#include "core/extract/entity.h"
#include "core/extract/extract.h"
#include "core/extract/kb.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_span(const struct article *a, const struct mention *m)
{
    size_t len = m->in_title ? strlen(a->title) : a->body_len;
    if (m->start > m->end || m->end > len)
        abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct boilerplate *bp;
    static struct kb *kb;
    static struct extractor *ex;
    struct tl_error err = {{0}};
    if (ex == NULL) {
        bp = boilerplate_new();
        kb = kb_new_builtin(&err);
        ex = kb != NULL ? extractor_new(kb, &err) : NULL;
        if (ex == NULL)
            abort();
    }
    struct article *a = article_parse("fuzz.txt", (const char *)data, size, 0, bp, &err);
    if (a == NULL)
        return 0;
    struct extraction x = {0};
    extractor_run(ex, a, &x);
    size_t nm = 0; /* the entities' mentions: the one array, entity after entity */
    for (size_t i = 0; i < x.nentities; i++) {
        if (x.entities[i].first_mention != nm)
            abort();
        nm += x.entities[i].nmentions;
        for (size_t j = 0; j < x.entities[i].nmentions; j++)
            check_span(a, &extraction_mentions_of(&x, &x.entities[i])[j]);
    }
    if (nm != x.nmentions)
        abort();
    for (size_t i = 0; i < x.nfacts; i++) {
        check_span(a, &x.facts[i].span);
        if (x.facts[i].loan_length && !extraction_loan_length(&x, &x.facts[i]))
            abort();
    }
    extraction_free(&x);
    article_free(a);
    return 0;
}
