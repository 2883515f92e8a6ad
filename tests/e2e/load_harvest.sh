#!/bin/sh
# gk-harvest, the chain for cron: exit 0 and silence when all is well, 1
# with a summary on stderr when documents failed, 2 when the run failed
# (bad arguments to a stage, another harvest holding the lock, a data
# folder that cannot be written); the log frames each run.
set -u
bin=${GK_BIN:-bin}
export GK_BIN=$bin
h=load/gk-harvest.sh
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v flock >/dev/null || { echo "flock(1) (util-linux) is not installed"; exit 77; }

sh $h -d "$t/data" -- tests/corpus/docs/000_0e252554ad65cb5c.html >"$t/out" 2>&1
rc=$?
[ $rc -eq 0 ] || { cat "$t/out"; fail "a good document: exit $rc"; }
[ -s "$t/out" ] && { cat "$t/out"; fail "output on success (cron would mail)"; }
[ "$(awk 'FNR > 1' "$t/data"/reports/*.tsv | wc -l)" -eq 1 ] || fail "the report did not land"
grep -q 'gk-harvest: end: exit 0; fetch=0 extract=0 transform=0 load=0' "$t/data/harvest.log" || fail "log end line"

printf 'not a pdf' >"$t/bad.pdf"
sh $h -d "$t/data" -- "$t/bad.pdf" tests/corpus/docs/002_76275f96720f379e.html >"$t/out" 2>&1
rc=$?
[ $rc -eq 1 ] || { cat "$t/out"; fail "a bad document: exit $rc, expected 1"; }
grep -q '1 new failures' "$t/out" || { cat "$t/out"; fail "no summary for cron"; }
grep -q '  unsupported: .*bad.pdf: ' "$t/out" || fail "the new failure is not named"
[ "$(awk 'FNR > 1' "$t/data"/reports/*.tsv | wc -l)" -eq 2 ] || fail "the good document of the batch did not land"
grep -q "bad.pdf" "$t/data/errors.tsv" || fail "errors.tsv misses the bad document"

# the same failure the next night is known: exit 0, nothing for cron
sh $h -d "$t/data" -- "$t/bad.pdf" tests/corpus/docs/002_76275f96720f379e.html >"$t/out" 2>&1
rc=$?
[ $rc -eq 0 ] || { cat "$t/out"; fail "a known failure: exit $rc, expected 0"; }
[ -s "$t/out" ] && { cat "$t/out"; fail "output for a known failure (cron would mail)"; }
grep -q 'end: exit 0; fetch=0 extract=1 transform=0 load=0; errors.tsv: 1 documents, 0 new' "$t/data/harvest.log" ||
    { tail -n 3 "$t/data/harvest.log"; fail "log end line of a known failure"; }
# ... and gk-extract read nothing it had read before
grep -q 'gk-extract: 2 documents: 0 read, 2 from the cache' "$t/data/harvest.log" || fail "the second night read documents again"

sh $h -d "$t/data" -- -Z >"$t/out" 2>&1
rc=$?
[ $rc -eq 2 ] || fail "gk-fetch given a bad option: exit $rc, expected 2"
grep -q 'the run failed: fetch=2' "$t/out" || { cat "$t/out"; fail "summary of a failed run"; }

flock "$t/data/.gk-harvest.lock" sleep 3 &
holder=$!
sleep 0.5
sh $h -d "$t/data" -- tests/corpus/docs/000_0e252554ad65cb5c.html >"$t/out" 2>&1
rc=$?
kill $holder 2>/dev/null; wait $holder 2>/dev/null
[ $rc -eq 2 ] || fail "lock held: exit $rc, expected 2"
grep -q 'another harvest is still running' "$t/out" || fail "lock message"

: >"$t/file"
sh $h -d "$t/file/data" -- tests/corpus/docs/000_0e252554ad65cb5c.html >"$t/out" 2>&1
[ $? -eq 2 ] || fail "unwritable data folder: not 2"
[ "$(grep -c 'gk-harvest: start' "$t/data/harvest.log")" -eq 4 ] || fail "log start lines"

# the log is rotated past its size, four old logs kept
for i in 1 2 3 4 5; do
	GK_HARVEST_LOG_BYTES=100 sh $h -w 5 -d "$t/data" -- tests/corpus/docs/000_0e252554ad65cb5c.html >"$t/out" 2>&1 || { cat "$t/out"; 
	    fail "run $i with a small log"; }
done
[ "$(ls "$t/data" | grep -c '^harvest\.log')" -eq 5 ] || fail "not LOG and four old ones: $(ls "$t/data")"
[ "$(grep -c 'gk-harvest: start' "$t/data/harvest.log")" -eq 1 ] || fail "the log was not rotated"
grep -q 'gk-harvest: end' "$t/data/harvest.log.1" || fail "LOG.1 is not the last run's"
echo "harvest: ok"
