/* http: parallel GETs over libcurl's multi interface (see http.h), called
 * through curl_lib (loaded on the first client). */
#include "core/fetch/http.h"
#include "core/fetch/curl_lib.h"
#include "core/base/buf.h"
#include "core/base/xalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef TOUCHLINE_VERSION
#define TOUCHLINE_VERSION "0"
#endif

struct transfer {
    struct http_client *client;
    CURL *easy;
    char *url;
    void *user;
    struct curl_slist *headers;
    struct buf body;
    bool too_big;
    char errbuf[CURL_ERROR_SIZE];
};

struct http_client {
    struct http_options opt;
    CURLM *multi;    /* NULL when libcurl could not be loaded */
    const char *why; /* then why not */
    struct transfer **active;
    size_t nactive, cap;
};

/* libcurl: http_client_new loads it (a client without it has no multi
 * handle and fails every transfer with `why`), so every other call here
 * finds it loaded. */
static const struct curl_lib *api(void)
{
    return curl_lib_get(NULL);
}

struct http_client *http_client_new(const struct http_options *opt)
{
    const char *why = NULL;
    const struct curl_lib *lib = curl_lib_get(&why);
    struct http_client *c = xcalloc(1, sizeof *c);
    c->opt = opt ? *opt : (struct http_options){0};
    if (c->opt.timeout_s <= 0)
        c->opt.timeout_s = 20;
    if (!c->opt.max_bytes)
        c->opt.max_bytes = HTTP_MAX_BYTES;
    if (!c->opt.max_total)
        c->opt.max_total = 8;
    if (!c->opt.max_per_host)
        c->opt.max_per_host = 2;
    if (c->opt.max_redirects <= 0)
        c->opt.max_redirects = 5;
    c->why = why;
    if (!lib)
        return c;
    c->multi = api()->multi_init();
    if (!c->multi)
        abort();
    api()->multi_setopt(c->multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, (long)c->opt.max_total);
    api()->multi_setopt(c->multi, CURLMOPT_MAX_HOST_CONNECTIONS, (long)c->opt.max_per_host);
    return c;
}

/* The body, decompressed, with the cap counted here: curl hands us decoded bytes. */
static size_t on_write(char *p, size_t size, size_t n, void *arg)
{
    struct transfer *t = arg;
    size_t bytes = size * n;
    if (t->body.len + bytes > t->client->opt.max_bytes) {
        t->too_big = true;
        return 0; /* curl ends the transfer with CURLE_WRITE_ERROR */
    }
    buf_append(&t->body, p, bytes);
    return bytes;
}

static void add_header(struct transfer *t, const char *name, const char *value)
{
    if (!value || !*value || strpbrk(value, "\r\n"))
        return;
    struct buf h;
    buf_init(&h);
    buf_printf(&h, "%s: %s", name, value);
    t->headers = api()->slist_append(t->headers, h.data);
    buf_free(&h);
}

