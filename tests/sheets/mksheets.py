#!/usr/bin/python3
"""Helpers of tests/sheets/make.sh (Debian's python3, with python3-openpyxl
and python3-olefile).

  mksheets.py tables SRC.html OUT.html   the report's tables, each after its
                                         heading, nothing else (for
                                         LibreOffice Calc to open)
  mksheets.py openpyxl SRC.html OUT.xlsx the tables written by openpyxl: one
                                         sheet per table, its heading merged
                                         across the first row, rowspan/colspan
                                         as merged ranges, figures as numbers
                                         with a number format that prints
                                         them as the page does (0.000000,
                                         #,##0), borders on every cell
  mksheets.py page SRC.html OUT.html ATT the report page without its tables,
                                         linking the attachment ATT
  mksheets.py wps SRC.doc OUT.wps        a Word 97 file as WPS Writer saves
                                         it: its streams plus a WpsCustomData
                                         stream and the KSOProductBuildVer
                                         user-defined property (README.md)
"""
import html.parser
import os
import re
import struct
import subprocess
import sys
import tempfile

TABLE = re.compile(r'(<p[^>]*>(?:(?!</p>).)*</p>\s*)?(<table.*?</table>)', re.S)


def tables_html(src, out):
    s = open(src, encoding='utf-8').read()
    parts = [(m.group(1) or '') + m.group(2) for m in TABLE.finditer(s)]
    with open(out, 'w', encoding='utf-8') as f:
        f.write('<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>\n')
        f.write('\n'.join(parts))
        f.write('\n</body></html>\n')


def page_html(src, out, att):
    s = open(src, encoding='utf-8').read()
    s = re.sub(r'<table.*?</table>', '', s, flags=re.S)
    link = '<p>附件：<a href="%s">%s</a></p>' % (att, os.path.basename(att))
    s = s.replace('</body>', link + '</body>', 1)
    with open(out, 'w', encoding='utf-8') as f:
        f.write(s)


