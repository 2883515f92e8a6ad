#!/bin/sh
# End to end, Tesseract loaded on demand (extract/ocr_lib.c).
# 1. GK_TESSERACT_LIB names a library that does not exist: each scanned PDF
#    of the batch gets exactly one `error DOC extract ocr_failed` record that
#    names the missing file, the HTML page and the text PDF around them are
#    read whole (they never need Tesseract), and the exit status is 1.
# 2. GK_TESSERACT_LIB names a library that is no Tesseract (libc): the error
#    names the missing function.
# 3. gk-extract does not link Tesseract, Leptonica or libgomp.
# 4. The real library loads: a scan with no text is `no_text`, not
#    `ocr_failed` (tests/e2e/ocr_scan.sh reads real scans).
set -u
bin=${GK_BIN:-bin}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v python3 >/dev/null || { echo "python3 not installed"; exit 77; }

# A page image with a black bar and no text layer: an image-only PDF.
python3 - "$tmp/page.pgm" <<'PY'
import sys
w, h = 400, 300
px = bytearray(b'\xff' * (w * h))
for y in range(140, 150):
    px[y * w + 50:y * w + 350] = b'\x00' * 300
with open(sys.argv[1], 'wb') as f:
    f.write(b'P5\n%d %d\n255\n' % (w, h) + bytes(px))
PY
python3 tests/ocr/pgm2pdf.py 100 "$tmp/scan1.pdf" "$tmp/page.pgm" || fail "pgm2pdf"
python3 tests/ocr/pgm2pdf.py 100 "$tmp/scan2.pdf" "$tmp/page.pgm" "$tmp/page.pgm" ||
    fail "pgm2pdf"
seed=tests/corpus/docs/000_0e252554ad65cb5c
"$bin/gk-fetch" "$seed.html" "$tmp/scan1.pdf" "$seed.pdf" "$tmp/scan2.pdf" \
    >"$tmp/in" 2>/dev/null || fail "gk-fetch"
id() { grep "	$1	" "$tmp/in" | cut -f2; }
html=$(id "file://$(pwd)/$seed.html") s1=$(id "file://$tmp/scan1.pdf")
pdf=$(id "file://$(pwd)/$seed.pdf") s2=$(id "file://$tmp/scan2.pdf")
[ -n "$html" ] && [ -n "$s1" ] && [ -n "$pdf" ] && [ -n "$s2" ] ||
    fail "gk-fetch gave no doc ids: $(cut -f1-3 "$tmp/in")"

# --- 1. the library is missing --------------------------------------------
GK_TESSERACT_LIB=/nonexistent/libtesseract.so.5 "$bin/gk-extract" <"$tmp/in" \
    >"$tmp/out" 2>"$tmp/err"
rc=$?
[ $rc -eq 1 ] || fail "exit status $rc, want 1"
for d in "$s1" "$s2"; do
	n=$(grep -c "^error	$d	extract	ocr_failed	.*/nonexistent/libtesseract.so.5" "$tmp/out")
	[ "$n" -eq 1 ] || fail "$d: $n ocr_failed records naming the library, want 1: $(grep "	$d	" "$tmp/out")"
	[ "$(grep -c "^[a-z]*	$d	" "$tmp/out")" -eq 2 ] ||
	    fail "$d: more than its doc and error records"
done
[ "$(grep -c '^error	' "$tmp/out")" -eq 2 ] || fail "other errors: $(grep '^error' "$tmp/out")"
for d in "$html" "$pdf"; do
	n=$(grep -c "^cell	$d	" "$tmp/out")
	[ "$n" -ge 200 ] || fail "$d: $n cells, want the whole report"
done
grep -q "ocr_failed" "$tmp/err" || fail "no warning on stderr"

# --- 2. a library that is no Tesseract --------------------------------------
GK_TESSERACT_LIB=libc.so.6 "$bin/gk-extract" <"$tmp/in" >"$tmp/out" 2>/dev/null
[ "$(grep -c "^error	.*	ocr_failed	.*libc.so.6 has no function TessBaseAPICreate" "$tmp/out")" -eq 2 ] ||
    fail "libc.so.6: $(grep '^error' "$tmp/out")"

# --- 3. not linked ----------------------------------------------------------
if command -v ldd >/dev/null; then
	ldd "$bin/gk-extract" >"$tmp/ldd" 2>&1 || fail "ldd: $(cat "$tmp/ldd")"
	! grep -E "libtesseract|liblept|libgomp" "$tmp/ldd" ||
	    fail "gk-extract links the OCR libraries"
fi

# --- 4. the real library ----------------------------------------------------
[ -f /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata ] ||
    [ -f /usr/share/tesseract-ocr/4.00/tessdata/chi_sim.traineddata ] ||
    { echo "no chi_sim language data (Debian tesseract-ocr-chi-sim)"; exit 77; }
"$bin/gk-fetch" "$tmp/scan1.pdf" 2>/dev/null | env -u GK_TESSERACT_LIB \
    "$bin/gk-extract" >"$tmp/out" 2>"$tmp/err"
grep -q "^error	$s1	extract	no_text	" "$tmp/out" ||
    fail "blank scan: $(cat "$tmp/out" "$tmp/err")"
echo "ok"
