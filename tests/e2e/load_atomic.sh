#!/bin/sh
# Data safety as a whole: a load switches the whole data set at once.
#  1. Killed at every step (GK_LOAD_CRASH_AT: the N-th crash point of a
#     load, for N = 1, 2, ... until one passes them all) and at random
#     moments (kill -9), DIR/current is always the old data set or the new
#     one, every file of it whole, gk.sqlite at the same generation as the
#     TSV files; the next load finishes the job.
#  2. A reader that resolves DIR/current once sees one generation, whole,
#     while loads run and are killed.
#  3. Two loads at once both land.
#  4. A full disk (a small tmpfs, else a file-size limit): the load fails
#     with exit 2 and one line, the data set stays as it was, and a load
#     with room again gives the new set.
# GK_LOAD_LONG=1 (make check-long) does it on a bigger stream with more
# random kills.
set -u
long=${GK_LOAD_LONG:-0}
bin=${GK_BIN:-bin}
mk=tests/e2e/load_mkstream
. tests/e2e/load_lib
# in memory when there is a tmpfs for it: the test is about kills, not
# about the speed of fsync
t=$(mktemp -d -p /dev/shm 2>/dev/null || mktemp -d)
reader= mnt=
cleanup() {
	[ -n "$reader" ] && kill "$reader" 2>/dev/null
	[ -n "$mnt" ] && umount "$mnt" 2>/dev/null
	rm -rf "$t"
}
trap cleanup EXIT
fail() { echo "FAIL: $*"; exit 1; }
# the site's generation time: fixed, so that two data sets compare
export SOURCE_DATE_EPOCH=1700000000
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (load/debian-packages)"; exit 77; }
export GK_LOAD_VERIFY=1

