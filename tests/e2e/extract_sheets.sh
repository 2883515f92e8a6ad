#!/bin/sh
# The report spreadsheets of tests/sheets (two producers, .xlsx, .xls, .et)
# through gk-fetch | gk-extract | gk-transform, scored by tests/score.py:
# 1. each spreadsheet with its report page (the page holds the title, the
#    source and the date; the spreadsheet only the tables, as a crawl finds
#    them: the attachment's PAGE is the page): every value, unit, flag and
#    check, the agency, the year and the template of the source's truth;
# 2. each spreadsheet alone: the same values, checks and template (its
#    agency and year are not in it, so they are left out of the comparison).
# The .wps files are whole documents: tests/e2e/corpus.list scores them.
set -u
bin=${GK_BIN:-bin}
dir=tests/sheets
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail=0
mkdir -p "$t/alone-truth"
cp "$dir"/truth/*.tsv "$t/alone-truth/"
awk -F'\t' -v OFS='\t' 'NR > 1 { $2 = ""; $3 = "" } { print }' \
    "$dir/truth/reports.tsv" >"$t/alone-truth/reports.tsv"
for prod in lo_xlsx lo_xls lo_et py_xlsx py_xls; do
	suf=${prod%_*} ext=${prod#*_} ids=
	mkdir -p "$t/page/$prod" "$t/alone/$prod"
	for f in "$dir"/docs/*_"$suf.$ext"; do
		[ -f "$f" ] || continue
		id=$(basename "$f" "_$suf.$ext")
		ids="$ids $id"
		"$bin/gk-fetch" "$dir/pages/$id.html" | "$bin/gk-extract" \
		    >"$t/page.tsv" 2>/dev/null
		pg=$(awk -F'\t' '$1 == "doc" { print $3; exit }' "$t/page.tsv")
		"$bin/gk-fetch" "$f" | "$bin/gk-extract" >"$t/att.tsv" 2>/dev/null
		# the attachment in the page's group, as a crawl gives it
		awk -F'\t' -v OFS='\t' -v pg="$pg" '$1 == "group" { next }
		    $1 == "doc" { $4 = pg; $9 = ""; $10 = ""; $11 = "" }
		    { print }' "$t/att.tsv" |
		    cat "$t/page.tsv" - | "$bin/gk-transform" \
		    >"$t/page/$prod/$id.out" 2>/dev/null
		"$bin/gk-transform" <"$t/att.tsv" 2>/dev/null |
		    awk -F'\t' -v OFS='\t' '$1 == "report" { $4 = ""; $5 = "" }
		    { print }' >"$t/alone/$prod/$id.out"
	done
	[ -n "$ids" ] || { echo "FAIL: no $prod files"; fail=1; continue; }
	echo "== $prod with its page"
	# shellcheck disable=SC2086
	python3 tests/score.py "$dir/truth" "$t/page/$prod" $ids || fail=1
	echo "== $prod alone"
	# shellcheck disable=SC2086
	python3 tests/score.py "$t/alone-truth" "$t/alone/$prod" $ids || fail=1
done
exit $fail
