#!/usr/bin/env python3
"""mkhostile.py OUTDIR: write the hostile documents and streams that
tests/e2e/hostile_files.sh feeds to the chain, each with what it must give.

Documents (gk-extract must give one `error` record with the code named, or
read the document cleanly, in bounded time and memory, and go on with the
next document):

    NAME                 EXPECT      what it is
    html-deep.html       too_many    elements nested 100,000 deep
    html-elements.html   too_many    a table of 2.8 million elements (40 MB)
    html-nul.html        ok          NUL bytes and invalid UTF-8 inside a page
    html-gbk.html        ok          GBK bytes and no charset anywhere
    docx-bomb.docx       too_big     word/document.xml inflating to 200 MB
    docx-claims.docx     too_big     an entry whose header claims 4 GB
    docx-traversal.docx  ok          entries named ../../x and /etc/passwd
    docx-deep.docx       too_many    w:sdt nested 100,000 deep
    docx-elements.docx   too_many    a body of 1 million empty runs
    zip-nested.docx      unsupported a zip of zips (42.zip's shape), no document

Streams (a good record, then the bad line 2: every stage must name the bad
line on stderr, give a bad_record `error` record where it writes records,
and read the good record after it):

    stream-longline.tsv  a 10 MB line, then a good one
    stream-fields.tsv    a record of 10,000 fields, then a good one
    stream-nul.tsv       a NUL byte inside a field, then a good one
    stream-badutf8.tsv   invalid UTF-8 and GBK in fields (read as they are)

The list of names and expectations is written to OUTDIR/EXPECT.tsv.
"""
import io
import os
import struct
import sys
import zipfile
import zlib

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
expect = []

W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.'
      'openxmlformats.org/package/2006/content-types"><Override PartName='
      '"/word/document.xml" ContentType="application/vnd.openxmlformats-'
      'officedocument.wordprocessingml.document.main+xml"/></Types>')


def put(name, data, exp, why):
    with open(os.path.join(out, name), 'wb') as f:
        f.write(data)
    expect.append((name, exp, why))


