/* news: what is new about the followed entities: the facts about each of
 * them in the articles newer than a time (the last visit, or a date given),
 * newest first, grouped by entity. A query on the index and the state; the
 * Following view (W), the start-up status line and `touchline news` all
 * read it. */
#ifndef TOUCHLINE_NEWS_H
#define TOUCHLINE_NEWS_H

#include <stddef.h>
#include <time.h>

#include "core/index/index.h"
#include "core/state/state.h"

/* One fact: article (load index) and fact (index into the article's
 * extraction, ix->x[article].facts), with the article's time. */
struct news_item {
    size_t article, fact;
    time_t when;
};

/* A followed entity with news. */
struct news_group {
    size_t followed;         /* index for state_followed_at */
    int entity;              /* its index entity */
    struct news_item *items; /* newest first (then by article and fact order) */
    size_t nitems;
};

struct news {
    struct news_group *groups; /* the newest news first */
    size_t ngroups;
    size_t nitems;    /* facts in all groups */
    size_t narticles; /* distinct articles they come from */
};

/* The time an article counts as published, for "new since": the front
 * matter date when it has a time of day; a date alone is refined by the
 * file's modification time when that falls on the same day (so an article
 * dated today that arrived after the last visit counts as new), else taken
 * as the day's start (a file written later) or end (earlier); an article
 * dated by its file is the file's time. Local time. */
time_t news_article_time(const struct article *a);
/* The index entity a followed entity is now: by id, else by its name and
 * kind (index_resolve), else -1. */
int news_followed_entity(const struct index *ix, const struct state_followed *f);
/* Whether fact f of article `article` is about entity g: its subject, or a
 * club, team or media it names (buyer, seller, team, interested club...). */
bool news_fact_about(const struct index *ix, size_t article, const struct fact *f, int g);
/* Fills *out with the facts about the followed entities in articles whose
 * time (news_article_time) is at or after `since`. */
void news_query(const struct index *ix, const struct state *st, time_t since, struct news *out);
void news_free(struct news *n);

#endif
