#!/bin/sh
# End to end: a hand-made HTML page whose table 三 has an eighth column,
# 法人或其他组织小计 — once after 其他, once after 自然人 (a second-row cell
# spanning two rows) — through gk-extract and gk-transform.  Every figure
# lands under its applicant, 总计 under total, and the 小计 is no metric.
# (The table's single （六）其他处理 row says its form is gov2019.)
set -u
bin=${GK_BIN:-bin}
t=$(mktemp -d); trap 'rm -rf "$t"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

page() {	# $1 = after_other | after_person
	if [ "$1" = after_other ]; then
		h2='<td rowspan="2">自然人</td><td colspan="6">法人或其他组织</td><td rowspan="2">总计</td>'
		h3='<td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td><td>小计</td>'
		r1='<td>1</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>20</td><td>21</td>'
		r2='<td>7</td><td>8</td><td>9</td><td>10</td><td>11</td><td>12</td><td>50</td><td>57</td>'
	else
		h2='<td rowspan="2">自然人</td><td rowspan="2">法人或其他组织小计</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td>'
		h3='<td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td>'
		r1='<td>1</td><td>20</td><td>2</td><td>3</td><td>4</td><td>5</td><td>6</td><td>21</td>'
		r2='<td>7</td><td>50</td><td>8</td><td>9</td><td>10</td><td>11</td><td>12</td><td>57</td>'
	fi
	cat <<HTML
<!DOCTYPE html>
<html><head><meta charset="utf-8"><title>某区2020年政府信息公开工作年度报告</title></head>
<body><h1>某区2020年政府信息公开工作年度报告</h1>
<p>三、收到和处理政府信息公开申请情况</p>
<table border="1">
<tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="8">申请人情况</td></tr>
<tr>$h2</tr>
<tr>$h3</tr>
<tr><td colspan="3">一、本年新收政府信息公开申请数量</td>$r1</tr>
<tr><td colspan="3">二、上年结转政府信息公开申请数量</td>$r2</tr>
<tr><td colspan="3">（六）其他处理</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr>
</table></body></html>
HTML
}

for v in after_other after_person; do
	page $v >"$t/$v.html"
	"$bin/gk-fetch" "$t/$v.html" | "$bin/gk-extract" | "$bin/gk-transform" >"$t/$v.out"
	got=$(awk -F'\t' '$1 == "metric" { printf "%s=%s ", $3, $4 }' "$t/$v.out")
	want="requests.new.person=1 requests.new.business=2 requests.new.research=3 requests.new.nonprofit=4 requests.new.legal=5 requests.new.other_org=6 requests.new.total=21 requests.carried_in.person=7 requests.carried_in.business=8 requests.carried_in.research=9 requests.carried_in.nonprofit=10 requests.carried_in.legal=11 requests.carried_in.other_org=12 requests.carried_in.total=57 requests.other.person=0 requests.other.business=0 requests.other.research=0 requests.other.nonprofit=0 requests.other.legal=0 requests.other.other_org=0 requests.other.total=0 "
	[ "$got" = "$want" ] || fail "$v: got $got"
	grep -q "$(printf '^check\t[^\t]*\trow_total\t')" "$t/$v.out" &&
	    fail "$v: row_total fails: $(grep row_total "$t/$v.out")"
done
echo ok
