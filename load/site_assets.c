/*
 * site_assets.c: the site's style sheet and its one script.
 *
 * The style reads at 390 px (a phone) and 1366 px: a table scrolls inside
 * its box (.scroll) rather than widening the page, charts shrink to the
 * width.  The script filters the report list of index.html by the JSON
 * index in site/index.js (loaded by a <script> tag, so that it works from
 * file:// where a browser refuses to fetch a local JSON file); without it
 * the list is all there, unfiltered.
 */
#include <stdio.h>

#include "site.h"

static const char css[] =
"*{box-sizing:border-box}\n"
"html{-webkit-text-size-adjust:100%}\n"
"body{font-family:system-ui,\"Noto Sans CJK SC\",\"WenQuanYi Micro Hei\","
"sans-serif;margin:0;color:#1d1d1f;line-height:1.45;background:#fff}\n"
"header{background:#17324d;padding:.5em 1em}\n"
"header nav{max-width:76em;margin:0 auto;display:flex;flex-wrap:wrap;"
"gap:.3em 1.1em}\n"
"header a{color:#fff;text-decoration:none}\nheader a.home{font-weight:600;"
"margin-right:auto}\n"
"main{max-width:76em;margin:0 auto;padding:.5em 1em 2em}\n"
"footer{max-width:76em;margin:0 auto;padding:1em;color:#555;"
"font-size:.9em;border-top:1px solid #ddd}\n"
"h1{font-size:1.5em;margin:.6em 0 .3em}\nh2{font-size:1.2em;"
"margin:1.4em 0 .4em}\nh3{font-size:1.05em;margin:1.1em 0 .3em}\n"
"a{color:#0b57a4}\n"
".scroll{max-width:100%;overflow-x:auto;-webkit-overflow-scrolling:touch;"
"margin:.4em 0 1.2em}\n"
".chart svg{max-width:100%;height:auto}\n"
"table{border-collapse:collapse;font-size:.92em}\n"
"th,td{border:1px solid #cfd6de;padding:.25em .5em;text-align:left;"
"vertical-align:top}\n"
"thead th{background:#eef2f6;white-space:nowrap}\n"
"td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}\n"
"td.blank{background:repeating-linear-gradient(45deg,#fff,#fff 4px,"
"#f1f1f1 4px,#f1f1f1 8px);color:#888}\n"
"td.nan{background:#fff7e0}\ntd.fail{background:#fde2e1;"
"outline:2px solid #c62828;outline-offset:-2px}\n"
"td.missing{background:#f4f4f4;color:#999}\n"
"th.sub{font-weight:normal;padding-left:1.4em}\ntr.group th{background:#f7f9fb}\n"
"table.failures td,#agency-reports td,#agencies td,#coverage th,"
"#series td{white-space:nowrap}\n"
"sup.m{color:#c62828;font-weight:600}\nsup.o{color:#6a1b9a}\n"
".badge{display:inline-block;padding:0 .45em;border-radius:.8em;"
"font-size:.85em;background:#e6f4ea;color:#1e6b34;white-space:nowrap}\n"
".badge.bad{background:#fde2e1;color:#a31515}\n"
".meta{display:grid;grid-template-columns:max-content 1fr;gap:.15em 1em;"
"margin:.5em 0}\n.meta dt{color:#555}\n.meta dd{margin:0;"
"overflow-wrap:anywhere}\n"
"#filters{display:flex;flex-wrap:wrap;gap:.5em;align-items:center;"
"margin:.6em 0}\n"
"#filters input[type=search]{flex:1 1 16em;min-width:0;padding:.35em;"
"font-size:1em}\n#filters select{max-width:100%;padding:.3em}\n"
"#shown{color:#555}\n.legend span{margin-right:1em;white-space:nowrap}\n"
"td.hole{background:#fff0c2;text-align:center}\n"
"td.have{background:#e6f4ea;text-align:center}\n"
"td.none{background:#fafafa}\n"
"ol.notes li{margin:.2em 0}\n.url{overflow-wrap:anywhere;"
"word-break:break-all}\n"
"[hidden]{display:none!important}\n"
"@media (max-width:600px){#report-list thead{display:none}"
"#report-list,#report-list tbody,#report-list tr{display:block}"
"#report-list tr{border-bottom:1px solid #cfd6de;padding:.45em 0}"
"#report-list td{display:inline;border:0;padding:0 .4em 0 0}"
"#report-list td:nth-child(3){display:block;padding:.1em 0}}\n"
"@media (max-width:600px){main{padding:.3em .6em 1.5em}h1{font-size:1.25em}"
"table{font-size:.85em}th,td{padding:.2em .35em}.meta{grid-template-columns:"
"1fr}.meta dt{font-weight:600;margin-top:.3em}}\n";

static const char js[] =
"/* gk: the report list of index.html filtered by site/index.js. */\n"
"(function () {\n"
"  'use strict';\n"
"  var ix = window.GK_INDEX;\n"
"  if (!ix) return;\n"
"  var q = document.getElementById('q'), ag = document.getElementById('f-agency'),\n"
"      yr = document.getElementById('f-year'), tp = document.getElementById('f-template'),\n"
"      fl = document.getElementById('f-failing'), shown = document.getElementById('shown');\n"
"  function fill(sel, values) {\n"
"    values.forEach(function (v) {\n"
"      var o = document.createElement('option'); o.value = v; o.textContent = v; sel.appendChild(o);\n"
"    });\n"
"  }\n"
"  function uniq(f) {\n"
"    var seen = {}, out = [];\n"
"    ix.reports.forEach(function (r) { var v = r[f]; if (v !== '' && !seen[v]) { seen[v] = 1; out.push(v); } });\n"
"    return out.sort();\n"
"  }\n"
"  fill(ag, uniq('agency')); fill(yr, uniq('year').reverse()); fill(tp, uniq('template'));\n"
"  function norm(s) { return String(s).toLowerCase().replace(/\\s+/g, ''); }\n"
"  ix.reports.forEach(function (r) {\n"
"    r._text = norm([r.id, r.agency, r.year, r.template, r.title, r.checks.join(' ')].join(' '));\n"
"  });\n"
"  function apply() {\n"
"    var words = q.value.trim().split(/\\s+/).filter(Boolean).map(norm), n = 0;\n"
"    ix.reports.forEach(function (r) {\n"
"      var ok = (!ag.value || r.agency === ag.value) && (!yr.value || r.year === yr.value) &&\n"
"          (!tp.value || r.template === tp.value) && (!fl.checked || r.failed > 0) &&\n"
"          words.every(function (w) { return r._text.indexOf(w) >= 0; });\n"
"      var tr = document.getElementById('r-' + r.id);\n"
"      if (tr) tr.hidden = !ok;\n"
"      if (ok) n++;\n"
"    });\n"
"    shown.textContent = n + ' of ' + ix.reports.length + ' reports';\n"
"  }\n"
"  [q, ag, yr, tp, fl].forEach(function (e) { e.addEventListener('input', apply); e.addEventListener('change', apply); });\n"
"  var m = /[#&]q=([^&]*)/.exec(location.hash);\n"
"  if (m) q.value = decodeURIComponent(m[1]);\n"
"  apply();\n"
"})();\n";

int
site_assets(const struct site *s)
{
	FILE *fp;

	if ((fp = site_open(s, "gk.css")) == NULL)
		return -1;
	fputs(css, fp);
	if (site_close(fp, "gk.css") == -1)
		return -1;
	if ((fp = site_open(s, "gk.js")) == NULL)
		return -1;
	fputs(js, fp);
	return site_close(fp, "gk.js");
}
