/* reader_locale: the locale categories the reader sets (see reader_locale.h).
 * Each category glibc sets from the environment opens its own file (two
 * tries each for C.UTF-8, which is stored as C.utf8), so setting only these
 * three instead of LC_ALL's twelve is also cheaper at start-up. */
#include "ui/reader_locale.h"

#include <langinfo.h>
#include <locale.h>
#include <string.h>

void reader_locale_set(void)
{
    static const int categories[] = {LC_CTYPE, LC_TIME, LC_MESSAGES};
    for (size_t i = 0; i < sizeof categories / sizeof categories[0]; i++)
        setlocale(categories[i], "");
    const char *cs = nl_langinfo(CODESET);
    if (!cs || strcmp(cs, "UTF-8") != 0)
        if (!setlocale(LC_CTYPE, "C.UTF-8"))
            setlocale(LC_CTYPE, "en_US.UTF-8");
}
