/* reader_locale: which locale categories the reader takes from the
 * environment (reader_locale.c). What depends on them: curses and wcwidth
 * (ncursesw decodes and measures what it draws by LC_CTYPE) and iconv;
 * strftime's month and day names (LC_TIME); strerror's text
 * (LC_MESSAGES). Set once, before curses starts. */
#ifndef TOUCHLINE_UI_READER_LOCALE_H
#define TOUCHLINE_UI_READER_LOCALE_H

/* Sets, from the environment (LC_ALL, LC_x, LANG), the categories whose
 * effect a reader sees: LC_CTYPE (UTF-8 decoding and widths, for curses
 * and iconv), LC_TIME (month and day names of the list's date_format) and
 * LC_MESSAGES (strerror's text). The others stay "C": LC_NUMERIC above all,
 * so that the extractor's strtod and the facts' "%.1f" read and write
 * "1.5" as `touchline extract` (which sets no locale) does, whatever the
 * user's locale. When the character set is not UTF-8, LC_CTYPE falls back
 * to C.UTF-8, else en_US.UTF-8. */
void reader_locale_set(void);

#endif
