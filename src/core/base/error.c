/* error: errors as values with `path:line:col: what` messages. */
#include "core/base/error.h"

#include <stdarg.h>
#include <stdio.h>

bool tl_error_set(struct tl_error *err, const char *fmt, ...)
{
    if (!err)
        return false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    return false;
}

bool tl_error_at(struct tl_error *err, const char *path, unsigned line, unsigned col,
                 const char *fmt, ...)
{
    if (!err)
        return false;
    int n;
    if (line && col)
        n = snprintf(err->msg, sizeof err->msg, "%s:%u:%u: ", path, line, col);
    else if (line)
        n = snprintf(err->msg, sizeof err->msg, "%s:%u: ", path, line);
    else
        n = snprintf(err->msg, sizeof err->msg, "%s: ", path);
    if (n < 0 || (size_t)n >= sizeof err->msg)
        return false;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg + n, sizeof err->msg - (size_t)n, fmt, ap);
    va_end(ap);
    return false;
}