class Tables(html.parser.HTMLParser):
    """Tables as rows of (text, rowspan, colspan); the <p> before each."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.heads = [], []
        self.row = self.cell = None
        self.para, self.last_para = None, ''
        self.depth = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == 'table':
            self.depth += 1
            if self.depth == 1:
                self.tables.append([])
                self.heads.append(self.last_para)
        elif tag == 'tr' and self.depth == 1:
            self.row = []
            self.tables[-1].append(self.row)
        elif tag in ('td', 'th') and self.depth == 1:
            self.cell = [[], int(a.get('rowspan') or 1), int(a.get('colspan') or 1)]
        elif tag == 'p' and self.depth == 0:
            self.para = []
        elif tag == 'br' and self.cell is not None:
            self.cell[0].append(' ')
        elif tag == 'p' and self.cell is not None and self.cell[0]:
            self.cell[0].append(' ')

    def handle_endtag(self, tag):
        if tag == 'table':
            self.depth -= 1
        elif tag in ('td', 'th') and self.cell is not None and self.depth == 1:
            text = re.sub(r'[ \t\r\n]+', ' ', ''.join(self.cell[0])).strip(' ')
            self.row.append((text, self.cell[1], self.cell[2]))
            self.cell = None
        elif tag == 'p' and self.para is not None:
            self.last_para = re.sub(r'\s+', ' ', ''.join(self.para)).strip()
            self.para = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[0].append(data)
        elif self.para is not None:
            self.para.append(data)


def typed(text):
    """A figure as the number it is, with the format that prints it so."""
    if re.fullmatch(r'-?[0-9]+', text):
        return int(text), '0'
    if re.fullmatch(r'-?[0-9]+\.[0-9]+', text):
        return float(text), '0.' + '0' * len(text.split('.')[1])
    if re.fullmatch(r'[0-9]{1,3}(,[0-9]{3})+', text):
        return int(text.replace(',', '')), '#,##0'
    return text, None


def openpyxl_book(src, out):
    import openpyxl
    from openpyxl.styles import Border, Side, Alignment
    from openpyxl.utils import get_column_letter
    p = Tables()
    p.feed(open(src, encoding='utf-8').read())
    thin = Side(style='thin')
    box = Border(left=thin, right=thin, top=thin, bottom=thin)
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for k, (rows, head) in enumerate(zip(p.tables, p.heads)):
        ws = wb.create_sheet('表%d' % (k + 1))
        # lay the rows on a grid, as a browser does
        busy, grid, width = {}, [], 0
        for r, row in enumerate(rows):
            c = 0
            for text, rs, cs in row:
                while (r, c) in busy:
                    c += 1
                grid.append((r, c, rs, cs, text))
                for i in range(rs):
                    for j in range(cs):
                        busy[(r + i, c + j)] = 1
                c += cs
                width = max(width, c)
        top = 1
        if head:
            ws.cell(row=1, column=1, value=head)
            if width > 1:
                ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
            top = 2
        for r, c, rs, cs, text in grid:
            for i in range(rs):
                for j in range(cs):
                    ws.cell(row=top + r + i, column=1 + c + j).border = box
            cell = ws.cell(row=top + r, column=1 + c)
            v, fmt = typed(text)
            if v != '':
                cell.value = v
            if fmt:
                cell.number_format = fmt
            cell.alignment = Alignment(wrap_text=True)
            if rs > 1 or cs > 1:
                ws.merge_cells(start_row=top + r, start_column=1 + c,
                               end_row=top + r + rs - 1, end_column=c + cs)
        for j in range(width):
            ws.column_dimensions[get_column_letter(j + 1)].width = 12
    wb.save(out)


def propset(sections):
    """An OLE property set stream: sections = [(fmtid bytes, [(id, bytes)])]."""
    head = struct.pack('<HHI16sI', 0xFFFE, 0, 0x00020006, b'\0' * 16, len(sections))
    offs, bodies = [], []
    pos = len(head) + 20 * len(sections)
    for fmtid, props in sections:
        table = b''
        data = b''
        base = 8 + 8 * len(props)
        for pid, val in props:
            table += struct.pack('<II', pid, base + len(data))
            data += val + b'\0' * (-len(val) % 4)
        body = struct.pack('<II', 8 + len(table) + len(data), len(props)) + table + data
        offs.append((fmtid, pos))
        bodies.append(body)
        pos += len(body)
    out = head
    for fmtid, off in offs:
        out += fmtid + struct.pack('<I', off)
    return out + b''.join(bodies)


def guid(s):
    import uuid
    return uuid.UUID(s).bytes_le


def lpstr(s):
    b = s.encode('cp1252') + b'\0'
    return struct.pack('<II', 0x1E, len(b)) + b


def wps(src, out):
    import olefile
    ole = olefile.OleFileIO(src)
    with tempfile.TemporaryDirectory() as d:
        files = []
        for e in ole.listdir():
            if len(e) != 1 or e[0] == '\x05DocumentSummaryInformation':
                continue
            path = os.path.join(d, e[0])
            with open(path, 'wb') as f:
                f.write(ole.openstream(e).read())
            files.append(path)
        # DocumentSummaryInformation: code page, and the user-defined
        # section with KSOProductBuildVer (the property WPS writes)
        cp = struct.pack('<Ih', 0x02, 1252)
        name = b'KSOProductBuildVer\0'
        dictionary = struct.pack('<III', 1, 2, len(name)) + name
        dsi = propset([
            (guid('D5CDD502-2E9C-101B-9397-08002B2CF9AE'), [(1, cp)]),
            (guid('D5CDD505-2E9C-101B-9397-08002B2CF9AE'),
             [(0, dictionary), (1, cp), (2, lpstr('2052-11.1.0.10132'))]),
        ])
        path = os.path.join(d, '\x05DocumentSummaryInformation')
        with open(path, 'wb') as f:
            f.write(dsi)
        files.append(path)
        # WpsCustomData: its content is not documented; a few bytes stand in
        path = os.path.join(d, 'WpsCustomData')
        with open(path, 'wb') as f:
            f.write(struct.pack('<I', 0) + 'KSOProductBuildVer'.encode('utf-16-le'))
        files.append(path)
        if os.path.exists(out):
            os.unlink(out)
        subprocess.run(['gsf', 'createole', out] + files, check=True,
                       stdout=subprocess.DEVNULL)


def main():
    cmd = sys.argv[1]
    if cmd == 'tables':
        tables_html(sys.argv[2], sys.argv[3])
    elif cmd == 'openpyxl':
        openpyxl_book(sys.argv[2], sys.argv[3])
    elif cmd == 'page':
        page_html(sys.argv[2], sys.argv[3], sys.argv[4])
    elif cmd == 'wps':
        wps(sys.argv[2], sys.argv[3])
    else:
        sys.exit('mksheets.py: unknown command ' + cmd)


main()
