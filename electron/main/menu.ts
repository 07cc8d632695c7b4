// The application menu, as data. Each command item sends its name to the facilitator's window,
// where the renderer's command registry performs it (the same code as its button and shortcut).
// Single-key shortcuts stay with the renderer, which knows when the focus is in a text field.
import type { MenuItemConstructorOptions } from 'electron';

export interface MenuCommandItem {
  /**
   * A command name of the renderer's registries: the console's (renderer/views/console/
   * console-commands.ts) or a desktop-only one (DESKTOP_ONLY_COMMANDS, renderer/app/app-commands.ts).
   */
  command: string;
  label: string;
  /** Only for chords with a modifier; see the note above. */
  accelerator?: string;
}

export const MENU_COMMANDS: Readonly<Record<'file' | 'session' | 'view', readonly MenuCommandItem[]>> = {
  file: [
    { command: 'library.import', label: 'Import Scenario…', accelerator: 'CmdOrCtrl+O' },
    { command: 'session.openBundle', label: 'Open Session Bundle…', accelerator: 'CmdOrCtrl+Shift+O' },
    { command: 'report.export', label: 'Export Report…', accelerator: 'CmdOrCtrl+E' },
  ],
  session: [
    { command: 'clock.start', label: 'Start' },
    { command: 'clock.pause', label: 'Pause' },
    { command: 'clock.resume', label: 'Resume' },
    { command: 'clock.faster', label: 'Faster' },
    { command: 'clock.slower', label: 'Slower' },
    { command: 'inject.deliver', label: 'Deliver Selected Inject Now' },
    { command: 'inject.hold', label: 'Hold Selected Inject' },
    { command: 'inject.release', label: 'Release Selected Inject' },
    { command: 'inject.skip', label: 'Skip Selected Inject' },
    { command: 'session.end', label: 'End Session…' },
  ],
  view: [
    { command: 'view.room', label: 'Open Room Screen' },
    { command: 'view.debrief', label: 'Open Debrief' },
    { command: 'help.shortcuts', label: 'Keyboard Shortcuts' },
  ],
};

export interface MenuContext {
  platform: NodeJS.Platform;
  appName: string;
  /** Developer tools only in development builds. */
  dev: boolean;
  /** Sends a command name to the facilitator's window. */
  send(command: string): void;
}

function items(list: readonly MenuCommandItem[], send: (command: string) => void): MenuItemConstructorOptions[] {
  return list.map((item) => ({
    id: item.command,
    label: item.label,
    ...(item.accelerator ? { accelerator: item.accelerator } : {}),
    click: () => send(item.command),
  }));
}

export function appMenuTemplate(ctx: MenuContext): MenuItemConstructorOptions[] {
  const mac = ctx.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [];
  if (mac) {
    template.push({
      label: ctx.appName,
      submenu: [{ role: 'about' }, { type: 'separator' }, { role: 'hide' }, { role: 'hideOthers' }, { role: 'unhide' }, { type: 'separator' }, { role: 'quit' }],
    });
  }
  template.push({
    label: 'File',
    submenu: [...items(MENU_COMMANDS.file, ctx.send), { type: 'separator' }, mac ? { role: 'close' } : { role: 'quit' }],
  });
  template.push({
    label: 'Edit',
    submenu: [{ role: 'undo' }, { role: 'redo' }, { type: 'separator' }, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }],
  });
  template.push({ label: 'Session', submenu: items(MENU_COMMANDS.session, ctx.send) });
  template.push({
    label: 'View',
    submenu: [
      ...items(MENU_COMMANDS.view, ctx.send),
      { type: 'separator' },
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(ctx.dev ? [{ type: 'separator' } as const, { role: 'reload' } as const, { role: 'toggleDevTools' } as const] : []),
    ],
  });
  template.push({ label: 'Window', role: 'windowMenu' });
  return template;
}

/** Every command name the menu can send (a test checks them against the renderer's registry). */
export function menuCommandNames(): string[] {
  return Object.values(MENU_COMMANDS).flatMap((list) => list.map((item) => item.command));
}
