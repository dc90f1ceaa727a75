/* charset: a page's character set and its bytes as UTF-8 (see charset.h). */
#include "core/html/charset.h"
#include "core/base/utf8.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
#include <stdbool.h>
#include <string.h>
#include <strings.h>

/* How far into the page <meta charset> is looked for (browsers: 1024). */
#define PRESCAN_BYTES 4096
/* Bytes converted per iconv call. */
#define CHUNK 16384

static const char *const LATIN1_LABELS[] = {"iso-8859-1",   "iso8859-1", "latin1",     "l1",
                                            "ascii",        "us-ascii",  "iso_8859-1", "cp1252",
                                            "windows-1252", "x-cp1252",  "iso-ir-100", NULL};

const char *charset_canonical(const char *label, char *scratch, size_t scratch_len)
{
    size_t k = 0;
    while (isspace((unsigned char)*label) || *label == '"' || *label == '\'')
        label++;
    while (label[k] && k + 1 < scratch_len &&
           (isalnum((unsigned char)label[k]) || strchr("-_.:", label[k])))
        scratch[k] = (char)tolower((unsigned char)label[k]), k++;
    scratch[k] = '\0';
    if (!k || !strcmp(scratch, "utf-8") || !strcmp(scratch, "utf8") ||
        !strncmp(scratch, "utf-16", 6) || !strncmp(scratch, "unicode", 7))
        return "UTF-8";
    for (const char *const *l = LATIN1_LABELS; *l; l++)
        if (!strcmp(scratch, *l))
            return "WINDOWS-1252";
    iconv_t cd = iconv_open("UTF-8", scratch);
    if (cd == (iconv_t)-1)
        return "UTF-8";
    iconv_close(cd);
    return scratch;
}

/* The label after "charset" (= and quotes optional) in [p, end), or NULL. */
static const char *label_after_charset(const char *p, const char *end, char *out, size_t cap)
{
    p += 7;
    while (p < end && isspace((unsigned char)*p))
        p++;
    if (p >= end || *p != '=')
        return NULL;
    p++;
    while (p < end && (isspace((unsigned char)*p) || *p == '"' || *p == '\''))
        p++;
    size_t k = 0;
    while (p < end && k + 1 < cap && (isalnum((unsigned char)*p) || strchr("-_.:", *p)))
        out[k++] = *p++;
    out[k] = '\0';
    return k ? out : NULL;
}

/* The charset of the first <meta> that names one within the prescan. */
static const char *meta_charset(const char *s, size_t len, char *out, size_t cap)
{
    const char *end = s + (len < PRESCAN_BYTES ? len : PRESCAN_BYTES);
    for (const char *p = s; p + 5 < end; p++) {
        if (*p != '<' || strncasecmp(p + 1, "meta", 4) != 0)
            continue;
        const char *close = memchr(p, '>', (size_t)(end - p));
        if (!close)
            return NULL;
        for (const char *q = p + 5; q + 7 < close; q++)
            if (strncasecmp(q, "charset", 7) == 0 && label_after_charset(q, close, out, cap))
                return out;
        p = close;
    }
    return NULL;
}

/* Valid UTF-8 as it is; invalid sequences become U+FFFD, NULs go. */
static void copy_utf8(const char *s, size_t len, struct buf *out)
{
    buf_reserve(out, len);
    size_t i = 0;
    while (i < len) {
        size_t start = i;
        while (i < len && (unsigned char)s[i] < 0x80 && s[i])
            i++;
        buf_append(out, s + start, i - start);
        if (i >= len)
            break;
        if (!s[i]) {
            i++;
            continue;
        }
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (cp == UTF8_REPLACEMENT && n == 1)
            buf_append(out, "\xEF\xBF\xBD", 3);
        else
            buf_append(out, s + i, n);
        i += n;
    }
}

/* Any other charset through iconv; a byte it cannot read becomes U+FFFD. */
static void convert(const char *from, const char *s, size_t len, struct buf *out)
{
    iconv_t cd = iconv_open("UTF-8", from);
    if (cd == (iconv_t)-1) {
        copy_utf8(s, len, out);
        return;
    }
    struct buf tmp;
    buf_init(&tmp);
    char chunk[CHUNK];
    char *in = (char *)s;
    size_t left = len;
    while (left) {
        char *o = chunk;
        size_t room = sizeof chunk;
        size_t r = iconv(cd, &in, &left, &o, &room);
        buf_append(&tmp, chunk, (size_t)(o - chunk));
        if (r == (size_t)-1 && errno != E2BIG) {
            buf_append(&tmp, "\xEF\xBF\xBD", 3);
            in++, left--;
            iconv(cd, NULL, NULL, NULL, NULL);
        }
    }
    iconv_close(cd);
    copy_utf8(tmp.data, tmp.len, out);
    buf_free(&tmp);
}

void charset_to_utf8(const char *bytes, size_t len, const char *header, struct buf *out)
{
    char scratch[64], found[64];
    const char *cs = NULL;
    if (header && *header)
        cs = charset_canonical(header, scratch, sizeof scratch);
    else if (len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3))
        cs = "UTF-8";
    else if (len >= 2 && (!memcmp(bytes, "\xFF\xFE", 2) || !memcmp(bytes, "\xFE\xFF", 2)))
        cs = bytes[0] == '\xFF' ? "UTF-16LE" : "UTF-16BE";
    else if (meta_charset(bytes, len, found, sizeof found))
        cs = charset_canonical(found, scratch, sizeof scratch);
    if (!cs || !strcmp(cs, "UTF-8")) {
        bool bom = len >= 3 && !memcmp(bytes, "\xEF\xBB\xBF", 3);
        copy_utf8(bytes + (bom ? 3 : 0), len - (bom ? 3 : 0), out);
        return;
    }
    bool bom16 = len >= 2 && !strncmp(cs, "UTF-16", 6) &&
                 (!memcmp(bytes, "\xFF\xFE", 2) || !memcmp(bytes, "\xFE\xFF", 2));
    convert(cs, bytes + (bom16 ? 2 : 0), len - (bom16 ? 2 : 0), out);
}
