/* test_slot_pages: the stream's slots live in pages of their own whose
 * leading part is given back as results are handed over. Given back, a
 * page reads as zeros while the ones past it keep what they hold; less than
 * a step is not given back. A load of more entries than a megabyte of slots
 * holds (thousands of small files) gives every article, in order, as one
 * thread does. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "core/pipeline/pipeline.h"
#include "core/pipeline/slot_pages.h"

enum { NFILES = 8000 };

static void test_given_back_reads_zero(void **state)
{
    (void)state;
    struct slot_pages sp;
    const size_t n = 40000, size = 176;
    unsigned char *p = slot_pages_new(&sp, n, size);
    assert_true(sp.mapped);
    for (size_t i = 0; i < n * size; i++)
        assert_int_equal(p[i], 0);
    memset(p, 0xab, n * size);
    slot_pages_give_back(&sp, 4096); /* less than a step: kept */
    assert_int_equal(sp.given, 0);
    assert_int_equal(p[0], 0xab);
    size_t done = (3u << 20) + 100; /* past a page boundary */
    slot_pages_give_back(&sp, done);
    assert_true(sp.given > 0 && sp.given <= done && done - sp.given < 4096 * 16);
    for (size_t i = 0; i < sp.given; i += 512)
        assert_int_equal(p[i], 0);
    for (size_t i = sp.given; i < n * size; i += 512)
        assert_int_equal(p[i], 0xab);
    p[0] = 1; /* a page given back can be written again */
    assert_int_equal(p[0], 1);
    slot_pages_free(&sp);
}

/* Writes NFILES small articles, titled with their numbers. */
static void write_files(const char *dir)
{
    for (size_t i = 0; i < NFILES; i++) {
        char path[256];
        snprintf(path, sizeof path, "%s/a%05zu.md", dir, i);
        FILE *f = fopen(path, "w");
        assert_non_null(f);
        fprintf(f, "---\ntitle: Story %zu\n---\nA short story.\n", i);
        fclose(f);
    }
}

static void check_load(char *dir, unsigned threads, bool background)
{
    char *paths[] = {dir};
    struct pipeline_options opt = {.threads = threads, .background = background};
    struct pipeline p;
    struct tl_error err;
    assert_true(pipeline_start(&p, paths, 1, &opt, &err));
    while (background && pipeline_loading(&p))
        pipeline_take(&p, 7); /* a few at a time, as the reader takes them */
    pipeline_finish(&p);      /* else the caller's thread works too */
    assert_int_equal(p.corpus.narticles, NFILES);
    for (size_t i = 0; i < NFILES; i++) {
        char want[32];
        snprintf(want, sizeof want, "Story %zu", i);
        assert_string_equal(p.corpus.articles[i]->title, want);
    }
    pipeline_close(&p);
}

static void test_many_entries_load(void **state)
{
    (void)state;
    char dir[] = "/tmp/touchline-slots-XXXXXX";
    assert_non_null(mkdtemp(dir));
    write_files(dir);
    check_load(dir, 2, false);
    check_load(dir, 2, true);
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
    assert_int_equal(system(cmd), 0);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_given_back_reads_zero),
        cmocka_unit_test(test_many_entries_load),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
