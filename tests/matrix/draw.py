"""Producers that draw the page themselves: pycairo and ReportLab.

draw(blocks, backend, path, paper, font, ruled)

blocks come from pageprep.blocks(): paragraphs and tables (cells with
colspan and rowspan).  A small layout engine of its own sets them on the
page: paragraphs wrapped by the character, tables at the full text width,
column widths from their cells' text, a row that does not fit starts a new
page (a cell spanning rows over the break is boxed on each page, its text on
the first), cells boxed when ruled.  This is how report PDFs made by
reporting systems and scripts look: the text placed glyph run by glyph run,
the fonts embedded (or, for ReportLab's CID font, not embedded at all).
"""
import subprocess

from pageprep import PAPER_PT

MARGIN = 54.0
TEXT = 10.5
CELL = 9.0
PAD = 3.0


def font_file(family):
    out = subprocess.run(['fc-match', '-f', '%{file}\t%{index}', family],
                         capture_output=True, text=True, check=True).stdout
    path, _, idx = out.partition('\t')
    return path, int(idx or 0)


class CairoBackend:
    """pycairo's toy text API: the font found by fontconfig, embedded as a
    CID font by cairo."""

    def __init__(self, path, w, h, family):
        import cairo
        self.cairo = cairo
        self.surface = cairo.PDFSurface(path, w, h)
        self.surface.set_metadata(cairo.PDFMetadata.CREATOR, 'gk matrix (pycairo)')
        self.ctx = cairo.Context(self.surface)
        self.family = family
        self.ctx.set_line_width(0.6)

    def font(self, size, bold):
        c = self.cairo
        self.ctx.select_font_face(self.family, c.FONT_SLANT_NORMAL,
                                  c.FONT_WEIGHT_BOLD if bold else c.FONT_WEIGHT_NORMAL)
        self.ctx.set_font_size(size)

    def width(self, s, size, bold=False):
        self.font(size, bold)
        return self.ctx.text_extents(s).x_advance

    def text(self, x, y, s, size, bold=False):
        self.font(size, bold)
        self.ctx.move_to(x, y)
        self.ctx.show_text(s)

    def line(self, x1, y1, x2, y2):
        self.ctx.move_to(x1, y1)
        self.ctx.line_to(x2, y2)
        self.ctx.stroke()

    def next_page(self):
        self.ctx.show_page()

    def close(self):
        self.surface.finish()


class ReportLabBackend:
    """ReportLab's canvas: a TrueType font subset-embedded, or the Adobe-GB1
    CID font STSong-Light, not embedded (the reader maps it through its
    CMap)."""

    def __init__(self, path, w, h, family):
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfgen import canvas
        self.pdfmetrics = pdfmetrics
        if family == 'STSong-Light':
            from reportlab.pdfbase.cidfonts import UnicodeCIDFont
            pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
            self.name = 'STSong-Light'
        else:
            from reportlab.pdfbase.ttfonts import TTFont
            fpath, idx = font_file(family)
            self.name = 'F_' + ''.join(ch for ch in family if ch.isalnum())
            if self.name not in pdfmetrics.getRegisteredFontNames():
                pdfmetrics.registerFont(TTFont(self.name, fpath, subfontIndex=idx))
        self.c = canvas.Canvas(path, pagesize=(w, h), invariant=1)
        self.c.setCreator('gk matrix (ReportLab)')
        self.c.setLineWidth(0.6)
        self.h = h

    def width(self, s, size, bold=False):
        return self.pdfmetrics.stringWidth(s, self.name, size)

    def text(self, x, y, s, size, bold=False):
        self.c.setFont(self.name, size)
        self.c.drawString(x, self.h - y, s)

    def line(self, x1, y1, x2, y2):
        self.c.line(x1, self.h - y1, x2, self.h - y2)

    def next_page(self):
        self.c.showPage()
        self.c.setLineWidth(0.6)

    def close(self):
        self.c.save()


def wrap(be, s, width, size, bold=False):
    """s broken into lines no wider than width, by the character."""
    out, cur = [], ''
    for ch in s:
        if cur and be.width(cur + ch, size, bold) > width:
            out.append(cur)
            cur = ''
        cur += ch
    out.append(cur)
    return out


