import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => ({}));

const { appMenuTemplate, menuCommandNames } = await import('../../../electron/main/menu.ts');
const { consoleCommands } = await import('../../../renderer/views/console/console-commands.ts');
const { appCommands } = await import('../../../renderer/app/app-commands.ts');
const { DESKTOP_ONLY_COMMANDS } = await import('../../../core/protocol/desktop.ts');

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function build(platform: NodeJS.Platform, dev = false) {
  const sent: string[] = [];
  const template = appMenuTemplate({ platform, appName: 'Drillbook', dev, send: (name) => void sent.push(name) });
  return { template, all: flatten(template), sent };
}

describe('the app menu', () => {
  it('sends each command item’s name to the renderer when clicked', () => {
    const { all, sent } = build('linux');
    const commands = all.filter((item) => typeof item.click === 'function');
    for (const item of commands) item.click?.({} as never, undefined, {} as never);
    expect(sent).toEqual(menuCommandNames());
    expect(commands.map((item) => item.id)).toEqual(menuCommandNames());
  });

  it('names each command once', () => {
    expect(new Set(menuCommandNames()).size).toBe(menuCommandNames().length);
  });

  it('sends only names the renderer performs: the console registry’s, or a desktop-only one the app registry handles', () => {
    // Names taken from the built template (what a click really sends), not from the menu's own list.
    const { all, sent } = build('darwin');
    for (const item of all) item.click?.({} as never, undefined, {} as never);
    expect(sent.length).toBeGreaterThan(0);
    const consoleNames = new Set(consoleCommands.map((command) => command.name));
    const app = new Set(appCommands.map((command) => command.name));
    for (const name of sent) {
      const performed = consoleNames.has(name) || ((DESKTOP_ONLY_COMMANDS as readonly string[]).includes(name) && app.has(name));
      expect(performed, `the menu sends '${name}', which no renderer registry performs`).toBe(true);
    }
    // Every desktop-only name is in the menu and handled by the renderer's app commands.
    for (const name of DESKTOP_ONLY_COMMANDS) {
      expect(sent).toContain(name);
      expect(app.has(name), name).toBe(true);
    }
  });

  it('binds no single-key accelerator that would steal keys from text fields', () => {
    for (const item of build('linux').all) {
      if (typeof item.accelerator === 'string') expect(item.accelerator).toMatch(/CmdOrCtrl\+/);
    }
  });

  it('has the macOS app menu only on macOS', () => {
    expect(build('darwin').template[0]?.label).toBe('Drillbook');
    expect(build('linux').template[0]?.label).toBe('File');
    expect(build('win32').all.some((item) => item.role === 'quit')).toBe(true);
  });

  it('offers developer tools only in development', () => {
    expect(build('linux', false).all.some((item) => item.role === 'toggleDevTools' || item.role === 'reload')).toBe(false);
    expect(build('linux', true).all.some((item) => item.role === 'toggleDevTools')).toBe(true);
  });
});
