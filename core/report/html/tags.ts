// A tiny element builder: the only way the HTML renderer writes markup. Text children and every
// attribute value go through escapeHtml, attribute values are always double-quoted, and names are
// checked so that no event-handler attribute can ever be produced, even by a bug of ours.
import { escapeHtml } from '../escape.ts';

/** Markup we built ourselves (never untrusted text). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

export type Child = string | number | Html | null | undefined | false | readonly Child[];
export type Attrs = Record<string, string | number | boolean | null | undefined>;

const NAME = /^[a-zA-Z][a-zA-Z0-9-]*$/;
// Void elements of HTML and self-closing ones inside SVG.
const VOID = new Set(['meta', 'br', 'hr', 'col', 'line', 'rect', 'circle', 'path', 'polyline', 'polygon']);
const URL_ATTRS = new Set(['href', 'src', 'xlink:href', 'action', 'formaction']);

function checkName(name: string, kind: string): void {
  if (!NAME.test(name) || /^on/i.test(name)) throw new Error(`report: refusing ${kind} name '${name}'`);
}

export function attrs(values: Attrs | null): string {
  if (values === null) return '';
  let out = '';
  for (const [name, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === false) continue;
    checkName(name, 'attribute');
    // Reports link nowhere: the only links come from scenario markdown, checked in markdown.ts.
    if (URL_ATTRS.has(name)) throw new Error(`report: refusing URL attribute '${name}'`);
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

function write(child: Child, out: string[]): void {
  if (child === null || child === undefined || child === false) return;
  if (child instanceof Html) out.push(child.value);
  else if (typeof child === 'string') out.push(escapeHtml(child));
  else if (typeof child === 'number') out.push(escapeHtml(String(child)));
  else for (const c of child) write(c, out);
}

export function h(tag: string, attributes: Attrs | null, ...children: Child[]): Html {
  checkName(tag, 'element');
  const out: string[] = [`<${tag}${attrs(attributes)}>`];
  if (VOID.has(tag) && children.length === 0) {
    if (tag === 'meta' || tag === 'br' || tag === 'hr' || tag === 'col') return new Html(out[0] ?? '');
    out.push(`</${tag}>`);
    return new Html(out.join(''));
  }
  for (const c of children) write(c, out);
  out.push(`</${tag}>`);
  return new Html(out.join(''));
}


/** Only for constants of this module's own (CSS, the doctype): never for data. */
export function trusted(markup: string): Html {
  return new Html(markup);
}

/** A value used inside a class name (a rating letter): only simple tokens, anything else is 'other'. */
export function classToken(value: string | null): string {
  return value !== null && /^[A-Za-z0-9-]{1,20}$/.test(value) ? value : 'other';
}
