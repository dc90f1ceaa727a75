/* feed_date: the dates feeds write (RFC 822 in RSS, ISO 8601 in Atom and
 * dc:date), normalised to UTC "YYYY-MM-DDTHH:MM:SSZ" (see feed.h). Written
 * out by hand: strptime follows the locale and timegm is not standard C. */
#include "core/fetch/feed.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

struct civil {
    int y, mo, d, h, mi, s;
    int offset_min; /* the zone's offset east of UTC */
};

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm). */
static long long days_from_civil(int y, int m, int d)
{
    y -= m <= 2;
    long long era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (long long)doe - 719468;
}

static void civil_from_days(long long z, int *y, int *m, int *d)
{
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = (int)(yoe + era * 400) + (*m <= 2);
}

static bool civil_ok(const struct civil *c)
{
    static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return c->y >= 1900 && c->y <= 2999 && c->mo >= 1 && c->mo <= 12 && c->d >= 1 &&
           c->d <= mdays[c->mo - 1] && c->h >= 0 && c->h <= 24 && c->mi >= 0 && c->mi <= 59 &&
           c->s >= 0 && c->s <= 60 && c->offset_min > -24 * 60 && c->offset_min < 24 * 60;
}

static bool format_utc(const struct civil *c, char out[21])
{
    if (!civil_ok(c))
        return false;
    long long t = days_from_civil(c->y, c->mo, c->d) * 86400LL + c->h * 3600LL + c->mi * 60LL +
                  (c->s > 59 ? 59 : c->s) - c->offset_min * 60LL;
    long long days = t >= 0 ? t / 86400 : (t - 86399) / 86400;
    long long secs = t - days * 86400;
    int y, m, d;
    civil_from_days(days, &y, &m, &d);
    if (y < 1900 || y > 2999)
        return false;
    snprintf(out, 21, "%04u-%02u-%02uT%02u:%02u:%02uZ", (unsigned)y % 10000u, (unsigned)m % 100u,
             (unsigned)d % 100u, (unsigned)(secs / 3600) % 100u, (unsigned)(secs / 60 % 60),
             (unsigned)(secs % 60));
    return true;
}

/* "+0100", "-05:00", "GMT", "Z", "EST"... into minutes east of UTC. */
static bool parse_zone(const char *s, int *off)
{
    static const struct {
        const char *name;
        int hours;
    } zones[] = {{"GMT", 0},  {"UT", 0},   {"UTC", 0},  {"Z", 0},    {"EST", -5},
                 {"EDT", -4}, {"CST", -6}, {"CDT", -5}, {"MST", -7}, {"MDT", -6},
                 {"PST", -8}, {"PDT", -7}, {"BST", 1},  {"CET", 1},  {"CEST", 2}};
    while (*s == ' ')
        s++;
    if (!*s) {
        *off = 0;
        return true;
    }
    if (*s == '+' || *s == '-') {
        int sign = *s == '-' ? -1 : 1, hh, mm;
        if (sscanf(s + 1, "%2d:%2d", &hh, &mm) == 2 || sscanf(s + 1, "%2d%2d", &hh, &mm) == 2) {
            *off = sign * (hh * 60 + mm);
            return true;
        }
        return false;
    }
    for (size_t i = 0; i < sizeof zones / sizeof *zones; i++)
        if (!strncasecmp(s, zones[i].name, strlen(zones[i].name)) &&
            !isalpha((unsigned char)s[strlen(zones[i].name)])) {
            *off = zones[i].hours * 60;
            return true;
        }
    *off = 0; /* an unknown zone name: taken as UTC rather than losing the date */
    return true;
}

/* "Tue, 05 Dec 2022 10:00:00 GMT" (weekday, seconds and zone optional). */
static bool parse_rfc822(const char *s, struct civil *c)
{
    static const char months[] = "janfebmaraprmayjunjulaugsepoctnovdec";
    const char *comma = strchr(s, ',');
    if (comma && comma - s <= 10)
        s = comma + 1;
    char mon[4] = {0};
    int used = 0;
    memset(c, 0, sizeof *c);
    if (sscanf(s, " %2d %3s %4d %2d:%2d%n", &c->d, mon, &c->y, &c->h, &c->mi, &used) != 5)
        return false;
    s += used;
    if (*s == ':' && sscanf(s + 1, "%2d%n", &c->s, &used) == 1)
        s += 1 + used;
    for (int i = 0; i < 3; i++)
        mon[i] = (char)tolower((unsigned char)mon[i]);
    const char *hit = strlen(mon) == 3 ? strstr(months, mon) : NULL;
    if (!hit || (hit - months) % 3)
        return false;
    c->mo = (int)(hit - months) / 3 + 1;
    if (c->y < 100)
        c->y += c->y < 50 ? 2000 : 1900;
    return parse_zone(s, &c->offset_min);
}

/* "2022-12-05", "2022-12-05T10:00Z", "2022-12-05T10:00:00.123+01:00". */
static bool parse_iso(const char *s, struct civil *c)
{
    int used = 0;
    memset(c, 0, sizeof *c);
    if (sscanf(s, "%4d-%2d-%2d%n", &c->y, &c->mo, &c->d, &used) != 3 || used != 10)
        return false;
    s += used;
    if (*s != 'T' && *s != 't' && *s != ' ')
        return *s == '\0' || isspace((unsigned char)*s);
    if (sscanf(s + 1, "%2d:%2d%n", &c->h, &c->mi, &used) != 2)
        return false;
    s += 1 + used;
    if (*s == ':' && sscanf(s + 1, "%2d%n", &c->s, &used) == 1)
        s += 1 + used;
    if (*s == '.' || *s == ',')
        for (s++; isdigit((unsigned char)*s); s++)
            ;
    return parse_zone(s, &c->offset_min);
}

bool feed_date_iso(const char *s, char out[21])
{
    if (!s)
        return false;
    while (isspace((unsigned char)*s))
        s++;
    struct civil c;
    if (strlen(s) >= 5 && isdigit((unsigned char)s[0]) && s[4] == '-')
        return parse_iso(s, &c) && format_utc(&c, out);
    return parse_rfc822(s, &c) && format_utc(&c, out);
}
