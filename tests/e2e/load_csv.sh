#!/bin/sh
# csv/*.csv, the spreadsheet's copies of the whole files: each starts with
# a UTF-8 byte order mark (Excel reads the CJK right) and holds the rows
# of its TSV file, field for field, as Python's csv module, mlr --icsv and
# sqlite3's .import --csv read it, a title with a comma and quotes
# included; a load that does not change a TSV file links its CSV file
# (the same inode), one that does writes it anew.
set -u
bin=${GK_BIN:-bin}
mk=tests/e2e/load_mkstream
. tests/e2e/load_lib
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
PY=/usr/bin/python3; [ -x $PY ] || PY=python3
export SOURCE_DATE_EPOCH=1700000000

for d in $(cut -f1 tests/corpus/synthetic/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/synthetic/truth "$d"
done >"$t/s"
# a title a spreadsheet must quote: a comma, quotes, a leading space
awk -F '\t' -v OFS='\t' '$1 == "report" && !done { $9 = " 青岛市\"某局\",2021年 报告"; done = 1 } { print }' \
    "$t/s" >"$t/s1"
"$bin/gk-load" -q "$t/d" "$t/s1" || fail "load: exit $?"
grep -q '"某局"' "$t/d/reports.tsv" || fail "the title is not in reports.tsv"
n=0
for f in reports series checks agencies coverage wide-gov2019 wide-gov2021; do
	[ -f "$t/d/$f.tsv" ] || continue
	c=$t/d/csv/$f.csv
	[ -f "$c" ] || fail "no csv/$f.csv"
	[ "$(head -c 3 "$c" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "csv/$f.csv has no UTF-8 BOM"
	$PY - "$c" "$t/d/$f.tsv" <<'PYEOF' || fail "csv/$f.csv: Python's csv module reads other rows than $f.tsv"
import csv, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    a = list(csv.reader(f))
with open(sys.argv[2], encoding="utf-8") as f:
    b = [line.rstrip("\n").split("\t") for line in f]
sys.exit(0 if a == b and len(a) > 1 else 1)
PYEOF
	mlr --icsv --otsv cat "$c" | cmp -s - "$t/d/$f.tsv" || fail "csv/$f.csv: mlr reads other rows than $f.tsv"
	n=$((n + 1))
done
[ $n -eq 7 ] || fail "$n CSV files, expected 7"
# sqlite3 reads it as a table (header: the columns)
sqlite3 "$t/x.db" ".import --csv $t/d/csv/reports.csv r" || fail "sqlite3 cannot import csv/reports.csv"
[ "$(sqlite3 "$t/x.db" "SELECT COUNT(*) FROM r")" -eq "$(($(wc -l <"$t/d/reports.tsv") - 1))" ] ||
    fail "sqlite3 reads other rows from csv/reports.csv"
sqlite3 "$t/x.db" "SELECT title FROM r" | grep -qx ' 青岛市"某局",2021年 报告' ||
    fail "sqlite3 does not read the quoted title back"
# a load that changes one report: reports.csv anew, dictionary untouched;
# a CSV whose TSV was linked is linked
ino() { ls -i "$1" | cut -d ' ' -f 1; }
old=$(gen "$t/d")
before=$(ino "$t/d/$old/csv/agencies.csv")
before_r=$(ino "$t/d/$old/csv/reports.csv")
sed 's/ 青岛市"某局",2021年 报告/another title/' "$t/s1" >"$t/s2"
"$bin/gk-load" -q "$t/d" "$t/s2" || fail "second load: exit $?"
new=$(gen "$t/d")
[ "$new" != "$old" ] || fail "the second load made no generation"
[ "$(ino "$t/d/$new/csv/reports.csv")" != "$before_r" ] || fail "reports.csv was not written anew"
grep -q 'another title' "$t/d/csv/reports.csv" || fail "csv/reports.csv does not have the new title"
if [ "$(ino "$t/d/$new/agencies.tsv")" = "$(ino "$t/d/$old/agencies.tsv")" ]; then
	[ "$(ino "$t/d/$new/csv/agencies.csv")" = "$before" ] || fail "agencies.csv not linked with its TSV file"
fi
echo "ok: csv/: $n files with a BOM, the TSV files' rows for Python, mlr and sqlite3; written with their TSV file, else linked"
