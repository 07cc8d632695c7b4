import type { ReactNode } from 'react';
import { runCommand, type Command } from './registry.ts';

/** A button that runs a registry command: same label, same enabled-when, shortcut shown. */
export function CommandButton<C>({ command, ctx, className, children }: {
  command: Command<C>;
  ctx: C;
  className?: string;
  children?: ReactNode;
}) {
  const enabled = command.enabled(ctx);
  return (
    <button
      type="button"
      className={className}
      disabled={!enabled}
      aria-keyshortcuts={command.shortcut}
      // A shortened visible text keeps the full label as the accessible name.
      aria-label={children ? command.label : undefined}
      title={command.shortcut ? `${command.label} (${command.shortcut})` : command.label}
      data-command={command.name}
      onClick={() => void runCommand(command, ctx)}
    >
      {children ?? command.label}
      {command.shortcut ? <> <kbd aria-hidden="true">{command.shortcut === ' ' ? 'Space' : command.shortcut}</kbd></> : null}
    </button>
  );
}
