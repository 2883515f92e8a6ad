#!/bin/sh
# gk-fetch URL... and -i FILE: documents given by URL are fetched under the
# crawl's rules, nothing else: a report page with its attachments (one
# group, the page first), a file on its own (PAGE its URL); the given URL's
# host is allowed by itself, its links elsewhere are not; robots.txt; the
# state (a second run: 304, unchanged once gk-load holds them:
# delivered.tsv); no listing crawled.  The family
# test site (tests/site/family) under its real names, as fetch_family.sh.
set -u
bin=${GK_BIN:-bin}
SRV_VHOSTS=tests/site/family
. tests/httpd/lib.sh
fail() { echo "FAIL: $*"; exit 1; }
fetch() {
	"$bin/gk-fetch" -c tests/site/family-test.conf --connect-to ":443:127.0.0.1:$TLSPORT" \
	    --connect-to "::127.0.0.1:$PORT" --state "$TMPD/st" "$@"
}
page=http://www.qingdao.gov.cn/ywdt/zwzl/ndbg/2020/202103/t20210309_2968001.shtml
docx=http://www.qingdao.gov.cn/ywdt/zwzl/ndbg/2020/202103/P0202103090050.docx
pdf=http://www.qingdao.gov.cn/ywdt/zwzl/ndbg/2020/202103/P0202103090051.pdf

# a report page: the page, then its two attachments, nothing crawled
fetch "$page" >"$TMPD/o1" 2>"$TMPD/e1" || { cat "$TMPD/e1"; fail "a page: exit $?"; }
awk -F'\t' '$1 == "group" { next } $1 != "doc" || $4 != p || $13 != "new" { exit 1 } { print $3 "\t" $8 }' p="$page" "$TMPD/o1" >"$TMPD/g1" ||
    fail "a page: records other than its new docs: $(cut -f1,3,4 "$TMPD/o1")"
# the page first; its attachments in the order their transfers end
{ head -n 1 "$TMPD/g1"; tail -n +2 "$TMPD/g1" | sort; } >"$TMPD/g1s"
printf '%s\thtml\n%s\tdocx\n%s\tpdf\n' "$page" "$docx" "$pdf" | diff - "$TMPD/g1s" || fail "a page and its attachments"
[ "$(awk '$4 != "/robots.txt"' "$TIMELOG" | wc -l)" -eq 3 ] || fail "a page: asked for more than it and its files"
echo "ok: a report page given by URL: it and its 2 attachments, one group, nothing else asked"
# loaded: gk-load appends what it holds to delivered.tsv (URL SHA256 RUN)
delivered() { awk -F'\t' '$1 == "doc" && $13 != "failed" { print $3 "\t" $6 "\trun" }' "$1" >>"$TMPD/st/delivered.tsv"; }
delivered "$TMPD/o1"

# -i -: a file on its own; a URL on a host no configuration allows (its
# own host is allowed); blank and comment lines
: >"$TIMELOG"
other=http://www.example.org/zwgk/zdgk/ndbg/202102/P02021020200011.pdf
printf '# the files\n\n  %s\n%s\n' "$pdf" "$other" | fetch -i - >"$TMPD/o2" 2>"$TMPD/e2" ||
    { cat "$TMPD/e2"; fail "-i -: exit $?"; }
# (the two are fetched at once: they come in the order they finish)
awk -F'\t' '$1 == "doc" && $3 == $4 && $8 == "pdf" { print $3 "\t" $13 }' "$TMPD/o2" |
    sort >"$TMPD/g2"
printf '%s\tunchanged\n%s\tnew\n' "$pdf" "$other" | sort | diff - "$TMPD/g2" ||
    fail "-i -: two files, their own pages"
grep -q '^www.example.org .* /zwgk/zdgk/ndbg/202102/P02021020200011.pdf' "$TIMELOG" || fail "the given host was not asked"
echo "ok: -i - (a file, a file on another host, allowed because given), PAGE = URL"
delivered "$TMPD/o2"

# again: from the state, 304s, unchanged; robots.txt still obeyed; a given
# page's link off the allowed hosts is not followed
: >"$SRVLOG"
fetch "$page" "https://www.xihaian.gov.cn/zwgk/bmgk/xzsp/gzbg/202201/t20220121_4269225.shtml" \
    http://www.jimo.gov.cn/zwgk/zjxxgk/private/x.pdf >"$TMPD/o3" 2>"$TMPD/e3"
rc=$?
[ $rc -eq 1 ] || { cat "$TMPD/e3"; fail "exit $rc, want 1 (robots, off-host)"; }
[ "$(awk -F'\t' '$1 == "doc" && $4 == p && $13 == "unchanged"' p="$page" "$TMPD/o3" | wc -l)" -eq 3 ] ||
    fail "second run: not 3 unchanged"
grep -q ' 200$' "$SRVLOG" && grep ' 200$' "$SRVLOG" | grep -qv 'robots.txt\|t20220121_4269225' && fail "second run downloaded a body again"
awk -F'\t' '$1 == "error" { print $4 }' "$TMPD/o3" | sort | tr '\n' ' ' | grep -qx 'off_host robots ' ||
    fail "errors: $(awk -F'\t' '$1 == "error"' "$TMPD/o3")"
grep -q 'private' "$SRVLOG" && fail "asked for a robots-disallowed URL"
echo "ok: second run unchanged (304), robots.txt and the allowed hosts hold for given URLs"
