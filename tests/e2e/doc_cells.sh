#!/bin/sh
# The .doc of each seed report gives the same paras and cells (TABLE, ROW,
# COL, ROWSPAN, COLSPAN, text modulo white space) as its .docx: LibreOffice
# made the .doc from the .docx, so the two readers must agree exactly.
set -u
bin=${GK_BIN:-bin}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
recs() {
	"$bin/gk-fetch" "$1" | "$bin/gk-extract" | awk -F'\t' '
	$1 == "cell" { t = $9; gsub(/[ \t]|\xc2\xa0|\xe3\x80\x80/, "", t)
		print "cell", $4, $5, $6, $7, $8, t }
	$1 == "para" { t = $4; gsub(/[ \t]|\xc2\xa0|\xe3\x80\x80/, "", t)
		print "para", t }
	$1 == "error" { print }'
}
status=0 n=0
for doc in tests/corpus/docs/*.doc; do
	docx=${doc%.doc}.docx
	[ -f "$docx" ] || continue
	recs "$docx" >"$tmp/docx"
	if grep -q '^error' "$tmp/docx"; then
		echo "the .docx reader fails on $docx: cannot compare"
		exit 77
	fi
	recs "$doc" >"$tmp/doc"
	cells=$(grep -c '^cell' "$tmp/doc")
	if [ "$cells" -lt 100 ] || ! cmp -s "$tmp/doc" "$tmp/docx"; then
		echo "FAIL $doc: $cells cells, differs from its .docx:"
		diff "$tmp/doc" "$tmp/docx" | head -n 20
		status=1
	else
		echo "ok   $doc: $cells cells, $(grep -c '^para' "$tmp/doc") paras"
	fi
	n=$((n + 1))
done
[ "$n" -gt 0 ] || { echo "no .doc/.docx pairs in tests/corpus/docs"; exit 77; }
exit $status
