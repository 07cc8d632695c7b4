// Commands checked against the state: each becomes event drafts, or a Rejection whose message a
// person can act on. Pure: the runtime stamps seq/at/wall, commits, and only then folds.

import type { Scenario } from '../scenario/types.ts';
import { CHANNELS, NOTE_TAGS, PROMPT_TYPES, RATINGS } from '../scenario/types.ts';
import { PROMPT_TYPE_SPECS, promptTypesWhere } from '../scenario/prompt-types.ts';
import { PARTICIPANT_COMMANDS, type Command, type PlanItemInput, type Rejection, type RejectionCode } from './commands.ts';
import { DATE_PATTERN, LIMITS, SLUG_PATTERN } from '../protocol/fields.ts';
import type { Actor } from './event.ts';
import { END_REASONS, PAUSE_REASONS, type AdhocPrompt, type EventDraft } from './events.ts';
import { checkFeedback } from './feedback.ts';
import { indexScenario } from './scenario-index.ts';
import type { PlanItem, SessionState } from './state.ts';

export type Decision = { ok: true; events: EventDraft[] } | { ok: false; rejection: Rejection };

const reject = (code: RejectionCode, message: string): Decision => ({ ok: false, rejection: { code, message } });
const accept = (...events: EventDraft[]): Decision => ({ ok: true, events });

/** The role id of a participant actor, or null for the facilitator and the system. */
export function actorRole(actor: Actor): string | null {
  return actor.startsWith('role:') ? actor.slice('role:'.length) : null;
}

function tooLong(what: string, text: string, limit: number): Decision | null {
  return text.length > limit ? reject('too-long', `The ${what} is ${text.length} characters long; the limit is ${limit}. Shorten it and send it again.`) : null;
}

function blank(what: string, text: string): Decision | null {
  return text.trim() === '' ? reject('empty', `The ${what} is empty. Write something and send it again.`) : null;
}

function checkText(what: string, text: unknown, limit: number): Decision | null {
  if (typeof text !== 'string') return reject('invalid', `The ${what} must be text.`);
  return blank(what, text) ?? tooLong(what, text, limit);
}

/** The rejection for a command that needs a session in play (started, not paused, not ended). */
function needsRunning(state: SessionState, doing: string): Decision | null {
  switch (state.status) {
    case 'setup':
      return reject('not-started', `The session has not started yet, so you cannot ${doing}. Wait for the facilitator to start it.`);
    case 'paused':
      return reject('paused', `The session is paused, so you cannot ${doing} now. Wait until the facilitator resumes it.`);
    case 'ended':
      return reject('ended', `The session has ended, so you cannot ${doing} any more.`);
    default:
      return null;
  }
}

function needsStartedNotEnded(state: SessionState, doing: string): Decision | null {
  if (state.status === 'setup') return reject('not-started', `Start the session before you ${doing}.`);
  if (state.status === 'ended') return reject('ended', `The session has ended, so you cannot ${doing} any more.`);
  return null;
}

