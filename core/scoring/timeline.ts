// The debrief timeline: one line a person reads for every event of the log, in order. Text that
// participants typed is carried as data (reports escape it); summaries quote it only in short.

import type { Channel, Scenario } from '../scenario/types.ts';
import { PROMPT_TYPE_SPECS } from '../scenario/prompt-types.ts';
import type { SessionEvent } from '../engine/event.ts';
import { isEngineEvent, type EngineEvent } from '../engine/events.ts';
import { indexScenario } from '../engine/scenario-index.ts';
import type { DebriefTimelineEntry, TimelineKind } from './debrief-types.ts';

const SHORT = 120;

function short(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > SHORT ? `${flat.slice(0, SHORT - 1)}…` : flat;
}

function actorName(actor: string): string {
  return actor.startsWith('role:') ? actor.slice(5) : actor;
}

const fmtSpeed = (speed: number): string => `${speed}x`;

interface Entry {
  kind: TimelineKind;
  summary: string;
  role?: string | null;
  inject?: string | null;
  prompt?: string | null;
  channel?: Channel | null;
}

export function buildTimeline(scenario: Scenario, events: readonly SessionEvent[]): DebriefTimelineEntry[] {
  const index = indexScenario(scenario);
  const adhoc = new Map<string, EngineEvent & { type: 'adhoc.sent' }>();
  const out: DebriefTimelineEntry[] = [];
  const injectTitle = (id: string): string => index.injects.get(id)?.title ?? adhoc.get(id)?.payload.title ?? id;
  const adhocPrompt = (id: string) => [...adhoc.values()].find((a) => a.payload.prompt?.id === id)?.payload.prompt;
  const promptInject = (id: string): string | null => index.prompts.get(id)?.inject ?? [...adhoc.values()].find((a) => a.payload.prompt?.id === id)?.payload.inject ?? null;
  // A person reads titles, not ids (issue 14, item 18: "eng took action open-breaker"). The ids stay
  // in the entry's own fields (role, prompt, inject) for machines.
  const roleTitle = (id: string): string => index.roles.get(id)?.title ?? id;
  const roleList = (ids: readonly string[]): string => ids.map(roleTitle).join(', ');
  const promptAsk = (id: string): string => `"${short(index.prompts.get(id)?.ask ?? adhocPrompt(id)?.ask ?? id)}"`;
  const optionLabel = (prompt: string, option: string): string =>
    (index.prompts.get(prompt)?.options ?? adhocPrompt(prompt)?.options ?? []).find((o) => o.id === option)?.label ?? option;
  const objectiveTitle = (id: string): string => index.objectives.get(id)?.title ?? id;

  // A note is printed as last corrected, at the time it was taken; a deleted note not at all.
  const latestNote = new Map<number, { tag: string; text: string; role: string | null } | null>();
  for (const raw of events) {
    if (!isEngineEvent(raw)) continue;
    if (raw.type === 'note.edited' && latestNote.get(raw.payload.note) !== null) latestNote.set(raw.payload.note, { tag: raw.payload.tag, text: raw.payload.text, role: raw.payload.role ?? null });
    else if (raw.type === 'note.deleted') latestNote.set(raw.payload.note, null);
  }

  for (const raw of events) {
    if (!isEngineEvent(raw)) continue;
    const e: EngineEvent = raw;
    let entry: Entry | null = null;
    switch (e.type) {
      case 'session.setup': {
        const people = e.payload.participants.map((p) => `${p.name} (${roleList(p.roles) || 'no role'})`).join('; ');
        entry = { kind: 'system', summary: `Session set up: facilitator ${e.payload.facilitator}${people ? `; ${people}` : ''}` };
        break;
      }
      case 'session.started': entry = { kind: 'control', summary: `Session started at ${fmtSpeed(e.payload.speed)}` }; break;
      case 'session.paused': entry = { kind: 'control', summary: `Paused (${e.payload.reason})` }; break;
      case 'session.resumed': entry = { kind: 'control', summary: 'Resumed' }; break;
      case 'session.speed': entry = { kind: 'control', summary: `Speed set to ${fmtSpeed(e.payload.speed)}` }; break;
      case 'session.ended': entry = { kind: 'control', summary: `Session ended (${e.payload.reason})` }; break;
      case 'session.recovered': entry = { kind: 'system', summary: 'Session recovered after the app stopped unexpectedly; nothing recorded was lost' }; break;
      case 'adhoc.sent': adhoc.set(e.payload.inject, e); break;
      case 'inject.delivered': {
        const def = index.injects.get(e.payload.inject);
        const ad = adhoc.get(e.payload.inject);
        const to = def ? (def.toAll ? 'everyone' : roleList(def.to)) : ad ? (ad.payload.toAll ? 'everyone' : roleList(ad.payload.to)) : '?';
        const how = e.payload.how === 'early' ? ' (delivered early by the facilitator)' : e.payload.how === 'adhoc' ? ' (ad-hoc)' : '';
        entry = { kind: 'delivery', summary: `Delivered '${short(injectTitle(e.payload.inject))}' to ${to}${how}`, inject: e.payload.inject, channel: def?.channel ?? ad?.payload.channel ?? null };
        break;
      }
      case 'inject.held': entry = { kind: 'control', summary: `Held '${short(injectTitle(e.payload.inject))}'`, inject: e.payload.inject }; break;
      case 'inject.released': entry = { kind: 'control', summary: `Released '${short(injectTitle(e.payload.inject))}'`, inject: e.payload.inject }; break;
      case 'inject.skipped': entry = { kind: 'control', summary: `Skipped '${short(injectTitle(e.payload.inject))}'`, inject: e.payload.inject }; break;
      case 'prompt.answered': {
        const a = e.payload.answer;
        // Free text (and an ad-hoc prompt's answer of unknown type) is quoted; options read as their labels.
        const type = index.prompts.get(e.payload.prompt)?.type ?? adhocPrompt(e.payload.prompt)?.type;
        const free = type === undefined || PROMPT_TYPE_SPECS[type].freeText;
        const shown = typeof a === 'string' ? (free ? `"${short(a)}"` : optionLabel(e.payload.prompt, a)) : a.map((o) => optionLabel(e.payload.prompt, o)).join(', ');
        entry = { kind: 'decision', summary: `${roleTitle(e.payload.role)} answered ${promptAsk(e.payload.prompt)}: ${shown}`, role: e.payload.role, prompt: e.payload.prompt, inject: promptInject(e.payload.prompt) };
        break;
      }
      case 'action.taken': {
        const title = index.actions.get(e.payload.action)?.title ?? e.payload.action;
        entry = { kind: 'decision', summary: `${roleTitle(e.payload.role)} took action '${title}'`, role: e.payload.role };
        break;
      }
      case 'chat.posted': entry = { kind: 'chat', summary: `${e.payload.role === null ? 'Facilitator' : roleTitle(e.payload.role)}: ${short(e.payload.text)}`, role: e.payload.role }; break;
      case 'note.added': {
        const note = latestNote.has(e.seq) ? latestNote.get(e.seq) : { tag: e.payload.tag, text: e.payload.text, role: e.payload.role ?? null };
        if (note) entry = { kind: 'note', summary: `Note (${note.tag}): ${short(note.text)}`, role: note.role };
        break;
      }
      case 'answer.graded': entry = { kind: 'grade', summary: `Graded ${promptAsk(e.payload.prompt)}: ${e.payload.credit} (${short(e.payload.reason)})`, prompt: e.payload.prompt, inject: promptInject(e.payload.prompt) }; break;
      case 'objective.rated':
        entry = { kind: 'rating', summary: e.payload.rating === null ? `Rating override withdrawn for ${objectiveTitle(e.payload.objective)}` : `Rated ${objectiveTitle(e.payload.objective)} ${e.payload.rating} (${short(e.payload.reason)})` };
        break;
      case 'plan.item.saved': entry = { kind: 'system', summary: `Improvement plan: ${short(e.payload.issue)}` }; break;
      case 'plan.item.removed': entry = { kind: 'system', summary: `Improvement plan item ${e.payload.id} removed` }; break;
      case 'action.validated':
        entry = { kind: 'system', summary: `Corrective action ${e.payload.validated ? 'validated' : 'not validated'}: ${short(e.payload.corrective_action || e.payload.issue)}` };
        break;
      case 'hotwash.answered': entry = { kind: 'system', summary: `Hotwash: ${short(scenario.debrief.questions[e.payload.question] ?? `question ${e.payload.question + 1}`)}` }; break;
    }
    if (!entry) continue;
    out.push({
      seq: e.seq, at_s: e.at / 1000, kind: entry.kind, type: e.type, actor: actorName(e.actor), summary: entry.summary,
      role: entry.role ?? (e.actor.startsWith('role:') ? actorName(e.actor) : null),
      inject: entry.inject ?? null, prompt: entry.prompt ?? null, channel: entry.channel ?? null,
    });
  }
  return out;
}
