"""The committed sample of the matrix (tests/matrix/sample/), made by
`matrix.py sample` from the default plan (fixed seed).

It picks, from the files of the default matrix: one file of every producer
that prints a page, its (layout, paper) cell drawn round the nine, a second
file for the four browser-like producers, one of each Word-master and
PDF-rewriting producer, and a few scans; among the candidates of a cell the
smallest file.  It writes

  sample/docs/FILE           the files
  sample/truth/              the truth of their sources (tests/corpus format)
  sample/MANIFEST.tsv        file source producer layout paper font condition flag
  sample/expected.tsv        file right total false_checks ok: what gk scores now

tests/e2e/matrix_sample.sh (and matrix_scans.sh for the files that go
through OCR) score the sample and fail when a file scores below its line of
expected.tsv.
"""
import os
import shutil
import sys

import matrix

OUT = os.path.join(matrix.ROOT, 'tests', 'matrix', 'sample')
TWICE = ['chromium', 'lo-html', 'weasyprint', 'wkhtmltopdf']
SCANS = ['grey150-q60', 'bilevel150']     # 150 dpi: OCR stays fast
NOTEXT = 1      # at most this many PDFs whose text only OCR reads
BUDGET = 9.5e6      # bytes


def pick(jobs):
    by = {}
    for j in jobs:
        by.setdefault(j.producer, []).append(j)
    chosen = []
    cells = [(l, q) for l in matrix.LAYOUTS for q in matrix.PAPERS]
    k = 0
    html = [p for p, v in matrix.producers.PRODUCERS.items() if v[0] == 'html']
    for p in html:
        for n in range(2 if p in TWICE else 1):
            want = cells[k % len(cells)]
            k += 1
            c = [j for j in by.get(p, []) if (j.layout, j.paper) == want]
            if not c:
                c = by.get(p, [])
            chosen.append(c)
    for p, v in matrix.producers.PRODUCERS.items():
        if v[0] in ('word', 'pdf'):
            chosen.append([j for j in by.get(p, []) if j.src.origin in ('variant', 'new',
                                                                        'synthetic', 'seed')])
    for cond in SCANS:
        chosen.append([j for j in by.get('scan', []) if j.cond == cond])
    return chosen


def main(seed, bindir):
    if seed != matrix.DEFAULT_SEED:
        sys.exit('matrix.py sample: the sample is made with the default seed only')
    out = os.path.join(matrix.ROOT, 'build', 'matrix-sample')
    os.makedirs(out, exist_ok=True)
    newdir = os.path.join(out, 'new')
    shutil.rmtree(newdir, ignore_errors=True)
    import subprocess
    subprocess.run(['/usr/bin/python3', os.path.join(matrix.HERE, 'make-reports.py'), '--seed',
                    str(seed), '--count', '24', newdir], check=True)
    S = matrix.sources(seed, newdir, False)
    jobs = matrix.plan(S, seed, 2, 3, None, False)
    groups = pick(jobs)
    cand = [j for g in groups for j in g]
    # make the candidates (the matrix's cache has them when it ran before)
    seen = {}
    for j in cand:
        seen[j.id] = j
    rows, made, _ = matrix.build(out, list(seen.values()), 2, bindir)
    size = {fid: os.path.getsize(p) for fid, p in made.items()}
    byrow = {r['file']: r for r in rows}
    chosen, used, notext = [], set(), 0

    def ocr(j):
        return byrow[j.id]['condition'] == 'no-unicode'

    for g in groups:
        g = [j for j in g if j.id in made]
        if notext >= NOTEXT:
            g = [j for j in g if not ocr(j)]
        # another source than the files before, where the group has one
        g = [j for j in g if j.src.id not in used] or g
        if not g:
            continue
        # with a text layer first, then the smallest file
        j = min(g, key=lambda j: (ocr(j), size[j.id], j.id))
        notext += ocr(j)
        chosen.append(j)
        used.add(j.src.id)
    total = sum(size[j.id] for j in chosen)
    if total > BUDGET:
        print('sample: %d bytes, over the budget of %d' % (total, BUDGET), file=sys.stderr)
    shutil.rmtree(OUT, ignore_errors=True)
    for d in ('docs', 'truth'):
        os.makedirs(os.path.join(OUT, d))
    reps = [('doc', 'agency', 'year', 'template')]
    checks = [('doc', 'check', 'where', 'expected', 'found')]
    man = [('file', 'source', 'producer', 'layout', 'paper', 'font', 'condition', 'flag')]
    exp = [('file', 'right', 'total', 'false_checks', 'ok')]
    done = set()
    for j in sorted(chosen, key=lambda j: j.id):
        r = byrow[j.id]
        name = j.id + '.' + j.ext
        shutil.copyfile(made[j.id], os.path.join(OUT, 'docs', name))
        s = j.src
        if s.id not in done:
            done.add(s.id)
            shutil.copyfile(os.path.join(s.truth, s.id + '.tsv'),
                            os.path.join(OUT, 'truth', s.id + '.tsv'))
            for x in matrix.read_tsv(os.path.join(s.truth, 'reports.tsv')):
                if x['doc'] == s.id:
                    reps.append((s.id, x['agency'], x['year'], x['template']))
            cp = os.path.join(s.truth, 'checks.tsv')
            if os.path.exists(cp):
                for x in matrix.read_tsv(cp):
                    if x['doc'] == s.id:
                        checks.append((s.id, x['check'], x['where'], x['expected'], x['found']))
        flag = 'ocr' if j.producer == 'scan' or r['condition'] == 'no-unicode' else '-'
        man.append((name, s.id, r['producer'], j.layout, j.paper, j.font, r['condition'], flag))
        exp.append((name, r['right'], r['total'], r['false_checks'], r['ok']))
    for fname, rows_ in (('truth/reports.tsv', reps), ('truth/checks.tsv', checks),
                         ('MANIFEST.tsv', man), ('expected.tsv', exp)):
        with open(os.path.join(OUT, fname), 'w', encoding='utf-8') as f:
            f.write(''.join('\t'.join(str(x) for x in r) + '\n' for r in rows_))
    print('sample: %d files, %d bytes, in %s' % (len(chosen), total, OUT))
    return 0
