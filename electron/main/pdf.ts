// PDF export: the report's HTML printed by Chromium in a hidden window that runs no script, has no
// preload, sits in its own throw-away session, and can reach nothing but the one document (served
// from memory with a CSP that allows only inline styles and data: images).
import type { BrowserWindowConstructorOptions, OnBeforeRequestListenerDetails, CallbackResponse, PrintToPDFOptions } from 'electron';
import { REPORT_PDF_CSP } from './csp.ts';
import { guardContents, type GuardedContents } from './navigation.ts';
import { denyAllPermissions, type PermissionSession } from './permissions.ts';
import { webPreferencesFor } from './web-preferences.ts';

export const REPORT_URL = 'app://report/report.html';

export interface PdfSession extends PermissionSession {
  protocol: { handle(scheme: string, handler: (request: Request) => Response | Promise<Response>): void; unhandle(scheme: string): void };
  webRequest: {
    onBeforeRequest(listener: ((details: OnBeforeRequestListenerDetails, callback: (response: CallbackResponse) => void) => void) | null): void;
  };
}

export interface PdfWindow {
  webContents: GuardedContents & {
    loadURL(url: string): Promise<void>;
    printToPDF(options: PrintToPDFOptions): Promise<Uint8Array>;
  };
  destroy(): void;
}

export interface PdfDeps {
  fromPartition(partition: string): PdfSession;
  createWindow(options: BrowserWindowConstructorOptions): PdfWindow;
}

export const PDF_OPTIONS: PrintToPDFOptions = {
  pageSize: 'A4',
  printBackground: true,
  preferCSSPageSize: true,
  margins: { top: 0.4, bottom: 0.4, left: 0.4, right: 0.4 },
};

let exports = 0;

/** Prints `html` to PDF bytes. The window and its session's handlers are gone when it returns. */
export async function printHtmlToPdf(html: string, deps: PdfDeps): Promise<Uint8Array> {
  exports += 1;
  // A fresh in-memory partition per export: nothing is shared with the app's pages or kept after.
  const partition = `drillbook-pdf-${exports}`;
  const ses = deps.fromPartition(partition);
  denyAllPermissions(ses);
  ses.webRequest.onBeforeRequest((details, callback) => callback({ cancel: details.url !== REPORT_URL }));
  ses.protocol.handle('app', (request) =>
    request.url === REPORT_URL
      ? new Response(html, { headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': REPORT_PDF_CSP } })
      : new Response('Not found', { status: 404 }),
  );
  const window = deps.createWindow({
    show: false,
    width: 1024,
    height: 1400,
    webPreferences: { ...webPreferencesFor('pdf', ''), partition },
  });
  try {
    guardContents(window.webContents, () => undefined);
    await window.webContents.loadURL(REPORT_URL);
    return await window.webContents.printToPDF(PDF_OPTIONS);
  } finally {
    window.destroy();
    ses.protocol.unhandle('app');
    ses.webRequest.onBeforeRequest(null);
  }
}
