// The report's one stylesheet: screen first, then A4 print (page breaks before the big sections,
// table headers repeated on each page, no row or chart cut in two).
export const REPORT_CSS = `
:root { --ink: #1d232b; --muted: #5b6670; --line: #d5dbe1; --bg-alt: #f4f6f8; --accent: #1f5f99;
  --P: #1e7b3c; --S: #6c8f1a; --M: #b26b00; --U: #b3261e; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Segoe UI", Helvetica, Arial, sans-serif; font-size: 14px; color: var(--ink); }
body { margin: 0 auto; max-width: 1100px; padding: 24px 32px 48px; line-height: 1.45; }
h1 { font-size: 1.8rem; margin: 0 0 4px; overflow-wrap: anywhere; }
h3, h4, .card, li, p { overflow-wrap: anywhere; }
.desc pre, .desc code { white-space: pre-wrap; overflow-wrap: anywhere; }
h2 { font-size: 1.35rem; margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); color: var(--accent); }
h3 { font-size: 1.1rem; margin: 24px 0 8px; }
h4 { font-size: 0.95rem; margin: 14px 0 6px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.03em; }
p { margin: 6px 0; }
h4.question { text-transform: none; letter-spacing: 0; color: var(--ink); font-size: 1rem; }
.kicker { color: var(--muted); text-transform: uppercase; letter-spacing: 0.08em; font-size: 0.8rem; margin: 0; }
.subtitle { color: var(--muted); margin: 0 0 16px; }
.summary { display: flex; gap: 16px; flex-wrap: wrap; margin: 16px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; flex: 1 1 160px; max-width: 250px; background: var(--bg-alt); }
.card.overall { flex: 0 0 auto; max-width: none; }
.card.overall .label { white-space: nowrap; }
.card .big { font-size: 1.7rem; font-weight: bold; display: block; }
.card .label { color: var(--muted); font-size: 0.85rem; display: block; }
p.cap { font-size: 1.05rem; margin: 0 0 10px; }
.eeg { font-size: 0.85rem; margin-top: 4px; }
.eeg p { margin: 2px 0; }
.eeg > span + p { display: inline; }
.provisional { color: var(--muted); font-style: italic; }
.avoided { margin-top: 2px; }
table { border-collapse: collapse; width: 100%; margin: 8px 0 14px; font-size: 0.9rem; table-layout: fixed; }
.w-time { width: 7%; } .w-time2 { width: 12%; } .w-role { width: 14%; } .w-resp { width: 10%; } .w-num { width: 8%; } .w-who { width: 14%; }
.w-pts { width: 11%; } .w-obj { width: 18%; } .w-status { width: 12%; } .w-date { width: 13%; } .w-kind { width: 9%; }
.w-objective { width: 27%; } .w-cap { width: 15%; } .w-rating { width: 17%; }
th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
th { background: var(--bg-alt); font-weight: 600; }
td.num, th.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.time, span.time { white-space: nowrap; font-variant-numeric: tabular-nums; }
table.kv th { width: 190px; }
.user { white-space: pre-wrap; unicode-bidi: isolate; }
bdi { unicode-bidi: isolate; }
.rating { display: inline-block; min-width: 1.6em; text-align: center; font-weight: bold; color: #fff; border-radius: 4px; padding: 0 5px; background: var(--muted); }
.rating-P { background: var(--P); } .rating-S { background: var(--S); } .rating-M { background: var(--M); } .rating-U { background: var(--U); }
.ok { color: var(--P); font-weight: 600; } .late { color: var(--M); font-weight: 600; } .missed { color: var(--U); font-weight: 600; }
.muted { color: var(--muted); }
.notice { border-left: 4px solid var(--M); background: #fff7e6; padding: 6px 10px; margin: 8px 0; }
.desc p { margin: 2px 0; color: var(--muted); }
ul.notes { margin: 4px 0 10px; padding-left: 20px; }
ul.notes li { margin: 2px 0; }
figure { margin: 10px 0 16px; }
figcaption { color: var(--muted); font-size: 0.85rem; }
svg { max-width: 100%; height: auto; font-family: inherit; }
svg text { font-size: 14px; fill: var(--ink); }
svg .axis { stroke: #9aa5b1; stroke-width: 1; }
svg .grid { stroke: #e3e7eb; stroke-width: 1; }
svg .pause { fill: #eceff3; }
svg .speed-tick { stroke: var(--ink); stroke-width: 1; }
svg .delivery { stroke: var(--accent); stroke-width: 1.2; }
svg .decision { fill: #2f8f83; }
svg .bar { fill: var(--accent); }
svg .target { stroke: var(--U); stroke-width: 2; }
svg .threshold { stroke: #9aa5b1; stroke-dasharray: 3 3; }
svg .bar-P { fill: var(--P); } svg .bar-S { fill: var(--S); } svg .bar-M { fill: var(--M); } svg .bar-U { fill: var(--U); }
svg .metric-ok { fill: var(--P); } svg .metric-late { fill: var(--M); } svg .metric-missed { fill: #d9dde2; }
table.timeline td { padding: 2px 6px; }
tr.graded td { border-bottom: none; }
tr.grade td { border-top: none; font-size: 0.85rem; }
footer { margin-top: 40px; color: var(--muted); font-size: 0.8rem; border-top: 1px solid var(--line); padding-top: 8px; }
@page { size: A4; margin: 14mm 12mm 16mm; }
@media print {
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  h2 { break-after: avoid; }
  h2.new-page { break-before: page; }
  h3, h4, h2 + p, h2 + .notice { break-after: avoid; }
  p.cap { break-inside: avoid; }
  .qa { break-inside: avoid; }
  thead { display: table-header-group; }
  tr, figure, .card, li { break-inside: avoid; }
  tr.graded { break-after: avoid; }
  /* In the collapsing border model the outer half of a table's right border lies outside its box:
     at 100% it fell outside the printable area and Chromium clipped it (issue 14, item 18). */
  table { font-size: 8pt; width: calc(100% - 1px); }
  th, td { padding: 2px 4px; line-height: 1.3; }
  table.timeline { font-size: 7pt; }
  table.timeline td { padding: 1px 4px; }
  .rating, th, .card { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
