#!/bin/sh
# gk-fetch survives every fault of tests/httpd/server.py with the record
# tests/site/FAULTS.tsv names: slow body, 500 then 200, 429 + Retry-After,
# one reset, a redirect within the host (ok); a hanging connection
# (timeout), resets (network), a short body (truncated), 50 MB with and
# without Content-Length (too_big), a redirect off the host (off_host).
set -u
bin=${GK_BIN:-bin}
. tests/httpd/lib.sh
fail() { echo "FAIL: $*"; exit 1; }
start=$(date +%s)
"$bin/gk-fetch" -c tests/site/fetch-test.conf --start "$BASE/faults/ndbg/index.shtml" \
    --state "$TMPD/st" >"$TMPD/out" 2>"$TMPD/err"
rc=$?
cat "$TMPD/err"
[ $rc -eq 1 ] || fail "exit $rc, want 1"
awk -F'\t' -v b="$BASE" '
$1 == "doc" && $13 != "failed" { u = $3; sub(b, "", u); print u "\tok" }
$1 == "error" { m = $5; sub(/: .*/, "", m); sub(b, "", m); print m "\t" $4 }' "$TMPD/out" | sort >"$TMPD/got"
tail -n +2 tests/site/FAULTS.tsv | sort >"$TMPD/want"
diff "$TMPD/want" "$TMPD/got" || fail "fault records differ from FAULTS.tsv"
# each failure has its doc record with STATUS failed
[ "$(awk -F'\t' '$1 == "doc" && $13 == "failed"' "$TMPD/out" | wc -l)" -eq \
  "$(tail -n +2 tests/site/FAULTS.tsv | grep -vc '	ok$')" ] || fail "failed doc records"
# retried, and Retry-After waited for
[ "$(grep -c 'GET /faults/ndbg/202204/e500-P2.pdf' "$SRVLOG")" -eq 2 ] || fail "500 not retried once"
[ "$(grep -c 'GET /faults/ndbg/202204/r429-P3.pdf' "$SRVLOG")" -eq 2 ] || fail "429 not retried once"
grep -q 'GET /faults/ndbg/202204/P5.pdf 200' "$SRVLOG" || fail "redirect not followed"
grep -q 'evil.example.org' "$SRVLOG" && fail "followed an off-host redirect"
# the 50 MB bodies were cut off at max-bytes: the cache holds nothing big
big=$(find "$TMPD/st/cache" -type f -size +4M | wc -l)
[ "$big" -eq 0 ] || fail "$big oversized files in the cache"
[ -z "$(ls "$TMPD/st/cache/tmp")" ] || fail "temporary files left behind"
end=$(date +%s)
echo "ok: $(wc -l <"$TMPD/got") fault records as expected in $((end - start)) s"
