#!/bin/sh
# agencies.tsv and coverage.tsv name an agency's parent district as the
# agency column names that district: 城阳区审计局 (not in the config; its
# level read from its name) has the parent 青岛市城阳区人民政府, the
# config's name, not the 城阳区人民政府 its name starts with; a district
# the config does not know is named as the data set names it, also when
# its department came first in the stream; a store of the gk-load before
# (the short name) is mended by the next load.
set -u
bin=${GK_BIN:-bin}
mk=tests/e2e/load_mkstream
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (load/debian-packages)"; exit 77; }
export SOURCE_DATE_EPOCH=1700000000

d=syn001 dir=tests/corpus/synthetic/truth
{
	sh $mk $dir $d aaaa000000000001 "城阳区审计局" 2021
	sh $mk $dir $d aaaa000000000002 "新城区民政局" 2021
	sh $mk $dir $d aaaa000000000003 "青岛市新城区人民政府" 2021
} >"$t/s"
"$bin/gk-load" -q "$t/a" "$t/s" || fail "load: exit $?"

# parent AGENCY FILE: the parent column of AGENCY's rows (one value)
parent() {
	awk -F '\t' -v a="$1" 'FNR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	    $c["agency"] == a { print $c["parent"] }' "$2" | sort -u
}
for f in agencies.tsv coverage.tsv; do
	got=$(parent 城阳区审计局 "$t/a/$f")
	[ "$got" = 青岛市城阳区人民政府 ] || fail "$f: 城阳区审计局's parent is '$got', not 青岛市城阳区人民政府"
	got=$(parent 新城区民政局 "$t/a/$f")
	[ "$got" = 青岛市新城区人民政府 ] || fail "$f: 新城区民政局's parent is '$got', not 青岛市新城区人民政府"
done
# every parent is an agency of agencies.tsv
awk -F '\t' 'NR > 1 { a[$1] = 1; if ($3 != "") p[$3] = 1 }
    END { for (x in p) if (!(x in a)) { print x; bad = 1 } exit bad }' \
    "$t/a/agencies.tsv" >"$t/bad" || fail "parents that are no agency: $(cat "$t/bad")"

# a store of the gk-load before: the short name, mended by the next load
for f in "$t/a/.gk/db/"*.sqlite; do
	sqlite3 "$f" "UPDATE agencies SET parent = '城阳区人民政府' WHERE agency = '城阳区审计局'"
done
sh $mk $dir $d aaaa000000000004 "城阳区审计局" 2020 >"$t/s2"
"$bin/gk-load" -q "$t/a" "$t/s2" || fail "second load: exit $?"
for f in agencies.tsv coverage.tsv; do
	got=$(parent 城阳区审计局 "$t/a/$f")
	[ "$got" = 青岛市城阳区人民政府 ] || fail "$f after a load: 城阳区审计局's parent is '$got'"
done
echo "PASS: load_parent"
