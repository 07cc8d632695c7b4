// Scenario markdown to React elements, never to an HTML string: markdown-it only tokenizes (with
// the one dialect of core/markdown, the reports' too; raw HTML off, so a `<script>` in a scenario
// is text), and this file decides, token by token, which few elements exist: paragraphs,
// emphasis, strikethrough, code, lists, quotes, tables and https links. Anything else becomes its
// plain text.
import type { Token } from 'markdown-it';
import { Fragment, useMemo, type ReactNode } from 'react';
import { createMarkdown } from '../../core/markdown/parser.ts';

const parser = createMarkdown();

/** A table cell's alignment from markdown-it's `style` attribute (only the three GFM values). */
function cellAlign(t: Token): 'left' | 'center' | 'right' | undefined {
  const match = /^text-align:(left|center|right)$/.exec(String(t.attrGet('style') ?? ''));
  return match ? (match[1] as 'left' | 'center' | 'right') : undefined;
}

/** Only absolute https URLs become links; everything else stays text. */
export function safeHref(href: string | null | undefined): string | null {
  if (!href) return null;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

function renderInline(tokens: Token[], keyPrefix: string): ReactNode[] {
  const out: ReactNode[] = [];
  let i = 0;
  const walk = (until: string | null): ReactNode[] => {
    const nodes: ReactNode[] = [];
    while (i < tokens.length) {
      const t = tokens[i]!;
      const key = `${keyPrefix}-${i}`;
      i += 1;
      if (until && t.type === until) return nodes;
      switch (t.type) {
        case 'text':
          nodes.push(t.content);
          break;
        case 'code_inline':
          nodes.push(<code key={key}>{t.content}</code>);
          break;
        case 'softbreak':
          nodes.push(' ');
          break;
        case 'hardbreak':
          nodes.push(<br key={key} />);
          break;
        case 'em_open':
          nodes.push(<em key={key}>{walk('em_close')}</em>);
          break;
        case 'strong_open':
          nodes.push(<strong key={key}>{walk('strong_close')}</strong>);
          break;
        case 's_open':
          nodes.push(<s key={key}>{walk('s_close')}</s>);
          break;
        case 'link_open': {
          const href = safeHref(String(t.attrGet('href') ?? ''));
          const children = walk('link_close');
          if (href) {
            nodes.push(
              <Fragment key={key}>
                <a href={href} target="_blank" rel="noopener noreferrer">{children}</a>
                <span className="md-href"> ({href})</span>
              </Fragment>,
            );
          } else {
            nodes.push(<Fragment key={key}>{children}</Fragment>);
          }
          break;
        }
        default:
          // Unknown inline token: keep its text, drop its meaning.
          if (t.content) nodes.push(t.content);
      }
    }
    return nodes;
  };
  out.push(...walk(null));
  return out;
}

function renderBlocks(tokens: Token[]): ReactNode[] {
  let i = 0;
  const walk = (until: string | null): ReactNode[] => {
    const nodes: ReactNode[] = [];
    while (i < tokens.length) {
      const t = tokens[i]!;
      const key = `b-${i}`;
      i += 1;
      if (until && t.type === until) return nodes;
      switch (t.type) {
        case 'paragraph_open': {
          const children = walk('paragraph_close');
          // Tight list items hide their paragraphs.
          nodes.push(t.hidden ? <Fragment key={key}>{children}</Fragment> : <p key={key}>{children}</p>);
          break;
        }
        case 'heading_open':
          nodes.push(<p key={key} className="md-heading"><strong>{walk('heading_close')}</strong></p>);
          break;
        case 'bullet_list_open':
          nodes.push(<ul key={key}>{walk('bullet_list_close')}</ul>);
          break;
        case 'ordered_list_open': {
          const start = Number(t.attrGet('start') ?? '1');
          nodes.push(<ol key={key} start={Number.isFinite(start) ? start : 1}>{walk('ordered_list_close')}</ol>);
          break;
        }
        case 'list_item_open':
          nodes.push(<li key={key}>{walk('list_item_close')}</li>);
          break;
        case 'blockquote_open':
          nodes.push(<blockquote key={key}>{walk('blockquote_close')}</blockquote>);
          break;
        case 'inline':
          nodes.push(<Fragment key={key}>{renderInline(t.children ?? [], key)}</Fragment>);
          break;
        case 'fence':
        case 'code_block':
          nodes.push(<pre key={key}><code>{t.content}</code></pre>);
          break;
        case 'hr':
          nodes.push(<hr key={key} />);
          break;
        case 'table_open':
          nodes.push(<div key={key} className="md-table"><table>{walk('table_close')}</table></div>);
          break;
        case 'thead_open':
          nodes.push(<thead key={key}>{walk('thead_close')}</thead>);
          break;
        case 'tbody_open':
          nodes.push(<tbody key={key}>{walk('tbody_close')}</tbody>);
          break;
        case 'tr_open':
          nodes.push(<tr key={key}>{walk('tr_close')}</tr>);
          break;
        case 'th_open': {
          const align = cellAlign(t);
          nodes.push(<th key={key} scope="col" style={align ? { textAlign: align } : undefined}>{walk('th_close')}</th>);
          break;
        }
        case 'td_open': {
          const align = cellAlign(t);
          nodes.push(<td key={key} style={align ? { textAlign: align } : undefined}>{walk('td_close')}</td>);
          break;
        }
        default:
          if (t.content) nodes.push(<p key={key}>{t.content}</p>);
      }
    }
    return nodes;
  };
  return walk(null);
}

export function markdownToReact(source: string): ReactNode[] {
  return renderBlocks(parser.parse(source, {}));
}

export function Markdown({ source, className }: { source: string; className?: string }) {
  const nodes = useMemo(() => markdownToReact(source), [source]);
  return <div className={className ? `markdown ${className}` : 'markdown'}>{nodes}</div>;
}
