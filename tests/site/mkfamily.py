#!/usr/bin/env python3
"""Build tests/site/family/: the report columns of Qingdao's family of sites,
one folder per host under its real name (www.qingdao.gov.cn, www.jimo.gov.cn,
https www.xihaian.gov.cn, ...), served by tests/httpd/server.py --vhosts and
crawled with the shipped config/qingdao.conf through curl's --connect-to
(tests/e2e/fetch_family.sh).

Every report column of config/agencies.tsv and every hub of the shipped
config gets its pages, in the layout of its site: the new CMS
(t<yyyymmdd>_<id>.shtml, index_N.shtml, columns named with the site's
number such as zfxxgkndbg_9/) or the old TRS one (18-digit ids .html,
index_N.html, div.list03 / #listChangeDiv rows, #Zoom2, <meta PubDate>, a GBK
page), with each site's date and source labels (发布日期 : / 发布日期: /
发布时间: / 成文日期: / a bare date before 来源: or 信息来源:).  Hubs link
agencies' pages, which link their columns.  Some agencies have holes: a year
without a report, a column without any, an agency page without a column.

Report pages are readable reports: the body (tables) of a corpus document of
the right template (legacy up to 2018, gov2019 for 2019-2020, gov2021 from
2021), its agency's name and its year written in; or a corpus document of
that agency itself (seeds 001-004, syn003) with its Word and PDF files.

Writes (deterministic; run from tests/site/, after changing the shipped
agencies.tsv or config):
  family/HOST/...   the sites
  FAMILY.tsv        url kind agency year type published title code page:
                    every page the crawl must read (hub, agency, listing,
                    report, attachment, listed), every URL it must not ask
                    for (never), and every error it must report (error,
                    with its code); agency is the `listing` record's for
                    listing and agency pages, the doc record's AGENCY for
                    reports (its 来源, else its column's agency); page the
                    doc record's PAGE
  COVERAGE.tsv      agency year found formats: for every agency the crawl
                    knows (agencies.tsv, and the agencies' pages of hubs),
                    every year from its first report to the last year of
                    any report here (2024): yes with the formats found
                    (html, docx, pdf, doc), or no; an agency without any
                    report has one row with no year."""
import hashlib, os, re, shutil, sys

TOP = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(TOP))
OUT = os.path.join(TOP, 'family')
CORPUS = os.path.join(REPO, 'tests', 'corpus')
LAST_YEAR = 2024

rows = []          # FAMILY.tsv
found = {}         # agency -> {year: set(formats)}
known = []         # agencies the crawl knows, in order


def know(agency):
    if agency and agency not in known:
        known.append(agency)


def add(url, kind, agency='', year='', typ='', published='', title='', code='',
        page=''):
    if kind in ('report', 'listed'):
        page = url
    rows.append((url, kind, agency, str(year), typ, published, title, code, page))


def write(url, data, enc='utf-8'):
    m = re.match(r'https?://([^/]+)(/.*)$', url)
    host, path = m.group(1), m.group(2)
    if path.endswith('/'):
        path += 'index.html' if TRS_HOSTS.get(host) else 'index.shtml'
    p = os.path.join(OUT, host, path.lstrip('/'))
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, 'wb') as f:
        f.write(data if isinstance(data, bytes) else data.encode(enc))


def copy(src, url):
    with open(src, 'rb') as f:
        write(url, f.read())


def resolve(base, ref):
    if re.match(r'https?://', ref):
        return ref
    if ref.startswith('/'):
        return re.match(r'https?://[^/]+', base).group(0) + ref
    d = base[:base.rindex('/') + 1]
    while ref.startswith('./'):
        ref = ref[2:]
    while ref.startswith('../'):
        ref = ref[3:]
        d = d[:d.rstrip('/').rindex('/') + 1]
    return d + ref


# --- report bodies: a corpus document's text and tables, rewritten -----

def corpus_body(path):
    with open(path, encoding='utf-8') as f:
        s = f.read()
    a = s.index('<div class="TRS_Editor" id="zoom">')
    a = s.index('>', a) + 1
    b = s.index('<div class="fujian">', a)
    b = s.rindex('</div>', a, b)
    return s[a:b]


BODIES = {  # template: (corpus file, its agency, its year)
    'legacy': ('synthetic/docs/syn002.html', '青岛市人民防空办公室', 2018),
    'gov2019': ('synthetic/docs/syn000.html', '青岛市发展和改革委员会', 2020),
    'gov2021': ('synthetic/docs/syn001.html', '青岛市市场监督管理局', 2021),
}


