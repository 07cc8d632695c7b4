// On start, sessions that were running or paused when the app last stopped are offered back to the
// facilitator: one dialog, the most recent first.
import type { MessageBoxOptions } from 'electron';
import type { SessionSummary } from '../../core/protocol/bridge.ts';

export interface RecoveryOffer {
  options: MessageBoxOptions;
  /** The session each button (by index) opens; null for "later". */
  choices: (string | null)[];
}

const MAX_OFFERED = 3;

export function recoveryOffer(sessions: readonly SessionSummary[], formatTime: (epochMs: number) => string): RecoveryOffer | null {
  const open = sessions
    .filter((s) => s.status === 'running' || s.status === 'paused')
    .sort((a, b) => b.createdAt - a.createdAt)
    .slice(0, MAX_OFFERED);
  if (open.length === 0) return null;
  const lines = open.map((s) => `• ${s.scenarioTitle} (${s.facilitator}, started ${formatTime(s.startedAt ?? s.createdAt)}, ${s.status})`);
  return {
    options: {
      type: 'question',
      title: 'Interrupted sessions',
      message: open.length === 1 ? 'A session was interrupted when Drillbook last closed.' : `${open.length} sessions were interrupted when Drillbook last closed.`,
      detail: `${lines.join('\n')}\n\nEverything recorded is kept. Open one to continue where it stopped (its clock stays paused until you resume).`,
      buttons: [...open.map((s) => `Open ${s.scenarioTitle}`.slice(0, 60)), 'Later'],
      defaultId: 0,
      cancelId: open.length,
      noLink: true,
    },
    choices: [...open.map((s) => s.sessionId), null],
  };
}
