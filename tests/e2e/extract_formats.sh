#!/bin/sh
# gk-extract end to end.
# 1. A batch of bad inputs (empty file, truncated .docx, a PNG, an .xlsx
#    with no sheet, an OFD package, an OLE2 file of WPS's own data, a zip
#    that is no docx, a missing file, a file past GK_MAX_FILE, a malformed
#    line) between good
#    ones: each bad document gets exactly one `error` record with the right
#    code, the good page after them is read whole, unknown records and
#    comments pass through, a document whose fetch failed is skipped, an
#    unchanged one is read, and
#    the exit status is 1.
# 2. The seed reports: the .html page and the .docx were made from one
#    table layout, so their cells (TABLE ROW COL ROWSPAN COLSPAN TEXT) must
#    be identical.
# 3. The blank official form (tests/realworld/docs/form2021.docx): every
#    figure cell comes out empty at its grid position, merges resolved.
set -u
bin=${GK_BIN:-bin}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
command -v python3 >/dev/null || { echo "python3 not installed"; exit 77; }

# --- 1. bad inputs ---------------------------------------------------------
: >"$tmp/empty.html"
truncate -s 65M "$tmp/big.html"	# past GK_MAX_FILE (64 MiB)
head -c 9000 tests/corpus/docs/000_0e252554ad65cb5c.docx >"$tmp/trunc.docx"
printf '\211PNG\r\n\032\n\0\0\0\rIHDR' >"$tmp/pic.png"
cp tests/site/www/zwgk/qxgk/ndbg/202203/P02022030200021.wps "$tmp/own.wps"
python3 - "$tmp" <<'PY'
import sys, zipfile
d = sys.argv[1]
with zipfile.ZipFile(d + '/book.xlsx', 'w') as z:
    z.writestr('[Content_Types].xml', '<Types/>')
    z.writestr('xl/workbook.xml', '<workbook/>')
with zipfile.ZipFile(d + '/report.ofd', 'w') as z:
    z.writestr('OFD.xml', '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>')
    z.writestr('Doc_0/Document.xml', '<x/>')
with zipfile.ZipFile(d + '/nodoc.docx', 'w') as z:
    z.writestr('word/document2.xml', '<x/>')
    z.writestr('word/document.xml.rels', '<x/>')
PY
good=tests/corpus/docs/002_76275f96720f379e.html
"$bin/gk-fetch" "$tmp/empty.html" "$tmp/trunc.docx" "$tmp/pic.png" \
    "$tmp/book.xlsx" "$tmp/report.ofd" \
    "$tmp/own.wps" \
    "$tmp/nodoc.docx" "$good" >"$tmp/in" ||
    fail "gk-fetch failed"
{
	cat "$tmp/in"
	printf 'para\tonly-two\n'
	printf '# a comment\n'
	printf 'widget\tx\ty\n'
	printf 'doc\tMISSING\tu\tp\t%s/nope\t\t\thtml\t\t\t\t\tnew\n' "$tmp"
	printf 'doc\tSKIPPED\tu\tp\t%s/nope\t\t\thtml\t\t\t\t\tfailed\n' "$tmp"
	printf 'doc\tBIG\tu\tp\t%s/big.html\t\t\thtml\t\t\t\t\tnew\n' "$tmp"
	printf 'doc\tSAME\tu\tp\t%s\t\t\thtml\t\t\t\t\tunchanged\n' "$good"
	tail -n 1 "$tmp/in"	# the good page again, after the bad lines
} >"$tmp/batch"
"$bin/gk-extract" <"$tmp/batch" >"$tmp/out" 2>"$tmp/err"
rc=$?
[ "$rc" -eq 1 ] || fail "exit status $rc, expected 1"

# The error record that follows each doc record, by file name.
python3 - "$tmp" <<'PY' || exit 1
import sys
d = sys.argv[1]
want = {
    d + '/empty.html': 'no_text',
    d + '/trunc.docx': 'corrupt',
    d + '/pic.png': 'unsupported',
    d + '/book.xlsx': 'no_text',
    d + '/report.ofd': 'unsupported',
    d + '/own.wps': 'unsupported',
    d + '/nodoc.docx': 'corrupt',
    d + '/nope': 'open_failed',
    d + '/big.html': 'too_big',
}
recs = [l.rstrip('\n').split('\t') for l in open(d + '/out', encoding='utf-8')]
docs = {}
cur = None
for r in recs:
    if r[0] == 'doc':
        cur = r[1]
        docs.setdefault(cur, {'file': r[4], 'status': r[12], 'err': [],
                              'para': 0, 'cell': 0, 'n': 0})
        docs[cur]['n'] += 1
    elif r[0] in ('para', 'cell', 'error') and r[1] in docs:
        if r[0] == 'error':
            docs[r[1]]['err'].append(r[3])
        else:
            docs[r[1]][r[0]] += 1
