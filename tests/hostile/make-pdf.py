#!/usr/bin/env python3
"""Hostile PDFs: files made to cost a reader unbounded time or memory.

usage: tests/hostile/make-pdf.py OUTDIR [NAME...]

Writes OUTDIR/NAME.pdf for each case (all of them by default) and
OUTDIR/good.pdf, a small sound report page a reader must still read after
each hostile one.  Every case is a few KB to a few MB on disk; the bombs are
deflate streams built by repeating one compressed block, so making them
costs no more than writing them.

  textops     a content stream inflating to 1 GiB of text-showing operators
  spaces      a content stream inflating to 2 GiB of spaces
  bigpath     one path of 1 GiB of line segments (memory, not drawing calls)
  lines       400,000 stroked lines and no text
  pages       100,000 pages
  hugepage    one page 14,400 in square (MediaBox 1e6 pt, UserUnit 75)
  deeparray   an array nested 100,000 deep in the page dictionary
  deeptree    a page tree 100,000 levels deep
  deepforms   form XObjects drawing each other 100,000 deep
  deepq       100,000 nested q (save graphics state) operators
"""
import os
import sys
import zlib

GIB = 1 << 30


def bomb(block, total, head=b'', tail=b''):
    """A zlib stream of head + block * (total // len(block)) + tail, made
    by compressing the block once: with a full flush after each block and
    the window full of the block, every later block compresses to the
    same bytes."""
    c = zlib.compressobj(9)
    out = [c.compress(head), c.flush(zlib.Z_FULL_FLUSH)]
    n = total // len(block)
    chunk = block * max(1, (1 << 20) // len(block))
    per = len(chunk) // len(block)
    first = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    out.append(first)
    third = c.compress(chunk) + c.flush(zlib.Z_FULL_FLUSH)
    assert third == again, 'blocks do not repeat'
    out.append(again * (n // per - 2))
    out.append(c.compress(tail) + c.flush())
    return b''.join(out)


class Pdf:
    """A PDF written object by object, with a correct xref table."""

    def __init__(self):
        self.objs = []

    def add(self, body):
        self.objs.append(body)
        return len(self.objs)

    def set(self, num, body):
        self.objs[num - 1] = body

    def stream(self, data, dict_extra=b'', flate=False):
        d = b'<< /Length %d%s%s >>' % (len(data), b' /Filter /FlateDecode'
                                       if flate else b'', dict_extra)
        return self.add(d + b'\nstream\n' + data + b'\nendstream')

    def write(self, path, root):
        out = [b'%PDF-1.7\n%\xe2\xe3\xcf\xd3\n']
        off = []
        pos = len(out[0])
        for i, body in enumerate(self.objs):
            off.append(pos)
            b = b'%d 0 obj\n' % (i + 1) + body + b'\nendobj\n'
            out.append(b)
            pos += len(b)
        x = [b'xref\n0 %d\n0000000000 65535 f \n' % (len(self.objs) + 1)]
        x += [b'%010d 00000 n \n' % o for o in off]
        out.append(b''.join(x))
        out.append(b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n'
                   b'%%%%EOF\n' % (len(self.objs) + 1, root, pos))
        with open(path, 'wb') as f:
            f.write(b''.join(out))


FONT = b'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'


def one_page(content, flate=False, page_extra=b'', box=b'[0 0 595 842]'):
    p = Pdf()
    cat = p.add(b'')
    pages = p.add(b'')
    font = p.add(FONT)
    c = p.stream(content, flate=flate)
    page = p.add(b'<< /Type /Page /Parent %d 0 R /MediaBox %s /Contents %d 0 R '
                 b'/Resources << /Font << /F1 %d 0 R >> >>%s >>'
                 % (pages, box, c, font, page_extra))
    p.set(cat, b'<< /Type /Catalog /Pages %d 0 R >>' % pages)
    p.set(pages, b'<< /Type /Pages /Kids [%d 0 R] /Count 1 >>' % page)
    return p, cat


def good(path):
    text = (b'BT /F1 12 Tf 72 760 Td (Annual report 2024) Tj ET\n'
            b'BT /F1 12 Tf 72 730 Td (Requests received) Tj 300 0 Td (1203) '
            b'Tj ET\n')
    p, root = one_page(text)
    p.write(path, root)


def textops(path):
    block = b'BT /F1 1 Tf 10 10 Td (AAAAAAAAAAAAAAAAAAAAAAAAAAAAAA) Tj ET\n'
    p, root = one_page(bomb(block, GIB), flate=True)
    p.write(path, root)


def spaces(path):
    p, root = one_page(bomb(b' ' * 4096, 2 * GIB,
                            tail=b'BT /F1 12 Tf 72 720 Td (x) Tj ET\n'),
                       flate=True)
    p.write(path, root)


def bigpath(path):
    p, root = one_page(bomb(b'1 1 l 2 2 l\n' * 1024, GIB, head=b'0 0 m\n', tail=b'S\n'),
                       flate=True)
    p.write(path, root)


def lines(path):
    seg = []
    for i in range(400000):
        y = 10 + (i % 800)
        x = 10 + (i // 800) % 500
        seg.append(b'%d %d m %d %d l S\n' % (x, y, x + 80, y))
    p, root = one_page(zlib.compress(b''.join(seg), 9), flate=True)
    p.write(path, root)


def pages(path):
    n = 100000
    p = Pdf()
    cat = p.add(b'')
    root_pages = p.add(b'')
    c = p.stream(b'BT /F1 12 Tf 72 720 Td (page) Tj ET\n')
    font = p.add(FONT)
    kids = []
    for _ in range(n):
        kids.append(p.add(b'<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842]'
                          b' /Contents %d 0 R /Resources << /Font << /F1 %d 0 R'
                          b' >> >> >>' % (root_pages, c, font)))
    p.set(cat, b'<< /Type /Catalog /Pages %d 0 R >>' % root_pages)
    p.set(root_pages, b'<< /Type /Pages /Count %d /Kids [%s] >>'
          % (n, b' '.join(b'%d 0 R' % k for k in kids)))
    p.write(path, cat)


def hugepage(path):
    text = b'BT /F1 12 Tf 72 720 Td (a huge page) Tj ET\n'
    p, root = one_page(text, page_extra=b' /UserUnit 75',
                       box=b'[0 0 1000000 1000000]')
    p.write(path, root)


def deeparray(path):
    n = 100000
    text = b'BT /F1 12 Tf 72 720 Td (deep) Tj ET\n'
    p, root = one_page(text, page_extra=b' /Deep ' + b'[' * n + b']' * n)
    p.write(path, root)


def deeptree(path):
    n = 100000
    p = Pdf()
    cat = p.add(b'')
    font = p.add(FONT)
    c = p.stream(b'BT /F1 12 Tf 72 720 Td (leaf) Tj ET\n')
    first = len(p.objs) + 1
    for i in range(n):
        num = first + i
        parent = b' /Parent %d 0 R' % (num - 1) if i > 0 else b''
        p.add(b'<< /Type /Pages /Count 1 /Kids [%d 0 R]%s >>' % (num + 1, parent))
    p.add(b'<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] /Contents %d 0 R'
          b' /Resources << /Font << /F1 %d 0 R >> >> >>' % (first + n - 1, c, font))
    p.set(cat, b'<< /Type /Catalog /Pages %d 0 R >>' % first)
    p.write(path, cat)


def deepforms(path):
    n = 100000
    p = Pdf()
    cat = p.add(b'')
    pages_ = p.add(b'')
    font = p.add(FONT)
    first = len(p.objs) + 1
    for i in range(n):
        num = first + i
        if i + 1 < n:
            body = b'/X Do'
            res = b'/Resources << /XObject << /X %d 0 R >> >>' % (num + 1)
        else:
            body = b'BT /F1 12 Tf 72 720 Td (bottom) Tj ET'
            res = b'/Resources << /Font << /F1 %d 0 R >> >>' % font
        p.stream(body, dict_extra=b' /Type /XObject /Subtype /Form '
                 b'/BBox [0 0 595 842] ' + res)
    c = p.stream(b'/X Do\n')
    page = p.add(b'<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] '
                 b'/Contents %d 0 R /Resources << /XObject << /X %d 0 R >> >> >>'
                 % (pages_, c, first))
    p.set(cat, b'<< /Type /Catalog /Pages %d 0 R >>' % pages_)
    p.set(pages_, b'<< /Type /Pages /Kids [%d 0 R] /Count 1 >>' % page)
    p.write(path, cat)


def deepq(path):
    n = 100000
    text = (b'q ' * n + b'BT /F1 12 Tf 72 720 Td (deep q) Tj ET ' +
            b'Q ' * n)
    p, root = one_page(zlib.compress(text, 9), flate=True)
    p.write(path, root)


CASES = {f.__name__: f for f in (textops, spaces, bigpath, lines, pages, hugepage,
                                 deeparray, deeptree, deepforms, deepq)}


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__.split('\n\n')[1])
    out = sys.argv[1]
    names = sys.argv[2:] or list(CASES)
    os.makedirs(out, exist_ok=True)
    good(os.path.join(out, 'good.pdf'))
    for n in names:
        if n not in CASES:
            sys.exit('unknown case %s' % n)
        CASES[n](os.path.join(out, n + '.pdf'))


if __name__ == '__main__':
    main()