export function decide(scenario: Scenario, state: SessionState, actor: Actor, command: Command): Decision {
  const role = actorRole(actor);
  const index = indexScenario(scenario);
  const participant = (PARTICIPANT_COMMANDS as readonly string[]).includes(command.type);
  if (!participant && role !== null) {
    return reject('forbidden', `Only the facilitator may do that ('${command.type}'); you are playing the role '${role}'.`);
  }
  if (role !== null && !index.roles.has(role)) {
    return reject('unknown-role', `There is no role '${role}' in this scenario.`);
  }

  switch (command.type) {
    case 'session.setup': {
      if (state.status === 'ended') return reject('ended', 'The session has ended; its participants can no longer change.');
      const bad = checkText('facilitator name', command.facilitator, LIMITS.name);
      if (bad) return bad;
      if (command.participants.length > LIMITS.participants) return reject('too-long', `At most ${LIMITS.participants} participants can take part.`);
      for (const p of command.participants) {
        const badName = checkText('participant name', p.name, LIMITS.name);
        if (badName) return badName;
        const unknown = p.roles.find((r) => !index.roles.has(r));
        if (unknown !== undefined) return reject('unknown-role', `There is no role '${unknown}' in this scenario (participant ${p.name}).`);
      }
      return accept({
        type: 'session.setup',
        payload: {
          facilitator: command.facilitator.trim(),
          participants: command.participants.map((p) => ({ name: p.name.trim(), roles: [...new Set(p.roles)] })),
          scenarioId: scenario.id,
          ...(state.setup?.contentHash ? { contentHash: state.setup.contentHash } : {}),
        },
      });
    }
    case 'session.start':
      if (state.status !== 'setup') return reject('already-started', state.status === 'ended' ? 'The session has ended; start a new session instead.' : 'The session has already started.');
      return accept({ type: 'session.started', payload: { speed: state.speed } });
    case 'session.pause': {
      if (state.status === 'paused') return reject('paused', 'The session is already paused.');
      const bad = needsRunning(state, 'pause it');
      if (bad) return bad;
      const reason = command.reason ?? 'facilitator';
      if (!PAUSE_REASONS.includes(reason)) return reject('invalid', `Unknown pause reason '${String(reason)}'.`);
      return accept({ type: 'session.paused', payload: { reason } });
    }
    case 'session.resume':
      if (state.status !== 'paused') {
        return reject('not-paused', state.status === 'running' ? 'The session is already running.' : state.status === 'setup' ? 'The session has not started yet; start it instead.' : 'The session has ended and cannot resume.');
      }
      return accept({ type: 'session.resumed', payload: {} });
    case 'session.speed': {
      if (state.status === 'ended') return reject('ended', 'The session has ended; its speed can no longer change.');
      const speed = command.speed;
      if (typeof speed !== 'number' || !Number.isFinite(speed) || speed < LIMITS.minSpeed || speed > LIMITS.maxSpeed) {
        return reject('out-of-range', `The speed must be between ${LIMITS.minSpeed}x and ${LIMITS.maxSpeed}x; ${String(speed)} is not.`);
      }
      return accept({ type: 'session.speed', payload: { speed } });
    }
    case 'session.end':
      if (state.status === 'ended') return reject('ended', 'The session has already ended.');
      if (state.status === 'setup') return reject('not-started', 'The session has not started, so there is nothing to end.');
      if (command.reason !== undefined && !END_REASONS.includes(command.reason)) return reject('invalid', `Unknown end reason '${String(command.reason)}'.`);
      return accept({ type: 'session.ended', payload: { reason: command.reason ?? (actor === 'system' ? 'host' : 'facilitator') } });

    case 'inject.deliver':
    case 'inject.hold':
    case 'inject.release':
    case 'inject.skip':
      return decideInject(scenario, state, command);

    case 'adhoc.send':
      return decideAdhoc(scenario, state, command);

    case 'note.add': {
      const bad = checkNote(scenario, command);
      if (bad) return bad;
      return accept({ type: 'note.added', payload: noteFields(command) });
    }
    case 'note.edit': {
      const missing = missingNote(state, command.note);
      if (missing) return missing;
      const bad = checkNote(scenario, command);
      if (bad) return bad;
      return accept({ type: 'note.edited', payload: { note: command.note, ...noteFields(command) } });
    }
    case 'note.delete': {
      const missing = missingNote(state, command.note);
      if (missing) return missing;
      return accept({ type: 'note.deleted', payload: { note: command.note } });
    }
    case 'answer.grade': {
      const prompt = state.prompts.get(command.prompt);
      if (!prompt) return reject('unknown-prompt', `There is no prompt '${command.prompt}' in this session.`);
      if (prompt.adhoc) return reject('not-scored', `Prompt '${command.prompt}' was composed live; ad-hoc prompts are not scored, so there is nothing to grade. Add a note instead.`);
      if (!prompt.last) return reject('no-answer', `Prompt '${command.prompt}' has no answer yet, so there is nothing to grade.`);
      const credit = command.credit;
      if (typeof credit !== 'number' || !Number.isFinite(credit) || credit < 0 || credit > 1) return reject('out-of-range', `A grade's credit is a number from 0 to 1; ${String(credit)} is not.`);
      const bad = checkText('reason', command.reason, LIMITS.reason);
      if (bad) return bad;
      return accept({ type: 'answer.graded', payload: { prompt: command.prompt, credit, reason: command.reason, answerSeq: prompt.last.seq } });
    }
    case 'objective.rate': {
      if (!index.objectives.has(command.objective)) return reject('unknown-objective', `There is no objective '${command.objective}' in this scenario.`);
      if (command.rating !== null && !RATINGS.includes(command.rating)) return reject('invalid', `A rating is one of P, S, M, U; '${String(command.rating)}' is not.`);
      if (command.rating !== null) {
        const bad = checkText('reason', command.reason, LIMITS.reason);
        if (bad) return bad;
      } else {
        const bad = tooLong('reason', command.reason ?? '', LIMITS.reason);
        if (bad) return bad;
      }
      return accept({ type: 'objective.rated', payload: { objective: command.objective, rating: command.rating, reason: command.reason ?? '' } });
    }
    case 'plan.item.save': {
      const bad = checkPlanItem(scenario, state, command);
      if (bad) return bad;
      return accept({ type: 'plan.item.saved', payload: { ...planFields(command), id: command.id ?? `plan-${state.counters.plan + 1}` } });
    }
    case 'plan.save':
      return decidePlan(scenario, state, command);
    case 'plan.item.remove':
      if (!state.plan.has(command.id)) return reject('unknown-plan-item', `There is no improvement-plan item '${command.id}'.`);
      return accept({ type: 'plan.item.removed', payload: { id: command.id } });
    case 'hotwash.answer': {
      const q = command.question;
      if (!Number.isInteger(q) || q < 0 || q >= scenario.debrief.questions.length) {
        return reject('unknown-question', `There is no hotwash question number ${String(q)}; this scenario has ${scenario.debrief.questions.length}.`);
      }
      const bad = tooLong('hotwash answer', command.answer, LIMITS.hotwash);
      if (bad) return bad;
      return accept({ type: 'hotwash.answered', payload: { question: q, answer: command.answer } });
    }
    case 'hotwash.save':
      return decideHotwash(scenario, state, command);
    case 'action.validate': {
      // During the run or after it (the debrief), never before: nothing has been tested yet.
      if (state.status === 'setup') return reject('not-started', 'Start the session before you mark a corrective action validated: this run is what tests it.');
      if (typeof command.action !== 'string' || command.action.length === 0 || command.action.length > LIMITS.ref) return reject('invalid', 'A corrective action is named by its register id.');
      if (typeof command.validated !== 'boolean') return reject('invalid', 'Say whether the corrective action is validated (true) or not (false).');
      const bad = tooLong('validation note', command.note, LIMITS.reason);
      if (bad) return bad;
      const { type: _type, ...payload } = command;
      return accept({ type: 'action.validated', payload });
    }

    case 'prompt.answer':
      return decideAnswer(scenario, state, role, command);
    case 'action.take': {
      if (role === null) return reject('forbidden', 'Actions are taken by a role; choose the role that takes it.');
      const action = index.actions.get(command.action);
      // Another role's action gets the answer an unknown id gets: a role learns nothing it cannot see.
      if (!action || !action.roles.includes(role)) return reject('unknown-action', noSuch('action', command.action, role));
      const bad = needsRunning(state, 'take an action');
      if (bad) return bad;
      return accept({ type: 'action.taken', payload: { action: action.id, role } });
    }
    case 'chat.post': {
      // Chat stays open while paused: people talk during a break.
      if (state.status === 'setup') return reject('not-started', 'The session has not started yet; the room chat opens at the start.');
      if (state.status === 'ended') return reject('ended', 'The session has ended; the room chat is closed.');
      const bad = checkText('message', command.text, LIMITS.chat);
      if (bad) return bad;
      return accept({ type: 'chat.posted', payload: { role, text: command.text } });
    }
    case 'feedback.submit': {
      if (role === null) return reject('forbidden', 'The feedback form is filled in by a role; choose the role you played.');
      if (state.status !== 'ended') return reject('not-ended', 'The feedback form opens when the session has ended.');
      const { type: _type, ...form } = command;
      const checked = checkFeedback(scenario, form);
      if (!checked.ok) return { ok: false, rejection: checked.rejection };
      return accept({ type: 'feedback.given', payload: { role, ...checked.form } });
    }
  }
}

