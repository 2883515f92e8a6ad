#!/bin/sh
# make demo: the whole chain over the bundled local mirror of the site
# (tests/site/www, crawled through file:// by the same code that crawls
# qingdao.gov.cn), loaded into the flat files under DATA.
set -eu
bin=${1:-bin} data=${2:-data}
top=$(pwd)
mkdir -p "$data"
status=0
"$bin/gk-fetch" --state "$data" \
    --start "file://$top/tests/site/www/zwgk/zdgk/ndbg/index.shtml" \
    --start "file://$top/tests/site/www/zwgk/xxgk/bm/ndbg/index.shtml" |
    "$bin/gk-extract" | "$bin/gk-transform" | "$bin/gk-load" "$data" || status=$?
echo "demo: $(($(wc -l <"$data/reports.tsv") - 1)) reports, $(($(wc -l <"$data/metrics.tsv") - 1)) values, $(($(wc -l <"$data/checks.tsv") - 1)) failed checks, $(($(wc -l <"$data/errors.tsv") - 1)) errors in $data/"
exit "$status"
