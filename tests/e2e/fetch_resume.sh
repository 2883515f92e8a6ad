#!/bin/sh
# A crawl killed at any moment (kill -9, SIGTERM) and run again ends with
# the same state (the journal replayed: URL, kind, page, SHA-256, ETag,
# Last-Modified, ...; not the times) as one run that was never
# interrupted, and with the same cache; no temporary file is left behind;
# a torn last line of the journal is cut off and the run goes on.  The kills are timed by the
# crawl's progress (requests the server answered, the state file saved),
# not by the clock, so a loaded machine kills at the same moments.
set -u
bin=${GK_BIN:-bin}
. tests/httpd/lib.sh
fail() { echo "FAIL: $*"; exit 1; }
# one transfer at a time, 25 ms apart: the crawl is still running when the
# signal comes
printf 'per-host 1\ndelay-ms 25\n' | cat tests/site/fetch-test.conf - >"$TMPD/slow.conf"
starts="--start $BASE/zwgk/zdgk/ndbg/index.shtml --start $BASE/zwgk/xxgk/bm/ndbg/index.shtml --start $BASE/zwgk/qxgk/ndbg/index.shtml"
# the journal replayed (E: an entry, F: forgotten), without the times
state() {
	awk -F'\t' '$1 == "E" { e[$2] = $2 FS $3 FS $4 FS $5 FS $6 FS $7 FS $8 FS $9 FS $10 FS $14 FS $15 FS $16 FS $17 FS $18 }
	$1 == "F" { delete e[$2] } END { for (u in e) print e[u] }' "$1/fetch.state" | sort
}
files() { find "$1/cache" -path '*/tmp' -prune -o -type f -print | wc -l; }

# Wait until process $1 has had $2 requests answered since the server log
# had $3 lines and, when $4 is given, file $4 exists.  1 if it ended first.
progressed() {
	w=0
	while kill -0 "$1" 2>/dev/null && [ $w -lt 3000 ]; do
		if [ $(($(wc -l <"$SRVLOG") - $3)) -ge "$2" ] && { [ -z "${4:-}" ] || grep -q '^E' "$4" 2>/dev/null; }; then
			return 0
		fi
		sleep 0.01
		w=$((w + 1))
	done
	return 1
}

# shellcheck disable=SC2086
"$bin/gk-fetch" -c tests/site/fetch-test.conf $starts --state "$TMPD/ref" >/dev/null 2>&1
state "$TMPD/ref" >"$TMPD/ref.state"
n=$(wc -l <"$TMPD/ref.state")
[ "$n" -gt 40 ] || fail "reference run saved only $n entries"
nfiles=$(files "$TMPD/ref")

# SIG:REQUESTS[:saved]: the signal after that many answers (and after the
# first save of the state file when :saved)
k=0
for run in KILL:4 KILL:25:saved TERM:40; do
	sig=${run%%:*} rest=${run#*:}
	reqs=${rest%%:*}
	k=$((k + 1))
	d=$TMPD/st-$k
	need=
	[ "${rest#*:}" = saved ] && need=$d/fetch.state
	base=$(wc -l <"$SRVLOG")
	# shellcheck disable=SC2086
	"$bin/gk-fetch" -c "$TMPD/slow.conf" $starts --state "$d" >/dev/null 2>&1 &
	pid=$!
	progressed $pid "$reqs" "$base" $need || { wait $pid; fail "SIG$sig: the crawl ended before $reqs requests"; }
	kill -s "$sig" $pid
	wait $pid
	rc=$?
	if [ "$sig" = KILL ]; then
		[ $rc -eq 137 ] || fail "SIGKILL: exit $rc, the crawl was not killed"
	else
		[ $rc -eq 2 ] || fail "SIG$sig: exit $rc, want 2"
	fi
	part=0
	[ -f "$d/fetch.state" ] && part=$(state "$d" | wc -l)
	[ -z "$need" ] || [ "$part" -gt 0 ] || fail "SIG$sig: no state saved before the kill"
	[ "$part" -lt "$n" ] || fail "SIG$sig: the crawl had finished"
	# shellcheck disable=SC2086
	"$bin/gk-fetch" -c tests/site/fetch-test.conf $starts --state "$d" >"$d.out" 2>/dev/null
	state "$d" >"$d.state"
	diff "$TMPD/ref.state" "$d.state" >/dev/null || fail "SIG$sig after $reqs requests: state differs"
	[ -z "$(ls "$d/cache/tmp")" ] || fail "SIG$sig: temporary files left"
	[ "$(files "$d")" -eq "$nfiles" ] || fail "SIG$sig: cache differs"
	echo "ok: SIG$sig after $reqs requests ($part of $n entries saved), rerun gives the same state"
done

# a journal whose last line was torn (the disk filled, the power went):
# the line is cut off, the rest holds, the run goes on
d=$TMPD/st-1
printf 'E\thttp://x/torn' >>"$d/fetch.state"
# shellcheck disable=SC2086
"$bin/gk-fetch" -c tests/site/fetch-test.conf $starts --state "$d" >/dev/null 2>"$d.err" || [ $? -eq 1 ] ||
    { cat "$d.err"; fail "after a torn line: the run failed"; }
grep -q 'x/torn' "$d/fetch.state" && fail "the torn line is still there"
state "$d" >"$d.state"
diff "$TMPD/ref.state" "$d.state" >/dev/null || fail "after a torn line: state differs"
echo "ok: a torn last line is cut off, the state holds"