def template_of(year):
    return 'legacy' if year <= 2018 else 'gov2019' if year <= 2020 else 'gov2021'


def body(agency, year):
    src, a0, y0 = BODIES[template_of(year)]
    s = corpus_body(os.path.join(CORPUS, src)).replace(a0, agency)
    years = {str(y0 + d): str(year + d) for d in (-1, 0, 1)}
    return re.sub(r'20\d\d', lambda m: years.get(m.group(0), m.group(0)), s)


# --- the sites' layouts -------------------------------------------------

TRS_HOSTS = {'www.qdsn.gov.cn': 1, 'www.jiaozhou.gov.cn': 1}
SITE = {  # host: (site name, info line for (date, source), prints the source)
    'www.qingdao.gov.cn': ('青岛政务网', lambda d, s: '<span>青岛政务网</span> <span>发布日期 : %s</span> <span>来源 : %s</span>' % (d, s), True),
    'www.laoshan.gov.cn': ('崂山政务网', lambda d, s: '崂山政务网 发布日期:%s' % d, False),
    'www.jimo.gov.cn': ('即墨政务网', lambda d, s: '发布日期:%s' % d, False),
    'www.qingdaoshibei.gov.cn': ('市北政务网', lambda d, s: '<ul><li>市北政务网&nbsp;&nbsp;&nbsp;&nbsp;发布日期:%s&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;来源:%s</li></ul>' % (d, s), True),
    'www.qdlc.gov.cn': ('李沧政务网', lambda d, s: '%s 信息来源: %s' % (d, s), True),
    'www.chengyang.gov.cn': ('城阳政务网', lambda d, s: '<span>发布日期：%s</span>' % d, False),
    'www.xihaian.gov.cn': ('青岛西海岸新区政务网', lambda d, s: '<span>发布日期:%s</span><span>来源:%s</span>' % (d, s), True),
    'pingdu.gov.cn': ('平度政务网', lambda d, s: '发布日期:%s' % d, False),
    'www.laixi.gov.cn': ('莱西政务网', lambda d, s: '<span>%s</span> <span>来源:莱西政务网</span>' % d, True),
    'www.qdsn.gov.cn': ('市南政务网', lambda d, s: '发布时间：%s 10:30&nbsp;&nbsp;来源：%s' % (d, s), True),
    'www.jiaozhou.gov.cn': ('胶州政务网', lambda d, s: '成文日期:%s&nbsp;&nbsp;来源:市政府信息公开' % d, True),
}
IGNORED = re.compile(r'(政务网|网站|信息公开)$')


def shell(host, title, inner, head=''):
    name = SITE[host][0]
    if TRS_HOSTS.get(host):
        cs = 'gb2312' if enc(host) != 'utf-8' else 'utf-8'
        return ('<html><head><meta http-equiv="Content-Type" content="text/html; '
                'charset=%s"><title>%s</title>%s</head><body>'
                '<table class="top"><tr><td><a href="/"><img src="/images/logo.gif" '
                'alt="%s"></a></td></tr></table>'
                '<div class="dqwz">您当前的位置：<a href="/">首页</a> &gt; 信息公开 &gt; '
                '年度工作报告</div>%s</body></html>\n' % (cs, title, head, name, inner))
    return ('<!DOCTYPE html><html><head><meta charset="utf-8"><title>%s</title>%s'
            '</head><body><div class="top"><a href="/">%s</a></div><div class="position">'
            '当前位置：<a href="/">首页</a> &gt; <a href="/zwgk/">政务公开</a></div>%s'
            '</body></html>\n' % (title, head, name, inner))


def enc(host):
    return 'gb18030' if host == 'www.jiaozhou.gov.cn' else 'utf-8'


# --- pages ----------------------------------------------------------------

ids = {}


def trs_id(date, n):
    """An old TRS id: 18 digits starting yymmddhhmmss (not the date shown)."""
    return '%s%02d%04d%06d' % (date[2:4] + date[5:7] + date[8:10], 10 + n % 10,
                               n * 37 % 10000, n * 7919 % 1000000)


def report_url(column, date, n):
    host = re.match(r'https?://([^/]+)', column).group(1)
    ym = date[:4] + date[5:7]
    if TRS_HOSTS.get(host):
        return column + trs_id(date, n) + '.html'
    return '%s%s/t%s_%d.shtml' % (column, ym, date.replace('-', ''), 4000000 + n * 7)


counter = [0]


