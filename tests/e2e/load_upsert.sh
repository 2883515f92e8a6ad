#!/bin/sh
# gk-load keeps one report per agency and year, and a load changes only
# what its stream changes: the values that land in metrics/ and checks/
# are exactly the truth's; loading the same stream twice makes no new
# generation and changes no byte; the order of loads does not matter;
# reloading a report under another year moves it (and only it); errors
# are kept by document and code, and known ones do not fail a load again.
set -u
bin=${GK_BIN:-bin}
mk=tests/e2e/load_mkstream
. tests/e2e/load_lib
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# the site's generation time: fixed, so that two data sets compare
export SOURCE_DATE_EPOCH=1700000000
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (load/debian-packages)"; exit 77; }

seeds=$(cut -f1 tests/corpus/truth/reports.tsv | sed 1d)
syns=$(cut -f1 tests/corpus/synthetic/truth/reports.tsv | sed 1d)
for d in $seeds; do sh $mk tests/corpus/truth "$d"; done >"$t/seeds"
for d in $syns; do sh $mk tests/corpus/synthetic/truth "$d"; done >"$t/syns"
cat "$t/seeds" "$t/syns" >"$t/all"

"$bin/gk-load" "$t/a" <"$t/all" || fail "first load: exit $?"
for f in reports metrics checks series sources wide-gov2019 wide-gov2021; do
	[ -n "$(rows "$t/a" $f)" ] || fail "$f/ is empty"
done
for f in agencies.tsv coverage.tsv errors.tsv dictionary.tsv index.html gk.sqlite; do
	[ -e "$t/a/$f" ] || fail "$f missing"
done

# metrics/ holds each report's truth rows, in the truth's order.
for pair in $(for d in $seeds; do echo "tests/corpus/truth:$d"; done) \
    $(for d in $syns; do echo "tests/corpus/synthetic/truth:$d"; done); do
	dir=${pair%%:*} d=${pair#*:}
	r=$(report_of "$t/a" "$d")
	[ -n "$r" ] || fail "$d: no report"
	rows "$t/a" metrics | awk -F '\t' -v OFS='\t' -v r="$r" \
	    '$1 == r { print $5, $6, $8, $7, $9 }' >"$t/got"
	# a value is a number: 100.492880 is kept as 100.49288
	sed 1d "$dir/$d.tsv" | awk -F '\t' -v OFS='\t' '$2 ~ /\./ {
	    sub(/0+$/, "", $2); sub(/\.$/, "", $2) } { print }' >"$t/want"
	cmp -s "$t/got" "$t/want" || { diff "$t/want" "$t/got" | head; fail "$d: metrics differ from truth" >&2; }
	echo "$d	$r"
done >"$t/ids"
# checks/ holds exactly the truth's failed checks (no carry_chain here:
# no agency has two consecutive years in these corpora).
cat tests/corpus/truth/checks.tsv tests/corpus/synthetic/truth/checks.tsv |
    grep -v '^doc	' | sort >"$t/want"
rows "$t/a" checks | awk -F '\t' -v OFS='\t' 'NR == FNR { c[$2] = $1; next }
    { print c[$1], $5, $6, $7, $8 }' "$t/ids" - | sort >"$t/got"
cmp -s "$t/got" "$t/want" || { diff "$t/want" "$t/got" | head; fail "checks differ from truth"; }
n=$(rows "$t/a" reports | wc -l)
[ "$n" -eq 17 ] || fail "reports/ has $n rows, expected 17"
# wide: one row per report of the template, 4 + 198 / 200 columns.
[ "$(rows "$t/a" wide-gov2019 | wc -l)" -eq \
    "$(rows "$t/a" reports | awk -F '\t' '$5 == "gov2019"' | wc -l)" ] || fail "wide-gov2019 rows"
[ "$(tsv "$t/a" wide-gov2019 | head -1 | awk -F '\t' '{ print NF }')" -eq 202 ] || fail "wide-gov2019 columns"
[ "$(tsv "$t/a" wide-gov2021 | head -1 | awk -F '\t' '{ print NF }')" -eq 204 ] || fail "wide-gov2021 columns"
# The wide cell is the long row's value (syn001's requests.new.total).
r=$(report_of "$t/a" syn001)
col=$(tsv "$t/a" wide-gov2021 | head -1 | tr '\t' '\n' | grep -n -x 'requests.new.total' | cut -d: -f1)
w=$(rows "$t/a" wide-gov2021 | awk -F '\t' -v c="$col" -v r="$r" '$1 == r { print $c }')
l=$(rows "$t/a" metrics | awk -F '\t' -v r="$r" '$1 == r && $5 == "requests.new.total" { print $6 }')
[ -n "$l" ] && [ "$w" = "$l" ] || fail "wide syn001 requests.new.total '$w' != '$l'"

