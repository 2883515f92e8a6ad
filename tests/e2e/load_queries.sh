#!/bin/sh
# The README's five journalist queries, run as the README writes them on
# a data set of the corpus (two nights: a revised figure on the second),
# each answer checked against the TSV files.
set -u
bin=${GK_BIN:-bin}
mk=tests/e2e/load_mkstream
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (load/debian-packages)"; exit 77; }

for d in $(cut -f1 tests/corpus/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/truth "$d"; done >"$t/s1"
for d in $(cut -f1 tests/corpus/synthetic/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/synthetic/truth "$d"; done >>"$t/s1"
SOURCE_DATE_EPOCH=1700000000 "$bin/gk-load" "$t/data" <"$t/s1" || fail "night 1: exit $?"
awk -F '\t' -v OFS='\t' '$1 == "metric" && $3 == "requests.granted.total" && !done { $4 = $4 + 1; $6 = $4; done = 1 } { print }' "$t/s1" >"$t/s2"
SOURCE_DATE_EPOCH=1700086400 "$bin/gk-load" "$t/data" <"$t/s2" || fail "night 2: exit $?"

grep '^    sqlite3 -header data/gk.sqlite ' README.md >"$t/q"
[ "$(wc -l <"$t/q")" -eq 5 ] || fail "the README has $(wc -l <"$t/q") queries, expected 5"
i=0
while read -r line; do
	i=$((i + 1))
	(cd "$t" && eval "$line") >"$t/a$i" 2>"$t/e$i" || { cat "$t/e$i"; fail "query $i failed: $line"; }
	[ -s "$t/e$i" ] && { cat "$t/e$i"; fail "query $i complains"; }
	[ "$(wc -l <"$t/a$i")" -ge 2 ] || fail "query $i gives no row"
done <"$t/q"
d=$t/data
# 1: the largest requests.received of 2020, as series.tsv says
want=$(awk -F '\t' '$4 == "requests.received" && $3 == 2020 && $5 != "" { print $5 "|" $2 }' "$d/series.tsv" | sort -t '|' -k1,1nr -k2 | head -1)
got=$(sed -n 2p "$t/a1" | awk -F '|' '{ print $2 "|" $1 }')
[ "$got" = "$want" ] || fail "query 1: $got, series.tsv says $want"
# 2: every such series row of the city
n=$(awk -F '\t' '$2 == "青岛市人民政府" && ($4 == "requests.received" || $4 == "requests.granted" || $4 == "requests.partial" || $4 == "requests.denied")' "$d/series.tsv" | wc -l)
[ "$(sed 1d "$t/a2" | wc -l)" -eq "$n" ] || fail "query 2: $(sed 1d "$t/a2" | wc -l) rows, series.tsv has $n"
# 3: every failed check
[ "$(sed 1d "$t/a3" | wc -l)" -eq "$(sed 1d "$d/checks.tsv" | wc -l)" ] || fail "query 3: not every row of checks.tsv"
# 4: the value of metrics.tsv, and the URL and SHA-256 of sources.tsv
v=$(awk -F '\t' '$2 == "青岛市人民政府" && $3 == 2020 && $5 == "requests.new.total" { print $6; exit }' "$d/metrics.tsv")
[ "$(sed -n 2p "$t/a4" | cut -d '|' -f1)" = "$v" ] || fail "query 4: not the value $v"
url=$(sed -n 2p "$t/a4" | cut -d '|' -f3) sha=$(sed -n 2p "$t/a4" | cut -d '|' -f4)
awk -F '\t' -v u="$url" -v s="$sha" '$2 == u && $4 == s' "$d/sources.tsv" | grep -q . || fail "query 4: $url $sha is not in sources.tsv"
[ ${#sha} -eq 64 ] || fail "query 4: no SHA-256"
# 5: the newest change first: night 2's revised value
sed -n 2p "$t/a5" | grep -q '^2|.*|revised value|requests.granted.total|' || fail "query 5: $(sed -n 2p "$t/a5")"
[ "$(sed 1d "$t/a5" | wc -l)" -eq "$(sed 1d "$d/changes.tsv" | sort -t '	' -k1,1nr | head -20 | wc -l)" ] || fail "query 5: not the 20 newest changes"
echo "ok: the README's five queries agree with the TSV files"
