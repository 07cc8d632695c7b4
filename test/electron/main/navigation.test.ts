import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { guardContents } = await import('../../../electron/main/navigation.ts');
const { denyAllPermissions } = await import('../../../electron/main/permissions.ts');
import type { GuardedContents } from '../../../electron/main/navigation.ts';
import type { PermissionSession } from '../../../electron/main/permissions.ts';

function guarded() {
  const handlers = new Map<string, (event: { preventDefault: () => void }, url: string) => void>();
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  const contents = {
    on: (name: string, fn: (event: { preventDefault: () => void }, url: string) => void) => void handlers.set(name, fn),
    setWindowOpenHandler: (fn: (details: { url: string }) => { action: string }) => void (openHandler = fn),
  };
  const opened: string[] = [];
  guardContents(contents as unknown as GuardedContents, (url) => void opened.push(url));
  const navigate = (name: string, url: string) => {
    const event = { preventDefault: vi.fn() };
    handlers.get(name)?.(event, url);
    return event.preventDefault.mock.calls.length > 0;
  };
  return { handlers, opened, navigate, open: (url: string) => openHandler?.({ url }) };
}

describe('guardContents', () => {
  it('lets a page move within the app origin', () => {
    const g = guarded();
    expect(g.navigate('will-navigate', 'app://drillbook/index.html#/debrief')).toBe(false);
    expect(g.opened).toEqual([]);
  });

  it.each([
    'https://evil.example/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'app://drillbook.evil/',
    'http://127.0.0.1:8080/',
  ])('refuses navigation and redirects to %s and opens nothing', (url) => {
    const g = guarded();
    expect(g.navigate('will-navigate', url)).toBe(true);
    expect(g.navigate('will-redirect', url)).toBe(true);
    expect(g.opened).toEqual([]);
  });

  it('sends an allowlisted https link to the system browser instead of navigating', () => {
    const g = guarded();
    expect(g.navigate('will-navigate', 'https://github.com/x')).toBe(true);
    expect(g.opened).toEqual(['https://github.com/x']);
  });

  it('denies every new window, opening only allowlisted links outside', () => {
    const g = guarded();
    expect(g.open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(g.open('app://drillbook/index.html')).toEqual({ action: 'deny' });
    expect(g.open('https://github.com/')).toEqual({ action: 'deny' });
    expect(g.opened).toEqual(['https://github.com/']);
  });

  it('refuses to attach a webview', () => {
    const g = guarded();
    expect(g.navigate('will-attach-webview', '')).toBe(true);
  });
});

describe('denyAllPermissions', () => {
  it('answers no to every permission request and check', () => {
    let request: ((wc: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: ((...args: unknown[]) => boolean) | undefined;
    let device: ((...args: unknown[]) => boolean) | undefined;
    const session = {
      setPermissionRequestHandler: (fn: typeof request) => void (request = fn),
      setPermissionCheckHandler: (fn: typeof check) => void (check = fn),
      setDevicePermissionHandler: (fn: typeof device) => void (device = fn),
    };
    denyAllPermissions(session as unknown as PermissionSession);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const callback = vi.fn();
      request?.({}, permission, callback);
      expect(callback).toHaveBeenCalledWith(false);
      expect(check?.({}, permission, 'app://drillbook', {})).toBe(false);
    }
    expect(device?.({ deviceType: 'usb' })).toBe(false);
  });
});
