/* bench: the headless key benchmark behind --bench-keys (see bench.c for
 * the script format). */
#ifndef TOUCHLINE_UI_BENCH_H
#define TOUCHLINE_UI_BENCH_H

#include <stdbool.h>
#include <stdio.h>

#include "ui/app.h"

/* Replays `script` on a reader whose curses screen is set up (drawing to
 * nowhere) and prints timings to out; t_start (CLOCK_MONOTONIC, ms) is
 * when the program started. False with err set on a bad script line. */
bool bench_keys(struct app *a, FILE *script, const char *script_path, double t_start, FILE *out,
                struct tl_error *err);

#endif