type NoteFields = Pick<Extract<Command, { type: 'note.add' }>, 'text' | 'tag' | 'objective' | 'role'>;

function checkNote(scenario: Scenario, note: NoteFields): Decision | null {
  const index = indexScenario(scenario);
  const bad = checkText('note', note.text, LIMITS.note);
  if (bad) return bad;
  if (!NOTE_TAGS.includes(note.tag)) return reject('invalid', `A note's tag is one of ${NOTE_TAGS.join(', ')}; '${String(note.tag)}' is not.`);
  if (note.objective !== undefined && !index.objectives.has(note.objective)) return reject('unknown-objective', `There is no objective '${note.objective}' in this scenario.`);
  if (note.role !== undefined && !index.roles.has(note.role)) return reject('unknown-role', `There is no role '${note.role}' in this scenario.`);
  return null;
}

function noteFields(note: NoteFields): NoteFields {
  return { text: note.text, tag: note.tag, ...(note.objective !== undefined ? { objective: note.objective } : {}), ...(note.role !== undefined ? { role: note.role } : {}) };
}

/** A note can be corrected while it exists: never a deleted one, never twice deleted. */
function missingNote(state: SessionState, note: number): Decision | null {
  if (state.deletedNotes?.has(note)) return reject('unknown-note', 'That note was deleted; it can no longer be changed.');
  if (!state.notes.some((n) => n.seq === note)) return reject('unknown-note', `There is no note number ${String(note)} in this session.`);
  return null;
}

