// One registry of commands per view: each has a name, a label, an optional shortcut, when it is
// enabled and what it does. Buttons, menus and keyboard shortcuts all run commands from here, so a
// shortcut can never do something different from its button (Excalidraw's action registry).

export interface Command<C> {
  /** Stable name, e.g. `clock.pause`. */
  name: string;
  label: string;
  /** e.g. `Space`, `Shift+D`, `?`, `]`. Matched against KeyboardEvent.key plus modifiers. */
  shortcut?: string;
  /** Shown in the `?` overlay. */
  group: string;
  enabled(ctx: C): boolean;
  perform(ctx: C): void | Promise<void>;
  /** Commands that open or focus an input may run while another input has focus. */
  allowInInputs?: boolean;
}

export type Registry<C> = readonly Command<C>[];

interface Chord {
  key: string;
  shift: boolean;
  ctrl: boolean;
  alt: boolean;
}

function parseShortcut(shortcut: string): Chord {
  const parts = shortcut.split('+');
  // `+` alone, or ending in `++`, means the plus key.
  const key = shortcut.endsWith('++') || shortcut === '+' ? '+' : (parts[parts.length - 1] ?? '');
  const mods = new Set(parts.slice(0, -1).map((m) => m.toLowerCase()));
  return { key: key === 'Space' ? ' ' : key, shift: mods.has('shift'), ctrl: mods.has('ctrl') || mods.has('mod'), alt: mods.has('alt') };
}

export interface KeyLike {
  key: string;
  shiftKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
}

export function matchesShortcut(event: KeyLike, shortcut: string): boolean {
  const chord = parseShortcut(shortcut);
  const key = event.key.length === 1 ? event.key.toLowerCase() : event.key;
  const want = chord.key.length === 1 ? chord.key.toLowerCase() : chord.key;
  if (key !== want) return false;
  if ((event.ctrlKey || event.metaKey) !== chord.ctrl) return false;
  if (event.altKey !== chord.alt) return false;
  // Printable symbols such as `?` or `]` need Shift on some layouts: only letters check Shift.
  if (/^[a-z]$/.test(want) && event.shiftKey !== chord.shift) return false;
  return true;
}

export function findCommand<C>(registry: Registry<C>, name: string): Command<C> {
  const command = registry.find((c) => c.name === name);
  if (!command) throw new Error(`No command named '${name}' in this registry.`);
  return command;
}

/** Runs a command if it is enabled; returns whether it ran. */
export async function runCommand<C>(command: Command<C>, ctx: C): Promise<boolean> {
  if (!command.enabled(ctx)) return false;
  await command.perform(ctx);
  return true;
}

function isTyping(target: EventTarget | null): boolean {
  if (!target || typeof (target as { tagName?: unknown }).tagName !== 'string') return false;
  const el = target as HTMLElement;
  return el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable;
}

/** The command a key press means here, or null (typing into a field never triggers plain keys). */
export function commandForKey<C>(registry: Registry<C>, event: KeyLike & { target: EventTarget | null }): Command<C> | null {
  const typing = isTyping(event.target);
  for (const command of registry) {
    if (!command.shortcut || !matchesShortcut(event, command.shortcut)) continue;
    const hasModifier = event.ctrlKey || event.metaKey || event.altKey;
    if (typing && !hasModifier && !command.allowInInputs) continue;
    return command;
  }
  return null;
}
