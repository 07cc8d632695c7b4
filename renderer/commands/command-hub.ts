// Performs a command named from outside the page: the desktop app's menu sends only a name. Each
// mounted view lends its registry and its current context, so the menu runs exactly the command a
// button or a shortcut of that view runs. The newest view answers first; the app's own commands
// (renderer/app/app-commands.ts) come last, as the fallback for names no open view has.
import { runCommand, type Registry } from './registry.ts';

export type HubOutcome =
  | { status: 'ran' | 'disabled'; label: string }
  /** No mounted view knows the name. */
  | { status: 'unknown' };

type Target = (name: string) => Promise<HubOutcome | null>;

export class CommandHub {
  private targets: Target[] = [];

  /**
   * Lends a registry; `ctx` is read when a command runs (the view's latest state). A fallback is
   * asked after every view (React mounts the app's effects after its views'). Returns the removal.
   */
  add<C>(registry: Registry<C>, ctx: () => C, options: { fallback?: boolean } = {}): () => void {
    const target: Target = async (name) => {
      const command = registry.find((c) => c.name === name);
      if (!command) return null;
      return { status: (await runCommand(command, ctx())) ? 'ran' : 'disabled', label: command.label };
    };
    this.targets = options.fallback ? [...this.targets, target] : [target, ...this.targets];
    return () => {
      this.targets = this.targets.filter((t) => t !== target);
    };
  }

  async perform(name: string): Promise<HubOutcome> {
    for (const target of this.targets) {
      const outcome = await target(name);
      if (outcome) return outcome;
    }
    return { status: 'unknown' };
  }
}