function checkPlanItem(scenario: Scenario, state: SessionState, item: PlanItemInput): Decision | null {
  const bad = checkText('issue', item.issue, LIMITS.planField)
    ?? tooLong('corrective action', item.corrective_action, LIMITS.planField)
    ?? tooLong('owner', item.owner, LIMITS.name);
  if (bad) return bad;
  if (item.due !== '' && !DATE_PATTERN.test(item.due)) return reject('invalid', `A due date is written YYYY-MM-DD (or left empty); '${item.due}' is not.`);
  const objective = item.objective ?? null;
  if (objective !== null && !indexScenario(scenario).objectives.has(objective)) return reject('unknown-objective', `There is no objective '${objective}' in this scenario.`);
  if (item.id !== undefined && !state.plan.has(item.id)) return reject('unknown-plan-item', `There is no improvement-plan item '${item.id}'; leave the id out to add a new one.`);
  return null;
}

function planFields(item: PlanItemInput): Omit<PlanItem, 'id'> {
  return { issue: item.issue, corrective_action: item.corrective_action, owner: item.owner, due: item.due, objective: item.objective ?? null };
}

/** With the row's number, so a refusal of the whole plan says which row to fix. */
function inRow(row: number, decision: Decision): Decision {
  return decision.ok ? decision : reject(decision.rejection.code, `Item ${row}: ${decision.rejection.message} Nothing was saved.`);
}

function decidePlan(scenario: Scenario, state: SessionState, command: Extract<Command, { type: 'plan.save' }>): Decision {
  if (!Array.isArray(command.items)) return reject('invalid', 'The improvement plan must be a list of items.');
  if (command.items.length > LIMITS.planItems) return reject('too-long', `An improvement plan holds at most ${LIMITS.planItems} items.`);
  const seen = new Set<string>();
  for (const [n, item] of command.items.entries()) {
    const bad = checkPlanItem(scenario, state, item);
    if (bad) return inRow(n + 1, bad);
    if (item.id !== undefined) {
      if (seen.has(item.id)) return inRow(n + 1, reject('invalid', `The item '${item.id}' appears twice.`));
      seen.add(item.id);
    }
  }
  const events: EventDraft[] = [];
  for (const id of state.plan.keys()) if (!seen.has(id)) events.push({ type: 'plan.item.removed', payload: { id } });
  // Each plan.item.saved counts one up, so new ids follow the counter as the events fold.
  let counter = state.counters.plan;
  for (const item of command.items) {
    const fields = planFields(item);
    const old = item.id !== undefined ? state.plan.get(item.id) : undefined;
    if (old && old.issue === fields.issue && old.corrective_action === fields.corrective_action && old.owner === fields.owner && old.due === fields.due && old.objective === fields.objective) continue;
    counter += 1;
    events.push({ type: 'plan.item.saved', payload: { ...fields, id: item.id ?? `plan-${counter}` } });
  }
  return accept(...events);
}

