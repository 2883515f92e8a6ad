#!/bin/sh
# Hostile PDFs (tests/hostile/make-pdf.py): each, followed by a sound
# document, must give one error record with its code (or a clean result)
# within a bounded time and memory, and the sound document must still be
# read.  The budget is lowered (GK_PDF_SECONDS=0.5, GK_PDF_MEGABYTES=64) so
# that the test takes seconds; the defaults are in common/bounds.h.
set -u
bin=${GK_BIN:-bin}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 tests/hostile/make-pdf.py "$tmp" || { echo "FAIL: make-pdf.py"; exit 1; }
GK_PDF_SECONDS=0.5 GK_PDF_MEGABYTES=64 python3 - "$bin" "$tmp" <<'PY'
import os, resource, subprocess, sys, time

bin, tmp = sys.argv[1], sys.argv[2]
# case: the error codes it may give ('' = read cleanly)
CASES = {
    'textops': {'too_many'},        # characters of a page, as they are drawn
    'spaces': {'timeout'},          # the lexer, stopped by the file's slices
    'bigpath': {'too_big'},         # MuPDF's memory cap (a longer budget)
    'lines': {'too_many'},          # ruling lines of a page
    'pages': {'too_many'},          # pages of a document
    'hugepage': {''},               # a page 14,400 in square has its text
    'deeparray': {'', 'no_text', 'corrupt'},
    'deeptree': {'corrupt', 'timeout'},
    'deepforms': {'timeout', 'too_many'},
    'deepq': {'', 'too_big'},      # each saved graphics state costs memory
}
CPU_MAX = 3.0       # s: the budget (0.5 s) plus start-up and the good page
RSS_MAX = 200 << 10  # KiB: the cap (64 MB) plus gk-extract's own
if '/san/' in os.path.abspath(bin) + '/':
    CPU_MAX, RSS_MAX = 8.0, 1 << 20     # ASan: slower, and its shadow memory
good = os.path.join(tmp, 'good.pdf')
failed = 0
for case, codes in CASES.items():
    pdf = os.path.join(tmp, case + '.pdf')
    fetch = subprocess.run([bin + '/gk-fetch', pdf, good], capture_output=True)
    env = dict(os.environ)
    if case == 'bigpath':           # the cap, not the clock, must stop it
        env['GK_PDF_SECONDS'] = '2'
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    p = subprocess.run([bin + '/gk-extract', '-q'], input=fetch.stdout,
                       capture_output=True, timeout=120, env=env)
    wall = time.monotonic() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    recs = [l.split('\t') for l in p.stdout.decode('utf-8', 'replace').splitlines()]
    docs = [r[1] for r in recs if r[0] == 'doc']
    errs = [r for r in recs if r[0] == 'error']
    got = errs[0][3] if errs else ''
    why = []
    if len(docs) != 2:
        why.append('%d doc records' % len(docs))
    if len(errs) > 1:
        why.append('%d error records' % len(errs))
    if errs and errs[0][1] != docs[0]:
        why.append('the error is not the hostile document\'s')
    if got not in codes:
        why.append('code %r, want %s' % (got, ' or '.join(sorted(c or 'none' for c in codes))))
    paras = [r[3] for r in recs if r[0] == 'para' and len(docs) == 2 and r[1] == docs[1]]
    if paras != ['Annual report 2024', 'Requests received', '1203']:
        why.append('the next document read as %r' % paras)
    if cpu > CPU_MAX:
        why.append('%.2f s of CPU' % cpu)
    if r1.ru_maxrss > RSS_MAX:
        why.append('%d MB' % (r1.ru_maxrss >> 10))
    want_rc = 1 if got else 0
    if p.returncode != want_rc:
        why.append('exit %d' % p.returncode)
    msg = errs[0][4] if errs else 'read'
    print('%-4s %-9s %-9s %.2f s cpu, %.1f s wall: %s' % (
        'FAIL' if why else 'ok', case, got or '-', cpu, wall,
        '; '.join(why) if why else msg))
    failed += bool(why)
sys.exit(1 if failed else 0)
PY
