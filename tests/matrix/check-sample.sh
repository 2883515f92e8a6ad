#!/bin/sh
# Score the committed sample of the producer matrix (tests/matrix/sample/)
# and compare every file with its line of expected.tsv: a file must get at
# least its recorded number of values right, no more false check failures,
# and a file recorded perfect must stay perfect.  Prints one line per file
# (ok / below / better) and a summary; exits 1 when a file fell below.
#
# usage: sh tests/matrix/check-sample.sh text|ocr
#   text: the files with a text layer; ocr: the scans and the PDFs whose
#   text has no Unicode mapping (flag ocr in MANIFEST.tsv), read by OCR.
# GK_BIN names the programs (default bin).
set -u
mode=${1:-text}
bin=${GK_BIN:-bin}
dir=tests/matrix/sample
[ -f "$dir/MANIFEST.tsv" ] || { echo "FAIL: no $dir/MANIFEST.tsv"; exit 1; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
if [ "$mode" = ocr ]; then
	want=ocr
else
	want=-
fi
awk -F'\t' -v w="$want" 'NR > 1 && $8 == w { print $1 "\t" $2 }' "$dir/MANIFEST.tsv" >"$out/list"
[ -s "$out/list" ] || { echo "FAIL: no $mode file in $dir/MANIFEST.tsv"; exit 1; }
# the chain per file, two at a time (OCR takes one core each)
cut -f1 "$out/list" | OMP_THREAD_LIMIT=1 B=$bin D=$dir O=$out xargs -P2 -I{} sh -c \
    '"$B/gk-fetch" "$D/docs/$1" | "$B/gk-extract" 2>/dev/null | "$B/gk-transform" >"$O/$1.out" 2>/dev/null' _ {}
flag=
[ "$mode" = ocr ] && flag="--flag ocr"
# shellcheck disable=SC2046,SC2086
python3 tests/score.py $flag --tsv "$out/got.tsv" "$dir/truth" "$out" \
    $(awk -F'\t' '{ print $1 "=" $2 }' "$out/list") >"$out/score.txt"
awk -F'\t' '
	FNR == 1 { next }
	NR == FNR { right[$1] = $2; total[$1] = $3; fc[$1] = $4; ok[$1] = $5; next }
	{
		f = $1; n++
		if (!(f in right)) { printf "FAIL %s: not in expected.tsv\n", f; bad++; next }
		gr = $2; gf = $7; gok = $12
		if (gr < right[f] || gf > fc[f] || (ok[f] == 1 && gok != 1)) {
			printf "FAIL %s: %d/%d values right, %d false checks, ok %d; expected %d, %d, ok %d\n",
			    f, gr, $3, gf, gok, right[f], fc[f], ok[f]
			bad++
		} else if (gr > right[f] || gf < fc[f] || gok > ok[f]) {
			printf "better %s: %d/%d values right, %d false checks, ok %d (expected.tsv: %d, %d, %d)\n",
			    f, gr, $3, gf, gok, right[f], fc[f], ok[f]
		} else {
			printf "ok   %s: %d/%d%s\n", f, gr, $3, gok == 1 ? ", perfect" : ""
		}
		if (gok == 1) perfect++
	}
	END {
		printf "%d files, %d perfect, %d below expected.tsv\n", n, perfect, bad
		exit bad > 0
	}' "$dir/expected.tsv" "$out/got.tsv"
