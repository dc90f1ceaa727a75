/* fetch: one fetch run over the subscriptions (see fetch.h): feed
 * transfers, then page transfers for summary-only items, on one http
 * client; items stored as their feed or page ends; the feed's state saved
 * once all its items are stored, so an interrupted run fetches it again. */
#include "core/fetch/fetch.h"
#include "core/base/xalloc.h"
#include "core/fetch/feed.h"
#include "core/fetch/feed_state.h"
#include "core/fetch/fulltext.h"
#include "core/fetch/http.h"
#include "core/fetch/store.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct job {
    const struct subs_feed *sub;
    struct buf key; /* of its state */
    struct feed_state st;
    struct feed feed;
    struct buf name, folder;
    size_t pending; /* page transfers not ended yet */
    size_t added, updated;
    bool failed;
    char error[1024];
    struct buf notes;
};

/* What a transfer is for: a feed (item == SIZE_MAX) or an item's page. */
struct req {
    struct job *job;
    size_t item;
    char key[13], digest[17];
    bool changed; /* a page for an item stored before with other content */
};

struct run {
    const struct fetch_options *o;
    struct fetch_totals *t;
    struct http_client *http;
    struct store *store;
    double start;
};

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

bool fetch_default_feeds_dir(struct buf *out)
{
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    if (xdg && *xdg == '/')
        buf_printf(out, "%s/touchline/feeds", xdg);
    else if (home && *home)
        buf_printf(out, "%s/.local/share/touchline/feeds", home);
    else
        return false;
    return true;
}

static void note(struct job *j, const char *url, const char *what)
{
    buf_printf(&j->notes, "%s: %s\n", url, what);
}

/* The feed ended: its state saved when everything went, the report given. */
static void finish_job(struct run *r, struct job *j, bool not_modified)
{
    if (!j->failed) {
        j->st.fetched = (long long)time(NULL);
        if (j->feed.title && !j->sub->name) {
            free(j->st.title);
            j->st.title = xstrdup(j->feed.title);
        }
        struct tl_error err;
        if (!feed_state_save(r->o->state_dir, j->key.data, &j->st, &err))
            note(j, j->sub->url, err.msg);
    }
    struct fetch_report rep = {
        .name = j->name.len ? j->name.data : subs_display_name(j->sub, j->st.title),
        .url = j->sub->url,
        .ok = !j->failed,
        .not_modified = not_modified,
        .added = j->added,
        .updated = j->updated,
        .seconds = now_s() - r->start,
        .error = j->error,
        .notes = j->notes.data,
    };
    r->t->failed += j->failed;
    r->t->added += j->added;
    r->t->updated += j->updated;
    if (r->o->on_feed)
        r->o->on_feed(r->o->ctx, &rep);
}

static void store_item(struct run *r, struct job *j, const struct req *q, const char *body,
                       enum store_seen seen)
{
    const struct subs_feed *s = j->sub;
    struct store_article a = {j->name.data,
                              j->folder.data,
                              (const char *const *)s->tags,
                              s->ntags,
                              &j->feed.items[q->item],
                              body,
                              q->digest,
                              q->key};
    struct tl_error err;
    if (!store_write(r->store, &a, &err)) {
        j->failed = true;
        snprintf(j->error, sizeof j->error, "%s", err.msg);
        return;
    }
    if (seen == STORE_ABSENT)
        j->added++;
    else
        j->updated++;
}

static bool wants_page(const struct job *j, const struct feed_item *it)
{
    enum subs_fulltext m = j->sub->fulltext;
    return it->link && (m == SUBS_FULLTEXT_ALWAYS ||
                        (m == SUBS_FULLTEXT_AUTO && strlen(it->text) <= FULLTEXT_SHORT));
}

static void take_items(struct run *r, struct job *j)
{
    const struct subs_feed *s = j->sub;
    for (size_t i = 0; i < j->feed.nitems && !j->failed; i++) {
        const struct feed_item *it = &j->feed.items[i];
        struct req q = {j, i, "", "", false};
        store_item_key(it, q.key);
        store_item_digest(it, j->name.data, (const char *const *)s->tags, s->ntags, q.digest);
        enum store_seen seen = store_check(r->store, j->folder.data, q.key, q.digest);
        if (seen == STORE_SAME || seen == STORE_ELSEWHERE)
            continue;
        if (wants_page(j, it)) {
            struct req *page = xmalloc(sizeof *page);
            *page = q;
            page->changed = seen == STORE_CHANGED;
            j->pending++;
            http_client_add(r->http, it->link, NULL, NULL, page);
            continue;
        }
        store_item(r, j, &q, it->text, seen);
    }
}

