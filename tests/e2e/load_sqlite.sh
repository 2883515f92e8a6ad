#!/bin/sh
# gk.sqlite as a real database: every value typed (INTEGER or REAL, NULL
# for a blank, never text), no column an SQL keyword (each is selected
# unquoted), each view holds what its TSV file holds (rows, and the
# metrics row for row), and the legacy seed's requests.received is its
# 收到申请数.
set -u
bin=${GK_BIN:-bin}
mk=tests/e2e/load_mkstream
. tests/e2e/load_lib
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (load/debian-packages)"; exit 77; }

for d in $(cut -f1 tests/corpus/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/truth "$d"; done >"$t/s"
for d in $(cut -f1 tests/corpus/synthetic/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/synthetic/truth "$d"; done >>"$t/s"
"$bin/gk-load" "$t/d" <"$t/s" 2>/dev/null
[ $? -le 1 ] || fail "gk-load failed"
db=$t/d/gk.sqlite
q() { sqlite3 -bail "$db" "$@"; }

n=$(q "SELECT COUNT(*) FROM metrics WHERE typeof(value) NOT IN ('integer', 'real', 'null')")
[ "$n" -eq 0 ] || fail "$n values are not numbers"
n=$(q "SELECT COUNT(*) FROM metrics WHERE value IS NULL AND COALESCE(flags, '') NOT LIKE '%blank%' AND COALESCE(flags, '') NOT LIKE '%not_a_number%'")
[ "$n" -eq 0 ] || fail "$n NULL values that are neither blank nor not a number"
n=$(q "SELECT COUNT(*) FROM series WHERE typeof(value) NOT IN ('integer', 'real', 'null')")
[ "$n" -eq 0 ] || fail "$n series values are not numbers"
[ "$(q "SELECT typeof(year) FROM reports LIMIT 1")" = integer ] || fail "reports.year is not an INTEGER"
# no column is a keyword: each can be selected unquoted
q "SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%'" >"$t/tables"
[ "$(wc -l <"$t/tables")" -gt 20 ] || fail "too few tables and views"
while read -r tb; do
	q "SELECT name FROM pragma_table_info('$tb')" | while read -r col; do
		case $col in *[!a-z0-9_]*) continue ;; esac	# a wide view's keys: quoted
		q "SELECT $col FROM $tb LIMIT 0" >/dev/null 2>"$t/err" ||
			{ echo "FAIL: $tb.$col cannot be selected unquoted: $(cat "$t/err")"; exit 1; }
	done || exit 1
done <"$t/tables"
# each view holds its file's rows
for v in metrics series sources; do
	a=$(q "SELECT COUNT(*) FROM $v") b=$(rows "$t/d" $v | wc -l) c=$(($(wc -l <"$t/d/$v.tsv") - 1))
	[ "$a" -eq "$b" ] && [ "$a" -eq "$c" ] || fail "$v: $a rows in gk.sqlite, $b in $v/, $c in $v.tsv"
done
a=$(q "SELECT COUNT(*) FROM coverage") b=$(($(wc -l <"$t/d/coverage.tsv") - 1))
[ "$a" -eq "$b" ] || fail "coverage: $a rows in gk.sqlite, $b in coverage.tsv"
for w in gov2019 gov2021; do
	a=$(q "SELECT COUNT(*) FROM wide_$w") b=$(($(wc -l <"$t/d/wide-$w.tsv") - 1))
	[ "$a" -eq "$b" ] || fail "wide_$w: $a rows, wide-$w.tsv $b"
done
# the metrics view is metrics.tsv row for row
q -separator '	' "SELECT report, metric, value FROM metrics" | sort >"$t/a"
cut -f1,5,6 "$t/d/metrics.tsv" | sed 1d | sort >"$t/b"
cmp -s "$t/a" "$t/b" || fail "the metrics view is not metrics.tsv"
# the legacy seed: requests.received is its 收到申请数
r=$(report_of "$t/d" 003_937a84458300fa66)
want=$(awk -F '\t' '$1 == "legacy.三、依申请公开情况.（一）收到申请数" { print $2 }' tests/corpus/truth/003_937a84458300fa66.tsv)
got=$(q "SELECT value FROM series WHERE report = '$r' AND series = 'requests.received'")
[ -n "$want" ] && [ "$got" = "$want" ] || fail "the legacy seed's requests.received is '$got', its 收到申请数 '$want'"
echo "ok: gk.sqlite: typed, no keyword columns, the views are the files; legacy requests.received = 收到申请数 ($got)"
