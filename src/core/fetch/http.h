/* http: HTTP and HTTPS GETs with libcurl's multi interface: many at once
 * (bounded in all and per host), conditional (ETag, Last-Modified), gzip
 * and deflate, a timeout per transfer, few redirects and only to http(s),
 * TLS verified, and a cap on the body counted after decompression. */
#ifndef TOUCHLINE_FETCH_HTTP_H
#define TOUCHLINE_FETCH_HTTP_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#define HTTP_MAX_BYTES (16u * 1024u * 1024u)

struct http_options {
    long timeout_s;        /* per transfer, whole; default 20 */
    size_t max_bytes;      /* decompressed body cap; default HTTP_MAX_BYTES */
    unsigned max_total;    /* transfers at once; default 8 */
    unsigned max_per_host; /* default 2 */
    long max_redirects;    /* default 5 */
};

struct http_result {
    const char *url;   /* as asked (owned by the client) */
    long status;       /* the last response's status, 0 when none came */
    bool ok;           /* a 2xx with its whole body, or a 304 */
    bool not_modified; /* 304 */
    char *body;        /* NUL-terminated; NULL unless ok */
    size_t len;
    char *etag, *last_modified; /* the response's validators, or NULL */
    char *content_type;         /* or NULL */
    char *final_url;            /* after redirects */
    double seconds;             /* the transfer's time */
    char error[300];            /* what went wrong when !ok ("HTTP 404", "timed out after 20 s") */
};

struct http_client;

/* Called on the caller's thread as each transfer ends. It owns r (free it
 * with http_result_free) and may add more transfers. */
typedef void (*http_done_fn)(void *ctx, void *user, struct http_result *r);

/* A client with these options (NULL: the defaults). */
struct http_client *http_client_new(const struct http_options *opt);
/* Queues a GET of url; etag and last_modified (may be NULL) make it
 * conditional. `user` comes back with the result. */
void http_client_add(struct http_client *c, const char *url, const char *etag,
                     const char *last_modified, void *user);
/* Runs the transfers until every one (and every one added meanwhile) has
 * ended, calling done for each. A set `cancel` ends them early: the ones
 * cut short come back with error "cancelled". Returns the number run. */
size_t http_client_run(struct http_client *c, http_done_fn done, void *ctx,
                       const atomic_bool *cancel);
void http_client_free(struct http_client *c);
void http_result_free(struct http_result *r);

#endif
