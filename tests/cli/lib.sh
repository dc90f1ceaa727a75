# lib.sh: the pass/fail bookkeeping and the temporary folder that the CLI
# test scripts share. Source it after `set -u`. It defines ok, bad, check and
# cli_summary, and $tmp, which is removed on exit (a script that needs more
# cleanup sets its own trap, which replaces this one).
pass=0 fail=0
ok() { pass=$((pass + 1)); echo "ok - $1"; }
bad() { fail=$((fail + 1)); echo "FAIL - $1"; }
# check DESCRIPTION SHELL-CONDITION: passes when the condition holds.
check() { if eval "$2"; then ok "$1"; else bad "$1"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# The closing line test runners read, and the script's exit status.
cli_summary() {
    echo "$pass passed, $fail failed"
    [ "$fail" -eq 0 ]
}
