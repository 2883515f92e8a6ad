"""A report page made ready for printing: the page a PDF producer is given.

prepare(html_bytes, layout, paper, font) -> str (UTF-8 HTML)

- The site's navigation, tool bar and QR code are taken out, as the site's
  print style sheet would hide them (a menu printed as a list would read as
  lines of the report).  Removed from the markup, not hidden by CSS, so that
  producers that ignore CSS (LibreOffice's and AbiWord's HTML import,
  pandoc) print the same page.
- layout: `ruled` (every cell boxed, whatever the page's own CSS says),
  `unruled` (every border removed: attributes, inline styles and CSS), or
  `pcell` (each table replaced by one <p> per cell line, a blank cell as an
  empty <p>, as report pages pasted from a PDF or a text dump print them).
- paper: `a4`, `letter`, `a4l` (A4 landscape): a CSS @page rule.
- font: a CJK font family name for every element.
"""
import re

import lxml.etree
import lxml.html

CHROME = ('top', 'position', 'tool', 'nav', 'ewm')
PAPER_CSS = {'a4': 'A4', 'letter': 'letter', 'a4l': 'A4 landscape'}
# paper sizes in points (width, height)
PAPER_PT = {'a4': (595.28, 841.89), 'letter': (612.0, 792.0), 'a4l': (841.89, 595.28)}
BLOCK = {'p', 'div', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table'}
BORDER_STYLE = re.compile(r'(^|;)\s*border[a-z-]*\s*:[^;]*', re.I)
FONT_STYLE = re.compile(r'(^|;)\s*font-family\s*:[^;]*', re.I)


def cell_lines(el):
    """The lines of a table cell as printed: <br> and block children break
    lines; white space inside a line is kept as it is (the truth's raw is
    the cell folded, so a producer may fold it again)."""
    lines, cur = [], []

    def flush():
        lines.append(''.join(cur))
        cur.clear()

    def walk(e, top):
        if not top:
            if e.tag == 'br':
                flush()
                if e.tail:
                    cur.append(e.tail)
                return
            if e.tag in BLOCK and ''.join(cur).strip():
                flush()
        if e.text:
            cur.append(e.text)
        for c in e:
            if isinstance(c.tag, str):
                walk(c, False)
            elif c.tail:
                cur.append(c.tail)
        if not top:
            if e.tag in BLOCK and ''.join(cur).strip():
                flush()
            if e.tail:
                cur.append(e.tail)

    walk(el, True)
    flush()
    # drop empty lines made by block boundaries, keep one for a blank cell
    out = [l for l in lines if l.strip('\n\r\t ')]
    return out or ['']


def table_to_paragraphs(table):
    """Paragraphs (one per cell line) standing for a table."""
    ps = []
    for tr in table.iter('tr'):
        for td in tr:
            if not isinstance(td.tag, str) or td.tag not in ('td', 'th'):
                continue
            for line in cell_lines(td):
                p = lxml.html.Element('p')
                p.set('style', 'text-align:center')
                if line.strip('\n\r\t \u00a0\u3000') == '':
                    p.text = '\u00a0'
                else:
                    p.text = line
                ps.append(p)
    return ps


def strip_border_style(el, pattern=BORDER_STYLE):
    st = el.get('style')
    if st is None:
        return
    st = pattern.sub(r'\1', st).strip('; ')
    if st:
        el.set('style', st)
    else:
        del el.attrib['style']


def parse(data):
    """The page's tree; its bytes are UTF-8 or else GB18030 (as gk reads them)."""
    try:
        text = data.decode('utf-8')
    except UnicodeDecodeError:
        text = data.decode('gb18030', errors='replace')
    parser = lxml.html.HTMLParser(encoding='utf-8')
    return lxml.html.document_fromstring(text.encode('utf-8'), parser=parser)


def prepare(data, layout, paper, font):
    doc = parse(data)
    for el in list(doc.iter()):
        if not isinstance(el.tag, str):
            continue
        cls = set((el.get('class') or '').split())
        if cls & set(CHROME):
            el.drop_tree()
    # the font of the matrix everywhere: the page's own (宋体, 仿宋_GB2312 ...)
    # is not on this machine and each producer would substitute its own
    for el in doc.iter():
        if isinstance(el.tag, str):
            strip_border_style(el, FONT_STYLE)
            if el.tag == 'font' and el.get('face'):
                del el.attrib['face']
    for tag in ('script', 'link'):
        for el in list(doc.iter(tag)):
            el.drop_tree()
    tables = [t for t in doc.iter('table')
              if not any(a.tag == 'table' for a in t.iterancestors())]
    if layout == 'pcell':
        for t in tables:
            parent = t.getparent()
            i = parent.index(t)
            tail = t.tail
            parent.remove(t)
            ps = table_to_paragraphs(t)
            for j, p in enumerate(ps):
                parent.insert(i + j, p)
            if tail and ps:
                ps[-1].tail = tail
    else:
        for t in doc.iter('table'):
            for el in [t] + [e for e in t.iter() if e.tag in ('tr', 'td', 'th', 'tbody', 'thead')]:
                strip_border_style(el)
            if layout == 'ruled':
                t.set('border', '1')
                t.set('cellspacing', '0')
                st = t.get('style', '')
                t.set('style', (st + ';' if st else '') + 'border-collapse:collapse')
                for c in t.iter('td', 'th'):
                    st = c.get('style', '')
                    c.set('style', (st + ';' if st else '') + 'border:1px solid #000')
            else:
                t.set('border', '0')
                t.set('cellspacing', '0')
    css = ['@page{size:%s;margin:2cm 1.8cm}' % PAPER_CSS[paper],
           '*{font-family:"%s" !important}' % font]
    if layout == 'ruled':
        css.append('table{border-collapse:collapse !important}'
                   'table,td,th{border:1px solid #000 !important}')
    elif layout == 'unruled':
        css.append('table,td,th,tr{border:none !important}')
    head = doc.find('head')
    if head is None:
        head = lxml.html.Element('head')
        doc.insert(0, head)
    for m in list(head.iter('meta')):
        if m.get('http-equiv', '').lower() == 'content-type' or m.get('charset'):
            m.drop_tree()
    style = lxml.html.Element('style')
    style.text = ''.join(css)
    head.append(style)
    body = doc.find('body')
    if body is not None:
        st = body.get('style', '')
        body.set('style', (st + ';' if st else '') + 'font-family:"%s"' % font)
    # libxml2 drops a Content-Type <meta> when it writes a string: put the
    # charset back by hand, first in <head>, for the producers that read it
    text = lxml.html.tostring(doc, encoding='unicode', method='html')
    text = text.replace('<head>', '<head>\n<meta http-equiv="Content-Type" '
                        'content="text/html; charset=utf-8">\n<meta charset="utf-8">', 1)
    return '<!DOCTYPE html>\n' + text


def blocks(html_text):
    """The printed page as a list of blocks for the drawing producers:
    ('p', text, align, bold) and ('t', rows) where rows are lists of
    (lines, colspan, rowspan)."""
    doc = parse(html_text.encode('utf-8'))
    body = doc.find('body')
    out = []

    def text_of(e):
        return ' '.join(cell_lines(e)).strip()

    def walk(e):
        for c in e:
            if not isinstance(c.tag, str):
                continue
            if c.tag == 'table':
                rows = []
                for tr in c.iter('tr'):
                    row = []
                    for td in tr:
                        if not isinstance(td.tag, str) or td.tag not in ('td', 'th'):
                            continue
                        row.append((cell_lines(td), int(td.get('colspan') or 1),
                                    int(td.get('rowspan') or 1)))
                    rows.append(row)
                out.append(('t', rows))
            elif c.tag in ('p', 'h1', 'h2', 'h3', 'li') or (
                    c.tag == 'div' and not any(isinstance(x.tag, str) and
                                               (x.tag in BLOCK) for x in c)):
                t = text_of(c)
                st = (c.get('style') or '').replace(' ', '')
                align = 'center' if ('text-align:center' in st or c.tag == 'h1') else 'left'
                bold = c.tag in ('h1', 'h2', 'h3') or c.find('.//strong') is not None or \
                    c.find('.//b') is not None
                if t.strip('\u00a0\u3000 '):
                    out.append(('p', t, align, bold))
                elif c.tag == 'p':
                    out.append(('p', '', align, False))
            else:
                walk(c)

    if body is not None:
        walk(body)
    return out
