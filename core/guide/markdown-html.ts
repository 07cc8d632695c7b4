// Scenario markdown for the printed guides: the reports' safe renderer (core/report/html/markdown.ts:
// CommonMark without raw HTML, without images, links only to web and mail addresses, control
// characters made visible) with GFM tables on, because handouts (severity matrices, architecture
// sketches, contact sheets) are tables.
import MarkdownIt from 'markdown-it';
import { visibleControls } from '../report/escape.ts';
import { Html } from '../report/html/tags.ts';

const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });
md.disable(['image']);
md.enable(['table']);
md.validateLink = (url: string) => /^(https?:\/\/|mailto:)/i.test(url.trim());

const LINK_OPEN = md.renderer.rules.link_open;
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet('rel', 'noopener noreferrer');
  return LINK_OPEN ? LINK_OPEN(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
};

export function renderGuideMarkdownHtml(text: string): Html {
  return new Html(md.render(visibleControls(text)));
}
