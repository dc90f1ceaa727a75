/* dl_table: opening a library and binding its functions (see dl_table.h). */
#include "core/base/dl_table.h"

#include <dlfcn.h>
#include <stdio.h>

void *dl_table_open(const char *const *sonames, size_t nsonames, int flags, const char *label,
                    char *why, size_t whysize)
{
    for (size_t i = 0; i < nsonames; i++) {
        void *h = dlopen(sonames[i], flags | RTLD_LOCAL);
        if (h)
            return h;
        if (i == 0) /* the usual name's error is the one worth showing */
            snprintf(why, whysize, "cannot load %s: %s", label, dlerror());
    }
    return NULL;
}

bool dl_table_bind(void *h, const struct dl_symbol *symbols, size_t nsymbols, void *table,
                   const char **missing)
{
    for (size_t i = 0; i < nsymbols; i++) {
        void *f = dlsym(h, symbols[i].name);
        if (!f) {
            *missing = symbols[i].name;
            dlclose(h);
            return false;
        }
        /* POSIX guarantees a function's address survives the trip through void *. */
        *(void **)((char *)table + symbols[i].offset) = f;
    }
    return true;
}
