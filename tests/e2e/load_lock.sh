#!/bin/sh
# One gk-load at a time per folder: while another holds the lock a second
# one waits up to -w seconds, then fails clearly (exit 2, files untouched);
# two loads started together both land, one after the other, and neither's
# reports are lost.
set -u
bin=${GK_BIN:-bin}
mk=tests/e2e/load_mkstream
. tests/e2e/load_lib
t=$(mktemp -d)
holder=
trap '[ -n "$holder" ] && kill $holder 2>/dev/null; rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v flock >/dev/null || { echo "flock(1) (util-linux) is not installed"; exit 77; }

sh $mk tests/corpus/truth 000_0e252554ad65cb5c >"$t/s0"
sh $mk tests/corpus/truth 002_76275f96720f379e >"$t/s2"
"$bin/gk-load" "$t/d" <"$t/s0" || fail "first load"
rows "$t/d" reports >"$t/reports.before"

# Hold the lock from outside for 3 s.
flock "$t/d/.gk-load.lock" sleep 3 &
holder=$!
sleep 0.5
s=$(date +%s%N)
"$bin/gk-load" -w 0 "$t/d" <"$t/s2" 2>"$t/err"
rc=$?
[ $rc -eq 2 ] || fail "-w 0 under a held lock: exit $rc, expected 2"
grep -q 'gk-load: .*\.gk-load\.lock: locked by another gk-load' "$t/err" || { cat "$t/err"; fail "unclear message"; }
"$bin/gk-load" -w 1 "$t/d" <"$t/s2" 2>"$t/err"
rc=$?
e=$(date +%s%N)
[ $rc -eq 2 ] || fail "-w 1 under a held lock: exit $rc"
ms=$(( (e - s) / 1000000 ))
[ $ms -ge 900 ] || fail "-w 1 gave up after $ms ms"
rows "$t/d" reports | cmp -s - "$t/reports.before" || fail "a failed load changed reports/"
cat "$t/err"
# Waiting long enough gets through once the holder lets go.
"$bin/gk-load" -w 20 "$t/d" <"$t/s2" || fail "-w 20 did not get the lock"
e=$(date +%s%N)
wait $holder; holder=
[ $(( (e - s) / 1000000 )) -ge 2400 ] || fail "-w 20 did not wait for the holder"
[ -n "$(report_of "$t/d" 002_76275f96720f379e)" ] || fail "the waiting load was lost"

# Eight loads at once, each of a different report: all land.
rm -rf "$t/d"
i=0
for d in $(cut -f1 tests/corpus/synthetic/truth/reports.tsv | sed 1d | head -8); do
	sh $mk tests/corpus/synthetic/truth "$d" >"$t/p$i"
	i=$((i + 1))
done
pids=
for j in 0 1 2 3 4 5 6 7; do
	"$bin/gk-load" "$t/d" <"$t/p$j" & pids="$pids $!"
done
for p in $pids; do wait $p || fail "a concurrent load failed"; done
n=$(rows "$t/d" reports | wc -l)
[ "$n" -eq 8 ] || fail "8 concurrent loads left $n reports"
m=$(rows "$t/d" metrics | wc -l)
w=$(cat "$t"/p? | grep -c '^metric')
[ "$m" -eq "$w" ] || fail "8 concurrent loads left $m values, expected $w"
echo "lock: ok"