def report(column, agency, year, date, shown_source=None, files=(), url=None,
           dead=None, offsite=None, head_meta=False, column_agency=None):
    """A report page of agency for year under column: its body written for
    them; files = (corpus file, type, label) attachments; returns its URL."""
    counter[0] += 1
    n = counter[0]
    host = re.match(r'https?://([^/]+)', column).group(1)
    url = url or report_url(column, date, n)
    title = '%s%d年政府信息公开工作年度报告' % (agency, year)
    if column_agency is None:
        column_agency = agency
    src = shown_source or agency
    info = SITE[host][1](date, src)
    links = ''
    folder = url[:url.rindex('/') + 1]
    fmts = {'html'}
    for k, (f, typ, label) in enumerate(files):
        name = 'P0%s%03d%d.%s' % (date.replace('-', ''), n, k, typ)
        copy(os.path.join(CORPUS, f), folder + name)
        links += '<p>%s:<a href="./%s">%s</a></p>' % (label, name, title)
        add(folder + name, 'attachment', agency, year, typ, page=url)
        fmts.add(typ)
    if dead:
        links += '<p>word版下载:<a href="./%s">%s</a></p>' % (dead, title)
        add(folder + dead, 'error', agency, year, code='http', page=url)
    if offsite:
        links += '<p>附件：<a href="%s">%s</a></p>' % (offsite, title)
        add(offsite, 'error', agency, year, code='off_host', page=url)
    head = ''
    if head_meta:
        head = '<meta name="PubDate" content="%s 09:00">' % date
    if TRS_HOSTS.get(host):
        inner = ('<table><tr><td class="title">%s</td></tr><tr><td class="info">%s'
                 '</td></tr></table><div id="Zoom2">%s</div>%s' % (title, info,
                 body(agency, year), links))
    else:
        inner = ('<h1>%s</h1><div class="info">%s</div><div class="TRS_Editor" '
                 'id="zoom">%s</div>%s' % (title, info, body(agency, year), links))
    write(url, shell(host, title, inner, head), enc(host))
    # the doc record's AGENCY: the page's source, unless it names the
    # site (or the page prints none): then the column's agency
    shown = SITE[host][2] and IGNORED.search(src) is None
    add(url, 'report', src if shown else column_agency, year, 'html', date, title)
    found.setdefault(agency, {}).setdefault(year, set()).update(fmts)
    return url, title


def seed_report(column, agency, year, date, seed, formats, url=None):
    """A corpus seed's own page (seed 001-004: html, docx, pdf, doc) under
    column, its attachment links renamed."""
    counter[0] += 1
    n = counter[0]
    url = url or report_url(column, date, n)
    folder = url[:url.rindex('/') + 1]
    with open(os.path.join(CORPUS, 'docs', seed + '.html'), encoding='utf-8') as f:
        s = f.read()
    fmts = {'html'}
    extra = ''
    for k, typ in enumerate(formats):
        name = 'P0%s%03d%d.%s' % (date.replace('-', ''), n, k, typ)
        copy(os.path.join(CORPUS, 'docs', '%s.%s' % (seed, typ)), folder + name)
        if ('%s.%s' % (seed, typ)) in s:
            s = s.replace('href="%s.%s"' % (seed, typ), 'href="./%s"' % name)
        else:
            extra += '<p>附件：<a href="./%s">%s</a></p>' % (name, name)
        add(folder + name, 'attachment', agency, year, typ, page=url)
        fmts.add(typ)
    if extra:
        s = s.replace('<div class="fujian">', '<div class="fujian">' + extra)
    write(url, s)
    title = re.search(r'<meta name="ArticleTitle" content="([^"]*)"', s).group(1)
    source = re.search(r'<meta name="ContentSource" content="([^"]*)"', s).group(1)
    pub = re.search(r'<meta name="PubDate" content="(\d{4}-\d\d-\d\d)', s).group(1)
    add(url, 'report', source, year, 'html', pub, title)
    found.setdefault(agency, {}).setdefault(year, set()).update(fmts)
    return url, title


