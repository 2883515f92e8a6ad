#!/usr/bin/env python3
"""Add to www/ the listing shapes of the real site that mksite.py did not
cover, and their rows to SITEMAP.tsv / ERRORS.tsv:

  /zwgk/qxgk/fjlb/   a column that lists the report files themselves (no
                     report page in between): rows <li><a>title</a>
                     <span>date</span></li>, one row without a date, one
                     link text cut short (the full title in title=""), a
                     dead file, and one ordinary report page.
  /zwgk/szfgk/gknb/  the city's column as on the real site: year folders
                     (2024/index.shtml, 2017/index.shtml: a report
                     re-published in 202010/), a report without a year
                     folder (202403/), navigation to the rest of the site
                     (not followed), and links by name to the other path
                     family /ywdt/zwzl/ndbg/ (year folders, 2021 paginated)
                     and to a hub of department columns /zwgk/xxgk/bmnb/
                     (sub-columns fgw/, jyj/ below it).

SITEMAP kind `listed`: a file linked from a listing, a page of its own (the
crawler gives it PAGE = its URL, TITLE and PUBLISHED from the listing row).
The file bodies are copies of attachments already in www/ (the SITEMAP's
doc column names the same corpus document).  Deterministic; run from tests/site/;
a shape already in www/ is skipped (its rows are in the TSVs already)."""
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

sitemap, errors = [], []

def report(path, title, date, agency, atts):
    """A report page like the real site's; atts: (name, source in www,
    doc, format, label) of its attachments, copied next to it."""
    folder = os.path.dirname(path)
    links = ''.join('<p>%s:<a href="./%s">%s</a></p>' % (lab, n, title)
                    for n, _, _, _, lab in atts)
    write(path, HEAD % title +
          '<div class="position"><a href="/">首页</a> &gt; <a href="/zwgk/">'
          '政务公开</a></div><h1>%s</h1><div class="info"><span>青岛政务网</span> '
          '<span>发布日期 : %s</span> <span>来源 : %s</span></div><p>本报告根据'
          '《中华人民共和国政府信息公开条例》编制。</p>%s</body></html>\n'
          % (title, date, agency, links))
    sitemap.append('%s\treport\t\thtml' % path)
    for n, src, doc, fmt, _ in atts:
        copy(src, '%s/%s' % (folder, n))
        sitemap.append('%s/%s\tattachment\t%s\t%s' % (folder, n, doc, fmt))

def listing(path, title, rows, extra=''):
    """A listing page: rows of (href, text, date); extra after the list."""
    items = ''.join('<li><a href="%s" title="%s">%s</a><span>%s</span></li>'
                    % (h, t, t, d) for h, t, d in rows)
    write(path, HEAD % title + '<div class="position"><a href="/">首页</a> &gt; '
          '<a href="/zwgk/">政务公开</a> &gt; <a href="/zwgk/xxgk/">政府信息公开'
          '</a></div><ul class="list">%s</ul>%s</body></html>\n' % (items, extra))
    sitemap.append('%s\tlisting\t\thtml' % path)

PDF = '/zwgk/zdgk/ndbg/202103/P02021030300021.pdf'
DOCX = '/zwgk/zdgk/ndbg/202103/P02021030300020.docx'
PDFDOC, DOCXDOC = '002_76275f96720f379e', '002_76275f96720f379e'
CITY = '青岛市人民政府%d年政府信息公开工作年度报告'

