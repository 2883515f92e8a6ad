#!/bin/sh
# The nightly chain's cost (make bench): gk-harvest over the family of
# sites (tests/site/family on tests/httpd/server.py, the shipped
# configuration, delay 0, -j 1) night after night, a day apart
# (GK_FETCH_NOW): the first night, two unchanged nights; wall time, the
# documents gk-extract read and took from its cache, the log's growth and
# the caches' size.  Then gk-extract alone over the corpus's documents,
# with an empty cache and with the cache filled (the unchanged night's
# extract).
set -u
bin=${1:-bin}
SRV_VHOSTS=tests/site/family
. tests/httpd/lib.sh
d=$TMPD/data
now=$(date +%s)
up="--connect-to :443:127.0.0.1:$TLSPORT --connect-to ::127.0.0.1:$PORT"
for n in 0 1 2; do
	t0=$(date +%s.%N)
	# shellcheck disable=SC2086
	GK_FETCH_NOW=$((now + n * 86400)) GK_BIN=$bin sh load/gk-harvest.sh -j 1 -d "$d" -- \
	    -c tests/site/family-test.conf $up --state "$d" >/dev/null 2>&1
	rc=$?
	t1=$(date +%s.%N)
	x=$(grep '^gk-extract: [0-9]* documents' "$d/harvest.log" | tail -n 1 | sed 's/ (.*//; s/^gk-extract: //')
	printf 'harvest, family, night %d: exit %d, %5.1f s; extract: %s; log %6d B\n' $((n + 1)) $rc \
	    "$(echo "$t1 - $t0" | bc)" "$x" "$(wc -c <"$d/harvest.log")"
done
printf 'caches: bodies %s KB, extract records %s KB\n' "$(du -sk "$d/cache" | cut -f1)" "$(du -sk "$d/extract-cache" | cut -f1)"
docs=$(ls tests/corpus/docs/* tests/corpus/synthetic/docs/* tests/corpus/flat/docs/* tests/realworld/docs/* 2>/dev/null | grep -v '\.tsv$')
# shellcheck disable=SC2086
"$bin/gk-fetch" $docs >"$TMPD/c.rec" 2>/dev/null
for run in "empty cache" "filled cache"; do
	t0=$(date +%s.%N)
	"$bin/gk-extract" --cache "$TMPD/xc" "$TMPD/c.rec" >"$TMPD/x.$run" 2>"$TMPD/e"
	t1=$(date +%s.%N)
	printf 'gk-extract --cache over the corpus, %s: %6.2f s (%s)\n' "$run" "$(echo "$t1 - $t0" | bc)" \
	    "$(sed 's/ (.*//; s/^gk-extract: //' "$TMPD/e" | tail -n 1)"
done
cmp -s "$TMPD/x.empty cache" "$TMPD/x.filled cache" && echo "the same records, byte for byte" || echo "THE RECORDS DIFFER"
