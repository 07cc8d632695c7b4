// One markdown dialect for scenario text, wherever it is shown: the app's views (renderer/markdown,
// tokens to React elements) and the reports and guides (core/report/html, tokens to HTML) parse it
// with this one configuration, so a table in an inject's body is a table on a seat, in the
// console, on the room screen and in the report alike. Raw HTML is off (a `<script>` is text),
// images are off (offline, and the CSP forbids them), typographer and linkify are off.
import MarkdownIt from 'markdown-it';

/** The block and inline rules scenario markdown has: CommonMark's, less images and raw HTML, plus GFM tables and strikethrough. */
export const MARKDOWN_RULES = [
  'paragraph', 'list', 'blockquote', 'code', 'fence', 'heading', 'lheading', 'hr', 'table',
  'emphasis', 'strikethrough', 'backticks', 'link', 'autolink', 'newline', 'escape', 'entity',
] as const;

export function createMarkdown() {
  return new MarkdownIt('zero', { html: false, linkify: false, typographer: false }).enable([...MARKDOWN_RULES]);
}
