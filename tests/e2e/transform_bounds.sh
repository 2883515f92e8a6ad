#!/bin/sh
# End to end: gk-transform on hostile input stays inside its buffers and
# says so when it hits a bound.  tests/transform/legacy_label_bounds.tsv
# (labels that start or end inside multi-byte sequences, runs of numerals,
# very long labels) reads with no crash (ASan under make check) and the
# good report after it is whole; more readings of one page than gk keeps
# give one too_many error and the rest is read.
set -u
bin=${GK_BIN:-bin}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$bin/gk-transform" tests/transform/legacy_label_bounds.tsv >"$t/out" 2>"$t/err"
rc=$?
[ $rc -eq 0 ] || fail "legacy bounds: exit $rc: $(cat "$t/err")"
[ "$(grep -ac '^report' "$t/out")" = 3 ] || fail "want three reports"
grep -aq "$(printf '^metric\t[^\t]*\tlegacy.一、主动公开情况.（一）主动公开政府信息数（不同渠道和方式公开相同信息计1条）\t41\t条\t')" \
    "$t/out" || fail "the good report after them is not whole"
awk -F'\t' '$1 == "metric" && length($3) > 600 { bad = 1 } END { exit bad }' "$t/out" ||
    fail "a key longer than its bound"

# 70 readings of one document: 64 kept, one too_many, exit 1
{
	printf 'doc\td1\thttp://x/a.html\thttp://x/a.html\t\t\t\thtml\t\t\t\t\tnew\n'
	i=0
	while [ $i -lt 70 ]; do
		printf 'reading\td1\tr%d\npara\td1\t%d\t2020年报告\t\n' $i $((i + 1))
		i=$((i + 1))
	done
} | "$bin/gk-transform" >"$t/out2" 2>"$t/err2"
rc=$?
[ $rc -eq 1 ] || fail "readings: exit $rc, want 1"
[ "$(grep -c "$(printf '^error\td1\ttransform\ttoo_many\t')" "$t/out2")" = 1 ] ||
    fail "readings: want one too_many: $(grep '^error' "$t/out2" | head -3)"

# a malformed line: an error record and a line on stderr, the rest read
printf 'doc\td1\thttp://x/a.html\nbogus\n' >"$t/in3"
"$bin/gk-transform" "$t/in3" >"$t/out3" 2>"$t/err3"
grep -q "$(printf '^error\t\ttransform\tbad_record\t')" "$t/out3" ||
    fail "bad line: no error record"
grep -q 'line 1' "$t/err3" || fail "bad line: not named on stderr: $(cat "$t/err3")"
echo ok
