#!/bin/sh
# Progress a person can read, on a terminal only: each stage run with its
# standard error on a pseudo-terminal draws "N documents ... /s" lines
# (gk-extract the page of a PDF, gk-fetch done/total and the queue); the
# same runs with standard error in a file write nothing extra, and -q
# draws nothing on the terminal either.
set -u
bin=${GK_BIN:-bin}
command -v python3 >/dev/null || { echo "python3 is not installed"; exit 77; }
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
seed=tests/corpus/docs/000_0e252554ad65cb5c
"$bin/gk-fetch" "$seed.html" "$seed.pdf" "$seed.docx" >"$t/fetched.tsv" || fail "gk-fetch"
"$bin/gk-extract" <"$t/fetched.tsv" >"$t/extracted.tsv" || fail "gk-extract"
"$bin/gk-transform" <"$t/extracted.tsv" >"$t/transformed.tsv" || fail "gk-transform"
start="file://$PWD/tests/site/www/zwgk/zdgk/ndbg/index.shtml"

# tty NAME STDIN CMD...: run CMD with stderr on a pty, stdout to a file;
# what the terminal got goes to $t/NAME.tty
cat >"$t/onpty.py" <<'PY'
import os, pty, sys, subprocess
name, stdin, cmd = sys.argv[1], sys.argv[2], sys.argv[3:]
m, s = pty.openpty()
with open(stdin, "rb") as i, open(name + ".out", "wb") as o:
    p = subprocess.Popen(cmd, stdin=i, stdout=o, stderr=s, env=dict(os.environ, TERM="xterm"))
os.close(s)
got = b""
while True:
    try:
        b = os.read(m, 65536)
    except OSError:
        break
    if not b:
        break
    got += b
open(name + ".tty", "wb").write(got)
sys.exit(p.wait())
PY
run_tty() { n=$1 in=$2; shift 2; python3 "$t/onpty.py" "$t/$n" "$in" "$@"; }

run_tty extract "$t/fetched.tsv" "$bin/gk-extract" || fail "gk-extract on a tty: exit $?"
grep -aq "gk-extract: [0-9]*/3 documents" "$t/extract.tty" || { cat -v "$t/extract.tty"; fail "gk-extract drew no progress on a tty"; }
grep -aq "page 7/7" "$t/extract.tty" || { cat -v "$t/extract.tty"; fail "gk-extract: no page of the PDF in the progress"; }
cmp -s "$t/extract.out" "$t/extracted.tsv" || fail "gk-extract on a tty wrote other records"
# the line is erased at the end: the last bytes are the erase sequence
tail -c 4 "$t/extract.tty" | od -c | grep -q '\\r 033   \[   K' || { tail -c 40 "$t/extract.tty" | od -c; fail "gk-extract left its progress line"; }

run_tty transform "$t/extracted.tsv" "$bin/gk-transform" || fail "gk-transform on a tty"
grep -aq "gk-transform: [0-9]*/3 documents" "$t/transform.tty" || { cat -v "$t/transform.tty"; fail "gk-transform drew no progress"; }
run_tty load "$t/transformed.tsv" "$bin/gk-load" "$t/data" || fail "gk-load on a tty"
grep -aq "gk-load: .*writing the data set" "$t/load.tty" || { cat -v "$t/load.tty"; fail "gk-load drew no progress"; }
run_tty fetch /dev/null "$bin/gk-fetch" --state "$t/st" --start "$start"
grep -aq "gk-fetch: [0-9]*/[0-9]* documents (.*queued.*active.*MB" "$t/fetch.tty" || { cat -v "$t/fetch.tty" | head -c 2000; fail "gk-fetch drew no progress"; }

# -q: nothing drawn (gk-extract of good documents says nothing else)
run_tty quiet "$t/fetched.tsv" "$bin/gk-extract" -q || fail "gk-extract -q"
[ -s "$t/quiet.tty" ] && { cat -v "$t/quiet.tty"; fail "gk-extract -q drew on the terminal"; }

# stderr not a terminal: not a byte of progress
"$bin/gk-extract" <"$t/fetched.tsv" >/dev/null 2>"$t/err" || fail "gk-extract"
[ -s "$t/err" ] && { cat -v "$t/err"; fail "gk-extract wrote to a stderr file"; }
"$bin/gk-transform" <"$t/extracted.tsv" >/dev/null 2>"$t/err"
[ -s "$t/err" ] && { cat -v "$t/err"; fail "gk-transform wrote to a stderr file"; }
"$bin/gk-load" "$t/data2" <"$t/transformed.tsv" 2>"$t/err"
[ -s "$t/err" ] && { cat -v "$t/err"; fail "gk-load wrote to a stderr file"; }
"$bin/gk-fetch" --state "$t/st2" --start "$start" >/dev/null 2>"$t/err"
grep -q "$(printf '\r')" "$t/err" && { cat -v "$t/err"; fail "gk-fetch drew progress into a file"; }
echo "progress on a terminal, none in a file or with -q"
