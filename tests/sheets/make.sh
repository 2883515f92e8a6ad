#!/bin/sh
# Make tests/sheets: the report tables of corpus pages as spreadsheets, made
# by two producers, and the corpus .doc files as WPS Writer's .wps, with
# the sources' truth.  README.md says what each file is.
#
#   docs/<id>_lo.xlsx   LibreOffice Calc: the page's tables (each after its
#   docs/<id>_lo.xls    heading), opened as HTML, saved as xlsx / MS Excel 97
#   docs/<id>_py.xlsx   openpyxl: one sheet per table, heading merged across
#                       its first row, figures as numbers with a format
#   docs/<id>_py.xls    that xlsx saved as MS Excel 97 by LibreOffice
#   docs/<id>_lo.et     the MS Excel 97 file under WPS Spreadsheets' name
#   docs/<id>.wps       the corpus .doc plus WPS's WpsCustomData stream and
#                       KSOProductBuildVer property (mksheets.py wps)
#   pages/<id>.html     the report page without its tables, for the
#                       spreadsheets' agency, year and date
#   truth/              the sources' truth for those ids
#
# usage: tests/sheets/make.sh   (from the repository root, ~30 s; needs
# soffice, gsf (libgsf-bin) and Debian's python3 with python3-openpyxl and
# python3-olefile; make test only reads the committed files)
set -eu
dst=tests/sheets
PY=/usr/bin/python3
SEEDS="000_0e252554ad65cb5c 001_967186fe634bba4e 002_76275f96720f379e
    003_937a84458300fa66 004_107c488a6d9a59ea"
SYN="syn000 syn001"
SYNDOC="syn009 syn010 syn011"
ET="001_967186fe634bba4e"
command -v soffice >/dev/null || { echo "soffice not installed"; exit 77; }
command -v gsf >/dev/null || { echo "gsf (libgsf-bin) not installed"; exit 77; }
$PY -c 'import openpyxl, olefile' || { echo "python3-openpyxl, python3-olefile"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
rm -rf "$dst/docs" "$dst/pages" "$dst/truth"
mkdir -p "$dst/docs" "$dst/pages" "$dst/truth" "$tmp/t" "$tmp/o1" "$tmp/o2" "$tmp/o3"

src() {	# src ID: the corpus path of the id, without extension
	case $1 in
	syn*) echo "tests/corpus/synthetic/docs/$1" ;;
	*) echo "tests/corpus/docs/$1" ;;
	esac
}
lo() {	# lo OUTDIR FORMAT FILTER FILES...: one LibreOffice start
	out=$1 f=$2 filt=$3; shift 3
	timeout 600 soffice --headless -env:UserInstallation="file://$tmp/lo" \
	    ${filt:+"--infilter=$filt"} --convert-to "$f" --outdir "$out" \
	    "$@" >/dev/null 2>&1
}
for id in $SEEDS $SYN; do
	s=$(src "$id")
	$PY $dst/mksheets.py tables "$s.html" "$tmp/t/$id.html"
	$PY $dst/mksheets.py openpyxl "$s.html" "$dst/docs/${id}_py.xlsx"
	$PY $dst/mksheets.py page "$s.html" "$dst/pages/$id.html" \
	    "../docs/${id}_lo.xlsx"
done
lo "$tmp/o1" xlsx "HTML (StarCalc)" "$tmp"/t/*.html
lo "$tmp/o2" "xls:MS Excel 97" "HTML (StarCalc)" "$tmp"/t/*.html
lo "$tmp/o3" "xls:MS Excel 97" "" "$dst"/docs/*_py.xlsx
for id in $SEEDS $SYN; do
	mv "$tmp/o1/$id.xlsx" "$dst/docs/${id}_lo.xlsx"
	mv "$tmp/o2/$id.xls" "$dst/docs/${id}_lo.xls"
	mv "$tmp/o3/${id}_py.xls" "$dst/docs/${id}_py.xls"
done
for id in $ET; do
	cp "$dst/docs/${id}_lo.xls" "$dst/docs/${id}_lo.et"
done
for id in $SEEDS $SYNDOC; do
	$PY $dst/mksheets.py wps "$(src "$id").doc" "$dst/docs/$id.wps"
done

for id in $SEEDS $SYN $SYNDOC; do
	case $id in syn*) t=tests/corpus/synthetic/truth ;; *) t=tests/corpus/truth ;; esac
	cp "$t/$id.tsv" "$dst/truth/"
	for f in reports checks; do
		awk -F'\t' -v id="$id" 'FNR > 1 && $1 == id' "$t/$f.tsv" >>"$tmp/$f"
	done
done
for f in reports checks; do
	head -n 1 "tests/corpus/truth/$f.tsv" >"$dst/truth/$f.tsv"
	[ -f "$tmp/$f" ] && cat "$tmp/$f" >>"$dst/truth/$f.tsv"
done
ls "$dst/docs" | wc -l