static void feed_arrived(struct run *r, struct job *j, struct http_result *res)
{
    if (!res->ok) {
        j->failed = true;
        snprintf(j->error, sizeof j->error, "%s", res->error);
        finish_job(r, j, false);
        return;
    }
    if (res->not_modified) {
        finish_job(r, j, true);
        return;
    }
    struct tl_error err;
    if (!feed_parse(res->body, res->len, res->final_url, &j->feed, &err)) {
        j->failed = true;
        snprintf(j->error, sizeof j->error, "%s", err.msg);
        finish_job(r, j, false);
        return;
    }
    if (j->feed.warning[0])
        note(j, j->sub->url, j->feed.warning);
    free(j->st.etag);
    free(j->st.last_modified);
    j->st.etag = res->etag ? xstrdup(res->etag) : NULL;
    j->st.last_modified = res->last_modified ? xstrdup(res->last_modified) : NULL;
    buf_puts(&j->name, subs_display_name(j->sub, j->feed.title));
    store_folder_name(j->name.data, &j->folder);
    take_items(r, j);
    if (!j->pending)
        finish_job(r, j, false);
}

static void page_arrived(struct run *r, struct req *q, struct http_result *res)
{
    struct job *j = q->job;
    const struct feed_item *it = &j->feed.items[q->item];
    enum store_seen seen = q->changed ? STORE_CHANGED : STORE_ABSENT;
    struct buf text;
    buf_init(&text);
    struct tl_error err;
    if (!res->ok)
        snprintf(err.msg, sizeof err.msg, "%.300s", res->error);
    if (res->ok &&
        fulltext_extract(res->body, res->len, res->final_url, res->content_type, &text, &err)) {
        store_item(r, j, q, text.data, seen);
    } else {
        struct buf w;
        buf_init(&w);
        buf_printf(&w, "%s (the summary is kept)", err.msg);
        note(j, it->link, w.data);
        buf_free(&w);
        if (!j->failed)
            store_item(r, j, q, it->text, seen);
    }
    buf_free(&text);
    if (--j->pending == 0)
        finish_job(r, j, false);
}

static void on_done(void *ctx, void *user, struct http_result *res)
{
    struct run *r = ctx;
    struct req *q = user;
    if (q->item == SIZE_MAX)
        feed_arrived(r, q->job, res);
    else
        page_arrived(r, q, res);
    http_result_free(res);
    free(q);
}

void fetch_run(const struct fetch_options *o, struct fetch_totals *t)
{
    memset(t, 0, sizeof *t);
    struct http_options hopt = {.timeout_s = o->timeout_s};
    struct run r = {o, t, http_client_new(&hopt), store_open(o->feeds_dir), now_s()};
    size_t n = o->subs->n;
    struct job *jobs = xcalloc(n ? n : 1, sizeof *jobs);
    for (size_t i = 0; i < n; i++) {
        struct job *j = &jobs[i];
        j->sub = &o->subs->v[i];
        buf_init(&j->name);
        buf_init(&j->folder);
        buf_init(&j->notes);
        buf_init(&j->key);
        feed_state_key(o->feeds_dir, j->sub->url, &j->key);
        feed_state_load(o->state_dir, j->key.data, &j->st);
        struct req *q = xcalloc(1, sizeof *q);
        *q = (struct req){j, SIZE_MAX, "", "", false};
        http_client_add(r.http, j->sub->url, j->st.etag, j->st.last_modified, q);
    }
    t->feeds = n;
    http_client_run(r.http, on_done, &r, o->cancel);
    for (size_t i = 0; i < n; i++) {
        feed_state_free(&jobs[i].st);
        feed_free(&jobs[i].feed);
        buf_free(&jobs[i].name);
        buf_free(&jobs[i].folder);
        buf_free(&jobs[i].notes);
        buf_free(&jobs[i].key);
    }
    free(jobs);
    store_close(r.store);
    http_client_free(r.http);
}
