#!/usr/bin/env python3
"""mkcrawlsite.py DIR [PAGES]: a local site of PAGES report pages (default
2,000) for the crawl bench (tests/bench/crawl.sh), in the shape of the
city's columns: 10 columns, each a listing paginated 20 entries a page
(index.shtml, index_1.shtml ... with 下一页 links, newest first), report
pages t<yyyymmdd>_<id>.shtml published 2015-2024 with a title, a date and
a source, every other one with a small PDF attachment.  Made by the bench,
not kept in the repository."""
import os, sys

out = sys.argv[1]
pages = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
cols, per = 10, 20
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, 'robots.txt'), 'w') as f:
    f.write('User-agent: *\nDisallow: /private/\n')
pdf = (b'%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n'
       b'2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n')
n = 0
for c in range(cols):
    col = os.path.join(out, 'zwgk', 'col%d' % c, 'gknb')
    mine = list(range(c, pages, cols))
    entries = []
    for k, i in enumerate(mine):
        year = 2015 + (i * 10) // pages
        date = '%04d%02d%02d' % (year + 1, 1 + i % 12, 1 + i % 28)
        d = os.path.join(col, date[:6])
        os.makedirs(d, exist_ok=True)
        name = 't%s_%d.shtml' % (date, 8000000 + i)
        title = '测试机关%d %d年政府信息公开工作年度报告' % (c, year)
        att = ''
        if i % 2 == 0:
            with open(os.path.join(d, 'P%d.pdf' % i), 'wb') as f:
                f.write(pdf + b'%' + str(i).encode() + b'\n')
            att = '<p><a href="P%d.pdf">附件：%s.pdf</a></p>' % (i, title)
        with open(os.path.join(d, name), 'w', encoding='utf-8') as f:
            f.write('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title></head>'
                    '<body><h1>%s</h1><div class="info">发布日期：%s-%s-%s 来源：测试机关%d</div>'
                    '<div class="content"><p>一、总体情况</p><p>本年度共收到申请%d件。</p>%s</div>'
                    '</body></html>' % (title, title, date[:4], date[4:6], date[6:], c, i, att))
        entries.append(('./%s/%s' % (date[:6], name), title, '%s-%s-%s' % (date[:4], date[4:6], date[6:])))
        n += 1
    entries.reverse()	# newest first
    npages = (len(entries) + per - 1) // per
    for p in range(npages):
        rows = ''.join('<li><a href="%s" title="%s">%s</a><span>%s</span></li>' % (u, t, t, d)
                       for u, t, d in entries[p * per:(p + 1) * per])
        nxt = '<a href="./index_%d.shtml">下一页</a>' % (p + 1) if p + 1 < npages else ''
        name = 'index.shtml' if p == 0 else 'index_%d.shtml' % p
        with open(os.path.join(col, name), 'w', encoding='utf-8') as f:
            f.write('<!DOCTYPE html><html><head><meta charset="utf-8"><title>政府信息公开年报</title></head>'
                    '<body><ul class="list">%s</ul><div class="page">%s</div></body></html>' % (rows, nxt))
print('%d report pages, %d attachments, %d columns' % (n, (pages + 1) // 2, cols))
