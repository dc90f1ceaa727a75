#!/usr/bin/env bash
# accuracy.sh: scores `touchline extract` against the gold labels in
# ../shared/eval (entity F1, fact F1, subject accuracy). Skips cleanly when
# ../shared is absent.
# usage: tests/bench/accuracy.sh [BINARY] [--explain]
set -eu
here=$(cd "$(dirname "$0")/../.." && pwd)
bin=${1:-$here/build/touchline}
shift || true
shared=$here/../shared
if [ ! -x "$shared/eval/score" ] || [ ! -d "$shared/eval/dev" ]; then
    echo "accuracy: ../shared/eval not found; skipped"
    exit 0
fi
out=$(mktemp)
trap 'rm -f "$out"' EXIT
files=()
for g in "$shared"/eval/dev/*.json; do
    files+=("$shared/corpus/bbc-football/$(basename "$g" .json).txt")
done
"$bin" extract "${files[@]}" >"$out"
"$shared/eval/score" --gold "$shared/eval/dev" "$@" "$out"
