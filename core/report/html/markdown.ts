// Scenario markdown (objective descriptions) rendered for the HTML report: CommonMark without raw
// HTML (it shows as text), without images (a report is offline and its CSP forbids them anyway),
// and with links only to web and mail addresses; any other link is left as its text.
import MarkdownIt from 'markdown-it';
import { visibleControls } from '../escape.ts';
import { Html } from './tags.ts';

const md = new MarkdownIt('commonmark', { html: false, linkify: false, typographer: false });
md.disable(['image']);
md.validateLink = (url: string) => /^(https?:\/\/|mailto:)/i.test(url.trim());

const LINK_OPEN = md.renderer.rules.link_open;
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet('rel', 'noopener noreferrer');
  return LINK_OPEN ? LINK_OPEN(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
};

export function renderScenarioMarkdown(text: string): Html {
  return new Html(md.render(visibleControls(text)));
}
