#!/bin/sh
# gk-fetch crawls the local test site over HTTP (tests/httpd/server.py):
# every report page and attachment of tests/site/SITEMAP.tsv exactly once,
# with the right TYPE and SHA-256; every error of tests/site/ERRORS.tsv;
# never more than per-host transfers at once; nothing under robots.txt's
# Disallow asked for; a GBK page's title decoded; a second run downloads
# no body and says "unchanged" (nothing with --changed-only); the file://
# mirror crawl gives the same documents.
set -u
bin=${GK_BIN:-bin}
. tests/httpd/lib.sh
conf=tests/site/fetch-test.conf
cols="/zwgk/zdgk/ndbg/index.shtml /zwgk/xxgk/bm/ndbg/index.shtml /zwgk/qxgk/ndbg/index.shtml"
starts= fstarts=
for c in $cols; do
	starts="$starts --start $BASE$c"
	fstarts="$fstarts --start file://$PWD/tests/site/www$c"
done
fail() { echo "FAIL: $*"; exit 1; }

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
awk -F'\t' '$1 == "doc" && $13 != "failed"' "$TMPD/run1" | while IFS='	' read -r _ id url page file sha bytes type title agency pub fetched status; do
	p=${url#"$BASE"}
	[ "$status" = new ] || { echo "FAIL: $p status $status"; exit 1; }
	want=$(sha256sum "tests/site/www$p" | cut -d' ' -f1)
	[ "$sha" = "$want" ] || { echo "FAIL: $p sha $sha != $want"; exit 1; }
	[ "$(sha256sum "$file" | cut -d' ' -f1)" = "$sha" ] || { echo "FAIL: cache $file"; exit 1; }
	[ "$(basename "$file")" = "$sha" ] || { echo "FAIL: cache name $file"; exit 1; }
	[ "$bytes" -eq "$(wc -c <"tests/site/www$p")" ] || { echo "FAIL: $p bytes"; exit 1; }
	case $page in "$BASE"/*t2*_*.shtml) ;; *) echo "FAIL: $p page $page"; exit 1 ;; esac
	[ -n "$title" ] && [ -n "$pub" ] && [ -n "$agency" ] || { echo "FAIL: $p meta"; exit 1; }
	case $fetched in 20[0-9][0-9]-*T*Z) ;; *) echo "FAIL: $p fetched $fetched"; exit 1 ;; esac
done || exit 1
echo "ok: SHA-256, BYTES, FILE, PAGE, TITLE/AGENCY/PUBLISHED, FETCHED"

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

# second run: conditional requests only
: >"$SRVLOG"
# shellcheck disable=SC2086
"$bin/gk-fetch" -c $conf $starts --state "$TMPD/st" >"$TMPD/run2" 2>"$TMPD/err2"
cat "$TMPD/err2"
bodies=$(grep -c ' 200$' "$SRVLOG")
[ "$bodies" -eq 0 ] || fail "second run downloaded $bodies bodies"
grep -q ' 304$' "$SRVLOG" || fail "no conditional request"
[ "$(awk -F'\t' '$1 == "doc" && $13 == "unchanged"' "$TMPD/run2" | wc -l)" -eq "$n" ] || fail "second run: not all unchanged"
# shellcheck disable=SC2086
"$bin/gk-fetch" -c $conf $starts --state "$TMPD/st" --changed-only >"$TMPD/run3" 2>/dev/null
[ "$(awk -F'\t' '$1 == "doc" && $13 != "failed"' "$TMPD/run3" | wc -l)" -eq 0 ] || fail "--changed-only emitted unchanged docs"
echo "ok: second run: 0 bodies, $n unchanged; --changed-only: none"

# file:// mirror: the same documents (path, SHA-256, TYPE, TITLE)
# shellcheck disable=SC2086
"$bin/gk-fetch" $fstarts --state "$TMPD/fst" >"$TMPD/frun" 2>"$TMPD/ferr"
cat "$TMPD/ferr"
awk -F'\t' -v b="$BASE" '$1 == "doc" && $13 != "failed" { sub(b, "", $3); print $3, $6, $8, $9 }' "$TMPD/run1" | sort >"$TMPD/h"
awk -F'\t' -v b="file://$PWD/tests/site/www" '$1 == "doc" && $13 != "failed" { sub(b, "", $3); print $3, $6, $8, $9 }' "$TMPD/frun" | sort >"$TMPD/f"
diff "$TMPD/h" "$TMPD/f" || fail "file:// mirror crawl differs"
echo "ok: file:// mirror crawl gives the same $(wc -l <"$TMPD/f") documents"
