import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { mdCell, mdText } from '../../../core/report/markdown-escape.ts';
import { renderMarkdown } from '../../../core/report/index.ts';
import { sampleDebrief } from '../../fixtures/debrief/sample.ts';
import { parseReport } from './parse-html.ts';

const md = renderMarkdown(sampleDebrief());
const rendered = parseReport(`<!DOCTYPE html><html><body>${new MarkdownIt().render(md)}</body></html>`);

describe('renderMarkdown', () => {
  it('has the report sections as headings, in order', () => {
    expect(Array.from(rendered.querySelectorAll('h2')).map((h) => h.textContent)).toEqual([
      'Exercise overview', 'Objectives and ratings', 'Analysis of objectives', 'Runbook coverage',
      'Time-to metrics', 'Hotwash', 'Improvement plan', 'Appendix: timeline',
    ]);
    expect(rendered.querySelector('h1')?.textContent).toBe('After-Action Report: Recommendations return nothing');
  });

  it('carries the key figures, rounded as in the HTML', () => {
    expect(md).toContain('**Overall M: Performed with major challenges** (68%, 61.3 of 90.0 points)');
    expect(md).toContain('| Communicate | Public Information and Warning | P: Performed without challenges | 16.3 / 20.0 (81%) | Set by the facilitator (computed S): Verbal updates to the exec were excellent |');
    expect(md).toContain('| Serve the fallback ranking | Mitigate | 25:00 | 26:00 | late | 5.0 / 10.0 |');
  });

  it('says how many people took part, how long each pause lasted, and gives a grade its own line (issue 14, item 18)', () => {
    expect(md).toContain('| Participants | 4 people in 3 roles |');
    expect(md).toContain('| Pauses | at 7:00 for 10 min 30 s (fire drill in the building) |');
    expect(md).not.toContain('7:00 to 7:00');
    expect(md).not.toContain('(graded: No ETA given)');
    expect(md).toContain('**Graded by the facilitator**\n\n- 5:00 · Communications Lead · Draft a holding statement for the status page. — 80% correct: No ETA given\n');
  });

  it('renders as tables that keep their shape, with line breaks inside cells shown as ↵', () => {
    const tables = Array.from(rendered.querySelectorAll('table'));
    expect(tables.length).toBeGreaterThanOrEqual(9);
    for (const table of tables) {
      const widths = new Set(Array.from(table.querySelectorAll('tr')).map((tr) => tr.children.length));
      expect(widths.size).toBe(1);
    }
    expect(rendered.body.textContent).toContain('We are investigating empty recommendations. ↵ Next update in 30 minutes.');
  });

  it('escapes what would be Markdown or HTML in user text', () => {
    expect(mdText('**bold** [x](javascript:y) <b>')).toBe('\\*\\*bold\\*\\* \\[x\\]\\(javascript:y\\) &lt;b&gt;');
    expect(mdText('# not a heading\n- not a list\n1. nor this\n    nor code')).toBe('\\# not a heading\\\n\\- not a list\\\n1\\. nor this\\\n&#32;&#32;&#32;&#32;nor code');
    expect(mdCell('a | b\nc')).toBe('a \\| b ↵ c');
    const html = new MarkdownIt({ html: true }).render(mdText('<script>alert(1)</script> & ![i](x)'));
    expect(html).toBe('<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; ![i](x)</p>\n');
  });

  it('isolates bidirectional controls line by line: an unterminated U+202E ends with its line (issue 16)', () => {
    const text = mdText('ok \u202eevil\nnext line');
    const [first, second] = text.split('\\\n');
    expect(first).toBe('\u2068ok \u202eevil\u202c\u2069');
    expect(second).toBe('next line');
    // A stray closer cannot end the isolate early; nested openers are all closed.
    expect(mdCell('\u2069\u2067\u202bx')).toBe('\u2068\u2067\u202bx\u202c\u2069\u2069');
    const report = renderMarkdown({ ...sampleDebrief(), notes: [{ ...sampleDebrief().notes[0]!, text: 'note \u202ereversed' }] });
    for (const line of report.split('\n')) {
      const opened = (line.match(/[\u202a\u202b\u202d\u202e]/g) ?? []).length;
      expect((line.match(/\u202c/g) ?? []).length, line).toBeGreaterThanOrEqual(opened);
    }
  });

  it('keeps participants\' URLs and addresses inert in GitHub-style renderers (issue 16)', () => {
    const value = 'see https://evil.example/x?a=1, www.evil.example, mailto:bob@evil.example or bob@evil.example';
    // GFM's autolinks: bare URLs, www. and e-mail addresses (no fuzzy domains).
    const gfm = new MarkdownIt({ linkify: true });
    gfm.linkify.set({ fuzzyLink: false, fuzzyEmail: true });
    for (const md of [mdText(value), `| h |\n| --- |\n| ${mdCell(value)} |\n`]) {
      const doc = parseReport(`<!DOCTYPE html><html><body>${gfm.render(md)}</body></html>`);
      expect(doc.querySelectorAll('a')).toHaveLength(0);
      expect(doc.body.textContent).toContain(value);
    }
    expect(mdText(value)).not.toMatch(/:\/\/|www\.|\w@\w/i);
    // Without escaping, the same renderer links them: the check is not vacuous.
    expect(gfm.render(value)).toMatch(/<a href/);
  });

  it('leaves notes out and anonymizes when asked', () => {
    const out = renderMarkdown(sampleDebrief(), { includeNotes: false, anonymize: true });
    expect(out).not.toContain('Alice');
    expect(out).not.toContain('debated rollback');
    expect(out).toContain('*Facilitator notes are left out of this export.*');
    expect(out).toContain('| ML Engineer | ML Engineer 1, ML Engineer 2 |');
  });
});
