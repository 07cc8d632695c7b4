// The headers of every HTTP answer of the LAN server, and the checks of where a request comes
// from. A page on another site must not reach this server through a participant's browser (Origin)
// nor through a DNS name rebound to a room address (Host).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { networkInterfaces } from 'node:os';

export function contentSecurityPolicy(): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    // React sets style attributes; a style cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // 'self' covers ws:// to the same host and port in current browsers.
    "connect-src 'self'",
    "object-src 'none'",
    "frame-ancestors 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
});

export function setSecurityHeaders(res: ServerResponse): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

export function isLoopback(address: string | undefined): boolean {
  return address !== undefined && LOOPBACK.has(address);
}

const hostPart = (address: string): string => (address.includes(':') ? `[${address}]` : address);

/** The Host header values this server answers to: loopback names and the address it listens on. */
export function allowedHosts(bound: string, port: number): Set<string> {
  const names = new Set(['127.0.0.1', 'localhost', '[::1]']);
  if (bound === '0.0.0.0' || bound === '::') {
    for (const list of Object.values(networkInterfaces())) for (const info of list ?? []) names.add(hostPart(info.address));
  } else {
    names.add(hostPart(bound));
  }
  return new Set([...names].map((n) => `${n}:${port}`.toLowerCase()));
}

export type OriginCheck = { ok: true } | { ok: false; status: 400 | 403 | 421; message: string };

/**
 * Headers that decide who a request is for or from. Node keeps the first of two Host headers (and
 * joins two Origins), so a request could be checked against one and meant for another: a second
 * copy of any of them is refused.
 */
const SINGLE_HEADERS = ['host', 'origin', 'x-drillbook-token', 'content-type', 'content-length'] as const;

/** A request must name one of our hosts, once, and a browser's Origin (when sent) must be one of ours. */
export function checkOrigin(req: IncomingMessage, hosts: ReadonlySet<string>): OriginCheck {
  for (const name of SINGLE_HEADERS) {
    if ((req.headersDistinct[name]?.length ?? 0) > 1) return { ok: false, status: 400, message: `The request carries more than one ${name} header.` };
  }
  const host = (req.headers.host ?? '').toLowerCase();
  if (!hosts.has(host)) return { ok: false, status: 421, message: 'This Drillbook server does not answer to that host name.' };
  const origin = req.headers.origin?.toLowerCase();
  if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice('http://'.length)))) {
    return { ok: false, status: 403, message: 'Requests from other sites are refused.' };
  }
  return { ok: true };
}
