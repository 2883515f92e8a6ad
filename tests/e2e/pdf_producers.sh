#!/bin/sh
# Producer independence: the seed reports' pages printed to PDF by Chromium,
# wkhtmltopdf and WeasyPrint, with table borders and without
# (tests/pdf/producers/<producer>-<border|noborder>-<seed>.pdf, made by
# tests/pdf/make-producers.sh and committed), must each read exactly as the
# seed's truth: values, units, flags, checks, agency, year, template.  A file
# listed in tests/pdf/expected.tsv is not yet perfect: it must get at least
# its measured number of values right (no regression), and is reported.
set -u
bin=${GK_BIN:-bin}
dir=tests/pdf/producers
truth=tests/corpus/truth
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
n=0
for f in "$dir"/*.pdf; do
	[ -f "$f" ] || continue
	name=$(basename "$f" .pdf)		# chromium-border-000_0e25...
	corpus=${name%-*_*}			# chromium-border
	id=${name#"$corpus"-}			# 000_0e25...
	mkdir -p "$out/$corpus"
	"$bin/gk-fetch" "$f" | "$bin/gk-extract" | "$bin/gk-transform" \
	    >"$out/$corpus/$id.out" 2>"$out/$corpus/$id.err"
	echo "$id" >>"$out/$corpus.ids"
	n=$((n + 1))
done
[ "$n" -gt 0 ] || { echo "FAIL: no fixtures in $dir"; exit 1; }
for ids in "$out"/*.ids; do
	corpus=$(basename "$ids" .ids)
	# shellcheck disable=SC2046
	res=$(python3 tests/score.py "$truth" "$out/$corpus" $(cat "$ids"))
	echo "== $corpus: $(echo "$res" | tail -n 1)"
	for id in $(cat "$ids"); do
		line=$(echo "$res" | grep "^[a-zA-Z ]*$id:")
		case $line in "ok   "*) ok=1 ;; *) ok=0 ;; esac
		floor=$(awk -v c="$corpus" -v s="$id" '$1 == c && index(s, $2) == 1 { print $3 }' \
		    tests/pdf/expected.tsv)
		right=$(echo "$line" | sed -n 's/.*values \([0-9]*\)\/.*/\1/p')
		if [ -n "$floor" ]; then
			echo "   known: $corpus $id $right values right (expected.tsv: $floor)"
			[ "$right" -ge "$floor" ] || { echo "FAIL $corpus $id: $right < $floor"; echo x >"$out/failed"; }
		elif [ "$ok" = 0 ]; then
			echo "FAIL $corpus:"
			echo "$res" | awk -v id="$id" '/^(ok  |FAIL) / { p = index($0, id) > 0 } p'
			echo x >"$out/failed"
		fi
	done
done
[ ! -f "$out/failed" ]
