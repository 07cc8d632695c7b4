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

const EMBEDDINGS = new Set(['\u202a', '\u202b', '\u202d', '\u202e']); // LRE RLE LRO RLO, closed by PDF
const ISOLATES = new Set(['\u2066', '\u2067', '\u2068']); // LRI RLI FSI, closed by PDI
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * One line of untrusted text whose bidirectional controls cannot reach past it: an unterminated
 * RLO (U+202E) would reverse the rest of the line in a plain-text viewer. Every embedding and
 * isolate it opens is closed at its end, a stray closer that would end ours early is dropped, and
 * the whole is wrapped in a first-strong isolate (FSI ... PDI). Text without such controls is
 * returned as it is.
 */
export function isolateBidi(line: string): string {
  if (!BIDI_CONTROL.test(line)) return line;
  let embeddings = 0;
  let isolates = 0;
  let out = '';
  for (const c of line) {
    if (EMBEDDINGS.has(c)) embeddings++;
    else if (c === '\u202c') {
      if (embeddings === 0) continue;
      embeddings--;
    } else if (ISOLATES.has(c)) isolates++;
    else if (c === '\u2069') {
      if (isolates === 0) continue;
      isolates--;
    }
    out += c;
  }
  return `\u2068${out}${'\u202c'.repeat(embeddings)}${'\u2069'.repeat(isolates)}\u2069`;
}
