#!/bin/sh
# run.sh DIR SECONDS JOBS NAME...: run each libFuzzer harness DIR/fuzz_NAME
# for SECONDS from its seeds (tests/fuzz/seeds.sh), JOBS at a time, with a
# working corpus in build/fuzz/corpus/NAME (kept between runs) and crash
# inputs in build/fuzz/crashes/NAME/.  Prints one line per harness: runs,
# coverage, corpus size, crashes.  Exit 1 when any harness found a crash:
# copy the input into tests/fuzz/regress/NAME/ (make test replays it), fix
# the bug, and run again.
set -u
dir=$1 secs=$2 jobs=$3
# an input slower than this (seconds) is a hang; ASan on a loaded machine
# is slow: a 400 KB PDF of 0.5 s in the release build took 18 s here
timeout=${FUZZ_TIMEOUT:-60}
# leaks inside libraries gk cannot free (tests/lsan.supp) are matched by
# their callers' frames: the whole stack, not the fast unwinder's
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0"
shift 3
out=build/fuzz
mkdir -p "$out/logs"
one() {
	name=$1
	mkdir -p "$out/corpus/$name" "$out/crashes/$name"
	# crash inputs of earlier runs stay, but only this run's count
	: >"$out/logs/$name.start"
	# shellcheck disable=SC2046
	for f in $(sh tests/fuzz/seeds.sh "$name"); do
		cp -n "$f" "$out/corpus/$name/seed-$(echo "$f" | tr '/' '_')" 2>/dev/null || true
	done
	nice -n 10 "$dir/fuzz_$name" -max_total_time="$secs" -timeout="$timeout" \
	    -rss_limit_mb=2048 -max_len=1048576 -print_final_stats=1 \
	    -artifact_prefix="$out/crashes/$name/" "$out/corpus/$name" \
	    >"$out/logs/$name.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/logs/$name.log" | tail -n 1)
	cov=$(grep -o 'cov: [0-9]*' "$out/logs/$name.log" | tail -n 1)
	# libFuzzer also keeps its slow-unit-* there: slow, not broken
	ncrash=$(find "$out/crashes/$name" -type f -newer "$out/logs/$name.start" \
	    \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
	printf '%-16s %3ss  %10s runs  %-10s  corpus %5s  crashes %s%s\n' "$name" "$secs" \
	    "${runs:-?}" "${cov:-cov: ?}" "$(ls "$out/corpus/$name" | wc -l)" "$ncrash" \
	    "$([ "$rc" -ne 0 ] && echo "  (exit $rc: $out/logs/$name.log)")"
}
if [ "${1:-}" = "-1" ]; then	# one harness: run.sh DIR SECONDS JOBS -1 NAME
	one "$2"
	exit 0
fi
printf '%s\n' "$@" | xargs -P "$jobs" -I{} sh "$0" "$dir" "$secs" 1 -1 {}
status=0
for name in "$@"; do
	[ -z "$(find "$out/crashes/$name" -type f -newer "$out/logs/$name.start" \
	    \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) 2>/dev/null)" ] ||
	    status=1
done
exit "$status"
