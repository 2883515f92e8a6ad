#!/bin/sh
# gk-fetch crawls the local test site over HTTP (tests/httpd/server.py):
# every report page and attachment of tests/site/SITEMAP.tsv exactly once
# (year folders, department sub-columns and files listed directly too),
# with the right TYPE and SHA-256; every error of tests/site/ERRORS.tsv;
# never more than per-host transfers at once; nothing under robots.txt's
# Disallow asked for; a GBK page's title decoded; a second run downloads
# no body and, gk-load holding none of them yet (delivered.tsv), sends
# every document again as new; once delivered they are "unchanged"
# (nothing with --changed-only); the file://
# mirror crawl gives the same documents.  Transfers run two at a time, yet
# the records of one report page (its doc, its attachments' docs, their
# errors) come out together, the page first: gk-transform relies on it.
set -u
bin=${GK_BIN:-bin}
. tests/httpd/lib.sh
conf=tests/site/fetch-test.conf
# the last start is the real site's city column: through year folders,
# links by name to the other path family and to a hub of department
# columns (tests/site/mkshapes.py), it reaches them all
cols="/zwgk/zdgk/ndbg/index.shtml /zwgk/xxgk/bm/ndbg/index.shtml /zwgk/qxgk/ndbg/index.shtml /zwgk/qxgk/fjlb/index.shtml /zwgk/szfgk/gknb/index.shtml"
starts= fstarts=
for c in $cols; do
	starts="$starts --start $BASE$c"
	fstarts="$fstarts --start file://$PWD/tests/site/www$c"
done
fail() { echo "FAIL: $*"; exit 1; }

# The records of each PAGE are consecutive and begin with the page itself;
# an error about a document comes right after its doc record.  Prints the
# number of pages with more than one document.
grouped() {
	awk -F'\t' '
	FNR == NR { if ($1 == "doc") hasdoc[$2] = 1; next }
	$1 == "doc" {
		if ($4 != cur) {
			if ($4 in done) { print FILENAME ":" FNR ": the records of " $4 " are split"; bad = 1; exit }
			if ($3 != $4) { print FILENAME ":" FNR ": the group of " $4 " does not begin with the page"; bad = 1; exit }
			done[cur] = 1; cur = $4
		} else if (++n[cur] == 1)
			multi++
		prev = $2; next
	}
	$1 == "error" && ($2 in hasdoc) && prev != $2 {
		print FILENAME ":" FNR ": error of " $2 " apart from its doc record"; bad = 1; exit
	}
	{ prev = "" }
	END { if (!bad) print multi + 0; exit bad }' "$1" "$1"
}

# shellcheck disable=SC2086
"$bin/gk-fetch" -c $conf $starts --state "$TMPD/st" >"$TMPD/run1" 2>"$TMPD/err1"
rc=$?
cat "$TMPD/err1"
[ $rc -eq 1 ] || fail "first run exit $rc, want 1 (some documents failed)"

# expected: path TYPE for every report page and attachment
awk -F'\t' 'NR > 1 && $2 != "listing" { print $1 "\t" $4 }' tests/site/SITEMAP.tsv | sort >"$TMPD/want"
awk -F'\t' -v b="$BASE" '$1 == "doc" && $13 != "failed" { sub(b, "", $3); print $3 "\t" $8 }' "$TMPD/run1" | sort >"$TMPD/got"
diff "$TMPD/want" "$TMPD/got" || fail "documents differ from SITEMAP.tsv"
n=$(wc -l <"$TMPD/got")
[ "$(cut -f1 "$TMPD/got" | sort -u | wc -l)" -eq "$n" ] || fail "a document came twice"
echo "ok: $n documents, each once, TYPE as in the sitemap"

