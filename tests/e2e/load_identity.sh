#!/bin/sh
# One report per agency and year.
#  1. The same report found at three URLs is one report with three places
#     in sources/; found again under another folder, it is the same
#     report (the id does not depend on where it was found).
#  2. A copy that disagrees in one figure: still one report, and a
#     format_mismatch check naming the figure.
#  3. Another document claiming the same agency and year (other figures):
#     kept as a report of its own, duplicate_report on both.
#  4. make demo's data (the mirror of the site, crawled): the city's 2020
#     report, found at six URLs, is one report, and the page's figures
#     are the sums over the distinct reports.
set -u
bin=${GK_BIN:-bin}
mk=tests/e2e/load_mkstream
. tests/e2e/load_lib
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (load/debian-packages)"; exit 77; }
city=002_76275f96720f379e

# mkstream gives every copy its own page URL (.../zwgk/COPY.shtml)
for c in city-a city-b city-c; do
	sh $mk tests/corpus/truth $city $c
done >"$t/s1"
"$bin/gk-load" "$t/d" <"$t/s1" || fail "three copies"
[ "$(rows "$t/d" reports | wc -l)" -eq 1 ] || fail "three copies of one report: $(rows "$t/d" reports | wc -l) reports"
r=$(report_of "$t/d" city-a)
[ "$(report_of "$t/d" city-b)" = "$r" ] && [ "$(report_of "$t/d" city-c)" = "$r" ] || fail "copies in different reports"
[ "$(rows "$t/d" sources | awk -F '\t' -v r="$r" '$1 == r' | wc -l)" -eq 3 ] || fail "sources/ does not list the three places"
[ "$(rows "$t/d" reports | cut -f12)" = 3 ] || fail "reports/ sources is not 3"
want=$(awk -F '\t' '$1 == "requests.new.total" { print $2 }' tests/corpus/truth/$city.tsv)
got=$(rows "$t/d" series | awk -F '\t' '$4 == "requests.received" { s += $5 } END { print s }')
[ "$got" = "$want" ] || fail "requests.received summed over the data set: $got, expected $want once"
[ -z "$(rows "$t/d" checks | grep -v -e row_total -e closed_total -e balance)" ] || fail "identical copies gave checks"
# another folder, another name: the same report
sh $mk tests/corpus/truth $city moved | sed 's|/zwgk/moved\.shtml|/other/folder/2021/moved.shtml|' >"$t/s2"
grep -q /other/folder/ "$t/s2" || fail "test data: the page did not move"
"$bin/gk-load" "$t/d" <"$t/s2" || fail "moved copy"
[ "$(report_of "$t/d" moved)" = "$r" ] || fail "the report found in another folder is another report"
[ "$(rows "$t/d" reports | wc -l)" -eq 1 ] || fail "moved: more than one report"
echo "one report at four places: $r"

# 2. A copy that disagrees in one figure.
sh $mk tests/corpus/truth $city city-d |
    awk -F '\t' -v OFS='\t' '$1 == "metric" && $3 == "requests.granted.person" { $4 = $4 + 7; $6 = $4 } { print }' >"$t/s3"
"$bin/gk-load" "$t/d" <"$t/s3" || fail "disagreeing copy"
[ "$(rows "$t/d" reports | wc -l)" -eq 1 ] || fail "a disagreeing copy made a second report"
[ "$(report_of "$t/d" city-d)" = "$r" ] || fail "the disagreeing copy is not a copy of the report"
rows "$t/d" checks | awk -F '\t' '$5 == "format_mismatch" && $6 == "requests.granted.person"' | grep -q . ||
    fail "no format_mismatch for requests.granted.person"
echo "a copy that disagrees in one figure: format_mismatch $(rows "$t/d" checks | awk -F '\t' '$5 == "format_mismatch" { print $6 ": " $7 " vs " $8; exit }')"

# 3. Another document with the same agency and year.
sh $mk tests/corpus/synthetic/truth syn000 other-doc "青岛市人民政府" 2020 >"$t/s4"
"$bin/gk-load" "$t/d" <"$t/s4" || fail "another document"
[ "$(rows "$t/d" reports | wc -l)" -eq 2 ] || fail "another document of the same agency and year: $(rows "$t/d" reports | wc -l) reports, expected 2"
o=$(report_of "$t/d" other-doc)
[ "$o" != "$r" ] || fail "another document merged into the report"
for x in "$r:$o" "$o:$r"; do
	rows "$t/d" checks | awk -F '\t' -v a="${x%%:*}" -v b="${x#*:}" \
	    '$1 == a && $5 == "duplicate_report" && $6 == b' | grep -q . || fail "no duplicate_report on ${x%%:*} naming ${x#*:}"
done
echo "another document claiming 青岛市人民政府 2020: kept apart as $o, duplicate_report on both"

# 4. The demo's data.
set --
for col in zwgk/zdgk/ndbg zwgk/xxgk/bm/ndbg zwgk/qxgk/ndbg zwgk/qxgk/fjlb \
    zwgk/szfgk/gknb ywdt/zwzl/ndbg zwgk/xxgk/bmnb; do
	set -- "$@" --start "file://$PWD/tests/site/www/$col/index.shtml"
done
"$bin/gk-fetch" --state "$t/st" "$@" 2>/dev/null | "$bin/gk-extract" 2>/dev/null |
    "$bin/gk-transform" 2>/dev/null | "$bin/gk-load" "$t/demo" 2>/dev/null
[ $? -le 1 ] || fail "the demo's chain"
dups=$(rows "$t/demo" reports | cut -f2,4 | sort | uniq -d)
for p in $dups; do :; done
rows "$t/demo" reports | cut -f2,4 | sort | uniq -d >"$t/dups"
while IFS= read -r k; do
	n=$(rows "$t/demo" checks | awk -F '\t' -v k="$k" '$2 "\t" $3 == k && $5 == "duplicate_report"' | wc -l)
	[ "$n" -gt 0 ] || fail "two reports of $k, not flagged"
done <"$t/dups"
n=$(rows "$t/demo" reports | awk -F '\t' '$2 == "青岛市人民政府" && $4 == 2020' | wc -l)
[ "$n" -eq 1 ] || fail "the city's 2020 report is $n reports"
cr=$(rows "$t/demo" reports | awk -F '\t' '$2 == "青岛市人民政府" && $4 == 2020 { print $1 }')
np=$(rows "$t/demo" sources | awk -F '\t' -v r="$cr" '$1 == r { print $3 }' | sort -u | wc -l)
[ "$np" -ge 6 ] || fail "the city's 2020 report found at $np pages, expected 6"
# the page's 2020 figures: the sums of series/ over the distinct reports
for s in received:requests.received granted:requests.granted denied:requests.denied carried_out:requests.carried_out; do
	want=$(rows "$t/demo" series | awk -F '\t' -v s="${s#*:}" '$3 == 2020 && $4 == s { v += $5 } END { print v + 0 }')
	got=$(sed -n 's|.*<tr data-year="2020"><th>2020</th>\(.*\)</tr>|\1|p' "$t/demo/index.html" |
	    grep -o "data-series=\"${s%%:*}\">[0-9.]*<" | sed 's/.*>//; s/<//')
	[ "$got" = "$want" ] || fail "index.html 2020 ${s%%:*}: $got, the sum over distinct reports $want"
done
echo "demo: $(rows "$t/demo" reports | wc -l) reports, the city's 2020 one once (at $np pages); the page's 2020 figures are the sums over distinct reports"
echo "identity: ok"