bad = 0
for doc, v in docs.items():
    if v['status'] == 'failed':
        if v['err'] or v['para'] or v['cell']:
            print('FAIL: a failed fetch was extracted:', doc); bad = 1
        continue
    if v['file'] in want:
        if v['err'] != [want[v['file']]] or v['para'] or v['cell']:
            print('FAIL:', v['file'], v, 'want', want[v['file']]); bad = 1
    elif doc == 'SAME':		# unchanged documents are read too
        if v['err'] or v['cell'] != 285:
            print('FAIL: the unchanged page:', v); bad = 1
    elif v['err'] or v['n'] != 2 or v['cell'] != 2 * 285 or v['para'] < 80:
        print('FAIL: the good page:', v); bad = 1
if 'bad_record' not in [r[3] for r in recs if r[0] == 'error']:
    print('FAIL: no bad_record error'); bad = 1
if ['# a comment'] not in recs or ['widget', 'x', 'y'] not in recs:
    print('FAIL: comment or unknown record not passed through'); bad = 1
# every doc record of the input comes out, in order
ins = [l.split('\t')[1] for l in open(d + '/batch', encoding='utf-8')
       if l.startswith('doc\t')]
outs = [r[1] for r in recs if r[0] == 'doc']
if ins != outs:
    print('FAIL: doc records', ins, outs); bad = 1
sys.exit(bad)
PY
grep -q 'corrupt' "$tmp/err" || fail "no warning on stderr"
grep -q 'OFD document (GB/T 33190 fixed-layout format): not read' "$tmp/out" ||
    fail "the OFD error does not name the format"
grep -q "a WPS Writer file in WPS's own format" "$tmp/out" ||
    fail "the WPS error does not name the format"

# --- 2. html and docx of each seed give the same cells ---------------------
for f in tests/corpus/docs/*.html; do
	id=$(basename "$f" .html)
	for ext in html docx; do
		"$bin/gk-fetch" "tests/corpus/docs/$id.$ext" | "$bin/gk-extract" |
		    awk -F'\t' '$1 == "cell"' | cut -f4-9 >"$tmp/$id.$ext"
	done
	[ -s "$tmp/$id.html" ] || fail "$id.html: no cells"
	cmp -s "$tmp/$id.html" "$tmp/$id.docx" || {
		diff "$tmp/$id.html" "$tmp/$id.docx" | head -20
		fail "$id: html and docx cells differ"
	}
done

# --- 3. the blank form: empty figure cells on the grid ---------------------
"$bin/gk-fetch" tests/realworld/docs/form2021.docx | "$bin/gk-extract" |
    awk -F'\t' '$1 == "cell"' | cut -f4-9 >"$tmp/form"
python3 - "$tmp/form" <<'PY' || exit 1
import sys
cells = {}
for l in open(sys.argv[1], encoding='utf-8'):
    t, r, c, rs, cs, text = l.rstrip('\n').split('\t')
    cells[(int(t), int(r), int(c))] = (int(rs), int(cs), text)
bad = 0
def want(key, rs, cs, text):
    global bad
    if cells.get(key) != (rs, cs, text):
        print('FAIL: cell', key, cells.get(key), 'want', (rs, cs, text)); bad = 1
want((1, 0, 0), 1, 4, '第二十条第（一）项')
want((1, 2, 0), 1, 1, '规章')
want((1, 6, 1), 1, 3, '')
want((2, 0, 0), 3, 3, '（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）')
want((2, 1, 3), 2, 1, '自然人')
want((2, 1, 9), 2, 1, '总计')
want((2, 5, 0), 22, 1, '三、本年度办理结果')
want((2, 7, 1), 8, 1, '（三）不予公开')
want((2, 26, 1), 1, 2, '（七）总计')
want((3, 1, 0), 2, 1, '结果维持')
want((3, 3, 14), 1, 1, '')
# every figure cell of the three tables: empty, one grid cell each
figs = {1: [(r, c) for r in (2, 3) for c in (1, 2, 3)] +
           [(r, 1) for r in (6, 9, 10, 13)],
        2: [(r, c) for r in range(3, 28) for c in range(3, 10)],
        3: [(3, c) for c in range(15)]}
n = 0
for t, keys in figs.items():
    for r, c in keys:
        v = cells.get((t, r, c))
        if v is None or v[2] != '':
            print('FAIL: figure cell', (t, r, c), v); bad = 1
        n += 1
if n != 10 + 175 + 15:
    print('FAIL: counted', n); bad = 1
if len(cells) != 279:
    print('FAIL: %d cells, want 279' % len(cells)); bad = 1
sys.exit(bad)
PY
echo "ok: bad inputs, html = docx on the seeds, blank form grid"