function decideHotwash(scenario: Scenario, state: SessionState, command: Extract<Command, { type: 'hotwash.save' }>): Decision {
  if (!Array.isArray(command.answers)) return reject('invalid', 'The hotwash answers must be a list.');
  const seen = new Set<number>();
  const events: EventDraft[] = [];
  for (const { question: q, answer } of command.answers) {
    if (!Number.isInteger(q) || q < 0 || q >= scenario.debrief.questions.length) {
      return reject('unknown-question', `There is no hotwash question number ${String(q)}; this scenario has ${scenario.debrief.questions.length}. Nothing was saved.`);
    }
    if (seen.has(q)) return reject('invalid', `Hotwash question ${q + 1} is answered twice. Nothing was saved.`);
    seen.add(q);
    if (typeof answer !== 'string') return reject('invalid', `The answer to hotwash question ${q + 1} must be text.`);
    if (answer.length > LIMITS.hotwash) {
      return reject('too-long', `The answer to hotwash question ${q + 1} is ${answer.length} characters long; the limit is ${LIMITS.hotwash}. Shorten it and save again; nothing was saved.`);
    }
    if ((state.hotwash.get(q) ?? '') !== answer) events.push({ type: 'hotwash.answered', payload: { question: q, answer } });
  }
  return accept(...events);
}

function decideInject(
  scenario: Scenario,
  state: SessionState,
  command: Extract<Command, { type: 'inject.deliver' | 'inject.hold' | 'inject.release' | 'inject.skip' }>,
): Decision {
  const inject = indexScenario(scenario).injects.get(command.inject);
  const s = state.injects.get(command.inject);
  if (!inject || !s || s.adhoc) return reject('unknown-inject', `There is no inject '${command.inject}' in this scenario.`);
  const verb = { 'inject.deliver': 'deliver', 'inject.hold': 'hold', 'inject.release': 'release', 'inject.skip': 'skip' }[command.type];
  if (state.status === 'ended') return reject('ended', `The session has ended, so you cannot ${verb} '${inject.title}' any more.`);
  if (s.delivered) return reject('already-delivered', `'${inject.title}' was already delivered; an inject is never delivered twice.`);
  if (s.skipped) return reject('skipped', `'${inject.title}' was skipped; it will not be delivered.`);
  switch (command.type) {
    case 'inject.deliver': {
      const bad = needsStartedNotEnded(state, `deliver '${inject.title}'`);
      if (bad) return bad;
      return accept({ type: 'inject.delivered', payload: { inject: inject.id, how: 'early', due: null } });
    }
    case 'inject.hold':
      if (s.held) return reject('already-held', `'${inject.title}' is already held.`);
      return accept({ type: 'inject.held', payload: { inject: inject.id } });
    case 'inject.release':
      if (!s.held) return reject('not-held', `'${inject.title}' is not held, so there is nothing to release.`);
      return accept({ type: 'inject.released', payload: { inject: inject.id } });
    case 'inject.skip':
      return accept({ type: 'inject.skipped', payload: { inject: inject.id } });
  }
}

