// Parses a report with jsdom (no script execution: jsdom runs none by default) and lists what
// would be live in a browser.
import { JSDOM } from 'jsdom';

export function parseReport(html: string): Document {
  return new JSDOM(html).window.document;
}

/** Every element, attribute or URL in the document that could run code or load something. */
export function liveContent(doc: Document): string[] {
  const found: string[] = [];
  for (const el of Array.from(doc.querySelectorAll('*'))) {
    const tag = el.localName;
    if (['script', 'iframe', 'frame', 'object', 'embed', 'img', 'image', 'link', 'base', 'form', 'input', 'button', 'audio', 'video', 'source', 'foreignobject', 'use', 'animate', 'set', 'math'].includes(tag.toLowerCase())) {
      found.push(`<${tag}>`);
    }
    for (const attr of Array.from(el.attributes)) {
      if (/^on/i.test(attr.name)) found.push(`${tag}[${attr.name}]`);
      if (/^(href|src|xlink:href|action|formaction|data|srcdoc|poster)$/i.test(attr.name) && !/^(https?:|mailto:)/i.test(attr.value.trim())) {
        found.push(`${tag}[${attr.name}=${attr.value}]`);
      }
      // Text attributes (title, aria-label) may carry the words 'javascript:' as text; any other may not.
      if (/javascript:/i.test(attr.value) && !['title', 'aria-label', 'content'].includes(attr.name)) found.push(`${tag}[${attr.name}] javascript:`);
    }
    if (tag === 'style' && el.parentElement?.localName !== 'head') found.push('<style> outside head');
    if (tag === 'meta' && /refresh/i.test(el.getAttribute('http-equiv') ?? '')) found.push('<meta refresh>');
  }
  if (doc.querySelectorAll('style').length !== 1) found.push(`${doc.querySelectorAll('style').length} <style> elements`);
  return found;
}
