/* test_text_words: text_has_word, which reads a span 8 bytes at a time for
 * its word starts, against the rule written out byte by byte: on texts of
 * letters in both cases, digits, spaces, punctuation and UTF-8 bytes, for
 * every span of them, with words and phrases, and with more words than the
 * first-letter chains hold. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/extract/text_words.h"

static bool letter(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* The rule: a word of the list, in any ASCII case, that starts in
 * [from, to) after no letter and ends at `to` or before no letter. */
static bool reference(const char *text, size_t from, size_t to, const char *const *words)
{
    for (size_t i = from; i < to; i++) {
        if (!letter(text[i]) || (i > 0 && letter(text[i - 1])))
            continue;
        for (size_t w = 0; words[w]; w++) {
            size_t n = strlen(words[w]), k = 0;
            while (k < n && i + k < to &&
                   (text[i + k] | (letter(text[i + k]) ? 32 : 0)) == words[w][k])
                k++;
            if (k == n && (i + n == to || !letter(text[i + n])))
                return true;
        }
    }
    return false;
}

static const char *const words[] = {"he", "said", "the situation", "keen on", "a", NULL};

static void check_every_span(const char *text, const char *const *list)
{
    size_t len = strlen(text);
    for (size_t from = 0; from <= len; from++)
        for (size_t to = from; to <= len; to++) {
            bool want = reference(text, from, to, list);
            if (text_has_word(text, from, to, list) != want) {
                fprintf(stderr, "text \"%s\" [%zu, %zu): want %d\n", text, from, to, want);
                fail();
            }
        }
}

/* Texts chosen so that the words stand at and across every place of the
 * 8-byte blocks: at the start, inside other words, before `to`, in capitals. */
static void test_every_span(void **state)
{
    (void)state;
    const char *texts[] = {
        "He said the situation was fine; she SAID he's keen on it.",
        "theHe saidsaid xsaid said, THE SITUATION the  situation said",
        "\xc3\xa9he said\xc3\xa9 he\xe2\x80\x99s a-a 1he he1 _he a",
        "keen on keen onward keen  on KEEN ON. a",
        "",
        "a",
        "he",
        "12345678he said",
    };
    for (size_t t = 0; t < sizeof texts / sizeof *texts; t++)
        check_every_span(texts[t], words);
}

/* Pseudo-random texts over a small alphabet, so that words and near words
 * come often. */
static void test_random_texts(void **state)
{
    (void)state;
    const char alphabet[] = "aehsidtAEHSID  .,'-9\xc3\xa9";
    uint32_t seed = 12345;
    char text[48];
    for (int round = 0; round < 400; round++) {
        size_t len = round % sizeof text;
        for (size_t i = 0; i < len; i++) {
            seed = seed * 1103515245u + 12345u;
            text[i] = alphabet[(seed >> 16) % (sizeof alphabet - 1)];
        }
        text[len] = '\0';
        check_every_span(text, words);
    }
}

/* More words than the chains hold: the slow way, the same answers. */
static void test_many_words(void **state)
{
    (void)state;
    static char names[300][8];
    static const char *list[301];
    for (size_t w = 0; w < 300; w++) {
        snprintf(names[w], sizeof names[w], "w%c%c", (char)('a' + w % 26), (char)('a' + w / 26));
        list[w] = names[w];
    }
    list[300] = NULL;
    check_every_span("xx wba wab WZK wzkk", list);
    assert_true(text_has_word("xx wba", 0, 6, list));
    assert_false(text_has_word("xx wbaa", 0, 7, list));
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_span),
        cmocka_unit_test(test_random_texts),
        cmocka_unit_test(test_many_words),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
