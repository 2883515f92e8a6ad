#!/bin/sh
# Input validation (issue 16): a record whose fields are not well formed
# (a year like abc, -5 or 23 digits, an empty report id, a value that is
# not a plain number, a trace that is not a count) is named on standard
# error with its line, becomes a bad_record error of its document in
# errors.tsv, and never a row; the good records of the stream load, and
# the load exits 1.
set -u
bin=${GK_BIN:-bin}
mk=tests/e2e/load_mkstream
. tests/e2e/load_lib
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (load/debian-packages)"; exit 77; }

sh $mk tests/corpus/synthetic/truth syn000 >"$t/s"
for y in abc -5 12345678901234567890123; do
	sh $mk tests/corpus/synthetic/truth syn001 "bad$(echo "$y" | tr -d -- -)" |
	    awk -F '\t' -v OFS='\t' -v y="$y" '$1 == "report" { $5 = y } { print }'
done >>"$t/s"
sh $mk tests/corpus/synthetic/truth syn002 emptyid | awk -F '\t' -v OFS='\t' '$1 == "report" { $2 = "" } { print }' >>"$t/s"
printf 'metric\tsyn000\trequests.new.person\t1,234\t\t1,234\t\tsyn000\t1\t\t\t\t\n' >>"$t/s"
printf 'metric\tsyn000\trequests.new.business\t5\t\t5\t\tsyn000\tx7\t\t\t\t\n' >>"$t/s"
"$bin/gk-load" "$t/d" <"$t/s" 2>"$t/err"
rc=$?
[ $rc -eq 1 ] || { cat "$t/err"; fail "exit $rc, expected 1"; }
for w in "YEAR 'abc' is not a year" "YEAR '-5' is not a year" "YEAR '12345678901234567890123' is not a year" \
    "REPORT '' is empty" "VALUE '1,234' is not a plain number" "SEQ 'x7' is not a count"; do
	grep -q "gk-load: line [0-9]*: .*$w.*: refused" "$t/err" || { cat "$t/err"; fail "not named on stderr: $w"; }
done
[ "$(rows "$t/d" reports | wc -l)" -eq 1 ] || fail "bad reports became rows: $(rows "$t/d" reports | cut -f1,4 | tr '\n' ' ')"
[ "$(report_of "$t/d" syn000)" != "" ] || fail "the good report did not load"
for y in abc 5 12345678901234567890123; do
	[ -z "$(report_of "$t/d" bad$y)" ] || fail "report with year $y loaded"
	rows "$t/d" metrics | grep -q "bad$y" && fail "a value of the report with year $y loaded"
done
rows "$t/d" metrics | awk -F '\t' '$5 == "requests.new.person" && $8 == "1,234"' | grep -q . && fail "the bad value became a row"
# one row per document and code: syn000's two bad values are one row
n=$(awk -F '\t' '$6 == "bad_record"' "$t/d/errors.tsv" | wc -l)
[ "$n" -eq 5 ] || { cat "$t/d/errors.tsv"; fail "$n bad_record errors in errors.tsv, expected 5"; }
awk -F '\t' '$1 == "syn000" && $6 == "bad_record"' "$t/d/errors.tsv" | grep "1,234" | grep -q "x7" ||
    fail "syn000's row does not hold both bad values"
awk -F '\t' '$6 == "bad_record" && $1 == "badabc"' "$t/d/errors.tsv" | grep -q "YEAR 'abc'" || fail "the error is not the document's"
# the values of the bad reports are not orphans either: nothing else loaded
[ "$(rows "$t/d" metrics | wc -l)" -eq "$(($(wc -l <tests/corpus/synthetic/truth/syn000.tsv) - 1))" ] || fail "values of refused reports loaded"
echo "validate: 6 bad records named, kept as errors of $n documents, none as a row"