def shape_years():
    g, n = '/zwgk/szfgk/gknb', '/ywdt/zwzl/ndbg'
    if os.path.exists(os.path.join(W, g.lstrip('/'))):
        return
    listing(g + '/index.shtml', '政府信息公开年报', [
        ('./2024/index.shtml', '2024年', ''),
        ('./202403/t20240307_7895020.shtml', CITY % 2023, '2024-03-07'),
        ('./2017/index.shtml', '2017年', '')],
        '<div class="side"><a href="/zwgk/index.shtml">政务公开</a> '
        '<a href="/zwgk/szfgk/index.shtml">市政府信息公开</a> '
        '<a href="%s/index.shtml">市政府信息公开工作年度报告（2018-2021）</a> '
        '<a href="/zwgk/xxgk/bmnb/index.shtml">市政府部门政府信息公开年度报告</a></div>' % n)
    report(g + '/202403/t20240307_7895020.shtml', CITY % 2023, '2024-03-07',
           '青岛市人民政府办公厅', [])
    listing(g + '/2024/index.shtml', '2024年', [
        ('./202501/t20250121_8854725.shtml', CITY % 2024, '2025-03-07')],
        '<div class="page"><a href="../index.shtml">返回</a></div>')
    report(g + '/2024/202501/t20250121_8854725.shtml', CITY % 2024, '2025-03-07',
           '青岛市人民政府办公厅', [
               ('P020250307571234.docx', DOCX, DOCXDOC, 'docx', 'word版下载'),
               ('P020250307571235.pdf', PDF, PDFDOC, 'pdf', 'pdf版下载')])
    # the 2017 report, re-published in 2020-10
    listing(g + '/2017/index.shtml', '2017年', [
        ('./202010/t20201019_495608.shtml', CITY % 2017, '2020-10-19')])
    report(g + '/2017/202010/t20201019_495608.shtml', CITY % 2017, '2020-10-19',
           '青岛市人民政府办公厅', [])
    # the other family: year folders, the 2021 one paginated by TRS's pager
    listing(n + '/index.shtml', '政府信息公开工作年度报告', [
        ('./2021/index.shtml', '2021年度', ''), ('./2018/index.shtml', '2018年度', '')])
    listing(n + '/2021/index.shtml', '2021年度', [
        ('./202203/t20220309_4573984.shtml', CITY % 2021, '2022-03-09')],
        '<script>createPageHTML(2, 0, "index", "shtml");</script>')
    listing(n + '/2021/index_1.shtml', '2021年度', [
        ('./202203/P020220309581234.pdf', CITY % 2021 + '（PDF）', '2022-03-09')])
    copy(PDF, n + '/2021/202203/P020220309581234.pdf')
    sitemap.append('%s/2021/202203/P020220309581234.pdf\tlisted\t%s\tpdf' % (n, PDFDOC))
    report(n + '/2021/202203/t20220309_4573984.shtml', CITY % 2021, '2022-03-09',
           '青岛市人民政府办公厅', [
               ('P020220309581235.docx', DOCX, DOCXDOC, 'docx', 'word版下载')])
    listing(n + '/2018/index.shtml', '2018年度', [
        ('./202010/t20201019_496818.shtml', CITY % 2018, '2020-10-19')])
    report(n + '/2018/202010/t20201019_496818.shtml', CITY % 2018, '2020-10-19',
           '青岛市人民政府办公厅', [])
    # a hub of department columns, each a sub-column below it
    b = '/zwgk/xxgk/bmnb'
    listing(b + '/index.shtml', '市政府部门政府信息公开年度报告', [
        ('./fgw/index.shtml', '市发展改革委', ''), ('./jyj/index.shtml', '市教育局', '')])
    listing(b + '/fgw/index.shtml', '市发展改革委', [
        ('./202201/t20220125_5700001.shtml', '青岛市发展和改革委员会2021年政府信息公开工作年度报告',
         '2022-01-25')])
    report(b + '/fgw/202201/t20220125_5700001.shtml',
           '青岛市发展和改革委员会2021年政府信息公开工作年度报告', '2022-01-25',
           '青岛市发展和改革委员会', [
               ('P020220125591234.pdf', PDF, PDFDOC, 'pdf', '附件')])
    listing(b + '/jyj/index.shtml', '市教育局', [
        ('./202201/P020220126601234.docx', '青岛市教育局2021年政府信息公开工作年度报告',
         '2022-01-26')])
    copy(DOCX, b + '/jyj/202201/P020220126601234.docx')
    sitemap.append('%s/jyj/202201/P020220126601234.docx\tlisted\t%s\tdocx' % (b, DOCXDOC))


def shape_files():
    if os.path.exists(os.path.join(W, COL.lstrip('/'))):
        return
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

shape_files()
shape_years()

with open('SITEMAP.tsv', 'a') as f:
    f.write(''.join(r + '\n' for r in sitemap))
with open('ERRORS.tsv', 'a') as f:
    f.write(''.join(r + '\n' for r in errors))