def listing(url, agency, items, extra='', nxt=None, pager=None, style='ul'):
    """A listing page: items (href, title, date) as the site lists them;
    nxt the next page's file name (a 下一页 link), pager a TRS script pager
    (count, ext)."""
    host = re.match(r'https?://([^/]+)', url).group(1)
    if style == 'list03':
        rows_ = ''.join('<li><a href="%s" title="%s" target="_blank">%s</a>'
                        '<span>%s</span></li>' % (h, t, t[:16] + '...' if len(t) > 16 else t,
                                                  d.replace('-', '/'))
                        for h, t, d in items)
        lst = '<div class="list03"><ul>%s</ul></div>' % rows_
    elif style == 'listChangeDiv':
        rows_ = ''.join('<tr><td><a href="%s" title="%s">%s</a></td><td>%s</td></tr>'
                        % (h, t, t, d) for h, t, d in items)
        lst = '<div id="listChangeDiv"><table>%s</table></div>' % rows_
    else:
        rows_ = ''.join('<li><a href="%s" title="%s">%s</a><span>%s</span></li>'
                        % (h, t, t, d) for h, t, d in items)
        lst = '<ul class="list">%s</ul>' % rows_
    if not items:
        lst += '<div class="nodata">暂无信息</div>'
    if nxt:
        lst += '<div class="page"><a href="./">首页</a> <a href="./%s">下一页</a></div>' % nxt
    if pager:
        lst += ('<script type="text/javascript">createPageHTML(%d, 0, "index", "%s");'
                '</script>' % pager)
    write(url, shell(host, '政府信息公开年报', lst + extra), enc(host))
    add(url, 'listing', agency)
    know(agency)


def hub(url, entries, extra='', nxt=None):
    """A hub: entries (href, text) of agencies' pages."""
    host = re.match(r'https?://([^/]+)', url).group(1)
    lst = '<ul class="bmlist">%s</ul>' % ''.join(
        '<li><a href="%s">%s</a></li>' % e for e in entries)
    if nxt:
        lst += '<div class="page"><a href="./%s">下一页</a></div>' % nxt
    write(url, shell(host, '部门信息公开', lst + extra), enc(host))
    add(url, 'hub')


def agency_page(url, agency, column=None, column_text='政府信息公开年报', extra=''):
    """An agency's page under a hub: its sections, one of them its column."""
    host = re.match(r'https?://([^/]+)', url).group(1)
    links = '<a href="./jgzn/">机构职能</a> <a href="./tzgg/">通知公告</a> '
    add(resolve(url, './jgzn/'), 'never')
    add(resolve(url, './tzgg/'), 'never')
    if column:
        links += '<a href="%s">%s</a>' % (column, column_text)
    write(url, shell(host, agency, '<div class="bmdh">%s</div>%s' % (links, extra)),
          enc(host))
    add(url, 'agency', agency)
    know(agency)


# --- the family -----------------------------------------------------------

def agencies():
    out = []
    with open(os.path.join(REPO, 'config', 'agencies.tsv'), encoding='utf-8') as f:
        for line in f:
            line = line.rstrip('\n')
            if not line or line.startswith('#') or line.startswith('agency\t'):
                continue
            out.append(line.split('\t'))
    return out


