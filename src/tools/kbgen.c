/* kbgen: a build-time tool that reads the built-in knowledge base (the YAML
 * files of src/kb/, embedded by embed) exactly as a user's file is read, and
 * writes the merged result as the static arrays of core/extract/kb_compiled.h,
 * so that touchline parses no YAML to start, and the extractor's matcher and
 * lexicon tables of that base, built by the same code as at run time, so that
 * it builds no hash table to start either. A bad file fails the build with
 * its path:line:col.
 * usage: kbgen OUT.c */
#include "core/extract/kb.h"
#include "core/extract/kb_builtin.h"
#include "core/extract/kb_compiled.h"
#include "core/base/buf.h"
#include "core/extract/kb_folded.h"
#include "core/extract/lexicon_table.h"
#include "core/extract/matcher_table.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The strings of the base, in order, each with its NUL: the arrays hold their
 * offsets (kb_compiled.h). */
static struct buf strings;

/* The offset of s in `strings`, added (KB_COMPILED_NULL for NULL). */
static uint32_t str_at(const char *s)
{
    if (!s)
        return KB_COMPILED_NULL;
    uint32_t at = (uint32_t)strings.len;
    buf_append(&strings, s, strlen(s) + 1);
    return at;
}

/* n bytes (NULs among them) as a C string literal, cut into lines; the
 * literal's own NUL follows them. */
static void put_bytes(FILE *out, const char *s, size_t n)
{
    fputs("\n    \"", out);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?')
            fputc(c, out);
        else
            fprintf(out, "\\%03o", c);
        if (!c && i + 1 < n && i % 64 > 48)
            fputs("\"\n    \"", out);
    }
    fputs("\"", out);
}

static void put_matcher(FILE *out, const struct matcher_table *t)
{
    fputs("static const struct matcher_slot matcher_slots[] = {\n", out);
    for (size_t i = 0; i < t->nslots; i++) {
        const struct matcher_slot *s = &t->slots[i];
        if (!s->len) {
            fputs("    {0},\n", out);
            continue;
        }
        fprintf(out,
                "    {0x%016" PRIx64 "u, %" PRIu32 "u, %" PRIu32 "u, %" PRIu32 "u, %" PRIu32
                "u, %" PRIu32 "u, %d, %d},\n",
                s->hash, s->key, s->len, s->parent, s->last, s->n, s->form, (int)s->extended);
    }
    fputs("};\nstatic const char matcher_keys[] =", out);
    put_bytes(out, t->keys, t->nkeys);
    fputs(";\nstatic const int matcher_forms[] = {", out);
    for (size_t i = 0; i < t->nforms; i++)
        fprintf(out, "%s%d,", i % 16 ? " " : "\n    ", t->forms[i]);
    fputs("\n    0};\n", out);
}

static void put_lexicon(FILE *out, const struct lex_table *t)
{
    fputs("static const struct lex_slot lex_slots[] = {\n", out);
    for (size_t i = 0; i < t->nslots; i++) {
        const struct lex_slot *s = &t->slots[i];
        if (!s->word) {
            fputs("    {0},\n", out);
            continue;
        }
        fprintf(out,
                "    {%" PRIu32 "u, 0x%08" PRIx32 "u, %u, %u, 0x%" PRIx32 "u, 0x%" PRIx32 "u},\n",
                s->word, s->hash, (unsigned)s->flags, (unsigned)s->role, s->lists, s->triggers);
    }
    fputs("};\nstatic const char lex_words[] =", out);
    put_bytes(out, t->words, t->nwords);
    fputs(";\n", out);
}

static void put_folded(FILE *out, const struct kb_folded *f)
{
    fputs("static const char folded_text[] =", out);
    put_bytes(out, f->text, f->ntext);
    fputs(";\nstatic const uint32_t folded_at[] = {", out);
    for (size_t i = 0; i < f->n; i++)
        fprintf(out, "%s%" PRIu32 "u,", i % 10 ? " " : "\n    ", f->at[i]);
    fputs("\n    0};\n", out);
}

static void put_words(FILE *out, const char *name, char *const *w, size_t n)
{
    fprintf(out, "static const uint32_t %s[] = {", name);
    for (size_t i = 0; i < n; i++)
        fprintf(out, "%s%" PRIu32 "u,", i % 10 ? " " : "\n    ", str_at(w[i]));
    fputs("\n    0};\n", out);
}