# every doc: PAGE set, status new, SHA-256 and FILE agree with the site
# (one sha256sum over the site's files, one over the cache's, one awk pass);
# a file listed on a listing page (SITEMAP kind "listed") is its own PAGE
# and has its TITLE (PUBLISHED when the row shows one) from the listing
awk -F'\t' '$1 == "doc" && $13 != "failed"' "$TMPD/run1" >"$TMPD/docs"
cut -f3 "$TMPD/docs" | sed "s#^$BASE#tests/site/www#" >"$TMPD/sitefiles"
xargs sha256sum <"$TMPD/sitefiles" >"$TMPD/sitesum" || fail "site files of the doc records"
xargs stat -c '%s  %n' <"$TMPD/sitefiles" >"$TMPD/sitesize" || fail "site files of the doc records"
cut -f5 "$TMPD/docs" | xargs sha256sum >"$TMPD/cachesum" || fail "cache files of the doc records"
awk -F'\t' '$2 == "listed" { print "tests/site/www" $1 }' tests/site/SITEMAP.tsv >"$TMPD/listed"
awk -F'\t' -v b="$BASE" '
FILENAME == ARGV[1] { listed[$0] = 1; next }
FILENAME == ARGV[2] { split($0, a, "  "); ssha[a[2]] = a[1]; next }
FILENAME == ARGV[3] { split($0, a, "  "); csha[a[2]] = a[1]; next }
FILENAME == ARGV[4] { split($0, a, "  "); ssize[a[2]] = a[1]; next }
{
	url = $3; page = $4; file = $5; sha = $6; p = url; sub(b, "", p); f = "tests/site/www" p
	if ($13 != "new") why = "status " $13
	else if (sha != ssha[f]) why = "sha " sha " != " ssha[f]
	else if (csha[file] != sha) why = "cache " file
	else if (file !~ ("/" sha "$")) why = "cache name " file
	else if ($7 != ssize[f] || $7 == "") why = "bytes " $7 " != " ssize[f]
	else if ((f in listed) && (page != url || $9 == "")) why = "listed: page " page " title " $9
	else if (f in listed) { n++; nl++; next }
	else if (index(page, b "/") != 1 || substr(page, length(b) + 1) !~ /t2.*_.*\.shtml$/) why = "page " page
	else if ($9 == "" || $11 == "" || $10 == "") why = "meta"
	else if ($12 !~ /^20[0-9][0-9]-.*T.*Z$/) why = "fetched " $12
	else { n++; next }
	print "FAIL: " p " " why; exit 1
}
END { if (n != FNR || nl < 3) exit 1 }' "$TMPD/listed" "$TMPD/sitesum" "$TMPD/cachesum" "$TMPD/sitesize" "$TMPD/docs" || fail "doc records"
# the listing's rows: title (the title attribute where the text is cut),
# the date beside it in two spellings, none, and a dead file's failed doc
b="$BASE/zwgk/qxgk/fjlb/202103"
for want in "$b/P020210309512345.pdf	崂山区2020年政府信息公开工作年度报告		2021-03-09" \
    "$b/P020210310523456.docx	城阳区人民政府2020年政府信息公开工作年度报告		2021-03-10" \
    "$b/P020210311534567.doc	平度市2020年政府信息公开工作年度报告		" \
    "$b/P0missing-jz.pdf	胶州市2020年政府信息公开工作年度报告		2021-03-12"; do
	awk -F'\t' -v w="$want" '$1 == "doc" && $3 "\t" $9 "\t" $10 "\t" $11 == w { f = 1 } END { exit !f }' "$TMPD/run1" ||
	    fail "listed file: no doc record $want"
done
echo "ok: SHA-256, BYTES, FILE, PAGE, TITLE/AGENCY/PUBLISHED, FETCHED; listed files: their own PAGE, TITLE and date from the listing"
g=$(grouped "$TMPD/run1") || fail "$g"
[ "$g" -ge 10 ] || fail "only $g pages with attachments"
echo "ok: the records of each of $g pages with attachments come out together, the page first"

# errors
tail -n +2 tests/site/ERRORS.tsv | awk -F'\t' -v b="$BASE" '{ u = $1; if (u ~ /^\//) u = b u; print u "\t" $2 }' | sort >"$TMPD/wante"
awk -F'\t' '$1 == "error" { m = $5; sub(/: .*/, "", m); print m "\t" $4 }' "$TMPD/run1" |
    sed "s#^\(http://127.0.0.1:[0-9]*\)\{0,1\}#&#" | sort >"$TMPD/gote"
