/* fuzz_article: libFuzzer target for the article loader. Arbitrary bytes go
 * through article_parse as they come (either format, told apart by content)
 * and again behind a front matter fence, so that both parsers see them. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/load/article.h"
#include "core/load/boilerplate.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void parse_once(const struct boilerplate *bp, const char *bytes, size_t len)
{
    struct tl_error err = {{0}};
    struct article *a = article_parse("fuzz.md", bytes, len, 0, bp, &err);
    if (a != NULL) {
        if (a->title == NULL || a->body == NULL || strlen(a->body) != a->body_len)
            abort();
        unsigned line, col;
        article_position(a, a->body_len, &line, &col);
        article_free(a);
    }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static struct boilerplate *bp;
    if (bp == NULL)
        bp = boilerplate_new();
    parse_once(bp, (const char *)data, size);

    static const char fence[] = "---\n";
    char *fm = malloc(size + sizeof fence);
    if (fm == NULL)
        return 0;
    memcpy(fm, fence, sizeof fence - 1);
    memcpy(fm + sizeof fence - 1, data, size);
    parse_once(bp, fm, size + sizeof fence - 1);
    free(fm);
    return 0;
}
