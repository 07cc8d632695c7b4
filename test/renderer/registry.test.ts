import { describe, expect, it } from 'vitest';
import { commandForKey, matchesShortcut, runCommand, type Command } from '../../renderer/commands/registry.ts';
import { consoleCommands } from '../../renderer/views/console/console-commands.ts';

const key = (k: string, mods: Partial<{ shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) =>
  ({ key: k, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, target: null, ...mods });

describe('command registry', () => {
  it('matches letters with their Shift state, symbols whatever the layout needs', () => {
    expect(matchesShortcut(key('p'), 'p')).toBe(true);
    expect(matchesShortcut(key('P', { shiftKey: true }), 'p')).toBe(false);
    expect(matchesShortcut(key('S', { shiftKey: true }), 'Shift+S')).toBe(true);
    expect(matchesShortcut(key('s'), 'Shift+S')).toBe(false);
    expect(matchesShortcut(key('?', { shiftKey: true }), '?')).toBe(true);
    expect(matchesShortcut(key('p', { ctrlKey: true }), 'p')).toBe(false);
    expect(matchesShortcut(key('1', { altKey: true }), 'Alt+1')).toBe(true);
    expect(matchesShortcut(key(' '), 'Space')).toBe(true);
  });

  it('gives every console shortcut to one command only', () => {
    const shortcuts = consoleCommands.flatMap((c) => (c.shortcut ? [c.shortcut.toLowerCase()] : []));
    expect(new Set(shortcuts).size).toBe(shortcuts.length);
    expect(new Set(consoleCommands.map((c) => c.name)).size).toBe(consoleCommands.length);
  });

  it('runs a command only when it is enabled, and skips plain keys typed into fields', async () => {
    let ran = 0;
    let enabled = false;
    const registry: Command<null>[] = [{ name: 'x', label: 'X', shortcut: 'x', group: 'g', enabled: () => enabled, perform: () => { ran += 1; } }];
    expect(await runCommand(registry[0]!, null)).toBe(false);
    enabled = true;
    expect(await runCommand(registry[0]!, null)).toBe(true);
    expect(ran).toBe(1);
    const input = { tagName: 'INPUT', isContentEditable: false } as unknown as EventTarget;
    expect(commandForKey(registry, { ...key('x'), target: input })).toBeNull();
    expect(commandForKey(registry, key('x'))?.name).toBe('x');
  });
});
