#!/bin/sh
# A crawl killed at any moment (kill -9, SIGTERM) and run again ends with
# the same state file (URL, ETag, Last-Modified, SHA-256, ...; not the
# fetch time) as one run that was never interrupted, and with the same
# cache; no temporary file is left behind.
set -u
bin=${GK_BIN:-bin}
. tests/httpd/lib.sh
fail() { echo "FAIL: $*"; exit 1; }
# one transfer at a time, 40 ms apart: the crawl lasts long enough to kill
printf 'per-host 1\ndelay-ms 25\n' | cat tests/site/fetch-test.conf - >"$TMPD/slow.conf"
starts="--start $BASE/zwgk/zdgk/ndbg/index.shtml --start $BASE/zwgk/xxgk/bm/ndbg/index.shtml --start $BASE/zwgk/qxgk/ndbg/index.shtml"
state() { grep -v '^#' "$1/fetch.state" | cut -f1-7; }

# shellcheck disable=SC2086
"$bin/gk-fetch" -c tests/site/fetch-test.conf $starts --state "$TMPD/ref" >/dev/null 2>&1
state "$TMPD/ref" >"$TMPD/ref.state"
n=$(wc -l <"$TMPD/ref.state")
[ "$n" -gt 40 ] || fail "reference run saved only $n entries"

k=0
for run in KILL:0.4 KILL:1.3 TERM:0.9; do
	sig=${run%:*} delay=${run#*:}
	{
		k=$((k + 1))
		d=$TMPD/st-$k
		# shellcheck disable=SC2086
		"$bin/gk-fetch" -c "$TMPD/slow.conf" $starts --state "$d" >/dev/null 2>&1 &
		pid=$!
		sleep "$delay"
		kill -s "$sig" $pid 2>/dev/null
		wait $pid
		rc=$?
		[ "$sig" != KILL ] && [ $rc -ne 2 ] && [ $rc -ne 0 ] && fail "SIG$sig: exit $rc, want 2"
		part=0
		[ -f "$d/fetch.state" ] && part=$(grep -vc '^#' "$d/fetch.state")
		# shellcheck disable=SC2086
		"$bin/gk-fetch" -c tests/site/fetch-test.conf $starts --state "$d" >"$d.out" 2>/dev/null
		state "$d" >"$d.state"
		diff "$TMPD/ref.state" "$d.state" >/dev/null || fail "$sig after ${delay}s: state differs"
		[ -z "$(ls "$d/cache/tmp")" ] || fail "$sig: temporary files left"
		[ "$(find "$d/cache" -path '*/tmp' -prune -o -type f -print | wc -l)" -eq \
		  "$(find "$TMPD/ref/cache" -path '*/tmp' -prune -o -type f -print | wc -l)" ] || fail "$sig: cache differs"
		echo "ok: SIG$sig after ${delay}s ($part of $n entries saved), rerun gives the same state"
	}
done
