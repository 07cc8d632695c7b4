// Scenario markdown (objective descriptions, guides) rendered for the HTML report, in the one
// dialect of core/markdown (the app's views parse it the same way): no raw HTML (it shows as
// text), no images (a report is offline and its CSP forbids them anyway), GFM tables, and links
// only to web and mail addresses; any other link is left as its text.
import { createMarkdown } from '../../markdown/parser.ts';
import { visibleControls } from '../escape.ts';
import { Html } from './tags.ts';

const md = createMarkdown();
md.validateLink = (url: string) => /^(https?:\/\/|mailto:)/i.test(url.trim());

const LINK_OPEN = md.renderer.rules.link_open;
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx]?.attrSet('rel', 'noopener noreferrer');
  return LINK_OPEN ? LINK_OPEN(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
};

export function renderScenarioMarkdown(text: string): Html {
  return new Html(md.render(visibleControls(text)));
}
