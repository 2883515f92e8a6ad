#!/usr/bin/python3
"""The generated corpus of make bench: N reports in every format.

usage: /usr/bin/python3 tests/bench/mkcorpus.py OUT N NDOC NSCAN

N new reports (tests/matrix/make-reports.py, its own seed: the three
templates, real agencies, planted failures), each as

- OUT/html/<id>.html   the report page itself;
- OUT/docx/<id>.docx   the same blocks (paragraphs, tables with their
                       merged cells) as WordprocessingML, written here;
- OUT/pdf/<id>.pdf     the same blocks drawn by pycairo (tests/matrix/draw.py:
                       glyph runs, embedded CID fonts, ruled or not, A4);

the first NDOC .docx converted to Word 97 .doc by LibreOffice (one soffice
for all), and the first NSCAN PDFs scanned
(tests/matrix/scan.py, condition grey200-q75) into OUT/scan/.  Truth is in
OUT/src/truth (the corpus truth format).  Same arguments, same reports.
Written into OUT.tmp and renamed when whole, so a cache is never half made.
"""
import multiprocessing
import os
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, 'tests', 'matrix'))

import draw       # noqa: E402
import pageprep   # noqa: E402

SEED = 1017
FONTS = ['Noto Sans CJK SC', 'Noto Serif CJK SC', 'WenQuanYi Zen Hei', 'AR PL UMing CN']


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def para_xml(text, bold=False, center=False):
    ppr = '<w:pPr><w:jc w:val="center"/></w:pPr>' if center else ''
    rpr = '<w:rPr><w:b/></w:rPr>' if bold else ''
    if not text:
        return '<w:p>%s</w:p>' % ppr
    return '<w:p>%s<w:r>%s<w:t xml:space="preserve">%s</w:t></w:r></w:p>' % (ppr, rpr, esc(text))


def table_xml(rows):
    """A Word table from cells with colspan and rowspan (gridSpan, vMerge),
    every border drawn."""
    placed, w, h = draw.place(rows)
    start = {(r, c): (lines, cs, rs) for r, c, lines, cs, rs in placed}
    below = {}      # (r, c) -> colspan of a cell merged down into it
    for r, c, lines, cs, rs in placed:
        for dr in range(1, rs):
            below[(r + dr, c)] = cs
    b = ''.join('<w:%s w:val="single" w:sz="4" w:space="0" w:color="000000"/>' % e
                for e in ('top', 'left', 'bottom', 'right', 'insideH', 'insideV'))
    out = ['<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders>%s</w:tblBorders>'
           '</w:tblPr><w:tblGrid>%s</w:tblGrid>' % (b, '<w:gridCol w:w="%d"/>' % (9000 // w) * w)]
    for r in range(h):
        out.append('<w:tr>')
        c = 0
        while c < w:
            if (r, c) in start:
                lines, cs, rs = start[(r, c)]
                pr = ('<w:gridSpan w:val="%d"/>' % cs if cs > 1 else '') + \
                    ('<w:vMerge w:val="restart"/>' if rs > 1 else '')
                body = ''.join(para_xml(t) for t in lines) or '<w:p/>'
            elif (r, c) in below:
                cs = below[(r, c)]
                pr = ('<w:gridSpan w:val="%d"/>' % cs if cs > 1 else '') + '<w:vMerge/>'
                body = '<w:p/>'
            else:
                cs, pr, body = 1, '', '<w:p/>'
            out.append('<w:tc><w:tcPr>%s</w:tcPr>%s</w:tc>' % (pr, body))
            c += cs
        out.append('</w:tr>')
    out.append('</w:tbl><w:p/>')
    return ''.join(out)


def write_docx(blocks, path):
    """A minimal WordprocessingML package: one document part, no styles."""
    import zipfile
    body = []
    for b in blocks:
        if b[0] == 'p':
            body.append(para_xml(b[1], b[3], b[2] == 'center'))
        elif b[1]:
            body.append(table_xml(b[1]))
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body>%s<w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body>'
           '</w:document>' % ''.join(body))
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', ct)
        z.writestr('_rels/.rels', rels)
        z.writestr('word/document.xml', doc)


def one(job):
    out, i, rid = job
    with open(os.path.join(out, 'src', 'docs', rid + '.html'), encoding='utf-8') as f:
        html = f.read()
    shutil.copyfile(os.path.join(out, 'src', 'docs', rid + '.html'),
                    os.path.join(out, 'html', rid + '.html'))
    blocks = pageprep.blocks(html)
    write_docx(blocks, os.path.join(out, 'docx', rid + '.docx'))
    draw.draw(blocks, 'cairo', os.path.join(out, 'pdf', rid + '.pdf'), 'a4',
              FONTS[i % len(FONTS)], i % 2 == 0)
    return rid


def main():
    if len(sys.argv) != 5:
        sys.exit('usage: mkcorpus.py OUT N NDOC NSCAN')
    final, n, ndoc, nscan = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
    out = final + '.tmp'
    shutil.rmtree(out, ignore_errors=True)
    for sub in ('html', 'docx', 'pdf', 'doc', 'scan', 'work'):
        os.makedirs(os.path.join(out, sub))
    subprocess.run(['/usr/bin/python3', os.path.join(ROOT, 'tests', 'matrix', 'make-reports.py'),
                    '--seed', str(SEED), '--count', str(n), os.path.join(out, 'src')], check=True)
    with open(os.path.join(out, 'src', 'truth', 'reports.tsv'), encoding='utf-8') as f:
        rids = [line.split('\t', 1)[0] for line in f][1:]
    with multiprocessing.Pool(2) as pool:
        done = pool.map(one, [(out, i, r) for i, r in enumerate(rids)], chunksize=16)
    print('%d html, docx, pdf' % len(done), file=sys.stderr)
    if ndoc:
        # one LibreOffice for all: Word 97 from the .docx (its own profile)
        prof = os.path.join(os.path.abspath(out), 'work', 'lo')
        src = [os.path.join(out, 'docx', r + '.docx') for r in rids[:ndoc]]
        subprocess.run(['soffice', '-env:UserInstallation=file://' + prof, '--headless',
                        '--convert-to', 'doc:MS Word 97', '--outdir', os.path.join(out, 'doc')]
                       + src, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                       timeout=3600)
        got = len(os.listdir(os.path.join(out, 'doc')))
        if got != len(src):
            sys.exit('mkcorpus: LibreOffice made %d of %d .doc files' % (got, len(src)))
    import scan
    for r in rids[:nscan]:
        scan.scan(os.path.join(out, 'pdf', r + '.pdf'), os.path.join(out, 'scan', r + '.pdf'),
                  'grey200-q75', os.path.join(out, 'work'))
    shutil.rmtree(os.path.join(out, 'work'))
    shutil.rmtree(final, ignore_errors=True)
    os.rename(out, final)


if __name__ == '__main__':
    main()
