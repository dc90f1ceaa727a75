/* timestamp: dates and times as written in files and on the command line
 * (ISO 8601: "2024-05-01", "2024-05-01T08:30", "2024-05-01T08:30:00Z",
 * "2024-05-01 08:30:00+02:00") to and from time_t. */
#ifndef TOUCHLINE_TIMESTAMP_H
#define TOUCHLINE_TIMESTAMP_H

#include <stdbool.h>
#include <time.h>

/* Parses a date with an optional time ('T' or ' ' between them, seconds
 * optional) and an optional zone ('Z' or +HH:MM / -HHMM). Without a zone the
 * time is local; a date alone is its local midnight. *has_time says whether
 * a time was given (may be NULL). False when s is not one of these forms, in
 * whole, or names a day that does not exist. */
bool timestamp_parse(const char *s, time_t *out, bool *has_time);
/* The UTC form "YYYY-MM-DDTHH:MM:SSZ" (21 bytes with the NUL). */
void timestamp_format_utc(time_t t, char out[21]);
/* Seconds since the epoch of a UTC civil time (no time zone involved). */
time_t timestamp_from_utc(int year, int month, int day, int hour, int min, int sec);

#endif
