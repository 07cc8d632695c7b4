// The commands of the app itself rather than of one view: the desktop menu's file dialogs. They
// run through the same registry machinery as the views' commands, as the hub's fallback, so a name
// that an open view knows (the debrief's `report.export`) is performed by that view instead.
import { ok, type BridgeResult, type ImportedEntry, type LibraryEntry } from '../../core/protocol/bridge.ts';
import type { DesktopOnlyCommand, DesktopVerbs } from '../../core/protocol/desktop.ts';
import type { Command, Registry } from '../commands/registry.ts';
import type { Route } from '../store/route.ts';
import type { Toast } from '../store/ui-slice.ts';

export interface AppCommandContext {
  /** The desktop app's verbs; null in a browser, where these commands are disabled. */
  desktop: DesktopVerbs | null;
  route: Route;
  navigate(route: Route): void;
  toast(text: string, tone?: Toast['tone']): void;
  acceptImport(fileName: string, result: BridgeResult<ImportedEntry>): Promise<LibraryEntry | null>;
  loadSessions(): Promise<void>;
}

const onDesktop = (ctx: AppCommandContext) => ctx.desktop !== null;
const sessionOf = (route: Route): string | null => ('sessionId' in route ? route.sessionId : null);

// One entry per desktop-only name: the type makes a missing or misspelt one a compile error.
const commands: { [N in DesktopOnlyCommand]: Omit<Command<AppCommandContext>, 'name'> } = {
  'library.import': {
    label: 'Import a scenario…', group: 'File',
    enabled: onDesktop,
    perform: async (ctx) => {
      if (!ctx.desktop) return;
      // The main process shows the dialog, reads the file and imports it; a refusal (with the
      // validator's located errors) shows in the library, where the drop zone's refusals show.
      const picked = await ctx.desktop.importScenario();
      if (!picked.ok) {
        await ctx.acceptImport('The scenario file', picked);
        ctx.navigate({ view: 'library', entryId: null });
        return;
      }
      if (picked.value === null) return;
      const entry = await ctx.acceptImport(picked.value.fileName, ok(picked.value));
      ctx.navigate({ view: 'library', entryId: entry?.entryId ?? null });
    },
  },
  'session.openBundle': {
    label: 'Open a session bundle…', group: 'File',
    enabled: onDesktop,
    perform: async (ctx) => {
      if (!ctx.desktop) return;
      const opened = await ctx.desktop.openBundle();
      if (!opened.ok) {
        ctx.toast(opened.error.message, 'error');
        return;
      }
      const session = opened.value;
      if (session === null) return;
      // A bundle is a past session to review and export (read-only): its debrief is the place.
      ctx.toast(`Opened the session of ${session.scenarioTitle} run by ${session.facilitator}${session.readOnly ? ', read-only' : ''}.`);
      await ctx.loadSessions();
      ctx.navigate({ view: 'debrief', sessionId: session.sessionId });
    },
  },
  'report.export': {
    // On the debrief, its export panel performs this name; from elsewhere in a session, go there.
    label: 'Export the report…', group: 'File',
    enabled: (ctx) => sessionOf(ctx.route) !== null,
    perform: (ctx) => {
      const sessionId = sessionOf(ctx.route);
      if (sessionId === null) return;
      ctx.navigate({ view: 'debrief', sessionId });
      ctx.toast('Choose a format under Export to save the report.');
    },
  },
};

export const appCommands: Registry<AppCommandContext> = Object.entries(commands).map(([name, command]) => ({ name, ...command }));
