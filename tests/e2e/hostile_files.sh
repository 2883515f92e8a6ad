#!/bin/sh
# Hostile documents and streams (tests/hostile/mkhostile.py makes them: a
# 40 MB page of 2.8 million elements, markup nested 100,000 deep, a zip
# entry inflating to 200 MB, one claiming 4 GB, entry names that climb out
# of the folder, zips of zips, NUL bytes, bad UTF-8 and GBK, a 10 MB stream
# line, a record of 10,000 fields).  Each document, followed by a good one,
# must give exactly the error record EXPECT.tsv names (or be read cleanly),
# within 30 s and 400 MB (not checked under ASan), and the good document
# after it must be read whole; no file may appear outside the work folder.
# Each stream, fed to gk-extract, gk-transform and gk-load, must name its
# bad line on stderr, give a bad_record error where the stage writes
# records, and go on with the record after it.
set -u
bin=${GK_BIN:-bin}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
python3 tests/hostile/mkhostile.py "$t/h" || fail "mkhostile.py"
good=tests/corpus/docs/001_967186fe634bba4e.docx
case $bin in *san*) rsslimit=0 ;; *) rsslimit=409600 ;; esac
python3 - "$bin" "$t" "$good" "$rsslimit" <<'PY' || exit 1
import os, resource, subprocess, sys, time
bin, t, good, rsslimit = os.path.abspath(sys.argv[1]), sys.argv[2], sys.argv[3], int(sys.argv[4])
h = os.path.join(t, 'h')
bad = 0
for line in open(os.path.join(h, 'EXPECT.tsv'), encoding='utf-8'):
    name, exp, why = line.rstrip('\n').split('\t')
    if name.startswith('stream-'):
        continue
    path = os.path.join(h, name)
    fetched = subprocess.run([bin + '/gk-fetch', path, good], capture_output=True)
    docs = [l.split(b'\t') for l in fetched.stdout.splitlines() if l.startswith(b'doc\t')]
    if len(docs) != 2:
        print('FAIL %s: gk-fetch gave %d doc records' % (name, len(docs))); bad = 1; continue
    badid, goodid = docs[0][1], docs[1][1]
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.time()
    try:
        p = subprocess.run([bin + '/gk-extract'], input=fetched.stdout, capture_output=True,
                           timeout=30, cwd=t)
    except subprocess.TimeoutExpired:
        print('FAIL %s (%s): gk-extract took over 30 s' % (name, why)); bad = 1; continue
    secs = time.time() - t0
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    recs = [l.split(b'\t') for l in p.stdout.splitlines()]
    errs = [r for r in recs if r[0] == b'error' and r[1] == badid]
    content = [r for r in recs if r[0] in (b'para', b'cell') and r[1] == badid]
    goodcells = [r for r in recs if r[0] == b'cell' and r[1] == goodid]
    if exp == 'ok':
        if errs or not content:
            print('FAIL %s (%s): want it read, got %s' % (name, why, errs[:1] or 'nothing')); bad = 1
    elif len(errs) != 1 or errs[0][3].decode() != exp or content:
        print('FAIL %s (%s): want one %s error, got %s and %d records' %
              (name, why, exp, [e[3] for e in errs], len(content))); bad = 1
    if len(goodcells) < 100:
        print('FAIL %s: the good document after it gave %d cells' % (name, len(goodcells))); bad = 1
    if rsslimit and rss > rsslimit and rss > before:
        print('FAIL %s: gk-extract used %d KB' % (name, rss)); bad = 1
    print('%-20s %-10s %5.2f s  %s' % (name, exp, secs,
          errs[0][4].decode(errors='replace')[:70] if errs else 'read'))
# nothing written outside the work folder by any reader
for p in ('/etc/gk-escaped', os.path.join(os.path.dirname(t), 'gk-escaped'), os.path.join(t, '..', 'up')):
    if os.path.exists(p):
        print('FAIL: %s was written' % p); bad = 1
sys.exit(bad)
PY
# streams through each stage
for s in longline fields nul badutf8; do
	f=$t/h/stream-$s.tsv
	exp=$(awk -F'\t' -v n="stream-$s.tsv" '$1 == n { print $2 }' "$t/h/EXPECT.tsv")
	for stage in extract transform; do
		timeout 60 "$bin/gk-$stage" <"$f" >"$t/out" 2>"$t/err"
		rc=$?
		[ "$rc" -le 2 ] || fail "stream-$s: gk-$stage exit $rc"
		grep -q '^doc	GOOD' "$t/out" || fail "stream-$s: gk-$stage lost the record after the bad one"
		if [ "$exp" = bad_record ]; then
			grep -q "^error	[^	]*	$stage	bad_record	.*line 2" "$t/out" ||
			    fail "stream-$s: gk-$stage gave no bad_record error naming line 2"
			grep -q 'line 2' "$t/err" || fail "stream-$s: gk-$stage did not name the line on stderr"
		fi
	done
	mkdir -p "$t/d-$s"
	timeout 60 "$bin/gk-load" "$t/d-$s" <"$f" >"$t/out" 2>"$t/err"
	rc=$?
	[ "$rc" -le 2 ] || fail "stream-$s: gk-load exit $rc"
	[ "$exp" != bad_record ] || grep -q 'line 2' "$t/err" ||
	    fail "stream-$s: gk-load did not name the bad line on stderr"
done
echo ok
