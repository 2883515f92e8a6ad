#!/bin/sh
# gk-fetch crawls the family of sites (tests/site/family: the city, its
# departments, the districts on their own hosts in the new CMS and the old
# TRS layout, over http and https, their hubs of departments and streets)
# with the shipped config/qingdao.conf, the hosts served by the test server
# under their real names (curl's --connect-to; every other host too, so
# that a request anywhere else would show in the server's log).
# tests/site/FAMILY.tsv is the truth: every report page and attachment
# found once with its TYPE, PAGE, TITLE, AGENCY and PUBLISHED; one
# `listing URL AGENCY` record per column page and agency page; the planted
# errors; nothing asked outside the allowed hosts, nothing a hub or an
# agency's page links besides columns, https where the site is https.
set -u
bin=${GK_BIN:-bin}
SRV_VHOSTS=tests/site/family
. tests/httpd/lib.sh
fail() { echo "FAIL: $*"; exit 1; }
fam=tests/site/FAMILY.tsv
[ -n "$TLSPORT" ] || fail "the test server has no TLS port"

t0=$(date +%s.%N)
"$bin/gk-fetch" -c tests/site/family-test.conf --connect-to ":443:127.0.0.1:$TLSPORT" \
    --connect-to "::127.0.0.1:$PORT" --state "$TMPD/st" >"$TMPD/out" 2>"$TMPD/err"
rc=$?
t1=$(date +%s.%N)
cat "$TMPD/err"
[ $rc -eq 1 ] || fail "exit $rc, want 1 (the planted errors)"

# documents: every report page, attachment and listed file once, its TYPE
awk -F'\t' 'NR > 1 && ($2 == "report" || $2 == "attachment" || $2 == "listed") { print $1 "\t" $5 }' $fam |
    sort >"$TMPD/want"
awk -F'\t' '$1 == "doc" && $13 != "failed" { print $3 "\t" $8 }' "$TMPD/out" | sort >"$TMPD/got"
diff "$TMPD/want" "$TMPD/got" || fail "documents differ from FAMILY.tsv"
n=$(wc -l <"$TMPD/got")
[ "$(sort -u "$TMPD/got" | wc -l)" -eq "$n" ] || fail "a document came twice"
# their PAGE; a report's TITLE, AGENCY (its 来源, else its column's) and
# PUBLISHED (each site's label, <meta PubDate>, a bare date before 来源)
awk -F'\t' 'NR > 1 && ($2 == "report" || $2 == "attachment" || $2 == "listed") {
	print $1 "\t" $9 "\t" ($2 == "attachment" ? "" : $7 "\t" $3 "\t" $6) }' $fam | sort >"$TMPD/wantm"
awk -F'\t' -v f=$fam 'BEGIN { while ((getline l < f) > 0) { split(l, a, "\t"); kind[a[1]] = a[2] } }
$1 == "doc" && $13 != "failed" {
	print $3 "\t" $4 "\t" (kind[$3] == "attachment" ? "" : $9 "\t" $10 "\t" $11) }' "$TMPD/out" | sort >"$TMPD/gotm"
diff "$TMPD/wantm" "$TMPD/gotm" || fail "PAGE, TITLE, AGENCY or PUBLISHED differ from FAMILY.tsv"
hosts=$(cut -f1 "$TMPD/got" | sed 's#^[a-z]*://##; s#/.*##' | sort -u | wc -l)
echo "ok: $n documents from $hosts hosts, each once, TYPE, PAGE, TITLE, AGENCY, PUBLISHED as in FAMILY.tsv"

# listing records: each column page and agency page once, with its agency
awk -F'\t' 'NR > 1 && ($2 == "listing" || $2 == "agency") { print $1 "\t" $3 }' $fam | sort >"$TMPD/wantl"
awk -F'\t' '$1 == "listing" { print $2 "\t" $3 }' "$TMPD/out" | sort >"$TMPD/gotl"
diff "$TMPD/wantl" "$TMPD/gotl" || fail "listing records differ from FAMILY.tsv"
echo "ok: $(wc -l <"$TMPD/gotl") listing records, their agencies from agencies.tsv, the columns they belong to, the hubs' links"

# errors: the planted ones, a failed doc for each document among them
awk -F'\t' 'NR > 1 && $2 == "error" { print $1 "\t" $8 }' $fam | sort >"$TMPD/wante"
awk -F'\t' '$1 == "error" { m = $5; sub(/: .*/, "", m); print m "\t" $4 }' "$TMPD/out" | sort >"$TMPD/gote"
diff "$TMPD/wante" "$TMPD/gote" || fail "error records differ from FAMILY.tsv"
awk -F'\t' 'NR > 1 && $2 == "error" && $9 != "" { print $1 }' $fam | while read -r u; do
	grep -q "	$u	.*	failed\$" "$TMPD/out" || { echo "no failed doc for $u"; exit 1; }
done || fail "failed docs"
echo "ok: $(wc -l <"$TMPD/gote") planted errors (a dead link, an off-host file, robots.txt)"

# the server's side: only allowed hosts (from the shipped config), https
# exactly for the https site, never what must not be asked
awk '$1 == "allow" { print $2 }' config/qingdao.conf >"$TMPD/allow"
awk 'FILENAME == ARGV[1] { allow[$1] = 1; if ($1 ~ /^\*\./) wild[substr($1, 2)] = 1; next }
{
	ok = ($1 in allow)
	for (w in wild) if (length($1) > length(w) && substr($1, length($1) - length(w) + 1) == w) ok = 1
	if (!ok) { print "asked " $1 $4; bad = 1 }
	if (($5 == "https") != ($1 == "www.xihaian.gov.cn")) { print $5 " for " $1 $4; bad = 1 }
}
END { exit bad }' "$TMPD/allow" "$TIMELOG" || fail "a request outside the allowed hosts, or the wrong scheme"
awk -F'\t' 'NR > 1 && $2 == "never" { u = $1; sub(/^[a-z]*:\/\//, "", u); print u }' $fam >"$TMPD/never"
awk '{ print $1 $4 }' "$TIMELOG" | sort >"$TMPD/asked"
grep -Fxf "$TMPD/never" "$TMPD/asked" && fail "asked for what a hub, an agency page or a listing links besides columns"
[ "$(sort -u "$TMPD/asked" | wc -l)" -eq "$(wc -l <"$TMPD/asked")" ] || fail "a URL asked twice"
echo "ok: $(wc -l <"$TMPD/asked") requests to $(cut -d/ -f1 "$TMPD/asked" | sort -u | wc -l) hosts, all allowed, each once, https for www.xihaian.gov.cn; $(wc -l <"$TMPD/never") links not followed"

# the records of one report page come out together, the page first
awk -F'\t' '$1 == "doc" { if ($4 != cur) { if ($4 in done) { print "split: " $4; exit 1 }
	if ($3 != $4) { print "not first: " $4; exit 1 } done[cur] = 1; cur = $4 } }' "$TMPD/out" ||
    fail "records of a page apart"
awk -v a="$t0" -v b="$t1" 'BEGIN { printf "ok: grouped by page; the crawl took %.1f s\n", b - a }'
