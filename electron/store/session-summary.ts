// Keeps the sessions, seats and improvement_items tables in step with a session's event log, in
// the same transaction as the append (see SqliteEventStore's `project`). Listings and the CLI read
// these summaries; scoring and recovery always read the log itself.
import type { SessionEvent } from '../../core/engine/event.ts';
import { isEngineEvent } from '../../core/engine/index.ts';
import type { ImprovementQueries } from './queries/improvements.ts';
import type { SessionQueries } from './queries/sessions.ts';

export function summarizeEvents(sessions: SessionQueries, improvements: ImprovementQueries) {
  return (sessionId: string, events: readonly SessionEvent[]): void => {
    for (const event of events) {
      if (!isEngineEvent(event)) continue;
      switch (event.type) {
        case 'session.setup': {
          const seats = event.payload.participants.flatMap((p) => p.roles.map((role) => ({ role, participant: p.name })));
          sessions.setHeader(sessionId, event.payload.facilitator, seats);
          break;
        }
        case 'session.started':
        case 'session.resumed':
          sessions.setStatus(sessionId, 'running', event.wall);
          break;
        case 'session.paused':
          sessions.setStatus(sessionId, 'paused', event.wall);
          break;
        case 'session.ended':
          sessions.setStatus(sessionId, 'ended', event.wall);
          break;
        case 'plan.item.saved': {
          const p = event.payload;
          improvements.save(sessionId, { id: p.id, issue: p.issue, correctiveAction: p.corrective_action, owner: p.owner, due: p.due, objective: p.objective }, event.wall);
          break;
        }
        case 'plan.item.removed':
          improvements.remove(sessionId, event.payload.id);
          break;
        default:
          break;
      }
    }
  };
}
