"""The PDF producers of the matrix: each turns a prepared report page (or a
Word file, or another producer's PDF) into a file gk has to read.

make(producer, src, out, paper, font, layout, work) runs one producer:
src is the prepared HTML page (or the .docx master, or the base PDF for the
producers that rewrite a PDF), out the file to write, work a private
scratch folder of the worker process.  Raises on failure.

PRODUCERS maps a producer name to (input kind, output extension, what it
is).  Input kinds: html (a prepared page), word (a .docx master), pdf (a
PDF made by another producer of the matrix).
"""
import os
import re
import shutil
import subprocess

import draw
import pageprep

PRODUCERS = {
    # from the prepared HTML page
    'lo-html': ('html', 'pdf', 'LibreOffice 7.4 Writer/Web: html -> pdf'),
    'lo-odt': ('html', 'pdf', 'LibreOffice: html -> odt -> pdf'),
    'lo-docx': ('html', 'pdf', 'LibreOffice: html -> docx -> pdf'),
    'lo-doc': ('html', 'pdf', 'LibreOffice: html -> doc (Word 97) -> pdf'),
    'chromium': ('html', 'pdf', 'Chromium --headless --print-to-pdf (Skia)'),
    'weasyprint': ('html', 'pdf', 'WeasyPrint 57 (cairo-free, pydyf)'),
    'wkhtmltopdf': ('html', 'pdf', 'wkhtmltopdf 0.12.6 (Qt WebKit)'),
    'abiword': ('html', 'pdf', 'AbiWord 3.0: html -> pdf (cairo)'),
    'abiword-docx': ('html', 'pdf', 'LibreOffice html -> docx, then AbiWord -> pdf'),
    'pandoc-lo': ('html', 'pdf', 'pandoc html -> docx, then LibreOffice -> pdf'),
    'pandoc-abiword': ('html', 'pdf', 'pandoc html -> docx, then AbiWord -> pdf'),
    'pandoc-wkhtmltopdf': ('html', 'pdf', 'pandoc html -> pdf, --pdf-engine wkhtmltopdf'),
    'pandoc-weasyprint': ('html', 'pdf', 'pandoc html -> pdf, --pdf-engine weasyprint'),
    'xhtml2pdf': ('html', 'pdf', 'xhtml2pdf 0.2 (ReportLab underneath)'),
    'cairo': ('html', 'pdf', 'the page drawn with pycairo (toy text API)'),
    'reportlab': ('html', 'pdf', 'the page drawn with ReportLab (TTF or CID font)'),
    # Word files gk also reads, made from the page
    'lo-to-docx': ('html', 'docx', 'LibreOffice: html -> docx (scored as docx)'),
    'lo-to-doc': ('html', 'doc', 'LibreOffice: html -> doc (scored as doc)'),
    'pandoc-to-docx': ('html', 'docx', 'pandoc: html -> docx (scored as docx)'),
    # the baseline: the prepared page itself, read as HTML (no printing);
    # planned apart, for every page and layout
    'page': ('page', 'html', 'the prepared page itself, read as HTML: the baseline'),
    # from a Word master
    'word-lo': ('word', 'pdf', 'LibreOffice: the .docx master -> pdf'),
    'word-abiword': ('word', 'pdf', 'AbiWord: the .docx master -> pdf'),
    # rewriting another producer's PDF
    'gs': ('pdf', 'pdf', 'Ghostscript 10 pdfwrite, re-distilling the PDF'),
    'ps2pdf': ('pdf', 'pdf', 'pdftops (a PostScript print), then ps2pdf'),
    'pdftocairo': ('pdf', 'pdf', 'poppler pdftocairo -pdf (cairo redraws it)'),
    'mutool': ('pdf', 'pdf', 'mutool convert -F pdf (MuPDF redraws it)'),
    'qpdf': ('pdf', 'pdf', 'qpdf: object streams, linearized'),
}

TIMEOUT = 240
DOCX = 'docx:MS Word 2007 XML'     # a page opened as Writer/Web needs the filter named
WK_PAPER = {'a4': ['--page-size', 'A4'], 'letter': ['--page-size', 'Letter'],
            'a4l': ['--page-size', 'A4', '-O', 'Landscape']}
PANDOC_PAPER = {'a4': 'A4', 'letter': 'letter', 'a4l': 'A4 landscape'}
# LibreOffice's HTML import lays a table without a width out at its own
# browse width (20 cm), not the page's text width, and its Word export keeps
# that width: the right columns run off the page.  An agency that saved its
# page as a Word file would see the cut table and fit it to the margins; the
# matrix does that for them (width="100%", kept as a share of the text width).
FIT_TABLES = ('lo-docx', 'lo-doc', 'abiword-docx')
# A producer's revision, part of its files' cache key when not 0: bumped when
# the way it makes its files changes (the others' files are kept).
REVISION = {'lo-docx': 1, 'lo-doc': 1, 'abiword-docx': 1}
TABLE_OPEN = re.compile(r'<table\b([^>]*)>', re.I)