def place(rows):
    """Cells on a grid: [(r, c, lines, cs, rs)], width, height."""
    occ, placed, width = set(), [], 0
    for r, row in enumerate(rows):
        c = 0
        for lines, cs, rs in row:
            while (r, c) in occ:
                c += 1
            placed.append((r, c, lines, cs, rs))
            for dr in range(rs):
                for dc in range(cs):
                    occ.add((r + dr, c + dc))
            c += cs
            width = max(width, c)
    height = max([r + rs for r, _, _, _, rs in placed] or [0])
    return placed, width, height


class Page:
    def __init__(self, be, w, h):
        self.be, self.w, self.h = be, w, h
        self.y = MARGIN
        self.started = False

    def need(self, dy):
        if self.y + dy > self.h - MARGIN:
            self.be.next_page()
            self.y = MARGIN


def paragraph(pg, text, align, bold):
    be = pg.be
    avail = pg.w - 2 * MARGIN
    lh = TEXT * 1.6
    indent = 0 if align == 'center' else 2 * TEXT
    lines = wrap(be, text, avail - indent, TEXT, bold) if text else ['']
    for i, l in enumerate(lines):
        pg.need(lh)
        if align == 'center':
            x = MARGIN + (avail - be.width(l, TEXT, bold)) / 2
        else:
            x = MARGIN + (indent if i == 0 else 0)
        be.text(x, pg.y + TEXT * 1.15, l, TEXT, bold)
        pg.y += lh


def table(pg, rows, ruled):
    be = pg.be
    placed, ncol, nrow = place(rows)
    if not ncol:
        return
    avail = pg.w - 2 * MARGIN
    want = [18.0] * ncol
    for r, c, lines, cs, rs in placed:
        if cs == 1:
            w = max(be.width(l.strip(), CELL) for l in lines) + 2 * PAD
            want[c] = max(want[c], min(w, avail * 0.45))
    tot = sum(want)
    widths = [w * avail / tot for w in want]
    xs = [MARGIN]
    for w in widths:
        xs.append(xs[-1] + w)
    lh = CELL * 1.35
    wrapped = {}
    need = [lh + 2 * PAD] * nrow
    for r, c, lines, cs, rs in placed:
        cw = xs[c + cs] - xs[c] - 2 * PAD
        wl = []
        for l in lines:
            wl += wrap(be, l.strip(), cw, CELL)
        wrapped[(r, c)] = wl
        h = len(wl) * lh + 2 * PAD
        if rs == 1:
            need[r] = max(need[r], h)
    for r, c, lines, cs, rs in placed:
        if rs > 1:
            h = len(wrapped[(r, c)]) * lh + 2 * PAD
            have = sum(need[r:r + rs])
            if h > have:
                need[r + rs - 1] += h - have
    # rows onto pages: (page index, y, height)
    pos, page = [], 0
    for r in range(nrow):
        if pg.y + need[r] > pg.h - MARGIN and r > 0:
            page += 1
            pg.y = MARGIN
        pos.append((page, pg.y, need[r]))
        pg.y += need[r]
    # draw page by page
    first_page = 0
    for p in range(first_page, page + 1):
        if p > first_page:
            be.next_page()
        for r, c, lines, cs, rs in placed:
            parts = [pos[i] for i in range(r, r + rs) if pos[i][0] == p]
            if not parts:
                continue
            y0 = parts[0][1]
            y1 = parts[-1][1] + parts[-1][2]
            x0, x1 = xs[c], xs[c + cs]
            if ruled:
                be.line(x0, y0, x1, y0)
                be.line(x0, y1, x1, y1)
                be.line(x0, y0, x0, y1)
                be.line(x1, y0, x1, y1)
            if pos[r][0] != p:
                continue
            wl = [l for l in wrapped[(r, c)] if l]
            th = len(wl) * lh
            ty = y0 + (y1 - y0 - th) / 2
            for i, l in enumerate(wl):
                tx = x0 + (x1 - x0 - be.width(l, CELL)) / 2
                be.text(tx, ty + i * lh + CELL * 1.05, l, CELL)
    pg.y += 6


def draw(blocks, backend, path, paper, font, ruled):
    w, h = PAPER_PT[paper]
    be = {'cairo': CairoBackend, 'reportlab': ReportLabBackend}[backend](path, w, h, font)
    pg = Page(be, w, h)
    for b in blocks:
        if b[0] == 'p':
            paragraph(pg, b[1], b[2], b[3])
        else:
            table(pg, b[1], ruled)
    be.close()
