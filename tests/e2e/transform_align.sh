#!/bin/sh
# End to end: the rows of a table are placed by aligning the printed labels
# to the form's rows, order and edit distance together (issue 12).  Each
# tests/transform/align/*.case is a stream (after `#--- input`) and the truth
# of what gk-transform must make of it (after `#--- expect`): the report's
# agency, year and template, every metric (key value unit raw flags) and
# every failed check (name where expected found), and an error record's
# stage, code and message, sorted.  A case passes
# when gk-transform's output, so projected, is exactly its truth.
# CASE=name runs one; KEEP=dir keeps each case's projected output there.
set -u
bin=${GK_BIN:-bin}
dir=${ALIGN_DIR:-tests/transform/align}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
pass=0 failed=
for c in "$dir"/${CASE:-*}.case; do
	name=$(basename "$c" .case)
	sed -n '/^#--- input$/,/^#--- expect$/p' "$c" >"$t/in"
	sed -n '/^#--- expect$/,$p' "$c" | sed 1d >"$t/want"
	"$bin/gk-transform" -q "$t/in" >"$t/out" 2>"$t/err"
	rc=$?
	awk -F'\t' -v OFS='\t' '
	$1 == "report" { print "report", $4, $5, $6 }
	$1 == "metric" { print "metric", $3, $4, $5, $6, $7 }
	$1 == "check" { print "check", $3, $4, $5, $6 }
	$1 == "error" { print "error", $3, $4, $5 }' "$t/out" | LC_ALL=C sort >"$t/got"
	[ -n "${KEEP:-}" ] && cp "$t/got" "$KEEP/$name.got"
	# exit 1 when the truth holds an error record (gk-transform(1))
	want_rc=0
	grep -q '^error' "$t/want" && want_rc=1
	if [ $rc -eq $want_rc ] && cmp -s "$t/want" "$t/got"; then
		pass=$((pass + 1))
	else
		failed="$failed $name"
		echo "FAIL $name (exit $rc): want < > got"
		diff "$t/want" "$t/got" | head -20
	fi
done
echo "$pass passed${failed:+, failed:$failed}"
[ -z "$failed" ]
