// The one escaping function for every piece of text that goes into an HTML report, in element
// content and in (always double-quoted) attribute values alike. Untrusted text (participants'
// answers, names, notes, scenario text) only ever reaches the page through it.

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

// C0 controls other than tab, LF and CR (and DEL) have no business in a report and NUL is
// silently rewritten by HTML parsers; show each as its Unicode "control picture" (NUL -> U+2400)
// so that it is visible text rather than dropped or mangled.
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

export function visibleControls(value: string): string {
  return value.replace(CONTROLS, (c) => (c === '\u007F' ? '\u2421' : String.fromCharCode(0x2400 + c.charCodeAt(0))));
}

export function escapeHtml(value: string): string {
  return visibleControls(value).replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}
