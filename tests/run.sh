#!/bin/sh
# Run every unit test binary (GK_UNIT/test_*) and every end-to-end test
# (tests/e2e/*.sh, with GK_BIN pointing at the programs).  An e2e script exits
# 0 when it passes, 77 when it cannot run here (it must say why), anything
# else when it fails.  Ends with the line "N passed, N failed".
set -u
: "${GK_BIN:=bin}" "${GK_UNIT:=build/std/tests}"
export GK_BIN GK_UNIT
pass=0 fail=0 skip=0 failed=
for t in "$GK_UNIT"/test_*; do
	[ -x "$t" ] || continue
	if "$t" >"$GK_UNIT/$(basename "$t").log" 2>&1; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1)); failed="$failed $(basename "$t")"
		cat "$GK_UNIT/$(basename "$t").log"
	fi
done
echo "unit: $pass passed, $fail failed"
for t in tests/e2e/*.sh; do
	[ -f "$t" ] || continue
	name=$(basename "$t" .sh)
	log="$GK_UNIT/e2e-$name.log"
	sh "$t" >"$log" 2>&1
	rc=$?
	case $rc in
	0) pass=$((pass + 1)); echo "ok   $name" ;;
	77) skip=$((skip + 1)); echo "skip $name: $(tail -n 1 "$log")" ;;
	*) fail=$((fail + 1)); failed="$failed $name"; echo "FAIL $name"; tail -n 40 "$log" ;;
	esac
done
[ -z "$failed" ] || echo "failed:$failed"
echo "$pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
