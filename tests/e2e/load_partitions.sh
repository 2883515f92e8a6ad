#!/bin/sh
# An incremental load touches only what it changes: after a data set of
# 340 reports (tests/bench/mkload.py: report i is of year 2008 + i % 17, 20
# a year, one partition each), a load that changes two reports (years
# 2008 and 2009) writes the partitions of those two years and the report
# pages of those partitions; every other partition file (reports/,
# metrics/, checks/, series/, sources/, wide-*/) and every other report's
# page is the same file (inode) as before, and the whole files are made
# again from the partitions.  The site made so equals the site made whole
# (the same loads into a copy whose site is marked as another program's),
# byte for byte; a load that changes nothing writes nothing.
set -u
bin=${GK_BIN:-bin}
PY=/usr/bin/python3
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export SOURCE_DATE_EPOCH=1700000000
[ -x $PY ] || { echo "python3 is not installed"; exit 77; }

$PY tests/bench/mkload.py 0 340 >"$t/all"
$PY tests/bench/mkload.py 0 2 night2 >"$t/two"
"$bin/gk-load" -q "$t/d" "$t/all" || fail "first load: exit $?"
dirs="reports metrics checks series sources wide-gov2019 wide-gov2021"
# inode and name of every partition file and report page
inodes() {
	(cd "$1/current" && for f in $dirs; do ls -i "$f"; done | sed 's/^ *//'
	    ls -i site/r | sed 's/^ */r /') | sort -k 2
}
(cd "$t/d/current" && ls -i $dirs) >/dev/null 2>&1 || fail "no partitions"
for f in $dirs site/r; do
	(cd "$t/d/current/$f" && ls) | sed "s|^|$f/|"
done >"$t/names1"
find "$t/d/current/" -path '*/reports/*' -o -path '*/metrics/*' -o \
    -path '*/checks/*' -o -path '*/series/*' -o -path '*/sources/*' -o \
    -path '*/wide-gov20*/*' -o -path '*/site/r/*' | sed "s|^$t/d/current/||" |
    sort >"$t/files"
[ "$(grep -c '^reports/' "$t/files")" -eq 17 ] || fail "not one partition a year: $(grep '^reports/' "$t/files" | tr '\n' ' ')"
[ "$(grep -c '^site/r/' "$t/files")" -eq 340 ] || fail "not one page a report"
while read -r f; do
	echo "$(stat -c %i "$t/d/current/$f") $f"
done <"$t/files" >"$t/before"
# the reports of 2008 and 2009, by their pages
sqlite3 "$t/d/gk.sqlite" "SELECT 'site/r/' || report || '.html' FROM reports WHERE year IN (2008, 2009)" |
    sort >"$t/pages0809"
[ "$(wc -l <"$t/pages0809")" -eq 40 ] || fail "not 40 reports in 2008 and 2009"

cp -a "$t/d" "$t/full"
"$bin/gk-load" -q "$t/d" "$t/two" || fail "second load: exit $?"
while read -r f; do
	echo "$(stat -c %i "$t/d/current/$f") $f"
done <"$t/files" >"$t/after"
# what must be new: the 2008 and 2009 partitions and their pages
{ for f in $dirs; do
	for y in 2008 2009; do
		[ -e "$t/d/current/$f/$y.tsv" ] && echo "$f/$y.tsv"
	done
done; cat "$t/pages0809"; } | sort >"$t/want_new"
join -1 2 -2 2 "$t/before" "$t/after" | awk '$2 != $3 { print $1 }' | sort >"$t/new"
if ! diff "$t/want_new" "$t/new" >"$t/diff"; then
	cat "$t/diff"
	fail "the load touched other files than the partitions and pages of the two reports' years (< not rewritten, > rewritten)"
fi
[ "$(wc -l <"$t/new")" -gt 40 ] || fail "too few files rewritten"
for f in reports metrics checks series sources; do
	[ "$(stat -c %i "$t/d/$f.tsv")" != "$(grep " $f/2010.tsv\$" "$t/before" | cut -d ' ' -f 1)" ] || fail "$f.tsv is a partition"
	awk 'FNR == 1 && NR != 1 { next } { print }' "$t/d/$f"/*.tsv | cmp -s - "$t/d/$f.tsv" ||
	    fail "$f.tsv is not its partitions one after the other"
done
echo "ok: 2 reports changed: the 2 years' partitions and their 40 pages rewritten, the other 15 years' files and 300 pages the same inodes"

# the same second load into the copy, its site marked as another
# program's: made whole; the two sites are the same bytes
sed -i '1s/^[^\t]*/another-program/' "$t/full/current/site/generated.tsv"
"$bin/gk-load" -q "$t/full" "$t/two" || fail "second load (copy): exit $?"
grep -q '^another' "$t/full/current/site/generated.tsv" && fail "the copy's site was not made again"
while read -r f; do
	echo "$(stat -c %i "$t/full/current/$f") $f"
done <"$t/files" | grep ' site/r/' >"$t/fullpages"
join -1 2 -2 2 "$t/before" "$t/fullpages" | awk '$2 == $3' | grep -q . &&
    fail "the site made whole kept a page"
diff -r "$t/d/current/site" "$t/full/current/site" >"$t/diff" ||
    { head -20 "$t/diff"; fail "the incremental site differs from the site made whole"; }
cmp -s "$t/d/current/index.html" "$t/full/current/index.html" ||
    fail "index.html differs from the one made whole"
echo "ok: the incremental site = the site made whole, byte for byte"

# a load that changes nothing: no generation, no file written
g=$(readlink "$t/d/current")
"$bin/gk-load" -q "$t/d" "$t/two" || fail "third load: exit $?"
[ "$(readlink "$t/d/current")" = "$g" ] || fail "the same stream again made a generation"
echo "ok: the same stream again: no new generation"
