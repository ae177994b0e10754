"""``--output-format html``: the article with every finding highlighted in place.

One self-contained page (inline CSS and JS, no network): the text of each file with
findings marked (colour by family), the message, suggestion and fix on hover or focus
and in a side list, counts by family, severity and rule filters and keyboard
navigation (j/k or the arrow keys). A rule that fires all through a file is one
collapsible group after the other findings; whitespace in a fix shows as ``·``.
A pure function of the results.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from html import escape

from qa.diagnostic import Diagnostic
from qa.families import FAMILIES
from qa.meta import RuleMeta
from qa.report import FileResult
from qa.report.grouping import split
from qa.report.options import DEFAULT, ReportOptions
from qa.report.summary import plural, summary_line
from qa.report.text import fix_change

SEVERITIES = ("error", "warning", "info")

_CSS = """
:root{--fg:#1c2833;--muted:#5d6d7e;--bg:#fdfefe;--panel:#f4f6f7;--line:#d5dbdb}
*{box-sizing:border-box}
body{margin:0;color:var(--fg);background:var(--bg);line-height:1.6;
 font-family:"Noto Sans Devanagari","Noto Sans","Mukta","Hind","Kohinoor Devanagari","Nirmala UI",
 "Mangal","Lohit Devanagari",system-ui,sans-serif}
header{position:sticky;top:0;z-index:2;background:var(--panel);border-bottom:1px solid var(--line);
 padding:.5rem 1rem;display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;align-items:center}
header h1{font-size:1.05rem;margin:0}
.chips{display:flex;flex-wrap:wrap;gap:.35rem}
.chip{border-radius:1rem;padding:0 .6rem;color:#fff;font-size:.85rem;white-space:nowrap}
.filters label{margin-right:.6rem;font-size:.9rem;white-space:nowrap}
.hint{color:var(--muted);font-size:.8rem}
main{display:grid;grid-template-columns:minmax(0,3fr) minmax(16rem,2fr);gap:1rem;padding:1rem}
section.file{display:contents}
h2{grid-column:1/-1;font-size:1rem;margin:.5rem 0 0;font-family:ui-monospace,monospace;word-break:break-all}
.text{white-space:pre-wrap;overflow-wrap:anywhere;font-size:1.15rem;line-height:2;margin:0}
mark.hl{background:color-mix(in srgb,var(--c) 22%,transparent);border-bottom:3px solid var(--c);
 color:inherit;border-radius:2px;cursor:pointer}
mark.hl[data-sev=info]{border-bottom-style:dotted}
mark.hl:focus,mark.hl.current{outline:2px solid var(--c);outline-offset:1px;
 background:color-mix(in srgb,var(--c) 38%,transparent)}
mark.hl.zero::before{content:"‸";color:var(--c);font-weight:bold}
.anchor{scroll-margin-top:6rem}
aside ol{list-style:none;margin:0;padding:0;max-height:calc(100vh - 7rem);overflow:auto;
 position:sticky;top:5rem}
aside li{border-left:4px solid var(--c);background:var(--panel);margin:0 0 .4rem;padding:.3rem .5rem;
 font-size:.92rem;cursor:pointer}
aside li.current{background:color-mix(in srgb,var(--c) 18%,var(--panel))}
aside li a{color:inherit;text-decoration:none}
code{font-family:ui-monospace,monospace;font-size:.85em;font-weight:bold;color:var(--c)}
.where,.sev{color:var(--muted);font-size:.8rem}
.quote{font-weight:600}
#tip{position:fixed;z-index:3;max-width:min(28rem,92vw);background:#17202a;color:#fdfefe;
 padding:.4rem .6rem;border-radius:.4rem;font-size:.9rem;pointer-events:none;display:none}
#tip .sugg,#tip .fix{color:#abebc6}
body.hide-error [data-sev=error],body.hide-warning [data-sev=warning],
body.hide-info [data-sev=info]{display:none}
body.hide-error mark[data-sev=error],body.hide-warning mark[data-sev=warning],
body.hide-info mark[data-sev=info]{display:inline;background:none;border:0;outline:0}
.summary{grid-column:1/-1;color:var(--muted)}
.sugg,.fix{display:block;color:#145a32}
.ws{color:#c0392b;font-weight:bold}
mark.hl.ws::before{content:"·";color:var(--c);font-weight:bold}
aside li.group{padding:0;cursor:auto}
li.group summary{cursor:pointer;padding:.3rem .5rem;font-weight:600}
aside li.group ol{position:static;max-height:none;overflow:visible;padding:0 0 0 .5rem}
.filters select{font:inherit;font-size:.9rem;max-width:16rem}
li.off{display:none}
mark.hl.off{background:none;border:0;outline:0}
@media (max-width:50rem){main{grid-template-columns:1fr}aside ol{max-height:none;position:static}
 .text{font-size:1.05rem}}
"""

_JS = """
(function(){
var marks=[].slice.call(document.querySelectorAll('li[data-d]'));
var tip=document.getElementById('tip'),cur=-1;
function visible(){return marks.filter(function(li){
 return li.offsetParent!==null&&!li.closest('details:not([open])');});}
function mark(id){return document.querySelector('mark[data-first~="'+id+'"]');}
function show(li,m){var r=m.getBoundingClientRect();tip.innerHTML=li.querySelector('.body').innerHTML;
 tip.style.display='block';tip.style.left=Math.max(4,Math.min(r.left,innerWidth-tip.offsetWidth-4))+'px';
 tip.style.top=(r.bottom+6+tip.offsetHeight>innerHeight?r.top-tip.offsetHeight-6:r.bottom+6)+'px';}
function go(li){document.querySelectorAll('.current').forEach(function(e){e.classList.remove('current');});
 var g=li.closest('details');if(g)g.open=true;
 var m=mark(li.dataset.d);li.classList.add('current');li.scrollIntoView({block:'nearest'});
 if(m){m.classList.add('current');m.scrollIntoView({block:'center'});m.focus({preventScroll:true});show(li,m);}}
function step(n){var v=visible();if(!v.length)return;var i=v.indexOf(marks[cur]);
 i=i<0?(n>0?0:v.length-1):(i+n+v.length)%v.length;cur=marks.indexOf(v[i]);go(v[i]);}
function byMark(m){var id=(m.dataset.d||'').split(' ')[0];
 return marks.filter(function(li){return li.dataset.d===id;})[0];}
document.addEventListener('keydown',function(e){
 if(/^(INPUT|SELECT)$/.test(e.target.tagName)||e.altKey||e.ctrlKey||e.metaKey)return;
 if(e.key==='j'||e.key==='ArrowDown'){step(1);e.preventDefault();}
 else if(e.key==='k'||e.key==='ArrowUp'){step(-1);e.preventDefault();}
 else if(e.key==='Escape'){tip.style.display='none';}});
document.querySelectorAll('mark.hl').forEach(function(m){
 function on(){var li=byMark(m);if(li)show(li,m);}
 m.addEventListener('mouseenter',on);m.addEventListener('focus',on);
 m.addEventListener('mouseleave',function(){if(!m.classList.contains('current'))tip.style.display='none';});
 m.addEventListener('click',function(){var li=byMark(m);if(li){cur=marks.indexOf(li);go(li);}});});
marks.forEach(function(li,i){li.addEventListener('click',function(e){e.preventDefault();cur=i;go(li);});});
document.querySelectorAll('.filters input').forEach(function(box){box.addEventListener('change',function(){
 document.body.classList.toggle('hide-'+box.value,!box.checked);tip.style.display='none';
 document.body.dataset.visible=visible().length;});});
var rule=document.querySelector('.filters select');
if(rule)rule.addEventListener('change',function(){var code=rule.value;
 function off(el,codes){el.classList.toggle('off',!!code&&codes.split(' ').indexOf(code)<0);}
 marks.forEach(function(li){off(li,li.dataset.code);});
 document.querySelectorAll('mark.hl').forEach(function(m){off(m,m.dataset.codes);});
 document.querySelectorAll('li.group').forEach(function(g){off(g,g.dataset.code);
  if(code&&g.dataset.code===code)g.firstChild.open=true;});
 tip.style.display='none';document.body.dataset.visible=visible().length;});
document.querySelectorAll('li.group details').forEach(function(g){g.addEventListener('toggle',function(){
 document.body.dataset.visible=visible().length;});});
document.body.dataset.visible=visible().length;document.body.dataset.ready='1';
})();
"""


def _family(code: str) -> tuple[str, str]:
    """(family name, colour) of a rule code."""
    family = FAMILIES.get(code[:1])
    return (family.name, family.colour) if family else ("Other", "#566573")


def _tip(result: FileResult, d: Diagnostic) -> str:
    """The finding's text: code, where, message, the quoted span and the suggestion."""
    line, column = result.position(d.start)
    quoted = result.source[d.start : d.end]
    parts = [
        f"<code>{escape(d.code)}</code> <span class=sev>{d.severity}</span> ",
        f"<span class=where>{line}:{column}</span> ",
        f"<span class=quote>{escape(quoted)}</span> — " if quoted.strip() else "",
        escape(d.message),
    ]
    if d.fix is not None and d.fix.edits:
        line_start, line_end = result.lines.line_span(result.lines.line_of(d.start))
        before, after, lead, trail = fix_change(result.source, d.fix.edits, line_start, line_end)
        label = "fix" if d.fix.applicability == "safe" else "unsafe fix"
        parts.append(
            f"<span class=fix>{label}: {lead}{_dotted(before)}{trail} → {lead}{_dotted(after)}{trail}</span>"
        )
    elif d.suggestions:
        shown = " / ".join(escape(s) if s else "(remove)" for s in d.suggestions)
        parts.append(f"<span class=sugg>→ {shown}</span>")
    return "".join(parts)


def _dotted(text: str) -> str:
    """Escaped, with each whitespace character shown as a ``·`` (a fix of spacing is visible)."""
    return "".join('<span class=ws title="space">·</span>' if ch.isspace() else escape(ch) for ch in text)


def _text(index: int, result: FileResult) -> str:
    """The source with each covered stretch in a ``<mark>`` listing the findings over it."""
    source, diagnostics = result.source, result.diagnostics
    cuts = sorted({0, len(source), *(d.start for d in diagnostics), *(d.end for d in diagnostics)})
    starting: dict[int, list[int]] = {}
    for i, d in enumerate(diagnostics):
        starting.setdefault(d.start, []).append(i)
    out: list[str] = []
    active: list[int] = []
    for lo, hi in zip(cuts, [*cuts[1:], len(source)], strict=True):
        here = starting.get(lo, [])
        active = [i for i in active if diagnostics[i].end > lo]
        out.extend(f'<span class=anchor id="d{index}-{i}"></span>' for i in here)
        zero = [i for i in here if diagnostics[i].start == diagnostics[i].end]
        if zero:
            out.append(_mark(index, result, zero, zero, "", "hl zero"))
        active += [i for i in here if diagnostics[i].end > lo]
        if active and hi > lo:
            first = [i for i in active if diagnostics[i].start == lo]
            out.append(_mark(index, result, active, first, source[lo:hi], "hl"))
        else:
            out.append(escape(source[lo:hi]))
    return "".join(out)


def _mark(index: int, result: FileResult, covering: list[int], first: list[int], text: str, cls: str) -> str:
    top = max(covering, key=lambda i: result.diagnostics[i].severity)
    d = result.diagnostics[top]
    ids = " ".join(f"{index}-{i}" for i in covering)
    firsts = " ".join(f"{index}-{i}" for i in first)
    codes = " ".join(sorted({result.diagnostics[i].code for i in covering}))
    focus = ' tabindex="0"' if first else ""
    described = " ".join(f"t{index}-{i}" for i in covering)
    if text and text.isspace():
        cls += " ws"
    return (
        f'<mark class="{cls}" style="--c:{_family(d.code)[1]}" data-sev="{d.severity}" '
        f'data-d="{ids}" data-first="{firsts}" data-codes="{codes}"{focus} aria-describedby="{described}">'
        f"{escape(text)}</mark>"
    )


def _item(index: int, result: FileResult, i: int) -> str:
    d = result.diagnostics[i]
    return (
        f'<li data-d="{index}-{i}" data-code="{d.code}" data-sev="{d.severity}" '
        f'style="--c:{_family(d.code)[1]}"><a href="#d{index}-{i}">'
        f'<span class=body id="t{index}-{i}">{_tip(result, d)}</span></a></li>'
    )


def _findings(index: int, result: FileResult, threshold: int) -> str:
    """The side list: the findings one by one, then each rule's group (closed)."""
    singles, groups = split(result.diagnostics, threshold, result.source)
    items = "".join(_item(index, result, i) for i in singles)
    folded = "".join(
        f'<li class=group data-code="{group.code}" data-sev="{group.diagnostics[0].severity}" '
        f'style="--c:{_family(group.code)[1]}"><details><summary>{escape(group.title())}</summary>'
        f"<ol>{''.join(_item(index, result, i) for i in members)}</ol></details></li>"
        for group, members in groups
    )
    return f"<aside><ol>{items}{folded}</ol></aside>"


def _header(results: list[FileResult]) -> str:
    families = Counter(d.code[:1] for r in results for d in r.diagnostics)
    severities = Counter(str(d.severity) for r in results for d in r.diagnostics)
    codes = Counter((d.code, d.name) for r in results for d in r.diagnostics)
    chips = "".join(
        f'<span class=chip style="background:{_family(letter)[1]}">{letter} {_family(letter)[0]}: {n}</span>'
        for letter, n in sorted(families.items())
    )
    boxes = "".join(
        f'<label><input type=checkbox value="{s}" checked> {s} ({severities[s]})</label>' for s in SEVERITIES
    )
    options = "".join(
        f'<option value="{code}">{code} {escape(name)} ({n})</option>'
        for (code, name), n in sorted(codes.items())
    )
    rule = f'<label>rule <select><option value="">all ({codes.total()})</option>{options}</select></label>'
    return (
        f"<header><h1>qa report</h1><div class=chips>{chips}</div>"
        f"<div class=filters>{boxes}{rule}</div>"
        "<span class=hint>j / k or ↓ / ↑: next / previous finding</span></header>"
    )


def render(results: list[FileResult], rules: Mapping[str, RuleMeta], options: ReportOptions = DEFAULT) -> str:
    files = "".join(
        f'<section class=file><h2>{escape(r.path)}</h2><div class=text lang="hi">{_text(i, r)}</div>'
        f"{_findings(i, r, options.group_threshold)}</section>"
        for i, r in enumerate(results)
    )
    title = escape(results[0].path if len(results) == 1 else plural(len(results), "file"))
    return (
        '<!DOCTYPE html>\n<html lang="hi"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>qa report: {title}</title><style>{_CSS}</style></head>"
        f"<body>{_header(results)}<main>{files}"
        f"<p class=summary>{escape(summary_line(results, options.unread))}</p></main>"
        f'<div id=tip role="status"></div><script>{_JS}</script></body></html>\n'
    )
