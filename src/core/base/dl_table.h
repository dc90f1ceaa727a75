/* dl_table: a library opened with dlopen and its functions bound into a
 * struct of pointers, one table entry per field. The libraries touchline
 * uses only for some commands (libcurl, libxml2) are opened this way on
 * first use, so that a start that needs neither loads neither. */
#ifndef TOUCHLINE_DL_TABLE_H
#define TOUCHLINE_DL_TABLE_H

#include <stdbool.h>
#include <stddef.h>

/* One field of the struct and the name dlsym looks up for it. */
struct dl_symbol {
    size_t offset;
    const char *name;
};

#define DL_SYMBOL(type, field, name)                                                               \
    {                                                                                              \
        offsetof(type, field), #name                                                               \
    }

/* Opens the first of sonames that loads (dlopen with flags and
 * RTLD_LOCAL). On failure returns NULL and writes "cannot load LABEL:
 * <dlerror of the first name>" to why. */
void *dl_table_open(const char *const *sonames, size_t nsonames, int flags, const char *label,
                    char *why, size_t whysize);

/* Looks up every symbol of h and stores its address at table + offset.
 * Returns false, with the handle closed and *missing set to the first name
 * not found, if any is absent; table is then partly filled and unusable. */
bool dl_table_bind(void *h, const struct dl_symbol *symbols, size_t nsymbols, void *table,
                   const char **missing);

#endif