# Partitions by year, each sorted by year, agency, report.
for f in "$t/a"/reports/*.tsv; do
	y=$(basename "$f" .tsv)
	sed 1d "$f" | awk -F '\t' -v y="$y" '$4 != y { exit 1 }' || fail "$f holds another year"
	sed 1d "$f" | awk -F '\t' -v OFS='\t' '{ print $4, $2, $1 }' |
	    LC_ALL=C sort -c -t '	' || fail "$f not sorted by year, agency, report"
done

# Twice: no new generation, no byte changed.
g=$(gen "$t/a")
cp -RL "$t/a/current" "$t/a1"
"$bin/gk-load" "$t/a" <"$t/all" || fail "second load: exit $?"
[ "$(gen "$t/a")" = "$g" ] || fail "the same stream again made a new generation"
diff -r "$t/a1" "$t/a/current/" >/dev/null || fail "the same stream again changed a file"

# The order of loads does not matter.
"$bin/gk-load" "$t/b" <"$t/syns" && "$bin/gk-load" "$t/b" <"$t/seeds" || fail "split loads"
for f in reports metrics checks series sources wide-gov2019 wide-gov2021; do
	tsv "$t/a" $f >"$t/x"; tsv "$t/b" $f >"$t/y"
	cmp -s "$t/x" "$t/y" || fail "$f: seeds then syns != all at once"
done
for f in agencies.tsv coverage.tsv index.html; do
	cmp -s "$t/a/$f" "$t/b/$f" || fail "$f: seeds then syns != all at once"
done

# Reload one report as another year, with another value and no checks:
# it moves to that year; nothing else changes.
old=$(report_of "$t/a" syn005)
sh $mk tests/corpus/synthetic/truth syn005 syn005 "胶州市九龙街道办事处" 2018 |
    awk -F '\t' -v OFS='\t' '$1 == "metric" && $3 == "requests.new.person" { $4 = "777"; $6 = "777" } { print }' |
    grep -v '^check' >"$t/one"
"$bin/gk-load" "$t/a" <"$t/one" || fail "reload of one report"
new=$(report_of "$t/a" syn005)
[ -n "$new" ] && [ "$new" != "$old" ] || fail "syn005 did not move to a report of 2018"
for f in reports metrics checks series wide-gov2019 wide-gov2021; do
	(cd "$t/a1" && awk 'FNR > 1' $f/*.tsv) | grep -v -e "$old" -e "$new" >"$t/old"
	rows "$t/a" $f | grep -v -e "$old" -e "$new" >"$t/new"
	cmp -s "$t/old" "$t/new" || fail "$f: rows of other reports changed"
done
rows "$t/a" reports | grep -q "^$old	" && fail "the report syn005 left is still there"
rows "$t/a" reports | awk -F '\t' -v r="$new" '$1 == r && $4 != "2018" { exit 1 }' || fail "syn005 kept its old year"
rows "$t/a" metrics | awk -F '\t' -v r="$new" '$1 == r && $5 == "requests.new.person" { v = $6 } END { exit v != "777" }' || fail "syn005 value not replaced"
rows "$t/a" checks | grep -q -e "$old" -e "$new" && fail "syn005's old checks kept"
(cd "$t/a1" && cat checks/*.tsv) | grep -q "$old" || fail "syn005 had no checks to drop (test data)"
[ -f "$t/a/reports/2019.tsv" ] && fail "reports/2019.tsv left with no report in it"

# errors.tsv is keyed by document and code: an error stays until its
# document loads well (here syn001, as a report's SOURCE), a second load
# does not repeat it, and an error seen before does not fail the load.
printf 'error\tsyn001\textract\tcorrupt\tbroken xref\nerror\tdeadbeef\tfetch\thttp\t404\n' >"$t/err"
"$bin/gk-load" "$t/a" <"$t/err"; [ $? -eq 1 ] || fail "new errors: exit status not 1"
"$bin/gk-load" "$t/a" <"$t/err"; [ $? -eq 0 ] || fail "errors seen before: exit status not 0"
[ "$(sed 1d "$t/a/errors.tsv" | wc -l)" -eq 2 ] || fail "errors repeated on reload"
sh $mk tests/corpus/synthetic/truth syn001 | "$bin/gk-load" "$t/a" || fail "reload syn001"
[ "$(sed 1d "$t/a/errors.tsv" | cut -f1)" = deadbeef ] || fail "syn001's error not cleared by its good load"
echo "upsert: ok ($n reports)"
