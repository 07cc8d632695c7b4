import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { webPreferencesFor, WINDOW_KINDS } = await import('../../../electron/main/web-preferences.ts');

const PRELOAD = '/app/out/main/preload.cjs';

describe('webPreferencesFor', () => {
  it.each(WINDOW_KINDS)('locks down the %s window', (kind) => {
    const prefs = webPreferencesFor(kind, PRELOAD);
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      experimentalFeatures: false,
    });
  });

  it('covers every kind the app opens', () => {
    expect([...WINDOW_KINDS].sort()).toEqual(['facilitator', 'pdf', 'room', 'seat']);
  });

  it.each(['facilitator', 'room', 'seat'] as const)('gives the %s window the preload and scripts', (kind) => {
    const prefs = webPreferencesFor(kind, PRELOAD);
    expect(prefs.preload).toBe(PRELOAD);
    expect(prefs.javascript).toBe(true);
  });

  it('gives the pdf window no preload and no JavaScript', () => {
    const prefs = webPreferencesFor('pdf', PRELOAD);
    expect(prefs.preload).toBeUndefined();
    expect('preload' in prefs).toBe(false);
    expect(prefs.javascript).toBe(false);
  });

  it('returns a fresh object each time, so a caller cannot loosen the shared settings', () => {
    const first = webPreferencesFor('room', PRELOAD);
    first.sandbox = false as unknown as true;
    expect(webPreferencesFor('room', PRELOAD).sandbox).toBe(true);
  });
});
