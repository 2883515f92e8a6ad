#!/bin/sh
# What changed, night after night: changes.tsv gains each run's rows (a
# new report, a revised value with its old and new figure, a report
# removed), changes.atom is a valid Atom feed (RFC 4287: the rules of
# tests/e2e/load_atom.rng, checked with xmllint) of the new and revised
# reports; a revised report keeps what it said before and gk-load --as-of
# shows it as it was on a run or a date; errors.tsv keeps first and last
# seen, a failure known from an earlier night does not make the night
# exit 1 and a new one does; the whole files (reports.tsv, ...) are their
# folders' partitions one after the other.
set -u
bin=${GK_BIN:-bin}
mk=tests/e2e/load_mkstream
. tests/e2e/load_lib
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v sqlite3 >/dev/null || { echo "sqlite3 is not installed (load/debian-packages)"; exit 77; }
command -v xmllint >/dev/null || { echo "xmllint is not installed (load/debian-packages)"; exit 77; }
rng=tests/e2e/load_atom.rng
day=86400 t0=1700000000
night() {	# night N STREAM: load STREAM on night N; its exit status
	SOURCE_DATE_EPOCH=$((t0 + $1 * day)) "$bin/gk-load" "$t/d" <"$2" 2>>"$t/log"
}
changes() { sed 1d "$t/d/changes.tsv"; }
whole() {	# every whole file is its folder's partitions
	for f in reports metrics checks series sources wide-gov2019 wide-gov2021; do
		tsv "$t/d" $f | cmp -s - "$t/d/$f.tsv" || fail "$1: $f.tsv is not the partitions of $f/"
	done
}

for d in $(cut -f1 tests/corpus/truth/reports.tsv | sed 1d); do
	sh $mk tests/corpus/truth "$d"; done >"$t/s1"
n=$(grep -c '^report	' "$t/s1")

# night 1: every report is new
night 1 "$t/s1"; rc=$?
[ $rc -eq 0 ] || fail "night 1: exit $rc"
[ "$(head -1 "$t/d/changes.tsv")" = "$(printf 'run\tchanged\treport\tagency\tyear\twhat\tmetric\told\tnew')" ] ||
	fail "changes.tsv header: $(head -1 "$t/d/changes.tsv")"
[ "$(changes | awk -F '\t' '$1 == 1 && $6 == "new report"' | wc -l)" -eq "$n" ] || fail "night 1: not $n new reports"
rows "$t/d" reports | cut -f1 | sort >"$t/a"
changes | cut -f3 | sort | cmp -s - "$t/a" || fail "night 1: the new reports are not those of reports/"
xmllint --noout --relaxng $rng "$t/d/changes.atom" 2>"$t/x" || { cat "$t/x"; fail "night 1: changes.atom is not valid"; }
[ "$(grep -c '<entry>' "$t/d/changes.atom")" -eq "$n" ] || fail "night 1: not $n entries in the feed"
# the schema can fail: a feed whose entry lacks its updated is refused
sed '0,/<updated>.*<\/updated>/!{0,/    <updated>.*<\/updated>/s///}' "$t/d/changes.atom" >"$t/bad.atom"
cmp -s "$t/bad.atom" "$t/d/changes.atom" && fail "the broken feed is not broken"
xmllint --noout --relaxng $rng "$t/bad.atom" 2>/dev/null && fail "an entry without updated passes the schema"
whole "night 1"

# night 2: one figure of one report revised (6 -> 9, say)
r=$(awk -F '\t' '$1 == "metric" && $3 == "requests.new.total" && $4 != "" { print $2; exit }' "$t/s1")
old=$(awk -F '\t' -v r="$r" '$1 == "metric" && $2 == r && $3 == "requests.new.total" { print $4; exit }' "$t/s1")
new=$((old + 3))
# (and another figure printed otherwise, the same number: no change)
awk -F '\t' -v OFS='\t' -v r="$r" -v v="$new" '$1 == "metric" && $2 == r &&
    $3 == "requests.new.total" { $4 = v; $6 = v }
    $1 == "metric" && $2 == r && $3 == "requests.granted.total" && $4 != "" { $6 = $4 ".0" }
    { print }' "$t/s1" >"$t/s2"
night 2 "$t/s2"; rc=$?
[ $rc -eq 0 ] || fail "night 2: exit $rc"
R=$(report_of "$t/d" "$r")
changes | awk -F '\t' '$1 == 2' >"$t/c2"
printf '%s\trevised value\trequests.new.total\t%s\t%s\n' "$R" "$old" "$new" >"$t/want"
cut -f3,6- "$t/c2" | cmp -s - "$t/want" || { cat "$t/c2"; fail "night 2: changes are not the one revised value"; }
[ "$(changes | awk -F '\t' '$1 == 1' | wc -l)" -eq "$n" ] || fail "night 2: night 1's rows are not kept"
xmllint --noout --relaxng $rng "$t/d/changes.atom" 2>"$t/x" || { cat "$t/x"; fail "night 2: changes.atom is not valid"; }
grep -A3 '<entry>' "$t/d/changes.atom" | sed -n 3p | grep -q 'revised (1 value)' ||
	fail "night 2: the feed's first entry is not the revision"