def fit_tables(path):
    """Give every table of the page at path that has no width the page's
    text width (width="100%")."""
    with open(path, encoding='utf-8') as f:
        h = f.read()

    def fit(m):
        if re.search(r'\bwidth\s*=|width\s*:', m.group(1), re.I):
            return m.group(0)
        return '<table width="100%%"%s>' % m.group(1)
    with open(path, 'w', encoding='utf-8') as f:
        f.write(TABLE_OPEN.sub(fit, h))


def run(cmd, **kw):
    r = subprocess.run(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=TIMEOUT, **kw)
    return r


def need(path, what):
    if not os.path.exists(path) or os.path.getsize(path) == 0:
        raise RuntimeError('%s made no file' % what)


def soffice(work, src, fmt, outdir):
    """LibreOffice headless, one profile per worker (two can run at once)."""
    prof = os.path.join(work, 'lo-profile')
    r = run(['soffice', '-env:UserInstallation=file://' + prof, '--headless', '--norestore',
             '--convert-to', fmt, '--outdir', outdir, src])
    base = os.path.splitext(os.path.basename(src))[0]
    ext = fmt.split(':')[0]
    out = os.path.join(outdir, base + '.' + ext)
    if not os.path.exists(out):
        raise RuntimeError('soffice %s: %s' % (fmt, r.stderr.decode(errors='replace')[-300:]))
    return out


def abiword(src, out):
    r = run(['abiword', '--to=pdf', '-o', out, src])
    if not os.path.exists(out):
        raise RuntimeError('abiword: %s' % r.stderr.decode(errors='replace')[-300:])


def chromium(work, src, out):
    ud = os.path.join(work, 'chromium-%d' % os.getpid())
    shutil.rmtree(ud, ignore_errors=True)
    run(['chromium', '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer',
         '--disable-background-networking', '--no-first-run', '--user-data-dir=' + ud,
         '--print-to-pdf=' + out, 'file://' + os.path.abspath(src)])
    shutil.rmtree(ud, ignore_errors=True)


def page_css(paper, font, layout, path):
    """A style sheet for the producers that rebuild the page (pandoc)."""
    css = '@page { size: %s; margin: 2cm 1.8cm; }\n' % PANDOC_PAPER[paper]
    css += 'body, p, td, th, h1, h2, span { font-family: "%s"; }\n' % font
    if layout == 'ruled':
        css += 'table { border-collapse: collapse; }\ntd, th { border: 1px solid #000; }\n'
    else:
        css += 'table, td, th, tr { border: none; }\n'
    with open(path, 'w', encoding='utf-8') as f:
        f.write(css)
    return path


def xhtml2pdf(src, out, paper, font, layout):
    from xhtml2pdf import pisa
    with open(src, encoding='utf-8') as f:
        h = f.read()
    h = re.sub(r'<style>.*?</style>', '', h, flags=re.S)
    h = h.replace(' valign="center"', ' valign="middle"')
    path, _ = draw.font_file(font)
    css = ('<style>\n@font-face {\n font-family: cjk;\n src: url("%s");\n}\n'
           '@page { size: %s; margin: 2cm; }\n'
           'body, p, td, th, span, strong, b, h1, div { font-family: cjk; }\n' %
           (path, PANDOC_PAPER[paper].lower()))
    if layout == 'ruled':
        css += 'table { border-collapse: collapse; }\ntd, th { border: 1px solid #000; }\n'
    css += '</style>'
    h = h.replace('</head>', css + '</head>', 1)
    with open(out, 'wb') as f:
        r = pisa.CreatePDF(h, dest=f)
    if r.err:
        raise RuntimeError('xhtml2pdf: %d errors' % r.err)


def docx_paper(path, paper):
    """Set the page size of every section of a .docx (python-docx)."""
    import docx
    from docx.enum.section import WD_ORIENT
    from docx.shared import Pt
    d = docx.Document(path)
    w, h = pageprep.PAPER_PT[paper]
    for s in d.sections:
        s.page_width, s.page_height = Pt(w), Pt(h)
        s.orientation = WD_ORIENT.LANDSCAPE if w > h else WD_ORIENT.PORTRAIT
    d.save(path)


