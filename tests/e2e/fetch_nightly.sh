#!/bin/sh
# The nightly run over the family of sites (a copy of tests/site/family, so
# that it can change between nights), night after night:
#  1. the first night reads everything;
#  2. its load failed (gk-load delivered nothing): the next night, even with
#     --changed-only, gives every document again (new); it asks only the
#     first pages of the listings (their entries are known) and the
#     documents the schedule says, and appends a few hundred bytes of state;
#  3. once delivered: --changed-only gives nothing, a full run gives every
#     document, unchanged;
#  4. a revised report and a new one: the next night says which (changed,
#     new) and walks one page further, not to the end;
#  5. a whole-site outage (every host refuses): exit 2, one line, every
#     failure an `error` with the code unreachable (never robots), every
#     document still there from the state, the state file untouched;
#  6. one host down, the others up: exit 1, an error record for the host,
#     its documents from the state;
#  7. a host answering 503 to everything: exit 2, server_error; a host
#     name that does not resolve: exit 2, dns;
#  8. --full walks every listing to its end.
set -u
bin=${GK_BIN:-bin}
site=$(mktemp -d)
cp -r tests/site/family "$site/"
SRV_VHOSTS=$site/family
. tests/httpd/lib.sh
trap 'cleanup; rm -rf "$site"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
st=$TMPD/st
conf=tests/site/family-test.conf
fetch() {
	"$bin/gk-fetch" -c $conf --connect-to ":443:127.0.0.1:$TLSPORT" \
	    --connect-to "::127.0.0.1:$PORT" --state "$st" "$@"
}
docs() { awk -F'\t' '$1 == "doc" && $13 != "failed" { print $3 "\t" $6 }' "$1" | sort; }
statuses() { awk -F'\t' '$1 == "doc" && $13 != "failed" { print $13 }' "$1" | sort -u | tr '\n' ' '; }
# after a load that worked, gk-load appends what it holds: URL SHA256 RUN
deliver() { awk -F'\t' -v r="$2" '$1 == "doc" && $13 != "failed" { print $3 "\t" $6 "\t" r }' "$1" >>"$st/delivered.tsv"; }
replay() {
	awk -F'\t' '$1 == "E" { e[$2] = $0 } $1 == "F" { delete e[$2] } END { for (u in e) print e[u] }' "$1" | cut -f2-10,14- | sort
}

# 1. the first night
: >"$SRVLOG"
fetch >"$TMPD/n1" 2>"$TMPD/e1"
rc=$?
[ $rc -eq 1 ] || { cat "$TMPD/e1"; fail "night 1: exit $rc, want 1 (the planted errors)"; }
r1=$(wc -l <"$SRVLOG")
docs "$TMPD/n1" >"$TMPD/d1"
n=$(wc -l <"$TMPD/d1")
[ "$n" -gt 40 ] || fail "night 1: only $n documents"
[ "$(statuses "$TMPD/n1")" = "new " ] || fail "night 1: $(statuses "$TMPD/n1")"
echo "ok: night 1: $n documents, $r1 requests"

# 2. night 1's load failed: nothing lost, the cost of the change
: >"$SRVLOG"
fetch --changed-only >"$TMPD/n2" 2>"$TMPD/e2"
cat "$TMPD/e2"
docs "$TMPD/n2" | diff "$TMPD/d1" - || fail "night 2: not every document of night 1 again"
[ "$(statuses "$TMPD/n2")" = "new " ] || fail "night 2: $(statuses "$TMPD/n2"), want new (never delivered)"
r2=$(wc -l <"$SRVLOG")
[ $((r2 * 2)) -lt "$r1" ] || fail "night 2: $r2 requests, night 1 $r1"
# (市南's listing: its first page lists a known report, its two other
# pages are not read; an empty first page, as one of the city's, is no
# end: its next page is read)
grep -q 'n31281321/index_[0-9]*\.html' "$SRVLOG" && fail "night 2 walked past the first page of known entries: $(grep 'index_' "$SRVLOG")"
grep -q ' 200$' "$SRVLOG" && fail "night 2 downloaded a body: $(grep ' 200$' "$SRVLOG")"
wrote=$(sed -n 's/.*state +\([0-9]*\) bytes.*/\1/p' "$TMPD/e2")
size=$(wc -c <"$st/fetch.state")
[ -n "$wrote" ] && [ $((wrote * 10)) -lt "$size" ] || fail "night 2 wrote $wrote bytes of state (the file is $size)"
echo "ok: night 2 (night 1 not delivered): all $n again as new with --changed-only; $r2 requests, none past a known page; state +$wrote bytes of $size"
deliver "$TMPD/n2" 2

