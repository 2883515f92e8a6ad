#!/bin/sh
# data/coverage.tsv says what is missing: the family of test sites
# (tests/site/family, made by mkfamily.py with its holes planted) crawled
# with the shipped config, read and loaded; for every agency the crawl knows
# and every year from its first report to the last, the data set's
# coverage.tsv says found or not, and in which formats, exactly as
# tests/site/COVERAGE.tsv (the truth mkfamily.py wrote).
set -u
bin=${GK_BIN:-bin}
SRV_VHOSTS=tests/site/family
. tests/httpd/lib.sh
fail() { echo "FAIL: $*"; exit 1; }
[ -n "$TLSPORT" ] || fail "the test server has no TLS port"

"$bin/gk-fetch" -c tests/site/family-test.conf --connect-to ":443:127.0.0.1:$TLSPORT" \
    --connect-to "::127.0.0.1:$PORT" --state "$TMPD/st" 2>"$TMPD/ferr" |
    "$bin/gk-extract" 2>"$TMPD/xerr" | "$bin/gk-transform" 2>"$TMPD/terr" |
    "$bin/gk-load" "$TMPD/data" 2>"$TMPD/lerr"
[ -s "$TMPD/data/coverage.tsv" ] || { cat "$TMPD/lerr"; fail "no coverage.tsv"; }

# agency year found formats, as the truth spells them
awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) c[$i] = i; next }
	{ print $c["agency"] "\t" $c["year"] "\t" $c["found"] "\t" $c["formats"] }' \
    "$TMPD/data/coverage.tsv" | sort >"$TMPD/got"
tail -n +2 tests/site/COVERAGE.tsv | sort >"$TMPD/want"
diff "$TMPD/want" "$TMPD/got" >"$TMPD/diff" || { head -40 "$TMPD/diff"; fail "coverage.tsv differs from tests/site/COVERAGE.tsv"; }
holes=$(awk -F'\t' '$3 == "no"' "$TMPD/got" | wc -l)
echo "ok: coverage.tsv: $(wc -l <"$TMPD/got") agency-years of $(cut -f1 "$TMPD/got" | sort -u | wc -l) agencies, the $holes holes planted, formats as found"
