/* cli/extract: `touchline extract [--pretty] PATH...`, the JSON Lines
 * contract: one object per article, in argument order (folders expanded in
 * load order). */
#include "cli/cli.h"
#include "core/base/heap_pages.h"
#include "core/index/export.h"

#include <stdio.h>

/* Articles' JSON is written out in chunks of at least this many bytes. */
enum { OUT_CHUNK = 64 * 1024 };

int cmd_extract(int argc, char **argv, const struct startup_globals *g)
{
    static const struct option opts[] = {
        {"pretty", no_argument, NULL, 'p'}, {"help", no_argument, NULL, 'h'}, {0}};
    bool pretty = false;
    int ch;
    optind = 0;
    while ((ch = cli_next_option("extract", argc, argv, "ph", opts)) != -1) {
        if (ch == 'p') {
            pretty = true;
        } else if (ch == 'h') {
            puts("usage: touchline extract [--pretty] PATH...\n"
                 "Entities and facts of every article as JSON Lines, in argument order.");
            return EXIT_OK;
        } else {
            return EXIT_USAGE;
        }
    }
    char **dflt = NULL; /* no PATH: the config's articles and feeds_dir */
    size_t ndflt = optind >= argc ? cli_default_paths(g, &dflt) : 0;
    if (optind >= argc && !ndflt) {
        startup_free_paths(dflt, 0);
        return startup_usage_error("extract: expected at least one PATH");
    }
    /* the articles, extractions and index are kept to the end: their heap
     * on huge pages saves a page fault per 4 KiB of them */
    heap_pages_reserve(30u << 20);
    struct pipeline p;
    bool opened = ndflt ? cli_open_pipeline(&p, dflt, (int)ndflt, g)
                        : cli_open_pipeline(&p, argv + optind, argc - optind, g);
    startup_free_paths(dflt, ndflt);
    if (!opened) {
        heap_pages_release();
        return EXIT_USAGE;
    }
    struct buf out;
    buf_init(&out);
    for (size_t i = 0; i < p.corpus.narticles; i++) {
        export_article_json(&out, &p.index, i, pretty);
        buf_putc(&out, '\n');
        if (out.len >= OUT_CHUNK) {
            fwrite(out.data, 1, out.len, stdout);
            buf_reset(&out);
        }
    }
    if (out.len)
        fwrite(out.data, 1, out.len, stdout);
    buf_free(&out);
    int status = cli_status(&p.corpus, p.corpus.narticles > 0);
    pipeline_close(&p);
    heap_pages_release();
    return status;
}
