"""The stylesheet of the HTML export, inline so that the file stands alone, offline and in print.

System fonts only (no downloads); article text in a serif for long reading, labels in a sans.
Colours mark how a sentence relates to the other reports: green identical, blue near, amber
paraphrase, none for unique. Print keeps the colours (``print-color-adjust``) and adds a coloured
rule on each sentence's left, so the marking survives a black-and-white printer as well.
"""

CSS = """
:root {
  --ink: #1f2328; --muted: #5f6670; --rule: #d8dbe0; --paper: #ffffff; --wash: #f6f7f8;
  --identical: #2f7d4f; --identical-bg: #e4f2e9;
  --near: #2a6f9e; --near-bg: #e3eef7;
  --paraphrase: #a36a00; --paraphrase-bg: #fbf0d9;
  --unique: #9aa0a8;
  --diff: #b3261e; --diff-bg: #fde7e5;
  --serif: "PT Serif", "Noto Serif", "DejaVu Serif", Georgia, "Times New Roman", serif;
  --sans: "PT Sans", "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif;
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { margin: 0 auto; max-width: 1280px; padding: 28px 32px 48px; color: var(--ink); background: var(--paper);
       font: 14px/1.5 var(--sans); }
header { border-bottom: 2px solid var(--ink); padding-bottom: 14px; margin-bottom: 8px; }
.eyebrow { margin: 0; color: var(--muted); font-size: 12px; letter-spacing: .06em; text-transform: uppercase; }
h1 { margin: 4px 0 6px; font: 600 24px/1.25 var(--serif); }
h2 { margin: 30px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--rule); font-size: 17px; font-weight: 600;
     break-after: avoid; page-break-after: avoid; }
h2 .n { color: var(--muted); font-weight: 400; margin-right: 6px; }
h3 { margin: 18px 0 6px; font-size: 14px; break-after: avoid; page-break-after: avoid; }
.summary { margin: 0; color: var(--muted); }
.note { color: var(--muted); margin: 4px 0 10px; }
.legend {
  display: flex; flex-wrap: wrap; gap: 6px 18px; margin: 10px 0 0; padding: 0; list-style: none;
  font-size: 12px; }
.legend li { display: flex; align-items: center; gap: 6px; }
.swatch { display: inline-block; width: 22px; height: 12px; border-left: 3px solid; border-radius: 2px; }
.swatch.identical { background: var(--identical-bg); border-color: var(--identical); }
.swatch.near { background: var(--near-bg); border-color: var(--near); }
.swatch.paraphrase { background: var(--paraphrase-bg); border-color: var(--paraphrase); }
.swatch.unique { background: var(--paper); border-color: var(--unique); outline: 1px solid var(--rule); }
.swatch.diff { background: var(--diff-bg); border-color: var(--diff); }
table { width: 100%; border-collapse: collapse; }
th {
  text-align: left; font-weight: 600; font-size: 12px; color: var(--muted);
  border-bottom: 1px solid var(--ink); padding: 4px 8px; vertical-align: bottom; }
td { padding: 6px 8px; border-bottom: 1px solid var(--rule); vertical-align: top; }
tr { break-inside: avoid; page-break-inside: avoid; }
tr.long { break-inside: auto; page-break-inside: auto; }
thead { display: table-header-group; }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
.outlet { font-weight: 600; }
.sub { color: var(--muted); font-size: 12px; }
.bar { position: relative; height: 8px; background: var(--wash); border-radius: 4px; min-width: 80px; }
.bar span { position: absolute; top: 0; width: 8px; height: 8px; border-radius: 4px; background: var(--ink); }
.first { color: var(--identical); font-weight: 600; }
table.tl { table-layout: fixed; }
table.tl th.n { width: 32px; }
table.tl th.o { width: 17%; }
table.tl th.p { width: 185px; }
table.tl th.l { width: 125px; }
table.tl th.b { width: 14%; }
table.tl th.l, table.tl td.lag { padding-left: 16px; white-space: nowrap; }
table.sbs { table-layout: fixed; }
table.sbs th { font-size: 12.5px; color: var(--ink); }
table.sbs th .sub, table.tl td .sub { display: block; font-weight: 400; }
table.sbs td { font: 13px/1.5 var(--serif); hyphens: auto; -webkit-hyphens: auto; overflow-wrap: anywhere; }
table.sbs td.pid {
  font: 11px/1.5 var(--sans); color: var(--muted); padding-left: 0; white-space: nowrap;
  overflow-wrap: normal; }
table.sbs th.pid { width: 38px; }
tr.kind-unique td { border-bottom-color: #eceef1; }
.s { padding: 1px 2px; border-left: 3px solid transparent; }
.s.identical { background: var(--identical-bg); border-left-color: var(--identical); }
.s.near { background: var(--near-bg); border-left-color: var(--near); }
.s.paraphrase { background: var(--paraphrase-bg); border-left-color: var(--paraphrase); }
.s.unique { color: #3d434a; }
.s sup { font: 9px var(--sans); color: var(--muted); margin-right: 2px; }
.para { margin: 0 0 6px; }
.para:last-child { margin-bottom: 0; }
mark.diff {
  background: var(--diff-bg); color: var(--diff); font-weight: 600; border-bottom: 1.5px solid var(--diff);
  padding: 0 1px; }
mark.diff a { color: inherit; text-decoration: none; }
.stack {
  border-left: 3px solid var(--rule); padding: 4px 0 4px 10px; margin: 0 0 12px; break-inside: avoid;
  page-break-inside: avoid; }
.stack.kind-identical { border-left-color: var(--identical); }
.stack.kind-near { border-left-color: var(--near); }
.stack.kind-paraphrase { border-left-color: var(--paraphrase); }
.stack .row {
  display: grid; grid-template-columns: 150px 1fr; gap: 10px; margin: 2px 0; font: 13px/1.5 var(--serif); }
.stack .row .who { font: 600 12px/1.6 var(--sans); }
.badge {
  display: inline-block; padding: 0 6px; border-radius: 9px; font: 600 10.5px/1.6 var(--sans); letter-spacing: .03em;
  text-transform: uppercase; background: var(--wash); color: var(--muted); white-space: nowrap; }
.badge.identical { background: var(--identical-bg); color: var(--identical); }
.badge.near { background: var(--near-bg); color: var(--near); }
.badge.paraphrase { background: var(--paraphrase-bg); color: var(--paraphrase); }
.badge.diff { background: var(--diff-bg); color: var(--diff); }
.value { font: 600 15px/1.3 var(--sans); color: var(--diff); }
.context { font: 13px/1.5 var(--serif); margin-top: 3px; }
table.disc td { width: 40%; }
table.disc td.what { width: 20%; }
.remark {
  border: 1px solid var(--rule); border-radius: 6px; padding: 10px 14px; margin: 0 0 12px;
  break-inside: avoid; page-break-inside: avoid; }
.remark.long { break-inside: auto; page-break-inside: auto; }
.remark .speaker { font-weight: 600; margin-bottom: 6px; }
.remark .speaker .badge { margin-left: 6px; vertical-align: 1px; }
.quote {
  display: grid; grid-template-columns: 150px 1fr; gap: 10px; padding: 6px 0;
  border-top: 1px dashed var(--rule); }
.quote:first-of-type { border-top: 0; }
.quote { break-inside: avoid; page-break-inside: avoid; }
.quote .text { font: 13px/1.5 var(--serif); }
.quote .kind { display: block; color: var(--muted); font-size: 11.5px; }
ul.singles { margin: 0; padding: 0 0 0 18px; }
ul.singles li { margin: 0 0 8px; }
ul.singles .text { font: 13px/1.5 var(--serif); }
table.cov td, table.cov th { padding: 3px 8px; }
table.cov td.zero { color: #c4c8ce; }
table.cov td.gap { background: var(--diff-bg); color: var(--diff); }
.type { color: var(--muted); font-size: 11px; }
footer {
  margin-top: 36px; padding-top: 8px; border-top: 1px solid var(--rule); color: var(--muted);
  font-size: 11.5px; }
a { color: inherit; }
@page { size: A4; margin: 15mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9.5pt; }
  h1 { font-size: 17pt; }
  h2 { font-size: 12.5pt; margin-top: 18pt; }
  .screen-only { display: none; }
  table.sbs td { font-size: 9pt; line-height: 1.4; padding: 4pt 5pt; }
  table.sbs th { font-size: 9pt; }
  .stack .row, .quote .text, ul.singles .text, .context { font-size: 9pt; }
  .stack .row, .quote { grid-template-columns: 30mm 1fr; }
  .bar { min-width: 0; }
  table.tl th.p { width: 39mm; }
  table.tl th.l { width: 24mm; }
  table.tl th.b { width: 10%; }
  a { text-decoration: none; }
}
"""
