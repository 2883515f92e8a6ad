#!/bin/sh
# kill -9 at any moment of a big gk-load leaves every file whole: each is
# byte for byte either the file before the load or the file after it.  The
# lock dies with the process, and the next load sweeps the temporary files
# and finishes the job.
set -u
bin=${GK_BIN:-bin}
mk=tests/e2e/load_mkstream
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# the site's generation time: fixed, so that two data sets compare
export SOURCE_DATE_EPOCH=1700000000
files="reports.tsv metrics.tsv checks.tsv errors.tsv wide-gov2019.tsv wide-gov2021.tsv index.html"

for d in $(cut -f1 tests/corpus/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/truth "$d"; done >"$t/seeds"
for d in $(cut -f1 tests/corpus/synthetic/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/synthetic/truth "$d"; done >"$t/syns"
# The big stream: the 17 reports 25 times over under other ids.
awk -F '\t' -v OFS='\t' -v n=25 '{ line[NR] = $0 }
END { for (k = 1; k <= n; k++) for (i = 1; i <= NR; i++) {
	$0 = line[i]; if ($1 != "doc") $2 = $2 "-" k; print } }' \
    "$t/seeds" "$t/syns" >"$t/big"

"$bin/gk-load" "$t/old" <"$t/seeds" || fail "load of the seeds"
cp -r "$t/old" "$t/new" && "$bin/gk-load" "$t/new" <"$t/big" || fail "reference load"

# How long a whole load takes, to spread the kills over it.
cp -r "$t/old" "$t/d"
s=$(date +%s%N); "$bin/gk-load" "$t/d" <"$t/big"; e=$(date +%s%N)
ms=$(( (e - s) / 1000000 ))
echo "a whole load takes $ms ms"
rm -rf "$t/d"

i=0 old=0 new=0 mixed=0
while [ $i -lt 10 ]; do
	rm -rf "$t/d"; cp -r "$t/old" "$t/d"
	# kill after i/8 of the load's time, plus a little jitter: the last
	# ones come after the renames
	delay=$(awk -v i=$i -v ms="$ms" 'BEGIN { srand(i); printf "%.3f", (i / 8 + rand() / 16) * ms / 1000 }')
	"$bin/gk-load" "$t/d" <"$t/big" 2>/dev/null &
	pid=$!
	sleep "$delay"
	kill -9 $pid 2>/dev/null
	wait $pid 2>/dev/null
	nold=0 nnew=0
	for f in $files; do
		if cmp -s "$t/old/$f" "$t/new/$f"; then
			continue	# the load does not change it
		elif cmp -s "$t/d/$f" "$t/old/$f"; then
			nold=$((nold + 1))
		elif cmp -s "$t/d/$f" "$t/new/$f"; then
			nnew=$((nnew + 1))
		else
			fail "kill after ${delay}s: $f is neither the old nor the new file"
		fi
	done
	if [ $nnew -eq 0 ]; then old=$((old + 1));
	elif [ $nold -eq 0 ]; then new=$((new + 1));
	else mixed=$((mixed + 1)); fi
	i=$((i + 1))
done
echo "10 kills: $old left the old files, $new the new ones, $mixed some of each (each file whole)"

# After a kill the next load takes the lock at once, sweeps the leftover
# temporary files and gives the new data.
"$bin/gk-load" -w 0 "$t/d" <"$t/big" || fail "load after a kill"
for f in $files; do cmp -s "$t/d/$f" "$t/new/$f" || fail "$f after the kill and a reload"; done
ls -A "$t/d" | grep -q 'gk-tmp' && fail "temporary files left behind"
echo "atomic: ok"
