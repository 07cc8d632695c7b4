// The Content-Security-Policy sent with every page of the app. Scripts only from the app itself
// (no inline script, no eval); nothing is fetched from the network; no plugins, frames or forms.
// Inline styles stay allowed: React sets style attributes and the UI's stylesheet is inlined by the
// bundler in places, and a style cannot run code.
export const CSP_DIRECTIVES: Readonly<Record<string, string>> = Object.freeze({
  'default-src': "'none'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'media-src': "'none'",
  'object-src': "'none'",
  'frame-src': "'none'",
  'worker-src': "'self'",
  'frame-ancestors': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
});

export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([name, value]) => `${name} ${value}`)
  .join('; ');

/** For the hidden PDF window: the report's own inline styles and embedded images, nothing else. */
export const REPORT_PDF_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; font-src data:";