def docx(body, extra=()):
    b = io.BytesIO()
    with zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED) as z:
        z.writestr('[Content_Types].xml', CT)
        for n, d in extra:
            z.writestr(n, d)
        z.writestr('word/document.xml',
                   '<?xml version="1.0" encoding="UTF-8"?><w:document '
                   'xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W, body))
    return b.getvalue()


GOOD_P = '<w:p><w:r><w:t>规章</w:t></w:r></w:p>'

# ---- HTML ----
n = 100000
put('html-deep.html', ('<html><body>' + '<div>' * n + '<p>规章</p>' +
    '</div>' * n + '</body></html>').encode(), 'too_many', 'nested 100,000 deep')
rows = ''.join('<tr><td>行%d</td><td>%d</td><td>%d</td></tr>' % (i, i, i)
               for i in range(700000))
put('html-elements.html', ('<html><body><table>' + rows +
    '</table></body></html>').encode(), 'too_many', '2.8 million elements')
put('html-nul.html', b'<html><head><meta charset="utf-8"></head><body><p>\xe8\xa7'
    b'\x84\x00\xe7\xab\xa0</p><p>\xff\xfe\xc0\xaf bad</p><table><tr><td>\x00'
    b'</td><td>5</td></tr></table></body></html>', 'ok', 'NUL and bad UTF-8')
put('html-gbk.html', '<html><body><p>青岛市人民政府 规章 行政许可</p>'
    '<table><tr><td>行政许可</td><td>5</td></tr></table></body></html>'
    .encode('gbk'), 'ok', 'GBK without charset')

# ---- DOCX and zip ----
# 200 MB of spaces inside one run: over GK_MAX_UNZIPPED while inflating
comp = zlib.compressobj(9, zlib.DEFLATED, -15)
chunks = [comp.compress(b'<?xml version="1.0"?><w:document xmlns:w="' +
                        W.encode() + b'"><w:body><w:p><w:r><w:t>')]
block = b' ' * (1 << 20)
for _ in range(200):
    chunks.append(comp.compress(block))
chunks.append(comp.compress(b'</w:t></w:r></w:p></w:body></w:document>'))
chunks.append(comp.flush())
raw = b''.join(chunks)


def local_entry(name, data, usize, crc):
    nb = name.encode()
    return (struct.pack('<IHHHHHIIIHH', 0x04034b50, 20, 0, 8, 0, 0, crc,
                        len(data), usize, len(nb), 0) + nb + data)
def central(name, usize, csize, crc, off):
    nb = name.encode()
    return struct.pack('<IHHHHHHIIIHHHHHII', 0x02014b50, 20, 20, 0, 8, 0, 0,
                       crc, csize, usize, len(nb), 0, 0, 0, 0, 0, off) + nb


def build_zip(entries):
    """entries: (name, compressed, usize, crc); deflated, in this order."""
    body, cd = b'', b''
    for name, data, usize, crc in entries:
        cd += central(name, usize, len(data), crc, len(body))
        body += local_entry(name, data, usize, crc)
    end = struct.pack('<IHHHHIIH', 0x06054b50, 0, 0, len(entries), len(entries),
                      len(cd), len(body), 0)
    return body + cd + end


def deflate(data):
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


ct = CT.encode()
put('docx-bomb.docx', build_zip([('[Content_Types].xml', deflate(ct), len(ct),
    zlib.crc32(ct)), ('word/document.xml', raw, 200 << 20, 0)]),
    'too_big', 'inflates to 200 MB')
doc_xml = ('<?xml version="1.0"?><w:document xmlns:w="%s"><w:body>%s'
           '</w:body></w:document>' % (W, GOOD_P)).encode()
# the header claims 4 GB (the largest size a zip without zip64 can say)
put('docx-claims.docx', build_zip([('[Content_Types].xml', deflate(ct), len(ct),
    zlib.crc32(ct)), ('word/document.xml', deflate(doc_xml), 0xffffffff,
    zlib.crc32(doc_xml))]), 'too_big', 'header claims 4 GB')
put('docx-traversal.docx', docx(GOOD_P, [('../../gk-escaped', 'x'),
    ('/etc/passwd', 'root:x:0:0'), ('word/../../up', 'y')]), 'ok',
    'entries named ../ and /')
m = 100000
put('docx-deep.docx', docx('<w:sdt><w:sdtContent>' * m + GOOD_P +
    '</w:sdtContent></w:sdt>' * m), 'too_many', 'nested 100,000 deep')
put('docx-elements.docx', docx('<w:p>' + '<w:r/>' * 1000000 + '</w:p>'),
    'too_many', 'a million runs')
inner = docx(GOOD_P)
for depth in range(3):
    b = io.BytesIO()
    with zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED) as z:
        for k in range(8):
            z.writestr('layer%d-%d.zip' % (depth, k), inner)
    inner = b.getvalue()
put('zip-nested.docx', inner, 'unsupported', 'zips of zips, no document')

# ---- streams ----
good = ('para\tGOOD\t1\t规章\t\n').encode()
docrec = ('doc\tGOOD\tfile:///x\tfile:///x\t/nonexistent\t\t0\thtml\t\t\t\t\tnew\n'
          ).encode()
# a good record first (a stage looks at the start of its input to tell a
# stream from a document), the bad one on line 2, good ones after it
first = ('doc\tFIRST\tfile:///y\tfile:///y\t/nonexistent\t\t0\thtml\t\t\t\t\tnew\n'
         ).encode()
put('stream-longline.tsv', first + b'para\tBAD\t1\t' + b'x' * (10 << 20) + b'\t\n'
    + docrec + good, 'bad_record', 'a 10 MB line')
put('stream-fields.tsv', first + b'para' + b'\tf' * 10000 + b'\n' + docrec + good,
    'bad_record', '10,000 fields')
put('stream-nul.tsv', first + b'para\tBAD\t1\tx\x00y\t\n' + docrec + good,
    'bad_record', 'a NUL byte')
put('stream-badutf8.tsv', first + b'para\tBAD\t1\t\xff\xfe\xc4\xe3\xba\xc3\t\n'
    + docrec + good, 'ok', 'invalid UTF-8 and GBK')

with open(os.path.join(out, 'EXPECT.tsv'), 'w') as f:
    for name, exp, why in expect:
        f.write('%s\t%s\t%s\n' % (name, exp, why))