static void set_options(struct transfer *t, const struct http_options *o)
{
    CURL *e = t->easy;
    __typeof__(curl_easy_setopt) *set = api()->easy_setopt;
    set(e, CURLOPT_URL, t->url);
    set(e, CURLOPT_PROTOCOLS_STR, "http,https");
    set(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    set(e, CURLOPT_FOLLOWLOCATION, 1L);
    set(e, CURLOPT_MAXREDIRS, o->max_redirects);
    set(e, CURLOPT_ACCEPT_ENCODING, "gzip, deflate");
    set(e, CURLOPT_TIMEOUT, o->timeout_s);
    set(e, CURLOPT_NOSIGNAL, 1L);
    set(e, CURLOPT_SSL_VERIFYPEER, 1L);
    set(e, CURLOPT_SSL_VERIFYHOST, 2L);
    set(e, CURLOPT_USERAGENT, "touchline/" TOUCHLINE_VERSION);
    set(e, CURLOPT_WRITEFUNCTION, on_write);
    set(e, CURLOPT_WRITEDATA, t);
    set(e, CURLOPT_ERRORBUFFER, t->errbuf);
    set(e, CURLOPT_PRIVATE, t);
    set(e, CURLOPT_HTTPHEADER, t->headers);
}

void http_client_add(struct http_client *c, const char *url, const char *etag,
                     const char *last_modified, void *user)
{
    struct transfer *t = xcalloc(1, sizeof *t);
    t->client = c;
    t->url = xstrdup(url);
    t->user = user;
    buf_init(&t->body);
    c->active = xgrow(c->active, &c->cap, c->nactive + 1, sizeof *c->active);
    c->active[c->nactive++] = t;
    if (!c->multi)
        return; /* no libcurl: http_client_run fails it */
    t->easy = api()->easy_init();
    if (!t->easy)
        abort();
    add_header(t, "If-None-Match", etag);
    add_header(t, "If-Modified-Since", last_modified);
    set_options(t, &c->opt);
    api()->multi_add_handle(c->multi, t->easy);
}

static char *header_value(CURL *e, const char *name)
{
    struct curl_header *h;
    if (api()->easy_header(e, name, 0, CURLH_HEADER, -1, &h) != CURLHE_OK || !h->value)
        return NULL;
    return *h->value ? xstrdup(h->value) : NULL;
}

static const char *status_words(long s)
{
    switch (s) {
    case 401:
        return "unauthorized";
    case 403:
        return "forbidden";
    case 404:
        return "not found";
    case 410:
        return "gone";
    case 429:
        return "too many requests";
    case 500:
        return "internal server error";
    case 502:
        return "bad gateway";
    case 503:
        return "service unavailable";
    case 504:
        return "gateway timeout";
    default:
        return s >= 500 ? "server error" : "client error";
    }
}

static void describe_failure(struct transfer *t, CURLcode rc, struct http_result *r)
{
    const struct http_options *o = &t->client->opt;
    if (t->too_big)
        snprintf(r->error, sizeof r->error, "too big (over %zu MiB)", o->max_bytes >> 20);
    else if (rc == CURLE_OPERATION_TIMEDOUT)
        snprintf(r->error, sizeof r->error, "timed out after %ld s", o->timeout_s);
    else if (rc == CURLE_TOO_MANY_REDIRECTS)
        snprintf(r->error, sizeof r->error, "too many redirects (more than %ld)", o->max_redirects);
    else if (rc == CURLE_UNSUPPORTED_PROTOCOL)
        snprintf(r->error, sizeof r->error, "not an http or https URL (%s)",
                 t->errbuf[0] ? t->errbuf : api()->easy_strerror(rc));
    else if (rc != CURLE_OK)
        snprintf(r->error, sizeof r->error, "%s",
                 t->errbuf[0] ? t->errbuf : api()->easy_strerror(rc));
    else
        snprintf(r->error, sizeof r->error, "HTTP %ld (%s)", r->status, status_words(r->status));
}

static struct http_result *finish(struct transfer *t, CURLcode rc)
{
    struct http_result *r = xcalloc(1, sizeof *r);
    r->url = t->url;
    CURL *e = t->easy;
    api()->easy_getinfo(e, CURLINFO_RESPONSE_CODE, &r->status);
    api()->easy_getinfo(e, CURLINFO_TOTAL_TIME, &r->seconds);
    char *final = NULL, *ctype = NULL;
    api()->easy_getinfo(e, CURLINFO_EFFECTIVE_URL, &final);
    api()->easy_getinfo(e, CURLINFO_CONTENT_TYPE, &ctype);
    r->final_url = xstrdup(final ? final : t->url);
    r->content_type = ctype ? xstrdup(ctype) : NULL;
    r->not_modified = rc == CURLE_OK && r->status == 304;
    r->ok =
        rc == CURLE_OK && !t->too_big && ((r->status >= 200 && r->status < 300) || r->not_modified);
    if (r->ok) {
        r->etag = header_value(e, "ETag");
        r->last_modified = header_value(e, "Last-Modified");
        r->body = buf_detach(&t->body, &r->len);
    } else {
        describe_failure(t, rc, r);
    }
    return r;
}

static void free_transfer(struct transfer *t)
{
    if (t->easy) {
        api()->easy_cleanup(t->easy);
        api()->slist_free_all(t->headers);
    }
    buf_free(&t->body);
    free(t);
}

/* Removes t from the active list (the url stays alive in the result until freed). */
static void drop_active(struct http_client *c, struct transfer *t)
{
    for (size_t i = 0; i < c->nactive; i++)
        if (c->active[i] == t) {
            c->active[i] = c->active[--c->nactive];
            break;
        }
}

static size_t reap(struct http_client *c, http_done_fn done, void *ctx)
{
    size_t n = 0;
    CURLMsg *m;
    int left;
    while ((m = api()->multi_info_read(c->multi, &left))) {
        if (m->msg != CURLMSG_DONE)
            continue;
        struct transfer *t = NULL;
        api()->easy_getinfo(m->easy_handle, CURLINFO_PRIVATE, (char **)&t);
        CURLcode rc = m->data.result;
        api()->multi_remove_handle(c->multi, t->easy);
        drop_active(c, t);
        struct http_result *r = finish(t, rc);
        r->url = NULL;
        void *user = t->user;
        char *url = t->url;
        free_transfer(t);
        r->url = url; /* freed with the result */
        done(ctx, user, r);
        n++;
    }
    return n;
}

/* Ends every transfer still under way with `why` ("cancelled"). */
static void fail_all(struct http_client *c, http_done_fn done, void *ctx, const char *why)
{
    while (c->nactive) {
        struct transfer *t = c->active[--c->nactive];
        if (c->multi)
            api()->multi_remove_handle(c->multi, t->easy);
        struct http_result *r = xcalloc(1, sizeof *r);
        r->url = t->url;
        r->final_url = xstrdup(t->url);
        snprintf(r->error, sizeof r->error, "%s", why);
        void *user = t->user;
        free_transfer(t);
        done(ctx, user, r);
    }
}

size_t http_client_run(struct http_client *c, http_done_fn done, void *ctx,
                       const atomic_bool *cancel)
{
    size_t n = 0;
    int running = 1;
    if (!c->multi) {
        n = c->nactive;
        fail_all(c, done, ctx, c->why);
        return n;
    }
    while (c->nactive) {
        if (cancel && atomic_load(cancel)) {
            fail_all(c, done, ctx, "cancelled");
            break;
        }
        if (api()->multi_perform(c->multi, &running) != CURLM_OK)
            break;
        n += reap(c, done, ctx);
        if (running)
            api()->multi_poll(c->multi, NULL, 0, 100, NULL);
    }
    return n;
}

void http_client_free(struct http_client *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->nactive; i++) {
        if (c->multi)
            api()->multi_remove_handle(c->multi, c->active[i]->easy);
        free(c->active[i]->url);
        free_transfer(c->active[i]);
    }
    free(c->active);
    if (c->multi)
        api()->multi_cleanup(c->multi);
    free(c);
}

void http_result_free(struct http_result *r)
{
    if (!r)
        return;
    free((char *)r->url);
    free(r->body);
    free(r->etag);
    free(r->last_modified);
    free(r->content_type);
    free(r->final_url);
    free(r);
}
