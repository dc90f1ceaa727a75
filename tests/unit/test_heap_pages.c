/* test_heap_pages: after heap_pages_reserve, malloc hands out memory from
 * a huge-page boundary of a mapping the kernel has marked for huge pages;
 * a second reserve, or one smaller than two huge pages, does nothing. */
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, madvise, MADV_HUGEPAGE */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

#include "core/base/heap_pages.h"

enum { HUGE_PAGE = 2 * 1024 * 1024 };

/* Whether the kernel takes the huge-page hint on an anonymous mapping (it
 * is built with transparent huge pages), as heap_pages_reserve asks it. */
static bool kernel_takes_hint(void)
{
    size_t size = 2 * HUGE_PAGE;
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED)
        return false;
    bool takes = madvise(p, size, MADV_HUGEPAGE) == 0;
    munmap(p, size);
    return takes;
}

/* The VmFlags line of the mapping of /proc/self/smaps holding `p`. */
static bool mapping_flags(const void *p, char *flags, size_t size)
{
    FILE *f = fopen("/proc/self/smaps", "r");
    if (!f)
        return false;
    char line[512];
    bool inside = false, found = false;
    while (!found && fgets(line, sizeof line, f)) {
        unsigned long lo, hi;
        if (sscanf(line, "%lx-%lx ", &lo, &hi) == 2)
            inside = (uintptr_t)p >= lo && (uintptr_t)p < hi;
        else if (inside && !strncmp(line, "VmFlags:", 8)) {
            snprintf(flags, size, "%s", line + 8);
            found = true;
        }
    }
    fclose(f);
    return found;
}

static void test_reserve(void **state)
{
    (void)state;
    bool can = heap_pages_supported() && kernel_takes_hint();
    assert_false(heap_pages_reserve(HUGE_PAGE)); /* too small to hold a huge page */
    bool marked = heap_pages_reserve(8 * HUGE_PAGE);
    char *p = malloc(HUGE_PAGE / 2); /* the first block after it: at the boundary */
    assert_non_null(p);
    assert_int_equal(marked, can);
    if (!marked) {
        free(p);
        return;
    }
    assert_int_equal((uintptr_t)p % HUGE_PAGE, 0);
    char flags[512];
    assert_true(mapping_flags(p, flags, sizeof flags));
    assert_non_null(strstr(flags, " hg"));
    memset(p, 1, HUGE_PAGE / 2);
    free(p);
    assert_false(heap_pages_reserve(8 * HUGE_PAGE)); /* once only */
    heap_pages_release();                            /* the block below the boundary */
    assert_false(heap_pages_reserve(8 * HUGE_PAGE)); /* still once only */
}

int main(void)
{
    const struct CMUnitTest tests[] = {cmocka_unit_test(test_reserve)};
    return cmocka_run_group_tests(tests, NULL, NULL);
}
