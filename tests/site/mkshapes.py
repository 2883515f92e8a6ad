#!/usr/bin/env python3
"""Add to www/ the listing shapes of the real site that mksite.py did not
cover, and their rows to SITEMAP.tsv / ERRORS.tsv:

  /zwgk/qxgk/fjlb/   a column that lists the report files themselves (no
                     report page in between): rows <li><a>title</a>
                     <span>date</span></li>, one row without a date, one
                     link text cut short (the full title in title=""), a
                     dead file, and one ordinary report page.

SITEMAP kind `listed`: a file linked from a listing, a page of its own (the
crawler gives it PAGE = its URL, TITLE and PUBLISHED from the listing row).
The file bodies are copies of attachments already in www/ (the SITEMAP's
doc column names the same corpus document).  Deterministic; run once from
tests/site/ (it refuses to run twice)."""
import os, shutil, sys

W = 'www'
COL = '/zwgk/qxgk/fjlb'
HEAD = ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title>'
        '</head><body>\n')

def write(path, text):
    p = os.path.join(W, path.lstrip('/'))
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, 'w', encoding='utf-8') as f:
        f.write(text)

def copy(src, dst):
    d = os.path.join(W, dst.lstrip('/'))
    os.makedirs(os.path.dirname(d), exist_ok=True)
    shutil.copyfile(os.path.join(W, src.lstrip('/')), d)

if os.path.exists(os.path.join(W, COL.lstrip('/'))):
    sys.exit('mkshapes.py: already run')

sitemap, errors = [], []
# (file, source in www, doc, format, link text, title attribute, date cell)
files = [
    ('202103/P020210309512345.pdf', '/zwgk/zdgk/ndbg/202102/P02021020200011.pdf',
     '000_0e252554ad65cb5c', 'pdf', '崂山区2020年政府信息公开工作年度报告', None,
     '<span>2021-03-09</span>'),
    ('202103/P020210310523456.docx', '/zwgk/zdgk/ndbg/202102/P02021020200010.docx',
     '000_0e252554ad65cb5c', 'docx', '城阳区人民政府2020年政府信息公开...',
     '城阳区人民政府2020年政府信息公开工作年度报告', '<span class="date">2021/3/10</span>'),
    ('202103/P020210311534567.doc', '/zwgk/zdgk/ndbg/202109/P02021090900082.doc',
     'syn009', 'doc', '平度市2020年政府信息公开工作年度报告', None, ''),
]
rows = []
for name, src, doc, fmt, text, title, date in files:
    copy(src, '%s/%s' % (COL, name))
    sitemap.append('%s/%s\tlisted\t%s\t%s' % (COL, name, doc, fmt))
    t = ' title="%s"' % title if title else ''
    rows.append('<li><a href="./%s"%s>%s</a>%s</li>' % (name, t, text, date))
# a dead file, and a report page with its attachment, in the same list
rows.append('<li><a href="./202103/P0missing-jz.pdf">胶州市2020年政府信息公开'
            '工作年度报告</a><span>2021-03-12</span></li>')
errors.append('%s/202103/P0missing-jz.pdf\thttp' % COL)
rows.append('<li><a href="./202103/t20210313_5600001.shtml">李沧区2020年政府信息'
            '公开工作年度报告</a><span>2021-03-13</span></li>')
write('%s/202103/t20210313_5600001.shtml' % COL, HEAD % '李沧区2020年政府信息公开工作年度报告' +
      '<h1>李沧区2020年政府信息公开工作年度报告</h1><div class="info">'
      '<span>发布日期：2021-03-13</span> <span>来源：李沧区人民政府办公室</span></div>'
      '<p>全文见附件。</p><p>附件：<a href="./P020210313545678.pdf">李沧区2020年政府'
      '信息公开工作年度报告</a></p></body></html>\n')
copy('/zwgk/xxgk/bm/ndbg/202102/P02021021100101.pdf', '%s/202103/P020210313545678.pdf' % COL)
sitemap.append('%s/202103/t20210313_5600001.shtml\treport\t\thtml' % COL)
sitemap.append('%s/202103/P020210313545678.pdf\tattachment\t001_967186fe634bba4e\tpdf' % COL)
write('%s/index.shtml' % COL, HEAD % '区市政府信息公开年度报告（文件）' +
      '<ul class="list">' + ''.join(rows) + '</ul></body></html>\n')
sitemap.append('%s/index.shtml\tlisting\t\thtml' % COL)

with open('SITEMAP.tsv', 'a') as f:
    f.write(''.join(r + '\n' for r in sitemap))
with open('ERRORS.tsv', 'a') as f:
    f.write(''.join(r + '\n' for r in errors))
