#!/bin/sh
# Every fuzz harness (tests/fuzz/fuzz_*.c), linked with tests/fuzz/replay.c,
# replays its seeds and every input that once crashed it
# (tests/fuzz/regress/NAME/): each must run to the end with exit 0 (a crash,
# a sanitizer report or an assertion in the harness fails the test).  Under
# make check the harnesses are the ASan+UBSan build.
set -u
: "${GK_FUZZ:=build/std/fuzz}"
# leaks inside libraries gk cannot free: tests/lsan.supp (the whole stack,
# so that their callers' frames match)
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"
export LSAN_OPTIONS="${LSAN_OPTIONS:+$LSAN_OPTIONS:}suppressions=$(pwd)/tests/lsan.supp:print_suppressions=0"
fail=0 n=0
for bin in "$GK_FUZZ"/replay_*; do
	[ -x "$bin" ] || continue
	name=${bin##*/replay_}
	seeds=$(sh tests/fuzz/seeds.sh "$name")
	[ -n "$seeds" ] || { echo "FAIL $name: no seeds (tests/fuzz/seeds/$name*)"; fail=1; continue; }
	# shellcheck disable=SC2086
	if ! out=$(timeout 300 "$bin" $seeds 2>&1); then
		echo "FAIL $name"; printf '%s\n' "$out" | tail -n 20; fail=1
	else
		printf '%s\n' "$out" | tail -n 1
	fi
	n=$((n + 1))
done
[ "$n" -gt 0 ] || { echo "no replay binaries in $GK_FUZZ"; exit 1; }
[ "$fail" -eq 0 ] && echo ok
exit "$fail"
