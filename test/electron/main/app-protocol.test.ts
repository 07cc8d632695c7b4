import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { resolveAppPath, createAppProtocolHandler, isAppUrl } = await import('../../../electron/main/app-protocol.ts');
const { CONTENT_SECURITY_POLICY, CSP_DIRECTIVES } = await import('../../../electron/main/csp.ts');

let parent: string;
let root: string;

beforeAll(() => {
  parent = mkdtempSync(join(tmpdir(), 'drillbook-protocol-'));
  root = join(parent, 'dist');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Drillbook</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(parent, 'secret.txt'), 'do not serve');
  writeFileSync(join(root, '.env'), 'TOKEN=1');
  symlinkSync(join(parent, 'secret.txt'), join(root, 'assets', 'linked.txt'));
});

afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe('resolveAppPath', () => {
  it('maps app URLs to files under the root', () => {
    expect(resolveAppPath(root, 'app://drillbook/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://drillbook')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://drillbook/assets/app.js')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppPath(root, 'app://drillbook/assets/app.js?v=2#x')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveAppPath(root, 'app://drillbook/a%20b.css')).toBe(join(root, 'a b.css'));
  });

  const hostile = [
    'app://drillbook/../secret.txt',
    'app://drillbook/assets/../../secret.txt',
    'app://drillbook/%2e%2e/secret.txt',
    'app://drillbook/%2E%2E/secret.txt',
    'app://drillbook/.%2e/secret.txt',
    'app://drillbook/%252e%252e/secret.txt',
    'app://drillbook/..%2fsecret.txt',
    'app://drillbook/..%2Fsecret.txt',
    'app://drillbook/assets%2f..%2f..%2fsecret.txt',
    'app://drillbook/..%5csecret.txt',
    'app://drillbook/..\\secret.txt',
    'app://drillbook/assets\\..\\..\\secret.txt',
    'app://drillbook//etc/passwd',
    'app://drillbook/%2fetc%2fpasswd',
    'app://drillbook/C:%5cWindows%5cwin.ini',
    'app://drillbook/C:/Windows/win.ini',
    'app://drillbook/index.html%00.png',
    'app://drillbook/index.html\u0000.png',
    'app://drillbook/%E0%A4%A',
    'app://drillbook/.env',
    'app://drillbook/%2eenv',
    'app://other/index.html',
    'app://drillbook.evil/index.html',
    'app://user@drillbook/index.html',
    'file:///etc/passwd',
    'https://drillbook/index.html',
    'not a url',
  ];

  it.each(hostile)('refuses or confines %s', (url) => {
    const resolved = resolveAppPath(root, url);
    // Either refused, or (after the URL parser removed the dots) still inside the root.
    if (resolved !== null) expect(resolved.startsWith(root + sep)).toBe(true);
    expect(resolved?.endsWith('secret.txt') ?? false).toBe(false);
    expect(resolved?.includes('passwd') ?? false).toBe(false);
    expect(resolved?.endsWith('.env') ?? false).toBe(false);
  });

  it('refuses every encoded traversal outright rather than relying on the URL parser', () => {
    for (const url of hostile) expect(resolveAppPath(root, url), url).toBeNull();
  });
});

describe('isAppUrl', () => {
  it('accepts only the app origin', () => {
    expect(isAppUrl('app://drillbook/index.html#/room')).toBe(true);
    expect(isAppUrl('app://drillbook.evil/')).toBe(false);
    expect(isAppUrl('http://drillbook/')).toBe(false);
    expect(isAppUrl('app://x:y@drillbook/')).toBe(false);
    expect(isAppUrl('')).toBe(false);
  });
});

describe('the app protocol handler', () => {
  const get = (url: string, method = 'GET') => createAppProtocolHandler(root)(new Request(url, { method }));

  it('serves a file with its type and the strict CSP', async () => {
    const response = await get('app://drillbook/assets/app.js');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/javascript');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await response.text()).toBe('console.log(1)');
  });

  it('serves index.html for client-side routes', async () => {
    const response = await get('app://drillbook/sessions/abc');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Drillbook</title>');
  });

  it('answers 404 with the CSP for missing files and traversal', async () => {
    for (const url of ['app://drillbook/missing.js', 'app://drillbook/%2e%2e/secret.txt', 'app://drillbook/..%2fsecret.txt']) {
      const response = await get(url);
      expect(response.status, url).toBe(404);
      expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(await response.text()).not.toContain('do not serve');
    }
  });

  it('does not follow a symbolic link out of the folder', async () => {
    const response = await get('app://drillbook/assets/linked.txt');
    expect(response.status).toBe(404);
    expect(await response.text()).not.toContain('do not serve');
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://drillbook/index.html', 'POST')).status).toBe(405);
  });
});

describe('the CSP', () => {
  it('allows scripts only from the app and nothing from the network', () => {
    expect(CSP_DIRECTIVES['default-src']).toBe("'none'");
    expect(CSP_DIRECTIVES['script-src']).toBe("'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|https?:|\*/);
    expect(CSP_DIRECTIVES['script-src']).not.toContain('unsafe-inline');
    expect(CSP_DIRECTIVES['object-src']).toBe("'none'");
    expect(CSP_DIRECTIVES['frame-ancestors']).toBe("'none'");
  });
});
