// Untrusted text made inert for Markdown: it reads as the same text in any CommonMark/GFM
// renderer and can open no tag, link, image, emphasis, heading, list, quote or table cell.
// `<`, `>` and `&` become entities (so no raw HTML, whatever the wiki allows); the other
// metacharacters are backslash-escaped; block markers at the start of a line are escaped too.
import { isolateBidi, visibleControls } from './escape.ts';

// Everything that can open emphasis, code, a link or image, a heading, a strikethrough, a table
// cell or a backslash escape, wherever it stands.
const INLINE = /[\\`*_[\]()#!|~]/g;

function escapeLine(line: string): string {
  let out = line
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(INLINE, (c) => `\\${c}`);
  // At the start of a line, "-", "+", "=" would open a list or a setext heading, "1." or "1)" an
  // ordered list.
  out = out.replace(/^(\s*)([-+=])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
  // Bare URLs and e-mail addresses become live links in GitHub-style renderers (GFM autolinks:
  // "scheme://", "www.", "name@host") and in linkify plugins: escaping the character each one
  // hinges on leaves the text as it reads and no link.
  out = out
    .replace(/:\/\//g, '\\:\\//')
    .replace(/(^|[^A-Za-z0-9])(www)\./gi, '$1$2\\.')
    .replace(/\b(mailto|xmpp|tel|sms):/gi, '$1\\:')
    .replace(/@(?=[A-Za-z0-9])/g, '\\@');
  // Leading spaces or tabs would make an indented code block; keep them, as entities.
  return isolateBidi(out.replace(/^[ \t]+/, (blank) => blank.replace(/ /g, '&#32;').replace(/\t/g, '&#9;')));
}

/** Inline text: a paragraph of its own or a list item, line breaks kept as hard breaks. */
export function mdText(value: string): string {
  const lines = visibleControls(value).split(/\r\n|\r|\n/);
  // A hard break (a backslash ending a line) at the very end of a paragraph would show as text.
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  return lines.map(escapeLine).join('\\\n');
}

/** Text inside a table cell: one line, `|` escaped, line breaks shown as ↵. */
export function mdCell(value: string): string {
  return visibleControls(value)
    .split(/\r\n|\r|\n/)
    .map(escapeLine)
    .join(' ↵ ');
}

export function mdTable(head: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(head.map(() => '---')), ...rows.map(line)].join('\n');
}
