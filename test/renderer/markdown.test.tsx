// @vitest-environment jsdom
import './setup-dom.ts';
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
import { Markdown, safeHref } from '../../renderer/markdown/Markdown.tsx';
import { renderScenarioMarkdown } from '../../core/report/html/markdown.ts';

function html(source: string): HTMLElement {
  return render(<Markdown source={source} />).container;
}

describe('scenario markdown', () => {
  it('renders paragraphs, emphasis, code and lists', () => {
    const el = html('Hello **bold** and *it* and `code`.\n\n- one\n- two\n\n1. first\n2. second\n\n```\nblock <b>\n```');
    expect(el.querySelector('strong')?.textContent).toBe('bold');
    expect(el.querySelector('em')?.textContent).toBe('it');
    expect(el.querySelector('p code')?.textContent).toBe('code');
    expect([...el.querySelectorAll('ul li')].map((li) => li.textContent)).toEqual(['one', 'two']);
    expect(el.querySelectorAll('ol li')).toHaveLength(2);
    expect(el.querySelector('pre code')?.textContent).toBe('block <b>\n');
  });

  it('renders a GFM table as a table, as the report does (the same dialect everywhere)', () => {
    const source = 'DAG run summary:\n\n| task | state | took |\n|:---|:---:|---:|\n| extract | success | 4m |\n| **train** | ~~failed~~ | 31m |\n';
    const el = html(source);
    expect(el.textContent).not.toContain('|');
    expect([...el.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['task', 'state', 'took']);
    expect([...el.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['extract', 'success', '4m'],
      ['train', 'failed', '31m'],
    ]);
    expect(el.querySelector('tbody strong')?.textContent).toBe('train');
    expect(el.querySelector('tbody s')?.textContent).toBe('failed');
    expect((el.querySelectorAll('tbody td')[2] as HTMLElement).style.textAlign).toBe('right');
    // The report parses the same text into the same table.
    const report = document.createElement('div');
    report.innerHTML = renderScenarioMarkdown(source).toString();
    expect([...report.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent))).toEqual([
      ['extract', 'success', '4m'],
      ['train', 'failed', '31m'],
    ]);
    expect(report.textContent).not.toContain('|');
  });

  it('shows raw HTML as text and creates no element from it', () => {
    const el = html('<script>alert(1)</script>\n\nText <img src=x onerror=alert(1)> and <a href="javascript:alert(1)">x</a>');
    expect(el.querySelector('script, img, iframe')).toBeNull();
    expect(el.querySelector('a')).toBeNull();
    expect(el.textContent).toContain('<script>alert(1)</script>');
    expect(el.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('links only https URLs, and shows their address', () => {
    const el = html('[docs](https://example.com/runbook) and [bad](javascript:alert(1)) and [plain](http://example.com) and [data](data:text/html,hi)');
    const links = el.querySelectorAll('a');
    expect(links).toHaveLength(1);
    expect(links[0]?.getAttribute('href')).toBe('https://example.com/runbook');
    expect(links[0]?.getAttribute('rel')).toContain('noopener');
    expect(el.textContent).toContain('(https://example.com/runbook)');
    expect(el.textContent).toContain('bad');
    expect(el.textContent).toContain('plain');
  });

  it('accepts only absolute https addresses', () => {
    expect(safeHref('https://a.example/x')).toBe('https://a.example/x');
    expect(safeHref('HTTPS://A.example')).toBe('https://a.example/');
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref(' java\tscript:alert(1)')).toBeNull();
    expect(safeHref('')).toBeNull();
  });
});
