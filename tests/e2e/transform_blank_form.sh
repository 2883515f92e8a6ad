#!/bin/sh
# End to end: the blank official gov2021 form (every figure cell empty, some
# holding only U+3000) gives all 200 gov2021 keys, each with an empty value
# and the flag `blank`, and no failed check (blank counts as 0 everywhere).
set -u
bin=${GK_BIN:-bin}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
"$bin/gk-fetch" tests/realworld/docs/form2021.docx | "$bin/gk-extract" |
    "$bin/gk-transform" >"$t/out" || fail "chain exit status $?"
awk -F'\t' '$1 == "report" { exit !($6 == "gov2021") }' "$t/out" || fail "template"
n=$(awk -F'\t' '$1 == "metric" && $4 == "" && $7 == "blank"' "$t/out" | sort -u | wc -l)
[ "$n" = 200 ] || fail "want 200 blank values, got $n"
[ "$(grep -c '^metric' "$t/out")" = 200 ] || fail "want exactly 200 metrics"
! grep -q '^check' "$t/out" || fail "false check: $(grep '^check' "$t/out" | head -3)"
echo ok
