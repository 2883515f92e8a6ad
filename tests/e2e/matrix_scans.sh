#!/bin/sh
# The scans of the committed matrix sample (tests/matrix/sample/, producer
# scan+..., two files): each goes through the chain and is scored against
# its source's truth with every value flagged ocr (tests/score.py --flag
# ocr; an unflagged value is a wrong one).  Each must get at least its
# recorded values right (tests/matrix/sample/expected.tsv), make no more
# false check failures than recorded (the grey 150 dpi JPEG scan: none),
# and stay perfect when recorded perfect.  The other OCR file of the sample (a PDF
# whose text has no Unicode mapping) and the whole matrix are `make matrix`'s.
set -u
bin=${GK_BIN:-bin}
dir=tests/matrix/sample
[ -f /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata ] ||
    [ -f /usr/share/tesseract-ocr/4.00/tessdata/chi_sim.traineddata ] ||
    { echo "no chi_sim language data (Debian tesseract-ocr-chi-sim)"; exit 77; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
awk -F'\t' 'NR > 1 && $3 ~ /^scan\+/ && $8 == "ocr" { print $1 "\t" $2 }' \
    "$dir/MANIFEST.tsv" | head -n 2 >"$out/list"
[ "$(wc -l <"$out/list")" -eq 2 ] || { echo "FAIL: not two scans in $dir/MANIFEST.tsv"; exit 1; }
# side by side: OCR takes one core each
cut -f1 "$out/list" | OMP_THREAD_LIMIT=1 B=$bin D=$dir O=$out xargs -P2 -I{} sh -c \
    '"$B/gk-fetch" "$D/docs/$1" | "$B/gk-extract" 2>"$O/$1.err" >"$O/$1.ext";
     "$B/gk-transform" <"$O/$1.ext" >"$O/$1.out" 2>>"$O/$1.err"' _ {}
fail=0
while IFS='	' read -r f src; do
	grep -q "^note	[^	]*	ocr	" "$out/$f.ext" ||
	    { echo "FAIL $f: not read by OCR (no note DOC ocr N)"; fail=1; }
done <"$out/list"
# shellcheck disable=SC2046
python3 tests/score.py --flag ocr --tsv "$out/got.tsv" "$dir/truth" "$out" \
    $(awk -F'\t' '{ print $1 "=" $2 }' "$out/list") >"$out/score.txt"
grep -v '^ok ' "$out/score.txt" | head -n 20
awk -F'\t' '
	FNR == 1 { next }
	NR == FNR { right[$1] = $2; fc[$1] = $4; ok[$1] = $5; next }
	{
		f = $1
		if (!(f in right)) { printf "FAIL %s: not in expected.tsv\n", f; bad++; next }
		if ($2 < right[f] || $7 > fc[f] || (ok[f] == 1 && $12 != 1)) {
			printf "FAIL %s: %d/%d values right, %d false checks, ok %d; expected %d, %d%s\n",
			    f, $2, $3, $7, $12, right[f], fc[f], ok[f] == 1 ? ", perfect" : ""
			bad++
		} else
			printf "%s %s: %d/%d values right, flagged ocr, %d false checks%s (expected.tsv %d, %d)\n",
			    ($2 > right[f] || $7 < fc[f] ? "better" : "ok  "), f, $2, $3, $7,
			    $12 == 1 ? ", perfect" : "", right[f], fc[f]
	}
	END { exit bad > 0 }' "$dir/expected.tsv" "$out/got.tsv" || fail=1
exit "$fail"