def build():
    AG = agencies()
    col = {a[0]: a[4] for a in AG}
    done = set()

    def column_of(agency):
        done.add(agency)
        return col[agency]

    Q = 'http://www.qingdao.gov.cn'
    # the city: year folders, a report without one, a 2017 report re-published
    # in 202010/, the other path family (script pager), seed 002 with its files
    c = column_of('青岛市人民政府')
    city = '青岛市人民政府'
    u24, t24 = report(c + '2024/', city, 2024, '2025-03-07', '青岛市人民政府办公厅',
                      url=c + '2024/202501/t20250121_8854725.shtml')
    listing(c + '2024/', city, [('./202501/t20250121_8854725.shtml', t24, '2025-03-07')])
    u23, t23 = report(c, city, 2023, '2024-03-07', '青岛市人民政府办公厅',
                      url=c + '202403/t20240307_7895020.shtml')
    u17, t17 = report(c + '2017/', city, 2017, '2020-10-19', '青岛市人民政府办公厅',
                      url=c + '2017/202010/t20201019_495608.shtml')
    listing(c + '2017/', city, [('./202010/t20201019_495608.shtml', t17, '2020-10-19')])
    n = Q + '/ywdt/zwzl/ndbg/'
    listing(c, city, [('./2024/', '2024年', ''), ('./202403/t20240307_7895020.shtml', t23, '2024-03-07'),
                      ('./2017/', '2017年', '')],
            extra='<div class="side"><a href="/zwgk/index.shtml">政务公开</a> '
                  '<a href="/zwgk/szfgk/">市政府信息公开</a> <a href="/ywdt/zwzl/ndbg/">'
                  '市政府信息公开工作年度报告（2018-2021）</a></div>')
    add(Q + '/zwgk/index.shtml', 'never')
    add(Q + '/zwgk/szfgk/', 'never')
    u21, t21 = report(n + '2021/', city, 2021, '2022-03-09', '青岛市人民政府办公厅',
                      url=n + '2021/202203/t20220309_4573984.shtml', column_agency='')
    listing(n + '2021/', '', [('./202203/t20220309_4573984.shtml', t21, '2022-03-09')])
    u20, t20 = seed_report(n + '2020/', city, 2020, '2021-03-09', '002_76275f96720f379e',
                           ['docx', 'pdf'], url=n + '2020/202103/t20210309_2968001.shtml')
    listing(n + '2020/', '', [], pager=(2, 'shtml'))
    listing(n + '2020/index_1.shtml', '', [('./202103/t20210309_2968001.shtml', t20, '2021-03-09')])
    u18, t18 = report(n + '2018/', city, 2018, '2020-10-19', '青岛市人民政府办公厅',
                      url=n + '2018/202010/t20201019_496818.shtml', column_agency='')
    listing(n + '2018/', '', [('./202010/t20201019_496818.shtml', t18, '2020-10-19')])
    listing(n, '', [('./2021/', '2021年度', ''), ('./2020/', '2020年度', ''), ('./2018/', '2018年度', '')])

    # city departments under /zwgk/xxgk/<code>/gzbg/
    c = column_of('青岛市人民政府办公厅')
    a = '青岛市人民政府办公厅'
    r1 = report(c, a, 2020, '2021-02-10', url=c + '202102/t20210210_2968082.shtml')
    r2 = report(c, a, 2021, '2022-01-30', url=c + '202201/t20220130_4298357.shtml')
    listing(c, a, [('./202201/t20220130_4298357.shtml', r2[1], '2022-01-30'),
                   ('./202102/t20210210_2968082.shtml', r1[1], '2021-02-10')])
    c = column_of('青岛市人民政府国有资产监督管理委员会')
    a = '青岛市人民政府国有资产监督管理委员会'
    s1 = seed_report(c, a, 2020, '2021-02-11', '001_967186fe634bba4e', ['docx', 'pdf'])
    # a page without a date folder: tnull_<docid>.shtml
    s2 = report(c, a, 2021, '2022-01-25', url=c + 'tnull_58211.shtml')
    listing(c, a, [(s2[0], s2[1], '2022-01-25'), (s1[0], s1[1], '2021-02-11')])
    c = column_of('青岛高新技术产业开发区管理委员会')
    a = '青岛高新技术产业开发区管理委员会'
    s1 = seed_report(c, a, 2020, '2021-02-09', '004_107c488a6d9a59ea', ['docx', 'pdf'])
    listing(c, a, [(s1[0], s1[1], '2021-02-09')])
    c = column_of('青岛市卫生健康委员会')
    a = '青岛市卫生健康委员会'
    r1 = report(c, a, 2022, '2023-01-20')
    listing(c, a, [(r1[0], r1[1], '2023-01-20')], nxt='index_1.shtml')
    r2 = report(c, a, 2021, '2022-01-21')
    listing(c + 'index_1.shtml', a, [(r2[0], r2[1], '2022-01-21')])
    c = column_of('青岛市财政局')
    a = '青岛市财政局'
    r1 = report(c, a, 2019, '2020-01-31')
    listing(c, a, [(r1[0], r1[1], '2020-01-31')])
    for g in AG:
        if g[1] == 'department' and g[4] and g[0] not in done:
            listing(column_of(g[0]), g[0], [])   # a column without any report

    # 市南区: old TRS, 发布时间, #listChangeDiv rows, index.html -> index_1.html -> index_2.html
    c = column_of('青岛市市南区人民政府')
    a = '青岛市市南区人民政府'
    rs = [report(c, a, y, d) for y, d in ((2023, '2024-01-26'), (2021, '2022-01-28'),
                                           (2020, '2021-01-29'), (2019, '2020-01-20'))]
    listing(c, a, [(r[0].rsplit('/', 1)[1], r[1], d) for r, d in zip(rs[:1], ['2024-01-26'])],
            nxt='index_1.html', style='listChangeDiv')
    listing(c + 'index_1.html', a, [(rs[1][0].rsplit('/', 1)[1], rs[1][1], '2022-01-28'),
                                     (rs[2][0].rsplit('/', 1)[1], rs[2][1], '2021-01-29')],
            nxt='index_2.html', style='listChangeDiv')
    listing(c + 'index_2.html', a, [(rs[3][0].rsplit('/', 1)[1], rs[3][1], '2020-01-20')],
            style='listChangeDiv')

    # 市北区: a column named with the site's number; a dead Word link
    c = column_of('青岛市市北区人民政府')
    a = '青岛市市北区人民政府'
    r1 = report(c, a, 2022, '2023-02-19', '区政府办公室', url=c + '202302/t20230220_6989770.shtml',
                dead='P020230220000001.docx')
    r2 = report(c, a, 2021, '2022-02-18', '区政府办公室')
    listing(c, a, [('./202302/t20230220_6989770.shtml', r1[1], '2023-02-19'),
                   (r2[0], r2[1], '2022-02-18')])

    # 李沧区: a bare date before 信息来源; a hub of departments
    L = 'http://www.qdlc.gov.cn'
    c = column_of('青岛市李沧区人民政府')
    a = '青岛市李沧区人民政府'
    r1 = report(c, a, 2023, '2024-02-06', '李沧区人民政府', url=c + '202402/t20240206_7830394.shtml')
    listing(c, a, [('./202402/t20240206_7830394.shtml', r1[1], '2024-02-06')])
    c = column_of('李沧区发展和改革局')
    a = '李沧区发展和改革局'
    r1 = report(c, a, 2017, '2022-03-16', '李沧区发展和改革局',
                url=c + '202203/t20220316_4884727.shtml')
    r2 = report(c, a, 2021, '2022-01-27', '李沧区发展和改革局')
    listing(c, a, [(r2[0], r2[1], '2022-01-27'), ('./202203/t20220316_4884727.shtml', r1[1], '2022-03-16')])
    h = L + '/zfxxgk_10/bmxxgk_10/'
    agency_page(h + 'lcqfgj_10/', '李沧区发展和改革局', './xxgkndgzbg_10/', '信息公开年度报告')
    cz = h + 'lcqczj_10/xxgkndgzbg_10/'
    agency_page(h + 'lcqczj_10/', '李沧区财政局', './xxgkndgzbg_10/', '信息公开年度报告')
    r1 = report(cz, '李沧区财政局', 2022, '2023-01-30', '李沧区财政局')
    listing(cz, '李沧区财政局', [(r1[0], r1[1], '2023-01-30')])
    hub(h, [('./lcqfgj_10/', '区发展和改革局'), ('./lcqczj_10/', '李沧区财政局')],
        extra='<div class="news"><a href="./202301/t20230105_1.shtml">关于开展政务公开'
              '检查的通知</a></div>')
    add(h + '202301/t20230105_1.shtml', 'never')

    # 崂山区: a hub; one department with its column (2023, 2024), one
    # without any column
    h = 'http://www.laoshan.gov.cn/zfxxgk/bmxxgk/qgzbm/'
    c = column_of('崂山区行政审批服务局')
    a = '崂山区行政审批服务局'
    r1 = report(c, a, 2024, '2025-01-13', url=c + '202501/t20250113_8816726.shtml')
    r2 = report(c, a, 2023, '2024-01-15')
    listing(c, a, [('./202501/t20250113_8816726.shtml', r1[1], '2025-01-13'),
                   (r2[0], r2[1], '2024-01-15')])
    agency_page(h + 'qxzsp/', '崂山区行政审批服务局', './gknb/')
    agency_page(h + 'qczj/', '崂山区财政局')
    hub(h, [('./qxzsp/', '区行政审批服务局'), ('./qczj/', '崂山区财政局')])

    # 城阳区
    c = column_of('青岛市城阳区人民政府')
    a = '青岛市城阳区人民政府'
    r1 = report(c, a, 2021, '2022-03-11', url=c + '202203/t20220311_4747579.shtml')
    r2 = report(c, a, 2022, '2023-03-10')
    listing(c, a, [(r2[0], r2[1], '2023-03-10'), ('./202203/t20220311_4747579.shtml', r1[1], '2022-03-11')])

    # 西海岸新区 (https): hubs of departments and streets; seed 003 (商务局,
    # every format) under a department found by the hub only; an off-host
    # attachment
    X = 'https://www.xihaian.gov.cn'
    c = column_of('青岛西海岸新区行政审批服务局')
    a = '青岛西海岸新区行政审批服务局'
    r1 = report(c, a, 2021, '2022-01-21', url=c + '202201/t20220121_4269225.shtml',
                offsite='http://www.shandong.gov.cn/art/2022/1/21/P0001.pdf')
    listing(c, a, [('./202201/t20220121_4269225.shtml', r1[1], '2022-01-21')])
    sw = X + '/zwgk/bmgk/swj/gzbg/'
    a = '青岛西海岸新区商务局'
    s1 = seed_report(sw, a, 2018, '2019-01-29', '003_937a84458300fa66', ['docx', 'pdf', 'doc'])
    listing(sw, a, [(s1[0], s1[1], '2019-01-29')])
    agency_page(X + '/zwgk/bmgk/xzsp/', '青岛西海岸新区行政审批服务局', './gzbg/')
    agency_page(X + '/zwgk/bmgk/swj/', a, './gzbg/', '工作报告')
    done.add(a)
    hub(X + '/zwgk/bmgk/', [('./xzsp/', '行政审批服务局'), ('./swj/', '青岛西海岸新区商务局')])
    c = column_of('青岛西海岸新区黄岛街道办事处')
    a = '青岛西海岸新区黄岛街道办事处'
    r1 = report(c, a, 2022, '2023-01-20', url=c + '202301/t20230120_6818381.shtml')
    listing(c, a, [('./202301/t20230120_6818381.shtml', r1[1], '2023-01-20')])
    j = X + '/zwgk/jzgk/'
    agency_page(j + 'hdjd/', a, './gzbg/')
    agency_page(j + 'xjdjd/', '青岛西海岸新区薛家岛街道办事处', './gzbg/')
    listing(j + 'xjdjd/gzbg/', '青岛西海岸新区薛家岛街道办事处', [])
    hub(j, [('./hdjd/', '黄岛街道'), ('./xjdjd/', '青岛西海岸新区薛家岛街道办事处')])

    # 即墨区: the district's column with holes; hubs of departments and
    # streets, the streets' hub on two pages; robots.txt keeps one out
    J = 'http://www.jimo.gov.cn'
    c = column_of('青岛市即墨区人民政府')
    a = '青岛市即墨区人民政府'
    r1 = report(c, a, 2022, '2023-02-14', url=c + '202302/t20230214_6853767.shtml')
    r2 = report(c, a, 2021, '2022-02-15')
    r3 = report(c, a, 2019, '2020-02-14')
    listing(c, a, [('./202302/t20230214_6853767.shtml', r1[1], '2023-02-14'),
                   (r2[0], r2[1], '2022-02-15'), (r3[0], r3[1], '2020-02-14')])
    c = column_of('青岛市即墨区发展和改革局')
    a = '青岛市即墨区发展和改革局'
    r1 = report(c, a, 2023, '2024-01-11', url=c + '202401/t20240111_7784519.shtml')
    listing(c, a, [('./202401/t20240111_7784519.shtml', r1[1], '2024-01-11')])
    agency_page(J + '/zwgk/bmxxgk/fgj/', a, './gknb/', '政府信息公开年报',
                extra='<div class="side"><a href="/zwgk/zfxxgknb/">区政府信息公开年报</a></div>')
    hub(J + '/zwgk/bmxxgk/', [('./fgj/', '区发展和改革局')])
    z = J + '/zwgk/zjxxgk/'
    c = column_of('青岛市即墨区潮海街道办事处')
    a = '青岛市即墨区潮海街道办事处'
    r1 = report(c, a, 2021, '2022-01-14', url=c + '202201/t20220114_4229849.shtml')
    r2 = report(c, a, 2022, '2023-01-13', url=c + '202301/t20230113_6604059.shtml')
    listing(c, a, [('./202301/t20230113_6604059.shtml', r2[1], '2023-01-13'),
                   ('./202201/t20220114_4229849.shtml', r1[1], '2022-01-14')])
    agency_page(z + 'chjd/', a, './gknb/')
    c = column_of('青岛市即墨区环秀街道办事处')
    a = '青岛市即墨区环秀街道办事处'
    r1 = report(c, a, 2022, '2023-01-11', url=c + '202301/t20230111_6600794.shtml')
    listing(c, a, [('./202301/t20230111_6600794.shtml', r1[1], '2023-01-11')])
    agency_page(z + 'hxjd/', a, './gknb/')
    c = column_of('青岛市即墨区鳌山卫街道办事处')
    a = '青岛市即墨区鳌山卫街道办事处'
    r1 = report(c, a, 2020, '2021-01-29', url=c + '202109/t20210929_3400741.shtml')
    listing(c, a, [('./202109/t20210929_3400741.shtml', r1[1], '2021-01-29')])
    agency_page(z + 'aswjd/', a, './gknb/')
    hub(z, [('./chjd/', '潮海街道'), ('./hxjd/', '环秀街道')], nxt='index_1.shtml')
    write(z + 'index_1.shtml', shell('www.jimo.gov.cn', '镇街信息公开',
          '<ul class="bmlist"><li><a href="./aswjd/">鳌山卫街道</a></li>'
          '<li><a href="./private/">内部</a></li></ul>'))
    add(z + 'index_1.shtml', 'hub')
    add(z + 'private/', 'error', code='robots')
    write(J + '/robots.txt', 'User-agent: *\nDisallow: /zwgk/zjxxgk/private/\n')

    # 胶州市: old TRS in GBK, 成文日期, 来源:市政府信息公开 (the column's
    # name, not the agency), list03 rows with a@title
    c = column_of('胶州市人民政府')
    a = '胶州市人民政府'
    r1 = report(c, a, 2014, '2015-02-12', '市政府信息公开',
                url=c + '161004024258506762.html', head_meta=True)
    r2 = report(c, a, 2019, '2020-02-28', '市政府信息公开')
    listing(c, a, [(r2[0].rsplit('/', 1)[1], r2[1], '2020-02-28'),
                   ('161004024258506762.html', r1[1], '2015-02-12')], style='list03')

    # 平度市: columns with the site's number; a hub; a department's column
    # that lists its report file itself (syn003, 平度市卫生健康局 2017)
    P = 'http://pingdu.gov.cn'
    c = column_of('平度市人民政府办公室')
    a = '平度市人民政府办公室'
    r1 = report(c, a, 2020, '2021-01-28', url=c + '202101/t20210128_5845924.shtml')
    r2 = report(c, a, 2022, '2023-01-30')
    listing(c, a, [(r2[0], r2[1], '2023-01-30'), ('./202101/t20210128_5845924.shtml', r1[1], '2021-01-28')])
    h = P + '/bmxxgkml_15/'
    agency_page(h + 'pdszfbgs_15/', a, './xxgkml_15/ndgzbg_15/', '年度工作报告')
    wj = h + 'pdswjj_15/xxgkml_15/ndgzbg_15/'
    a = '平度市卫生健康局'
    name = 'P020180212345678.docx'
    copy(os.path.join(CORPUS, 'synthetic', 'docs', 'syn003.docx'), wj + '201802/' + name)
    t = '平度市卫生健康局2017年政府信息公开工作年度报告'
    add(wj + '201802/' + name, 'listed', a, 2017, 'docx', '2018-02-12', t)
    found.setdefault(a, {}).setdefault(2017, set()).add('docx')
    listing(wj, a, [('./201802/' + name, t, '2018-02-12')])
    agency_page(h + 'pdswjj_15/', a, './xxgkml_15/ndgzbg_15/', '年度工作报告')
    done.add(a)
    hub(h, [('./pdszfbgs_15/', '市政府办公室'), ('./pdswjj_15/', '平度市卫生健康局')])

    # 莱西市: a bare date before 来源:莱西政务网 (the site, not the agency)
    c = column_of('莱西市人民政府')
    a = '莱西市人民政府'
    r1 = report(c, a, 2014, '2022-03-30', '莱西政务网', url=c + '202203/t20220330_5137037.shtml')
    r2 = report(c, a, 2020, '2021-01-29', '莱西政务网')
    listing(c, a, [(r2[0], r2[1], '2021-01-29'), ('./202203/t20220330_5137037.shtml', r1[1], '2022-03-30')],
            extra='<div class="links"><a href="http://www.yantai.gov.cn/col/col1/index.html">'
                  '烟台市政府信息公开年报</a></div>')
    add('http://www.yantai.gov.cn/col/col1/index.html', 'never')

    missing = [g[0] for g in AG if g[4] and g[0] not in done]
    if missing:
        sys.exit('mkfamily.py: no pages for the columns of ' + ', '.join(missing))
    for g in AG:
        know(g[0])


def main():
    if os.path.exists(OUT):
        shutil.rmtree(OUT)
    build()
    for host in SITE:
        rb = os.path.join(OUT, host, 'robots.txt')
        if not os.path.exists(rb):
            write('http://%s/robots.txt' % host, 'User-agent: *\nDisallow:\n')
    with open(os.path.join(TOP, 'FAMILY.tsv'), 'w', encoding='utf-8') as f:
        f.write('url\tkind\tagency\tyear\ttype\tpublished\ttitle\tcode\tpage\n')
        for r in rows:
            f.write('\t'.join(r) + '\n')
    with open(os.path.join(TOP, 'COVERAGE.tsv'), 'w', encoding='utf-8') as f:
        f.write('agency\tyear\tfound\tformats\n')
        for a in known:
            years = found.get(a, {})
            if not years:
                f.write('%s\t\tno\t\n' % a)
                continue
            for y in range(min(years), LAST_YEAR + 1):
                if y in years:
                    f.write('%s\t%d\tyes\t%s\n' % (a, y, ','.join(sorted(years[y]))))
                else:
                    f.write('%s\t%d\tno\t\n' % (a, y))


if __name__ == '__main__':
    main()
