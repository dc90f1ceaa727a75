#!/usr/bin/env bash
# test_layers: the tree keeps its layers (check_layers.sh on src/), and the
# checker really catches each kind of violation, planted in a copy of src/.
# usage: test_layers.sh BINARY SOURCE_DIR (the binary is not used)
set -u
src=${2:?usage: test_layers.sh BINARY SOURCE_DIR}
check="$src/tests/arch/check_layers.sh"
bash "$check" "$src/src" || { echo "FAIL: src/ breaks its layers"; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
# plant FILE LINE: a copy of src/ with LINE added to FILE must fail the check.
plant() {
    rm -rf "$tmp/src"
    cp -r "$src/src" "$tmp/src"
    printf '%s\n' "$2" >>"$tmp/src/$1"
    if out=$(bash "$check" "$tmp/src" 2>&1); then
        echo "FAIL: '$2' in $1 was not caught"
        failures=$((failures + 1))
    else
        echo "caught: $out"
    fi
}
plant core/base/buf.c '#include "core/index/index.h"'
plant core/extract/kb.c '#include "core/pipeline/pipeline.h"'
plant core/load/article.c '#include <curses.h>'
plant core/index/index.c '#include "ui/keys.h"'
plant cli/list.c '#include "ui/ui.h"'
plant ui/list.c '#include "cli/cli.h"'
plant ui/list.c '#include <yaml.h>'
plant core/base/buf.c '#include "xalloc.h"'
plant core/base/buf.c '#include "../load/scan.h"'
[ "$failures" -eq 0 ] && echo "1 passed, 0 failed" || { echo "0 passed, 1 failed"; exit 1; }
