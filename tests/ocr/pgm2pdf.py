#!/usr/bin/env python3
"""Put grey page images into an image-only PDF (no text layer): a scan.

usage: pgm2pdf.py DPI OUT.pdf PAGE.pgm...

Each binary PGM (P5, 8-bit, as `pdftoppm -gray` writes it) becomes one page
of its own size at DPI, holding only a Flate-compressed DeviceGray image.
"""
import sys
import zlib


def read_pgm(path):
    with open(path, 'rb') as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b'#':
            pos = data.index(b'\n', pos)
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    pos += 1
    if fields[0] != b'P5' or int(fields[3]) != 255:
        sys.exit('pgm2pdf: %s: not an 8-bit binary PGM' % path)
    w, h = int(fields[1]), int(fields[2])
    return w, h, data[pos:pos + w * h]


def main():
    if len(sys.argv) < 4:
        sys.exit('usage: pgm2pdf.py DPI OUT.pdf PAGE.pgm...')
    dpi, out, pages = float(sys.argv[1]), sys.argv[2], sys.argv[3:]
    objs = []			# object bodies, numbered from 1
    kids = []
    for p in pages:
        w, h, pix = read_pgm(p)
        img = zlib.compress(pix, 6)
        objs.append(b'<< /Type /XObject /Subtype /Image /Width %d /Height %d '
                    b'/ColorSpace /DeviceGray /BitsPerComponent 8 '
                    b'/Filter /FlateDecode /Length %d >>\nstream\n' % (w, h, len(img))
                    + img + b'\nendstream')
        iw, ih = w * 72.0 / dpi, h * 72.0 / dpi
        draw = b'q %.2f 0 0 %.2f 0 0 cm /Im0 Do Q' % (iw, ih)
        objs.append(b'<< /Length %d >>\nstream\n' % len(draw) + draw + b'\nendstream')
        kids.append(len(objs) + 1)
        objs.append(b'<< /Type /Page /Parent %%PARENT%% /MediaBox [0 0 %.2f %.2f] '
                    b'/Resources << /XObject << /Im0 %d 0 R >> >> /Contents %d 0 R >>'
                    % (iw, ih, len(objs) - 1, len(objs)))
    parent = len(objs) + 1
    objs.append(b'<< /Type /Pages /Kids [%s] /Count %d >>'
                % (b' '.join(b'%d 0 R' % k for k in kids), len(kids)))
    objs.append(b'<< /Type /Catalog /Pages %d 0 R >>' % parent)
    body = b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n'
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(body))
        o = o.replace(b'%PARENT%', b'%d 0 R' % parent)
        body += b'%d 0 obj\n' % i + o + b'\nendobj\n'
    xref = len(body)
    body += b'xref\n0 %d\n0000000000 65535 f \n' % (len(objs) + 1)
    body += b''.join(b'%010d 00000 n \n' % x for x in offs)
    body += (b'trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n'
             % (len(objs) + 1, len(objs), xref))
    with open(out, 'wb') as f:
        f.write(body)


if __name__ == '__main__':
    main()