static void put_entries(FILE *out, const struct kb *kb)
{
    fputs("static const struct kb_compiled_entry entries[] = {\n", out);
    for (size_t i = 0; i < kb->nentries; i++) {
        const struct kb_entry *e = &kb->entries[i];
        uint32_t name = str_at(e->name), id = str_at(e->id);
        uint32_t country = str_at(e->country), league = str_at(e->league);
        fprintf(out, "    {%" PRIu32 "u, %" PRIu32 "u, %d, %d, %" PRIu32 "u, %" PRIu32 "u},\n",
                name, id, (int)e->kind, (int)e->role, country, league);
    }
    fputs("    {0, 0, 0, 0, 0, 0}};\n", out);
}

static void put_forms(FILE *out, const struct kb *kb)
{
    fputs("static const struct kb_compiled_form forms[] = {\n", out);
    for (size_t i = 0; i < kb->nforms; i++)
        fprintf(out, "    {%" PRIu32 "u, %d, %d},\n", str_at(kb->forms[i].text),
                (int)kb->forms[i].kind, kb->forms[i].entry);
    fputs("    {0, 0, 0}};\n", out);
}

static void put_kb(FILE *out, const struct kb *kb)
{
    const struct kb_lexicon *l = &kb->lex;
    struct matcher_table mt;
    struct lex_table lt;
    struct kb_folded kf;
    matcher_table_build(kb, &mt);
    lex_table_build(kb, &lt);
    kb_folded_build(kb, &kf);
    fputs("/* Generated by src/tools/kbgen.c from src/kb/; do not edit. */\n"
          "#include \"core/extract/kb_compiled.h\"\n\n",
          out);
    put_entries(out, kb);
    put_forms(out, kb);
    put_words(out, "given_names", l->given_names, l->ngiven);
    put_words(out, "particles", l->particles, l->nparticles);
    put_words(out, "not_names", l->not_names, l->nnot_names);
    put_words(out, "short_names", l->short_names, l->nshort);
    for (int r = 0; r <= ROLE_OTHER; r++) {
        char name[32];
        snprintf(name, sizeof name, "role_words_%d", r);
        put_words(out, name, l->role_words[r], l->nrole_words[r]);
    }
    put_matcher(out, &mt);
    put_lexicon(out, &lt);
    put_folded(out, &kf);
    fputs("static const char strings[] =", out);
    put_bytes(out, strings.data, strings.len);
    fputs(";\n", out);
    fprintf(out,
            "\nconst struct kb_compiled kb_compiled = {\n"
            "    strings, entries, %zu, forms, %zu,\n"
            "    {given_names, %zu}, {particles, %zu}, {not_names, %zu}, {short_names, %zu},\n"
            "    {",
            kb->nentries, kb->nforms, l->ngiven, l->nparticles, l->nnot_names, l->nshort);
    for (int r = 0; r <= ROLE_OTHER; r++)
        fprintf(out, "%s{role_words_%d, %zu}", r ? ", " : "", r, l->nrole_words[r]);
    fprintf(out,
            "},\n    {matcher_slots, %zu, %zu, %zu, matcher_keys, %zu, matcher_forms, %zu},\n"
            "    {lex_slots, %zu, lex_words, %zu},\n"
            "    {folded_text, %zu, folded_at, %zu}};\n",
            mt.nslots, mt.used, mt.max_tokens, mt.nkeys, mt.nforms, lt.nslots, lt.nwords, kf.ntext,
            kf.n);
    matcher_table_free(&mt);
    lex_table_free(&lt);
    kb_folded_free(&kf);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fputs("usage: kbgen OUT.c\n", stderr);
        return 2;
    }
    struct tl_error err = {0};
    struct kb *kb = kb_new_from_yaml(kb_builtin_files, &err);
    if (!kb) {
        fprintf(stderr, "kbgen: %s\n", err.msg);
        return 1;
    }
    /* Written beside and renamed, so a failed run leaves no half file that
     * the build would take as done. */
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]);
    FILE *out = fopen(tmp, "w");
    if (!out) {
        perror(tmp);
        kb_free(kb);
        return 1;
    }
    buf_init(&strings);
    put_kb(out, kb);
    buf_free(&strings);
    kb_free(kb);
    if (ferror(out) | (fclose(out) != 0) || rename(tmp, argv[1]) != 0) {
        perror(argv[1]);
        remove(tmp);
        return 1;
    }
    return 0;
}
