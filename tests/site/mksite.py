#!/usr/bin/env python3
"""Add to www/ (a copy of /work/shared/site/www) what gk-fetch's tests need:
a district column /zwgk/qxgk/ndbg/ (a GBK page, every attachment format,
.html pagination, a robots-disallowed report, off-host / IP / file:// links,
one attachment linked twice in two spellings) and a fault column
/faults/ndbg/ served with faults by tests/httpd/server.py.  Appends the
rows to SITEMAP.tsv and writes ERRORS.tsv.  Deterministic; run once."""
import os, shutil, struct, zipfile

W = 'www'
CORPUS = '../corpus/docs'

def write(path, data):
    p = os.path.join(W, path.lstrip('/'))
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode('utf-8'))

def ole2(stream_name, payload):
    """A minimal valid OLE2 compound file with one 4096-byte stream."""
    data = payload.ljust(4096, b'\0')
    nsec = 8
    hdr = bytearray(512)
    hdr[0:8] = bytes.fromhex('D0CF11E0A1B11AE1')
    struct.pack_into('<HHHHH', hdr, 24, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into('<I', hdr, 44, 1)            # FAT sectors
    struct.pack_into('<I', hdr, 48, 1)            # first directory sector
    struct.pack_into('<I', hdr, 56, 4096)         # mini stream cutoff
    struct.pack_into('<I', hdr, 60, 0xFFFFFFFE)   # no mini FAT
    struct.pack_into('<I', hdr, 68, 0xFFFFFFFE)   # no DIFAT sectors
    struct.pack_into('<I', hdr, 76, 0)            # DIFAT[0] = sector 0
    for i in range(1, 109):
        struct.pack_into('<I', hdr, 76 + 4 * i, 0xFFFFFFFF)
    fat = [0xFFFFFFFD, 0xFFFFFFFE] + [3 + i for i in range(nsec - 1)] + [0xFFFFFFFE]
    fat += [0xFFFFFFFF] * (128 - len(fat))
    fatsec = struct.pack('<128I', *fat)
    def entry(name, typ, child, start, size, color=1):
        e = bytearray(128)
        n = name.encode('utf-16-le') + b'\0\0' if name else b''
        e[0:len(n)] = n
        struct.pack_into('<HBB', e, 64, len(n), typ, color)
        struct.pack_into('<III', e, 68, 0xFFFFFFFF, 0xFFFFFFFF, child)
        struct.pack_into('<IQ', e, 116, start, size)
        return bytes(e)
    d = entry('Root Entry', 5, 1, 0xFFFFFFFE, 0) + entry(stream_name, 2, 0xFFFFFFFF, 2, 4096)
    d += entry('', 0, 0xFFFFFFFF, 0, 0, 0) * 2
    return bytes(hdr) + fatsec + d + data

def xlsx():
    import io
    b = io.BytesIO()
    with zipfile.ZipFile(b, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, text in [
            ('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'),
            ('xl/workbook.xml', '<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="1" sheetId="1"/></sheets></workbook>'),
            ('xl/worksheets/sheet1.xml', '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>主动公开政府信息情况</t></is></c></row></sheetData></worksheet>')]:
            zi = zipfile.ZipInfo(name, (2022, 3, 1, 0, 0, 0))
            z.writestr(zi, text)
    return b.getvalue()

def corpus(name):
    with open(os.path.join(CORPUS, name), 'rb') as f:
        return f.read()

PAGE = '''<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset={cs}" /><title>{t}</title></head>
<body><div class="position"><a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>
<div class="article"><h1 class="title">{t}</h1>
<div class="info"><span>青岛政务网</span> <span>发布日期：{d}</span> <span>来源：{a}</span></div>
<div class="content"><p>{t}全文见附件。</p></div>
<div class="fujian">{links}</div></div></body></html>
'''
LIST = '''<!DOCTYPE html><html><head><meta charset="utf-8"><title>区市政府信息公开年度报告</title></head><body>
<ul class="list">{items}</ul><div class="page">{pager}</div></body></html>
'''

def item(href, t):
    return '<li><a href="%s" title="%s">%s</a></li>' % (href, t, t)

sitemap, errors = [], []
# the shared site's dead attachment links
errors += [(p, 'http') for p in ('/zwgk/xxgk/bm/ndbg/202104/P0missing.pdf', '/zwgk/xxgk/bm/ndbg/202108/P0missing.pdf',
           '/zwgk/zdgk/ndbg/202105/P0missing.pdf', '/zwgk/zdgk/ndbg/202109/P0missing.pdf')]

# --- the district column -------------------------------------------------
col = '/zwgk/qxgk/ndbg/'
gbk_t = '即墨区喆园街道2021年政府信息公开工作年度报告'   # 喆 is GBK, not GB2312
gbk_a = '即墨区喆园街道办事处'
write(col + '202203/t20220301_5500001.shtml', PAGE.format(cs='gb2312', t=gbk_t, d='2022-03-01', a=gbk_a,
      links='<p>word版下载:<a href="./P02022030100010.docx">%s</a></p>' % gbk_t).encode('gb18030'))
write(col + '202203/P02022030100010.docx', corpus('004_107c488a6d9a59ea.docx'))
sitemap += [(col + '202203/t20220301_5500001.shtml', 'report', '', 'html'),
            (col + '202203/P02022030100010.docx', 'attachment', '004_107c488a6d9a59ea', 'docx')]

allf = [('P02022030200021.wps', ole2('WpsCustomData', b'WPS'), 'wps'),
        ('P02022030200022.xls', ole2('Workbook', bytes.fromhex('0908100000060500') + b'\0' * 12 + bytes.fromhex('0a000000')), 'xls'),
        ('P02022030200023.xlsx', xlsx(), 'xlsx'),
        ('P02022030200024.DOC', corpus('000_0e252554ad65cb5c.doc'), 'doc'),
        ('P02022030200025.docx', corpus('000_0e252554ad65cb5c.docx'), 'docx'),
        ('P02022030200026.pdf', corpus('000_0e252554ad65cb5c.pdf'), 'pdf')]
t2 = '莱西市人民政府2021年政府信息公开工作年度报告'
links = ''.join('<p>附件%d：<a href="%s">%s</a></p>' % (i + 1, n, n) for i, (n, _, _) in enumerate(allf))
write(col + '202203/t20220302_5500002.shtml', PAGE.format(cs='utf-8', t=t2, d='2022-03-02', a='莱西市人民政府办公室', links=links))
sitemap.append((col + '202203/t20220302_5500002.shtml', 'report', '', 'html'))
for n, data, fmt in allf:
    write(col + '202203/' + n, data)
    sitemap.append((col + '202203/' + n, 'attachment', '', fmt))

# robots.txt disallows /private/: the crawler must not even ask for it
write('/private/202203/t20220303_5500003.shtml', PAGE.format(cs='utf-8', t='不应抓取', d='2022-03-03', a='无', links=''))
errors.append(('/private/202203/t20220303_5500003.shtml', 'robots'))

t4 = '黄岛区人民政府2021年政府信息公开工作年度报告'
links4 = ('<p>pdf版下载:<a href="./P02022030400040.pdf">%s</a></p>' % t4 +
          '<p>附件：<a href="../202203/./P02022030400040.pdf#page=2">同一文件，另一种写法</a></p>'
          '<p>附件：<a href="http://evil.example.org/P1.pdf">外站附件</a></p>'
          '<p>附件：<a href="http://10.1.2.3/P2.pdf">IP 地址</a></p>'
          '<p>附件：<a href="file:///etc/passwd.pdf">本地文件</a></p>'
          '<p>附件：<a href="./P0missing.pdf">已删除</a></p>'
          '<p><a href="http://www.gov.cn/zhengce/">中国政府网</a></p>')
write(col + '202203/t20220304_5500004.shtml', PAGE.format(cs='utf-8', t=t4, d='2022-03-04', a='黄岛区人民政府办公室', links=links4))
write(col + '202203/P02022030400040.pdf', corpus('001_967186fe634bba4e.pdf'))
sitemap += [(col + '202203/t20220304_5500004.shtml', 'report', '', 'html'),
            (col + '202203/P02022030400040.pdf', 'attachment', '001_967186fe634bba4e', 'pdf')]
errors += [('http://evil.example.org/P1.pdf', 'off_host'), ('http://10.1.2.3/P2.pdf', 'off_host'),
           ('file:///etc/passwd.pdf', 'off_host'), (col + '202203/P0missing.pdf', 'http')]

write(col + 'index.shtml', LIST.format(
    items=item('./202203/t20220301_5500001.shtml', gbk_t) + item('./202203/t20220302_5500002.shtml', t2) +
    item('/private/202203/t20220303_5500003.shtml', '不应抓取'),
    pager='<a href="index_1.html">下一页</a>'))
write(col + 'index_1.html', LIST.format(
    items=item('./202203/t20220304_5500004.shtml', t4) + item('./202203/t20220301_5500001.shtml#top', gbk_t),
    pager='<a href="index.shtml">上一页</a>'))
sitemap += [(col + 'index.shtml', 'listing', '', 'html'), (col + 'index_1.html', 'listing', '', 'html')]

with open('/work/shared/site/www/robots.txt') as f:
    robots = f.read()
write('/robots.txt', robots + '\nUser-agent: badbot\nDisallow: /\n')

# --- the fault column (HTTP only: tests/httpd/server.py injects faults) ----
fc = '/faults/ndbg/'
faults = [  # name, expected: 'ok' or an error code
    ('slow-P1.pdf', 'ok'), ('e500-P2.pdf', 'ok'), ('r429-P3.pdf', 'ok'), ('reset1-P4.pdf', 'ok'),
    ('moved-P5.pdf', 'ok'), ('hang-P6.pdf', 'timeout'), ('resetall-P7.pdf', 'network'),
    ('badlen-P8.pdf', 'truncated'), ('huge-P9.pdf', 'too_big'), ('hugechunked-P10.pdf', 'too_big'),
    ('offsite-P11.pdf', 'off_host')]
pdf = corpus('002_76275f96720f379e.pdf')
for n, _ in faults:
    write(fc + '202204/' + n, pdf)
write(fc + '202204/P5.pdf', pdf)   # where moved-P5.pdf points
t5 = '故障注入测试2021年政府信息公开工作年度报告'
write(fc + '202204/t20220401_6600001.shtml', PAGE.format(cs='utf-8', t=t5, d='2022-04-01', a='测试',
      links=''.join('<p>附件：<a href="./%s">%s</a></p>' % (n, n) for n, _ in faults)))
t6 = '重定向测试2021年政府信息公开工作年度报告'
write(fc + '202204/t20220402_6600002.shtml', PAGE.format(cs='utf-8', t=t6, d='2022-04-02', a='测试', links=''))
write(fc + 'index.shtml', LIST.format(
    items=item('./202204/t20220401_6600001.shtml', t5) + item('./old/t20220402_6600002.shtml', t6), pager=''))

with open('SITEMAP.tsv', 'a') as f:
    for r in sitemap:
        f.write('\t'.join(r) + '\n')
with open('ERRORS.tsv', 'w') as f:
    f.write('url_or_path\tcode\n')
    for r in errors:
        f.write('\t'.join(r) + '\n')
with open('FAULTS.tsv', 'w') as f:
    f.write('path\texpect\n')
    f.write(fc + '202204/t20220401_6600001.shtml\tok\n')
    f.write(fc + '202204/t20220402_6600002.shtml\tok\n')
    for n, e in faults:
        f.write(fc + '202204/' + ('P5.pdf' if n.startswith('moved') else n) + '\t' + e + '\n')