# 3. delivered
fetch --changed-only >"$TMPD/n3" 2>/dev/null
[ -z "$(docs "$TMPD/n3")" ] || fail "night 3: --changed-only gave documents gk-load holds"
fetch >"$TMPD/n3b" 2>/dev/null
docs "$TMPD/n3b" | diff "$TMPD/d1" - || fail "night 3: documents differ"
[ "$(statuses "$TMPD/n3b")" = "unchanged " ] || fail "night 3: $(statuses "$TMPD/n3b")"
echo "ok: night 3 (delivered): --changed-only nothing, a full run $n unchanged"

# 4. a revised report and a new one (every document checked tonight:
# recheck-cycle-days 1)
rev=http://www.laixi.gov.cn/xxgk_16/szfxxgk_16/xxgkndbg_16/202101/t20210129_4000315.shtml
col=$site/family/www.qdsn.gov.cn/n16/n31281138/n31281321
new=http://www.qdsn.gov.cn/n16/n31281138/n31281321/241201120000000001.html
sed -i 's/4878</4879</' "$site/family/www.laixi.gov.cn/xxgk_16/szfxxgk_16/xxgkndbg_16/202101/t20210129_4000315.shtml"
sed 's/2023年/2024年/g' "$col/240126150555118785.html" >"$col/241201120000000001.html"
sed -i 's#<tr><td><a href="240126150555118785.html"#<tr><td><a href="241201120000000001.html" title="青岛市市南区人民政府2024年政府信息公开工作年度报告">青岛市市南区人民政府2024年政府信息公开工作年度报告</a></td><td>2025-01-20</td></tr>&#' "$col/index.html"
printf 'recheck-cycle-days 1\n' >"$TMPD/every.conf"
: >"$SRVLOG"
fetch -c "$TMPD/every.conf" --changed-only >"$TMPD/n4" 2>"$TMPD/e4"
awk -F'\t' '$1 == "doc" && $13 != "failed" { print $13 "\t" $3 }' "$TMPD/n4" | sort >"$TMPD/g4"
printf 'changed\t%s\nnew\t%s\n' "$rev" "$new" | diff - "$TMPD/g4" || { cat "$TMPD/e4"; fail "night 4: not the revised and the new report"; }
grep -q 'GET /n16/n31281138/n31281321/index_1.html' "$SRVLOG" || fail "night 4: the page after the new entry not read"
grep -q 'index_2.html' "$SRVLOG" && fail "night 4: walked past a page of known entries"
echo "ok: night 4: the revised report (changed) and the new one (new), one page further, not to the end"
deliver "$TMPD/n4" 4
fetch >"$TMPD/n4b" 2>"$TMPD/e4b"
docs "$TMPD/n4b" >"$TMPD/d1"
grep -q "$new" "$TMPD/d1" || fail "night 4: the new report is not in a full run after it"
# housekeeping: the revised report's old copy left the cache (a complete
# run sweeps the bodies no entry names), every document's file is there
old=$(awk -F'\t' -v u="$rev" '$1 == "doc" && $3 == u { print $6 }' "$TMPD/n3b")
[ -n "$old" ] && [ ! -e "$st/cache/$(echo "$old" | cut -c1-2)/$old" ] || fail "night 4: the old copy $old is still in the cache"
grep -q 'cache -[1-9][0-9]* bodies' "$TMPD/e4" || fail "night 4: the sweep's count: $(cat "$TMPD/e4")"
awk -F'\t' '$1 == "doc" && $13 != "failed" { print $5 }' "$TMPD/n4b" | while read -r f; do
	[ -f "$f" ] || fail "night 4: $f swept but named"
done || exit 1
grep -q 'cache -0 bodies' "$TMPD/e4b" || fail "night 4: the full run after it swept: $(cat "$TMPD/e4b")"
echo "ok: night 4: the old copy of the revised report swept from the cache, every named file kept"
n=$(wc -l <"$TMPD/d1")

# 5. a whole-site outage: nothing answers
replay "$st/fetch.state" >"$TMPD/before"
cp "$st/fetch.state" "$TMPD/state.before"
"$bin/gk-fetch" -c $conf --connect-to ":443:127.0.0.1:1" --connect-to "::127.0.0.1:1" \
    --state "$st" >"$TMPD/o" 2>"$TMPD/oe"
rc=$?
cat "$TMPD/oe"
[ $rc -eq 2 ] || fail "outage: exit $rc, want 2"
grep -q '^gk-fetch: www.qingdao.gov.cn (and 10 other sites): the sites did not answer (connection refused) — nothing fetched, state unchanged$' "$TMPD/oe" ||
    fail "outage: not the one line"
