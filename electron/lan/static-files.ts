// The built renderer, served read-only. Only files that exist under the build directory when the
// server starts can be served (a fixed list, so no path in a URL can walk out of it); the page
// gets a marker that tells the renderer it is in browser mode.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** The meta tag the renderer looks for to pick the WebSocket bridge. */
export const LAN_MARKER = '<meta name="drillbook-host" content="lan" />';

export interface StaticFile {
  body: Buffer;
  type: string;
}

function walk(dir: string, root: string, out: Map<string, string>): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) walk(full, root, out);
    else if (entry.isFile()) out.set(`/${relative(root, full).split(sep).join('/')}`, full);
  }
}

export class StaticFiles {
  private readonly files = new Map<string, string>();

  constructor(readonly dir: string) {
    try {
      if (statSync(dir).isDirectory()) walk(dir, dir, this.files);
    } catch {
      // No build: every page answers with how to make one (see `get`).
    }
  }

  get built(): boolean {
    return this.files.has('/index.html');
  }

  /** The file for a URL path (`/` is index.html), or undefined. */
  get(urlPath: string): StaticFile | undefined {
    const path = urlPath === '/' ? '/index.html' : urlPath;
    const full = this.files.get(path);
    if (!full) return undefined;
    const type = TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
    let body = readFileSync(full);
    if (path === '/index.html') body = Buffer.from(body.toString('utf8').replace('<head>', `<head>\n    ${LAN_MARKER}`), 'utf8');
    return { body, type };
  }
}
