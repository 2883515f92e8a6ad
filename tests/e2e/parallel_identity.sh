#!/bin/sh
# gk-extract and gk-transform are filters over groups of records (a report
# page and its documents, each group opened by gk-fetch's `group` record),
# so GNU parallel can fan them out: the mirror crawled once, then read
# serially and by `parallel --pipe --recstart 'group<TAB>' -k` on two cores
# in small blocks (many groups to a block, blocks cut only between groups),
# must give byte for byte the same stream.
set -u
bin=${GK_BIN:-bin}
command -v parallel >/dev/null 2>&1 || { echo "GNU parallel is not installed (package parallel)"; exit 77; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
top=$(pwd)
set --
for col in zwgk/zdgk/ndbg zwgk/xxgk/bm/ndbg zwgk/qxgk/ndbg zwgk/qxgk/fjlb \
    zwgk/szfgk/gknb ywdt/zwzl/ndbg zwgk/xxgk/bmnb; do
	set -- "$@" --start "file://$top/tests/site/www/$col/index.shtml"
done
"$bin/gk-fetch" -q --state "$t/st" "$@" >"$t/fetched" 2>"$t/fetch.err"
[ "$?" -le 1 ] || { cat "$t/fetch.err"; fail "gk-fetch"; }
ngroups=$(grep -c '^group	' "$t/fetched")
[ "$ngroups" -ge 20 ] || fail "only $ngroups groups in the crawl"
"$bin/gk-extract" -q <"$t/fetched" 2>/dev/null >"$t/ext1"
"$bin/gk-transform" -q <"$t/ext1" 2>/dev/null >"$t/out1"
rs=$(printf 'group\t')
parallel --will-cite --pipe --recstart "$rs" -k -j2 --block 2k --joblog "$t/jobs1" \
    "$bin/gk-extract" -q <"$t/fetched" 2>/dev/null >"$t/ext2"
cmp -s "$t/ext1" "$t/ext2" || { diff "$t/ext1" "$t/ext2" | head; fail "gk-extract under parallel differs"; }
parallel --will-cite --pipe --recstart "$rs" -k -j2 --block 100k --joblog "$t/jobs2" \
    "$bin/gk-transform" -q <"$t/ext1" 2>/dev/null >"$t/out2"
cmp -s "$t/out1" "$t/out2" || { diff "$t/out1" "$t/out2" | head; fail "gk-transform under parallel differs"; }
[ "$(grep -c '^report' "$t/out1")" -ge 20 ] || fail "too few reports to mean anything"
j1=$(($(wc -l <"$t/jobs1") - 1)) j2=$(($(wc -l <"$t/jobs2") - 1))
[ "$j1" -ge 4 ] && [ "$j2" -ge 4 ] || fail "the stream was cut in only $j1 and $j2 blocks"
echo "ok: $ngroups groups in $j1 and $j2 blocks, $(grep -c '^report' "$t/out1") reports, serial and parallel identical"
