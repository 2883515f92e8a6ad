#!/bin/sh
# Every file gk-load writes is read right by standard tools: sqlite3
# (.mode tabs; .import) and Miller (mlr --icsv --ifs tab) give every row
# with every field, including fields that hold double quotes, and the same
# values that awk sees in fields without them.
set -u
bin=${GK_BIN:-bin}
mk=tests/e2e/load_mkstream
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (load/debian-packages)"; exit 77; }

for d in $(cut -f1 tests/corpus/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/truth "$d"; done >"$t/s"
for d in $(cut -f1 tests/corpus/synthetic/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/synthetic/truth "$d"; done >>"$t/s"
# Awkward text: quotes at the start, inside and alone; a CR; an error.
title='"十四五"规划 与 “引号” 及 a"b'
awk -F '\t' -v OFS='\t' -v t="$title" '$1 == "report" && $2 == "syn001" { $9 = t } { print }' "$t/s" >"$t/s2"
printf 'metric\tsyn001\tnote.quote\t\t\t"\tnot_a_number\tsyn001\t1\t\t\t\t\r\n' >>"$t/s2"
printf 'error\tdeadbeef00000000\textract\tcorrupt\tbad "xref" table at 0\n' >>"$t/s2"
"$bin/gk-load" "$t/d" <"$t/s2"
rc=$?
[ $rc -eq 1 ] || fail "a stream with an error record: exit $rc, expected 1"

for f in reports metrics checks errors wide-gov2019 wide-gov2021; do
	rows=$(($(wc -l <"$t/d/$f.tsv") - 1))
	cols=$(head -1 "$t/d/$f.tsv" | awk -F '\t' '{ print NF }')
	n=$(sqlite3 :memory: '.mode tabs' ".import $t/d/$f.tsv t" 'select count(*) from t;' 2>"$t/err")
	[ -s "$t/err" ] && { cat "$t/err"; fail "sqlite3 complains about $f.tsv"; }
	[ "$n" = "$rows" ] || fail "sqlite3 reads $n rows of $f.tsv, expected $rows"
	c=$(sqlite3 :memory: '.mode tabs' ".import $t/d/$f.tsv t" 'select count(*) from pragma_table_info("t");')
	[ "$c" = "$cols" ] || fail "sqlite3 sees $c columns in $f.tsv, expected $cols"
	# Field by field, sqlite3 gives what awk gives (fields without quotes).
	sqlite3 :memory: '.mode tabs' ".import $t/d/$f.tsv t" '.headers on' 'select * from t;' |
	    grep -v '"' >"$t/sq"
	grep -v '"' "$t/d/$f.tsv" >"$t/aw"
	cmp -s "$t/sq" "$t/aw" || fail "sqlite3 and awk disagree on $f.tsv"
	if command -v mlr >/dev/null; then
		m=$(mlr --icsv --ifs tab --ojson cat "$t/d/$f.tsv" | grep -c '^{')
		[ "$m" = "$rows" ] || fail "mlr reads $m rows of $f.tsv, expected $rows"
	fi
	echo "$f.tsv: $rows rows, $cols columns: sqlite3${m:+ and mlr} agree"
done
got=$(sqlite3 :memory: '.mode tabs' ".import $t/d/reports.tsv t" "select title from t where report = 'syn001';")
[ "$got" = "$title" ] || fail "sqlite3 reads the title as [$got]"
got=$(sqlite3 :memory: '.mode tabs' ".import $t/d/metrics.tsv t" "select raw || '|' || flags from t where metric = 'note.quote';")
[ "$got" = '"|not_a_number' ] || fail "sqlite3 reads a lone quote as [$got]"
got=$(sqlite3 :memory: '.mode tabs' ".import $t/d/errors.tsv t" "select code || '|' || message from t;")
[ "$got" = 'corrupt|bad "xref" table at 0' ] || fail "sqlite3 reads the error as [$got]"
if command -v mlr >/dev/null; then
	got=$(mlr --icsv --ifs tab --onidx --ofs tab filter '$report == "syn001"' then cut -f title "$t/d/reports.tsv")
	[ "$got" = "$title" ] || fail "mlr reads the title as [$got]"
fi
echo "readers: ok"
