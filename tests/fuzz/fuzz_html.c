/* fuzz_html: libFuzzer target for html_extract. Arbitrary bytes go in as a
 * page, once as they come and once with a header charset (the first byte
 * picks one), and the result must be NUL-terminated UTF-8 of the length
 * given, freed without leaks. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/base/utf8.h"
#include "core/html/html.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check_text(const char *s, size_t len)
{
    if (!s || strlen(s) != len)
        abort();
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        size_t n = utf8_decode(s + i, len - i, &cp);
        if (cp == UTF8_REPLACEMENT && n == 1)
            abort(); /* invalid UTF-8 reached the output */
        i += n;
    }
}

static void extract_once(const char *bytes, size_t len, const char *charset)
{
    struct html_page p;
    struct tl_error err;
    if (!html_extract(bytes, len, "https://example.org/a/b.html", charset, &p, &err))
        return;
    check_text(p.text, p.text_len);
    const char *fields[] = {p.title, p.date, p.author, p.site_name, p.canonical_url};
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++)
        if (fields[i])
            check_text(fields[i], strlen(fields[i]));
    html_page_free(&p);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const charsets[] = {"utf-8",    "iso-8859-1", "windows-1252", "shift_jis",
                                           "utf-16le", "koi8-r",     "bogus"};
    (void)html_sniff((const char *)data, size);
    extract_once((const char *)data, size, NULL);
    if (size > 0)
        extract_once((const char *)data + 1, size - 1,
                     charsets[data[0] % (sizeof charsets / sizeof *charsets)]);
    return 0;
}