[ "$(grep -vc 'documents (' "$TMPD/oe")" -eq 1 ] || fail "outage: more than one line besides the summary"
codes=$(awk -F'\t' '$1 == "error" { print $4 }' "$TMPD/o" | sort | uniq -c | awk '{ print $2 }' | tr '\n' ' ')
# the planted errors of the site come from the state with their codes
[ "$codes" = "http off_host robots unreachable " ] || fail "outage: error codes $codes"
awk -F'\t' '$1 == "error" && $4 == "robots" && $5 !~ /robots.txt disallows it/ { exit 1 }' "$TMPD/o" ||
    fail "outage: a failure recorded as robots"
docs "$TMPD/o" | diff "$TMPD/d1" - || fail "outage: documents lost"
cmp -s "$st/fetch.state" "$TMPD/state.before" || fail "outage: the state file changed"
echo "ok: outage: exit 2, one line, unreachable (not robots), all $n documents from the state, the state file untouched"

# 6. one host down, the others up
: >"$SRVLOG"
: >"$TIMELOG"
"$bin/gk-fetch" -c $conf --connect-to "www.laixi.gov.cn::127.0.0.1:1" --connect-to ":443:127.0.0.1:$TLSPORT" \
    --connect-to "::127.0.0.1:$PORT" --state "$st" >"$TMPD/p" 2>"$TMPD/pe"
rc=$?
[ $rc -eq 1 ] || { cat "$TMPD/pe"; fail "one host down: exit $rc, want 1"; }
grep -q '^gk-fetch: www.laixi.gov.cn: the site did not answer (connection refused): its documents come from the state$' "$TMPD/pe" ||
    { cat "$TMPD/pe"; fail "one host down: its line"; }
awk -F'\t' '$1 == "error" && $4 == "unreachable" && $5 ~ /^http:\/\/www.laixi.gov.cn\/: the site did not answer/' "$TMPD/p" | grep -q . ||
    fail "one host down: no error record for the host"
docs "$TMPD/p" | diff "$TMPD/d1" - || fail "one host down: documents lost"
grep -q 'laixi' "$TIMELOG" && fail "the host that is down answered"
echo "ok: one host down: exit 1, its error record and line, its documents from the state"

# 7. a host answering 503, a host that does not resolve: exit 2, their codes
"$bin/gk-fetch" -c $conf --connect-to "::127.0.0.1:$PORT" --start http://e503-site.test/zwgk/ndbg/ \
    --state "$TMPD/st503" >"$TMPD/f" 2>"$TMPD/fe"
rc=$?
[ $rc -eq 2 ] || { cat "$TMPD/fe"; fail "503: exit $rc, want 2"; }
grep -q '^gk-fetch: e503-site.test: the site did not answer (HTTP 503) — nothing fetched, state unchanged$' "$TMPD/fe" ||
    { cat "$TMPD/fe"; fail "503: its line"; }
[ "$(awk -F'\t' '$1 == "error" { print $4 }' "$TMPD/f" | sort -u)" = server_error ] || fail "503: codes"
echo "ok: a host answering 503: exit 2, server_error"
t0=$(date +%s)
curl -s -m 5 http://gk-nosuch.invalid/ >/dev/null 2>&1
if [ $(($(date +%s) - t0)) -le 2 ]; then
	"$bin/gk-fetch" -c $conf --start http://gk-nosuch.invalid/zwgk/ndbg/ --state "$TMPD/stdns" >"$TMPD/g" 2>"$TMPD/ge"
	rc=$?
	[ $rc -eq 2 ] || { cat "$TMPD/ge"; fail "dns: exit $rc, want 2"; }
	grep -q 'gk-nosuch.invalid: the site did not answer (the host name did not resolve)' "$TMPD/ge" || { cat "$TMPD/ge"; fail "dns: its line"; }
	[ "$(awk -F'\t' '$1 == "error" { print $4 }' "$TMPD/g" | sort -u)" = dns ] || fail "dns: codes"
	echo "ok: a name that does not resolve: exit 2, dns"
else
	echo "ok: (not run: this resolver takes seconds to fail a name; the dns case needs a quick one)"
fi

# 8. --full
: >"$SRVLOG"
fetch --full --changed-only >/dev/null 2>&1
grep -q 'GET /n16/n31281138/n31281321/index_2.html' "$SRVLOG" || fail "--full: not every page read"
echo "ok: --full walks every listing to its end"
