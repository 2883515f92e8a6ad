#!/bin/sh
# What a stage says when it is given the wrong input, and how it ends when
# its reader goes away:
# - a document in place of the record stream (gk-extract < report.pdf):
#   one line naming what it looks like, exit 2, nothing on stdout;
# - a record stream of the wrong stage (gk-load DIR fetched.tsv): one line
#   naming what it holds and what to run first, exit 2, DIR untouched;
# - `-` is standard input where a file is expected;
# - a reader that goes away (| head): no message; a full disk: one line,
#   exit 2.
set -u
bin=${GK_BIN:-bin}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
seed=tests/corpus/docs/000_0e252554ad65cb5c

# expect STATUS PATTERN cmd...: exactly one stderr line matching PATTERN
expect() {
	want=$1 pat=$2; shift 2
	"$@" >"$t/out" 2>"$t/err"
	rc=$?
	[ "$rc" -eq "$want" ] || { cat "$t/err"; fail "$*: exit $rc, want $want"; }
	[ "$(wc -l <"$t/err")" -eq 1 ] || { cat "$t/err"; fail "$*: not one line on stderr"; }
	grep -q -- "$pat" "$t/err" || { cat "$t/err"; fail "$*: stderr does not say '$pat'"; }
}

for ext in pdf docx doc html; do
	case $ext in
	pdf) what="a PDF document" ;; docx) what="a Word or Excel document" ;;
	doc) what="an old Word, Excel or WPS document" ;; html) what="an HTML" ;;
	esac
	for s in extract transform; do
		expect 2 "gk-$s: standard input: not a gk record stream (it looks like $what.*give documents to gk-fetch first" \
		    "$bin/gk-$s" <"$seed.$ext"
		[ -s "$t/out" ] && fail "gk-$s wrote records for a $ext file"
	done
	expect 2 "gk-load: standard input: not a gk record stream (it looks like $what" "$bin/gk-load" "$t/d" - <"$seed.$ext"
	[ -e "$t/d" ] && fail "gk-load made the data folder for a $ext file"
done
printf "a plain text file\nof two lines\n" >"$t/text.txt"
expect 2 "gk-extract: $t/text.txt: not a gk record stream (its first line is not a record" "$bin/gk-extract" "$t/text.txt"

"$bin/gk-fetch" "$seed.html" "$seed.pdf" >"$t/fetched.tsv" || fail "gk-fetch"
"$bin/gk-fetch" "$seed.docx" >"$t/fetched1.tsv" || fail "gk-fetch"
"$bin/gk-extract" <"$t/fetched.tsv" >"$t/extracted.tsv" || fail "gk-extract"
"$bin/gk-transform" <"$t/extracted.tsv" >"$t/transformed.tsv" || fail "gk-transform"
expect 2 "gk-load: $t/fetched.tsv: the stream holds no report records (it holds 2 doc: the output of gk-fetch, give it to gk-extract | gk-transform first); nothing was loaded" \
    "$bin/gk-load" "$t/d" "$t/fetched.tsv"
[ -e "$t/d" ] && fail "gk-load made the data folder for gk-fetch's stream"
expect 2 "gk-load: standard input: the stream holds no report records (it holds 2 doc, [0-9]* para, [0-9]* cell.*the output of gk-extract, give it to gk-transform first)" \
    "$bin/gk-load" "$t/d" <"$t/extracted.tsv"
expect 2 "gk-transform: standard input: doc records without their paragraphs and cells: the output of gk-fetch (give it to gk-extract first)" \
    "$bin/gk-transform" <"$t/fetched.tsv"
"$bin/gk-transform" <"$t/fetched1.tsv" >/dev/null 2>"$t/err"
grep -q "gk-transform: standard input: a doc record without paragraphs or cells: if it is gk-fetch's output, give it to gk-extract first" "$t/err" ||
    { cat "$t/err"; fail "gk-transform of one fetched document: no hint"; }
grep '^report\|^metric' "$t/transformed.tsv" >"$t/reports.tsv"
expect 2 "gk-extract: standard input: no doc records to read (it holds [0-9]* report, [0-9]* metric.*: the output of gk-transform); passed on unchanged" \
    "$bin/gk-extract" <"$t/reports.tsv"
cmp -s "$t/out" "$t/reports.tsv" || fail "gk-extract did not pass the records on unchanged"
expect 2 "gk-transform: standard input: no doc, para or cell records to read" "$bin/gk-transform" <"$t/reports.tsv"
# -v says what was passed on unchanged
"$bin/gk-extract" -v <"$t/fetched.tsv" 2>&1 >/dev/null | grep -q 'passed on unchanged\|documents read' || true
"$bin/gk-transform" -v <"$t/extracted.tsv" 2>"$t/err" >/dev/null
grep -q "gk-transform: standard input: passed on unchanged: 2 note" "$t/err" || { cat "$t/err"; fail "gk-transform -v: what it passed on"; }

# - is standard input; the right stream loads
"$bin/gk-load" "$t/d" - <"$t/transformed.tsv" || fail "gk-load DIR - "
# (the seed as .html and as .pdf: one report, found twice)
[ "$(awk 'FNR > 1' "$t/d"/reports/*.tsv | wc -l)" -eq 1 ] || fail "gk-load - did not load the report"
"$bin/gk-extract" - <"$t/fetched.tsv" | cmp -s - "$t/extracted.tsv" || fail "gk-extract - differs from gk-extract"
"$bin/gk-transform" "$t/extracted.tsv" | cmp -s - "$t/transformed.tsv" || fail "gk-transform FILE differs"
"$bin/gk-fetch" -c - --state "$t/st" --start "file://$PWD/tests/site/www/zwgk/zdgk/ndbg/index.shtml" \
    </dev/null >/dev/null 2>"$t/err"
[ $? -le 1 ] || { cat "$t/err"; fail "gk-fetch -c - (an empty config on standard input)"; }

# A reader that goes away: quiet, with SIGPIPE caught or ignored.
start="file://$PWD/tests/site/www/zwgk/zdgk/ndbg/index.shtml"
for ign in no yes; do
	(
		[ $ign = yes ] && trap '' PIPE
		"$bin/gk-fetch" --state "$t/s-$ign" --start "$start" 2>"$t/fetch-err" | head -n 1 >/dev/null
		"$bin/gk-fetch" tests/corpus/docs tests/corpus/docs tests/corpus/docs 2>"$t/local-err" | head -n 1 >/dev/null
		"$bin/gk-extract" <"$t/fetched.tsv" 2>"$t/extract-err" | head -n 1 >/dev/null
		"$bin/gk-transform" <"$t/extracted.tsv" 2>"$t/transform-err" | head -n 1 >/dev/null
	)
	for s in fetch local extract transform; do
		if grep -q 'write error' "$t/$s-err"; then
			cat "$t/$s-err"; fail "$s | head (SIGPIPE ignored: $ign): a write error message"
		fi
	done
done
# Any other write error: one line, exit 2.
expect 2 "gk-extract: stdout: write error: No space left on device" sh -c "'$bin/gk-extract' <'$t/fetched.tsv' >/dev/full"
expect 2 "gk-fetch: stdout: write error: No space left on device" sh -c "'$bin/gk-fetch' '$seed.pdf' >/dev/full"
echo "wrong streams named, - read, quiet on a closed pipe"
