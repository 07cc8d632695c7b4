// Which links may leave the app for the system browser: https only, to a short list of hosts,
// exactly as written. Scenario and participant text is untrusted and can hold any link, so
// everything else is refused: other schemes (javascript:, file:, data:, http:), credentials in the
// URL, ports, lookalike hosts (github.com.evil.example, xn-- homographs), and strings that only
// become a URL after a browser cleans them up (spaces, control characters, backslashes).
export const EXTERNAL_HOST_ALLOWLIST: readonly string[] = Object.freeze([
  'github.com',
  'www.cisa.gov',
  'www.fema.gov',
  'www.nist.gov',
  'csrc.nist.gov',
]);

const MAX_URL_LENGTH = 2048;
// Whitespace, controls, backslash, and characters browsers strip or reinterpret silently.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SUSPICIOUS = /[\s\u0000-\u001f\u007f-\u009f\\\u200b-\u200f\u2028\u2029\ufeff]/u;

/** The normalized https URL to open, or null when the link is refused. */
export function allowedExternalUrl(raw: unknown, allowlist: readonly string[] = EXTERNAL_HOST_ALLOWLIST): string | null {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > MAX_URL_LENGTH) return null;
  if (SUSPICIOUS.test(raw)) return null;
  // Require the scheme exactly as https:// so that a URL parser's leniency (`https:github.com`,
  // `HTTPS:/github.com`) cannot turn a malformed string into an allowed one.
  if (!raw.startsWith('https://')) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return null;
  // The host as typed must be the host as parsed: no percent-encoding or IDN tricks.
  const typedHost = raw.slice('https://'.length).split(/[/?#]/, 1)[0];
  if (typedHost !== url.host) return null;
  if (!allowlist.includes(url.hostname)) return null;
  return url.href;
}
