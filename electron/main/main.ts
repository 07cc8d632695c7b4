// The desktop app's main process: wiring only. Every decision lives in a small module beside this
// one, with its test; this file connects them to Electron.
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, protocol, screen, session, shell, type WebContents } from 'electron';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { APP_SCHEME, createAppProtocolHandler, isAppUrl } from './app-protocol.ts';
import { openDesktopBackend, type DesktopBackend } from './backend.ts';
import { PUSH } from './channels.ts';
import { openOptions, readScenarioFile, saveOptions, suggestedPath } from './dialogs.ts';
import { createIpcRouter } from './ipc.ts';
import { appMenuTemplate } from './menu.ts';
import { guardContents } from './navigation.ts';
import { printHtmlToPdf } from './pdf.ts';
import { denyAllPermissions } from './permissions.ts';
import { recoveryOffer } from './recovery.ts';
import { registerIpc } from './register-ipc.ts';
import { WindowStateFile } from './window-state-file.ts';
import { WindowManager, type Screens } from './windows.ts';
import { writeChosenFile } from '../files/atomic-write.ts';
import type { DisplayArea } from './window-state.ts';
import { fmtSessionStart } from '../../core/report/format.ts';

const APP_NAME = 'Drillbook';

// Before `ready`: the app's scheme behaves like https (an origin, secure context, fetch), and
// every renderer is sandboxed whatever a window asks for.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
app.enableSandbox();

/** The folders the bundle finds its neighbours in (out/main/ in the repository and in app.asar). */
function appPaths() {
  const root = app.getAppPath();
  return {
    preload: join(root, 'out', 'main', 'preload.cjs'),
    renderer: join(root, 'renderer', 'dist'),
    scenarios: join(root, 'scenarios'),
    icon: join(root, 'build', 'icon.png'),
  };
}

function screens(): Screens {
  const area = (d: Electron.Display): DisplayArea => ({ id: d.id, workArea: d.workArea });
  return {
    all: () => screen.getAllDisplays().map(area),
    primary: () => area(screen.getPrimaryDisplay()),
    nearest: (bounds) => area(screen.getDisplayMatching(bounds)),
  };
}

const openExternal = async (url: string): Promise<void> => {
  await shell.openExternal(url);
};

async function start(): Promise<void> {
  await app.whenReady();
  const paths = appPaths();
  const userData = app.getPath('userData');
  mkdirSync(userData, { recursive: true });

  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.renderer));
  // Defence in depth: any webContents at all (even one created by a future feature) is guarded.
  app.on('web-contents-created', (_event, contents) => guardContents(contents, openExternal));

  const backend: DesktopBackend = openDesktopBackend({
    userData,
    scenariosDir: paths.scenarios,
    rendererDir: paths.renderer,
    printPdf: (html) =>
      printHtmlToPdf(html, {
        fromPartition: (partition) => session.fromPartition(partition),
        createWindow: (options) => new BrowserWindow(options),
      }),
    onError: (message) => console.error(`drillbook: ${message}`),
  });

  const windows = new WindowManager({
    createWindow: (options) => new BrowserWindow(options),
    preloadPath: paths.preload,
    screens: screens(),
    openExternal,
    remembered: new WindowStateFile(userData),
    title: APP_NAME,
    icon: paths.icon,
  });

  const parentOf = (contents: WebContents): BrowserWindow => {
    const window = BrowserWindow.fromWebContents(contents);
    if (!window) throw new Error('the window that asked has closed');
    return window;
  };

  const router = createIpcRouter({ ipcMain, windowOf: (id) => windows.contextOf(id), isAppUrl });
  const ipc = registerIpc(router, {
    bridge: backend.bridge,
    async pickScenario(contents) {
      const picked = await dialog.showOpenDialog(parentOf(contents), openOptions('scenario'));
      const path = picked.filePaths[0];
      if (picked.canceled || path === undefined) return { ok: true, value: null };
      return readScenarioFile(path);
    },
    async pickReportTarget(contents, suggested, format) {
      const picked = await dialog.showSaveDialog(parentOf(contents), saveOptions(suggestedPath(app.getPath('documents'), suggested, format), format));
      return picked.canceled || !picked.filePath ? null : picked.filePath;
    },
    async pickBundle(contents) {
      const picked = await dialog.showOpenDialog(parentOf(contents), openOptions('bundle'));
      return picked.canceled ? null : (picked.filePaths[0] ?? null);
    },
    openBundle: (path) => backend.openBundle(path),
    // Flushed, published whole, and never over a file that appeared after the dialog (atomic-write.ts).
    writeFile: async (path, data) => writeChosenFile(path, data),
    openSeat: (sessionId, role) => void windows.openSeat(sessionId, role),
    openRoomScreen: (sessionId, fullscreen) => void windows.openRoomScreen(sessionId, fullscreen),
    openExternal,
    joining: backend.joining,
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      appMenuTemplate({
        platform: process.platform,
        appName: APP_NAME,
        dev: !app.isPackaged,
        send: (command) => void windows.sendToFacilitator(PUSH.menuCommand, command),
      }),
    ),
  );

  // A closed lid must not count as exercise time (the host's clock watch also catches jumps).
  powerMonitor.on('suspend', () => backend.suspend());

  app.on('second-instance', () => void windows.openFacilitator());
  app.on('activate', () => void windows.openFacilitator());
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  let closing = false;
  app.on('will-quit', (event) => {
    if (closing) return;
    // Finish the last backup and close the data file before the process goes.
    closing = true;
    event.preventDefault();
    ipc.dispose();
    void backend.close().finally(() => app.quit());
  });

  windows.openFacilitator();
  const listed = await backend.bridge.request('sessions.list', {});
  const recovered = new Set(backend.recovered);
  const offer = listed.ok
    ? recoveryOffer(listed.value.filter((s) => recovered.has(s.sessionId)), fmtSessionStart)
    : null;
  if (offer) {
    // App-modal rather than attached: the facilitator's window may not have shown yet.
    const answer = await dialog.showMessageBox(offer.options);
    const sessionId = offer.choices[answer.response];
    if (sessionId) windows.showSessionConsole(sessionId);
  }
}

if (!app.requestSingleInstanceLock()) {
  // Another Drillbook is running: it gets focus (its 'second-instance'), this one leaves.
  app.quit();
} else {
  start().catch((error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    dialog.showErrorBox('Drillbook could not start', message);
    app.exit(1);
  });
}
