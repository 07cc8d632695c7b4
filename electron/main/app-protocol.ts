// The renderer is served from app://drillbook/, not file://: a file:// page could read any file
// its path names, and every file:// page shares one origin. The resolver maps a request URL to a
// file under the renderer's build folder, or refuses it; it never trusts the URL parser alone to
// have removed `..` (defence in depth against encodings it does not normalize).
import { readFile, realpathSync } from 'node:fs';
import { promisify } from 'node:util';
import { extname, join, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from './csp.ts';

export const APP_SCHEME = 'app';
export const APP_HOST = 'drillbook';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY = `${APP_ORIGIN}/index.html`;

/** Whether a URL is a page of the app's own origin. */
export function isAppUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

// A decoded segment may hold none of these: separators (an encoded `/` or `\`), NUL and other
// control characters, or a drive letter's colon.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const UNSAFE_SEGMENT = /[/\\:\u0000-\u001f\u007f]/;

/**
 * The absolute path of the file a request names under `root`, or null when the request is not
 * ours or tries to leave `root`. An empty path names index.html. The path is taken from the raw
 * string, not from a URL parser: a parser quietly removes `..` and `%2e%2e`, which would turn an
 * attack into a harmless-looking request instead of a refused one.
 */
export function resolveAppPath(root: string, rawUrl: string): string | null {
  const prefix = `${APP_ORIGIN}`;
  if (!rawUrl.startsWith(prefix)) return null;
  const rest = rawUrl.slice(prefix.length);
  if (rest !== '' && !/^[/?#]/.test(rest)) return null; // app://drillbook.evil, app://drillbookx
  const rawPath = rest.split(/[?#]/, 1)[0] ?? '';
  // eslint-disable-next-line no-control-regex -- matching control characters is the point
  if (rawPath.includes('\\') || /[\u0000-\u001f\u007f]/.test(rawPath)) return null;
  const relative = rawPath === '' || rawPath === '/' ? 'index.html' : rawPath.slice(1);
  const segments: string[] = [];
  for (const raw of relative.split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return null;
    }
    // Empty segments come from `//`, which is how an absolute path would sneak in; a `%` left
    // after decoding is a double encoding; a leading dot is `.`, `..` or a hidden file.
    if (segment === '' || segment.startsWith('.') || segment.includes('%')) return null;
    if (UNSAFE_SEGMENT.test(segment)) return null;
    segments.push(segment);
  }
  const base = resolve(root);
  const target = resolve(join(base, ...segments));
  if (!target.startsWith(base + sep)) return null;
  return target;
}

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'content-type': contentType,
    'content-security-policy': CONTENT_SECURITY_POLICY,
    'x-content-type-options': 'nosniff',
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
  };
}

function notFound(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') });
}

/**
 * The handler for protocol.handle(APP_SCHEME, ...). A path with no extension is a client-side
 * route and gets index.html, so a reload on /sessions/abc still opens the app.
 */
// The callback and sync forms of fs are the ones Electron's app.asar support is known to cover.
const readFileAsync = promisify(readFile);

export function createAppProtocolHandler(root: string, read: (path: string) => Promise<Uint8Array> = readFileAsync) {
  let realRoot: string | undefined;
  return async (request: Request): Promise<Response> => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return notFound(405, 'Method not allowed');
    const path = resolveAppPath(root, request.url);
    if (path === null) return notFound(404, 'Not found');
    const ext = extname(path).toLowerCase();
    const file = ext === '' ? join(resolve(root), 'index.html') : path;
    try {
      // A symbolic link inside the folder must not lead out of it.
      realRoot ??= realpathSync(root);
      const base = realRoot;
      const real = realpathSync(file);
      if (!real.startsWith(base + sep)) return notFound(404, 'Not found');
      const body = await read(real);
      return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
        status: 200,
        headers: securityHeaders(MIME[extname(file).toLowerCase()] ?? 'application/octet-stream'),
      });
    } catch {
      return notFound(404, 'Not found');
    }
  };
}
