#!/bin/sh
# gk-load upserts by REPORT: the values that land in metrics.tsv and
# checks.tsv are exactly the truth's; loading the same stream twice changes
# no byte of any file; reloading one report replaces its rows and only its
# rows; the order of loads does not matter.
set -u
bin=${GK_BIN:-bin}
mk=tests/e2e/load_mkstream
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# the site's generation time: fixed, so that two data sets compare
export SOURCE_DATE_EPOCH=1700000000

seeds=$(cut -f1 tests/corpus/truth/reports.tsv | sed 1d)
syns=$(cut -f1 tests/corpus/synthetic/truth/reports.tsv | sed 1d)
for d in $seeds; do sh $mk tests/corpus/truth "$d"; done >"$t/seeds"
for d in $syns; do sh $mk tests/corpus/synthetic/truth "$d"; done >"$t/syns"
cat "$t/seeds" "$t/syns" >"$t/all"

"$bin/gk-load" "$t/a" <"$t/all" || fail "first load: exit $?"
for f in reports metrics checks errors wide-gov2019 wide-gov2021; do
	[ -s "$t/a/$f.tsv" ] || fail "$f.tsv missing"
done
[ -s "$t/a/index.html" ] || fail "index.html missing"

# metrics.tsv holds each report's truth rows, in the truth's order.
for pair in $(for d in $seeds; do echo "tests/corpus/truth:$d"; done) \
    $(for d in $syns; do echo "tests/corpus/synthetic/truth:$d"; done); do
	dir=${pair%%:*} d=${pair#*:}
	awk -F '\t' -v OFS='\t' -v d="$d" '$1 == d { print $5, $6, $8, $7, $9 }' \
	    "$t/a/metrics.tsv" >"$t/got"
	sed 1d "$dir/$d.tsv" >"$t/want"
	cmp -s "$t/got" "$t/want" || { diff "$t/want" "$t/got" | head; fail "$d: metrics differ from truth"; }
done
# checks.tsv holds exactly the truth's failed checks (no carry_chain here:
# no agency has two consecutive years in these corpora).
cat tests/corpus/truth/checks.tsv tests/corpus/synthetic/truth/checks.tsv |
    grep -v '^doc	' | sort >"$t/want"
sed 1d "$t/a/checks.tsv" | cut -f1,5- | sort >"$t/got"
cmp -s "$t/got" "$t/want" || { diff "$t/want" "$t/got" | head; fail "checks differ from truth"; }
n=$(sed 1d "$t/a/reports.tsv" | wc -l)
[ "$n" -eq 17 ] || fail "reports.tsv has $n rows, expected 17"
# wide: one row per report of the template, 4 + 198 / 200 columns.
[ "$(sed 1d "$t/a/wide-gov2019.tsv" | wc -l)" -eq \
    "$(awk -F '\t' '$4 == "gov2019"' "$t/a/reports.tsv" | wc -l)" ] || fail "wide-gov2019 rows"
[ "$(head -1 "$t/a/wide-gov2019.tsv" | awk -F '\t' '{ print NF }')" -eq 202 ] || fail "wide-gov2019 columns"
[ "$(head -1 "$t/a/wide-gov2021.tsv" | awk -F '\t' '{ print NF }')" -eq 204 ] || fail "wide-gov2021 columns"
# The wide cell is the long row's value (syn001's requests.new.total).
col=$(head -1 "$t/a/wide-gov2021.tsv" | tr '\t' '\n' | grep -n -x 'requests.new.total' | cut -d: -f1)
w=$(awk -F '\t' -v c="$col" '$1 == "syn001" { print $c }' "$t/a/wide-gov2021.tsv")
l=$(awk -F '\t' '$1 == "syn001" && $5 == "requests.new.total" { print $6 }' "$t/a/metrics.tsv")
[ -n "$l" ] && [ "$w" = "$l" ] || fail "wide syn001 requests.new.total '$w' != '$l'"

# Sorted by year, agency, report.
sed 1d "$t/a/reports.tsv" | cut -f1-3 | awk -F '\t' -v OFS='\t' '{ print $3, $2, $1 }' >"$t/keys"
LC_ALL=C sort -c -t '	' "$t/keys" || fail "reports.tsv not sorted by year, agency, report"

# Twice: byte for byte the same.
cp -r "$t/a" "$t/a1"
"$bin/gk-load" "$t/a" <"$t/all" || fail "second load: exit $?"
for f in "$t/a1"/*; do
	diff -r "$f" "$t/a/$(basename "$f")" >/dev/null || fail "$(basename "$f") changed on reload"
done

# The order of loads does not matter.
"$bin/gk-load" "$t/b" <"$t/syns" && "$bin/gk-load" "$t/b" <"$t/seeds" || fail "split loads"
for f in "$t/a1"/*.tsv "$t/a1/index.html" "$t/a1/site"; do
	diff -r "$f" "$t/b/$(basename "$f")" >/dev/null || fail "$(basename "$f"): seeds then syns != all at once"
done

# Replace one report: syn005 comes again as another year, with another
# value and one check fewer.  Its rows change everywhere; no other row does.
sh $mk tests/corpus/synthetic/truth syn005 syn005 "胶州市九龙街道办事处" 2018 |
    awk -F '\t' -v OFS='\t' '$1 == "metric" && $3 == "requests.new.person" { $4 = "777"; $6 = "777" } { print }' |
    grep -v '^check' >"$t/one"
"$bin/gk-load" "$t/a" <"$t/one" || fail "reload of one report"
for f in reports metrics checks errors wide-gov2019 wide-gov2021; do
	grep -v 'syn005' "$t/a1/$f.tsv" >"$t/old"
	grep -v 'syn005' "$t/a/$f.tsv" >"$t/new"
	cmp -s "$t/old" "$t/new" || fail "$f.tsv: rows of other reports changed"
done
[ "$(grep -c 'syn005' "$t/a/metrics.tsv")" -eq "$(grep -c 'syn005' "$t/a1/metrics.tsv")" ] || fail "syn005 metric count"
awk -F '\t' '$1 == "syn005" && $3 != "2018" { exit 1 }' "$t/a/metrics.tsv" || fail "syn005 kept its old year"
awk -F '\t' '$1 == "syn005" && $5 == "requests.new.person" { v = $6 } END { exit v != "777" }' "$t/a/metrics.tsv" || fail "syn005 value not replaced"
grep -q 'syn005' "$t/a/checks.tsv" && fail "syn005's old checks kept"
grep -q 'syn005' "$t/a1/checks.tsv" || fail "syn005 had no checks to drop (test data)"
# ... and it moved to its new place in the sort.
sed 1d "$t/a/reports.tsv" | awk -F '\t' -v OFS='\t' '{ print $3, $2, $1 }' | LC_ALL=C sort -c -t '	' || fail "not sorted after reload"

# errors.tsv is keyed by DOC: an error stays until its document loads
# well (here: syn001 as a report's SOURCE), and a reload does not repeat it.
printf 'error\tsyn001\textract\tcorrupt\tbroken xref\nerror\tdeadbeef\tfetch\thttp\t404\n' >"$t/err"
"$bin/gk-load" "$t/a" <"$t/err"; [ $? -eq 1 ] || fail "error records: exit status not 1"
"$bin/gk-load" "$t/a" <"$t/err"
[ "$(sed 1d "$t/a/errors.tsv" | wc -l)" -eq 2 ] || fail "errors repeated on reload"
sh $mk tests/corpus/synthetic/truth syn001 | "$bin/gk-load" "$t/a" || fail "reload syn001"
[ "$(sed 1d "$t/a/errors.tsv" | cut -f1)" = deadbeef ] || fail "syn001's error not cleared by its good load"
echo "upsert: ok ($n reports)"
