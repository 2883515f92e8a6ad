#!/bin/sh
# tests/bench/load.sh BIN: gk-load at the scale of the whole corpus and
# past it, as rows of make bench's table (tests/bench.sh runs it; alone:
# `make bench-load`, BENCH_LOAD="10000 100000" for the sizes).  Printed,
# never asserted.
#
# For each size N of BENCH_LOAD (default "1000 10000"): a data set of N
# reports made from generated gk-transform streams (tests/bench/mkload.py:
# the three forms, 0-3 failed checks a report, one in 20 found at a second
# URL) straight into gk-load, from an empty folder: the full rebuild (wall,
# CPU, peak RSS); kept in BENCH_CACHE/load-N-KEY (KEY: the hash of gk-load
# and of the generator, so a new gk-load makes them again).  Then, on a
# copy of it (work: the data set as made stays as it is, run after run): 10 new reports (a year's partition and the pages across reports
# change); 10 reports of the set with other figures (5) and 5 new; and the
# same 10 with the site marked as another program's, so that it is made
# whole (what the first load of a new gk-load costs).
set -u
bin=${1:-bin}
LOADS=${BENCH_LOAD-1000 10000}
cache=${BENCH_CACHE:-build/bench}
PY=/usr/bin/python3
[ -x $PY ] || PY=python3
top=$(pwd)
case $bin in /*) ;; *) bin=$top/$bin ;; esac
case $cache in /*) ;; *) cache=$top/$cache ;; esac
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
[ -x /usr/bin/time ] || { echo "bench: GNU time is needed (make bench-deps)" >&2; exit 2; }

row() { printf '| %s | %s | %s | %s | %s | %s |\n' "$@"; }
. tests/bench/verdict.sh
# the figures of a GNU time file (wall user sys maxKiB)
wall() { awk '/^[0-9.]+ / { printf "%.2f", $1 }' "$1"; }
cpu() { awk '/^[0-9.]+ / { printf "%.2f", $2 + $3 }' "$1"; }
mb() { awk '/^[0-9.]+ / { printf "%.0f", $4 / 1024 }' "$1"; }
fig() { echo "$(wall "$1") s wall, $(cpu "$1") s CPU ($(awk '/^[0-9.]+ / { printf "%.2f user", $2 }' "$1")), $(mb "$1") MB"; }
# work: a copy of the data set, its files hard links (a load never writes
# a file of a generation), the store's database files copied (the standby
# is written in place)
work() {
	rm -rf "$t/w" && cp -al "$d/data" "$t/w" && rm -rf "$t/w/.gk/db" &&
	    cp -a "$d/data/.gk/db" "$t/w/.gk/db"
}
# load NAME DIR STREAM: gk-load under GNU time; 0 or a row saying it failed
load() {
	if ! /usr/bin/time -f '%e %U %S %M' -o "$t/$1.time" "$bin/gk-load" -q "$2" "$3" 2>"$t/$1.err"; then
		row "$1" "gk-load failed: $(head -n 1 "$t/$1.err" | sed 's/|/∣/g')" "" "" "" "**failed**"
		return 1
	fi
}

lkey=$(cat "$bin/gk-load" tests/bench/mkload.py | sha256sum | cut -c1-12)
for size in $LOADS; do
	d=$cache/load-$size-$lkey
	if [ ! -d "$d" ]; then
		echo "bench: making the data set of $size reports (once, in $d)" >&2
		rm -rf "$d.tmp"; mkdir -p "$d.tmp"
		$PY tests/bench/mkload.py 0 "$size" >"$t/build.rec"
		/usr/bin/time -f '%e %U %S %M' -o "$d.tmp/build.time" "$bin/gk-load" -q "$d.tmp/data" "$t/build.rec" 2>"$d.tmp/build.err" &&
		    touch "$d.tmp/.done" && mv "$d.tmp" "$d"
		rm -f "$t/build.rec"
	fi
	# a folder without .done is a build still going on (another run): wait
	i=0
	while [ -d "$d" ] && [ ! -f "$d/.done" ] && [ $i -lt 720 ]; do sleep 5; i=$((i + 1)); done
	if [ ! -f "$d/.done" ]; then
		row "load: $size reports into an empty folder" "the data set could not be made ($d.tmp/build.err)" "" "" "" "**failed**"
		continue
	fi
	row "load: $size reports into an empty folder (the full rebuild)" "$(fig "$d/build.time")" \
	    "$(du -sm "$d/data" | cut -f1) MB on disk" "" "" ""
	# 10 new: reports past the set (another agency's years)
	work
	$PY tests/bench/mkload.py "$((size + 100))" 10 >"$t/new.rec"
	load "10 new into $size" "$t/w" "$t/new.rec" &&
	    row "load 10 new reports into $size" "$(fig "$t/10 new into $size.time")" "" "" \
	    "< 64 MB" "$(verdict "$(mb "$t/10 new into $size.time")" le 64 ' MB')"
	cp "$t/10 new into $size.time" "$t/new$size.time" 2>/dev/null
	# 10 of the set changed or new: the last 5 with other figures, 5 more
	work
	$PY tests/bench/mkload.py "$((size - 5))" 10 "bench" >"$t/inc.rec"
	load "10 changed into $size" "$t/w" "$t/inc.rec" &&
	    row "load 10 reports into $size (5 changed, 5 new)" "$(fig "$t/10 changed into $size.time")" "" "" \
	    "< 64 MB" "$(verdict "$(mb "$t/10 changed into $size.time")" le 64 ' MB')"
	cp "$t/10 changed into $size.time" "$t/inc$size.time" 2>/dev/null
	# the same, the site made whole (as after a new gk-load)
	work
	g=$t/w/$(readlink "$t/w/current")
	sed '1s/^[^\t]*/another-program/' "$g/site/generated.tsv" >"$t/gen" &&
	    rm -f "$g/site/generated.tsv" && cp "$t/gen" "$g/site/generated.tsv"
	load "site whole at $size" "$t/w" "$t/inc.rec" &&
	    row "load 10 reports into $size, the site made whole (a new gk-load)" \
	    "$(fig "$t/site whole at $size.time")" "$(ls "$t/w/current/site/r" | wc -l) report pages, all made again" "" "" ""
	rm -rf "$t/w"
done
# the verdict over the sizes: 10 into the largest against 10 into the smallest
set -- $LOADS
if [ $# -ge 2 ]; then
	eval "last=\${$#}"
	if [ -f "$t/inc$1.time" ] && [ -f "$t/inc$last.time" ]; then
		a=$(cpu "$t/inc$1.time") b=$(cpu "$t/inc$last.time") ma=$(mb "$t/inc$1.time") mbb=$(mb "$t/inc$last.time")
		row "load: $1 → $last reports" "10 reports: CPU ×$(awk -v a="$a" -v b="$b" 'BEGIN { printf "%.2f", b / a }'), memory ×$(awk -v a="$ma" -v b="$mbb" 'BEGIN { printf "%.2f", b / a }') for a data set ×$(($last / $1))" "" "" \
		    "flat (≤ 2× for 10× the data set), < 64 MB" \
		    "$(awk -v a="$a" -v b="$b" -v ma="$ma" -v mb="$mbb" 'BEGIN {
			g = (a > 0) ? b / a : 0; m = mb / ma
			if (g <= 2 && m <= 2 && mb < 64) print "**met**"
			else printf "**missed**: CPU ×%.1f, memory ×%.1f (%d MB)\n", g, m, mb }')"
	fi
fi
