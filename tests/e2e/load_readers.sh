#!/bin/sh
# TSV as TSV: every file gk-load writes is read the same by awk, cut,
# Miller (mlr --tsv) and sqlite3 (.mode tabs, .import): no field is
# quoted, so a title that holds double quotes, a lone quote or a quote at
# the start comes back exactly as the report printed it, and a tab or a
# line break in the stream is a space in the file.
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
# (sqlite3's .import reads a " as a CSV quote whatever the mode: it is
# checked on the files without one; gk.sqlite is the way into SQLite.)
# Awkward text: quotes at the start, inside and alone; a CR; an error.
title='"十四五"规划 与 “引号” 及 a"b'
awk -F '\t' -v OFS='\t' -v t="$title" '$1 == "report" && $2 == "syn001" { $9 = t } { print }' "$t/s" >"$t/s2"
printf 'metric\tsyn001\tnote.quote\t\t\t"\tnot_a_number\tsyn001\t1\t\t\t\t\r\n' >>"$t/s2"
printf 'error\tdeadbeef00000000\textract\tcorrupt\tbad "xref" table at 0\n' >>"$t/s2"
"$bin/gk-load" "$t/d" <"$t/s2"
rc=$?
[ $rc -eq 1 ] || fail "a stream with a new error record: exit $rc, expected 1"

files=
for f in reports metrics checks series sources wide-gov2019 wide-gov2021; do
	tsv "$t/d" $f >"$t/$f.tsv"; files="$files $t/$f.tsv"
done
for f in agencies coverage errors dictionary changes; do
	cp "$t/d/$f.tsv" "$t/$f.tsv"; files="$files $t/$f.tsv"
done
# the whole files are their folders' partitions, and read the same
for f in reports metrics checks series sources wide-gov2019 wide-gov2021; do
	cmp -s "$t/d/$f.tsv" "$t/$f.tsv" || fail "$f.tsv is not the partitions of $f/"
done
for f in $files; do
	name=$(basename "$f")
	rows=$(($(wc -l <"$f") - 1))
	cols=$(head -1 "$f" | awk -F '\t' '{ print NF }')
	awk -F '\t' -v n="$cols" 'NF != n { exit 1 }' "$f" || fail "$name: a line with another number of fields"
	grep -q "$(printf '\r')" "$f" && fail "$name holds a carriage return"
	# cut and awk see the same fields
	cut -f"$cols" "$f" >"$t/cut"
	awk -F '\t' '{ print $NF }' "$f" | cmp -s - "$t/cut" || fail "$name: cut and awk disagree"
	m=
	if ! grep -q '"' "$f"; then
		n=$(sqlite3 :memory: '.mode tabs' ".import $f t" 'select count(*) from t;' 2>"$t/err")
		[ -s "$t/err" ] && { cat "$t/err"; fail "sqlite3 complains about $name"; }
		[ "$n" = "$rows" ] || fail "sqlite3 reads $n rows of $name, expected $rows"
		c=$(sqlite3 :memory: '.mode tabs' ".import $f t" 'select count(*) from pragma_table_info("t");')
		[ "$c" = "$cols" ] || fail "sqlite3 sees $c columns in $name, expected $cols"
		m=" sqlite3"
	fi
	if command -v mlr >/dev/null; then
		k=$(mlr --itsv --ojson cat "$f" | grep -c '^{')
		[ "$k" = "$rows" ] || fail "mlr --tsv reads $k rows of $name, expected $rows"
		m="$m mlr"
		# and the same fields as awk, quotes included
		mlr --itsv --otsv --headerless-tsv-output cat "$f" >"$t/mlr"
		sed 1d "$f" | cmp -s - "$t/mlr" || fail "mlr --tsv and awk disagree on $name"
	fi
	echo "$name: $rows rows, $cols columns: awk, cut$m agree"
done
r=$(report_of "$t/d" syn001)
got=$(awk -F '\t' -v r="$r" '$1 == r { print $6 }' "$t/reports.tsv")
[ "$got" = "$title" ] || fail "awk reads the title as [$got]"
got=$(sqlite3 "$t/d/gk.sqlite" "select title from reports where report = '$r';")
[ "$got" = "$title" ] || fail "gk.sqlite holds the title as [$got]"
if command -v mlr >/dev/null; then
	got=$(mlr --itsv --onidx --fs tab filter "\$report == \"$r\"" then cut -f title "$t/reports.tsv")
	[ "$got" = "$title" ] || fail "mlr --tsv reads the title as [$got]"
fi
got=$(awk -F '\t' '$5 == "note.quote" { print $8 "|" $9 }' "$t/metrics.tsv")
[ "$got" = '"|not_a_number' ] || fail "a lone quote reads as [$got]"
got=$(awk -F '\t' '$1 == "deadbeef00000000" { print $6 "|" $7 }' "$t/errors.tsv")
[ "$got" = 'corrupt|bad "xref" table at 0' ] || fail "the error reads as [$got]"
echo "readers: ok"
