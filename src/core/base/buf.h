/* buf: the one growable byte buffer, always NUL-terminated (git's strbuf habit). */
#ifndef TOUCHLINE_BUF_H
#define TOUCHLINE_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct buf {
    char *data; /* NUL-terminated; never NULL after buf_init */
    size_t len;
    size_t cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
/* Empties the buffer, keeping its storage. */
void buf_reset(struct buf *b);
/* Makes room for `extra` more bytes plus the terminator. */
void buf_reserve(struct buf *b, size_t extra);
void buf_append(struct buf *b, const char *s, size_t len);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Hands the storage to the caller (who frees it) and re-initialises the buffer. */
char *buf_detach(struct buf *b, size_t *len);
/* A new string formatted as vprintf would (the caller frees it). */
char *buf_vformat(const char *fmt, va_list ap) __attribute__((format(printf, 1, 0)));

#endif