function decideAdhoc(scenario: Scenario, state: SessionState, command: Extract<Command, { type: 'adhoc.send' }>): Decision {
  const index = indexScenario(scenario);
  const bad = needsStartedNotEnded(state, 'send an ad-hoc inject');
  if (bad) return bad;
  if (!CHANNELS.includes(command.channel)) return reject('invalid', `A channel is one of ${CHANNELS.join(', ')}; '${String(command.channel)}' is not.`);
  const toAll = command.to === 'all';
  const to = toAll ? scenario.roles.map((r) => r.id) : [...new Set(command.to as string[])];
  if (to.length === 0) return reject('empty', 'Choose at least one role to send the inject to.');
  const unknown = to.find((r) => !index.roles.has(r));
  if (unknown !== undefined) return reject('unknown-role', `There is no role '${unknown}' in this scenario.`);
  const badText = checkText('title', command.title, LIMITS.title) ?? tooLong('body', command.body, LIMITS.body)
    ?? (command.from !== undefined ? tooLong('sender', command.from, LIMITS.name) : null);
  if (badText) return badText;
  const id = `adhoc-${state.counters.adhoc + 1}`;
  let prompt: AdhocPrompt | undefined;
  if (command.prompt) {
    const p = command.prompt;
    if (!to.includes(p.role)) return reject('unknown-role', `The prompt's role '${p.role}' must be one of the roles the inject goes to (${to.join(', ')}).`);
    if (!PROMPT_TYPES.includes(p.type)) return reject('invalid', `A prompt's type is one of ${PROMPT_TYPES.join(', ')}; '${String(p.type)}' is not.`);
    const badAsk = checkText('question', p.ask, LIMITS.title * 4);
    if (badAsk) return badAsk;
    const options = p.options ?? [];
    const spec = PROMPT_TYPE_SPECS[p.type];
    if (spec.options) {
      if (options.length < 2) return reject('empty', `A ${promptTypesWhere((t) => t.options, 'or')} prompt needs at least two options.`);
      if (options.length > LIMITS.options) return reject('too-long', `A prompt may have at most ${LIMITS.options} options.`);
      const ids = new Set<string>();
      for (const o of options) {
        if (!SLUG_PATTERN.test(o.id)) return reject('invalid', `An option id is a slug (lowercase letters, digits, dashes); '${o.id}' is not.`);
        if (ids.has(o.id)) return reject('duplicate-option', `The option id '${o.id}' appears twice.`);
        ids.add(o.id);
        const badLabel = checkText('option label', o.label, LIMITS.title);
        if (badLabel) return badLabel;
      }
    } else if (options.length > 0) {
      return reject('invalid', `A ${p.type} prompt has no options.`);
    }
    prompt = { id: `${id}:p`, role: p.role, ask: p.ask, type: p.type, options: spec.options ? options.map((o) => ({ id: o.id, label: o.label })) : [] };
  }
  return accept(
    {
      type: 'adhoc.sent',
      payload: {
        inject: id, to, toAll, channel: command.channel, title: command.title, body: command.body,
        ...(command.from !== undefined ? { from: command.from } : {}),
        ...(prompt ? { prompt } : {}),
      },
    },
    { type: 'inject.delivered', payload: { inject: id, how: 'adhoc', due: null } },
  );
}

/** The one answer to a role about an id it cannot use: it names only what the role sent. */
function noSuch(what: 'action' | 'prompt', id: string, role: string): string {
  const shown = id.length > 64 ? `${id.slice(0, 63)}…` : id;
  return what === 'action'
    ? `The role '${role}' has no action '${shown}' to take.`
    : `The role '${role}' has no prompt '${shown}' to answer (a prompt can be answered once it has arrived).`;
}

function decideAnswer(scenario: Scenario, state: SessionState, role: string | null, command: Extract<Command, { type: 'prompt.answer' }>): Decision {
  if (role === null) return reject('forbidden', 'Answers are given by a role; choose the role that answers.');
  // Unknown, not yet delivered, or another role's: one answer, so a role learns nothing it cannot see.
  const unknown = reject('unknown-prompt', noSuch('prompt', command.prompt, role));
  const prompt = state.prompts.get(command.prompt);
  if (!prompt) return unknown;
  const defined = indexScenario(scenario).prompts.get(command.prompt)
    ?? state.adhoc.find((a) => a.inject === prompt.inject)?.prompt;
  if (!defined || defined.role !== role || !state.injects.get(prompt.inject)?.delivered) return unknown;
  const bad = needsRunning(state, 'answer');
  if (bad) return bad;
  const checked = PROMPT_TYPE_SPECS[defined.type].check(command.answer, { id: command.prompt, optionIds: new Set(defined.options.map((o) => o.id)) });
  if (!checked.ok) return reject(checked.code, checked.message);
  return accept({ type: 'prompt.answered', payload: { prompt: prompt.id, role, answer: checked.answer } });
}
