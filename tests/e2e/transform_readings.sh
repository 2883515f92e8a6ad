#!/bin/sh
# End to end: one document sent in several readings (`reading DOC NAME`,
# each followed by its paras and cells) is read reading by reading; the
# best is kept and named in `note REPORT reading NAME`; two complete
# readings that disagree give format_mismatch, an incomplete one gives
# none.  Seed 002's page, its cells sent twice.
set -u
bin=${GK_BIN:-bin}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin/gk-fetch" tests/corpus/docs/002_76275f96720f379e.html | "$bin/gk-extract" \
    >"$t/ext" || fail "gk-fetch | gk-extract"
doc=$(awk -F'\t' '$1 == "doc" { print $2; exit }' "$t/ext")
grep '^group\|^doc' "$t/ext" >"$t/head"
grep -v '^group\|^doc' "$t/ext" >"$t/body"

# two readings: $1 edits the first one's content, $2 the second's
readings() {
	cat "$t/head"
	printf 'reading\t%s\tgrid\n' "$doc"
	awk -F'\t' 'BEGIN { OFS = "\t" } '"$1"' { print }' "$t/body"
	printf 'reading\t%s\ttext\n' "$doc"
	awk -F'\t' 'BEGIN { OFS = "\t" } '"$2"' { print }' "$t/body"
}

# 1. the same twice: one report from the first, named, no mismatch
readings '' '' | "$bin/gk-transform" >"$t/out1" || fail "exit $?"
[ "$(grep -c '^report' "$t/out1")" = 1 ] || fail "1: want one report"
[ "$(grep -c '^metric' "$t/out1")" = 198 ] || fail "1: want 198 metrics"
grep -q "$(printf '^note\t[^\t]*\treading\tgrid$')" "$t/out1" ||
    fail "1: want note reading grid"
! grep -q format_mismatch "$t/out1" || fail "1: no mismatch expected"

# 2. the first reading lost a row: the second is kept, and the first,
# incomplete, is no second opinion
readings '$1 == "cell" && $9 == "行政许可" { $9 = "说明" }' '' |
    "$bin/gk-transform" >"$t/out2" || fail "exit $?"
grep -q "$(printf '^note\t[^\t]*\treading\ttext$')" "$t/out2" ||
    fail "2: want note reading text"
! grep -q format_mismatch "$t/out2" || fail "2: an incomplete reading gave a mismatch"
! grep -q template_shape "$t/out2" || fail "2: the kept reading is complete"

# 3. two complete readings that disagree on one figure: one mismatch,
# FOUND the other reading's value
readings '' '$1 == "cell" && $9 == "5146" { $9 = "5147" }' |
    "$bin/gk-transform" >"$t/out3" || fail "exit $?"
[ "$(grep -c format_mismatch "$t/out3")" = 1 ] || fail "3: want one format_mismatch"
awk -F'\t' '$1 == "check" && $3 == "format_mismatch" {
    exit !($4 == "requests.new.total" && $5 == "5146" && $6 == "5147@'"$doc"'" &&
    index($7, "text") > 0) }' "$t/out3" || fail "3: $(grep format_mismatch "$t/out3")"

# 4. a reading of a document never announced: a warning, the rest read
{ cat "$t/head"; printf 'reading\tffffffffffffffff\tgrid\n'; cat "$t/body"; } |
    "$bin/gk-transform" >"$t/out4" 2>"$t/err4" || fail "4: exit $?"
[ "$(grep -c '^metric' "$t/out4")" = 198 ] || fail "4: want 198 metrics"
grep -q 'reading record of a document without a doc record' "$t/err4" ||
    fail "4: want a warning"
echo ok
