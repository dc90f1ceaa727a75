/* startup/requests: the request names of the one table (see requests.h). */
#include "startup/requests.h"

static const char *const names[] = {
#define REQ_NAME(id, name, help, k1, k2, k3) name,
    REQUESTS(REQ_NAME)
#undef REQ_NAME
};

const char *const *requests_names(size_t *n)
{
    *n = sizeof names / sizeof *names;
    return names;
}
