// Participants' names replaced by their roles, in the participant list and wherever a name appears
// verbatim in free text (notes, answers, hotwash, plan, reasons, timeline lines). Ids are never
// touched: they are slugs chosen by the scenario author, not people. The facilitator's name, a
// person's name too, becomes "Facilitator".
//
// Matching is whole-word and case-insensitive on the full name; each part of a name of two letters
// or more is replaced too when it is capitalised in the text ("Alice" in "Alice declared SEV2"),
// because notes rarely spell out full names. A part shared by people in different roles becomes
// "a participant". This errs on the side of hiding a name.
import { knownPromptType } from '../scenario/prompt-types.ts';
import type { Debrief } from '../scoring/debrief-types.ts';

type Replace = (text: string) => string;

const FACILITATOR = 'Facilitator';

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "Incident Commander", or "Incident Commander 2" when several people share the role. */
function roleLabels(debrief: Debrief): string[] {
  const counts = new Map<string, number>();
  for (const p of debrief.session.participants) counts.set(p.role, (counts.get(p.role) ?? 0) + 1);
  const seen = new Map<string, number>();
  return debrief.session.participants.map((p) => {
    const title = p.role_title || p.role;
    const n = (seen.get(p.role) ?? 0) + 1;
    seen.set(p.role, n);
    return (counts.get(p.role) ?? 0) > 1 ? `${title} ${n}` : title;
  });
}

function buildReplacer(debrief: Debrief, labels: string[]): Replace {
  const full = new Map<string, string>();
  const parts = new Map<string, string>();
  const people = debrief.session.participants.map((p, i) => ({ name: p.name, label: labels[i] ?? p.role }));
  if (debrief.session.facilitator) people.push({ name: debrief.session.facilitator, label: FACILITATOR });
  people.forEach(({ name: raw, label }) => {
    const name = raw.trim();
    // A name that already is the role (dry runs name people after their roles) hides no one.
    if (name === '' || name.toLowerCase() === label.toLowerCase()) return;
    full.set(name.toLowerCase(), label);
    for (const part of name.split(/[\s,]+/u)) {
      if ([...part].length < 2 || part.toLowerCase() === name.toLowerCase()) continue;
      const previous = parts.get(part);
      parts.set(part, previous !== undefined && previous !== label ? 'a participant' : label);
    }
  });
  if (full.size === 0) return (text) => text;
  // One pass over the text, so that a replacement is never itself replaced again; full names
  // come first in the alternation (longest first) so that they win over their parts.
  const byLength = (a: string, b: string) => b.length - a.length;
  const alternatives = [...[...full.keys()].sort(byLength), ...[...parts.keys()].sort(byLength)].map(escapeRegExp);
  const re = new RegExp(`(?<![\\p{L}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}_])`, 'giu');
  return (text) => text.replace(re, (m) => full.get(m.toLowerCase()) ?? parts.get(m) ?? m);
}

export function anonymize(debrief: Debrief): Debrief {
  const labels = roleLabels(debrief);
  const r = buildReplacer(debrief, labels);
  const rn = (text: string | null) => (text === null ? null : r(text));
  return {
    ...debrief,
    session: {
      ...debrief.session,
      facilitator: debrief.session.facilitator === null ? null : FACILITATOR,
      participants: debrief.session.participants.map((p, i) => ({ ...p, name: labels[i] ?? p.role })),
    },
    objectives: debrief.objectives.map((o) => ({
      ...o,
      rating_override: o.rating_override ? { ...o.rating_override, reason: r(o.rating_override.reason) } : null,
    })),
    prompts: debrief.prompts.map((p) => ({
      ...p,
      // Free text is the participant's own words; a type this build does not know is treated as such.
      answer: typeof p.answer === 'string' && (knownPromptType(p.type)?.freeText ?? true) ? r(p.answer) : p.answer,
      grade: p.grade ? { ...p.grade, reason: r(p.grade.reason) } : null,
    })),
    timeline: debrief.timeline.map((e) => ({ ...e, summary: r(e.summary) })),
    notes: debrief.notes.map((n) => ({ ...n, text: r(n.text) })),
    controls: {
      ...debrief.controls,
      pauses: debrief.controls.pauses.map((p) => ({ ...p, reason: rn(p.reason) })),
    },
    hotwash: debrief.hotwash.map((h) => ({ ...h, answer: rn(h.answer) })),
    improvement_plan: debrief.improvement_plan.map((item) => ({
      ...item,
      issue: r(item.issue),
      corrective_action: r(item.corrective_action),
      owner: r(item.owner),
      ...(item.register
        ? { register: { ...item.register, validation: item.register.validation ? { ...item.register.validation, note: r(item.register.validation.note) } : null } }
        : {}),
    })),
    ...(debrief.feedback
      ? {
        feedback: {
          ...debrief.feedback,
          texts: debrief.feedback.texts.map((t) => ({ ...t, answers: t.answers.map((a) => ({ ...a, text: r(a.text) })) })),
          actions: debrief.feedback.actions.map((a) => ({ ...a, action: r(a.action), owner: r(a.owner) })),
        },
      }
      : {}),
    ...(debrief.validated_actions
      ? { validated_actions: debrief.validated_actions.map((a) => ({ ...a, note: r(a.note), issue: r(a.issue), corrective_action: r(a.corrective_action), owner: r(a.owner) })) }
      : {}),
    ...(debrief.rejected
      ? { rejected: debrief.rejected.map((x) => ({ ...x, event: r(x.event), reason: r(x.reason) })) }
      : {}),
  };
}
