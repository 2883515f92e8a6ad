#!/usr/bin/python3
"""The producer matrix: make it, run gk over it, score it.

usage: /usr/bin/python3 tests/matrix/matrix.py [options] [all|sample|list]

  all      make the files (reusing what build/matrix-cache holds), run
           gk-fetch | gk-extract | gk-transform over each, score, print the
           table (the default)
  sample   make the committed sample tests/matrix/sample/ (fixed seed)
  list     print the plan (one line per file) and stop

options:
  --seed N      the seed of the new reports and of the font draw; another
                seed than the default is a holdout: new reports only (never
                committed), the holdout fonts, other scan draws
  --per N       sources per producer x layout x paper cell (default 2)
  --scans N     sources per scan condition (default 3)
  --producers a,b,...   only these producers (and the scans of them); a
                        rewriter over one base as the tables name it
                        (gs+chromium) is a producer too
  --files LIST  only the files named in LIST, one per line, as the file
                column of results.tsv names them (a run's failing files:
                awk -F'\t' '$21 != 1 {print $1}' results.tsv)
  --jobs N      parallel workers (default 2)
  --bin DIR     gk's programs (default bin)
  --out DIR     default build/matrix

Writes under OUT: files/ (the matrix), out/ (gk's stream per file),
results.tsv (one row per file), table.txt (the table printed; table.md:
its breakdowns the README shows, in Markdown),
failures.txt (every file that is not perfect and what failed).
build/matrix-cache/ keeps the produced files by the hash of their input and
gk's output by the hash of the file and the programs, for every run (the
matrix, its sample, each holdout): a second run only redoes what changed.
"""
import concurrent.futures
import hashlib
import html
import re
import unicodedata
import json
import collections
import os
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)

import pageprep  # noqa: E402
import producers  # noqa: E402
import scan  # noqa: E402

DEFAULT_SEED = 20261202
VERSION = 1     # bump to remake every file
LAYOUTS = ['ruled', 'unruled', 'pcell']
PAPERS = ['a4', 'letter', 'a4l']
FONTS = ['Noto Serif CJK SC', 'Noto Sans CJK SC', 'WenQuanYi Micro Hei', 'WenQuanYi Zen Hei',
         'AR PL UMing CN', 'AR PL UKai CN', 'Droid Sans Fallback']
HOLDOUT_FONTS = ['Noto Sans CJK JP', 'Noto Serif CJK TC', 'WenQuanYi Zen Hei Sharp',
                 'WenQuanYi Micro Hei Mono', 'AR PL UMing TW', 'AR PL UKai TW',
                 'Noto Sans Mono CJK SC']
# ReportLab and xhtml2pdf take TrueType outlines only (Noto CJK is CFF)
TTF_FONTS = ['WenQuanYi Micro Hei', 'WenQuanYi Zen Hei', 'AR PL UMing CN', 'AR PL UKai CN',
             'Droid Sans Fallback', 'STSong-Light']
HOLDOUT_TTF = ['WenQuanYi Micro Hei Mono', 'WenQuanYi Zen Hei Sharp', 'AR PL UMing TW',
               'AR PL UKai TW', 'Droid Sans Fallback', 'STSong-Light']
# the producers whose PDFs the rewriters and the scans start from
BASES = ['chromium', 'lo-html', 'weasyprint', 'wkhtmltopdf', 'lo-docx', 'cairo', 'reportlab']
SCAN_BASES = ['lo-docx', 'chromium', 'wkhtmltopdf', 'weasyprint', 'lo-html', 'cairo']


class Source:
    def __init__(self, sid, kind, path, truth, origin):
        self.id, self.kind, self.path, self.truth, self.origin = sid, kind, path, truth, origin


def read_tsv(path):
    with open(path, encoding='utf-8') as f:
        rows = [l.rstrip('\n').split('\t') for l in f if l.strip() and not l.startswith('#')]
    return [dict(zip(rows[0], r + [''] * (len(rows[0]) - len(r)))) for r in rows[1:]]


def rel(*p):
    return os.path.join(ROOT, *p)