def make(producer, src, out, paper, font, layout, work):
    kind, ext, _ = PRODUCERS[producer]
    tmp = os.path.join(work, 'job')
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    if kind in ('html', 'page'):
        page = os.path.join(tmp, 'page.html')
        shutil.copyfile(src, page)
        src = page
        if producer in FIT_TABLES:
            fit_tables(page)
    if producer == 'page':
        shutil.copyfile(src, out)
    elif producer == 'lo-html':
        shutil.move(soffice(work, src, 'pdf', tmp), out)
    elif producer in ('lo-odt', 'lo-docx', 'lo-doc', 'lo-to-docx', 'lo-to-doc'):
        fmt = {'lo-odt': 'odt', 'lo-docx': DOCX, 'lo-doc': 'doc:MS Word 97',
               'lo-to-docx': DOCX, 'lo-to-doc': 'doc:MS Word 97'}[producer]
        mid = soffice(work, src, fmt, tmp)
        if producer.startswith('lo-to-'):
            shutil.move(mid, out)
        else:
            d2 = os.path.join(tmp, 'pdf')
            os.makedirs(d2)
            shutil.move(soffice(work, mid, 'pdf', d2), out)
    elif producer == 'chromium':
        chromium(work, src, out)
    elif producer == 'weasyprint':
        run(['weasyprint', '-q', '-p', src, out])
    elif producer == 'wkhtmltopdf':
        # exits 1 for the page's missing images: the file is checked instead
        run(['wkhtmltopdf', '-q', '--encoding', 'utf-8', '--enable-local-file-access',
             '--load-error-handling', 'ignore', '--load-media-error-handling', 'ignore'] +
            WK_PAPER[paper] + [src, out])
    elif producer == 'abiword':
        abiword(src, out)
    elif producer == 'abiword-docx':
        mid = soffice(work, src, DOCX, tmp)
        abiword(mid, out)
    elif producer in ('pandoc-lo', 'pandoc-abiword', 'pandoc-to-docx'):
        mid = os.path.join(tmp, 'pandoc.docx')
        r = run(['pandoc', '-f', 'html', '-t', 'docx', '-o', mid, src])
        need(mid, 'pandoc: %s' % r.stderr.decode(errors='replace')[-200:])
        docx_paper(mid, paper)
        if producer == 'pandoc-lo':
            shutil.move(soffice(work, mid, 'pdf', tmp), out)
        elif producer == 'pandoc-abiword':
            abiword(mid, out)
        else:
            shutil.move(mid, out)
    elif producer in ('pandoc-wkhtmltopdf', 'pandoc-weasyprint'):
        css = page_css(paper, font, layout, os.path.join(tmp, 'page.css'))
        engine = producer.split('-', 1)[1]
        cmd = ['pandoc', '-f', 'html', src, '-o', out, '--pdf-engine=' + engine,
               '--css', css, '--metadata', 'pagetitle=report', '-V', 'papersize=' +
               PANDOC_PAPER[paper].split()[0]]
        if engine == 'wkhtmltopdf':
            cmd += ['--pdf-engine-opt=--enable-local-file-access']
            if paper == 'a4l':
                cmd += ['--pdf-engine-opt=-O', '--pdf-engine-opt=Landscape']
        r = run(cmd, cwd=tmp)
        need(out, 'pandoc: %s' % r.stderr.decode(errors='replace')[-200:])
    elif producer == 'xhtml2pdf':
        xhtml2pdf(src, out, paper, font, layout)
    elif producer in ('cairo', 'reportlab'):
        with open(src, encoding='utf-8') as f:
            blocks = pageprep.blocks(f.read())
        draw.draw(blocks, producer, out, paper, font, layout == 'ruled')
    elif producer == 'word-lo':
        mid = os.path.join(tmp, 'master.docx')
        shutil.copyfile(src, mid)
        shutil.move(soffice(work, mid, 'pdf', tmp), out)
    elif producer == 'word-abiword':
        abiword(src, out)
    elif producer == 'gs':
        r = run(['gs', '-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=pdfwrite',
                 '-o', out, src])
    elif producer == 'ps2pdf':
        ps = os.path.join(tmp, 'print.ps')
        run(['pdftops', '-level3', src, ps])
        need(ps, 'pdftops')
        run(['ps2pdf', ps, out])
    elif producer == 'pdftocairo':
        run(['pdftocairo', '-pdf', src, out])
    elif producer == 'mutool':
        run(['mutool', 'convert', '-F', 'pdf', '-o', out, src])
    elif producer == 'qpdf':
        run(['qpdf', '--object-streams=generate', '--linearize', src, out])
    else:
        raise RuntimeError('unknown producer ' + producer)
    need(out, producer)
    shutil.rmtree(tmp, ignore_errors=True)
