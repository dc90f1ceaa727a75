/* entity: names of kinds and roles, entity ids, and freeing an extraction. */
#include "entity.h"
#include "buf.h"
#include "utf8.h"
#include "xalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

static const char *const kind_names[ENTITY_KIND_COUNT] = {"person", "club", "national_team",
                                                          "competition", "media"};
static const char *const role_names[] = {"unknown", "player",   "manager",
                                         "agent",   "official", "other"};
static const char *const fact_names[FACT_KIND_COUNT] = {
    "fee",         "wage", "release_clause", "loan",  "contract", "caps",
    "appearances", "age",  "interest",       "source"};

const char *entity_kind_name(enum entity_kind k)
{
    return (unsigned)k < ENTITY_KIND_COUNT ? kind_names[k] : "unknown";
}

bool entity_kind_parse(const char *s, enum entity_kind *out)
{
    for (int i = 0; i < ENTITY_KIND_COUNT; i++) {
        if (!strcmp(s, kind_names[i])) {
            *out = (enum entity_kind)i;
            return true;
        }
    }
    return false;
}

const char *person_role_name(enum person_role r)
{
    return (unsigned)r <= ROLE_OTHER ? role_names[r] : "unknown";
}

bool person_role_parse(const char *s, enum person_role *out)
{
    for (int i = 0; i <= ROLE_OTHER; i++) {
        if (!strcmp(s, role_names[i])) {
            *out = (enum person_role)i;
            return true;
        }
    }
    return false;
}

const char *fact_kind_name(enum fact_kind k)
{
    return (unsigned)k < FACT_KIND_COUNT ? fact_names[k] : "unknown";
}

char *entity_make_id(enum entity_kind kind, const char *name)
{
    struct buf b;
    buf_init(&b);
    buf_puts(&b, entity_kind_name(kind));
    buf_putc(&b, ':');
    size_t len = strlen(name);
    bool dash = false;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        i += utf8_decode(name + i, len - i, &cp);
        cp = utf8_fold_cp(cp);
        if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9')) {
            if (dash && b.data[b.len - 1] != ':')
                buf_putc(&b, '-');
            buf_putc(&b, (char)cp);
            dash = false;
        } else if (cp != '\'') {
            dash = true;
        }
    }
    return buf_detach(&b, NULL);
}

void extraction_free(struct extraction *x)
{
    for (size_t i = 0; i < x->nentities; i++) {
        free(x->entities[i].id);
        free(x->entities[i].name);
        free(x->entities[i].mentions);
    }
    free(x->entities);
    for (size_t i = 0; i < x->nfacts; i++)
        free(x->facts[i].loan_length);
    free(x->facts);
    memset(x, 0, sizeof *x);
}