def sources(seed, newdir, holdout):
    """Every report with truth the matrix prints: (html pages, Word masters,
    PDF masters)."""
    S = []
    if not holdout:
        for f in sorted(os.listdir(rel('tests/corpus/docs'))):
            b, ext = os.path.splitext(f)
            kind = {'.html': 'html', '.docx': 'word', '.pdf': 'pdf'}.get(ext)
            if kind:
                S.append(Source(b, kind, rel('tests/corpus/docs', f), rel('tests/corpus/truth'),
                                'seed'))
        for r in read_tsv(rel('tests/corpus/synthetic/MANIFEST.tsv')):
            kind = {'html': 'html', 'htmlp': 'htmlp', 'docx': 'word', 'pdf': 'pdf'}.get(r['format'])
            if kind:
                ext = {'htmlp': 'html', 'word': 'docx'}.get(kind, kind)
                ext = 'html' if kind in ('html', 'htmlp') else ext
                S.append(Source(r['doc'], kind, rel('tests/corpus/synthetic/docs',
                                                     r['doc'] + '.' + ext),
                                rel('tests/corpus/synthetic/truth'), 'synthetic'))
        for r in read_tsv(rel('tests/variants/MANIFEST.tsv')):
            kind = {'html': 'html', 'htmlp': 'htmlp', 'docx': 'word'}[r['format']]
            ext = 'docx' if kind == 'word' else 'html'
            S.append(Source(r['doc'], kind, rel('tests/variants/docs', r['doc'] + '.' + ext),
                            rel('tests/variants/truth'), 'variant'))
        for r in read_tsv(rel('tests/realworld/truth/reports.tsv')):
            S.append(Source(r['doc'], 'pdf', rel('tests/realworld/docs', r['doc'] + '.pdf'),
                            rel('tests/realworld/truth'), 'realworld'))
    for r in read_tsv(os.path.join(newdir, 'MANIFEST.tsv')):
        S.append(Source(r['doc'], 'html', os.path.join(newdir, 'docs', r['doc'] + '.html'),
                        os.path.join(newdir, 'truth'), 'new'))
    return S


class Job:
    """One file of the matrix."""

    def __init__(self, fid, src, producer, layout, paper, font, ext, base=None, cond=''):
        self.id, self.src, self.producer = fid, src, producer
        self.layout, self.paper, self.font, self.ext = layout, paper, font, ext
        self.base, self.cond = base, cond
        self.key = None

    def row(self):
        return dict(file=self.id, source=self.src.id, origin=self.src.origin,
                    producer=self.producer + ('+' + self.base.producer if self.base else ''),
                    layout=self.layout, paper=self.paper, font=self.font,
                    condition=self.cond or '-', ext=self.ext)


