#!/bin/sh
# End to end, scanned PDFs: pages of two seed PDFs are rendered to grey
# images (pdftoppm, 200 dpi) and put back into image-only PDFs (no text
# layer, tests/ocr/pgm2pdf.py), which must go through OCR: every value must
# be flagged ocr and at least 98% of them right (tests/score.py).  Only
# page 1 (agency, year) and the table pages are kept, to stay fast
# (OCR is ~1-3 s a page).
set -u
bin=${GK_BIN:-bin}
command -v pdftoppm >/dev/null || { echo "pdftoppm not found (Debian poppler-utils)"; exit 77; }
command -v python3 >/dev/null || { echo "python3 not found"; exit 77; }
[ -f /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata ] ||
    [ -f /usr/share/tesseract-ocr/4.00/tessdata/chi_sim.traineddata ] ||
    { echo "no chi_sim language data (Debian tesseract-ocr-chi-sim)"; exit 77; }
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT

# SEED PAGES...
scan() {
	seed=$1; shift
	mkdir -p "$out/img/$seed"
	for p in "$@"; do
		pdftoppm -r 200 -gray -f "$p" -l "$p" \
		    "tests/corpus/docs/$seed.pdf" "$out/img/$seed/p$p" || return 1
	done
	python3 tests/ocr/pgm2pdf.py 200 "$out/$seed.pdf" \
	    "$out"/img/"$seed"/p*.pgm || return 1
	# The scan must have no text layer, or the test proves nothing.
	if [ -n "$(pdftotext "$out/$seed.pdf" - 2>/dev/null | tr -d '[:space:]')" ]; then
		echo "$seed: the scan has a text layer"; return 1
	fi
	start=$(date +%s)
	"$bin/gk-fetch" "$out/$seed.pdf" | "$bin/gk-extract" >"$out/$seed.ext" \
	    2>"$out/$seed.err" || { cat "$out/$seed.err"; return 1; }
	end=$(date +%s)
	echo "$seed: $# pages OCRed in $((end - start)) s"
	grep -q "^note	.*	ocr	$#\$" "$out/$seed.ext" ||
	    { echo "$seed: no 'note DOC ocr $#' record"; return 1; }
	"$bin/gk-transform" <"$out/$seed.ext" >"$out/$seed.out" 2>>"$out/$seed.err"
}

# The two run side by side: OCR uses one core each (OMP_THREAD_LIMIT=1).
scan 000_0e252554ad65cb5c 1 5 6 7 >"$out/a.log" 2>&1 & a=$!
scan 002_76275f96720f379e 1 4 5 >"$out/b.log" 2>&1 & b=$!
wait $a; ra=$?
wait $b; rb=$?
cat "$out/a.log" "$out/b.log"
[ $ra -eq 0 ] && [ $rb -eq 0 ] || exit 1
python3 tests/score.py --flag ocr --min-pct 98 tests/corpus/truth "$out" \
    000_0e252554ad65cb5c 002_76275f96720f379e
