#!/bin/sh
# gk-harvest night after night over the family of sites (a copy of
# tests/site/family, so that it can change between nights), as cron runs
# it, asserting each night's exit status and what it says, and that no
# report is lost:
#  1. the load fails (gk-load killed: its files may not grow, as on a full
#     disk): exit 2, one line; nothing delivered;
#  2. the next night makes it good: every report of the site lands; the
#     site's planted failures are new: exit 1, each named;
#  3. nothing changed: exit 0 and silence, the known failures included;
#     gk-extract reads no document (all from its cache), and its records
#     are byte for byte those of a fresh read;
#  4. a revised figure, a new report, a removed report: the revised value
#     and the new report land, the removed report's failure is new (exit
#     1); the revised document's old body leaves the cache;
#  5. a whole-site outage: exit 2 and one line; every report still there;
#  6. the site is back, nothing changed: exit 0 and silence.
# What changed is in changes.tsv (a row per new report the night it lands,
# the revised document and value of night 4, nothing on the other nights)
# and changes.atom, a valid Atom feed (tests/e2e/load_atom.rng).
set -u
bin=${GK_BIN:-bin}
command -v flock >/dev/null || { echo "flock(1) (util-linux) is not installed"; exit 77; }
site=$(mktemp -d)
cp -r tests/site/family "$site/"
SRV_VHOSTS=$site/family
. tests/httpd/lib.sh
trap 'cleanup; rm -rf "$site"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
d=$TMPD/data
# every document checked every night (the revised and removed reports are
# seen the night they change)
printf 'include %s/tests/site/family-test.conf\nrecheck-cycle-days 1\n' "$PWD" >"$TMPD/nightly.conf"
up="--connect-to :443:127.0.0.1:$TLSPORT --connect-to ::127.0.0.1:$PORT"
harvest() {	# harvest NIGHT [connect-to ...]: exit status in $rc, output in $TMPD/outN
	n=$1
	shift
	# shellcheck disable=SC2086
	GK_BIN=${hbin:-$bin} sh load/gk-harvest.sh -j 1 -d "$d" -- -c "$TMPD/nightly.conf" "$@" \
	    --state "$d" >"$TMPD/out$n" 2>&1
	rc=$?
	awk -v s="gk-harvest: start" 'index($0, s) { p = "" } { p = p $0 "\n" } END { printf "%s", p }' "$d/harvest.log" >"$TMPD/log$n"
}
# the reports of the data set: REPORT AGENCY YEAR
reports() { awk -F'\t' 'FNR > 1 { print $1 "\t" $2 "\t" $4 }' "$d"/reports/*.tsv 2>/dev/null | sort; }
lines() { [ -s "$1" ] && wc -l <"$1" || echo 0; }
changes() { sed 1d "$d/changes.tsv" | wc -l; }
atom_ok() {
	command -v xmllint >/dev/null || return 0
	xmllint --noout --relaxng tests/e2e/load_atom.rng "$d/changes.atom" 2>"$TMPD/x" ||
	    { cat "$TMPD/x"; fail "$1: changes.atom is not a valid Atom feed"; }
}

# 1. the load fails: gk-load is killed by SIGXFSZ on its first write
hbin=$TMPD/bin
mkdir -p "$hbin"
for p in gk-fetch gk-extract gk-transform; do ln -s "$PWD/$bin/$p" "$hbin/$p"; done
printf '#!/bin/sh\nulimit -f 1\nexec "%s" "$@"\n' "$PWD/$bin/gk-load" >"$hbin/gk-load"
chmod +x "$hbin/gk-load"
# shellcheck disable=SC2086
harvest 1 $up
hbin=
[ $rc -eq 2 ] || { cat "$TMPD/out1"; fail "night 1 (the load fails): exit $rc, want 2"; }
[ "$(lines "$TMPD/out1")" -eq 1 ] || { cat "$TMPD/out1"; fail "night 1: not one line"; }
grep -q '^gk-harvest: the run failed: fetch=1 extract=[01] transform=[01] load=killed: gk-load was killed by signal 25 (XFSZ)' "$TMPD/out1" ||
    { cat "$TMPD/out1"; fail "night 1: the line"; }
[ "$(lines "$d/delivered.tsv")" -eq 0 ] || fail "night 1: delivered.tsv holds documents of a failed load"
echo "ok: night 1: the load killed: exit 2, one line; nothing delivered"

# 2. made good
# shellcheck disable=SC2086
harvest 2 $up
[ $rc -eq 1 ] || { cat "$TMPD/out2"; fail "night 2: exit $rc, want 1 (the site's planted failures are new)"; }
head -n 1 "$TMPD/out2" | grep -q '^gk-harvest: [0-9]* new failures' || { cat "$TMPD/out2"; fail "night 2: the summary"; }
nerr=$(grep -c '^  [a-z_]*: ' "$TMPD/out2")
[ "$nerr" -gt 0 ] || fail "night 2: the new failures are not named"
reports >"$TMPD/r2"
nrep=$(wc -l <"$TMPD/r2")
[ "$nrep" -ge 40 ] || fail "night 2: only $nrep reports"
grep -q "^gk-fetch: [0-9]* documents ([1-9][0-9]* new, 0 changed, 0 unchanged, .* [1-9][0-9]* sent again)" "$TMPD/log2" ||
    fail "night 2: the documents of night 1 were not sent again as new: $(grep '^gk-fetch: [0-9]* documents' "$TMPD/log2")"
ndel=$(cut -f1 "$d/delivered.tsv" | sort -u | wc -l)
[ "$ndel" -gt 40 ] || fail "night 2: $ndel documents delivered"
[ "$(sed 1d "$d/changes.tsv" | awk -F'\t' '$6 == "new report"' | wc -l)" -eq "$nrep" ] || fail "night 2: not $nrep new reports in changes.tsv"
nch=$(changes)
atom_ok "night 2"
[ "$(grep -c '<entry>' "$d/changes.atom")" -eq "$nrep" ] || fail "night 2: not an Atom entry per new report"
echo "ok: night 2: night 1 made good: $nrep reports (changes.tsv: $nch new reports, a valid Atom feed), $nerr new failures named, exit 1"

# 3. nothing changed
# shellcheck disable=SC2086
harvest 3 $up
[ $rc -eq 0 ] || { cat "$TMPD/out3"; fail "night 3 (unchanged): exit $rc, want 0"; }
[ -s "$TMPD/out3" ] && { cat "$TMPD/out3"; fail "night 3: output (cron would mail)"; }
reports | diff "$TMPD/r2" - || fail "night 3: the reports changed"
[ "$(changes)" -eq "$nch" ] || fail "night 3: changes.tsv grew on an unchanged night"
grep -q "^gk-fetch: [0-9]* documents (0 new, 0 changed, $ndel unchanged, .* 0 sent again)" "$TMPD/log3" ||
    fail "night 3: not every document delivered and unchanged: $(grep '^gk-fetch: [0-9]* documents' "$TMPD/log3")"
grep -q '^gk-extract: [0-9]* documents: 0 read, [1-9][0-9]* from the cache' "$TMPD/log3" ||
    fail "night 3: gk-extract read documents: $(grep '^gk-extract' "$TMPD/log3")"
# the cached records are a fresh read's, byte for byte (the same stream:
# a copy of the state, so that the data folder's is not moved on)
mkdir "$TMPD/st"
cp -r "$d/fetch.state" "$d/cache" "$d/delivered.tsv" "$TMPD/st/"
# shellcheck disable=SC2086
"$bin/gk-fetch" -c "$TMPD/nightly.conf" $up --state "$TMPD/st" >"$TMPD/f3" 2>/dev/null
"$bin/gk-extract" --cache "$d/extract-cache" "$TMPD/f3" >"$TMPD/x3c" 2>"$TMPD/x3c.err"
"$bin/gk-extract" "$TMPD/f3" >"$TMPD/x3" 2>/dev/null
grep -q ' 0 read, ' "$TMPD/x3c.err" || fail "night 3: the copy read documents: $(cat "$TMPD/x3c.err")"
cmp -s "$TMPD/x3" "$TMPD/x3c" || fail "night 3: the cache's records differ from a fresh read"
echo "ok: night 3: unchanged: exit 0, silent; 0 documents read, the records a fresh read's ($(grep -c '^doc' "$TMPD/x3") documents)"

# 4. a revised figure, a new report, a removed report
rev=www.laixi.gov.cn/xxgk_16/szfxxgk_16/xxgkndbg_16/202101/t20210129_4000315.shtml
col=$site/family/www.qdsn.gov.cn/n16/n31281138/n31281321
sed -i 's/4878</4879</' "$site/family/$rev"
sed 's/2023年/2024年/g' "$col/240126150555118785.html" >"$col/241201120000000001.html"
sed -i 's#<tr><td><a href="240126150555118785.html"#<tr><td><a href="241201120000000001.html" title="青岛市市南区人民政府2024年政府信息公开工作年度报告">青岛市市南区人民政府2024年政府信息公开工作年度报告</a></td><td>2025-01-20</td></tr>&#' "$col/index.html"
gone=http://www.laoshan.gov.cn/zfxxgk/bmxxgk/qgzbm/qxzsp/gknb/202401/t20240115_4000182.shtml
grep -q "	$gone	" "$TMPD/f3" || fail "night 4: $gone is not in the stream"
rm "$site/family/${gone#http://}"
old=$(awk -F'\t' -v u="http://$rev" '$1 == "doc" && $3 == u { print $6 }' "$TMPD/f3")
# shellcheck disable=SC2086
harvest 4 $up
[ $rc -eq 1 ] || { cat "$TMPD/out4"; fail "night 4: exit $rc, want 1 (the removed report's failure is new)"; }
grep -q "^  http: $gone" "$TMPD/out4" || { cat "$TMPD/out4"; fail "night 4: the removed report is not the new failure"; }
reports >"$TMPD/r4"
comm -23 "$TMPD/r2" "$TMPD/r4" | grep . && fail "night 4: reports lost"
[ "$(wc -l <"$TMPD/r4")" -eq $((nrep + 1)) ] || fail "night 4: not one report more: $(comm -13 "$TMPD/r2" "$TMPD/r4")"
grep -q '2024' "$TMPD/r4" || fail "night 4: the new report did not land"
grep -q "^gk-fetch: [0-9]* documents (1 new, 1 changed, " "$TMPD/log4" ||
    fail "night 4: not one new and one changed: $(grep '^gk-fetch: [0-9]* documents' "$TMPD/log4")"
grep -q '4879' "$d"/metrics/*.tsv || fail "night 4: the revised figure did not land"
[ -n "$old" ] && [ ! -e "$d/cache/$(echo "$old" | cut -c1-2)/$old" ] || fail "night 4: the revised report's old body is still in the cache"
# changes.tsv: the night's rows are the removed page (gone from the site:
# its report is kept, the page's failure is the night's new one), the new
# report, the revised document and its one revised value
sed 1d "$d/changes.tsv" | tail -n +$((nch + 1)) | awk -F'\t' '{ print $5 "\t" $6 "\t" $7 "\t" $8 "\t" $9 }' |
    sed 's#\thttp://[^\t]*#\tURL#g' >"$TMPD/c4"
printf '2023\tgone from the site\t\tURL\tURL\n2024\tnew report\t\t\tURL\n2020\trevised document\t\tURL\tURL\n2020\trevised value\tactive.coercion.decisions\t54878\t54879\n' |
    diff - "$TMPD/c4" || fail "night 4: changes.tsv"
atom_ok "night 4"
grep -q '54879' "$d/changes.atom" || fail "night 4: the revised figure is not in the feed"
nch=$(changes)
echo "ok: night 4: the revised figure (changes.tsv: revised document, 54878 → 54879; in the feed) and the new report landed, the removed report kept, gone from the site in changes.tsv, its failure new (exit 1), the old body swept"
reports >"$TMPD/r4"

# 5. a whole-site outage
harvest 5 --connect-to :443:127.0.0.1:1 --connect-to ::127.0.0.1:1
[ $rc -eq 2 ] || { cat "$TMPD/out5"; fail "outage: exit $rc, want 2"; }
[ "$(lines "$TMPD/out5")" -eq 1 ] || { cat "$TMPD/out5"; fail "outage: not one line"; }
grep -q '^gk-harvest: the run failed: fetch=2 extract=[01] transform=[01] load=[01]: gk-fetch: www.qingdao.gov.cn (and 10 other sites): the sites did not answer (connection refused) — nothing fetched, state unchanged; log: ' "$TMPD/out5" ||
    { cat "$TMPD/out5"; fail "outage: the line"; }
reports | diff "$TMPD/r4" - || fail "outage: reports lost"
[ "$(changes)" -eq "$nch" ] || fail "outage: changes.tsv grew"
echo "ok: night 5: a whole-site outage: exit 2, one line, every report kept"

# 6. back, nothing changed
# shellcheck disable=SC2086
harvest 6 $up
[ $rc -eq 0 ] || { cat "$TMPD/out6"; fail "night 6: exit $rc, want 0"; }
[ -s "$TMPD/out6" ] && { cat "$TMPD/out6"; fail "night 6: output (cron would mail)"; }
reports | diff "$TMPD/r4" - || fail "night 6: reports changed"
[ "$(changes)" -eq "$nch" ] || fail "night 6: changes.tsv grew"
atom_ok "night 6"
grep -q ' 0 read, ' "$TMPD/log6" || fail "night 6: documents read again"
echo "ok: night 6: the site back, nothing changed: exit 0, silent"