def plan(S, seed, per, nscan, only, holdout):
    fonts = HOLDOUT_FONTS if holdout else FONTS
    ttf = HOLDOUT_TTF if holdout else TTF_FONTS
    rot = seed % 7
    cells = [(l, q) for l in LAYOUTS for q in PAPERS]
    jobs = {}
    html = [s for s in S if s.kind in ('html', 'htmlp')]
    word = [s for s in S if s.kind == 'word']
    pdfs = [s for s in S if s.kind == 'pdf']
    names = [p for p, v in producers.PRODUCERS.items() if v[0] == 'html']

    def add(j):
        if j.id not in jobs:
            jobs[j.id] = j
        return jobs[j.id]

    def html_job(s, p, l, q, i):
        fl = ttf if p in ('reportlab', 'xhtml2pdf') else fonts
        font = fl[(i + rot) % len(fl)]
        ext = producers.PRODUCERS[p][1]
        return add(Job('%s.%s.%s.%s' % (s.id, p, l, q), s, p, l, q, font, ext))

    # every producer x layout x paper cell gets `per` sources, drawn round
    # the list so that each source is printed by several producers; a <p>
    # page (htmlp) goes to the pcell cells only
    tables = [s for s in html if s.kind == 'html']
    flat = [s for s in html if s.kind == 'htmlp']
    slot = 0

    def draw(l, m):
        nonlocal slot
        slot += 1
        if l == 'pcell' and flat and m % 2 == 1:
            return flat[(slot * 5 + seed) % len(flat)]
        return tables[(slot * 7 + seed) % len(tables)]

    for pi, p in enumerate(names):
        for ci, (l, q) in enumerate(cells):
            for m in range(per):
                html_job(draw(l, m), p, l, q, slot + pi)
    for s in word:
        for p in ('word-lo', 'word-abiword'):
            add(Job('%s.%s.native.native' % (s.id, p), s, p, 'native', 'native', 'document',
                    'pdf'))
    rewriters = [p for p, v in producers.PRODUCERS.items() if v[0] == 'pdf']
    for ri, p in enumerate(rewriters):
        for ci, (l, q) in enumerate(cells):
            for m in range(per):
                b = BASES[(ri + ci + m) % len(BASES)]
                base = html_job(draw(l, m), b, l, q, slot + ri)
                add(Job('%s.%s+%s.%s.%s' % (base.src.id, p, b, l, q), base.src, p, l, q,
                        base.font, 'pdf', base=base))
        for s in pdfs:
            base = Job('%s.native' % s.id, s, 'native', 'native', 'native', 'document', 'pdf')
            add(Job('%s.%s+native.native.native' % (s.id, p), s, p, 'native', 'native',
                    'document', 'pdf', base=base))
    # scans: ruled pages of several producers, and the PDF masters
    conds = list(scan.CONDITIONS)
    ruled = [s for s in html if s.kind == 'html']
    k = 0
    for ci, c in enumerate(conds):
        for n in range(nscan):
            if n == nscan - 1 and pdfs and ci % 2 == 0:
                s = pdfs[(ci // 2 + seed) % len(pdfs)]
                base = Job('%s.native' % s.id, s, 'native', 'native', 'native', 'document', 'pdf')
                add(Job('%s.native.scan.%s' % (s.id, c), s, 'scan', 'native', 'native',
                        'document', 'pdf', base=base, cond=c))
                continue
            s = ruled[(k * 7 + seed) % len(ruled)]
            k += 1
            b = SCAN_BASES[(ci + n) % len(SCAN_BASES)]
            q = PAPERS[(ci + n) % 2]        # A4 or Letter: scanners take portrait pages
            base = html_job(s, b, 'ruled', q, k)
            add(Job('%s.%s.scan.%s' % (s.id, b, c), s, 'scan', 'ruled', q, base.font, 'pdf',
                    base=base, cond=c))
    # the baseline: every page in each of its layouts, read as HTML
    for s in html:
        for l in (['pcell'] if s.kind == 'htmlp' else LAYOUTS):
            add(Job('%s.page.%s.a4' % (s.id, l), s, 'page', l, 'a4', fonts[0], 'html'))
    out = list(jobs.values())
    if only:
        keep = set(only)
        # a name of the tables (gs+chromium: a rewriter over its base) works too
        out = [j for j in out if j.producer in keep or (j.base and j.base.producer in keep and
                                                         j.producer in keep | {'scan'}) or
               (j.base and '%s+%s' % (j.producer, j.base.producer) in keep)]
    # bases first, so that rewriters and scans find them made
    return out


# ---------------------------------------------------------------- making

def sha(data):
    return hashlib.sha256(data).hexdigest()


def file_sha(path):
    with open(path, 'rb') as f:
        return sha(f.read())


# one cache for the matrix, its sample and every holdout
CACHE = os.path.join(ROOT, 'build', 'matrix-cache')


class Maker:
    def __init__(self, out):
        self.out = out
        self.cache = os.path.join(CACHE, 'files')
        os.makedirs(self.cache, exist_ok=True)

    def prepared(self, job):
        with open(job.src.path, 'rb') as f:
            data = f.read()
        return pageprep.prepare(data, job.layout, job.paper, job.font)

    def key(self, job):
        if job.key:
            return job.key
        if job.producer == 'native':
            h = file_sha(job.src.path)
        elif job.base is not None:
            h = sha(json.dumps([VERSION, job.producer, job.cond, self.key(job.base)]).encode())
        elif job.src.kind == 'word':
            h = sha(json.dumps([VERSION, job.producer, file_sha(job.src.path)]).encode())
        else:
            k = [VERSION, job.producer, job.font, self.prepared(job)]
            if producers.REVISION.get(job.producer):
                k.append(producers.REVISION[job.producer])
            h = sha(json.dumps(k).encode())
        job.key = h
        return h

    def path(self, job):
        if job.producer == 'native':
            return job.src.path
        return os.path.join(self.cache, self.key(job) + '.' + job.ext)


def make_one(args):
    """Worker: make one file (and its base first, when it is missing)."""
    out, job = args
    m = Maker(out)
    work = os.path.join(out, 'work', str(os.getpid()))
    os.makedirs(work, exist_ok=True)
    t0 = time.time()
    chain = []
    j = job
    while j is not None and j.producer != 'native' and not os.path.exists(m.path(j)):
        chain.append(j)
        j = j.base
    try:
        for j in reversed(chain):
            dst = m.path(j)
            # the temporary name keeps the extension: pandoc picks its
            # writer by it
            tmp = '%s.tmp%d.%s' % (dst[:-len(j.ext) - 1], os.getpid(), j.ext)
            if j.producer == 'scan':
                scan.scan(m.path(j.base), tmp, j.cond, work)
            elif j.base is not None:
                producers.make(j.producer, m.path(j.base), tmp, j.paper, j.font, j.layout, work)
            elif j.src.kind == 'word':
                producers.make(j.producer, j.src.path, tmp, j.paper, j.font, j.layout, work)
            else:
                page = os.path.join(work, 'page.html')
                with open(page, 'w', encoding='utf-8') as f:
                    f.write(m.prepared(j))
                producers.make(j.producer, page, tmp, j.paper, j.font, j.layout, work)
            os.replace(tmp, dst)
    except Exception as e:     # a producer that fails is a row of its own
        return job.id, None, '%s: %s' % (type(e).__name__, str(e)[:300]), time.time() - t0
    return job.id, m.path(job), '', time.time() - t0


def run_gk(args):
    """Worker: gk-fetch FILE | gk-extract | gk-transform, cached by the file's
    and the programs' hashes."""
    out, fid, path, binkey, bindir, source, base = args
    cdir = os.path.join(CACHE, 'gk')
    os.makedirs(cdir, exist_ok=True)
    key = sha((file_sha(path) + binkey).encode())
    cached = os.path.join(cdir, key + '.out')
    dst = os.path.join(out, 'out', fid + '.out')
    t0 = time.time()
    if not os.path.exists(cached):
        env = dict(os.environ, OMP_THREAD_LIMIT='1')
        # One temporary name per process: runs of the same programs on the
        # same file, from two checkouts sharing the cache, must not write
        # into one file.
        tmp = '%s.tmp%d' % (cached, os.getpid())
        try:
            with open(tmp, 'wb') as f:
                subprocess.run('"$B/gk-fetch" "$F" | "$B/gk-extract" | "$B/gk-transform"',
                               shell=True, stdout=f, stderr=subprocess.DEVNULL,
                               env=dict(env, B=bindir, F=path), timeout=1800)
            os.replace(tmp, cached)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)
    if os.path.exists(dst):
        os.unlink(dst)
    os.link(cached, dst)
    text, odd, edge, figures = text_layer(path, source)
    # only what is read by OCR (a scan has no text layer) needs it
    shown = figures_drawn(base, source) if base and not text else True
    return fid, time.time() - t0, text, odd, edge, figures, shown


def odd_char(ch):
    """Characters a CJK font maps a common glyph to instead of the
    ideograph: Kangxi radicals, the CJK radicals supplement, CJK
    compatibility ideographs (⾏ U+2F8F for 行, ⽂ U+2F42 for 文)."""
    c = ord(ch)
    return 0x2E80 <= c <= 0x2FDF or 0xF900 <= c <= 0xFAFF or 0x2F800 <= c <= 0x2FA1F


# A PDF's text layer gives the report's words when at least this share of
# its characters (`words`) are characters the report's own text holds
# (however often: a heading drawn twice as fake bold, a table header
# repeated on each page are still the report's).  Text layers read: 100 %
# but a producer's page numbers; maps dropped, made identity or shifted by
# a rewriter: 0-80 % (U+FFFD, Latin-1 letters, ASCII punctuation).
WORDS_KEPT = 0.9
# A text layer holding under this share of its source's digits has lost the
# figures: a font without the digits, drawn as missing-glyph boxes.  Their
# text may still be in marked content (ActualText), which MuPDF 1.21's own
# text extraction does not read and gk does (poppler's pdftotext reads it
# too: it tells which files have it); a rewriter that drops it leaves the
# figures on no layer at all.
FIGURES_KEPT = 0.5


def words(t):
    """The characters of a text that say what it says: NFKC (a Kangxi
    radical is its ideograph), no white space, no ASCII digits (a figure
    is a figure in any mapping)."""
    return collections.Counter(c for c in unicodedata.normalize('NFKC', t)
                               if not c.isspace() and not '0' <= c <= '9')


def digits(t):
    """How many times each ASCII digit is in a text."""
    return collections.Counter(c for c in t if '0' <= c <= '9')


def mupdf_stext(path):
    try:
        r = subprocess.run(['mutool', 'draw', '-q', '-F', 'stext', '-o', '-', path],
                           capture_output=True, timeout=300)
    except Exception:
        return ''
    return r.stdout.decode('utf-8', errors='replace')


def poppler_text(path):
    """A PDF's text as poppler reads it: ActualText spans as their text."""
    try:
        r = subprocess.run(['pdftotext', '-q', '-enc', 'UTF-8', path, '-'],
                           capture_output=True, timeout=300)
    except Exception:
        return ''
    return r.stdout.decode('utf-8', errors='replace')


def source_text(src):
    """The report's own text, from its source: an HTML page's text, a Word
    master's runs (headers and footers too), a PDF master's text layer
    (the seeds' and the real reports' are their text)."""
    try:
        if src.path.endswith('.pdf'):
            return ''.join(html.unescape(c) for c in
                           re.findall(r'<char [^>]* c="([^"]*)"', mupdf_stext(src.path)))
        if src.path.endswith('.docx'):
            import zipfile
            with zipfile.ZipFile(src.path) as z:
                x = ''.join(z.read(n).decode('utf-8', errors='replace') for n in z.namelist()
                            if n.startswith('word/') and n.endswith('.xml'))
            return ''.join(html.unescape(t) for t in
                           re.findall(r'<w:t(?:\s[^>]*)?>([^<]*)</w:t>', x))
        with open(src.path, encoding='utf-8', errors='replace') as f:
            x = f.read()
    except Exception:
        return ''
    x = re.sub(r'(?is)<(script|style)\b.*?</\1\s*>', '', x)
    x = re.sub(r'(?s)<!--.*?-->', '', x)
    return html.unescape(re.sub(r'<[^>]*>', '', x))


def text_layer(path, src):
    """(whether a PDF's text layer gives the report's words, how many odd
    characters it holds, how many characters touch the right edge of the
    page), as MuPDF reads it (gk's library: poppler's pdftotext maps some of
    the same glyphs to the unified ideographs).  The words are the
    report's when WORDS_KEPT of the layer's characters are its source's
    (`words`): a producer that writes glyphs without a Unicode mapping (no
    ToUnicode, a PostScript print), maps them to glyph numbers or shifts
    the maps gives other characters, and leaves a PDF only OCR can read:
    it is scored as a scan.  Characters at
    the page's edge after a gap of over an em on their row (a cell, not
    the end of a line of running text) mean a table wider than the page, cut off: what is beyond
    is not on the page, and the file is marked `offpage`.  Running text at
    the edge (a producer that does not wrap CJK lines) cuts no figure of the
    tables: the file is scored as read."""
    if not path.endswith('.pdf'):
        return True, 0, 0, 'yes'
    x = mupdf_stext(path)
    chars, edge, width, rows = [], 0, None, {}

    def cut_rows():
        n = 0
        for row in rows.values():
            if not any(e for _, _, _, e in row):
                continue
            row.sort()
            gaps = sum(1 for a, b in zip(row, row[1:]) if b[0] - a[1] > a[2])
            if gaps >= 1:
                n += sum(1 for *_, e in row if e)
        rows.clear()
        return n
    for m in re.finditer(r'<page [^>]*width="([0-9.]+)"|<char quad="([^"]*)" x="[^"]*" y="([^"]*)"[^>]* c="([^"]*)"', x):
        if m.group(1):
            edge += cut_rows()
            width = float(m.group(1))
            continue
        c = html.unescape(m.group(4))
        chars.append(c)
        q = [float(v) for v in m.group(2).split()]
        if width and len(q) == 8 and c.strip():
            h = max(q[5] - q[1], 1.0)
            # one baseline: a row of the page (to a third of the glyph)
            key = round(float(m.group(3)) / (h / 3))
            rows.setdefault(key, []).append((min(q[0], q[4]), max(q[2], q[6]), h,
                                              max(q[2], q[6]) >= width - 1.0))
    edge += cut_rows()
    t = ''.join(chars)
    odd = sum(1 for ch in t if odd_char(ch))
    st = source_text(src)
    got, ref = words(t), words(st)
    kept = sum(n for c, n in got.items() if c in ref)
    total = sum(got.values())
    rd = digits(st)

    def kept_figures(layer):
        gd = digits(layer)
        return sum(min(n, gd[c]) for c, n in rd.items()) >= FIGURES_KEPT * sum(rd.values())
    figures = 'yes' if kept_figures(t) else \
        'actualtext' if kept_figures(poppler_text(path)) else 'no'
    return total > 0 and kept >= WORDS_KEPT * total, odd, edge, figures


def figures_drawn(path, src):
    """Whether a PDF's pages draw its source's figures as glyphs: what a
    scan of it, or a rewrite that drops the text layer, leaves for OCR to
    read.  A digit its font does not have is drawn as the font's glyph 0
    (.notdef, a box) or as paths (cairo's hex boxes), while its text layer
    may still hold it (a ToUnicode map, ActualText)."""
    if not path.endswith('.pdf'):
        return True
    try:
        r = subprocess.run(['mutool', 'trace', path], capture_output=True, timeout=300)
    except Exception:
        return True
    drawn = collections.Counter(m.group(1) for m in re.finditer(
        rb'<g unicode="([0-9])" glyph="([^"]*)"', r.stdout) if m.group(2) != b'0')
    rd = digits(source_text(src))
    return sum(min(n, drawn[c.encode()]) for c, n in rd.items()) >= \
        FIGURES_KEPT * sum(rd.values())


def pdf_paper(path):
    """The first page's size as a paper name (a4, letter, a4l, or WxH)."""
    try:
        r = subprocess.run(['pdfinfo', path], capture_output=True, text=True, timeout=60)
    except Exception:
        return '?'
    for l in r.stdout.splitlines():
        if l.startswith('Page size:'):
            f = l.split()
            w, h = float(f[2]), float(f[4])
            for name, (pw, ph) in pageprep.PAPER_PT.items():
                if abs(w - pw) < 3 and abs(h - ph) < 3:
                    return name
            return '%dx%d' % (round(w), round(h))
    return '-'


# ---------------------------------------------------------------- scoring

def score(out, jobs, made, notext):
    """Score every made file with tests/score.py; rows of results.tsv."""
    groups = {}
    for j in jobs:
        if made.get(j.id):
            flag = 'ocr' if j.producer == 'scan' or j.id in notext else ''
            groups.setdefault((j.src.truth, flag), []).append(j)
    res = {}
    for (truth, flag), js in groups.items():
        tsv = os.path.join(out, 'score.tmp.tsv')
        args = ['python3', rel('tests/score.py'), '--tsv', tsv]
        if flag:
            args += ['--flag', flag]
        args += [truth, os.path.join(out, 'out')] + ['%s=%s' % (j.id, j.src.id) for j in js]
        subprocess.run(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        for r in read_tsv(tsv):
            res[r['doc']] = r
        os.unlink(tsv)
    return res


COLS = ['file', 'source', 'origin', 'producer', 'layout', 'paper', 'paper_got', 'font',
        'condition', 'ext', 'right', 'total', 'missing', 'wrong', 'spurious', 'false_checks',
        'missed_checks', 'template_ok', 'year_ok', 'agency_ok', 'ok', 'odd_chars', 'symptoms',
        'failures']


def symptoms(r):
    """What went wrong in a file, in words the table can count."""
    if str(r['ok']) == '1':
        return '-'
    f = r['failures']
    if f.startswith('producer failed'):
        return 'producer failed'
    out = []
    if 'no report record' in f or 'no_template' in f:
        out.append('no report')
    else:
        if int(r['missing']):
            out.append('values missing')
        if int(r['wrong']):
            out.append('values wrong')
        if int(r['spurious']):
            out.append('spurious keys')
        if int(r['false_checks']):
            out.append('false checks')
        if int(r['missed_checks']):
            out.append('missed checks')
        for k in ('agency', 'year', 'template'):
            if str(r[k + '_ok']) != '1':
                out.append(k + ' wrong')
        if 'not flagged' in f:
            out.append('ocr flag missing')
    if int(r.get('odd_chars') or 0):
        out.append('radicals in text')
    return ','.join(out) or 'other'


def results(out, jobs, made, errs, res, notext, oddchars, offpage, nofigures):
    rows = []
    for j in jobs:
        r = j.row()
        if nofigures.get(j.id) == 'no':
            r['condition'] = 'no-figures'
        elif j.id in notext:
            r['condition'] = 'no-unicode'
        elif j.id in nofigures:
            r['condition'] = 'no-figures' if nofigures[j.id] == 'no' else 'actualtext'
        elif j.id in offpage:
            r['condition'] = 'offpage'
        if made.get(j.id):
            r['paper_got'] = pdf_paper(made[j.id]) if j.ext == 'pdf' else '-'
            s = res.get(j.id)
            if s is None:
                s = dict(right=0, total=0, missing=0, wrong=0, spurious=0, false_checks=0,
                         missed_checks=0, template_ok=0, year_ok=0, agency_ok=0, ok=0,
                         failures='not scored')
            r.update({k: s[k] for k in COLS if k in s})
        else:
            r.update(paper_got='-', right=0, total=0, missing=0, wrong=0, spurious=0,
                     false_checks=0, missed_checks=0, template_ok=0, year_ok=0, agency_ok=0,
                     ok=0, failures='producer failed: ' + errs.get(j.id, '?'))
        r['odd_chars'] = oddchars.get(j.id, 0)
        r['symptoms'] = symptoms(r)
        rows.append(r)
    with open(os.path.join(out, 'results.tsv'), 'w', encoding='utf-8') as f:
        f.write('\t'.join(COLS) + '\n')
        for r in rows:
            f.write('\t'.join(str(r.get(c, '')).replace('\t', ' ') for c in COLS) + '\n')
    return rows


def table_rows(rows, key):
    """(group, files, perfect, right, total, checks exact, false checks) per
    group of rows, sorted, then the line of all of them."""
    groups = {}
    for r in rows:
        groups.setdefault(key(r), []).append(r)
    out = []
    tot = [0] * 6
    for k in sorted(groups):
        g = groups[k]
        v = (len(g), sum(int(r['ok']) for r in g), sum(int(r['right']) for r in g),
             sum(int(r['total']) or 0 for r in g),
             sum(1 for r in g if int(r['false_checks']) == 0 and int(r['missed_checks']) == 0
                 and int(r['total']) > 0),
             sum(int(r['false_checks']) for r in g))
        tot = [a + b for a, b in zip(tot, v)]
        out.append((k,) + v)
    out.append(('all',) + tuple(tot))
    return out


def pct(right, total):
    return 100.0 * right / total if total else 0


def table(rows, key, title):
    lines = ['%-44s %5s %7s %15s %7s %6s %6s' % (title, 'files', 'perfect', 'values right',
                                                  '%', 'checks', 'false')]
    for k, n, perfect, right, total, cx, fc in table_rows(rows, key):
        lines.append('%-44s %5d %7d %7d/%-7d %6.1f%% %6d %6d' % (
            k, n, perfect, right, total, pct(right, total), cx, fc))
    return '\n'.join(lines)


def table_md(rows, key, title):
    """The same table in Markdown, as the README shows it."""
    lines = ['| %s | files | perfect | values right | %% | checks exact | false checks |' % title,
             '|---|---|---|---|---|---|---|']
    for k, n, perfect, right, total, cx, fc in table_rows(rows, key):
        b = '**' if k == 'all' else ''
        lines.append('| %s%s%s | %d | %d | %d/%d | %.1f%% | %d | %d |' % (
            b, k, b, n, perfect, right, total, pct(right, total), cx, fc))
    return '\n'.join(lines)


HOLDS = {'-': 'text layer read', 'no-unicode': 'no Unicode (OCR)',
         'no-figures': 'digits drawn as boxes, on no text layer',
         'actualtext': 'digits drawn as boxes, their text in ActualText',
         'offpage': 'table cut at the page edge'}


def views(rows):
    """The breakdowns of the table, (rows, key, title, in the README too)."""
    flat = [r for r in rows if not r['producer'].startswith('scan')]
    scans = [r for r in rows if r['producer'].startswith('scan')]
    v = [
        (flat, lambda r: r['producer'], 'producer', True),
        (flat, lambda r: '%s %s' % (r['layout'], r['paper']), 'layout, paper', True),
        (flat, lambda r: '%s %s %s' % (r['producer'], r['layout'], r['paper']),
         'producer layout paper', False),
        (flat, lambda r: r['font'], 'font', False),
        (flat, lambda r: HOLDS[r['condition']], 'what the file holds', True),
        (flat, lambda r: r['origin'], 'source', True),
    ]
    if scans:
        v.append((scans, lambda r: r['condition'], 'scan condition', True))
        v.append((scans, lambda r: '%s %s' % (r['condition'], r['producer']),
                  'scan condition, base producer', False))
    return v


def report(out, rows, elapsed):
    vs = views(rows)
    parts = [table(r, k, t) for r, k, t, _ in vs]
    with open(os.path.join(out, 'table.md'), 'w', encoding='utf-8') as f:
        f.write('\n\n'.join(table_md(r, k, t) for r, k, t, readme in vs if readme) + '\n')
    sy = {}
    for r in rows:
        for x in r['symptoms'].split(','):
            if x != '-':
                sy.setdefault(x, {}).setdefault(r['producer'].split('+')[0], 0)
                sy[x][r['producer'].split('+')[0]] += 1
    parts.append('symptom (files, by producer)\n' + '\n'.join(
        '%-18s %4d  %s' % (x, sum(d.values()), ' '.join('%s:%d' % kv for kv in sorted(
            d.items(), key=lambda kv: -kv[1]))) for x, d in sorted(sy.items())))
    txt = ('\n\n'.join(parts) + '\n\n%d files; checks = files whose failed checks are exactly '
           'the truth\'s; false = false check failures in all; %.0f s\n' % (len(rows), elapsed))
    with open(os.path.join(out, 'table.txt'), 'w', encoding='utf-8') as f:
        f.write(txt)
    with open(os.path.join(out, 'failures.txt'), 'w', encoding='utf-8') as f:
        for r in rows:
            if str(r['ok']) != '1':
                f.write('%s\t%s/%s right, %s false checks, %s missed; %s\n' % (
                    r['file'], r['right'], r['total'], r['false_checks'], r['missed_checks'],
                    r['failures']))
    return txt


# ---------------------------------------------------------------- main

def binkey(bindir):
    h = hashlib.sha256()
    for p in ('gk-fetch', 'gk-extract', 'gk-transform'):
        with open(os.path.join(bindir, p), 'rb') as f:
            h.update(f.read())
    return h.hexdigest()


def build(out, jobs, nworkers, bindir, quiet=False):
    t0 = time.time()
    m = Maker(out)
    for d in ('files', 'out'):
        shutil.rmtree(os.path.join(out, d), ignore_errors=True)
        os.makedirs(os.path.join(out, d))
    # bases first (they are jobs too, or hidden ones), then what rewrites them
    order = sorted(jobs, key=lambda j: (j.base is not None, j.producer == 'scan'))
    todo = [j for j in order if not os.path.exists(m.path(j))]
    if not quiet:
        print('matrix: %d files, %d to make' % (len(jobs), len(todo)), file=sys.stderr)
    made, errs = {}, {}
    with concurrent.futures.ProcessPoolExecutor(nworkers) as ex:
        # two rounds: what the others start from, then the others
        for rnd in (0, 1, 2):
            part = [(out, j) for j in order if (rnd == 0 and j.base is None) or
                    (rnd == 1 and j.base is not None and j.producer != 'scan') or
                    (rnd == 2 and j.producer == 'scan')]
            for n, (fid, path, err, dt) in enumerate(ex.map(make_one, part, chunksize=1)):
                if path:
                    made[fid] = path
                else:
                    errs[fid] = err
                if not quiet and (n + 1) % 50 == 0:
                    print('matrix: made %d/%d (round %d), %.0f s' % (n + 1, len(part), rnd,
                                                                    time.time() - t0),
                          file=sys.stderr)
    byid = {j.id: j for j in jobs}
    for fid, path in made.items():
        dst = os.path.join(out, 'files', fid + '.' + byid[fid].ext)
        os.link(path, dst) if os.stat(path).st_dev == os.stat(out).st_dev else \
            shutil.copyfile(path, dst)
        made[fid] = dst
    bk = binkey(bindir)
    args = [(out, fid, path, bk, bindir, byid[fid].src,
             m.path(byid[fid].base) if byid[fid].base else None)
            for fid, path in made.items()]
    # scans last: they are slow, the rest is scored first
    args.sort(key=lambda a: byid[a[1]].producer == 'scan')
    notext, oddchars, offpage, nofigures = set(), {}, set(), {}
    with concurrent.futures.ProcessPoolExecutor(nworkers) as ex:
        for n, (fid, _, text, odd, edge, figures, shown) in enumerate(
                ex.map(run_gk, args, chunksize=1)):
            ocr = byid[fid].producer == 'scan' or not text
            if ocr and not shown:
                # read from the page's pixels, which show no figures
                nofigures[fid] = 'no'
            if not text and byid[fid].producer != 'scan':
                notext.add(fid)
            if figures != 'yes' and not ocr:
                nofigures[fid] = figures
            oddchars[fid] = odd
            if edge and byid[fid].producer != 'scan':
                offpage.add(fid)
            if not quiet and (n + 1) % 200 == 0:
                print('matrix: gk read %d/%d, %.0f s' % (n + 1, len(args), time.time() - t0),
                      file=sys.stderr)
    res = score(out, jobs, made, notext)
    rows = results(out, jobs, made, errs, res, notext, oddchars, offpage, nofigures)
    return rows, made, time.time() - t0


def main():
    args = sys.argv[1:]
    seed, per, nscan, only, nworkers = DEFAULT_SEED, 2, 3, None, 2
    files = None
    bindir, out = rel('bin'), rel('build/matrix')
    cmd = 'all'
    while args:
        a = args.pop(0)
        if a == '--seed':
            seed = int(args.pop(0))
        elif a == '--per':
            per = max(1, int(args.pop(0)))
        elif a == '--scans':
            nscan = int(args.pop(0))
        elif a == '--producers':
            only = [x for x in args.pop(0).split(',') if x]
        elif a == '--files':
            with open(args.pop(0), encoding='utf-8') as f:
                files = {ln.strip() for ln in f if ln.strip()}
        elif a == '--jobs':
            nworkers = int(args.pop(0))
        elif a == '--bin':
            bindir = os.path.abspath(args.pop(0))
        elif a == '--out':
            out = os.path.abspath(args.pop(0))
        elif a in ('all', 'sample', 'list'):
            cmd = a
        else:
            sys.exit(__doc__)
    holdout = seed != DEFAULT_SEED
    if cmd == 'sample':
        import sample
        return sample.main(seed, bindir)
    if holdout and out == rel('build/matrix'):
        out = rel('build/matrix-%d' % seed)
    os.makedirs(out, exist_ok=True)
    newdir = os.path.join(out, 'new')
    shutil.rmtree(newdir, ignore_errors=True)
    subprocess.run(['/usr/bin/python3', os.path.join(HERE, 'make-reports.py'), '--seed', str(seed),
                    '--count', '48' if holdout else '24', newdir], check=True)
    S = sources(seed, newdir, holdout)
    jobs = plan(S, seed, per, nscan, only, holdout)
    if files is not None:
        jobs = [j for j in jobs if j.id in files]
    if cmd == 'list':
        for j in jobs:
            r = j.row()
            print('\t'.join(r[c] for c in ('file', 'producer', 'layout', 'paper', 'font',
                                              'condition')))
        return 0
    rows, made, elapsed = build(out, jobs, nworkers, bindir)
    print(report(out, rows, elapsed))
    print('results: %s/results.tsv, failing files: %s/failures.txt' % (out, out))
    return 0


if __name__ == '__main__':
    sys.exit(main())