grep -q "site/r/$R.html" "$t/d/changes.atom" || fail "night 2: the entry does not link the report's page"
# the revised report keeps what it said before
v() { awk -F '\t' '$5 == "requests.new.total" { print $6; exit }'; }
[ "$("$bin/gk-load" --as-of 1 "$t/d" "$R" | v)" = "$old" ] || fail "--as-of 1 does not show $old"
[ "$("$bin/gk-load" --as-of 2 "$t/d" "$R" | v)" = "$new" ] || fail "--as-of 2 does not show $new"
d1=$(date -u -d @$((t0 + day)) +%F)
[ "$("$bin/gk-load" --as-of "$d1" "$t/d" "$R" | v)" = "$old" ] || fail "--as-of $d1 does not show $old"
"$bin/gk-load" --as-of 2000-01-01 "$t/d" "$R" >/dev/null 2>&1
[ $? -eq 1 ] || fail "--as-of before the first run: not exit 1"
[ "$("$bin/gk-load" --as-of 1 "$t/d" "$R" | sed 1d | wc -l)" -eq "$(rows "$t/d" metrics | awk -F '\t' -v r="$R" '$1 == r' | wc -l)" ] ||
	fail "--as-of 1 does not give every value of the report"
[ "$(sqlite3 "$t/d/gk.sqlite" "SELECT COUNT(*) FROM history WHERE report = '$R'")" -eq 2 ] ||
	fail "history does not hold the report's two versions"
rows "$t/d" metrics | awk -F '\t' -v r="$R" '$1 == r && $5 == "requests.new.total" { print $6 }' | grep -qx "$new" ||
	fail "night 2: metrics/ does not hold $new"
whole "night 2"

# night 3: the same again: nothing changes
g=$(gen "$t/d")
night 3 "$t/s2"
[ "$(gen "$t/d")" = "$g" ] || fail "night 3: the same stream made a new generation"

# night 4: a report moved to another year: removed, and a new one
d=$(awk -F '\t' '$1 == "report" { print $2 }' "$t/s1" | sed -n 2p)
R4=$(report_of "$t/d" "$d")
{ awk -F '\t' -v d="$d" '$2 != d' "$t/s2"
  sh $mk tests/corpus/truth "$d" "$d" "" 2015; } >"$t/s4"
night 4 "$t/s4"; rc=$?
[ $rc -eq 0 ] || fail "night 4: exit $rc"
run=$(sqlite3 "$t/d/gk.sqlite" "SELECT MAX(run) FROM runs")	# night 3 made none
[ "$run" -eq 3 ] || fail "night 4 is run $run, expected 3"
changes | awk -F '\t' -v r="$R4" '$1 == 3 && $3 == r && $6 == "removed from the site"' | grep -q . ||
	fail "night 4: the moved report is not removed"
changes | awk -F '\t' '$1 == 3 && $5 == 2015 && $6 == "new report"' | grep -q . ||
	fail "night 4: its new year is not a new report"
"$bin/gk-load" --as-of 3 "$t/d" "$R4" >/dev/null 2>&1 && fail "--as-of 3 shows the removed report"
"$bin/gk-load" --as-of 2 "$t/d" "$R4" | grep -q . || fail "--as-of 2 does not show the report before it was removed"
whole "night 4"

# errors: a new failure exits 1, a known one (same document, same code) 0
printf 'error\tdeadbeef00000001\tfetch\thttp_404\tnot found\n' >"$t/e"
cat "$t/s4" "$t/e" >"$t/s5"
night 5 "$t/s5"; rc=$?
[ $rc -eq 1 ] || fail "night 5: a new failure: exit $rc, expected 1"
first=$(awk -F '\t' '$1 == "deadbeef00000001" { print $8 }' "$t/d/errors.tsv")
night 6 "$t/s5"; rc=$?
[ $rc -eq 0 ] || fail "night 6: a failure known from night 5: exit $rc, expected 0"
[ "$(awk -F '\t' '$1 == "deadbeef00000001" { print $8 }' "$t/d/errors.tsv")" = "$first" ] || fail "night 6: first_seen moved"
printf 'error\tdeadbeef00000001\tfetch\ttimeout\ttimed out\n' >>"$t/s5"
night 7 "$t/s5"; rc=$?
[ $rc -eq 1 ] || fail "night 7: a new code for a known document: exit $rc, expected 1"
# a malformed record: exit 1 the first night, 0 once known
printf 'metric\t%s\trequests.new.person\tabc\t\tabc\t\t%s\t1\t\t\t\t\n' "$r" "$r" >>"$t/s5"
night 8 "$t/s5"; rc=$?
[ $rc -eq 1 ] || fail "night 8: a new bad record: exit $rc, expected 1"
night 9 "$t/s5"; rc=$?
[ $rc -eq 0 ] || fail "night 9: the bad record known from night 8: exit $rc, expected 0"
echo "ok: changes: $(changes | wc -l) rows over 9 nights, a valid feed, --as-of, known failures exit 0"