for d in $(cut -f1 tests/corpus/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/truth "$d"; done >"$t/seeds"
for d in $(cut -f1 tests/corpus/synthetic/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/synthetic/truth "$d"; done >"$t/syns"
# The big stream: the synthetic reports (all 17 reports three times over
# for the long run), as other agencies.
if [ "$long" = 1 ]; then cat "$t/seeds" "$t/syns"; else head -2000 "$t/syns"; fi >"$t/base"
awk -F '\t' -v OFS='\t' -v n=$([ "$long" = 1 ] && echo 3 || echo 1) '{ line[NR] = $0 }
END { for (k = 1; k <= n; k++) for (i = 1; i <= NR; i++) {
	$0 = line[i]; if ($1 != "doc") $2 = $2 "-" k
	if ($1 == "report") $4 = $4 "第" k "分局"
	print } }' "$t/base" >"$t/big"
# ... and a change to the seeds (a revised figure).
awk -F '\t' -v OFS='\t' '$1 == "metric" && $3 == "requests.new.total" && !d { $4 = $4 + 1; $6 = $4; d = 1 } { print }' \
    "$t/seeds" >"$t/seeds2"
cat "$t/big" "$t/seeds2" >"$t/next"

"$bin/gk-load" "$t/old" <"$t/seeds" || fail "load of the seeds"
cp -a "$t/old" "$t/new" && "$bin/gk-load" "$t/new" <"$t/next" || fail "reference load"

# same DIR REF: DIR/current holds the files of REF/current, and its
# gk.sqlite is of the same generation with as many reports.
same() {
	diff -r -x gk.sqlite "$1/current/" "$2/current/" >/dev/null || return 1
	[ "$(sqlite3 "$1/current/gk.sqlite" 'SELECT MAX(run) FROM runs')" = \
	    "$(gen "$1" | sed 's|.*/0*||')" ] || return 1
	[ "$(sqlite3 "$1/current/gk.sqlite" 'SELECT COUNT(*) FROM reports')" = \
	    "$(rows "$1" reports | wc -l)" ]
}
same "$t/old" "$t/old" || fail "the reference itself"

# 1. Killed at every crash point.
n=1 old=0 new=0
while :; do
	rm -rf "$t/d"; cp -a "$t/old" "$t/d"
	GK_LOAD_CRASH_AT=$n "$bin/gk-load" "$t/d" <"$t/next" 2>"$t/err"
	rc=$?
	[ $rc -eq 137 ] || [ $rc -eq 0 ] || { cat "$t/err"; fail "crash point $n: exit $rc"; }
	if same "$t/d" "$t/old"; then old=$((old + 1))
	elif same "$t/d" "$t/new"; then new=$((new + 1))
	else cat "$t/err"; fail "killed at crash point $n: neither the old data set nor the new one"; fi
	[ $rc -eq 0 ] && break
	# the next load (a plain one) finishes the job
	"$bin/gk-load" -w 0 "$t/d" <"$t/next" 2>"$t/err2" || { cat "$t/err" "$t/err2"; fail "load after the kill at point $n"; }
	same "$t/d" "$t/new" || { cat "$t/err"; fail "after the kill at point $n and a reload: not the new data set"; }
	ls -A "$t/d/.gk/gen" | grep -q tmp && fail "temporary generation left behind (point $n)"
	n=$((n + 1))
	[ $n -le 300 ] || fail "more than 300 crash points?"
done
echo "killed at each of $((n - 1)) crash points: $old left the old data set, $((new - 1)) the new one; each whole"

# ... again, a data set one generation on (the standby is replayed, not
# copied), killed at every point.
cp -a "$t/new" "$t/new1"
"$bin/gk-load" "$t/new1" <"$t/seeds" || fail "reference load 2"
k=1
while :; do
	rm -rf "$t/d"; cp -a "$t/new" "$t/d"
	GK_LOAD_CRASH_AT=$k "$bin/gk-load" "$t/d" <"$t/seeds" 2>"$t/err"
	rc=$?
	same "$t/d" "$t/new" || same "$t/d" "$t/new1" || { cat "$t/err"; fail "second series, point $k: a mix"; }
	[ $rc -eq 0 ] && break
	[ $rc -eq 137 ] || { cat "$t/err"; fail "second series, point $k: exit $rc"; }
	"$bin/gk-load" "$t/d" <"$t/seeds" 2>"$t/err2" || { cat "$t/err2"; fail "second series: reload after point $k"; }
	same "$t/d" "$t/new1" || fail "second series, point $k: reload is not the new data set"
	k=$((k + 1))
done
echo "second series: killed at each of $((k - 1)) crash points, each time old or new"

# kill -9 at random moments of a load, each from the old data set.
ms=$( { s=$(date +%s%N); rm -rf "$t/d"; cp -a "$t/old" "$t/d"; "$bin/gk-load" "$t/d" <"$t/next"; e=$(date +%s%N); echo $(( (e - s) / 1000000 )); } )
i=0 kills=0 nk=$([ "$long" = 1 ] && echo 12 || echo 3)
while [ $i -lt $nk ]; do
	rm -rf "$t/d"; cp -a "$t/old" "$t/d"
	delay=$(awk -v i=$i -v n=$nk -v ms="$ms" 'BEGIN { srand(i); printf "%.3f", (i / (n - 1) + rand() / n) * ms / 1000 }')
	"$bin/gk-load" "$t/d" <"$t/next" 2>/dev/null &
	pid=$!
	sleep "$delay"
	kill -9 $pid 2>/dev/null && kills=$((kills + 1))
	wait $pid 2>/dev/null
	same "$t/d" "$t/old" || same "$t/d" "$t/new" || fail "kill after ${delay}s: a mix"
	"$bin/gk-load" "$t/d" <"$t/next" && same "$t/d" "$t/new" || fail "after the kill at ${delay}s and a reload: not the new data set"
	i=$((i + 1))
done
echo "$nk loads killed at random moments ($kills while running): old or new each time"

# 2. A reader, while loads of two streams take turns and some are killed:
# the generation it resolved is whole, its gk.sqlite as many reports as
# its reports/.
rm -rf "$t/r"; cp -a "$t/old" "$t/r"
(
	while [ ! -e "$t/stop" ]; do
		c=$(readlink -f "$t/r/current") || continue
		nr=$(awk 'FNR > 1' "$c"/reports/*.tsv 2>/dev/null | wc -l)
		ns=$(sqlite3 "$c/gk.sqlite" 'SELECT COUNT(*) FROM reports' 2>/dev/null) || continue
		for f in "$c"/reports/*.tsv "$c"/metrics/*.tsv; do
			[ -f "$f" ] && ! head -1 "$f" | grep -q '^report	' &&
			    [ -d "$c" ] && echo "reader: $f has no header"
		done
		# a generation swept away while read (two loads on) is not a mix
		[ "$nr" != "$ns" ] && [ -d "$c" ] &&
		    echo "reader: $c: $nr reports in reports/, $ns in gk.sqlite"
		echo . >&3
	done >>"$t/reader.err" 3>>"$t/reads"
) &
reader=$!
i=0 nl=$([ "$long" = 1 ] && echo 12 || echo 5)
while [ $i -lt $nl ]; do
	s=$t/next; [ $((i % 2)) -eq 1 ] && s=$t/seeds
	"$bin/gk-load" "$t/r" <"$s" 2>/dev/null &
	pid=$!
	[ $((i % 3)) -eq 2 ] && { sleep 0.$((i + 1)); kill -9 $pid 2>/dev/null; }
	wait $pid 2>/dev/null
	i=$((i + 1))
done
touch "$t/stop"; wait $reader; reader=
[ -s "$t/reader.err" ] && { cat "$t/reader.err"; fail "a reader saw a mix"; }
echo "a reader read $(wc -l <"$t/reads") times during $nl loads (some killed): one whole generation each time"

# 3. Two loads at once, of different reports: both land.
rm -rf "$t/two"
"$bin/gk-load" "$t/two" <"$t/seeds" & p1=$!
"$bin/gk-load" "$t/two" <"$t/big" & p2=$!
wait $p1 || fail "concurrent load 1"
wait $p2 || fail "concurrent load 2"
n2=$(rows "$t/two" reports | wc -l)
want=$(($(grep -c '^report' "$t/seeds") + $(grep -c '^report' "$t/big")))
[ "$n2" -eq "$want" ] || fail "two loads at once left $n2 reports, expected $want"
echo "two loads at once: both landed ($n2 reports)"

# 4. A full disk.
mkdir "$t/small"
size=$(du -sk "$t/old" | cut -f1)
if mount -t tmpfs -o size=$((size + 64))k tmpfs "$t/small" 2>/dev/null; then
	mnt=$t/small
	cp -a "$t/old/." "$t/small/"
	"$bin/gk-load" "$t/small" <"$t/next" 2>"$t/err"
	rc=$?
	[ $rc -eq 2 ] || { cat "$t/err"; fail "full disk: exit $rc, expected 2"; }
	grep -q 'the disk is full\|No space left' "$t/err" || { cat "$t/err"; fail "full disk: no clear message"; }
	same "$t/small" "$t/old" || fail "full disk: the data set changed"
	mount -o remount,size=$((size * 4 + 4096))k "$t/small" || fail "remount"
	"$bin/gk-load" "$t/small" <"$t/next" || fail "full disk: load with room again"
	same "$t/small" "$t/new" || fail "full disk: then not the new data set"
	umount "$t/small"; mnt=
	echo "full disk (a ${size} KB data set on a tmpfs of $((size + 64)) KB): exit 2, the data set as it was; with room, the new one"
else
	# No mount here (not root, or no CAP_SYS_ADMIN): a file-size limit
	# makes writes past it fail the same way (EFBIG instead of ENOSPC).
	cp -a "$t/old" "$t/lim"
	( ulimit -f 64; trap '' XFSZ; exec "$bin/gk-load" "$t/lim" <"$t/next" ) 2>"$t/err"
	rc=$?
	[ $rc -eq 2 ] || { cat "$t/err"; fail "file-size limit: exit $rc, expected 2"; }
	same "$t/lim" "$t/old" || fail "file-size limit: the data set changed"
	"$bin/gk-load" "$t/lim" <"$t/next" && same "$t/lim" "$t/new" || fail "file-size limit: then not the new data set"
	echo "full disk: cannot mount a tmpfs here; a 64 KB file-size limit instead: exit 2, the data set as it was"
fi
echo "atomic: ok"
