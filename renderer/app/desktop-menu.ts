// The desktop app's menu sends a command name to the facilitator's window; the hub performs it with
// the open view's registry, exactly as that view's button or shortcut would. A name no open view
// can perform now says so instead of doing nothing.
import { useEffect } from 'react';
import type { DesktopVerbs } from '../../core/protocol/desktop.ts';
import type { CommandHub } from '../commands/command-hub.ts';
import type { Toast } from '../store/ui-slice.ts';
import { consoleCommands } from '../views/console/console-commands.ts';
import { appCommands } from './app-commands.ts';

function labelOf(name: string): string {
  return [...consoleCommands, ...appCommands].find((c) => c.name === name)?.label ?? name;
}

export async function performMenuCommand(hub: CommandHub, name: string, toast: (text: string, tone?: Toast['tone']) => void): Promise<void> {
  try {
    const outcome = await hub.perform(name);
    if (outcome.status === 'disabled') toast(`${outcome.label}: not possible right now.`);
    if (outcome.status === 'unknown') toast(`${labelOf(name)}: open a session's console first.`);
  } catch (error) {
    toast(`${labelOf(name)} failed: ${error instanceof Error ? error.message : String(error)}`, 'error');
  }
}

export function useDesktopMenu(desktop: DesktopVerbs | null, hub: CommandHub, toast: (text: string, tone?: Toast['tone']) => void): void {
  useEffect(() => {
    if (!desktop) return;
    return desktop.onMenuCommand((name) => void performMenuCommand(hub, name, toast));
  }, [desktop, hub, toast]);
}
