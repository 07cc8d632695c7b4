import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { printHtmlToPdf, REPORT_URL, PDF_OPTIONS } = await import('../../../electron/main/pdf.ts');
import type { PdfDeps, PdfSession, PdfWindow } from '../../../electron/main/pdf.ts';
import type { BrowserWindowConstructorOptions } from 'electron';

function fakes(failPrint = false) {
  const log: string[] = [];
  let protocolHandler: ((request: Request) => Response | Promise<Response>) | undefined;
  let beforeRequest: ((details: { url: string }, cb: (r: { cancel?: boolean }) => void) => void) | null = null;
  let windowOptions: BrowserWindowConstructorOptions | undefined;
  let loaded: Response | undefined;
  const session = {
    setPermissionRequestHandler: () => log.push('permissions'),
    setPermissionCheckHandler: () => undefined,
    setDevicePermissionHandler: () => undefined,
    protocol: {
      handle: (scheme: string, fn: typeof protocolHandler) => {
        log.push(`handle ${scheme}`);
        protocolHandler = fn;
      },
      unhandle: (scheme: string) => log.push(`unhandle ${scheme}`),
    },
    webRequest: { onBeforeRequest: (fn: typeof beforeRequest) => void (beforeRequest = fn) },
  };
  const window = {
    webContents: {
      on: vi.fn(),
      setWindowOpenHandler: vi.fn(),
      loadURL: async (url: string) => {
        log.push(`load ${url}`);
        loaded = await protocolHandler?.(new Request(url));
      },
      printToPDF: async (options: unknown) => {
        log.push(`print ${JSON.stringify(options)}`);
        if (failPrint) throw new Error('printer on fire');
        return new Uint8Array([0x25, 0x50, 0x44, 0x46]);
      },
    },
    destroy: () => log.push('destroy'),
  };
  const deps: PdfDeps = {
    fromPartition: (name) => {
      log.push(`partition ${name}`);
      return session as unknown as PdfSession;
    },
    createWindow: (options) => {
      windowOptions = options;
      return window as unknown as PdfWindow;
    },
  };
  return { deps, log, options: () => windowOptions, loaded: () => loaded, handler: () => protocolHandler, beforeRequest: () => beforeRequest };
}

describe('printHtmlToPdf', () => {
  it('prints the report in a hidden, script-less window with no preload, then tears it down', async () => {
    const f = fakes();
    const bytes = await printHtmlToPdf('<h1>Debrief</h1>', f.deps);
    expect([...bytes]).toEqual([0x25, 0x50, 0x44, 0x46]);
    const options = f.options();
    expect(options?.show).toBe(false);
    expect(options?.webPreferences).toMatchObject({ javascript: false, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(options?.webPreferences?.preload).toBeUndefined();
    expect(options?.webPreferences?.partition).toMatch(/^drillbook-pdf-\d+$/);
    expect(f.log.slice(-2)).toEqual(['destroy', 'unhandle app']);
    expect(f.log).toContain('unhandle app');
    expect(f.log).toContain(`print ${JSON.stringify(PDF_OPTIONS)}`);
  });

  it('serves only the report, with a CSP that allows no script and no network', async () => {
    const f = fakes();
    await printHtmlToPdf('<p>x</p>', f.deps);
    const response = f.loaded();
    expect(await response?.text()).toBe('<p>x</p>');
    expect(response?.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(response?.headers.get('content-security-policy')).not.toMatch(/script-src/);
    const other = await f.handler()?.(new Request('app://report/../../etc/passwd'));
    expect(other?.status).toBe(404);
  });

  it('cancels every request but the report itself', async () => {
    const f = fakes();
    const seen: { url: string; cancel: boolean | undefined }[] = [];
    const deps: PdfDeps = {
      ...f.deps,
      createWindow: (options) => {
        const gate = f.beforeRequest();
        for (const url of [REPORT_URL, 'https://tracker.example/pixel.png', 'file:///etc/passwd']) {
          gate?.({ url }, (response) => void seen.push({ url, cancel: response.cancel }));
        }
        return f.deps.createWindow(options);
      },
    };
    await printHtmlToPdf('<p>x</p>', deps);
    expect(seen).toEqual([
      { url: REPORT_URL, cancel: false },
      { url: 'https://tracker.example/pixel.png', cancel: true },
      { url: 'file:///etc/passwd', cancel: true },
    ]);
  });

  it('uses a fresh partition per export and cleans up when printing fails', async () => {
    const f = fakes(true);
    await expect(printHtmlToPdf('<p>x</p>', f.deps)).rejects.toThrow('printer on fire');
    expect(f.log).toContain('destroy');
    expect(f.log).toContain('unhandle app');
    const g = fakes();
    await printHtmlToPdf('<p>y</p>', g.deps);
    const partitions = [...f.log, ...g.log].filter((line) => line.startsWith('partition'));
    expect(new Set(partitions).size).toBe(2);
  });
});
