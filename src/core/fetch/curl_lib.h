/* curl_lib: libcurl, opened on first use. The reader and most commands never
 * fetch, and linking libcurl made every start load it and the two dozen
 * libraries it needs (TLS, Kerberos, LDAP, IDN, ...) and run their
 * constructors: about 5 ms before main, a tenth of the first screen. So the
 * program does not link it; http.c calls it through this table, which
 * dlopen fills once, on the first fetch. */
#ifndef TOUCHLINE_FETCH_CURL_LIB_H
#define TOUCHLINE_FETCH_CURL_LIB_H

#include <curl/curl.h>

/* The functions http.c uses, typed as curl.h declares them. */
struct curl_lib {
    __typeof__(curl_global_init) *global_init;
    __typeof__(curl_easy_init) *easy_init;
    __typeof__(curl_easy_setopt) *easy_setopt;
    __typeof__(curl_easy_getinfo) *easy_getinfo;
    __typeof__(curl_easy_header) *easy_header;
    __typeof__(curl_easy_strerror) *easy_strerror;
    __typeof__(curl_easy_cleanup) *easy_cleanup;
    __typeof__(curl_slist_append) *slist_append;
    __typeof__(curl_slist_free_all) *slist_free_all;
    __typeof__(curl_multi_init) *multi_init;
    __typeof__(curl_multi_setopt) *multi_setopt;
    __typeof__(curl_multi_add_handle) *multi_add_handle;
    __typeof__(curl_multi_remove_handle) *multi_remove_handle;
    __typeof__(curl_multi_perform) *multi_perform;
    __typeof__(curl_multi_poll) *multi_poll;
    __typeof__(curl_multi_info_read) *multi_info_read;
    __typeof__(curl_multi_cleanup) *multi_cleanup;
};

/* The library, loaded and globally initialised once (any thread may ask).
 * NULL when it cannot be loaded; then *why says so ("libcurl.so.4: cannot
 * open shared object file ..."), for as long as the process runs. */
const struct curl_lib *curl_lib_get(const char **why);

#endif
