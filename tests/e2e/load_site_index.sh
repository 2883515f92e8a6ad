#!/bin/sh
# The site's pages across reports (index.html, the JSON index,
# agencies.html, checks.html, coverage.html, the agency pages), made from
# the site's index of the files a line at a time (load/site_index.c),
# say what the files say: the data set of tests/e2e/load_upsert (real
# truth files, legacy, gov2019 and gov2021, failed checks, a report
# without an agency) plus 120 generated reports (tests/bench/mkload.py);
# every count and list is worked out again here from reports/ and
# checks/ with awk, and compared.
set -u
bin=${GK_BIN:-bin}
mk=tests/e2e/load_mkstream
. tests/e2e/load_lib
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export SOURCE_DATE_EPOCH=1700000000
PY=/usr/bin/python3; [ -x $PY ] || PY=python3

for d in $(cut -f1 tests/corpus/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/truth "$d"
done >"$t/s"
for d in $(cut -f1 tests/corpus/synthetic/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/synthetic/truth "$d"
done >>"$t/s"
sh $mk tests/corpus/synthetic/truth syn001 bbbb000000000001 "" 2021 >>"$t/s"
$PY tests/bench/mkload.py 0 120 >>"$t/s"
"$bin/gk-load" -q "$t/d" "$t/s" || fail "load: exit $?"
d=$t/d/current
tsv "$t/d" reports >"$t/reports"
tsv "$t/d" checks >"$t/checks"
nrep=$(sed 1d "$t/reports" | wc -l)
[ "$nrep" -gt 130 ] || fail "only $nrep reports"

# index.json: every report in the files' order, each with its failed checks
awk -F '\t' 'NR > 1 { print $1 }' "$t/reports" >"$t/want"
grep -o '^{"id":"[^"]*"\|^\[\?{"id":"[^"]*"' "$d/site/index.json" |
    sed 's/.*"id":"//; s/"$//' >"$t/got"
cmp -s "$t/want" "$t/got" || { diff "$t/want" "$t/got" | head; fail "index.json: not every report in file order"; }
awk -F '\t' 'NR > 1 { n[$1]++ } END { for (r in n) print r, n[r] }' "$t/checks" | sort >"$t/want"
sed -n 's/^{"id":"\([^"]*\)".*"failed":\([0-9]*\),.*/\1 \2/p' "$d/site/index.json" |
    awk '$2 > 0' | sort >"$t/got"
cmp -s "$t/want" "$t/got" || { diff "$t/want" "$t/got" | head; fail "index.json: failed counts differ from checks/"; }
grep -q "<span id=\"shown\">$nrep reports</span>" "$d/index.html" || fail "index.html does not say $nrep reports"
[ "$(grep -c '^<tr id="r-' "$d/index.html")" -eq "$nrep" ] || fail "index.html does not list every report"

# agencies.html: one row per agency (by the files' agency column), with its
# count of reports; an agency page each
awk -F '\t' 'NR > 1 { n[$2]++ } END { for (a in n) print a "\t" n[a] }' "$t/reports" | sort >"$t/want"
sed -n 's|^<tr><td><a href="a/[0-9a-f]*.html">\([^<]*\)</a></td><td class="n">\([0-9]*\)</td>.*|\1\t\2|p' \
    "$d/site/agencies.html" | sort >"$t/got"
cmp -s "$t/want" "$t/got" || { diff "$t/want" "$t/got" | head; fail "agencies.html differs from reports/"; }
nag=$(wc -l <"$t/want")
grep -q "<span id=\"n-agencies\">$nag</span>" "$d/site/agencies.html" || fail "agencies.html: not $nag agencies"
[ "$(ls "$d/site/a" | wc -l)" -eq "$nag" ] || fail "not one page an agency"
# the agencies in name order
sed -n 's|^<tr><td><a href="a/[0-9a-f]*.html">\([^<]*\)</a>.*|\1|p' "$d/site/agencies.html" >"$t/got"
LC_ALL=C sort "$t/got" | cmp -s - "$t/got" || fail "agencies.html is not in name order"
# an agency page lists its reports, in the files' order
a=青岛市第3局 page=$(grep -l "<h1>$a</h1>" "$d/site/a/"*.html)
[ -n "$page" ] || fail "no page of $a"
awk -F '\t' -v a="$a" '$2 == a { print $1 }' "$t/reports" >"$t/want"
grep -o 'href="../r/[0-9a-f]*.html"' "$page" | sed 's|.*r/||; s|.html"||' >"$t/got"
cmp -s "$t/want" "$t/got" || fail "$a's page does not list its reports in order"
grep -q '<td class="n" data-series="requests.received">' "$page" || fail "$a's page has no series"

# checks.html: each check's count of failures
awk -F '\t' 'NR > 1 { n[$5]++ } END { for (c in n) print c, n[c] }' "$t/checks" | sort >"$t/want"
sed -n 's|^<h2 id="\([^"]*\)">.*<span class="badge bad">\([0-9]*\) failed</span></h2>$|\1 \2|p' \
    "$d/site/checks.html" | sort >"$t/got"
cmp -s "$t/want" "$t/got" || { diff "$t/want" "$t/got" | head; fail "checks.html differs from checks/"; }

# coverage.html: the holes, worked out from reports/ (years between an
# agency's first and last report, of the data set's years, with none)
awk -F '\t' 'NR > 1 && $4 != "" { y[$4] = 1; if (!($2 in f)) f[$2] = $4; l[$2] = $4; h[$2 "\t" $4] = 1 }
    END { for (a in f) for (x in y) if (x > f[a] && x < l[a] && !((a "\t" x) in h)) n++; print n + 0 }' \
    "$t/reports" >"$t/want"
sed -n 's|^<p id="n-holes">\([0-9]*\) holes.</p>$|\1|p' "$d/site/coverage.html" >"$t/got"
cmp -s "$t/want" "$t/got" || fail "coverage.html: $(cat "$t/got") holes, the files give $(cat "$t/want")"
[ "$(grep -c '^<tr><td>' "$d/site/coverage.html")" -eq "$(($(wc -l <"$d/coverage.tsv") - 1))" ] ||
    fail "coverage.html does not show every row of coverage.tsv"
echo "ok: the pages across reports = the files ($nrep reports, $nag agencies)"
