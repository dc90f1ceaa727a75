/* curl_lib: libcurl opened with dlopen on first use (see curl_lib.h). */
#include "core/fetch/curl_lib.h"

#include "core/base/dl_table.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

/* The runtime names of libcurl 7.16 to 8.x (the ABI behind the header). */
static const char *const sonames[] = {"libcurl.so.4", "libcurl-gnutls.so.4", "libcurl-nss.so.4"};

static struct curl_lib lib;
static const struct curl_lib *loaded;
static char why_not[512];
static pthread_once_t once = PTHREAD_ONCE_INIT;

#define SYMBOL(field, name) DL_SYMBOL(struct curl_lib, field, name)
static const struct dl_symbol symbols[] = {
    SYMBOL(global_init, curl_global_init),
    SYMBOL(easy_init, curl_easy_init),
    SYMBOL(easy_setopt, curl_easy_setopt),
    SYMBOL(easy_getinfo, curl_easy_getinfo),
    SYMBOL(easy_header, curl_easy_header),
    SYMBOL(easy_strerror, curl_easy_strerror),
    SYMBOL(easy_cleanup, curl_easy_cleanup),
    SYMBOL(slist_append, curl_slist_append),
    SYMBOL(slist_free_all, curl_slist_free_all),
    SYMBOL(multi_init, curl_multi_init),
    SYMBOL(multi_setopt, curl_multi_setopt),
    SYMBOL(multi_add_handle, curl_multi_add_handle),
    SYMBOL(multi_remove_handle, curl_multi_remove_handle),
    SYMBOL(multi_perform, curl_multi_perform),
    SYMBOL(multi_poll, curl_multi_poll),
    SYMBOL(multi_info_read, curl_multi_info_read),
    SYMBOL(multi_cleanup, curl_multi_cleanup),
};

static void load(void)
{
    void *h = dl_table_open(sonames, sizeof sonames / sizeof *sonames, RTLD_NOW, "libcurl", why_not,
                            sizeof why_not);
    if (!h)
        return;
    const char *missing;
    if (!dl_table_bind(h, symbols, sizeof symbols / sizeof *symbols, &lib, &missing)) {
        snprintf(why_not, sizeof why_not, "libcurl has no %s (libcurl 7.83 or later needed)",
                 missing);
        return;
    }
    if (lib.global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        snprintf(why_not, sizeof why_not, "libcurl could not be initialised");
        return; /* the handle stays open: nothing was set up to undo */
    }
    loaded = &lib;
}

const struct curl_lib *curl_lib_get(const char **why)
{
    pthread_once(&once, load);
    if (!loaded && why)
        *why = why_not;
    return loaded;
}