diff "$TMPD/wante" "$TMPD/gote" || fail "error records differ from ERRORS.tsv"
for u in $(cut -f1 "$TMPD/wante"); do
	grep -q "	$u	.*	failed\$" "$TMPD/run1" || [ "${u#*private}" != "$u" ] || fail "no failed doc for $u"
done
echo "ok: $(wc -l <"$TMPD/gote") error records as expected"

# GBK page (charset=gb2312 with a GBK-only character) decoded
grep -q '	即墨区喆园街道2021年政府信息公开工作年度报告	即墨区喆园街道办事处	2022-03-01	' "$TMPD/run1" ||
    fail "GBK page title/agency/date"
grep -q 'GET /private/' "$SRVLOG" && fail "asked for a robots-disallowed URL"
grep -q 'P02022030400040.pdf' "$SRVLOG" && [ "$(grep -c 'GET .*P02022030400040.pdf' "$SRVLOG")" -eq 1 ] ||
    fail "one attachment linked in two spellings fetched other than once"
stats=$(curl -s "$BASE/__stats")
max=$(echo "$stats" | awk '{ print $2 }')
[ "$max" -le 2 ] || fail "$max requests at once, per-host limit is 2"
echo "ok: GBK, robots, normalisation, at most $max requests at once"

# second run, the first night's load having failed (gk-load wrote nothing
# to delivered.tsv): conditional requests only, and every document again,
# as new, since gk-load holds none of them
: >"$SRVLOG"
# shellcheck disable=SC2086
"$bin/gk-fetch" -c $conf $starts --state "$TMPD/st" >"$TMPD/run2" 2>"$TMPD/err2"
cat "$TMPD/err2"
bodies=$(grep -c ' 200$' "$SRVLOG")
[ "$bodies" -eq 0 ] || fail "second run downloaded $bodies bodies"
grep -q ' 304$' "$SRVLOG" || fail "no conditional request"
[ "$(awk -F'\t' '$1 == "doc" && $13 == "new"' "$TMPD/run2" | wc -l)" -eq "$n" ] || fail "second run: not all sent again as new"
g=$(grouped "$TMPD/run2") || fail "second run: $g"
# the load worked: gk-load appended what it holds (URL SHA256 RUN)
awk -F'\t' '$1 == "doc" && $13 != "failed" { print $3 "\t" $6 "\t2" }' "$TMPD/run2" >>"$TMPD/st/delivered.tsv"
# shellcheck disable=SC2086
"$bin/gk-fetch" -c $conf $starts --state "$TMPD/st" >"$TMPD/run3" 2>/dev/null
[ "$(awk -F'\t' '$1 == "doc" && $13 == "unchanged"' "$TMPD/run3" | wc -l)" -eq "$n" ] || fail "third run: not all unchanged"
# shellcheck disable=SC2086
"$bin/gk-fetch" -c $conf $starts --state "$TMPD/st" --changed-only >"$TMPD/run4" 2>/dev/null
[ "$(awk -F'\t' '$1 == "doc" && $13 != "failed"' "$TMPD/run4" | wc -l)" -eq 0 ] || fail "--changed-only emitted unchanged docs"
echo "ok: second run: 0 bodies, $n sent again (not delivered); once delivered: $n unchanged, --changed-only: none"

# file:// mirror: the same documents (path, SHA-256, TYPE, TITLE)
# shellcheck disable=SC2086
"$bin/gk-fetch" $fstarts --state "$TMPD/fst" >"$TMPD/frun" 2>"$TMPD/ferr"
cat "$TMPD/ferr"
awk -F'\t' -v b="$BASE" '$1 == "doc" && $13 != "failed" { sub(b, "", $3); print $3, $6, $8, $9 }' "$TMPD/run1" | sort >"$TMPD/h"
awk -F'\t' -v b="file://$PWD/tests/site/www" '$1 == "doc" && $13 != "failed" { sub(b, "", $3); print $3, $6, $8, $9 }' "$TMPD/frun" | sort >"$TMPD/f"
diff "$TMPD/h" "$TMPD/f" || fail "file:// mirror crawl differs"
g=$(grouped "$TMPD/frun") || fail "file:// mirror: $g"
echo "ok: file:// mirror crawl gives the same $(wc -l <"$TMPD/f") documents"
