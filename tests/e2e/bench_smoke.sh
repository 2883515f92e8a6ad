#!/bin/sh
# make bench end to end with tiny sizes (3 reports, one file per peer, no
# .doc, scan, crawl or load rows): the generated corpus is made and read in
# every format, the table has its rows with figures, and the parallel run's
# output equals the serial run's.  Speed is never asserted here.
set -u
bin=${GK_BIN:-bin}
for c in pandoc pdftotext mutool parallel /usr/bin/time bc; do
	command -v "$c" >/dev/null 2>&1 || { echo "$c is not installed (make bench-deps)"; exit 77; }
done
/usr/bin/python3 -c 'import cairo, lxml' 2>/dev/null || { echo "python3-cairo and python3-lxml are needed (make matrix-deps)"; exit 77; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; cat "$t/out"; exit 1; }
BENCH_N=3 BENCH_DOC=0 BENCH_SCAN=0 BENCH_PEER_N=1 BENCH_QUICK=1 BENCH_CACHE="$t/cache" \
    sh tests/bench.sh "$bin" >"$t/out" 2>"$t/err" || { cat "$t/err"; fail "bench.sh exited $?"; }
grep -q '^| row | gk | peer / base | ratio | target | verdict |$' "$t/out" || fail "no table header"
for f in html docx pdf; do
	grep -q "^| \.$f ×3[ |].* docs/s .* 3 reports) | " "$t/out" || fail "no .$f row with 3 reports"
done
grep -q '^| .*pandoc -t plain: [0-9.]* docs/s' "$t/out" || fail "no pandoc figure"
grep -q '^| .*pdftotext -layout: [0-9.]* docs/s' "$t/out" || fail "no pdftotext figure"
grep -q '^| parallel: .*| output identical to the serial run | \*\*met\*\* |$' "$t/out" ||
    fail "the parallel run's output is not the serial run's"
grep -q '^| whole corpus ×9 ' "$t/out" || fail "no whole-corpus row of 9 documents"
echo "ok: $(grep -c '^| ' "$t/out") table lines"
