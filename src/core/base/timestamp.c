/* timestamp: ISO 8601 dates and times to and from time_t (see timestamp.h). */
#include "core/base/timestamp.h"

#include <stdio.h>
#include <string.h>

/* Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
 * days_from_civil). */
static long days_from_civil(long y, long m, long d)
{
    y -= m <= 2;
    long era = (y >= 0 ? y : y - 399) / 400;
    long yoe = y - era * 400;
    long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

time_t timestamp_from_utc(int year, int month, int day, int hour, int min, int sec)
{
    return (time_t)days_from_civil(year, month, day) * 86400 + hour * 3600 + min * 60 + sec;
}

static bool valid_day(int y, int m, int d)
{
    static const int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1] &&
           (m != 2 || d <= 28 || leap);
}

/* Reads exactly n digits at *s into *out, advancing *s. */
static bool digits(const char **s, int n, int *out)
{
    int v = 0;
    for (int i = 0; i < n; i++) {
        if ((*s)[i] < '0' || (*s)[i] > '9')
            return false;
        v = v * 10 + ((*s)[i] - '0');
    }
    *s += n;
    *out = v;
    return true;
}

/* The zone after a time: "", "Z", "+HH:MM", "+HHMM" or "+HH"; *offset in
 * seconds east of UTC, *utc false when there is none. */
static bool parse_zone(const char *s, bool *utc, long *offset)
{
    *utc = false;
    *offset = 0;
    if (!*s)
        return true;
    *utc = true;
    if ((s[0] == 'Z' || s[0] == 'z') && !s[1])
        return true;
    int sign = s[0] == '+' ? 1 : s[0] == '-' ? -1 : 0, h, m = 0;
    s++;
    if (!sign || !digits(&s, 2, &h))
        return false;
    if (*s == ':')
        s++;
    if (*s && !digits(&s, 2, &m))
        return false;
    *offset = sign * (h * 3600L + m * 60L);
    return !*s && h < 24 && m < 60;
}

bool timestamp_parse(const char *s, time_t *out, bool *has_time)
{
    int y, mo, d, h = 0, mi = 0, sec = 0;
    if (!digits(&s, 4, &y) || *s++ != '-' || !digits(&s, 2, &mo) || *s++ != '-' ||
        !digits(&s, 2, &d) || !valid_day(y, mo, d))
        return false;
    bool timed = *s == 'T' || *s == 't' || *s == ' ';
    if (timed) {
        s++;
        if (!digits(&s, 2, &h) || *s++ != ':' || !digits(&s, 2, &mi))
            return false;
        if (*s == ':' && (s++, !digits(&s, 2, &sec)))
            return false;
        if (h > 23 || mi > 59 || sec > 60)
            return false;
    }
    bool utc = false;
    long offset = 0;
    if (timed ? !parse_zone(s, &utc, &offset) : *s != '\0')
        return false;
    if (has_time)
        *has_time = timed;
    if (utc) {
        *out = timestamp_from_utc(y, mo, d, h, mi, sec) - offset;
        return true;
    }
    struct tm tm = {.tm_year = y - 1900,
                    .tm_mon = mo - 1,
                    .tm_mday = d,
                    .tm_hour = h,
                    .tm_min = mi,
                    .tm_sec = sec,
                    .tm_isdst = -1};
    *out = mktime(&tm);
    return true;
}

void timestamp_format_utc(time_t t, char out[21])
{
    struct tm tm;
    gmtime_r(&t, &tm);
    strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}
