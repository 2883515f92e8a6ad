#!/bin/sh
# make demo: the whole chain over the bundled local mirror of the site
# (tests/site/www, crawled through file:// by the same code that crawls
# qingdao.gov.cn), loaded into the flat files under DATA.  The mirror holds
# dead links, an off-host link, a robots-disallowed page and .xls/.wps files
# on purpose, so "some documents failed" (status 1) is the expected outcome;
# only a failed run (status 2) fails the demo.
set -u
bin=${1:-bin} data=${2:-data}
top=$(pwd)
mkdir -p "$data" || exit 2
# the files of an older gk-load (one reports.tsv, not generations) are
# made again from the mirror
for f in reports.tsv metrics.tsv checks.tsv errors.tsv wide-gov2019.tsv wide-gov2021.tsv index.html site; do
	[ -e "$data/$f" ] && [ ! -L "$data/$f" ] && rm -rf "${data:?}/$f"
done
set --
for col in zwgk/zdgk/ndbg zwgk/xxgk/bm/ndbg zwgk/qxgk/ndbg zwgk/qxgk/fjlb \
    zwgk/szfgk/gknb ywdt/zwzl/ndbg zwgk/xxgk/bmnb; do
	set -- "$@" --start "file://$top/tests/site/www/$col/index.shtml"
done
"$bin/gk-fetch" --state "$data" "$@" 2>"$data/demo.log" |
    "$bin/gk-extract" 2>>"$data/demo.log" | "$bin/gk-transform" 2>>"$data/demo.log" |
    "$bin/gk-load" "$data" 2>>"$data/demo.log"
status=$?
# rows of a table: one file, or a folder of partitions (header each)
rows() { awk 'FNR > 1' "$@" 2>/dev/null | wc -l; }
[ -e "$data/current" ] || { echo "demo: no data written, see $data/demo.log"; exit 2; }
echo "demo: $(rows "$data"/reports/*.tsv) reports, $(rows "$data"/metrics/*.tsv) values, $(rows "$data"/checks/*.tsv) failed checks, $(rows "$data/errors.tsv") documents not read (see $data/errors.tsv, $data/demo.log); open $data/index.html or query $data/gk.sqlite"
[ "$status" -le 1 ] || exit 2
