// The meaning of a well-shaped scenario: ids unique, every reference names something that exists,
// keys that only make sense together appear together, and no inject waits on itself.
import type { Finding } from './errors.ts';
import { quote, type Path } from './path.ts';
import type { RawCondition, RawInject, RawPrompt, RawScenario, RawSimpleMetBy, RawStep } from './schema.ts';
import { didYouMean, listNames } from './suggest.ts';
import { parseDuration } from './duration.ts';
import { PROMPT_TYPE_SPECS, promptTypesWhere } from './prompt-types.ts';

/** "choice and multi": the prompt types with options; "text": those answered in free text. */
const withOptions = (conjunction: 'and' | 'or') => promptTypesWhere((t) => t.options, conjunction);
const freeText = (conjunction: 'and' | 'or') => promptTypesWhere((t) => t.freeText, conjunction);

interface PromptInfo {
  prompt: RawPrompt;
  inject: RawInject;
  path: Path;
}

export function checkScenario(s: RawScenario): Finding[] {
  const findings: Finding[] = [];
  const add = (path: Path, message: string, at?: 'key' | 'value') => findings.push({ path, message, ...(at ? { at } : {}) });

  const uniqueIds = (list: readonly { id: string }[], listPath: Path, what: string): string[] => {
    const first = new Map<string, number>();
    list.forEach((item, i) => {
      const seen = first.get(item.id);
      if (seen === undefined) first.set(item.id, i);
      else add([...listPath, i, 'id'], `duplicate ${what} id ${quote(String(item.id))} (also ${[...listPath, seen].map((p) => (typeof p === 'number' ? `[${p}]` : p)).join('')})`);
    });
    return [...first.keys()];
  };

  const roles = uniqueIds(s.roles, ['roles'], 'role');
  const objectives = uniqueIds(s.objectives, ['objectives'], 'objective');
  const actions = uniqueIds(s.actions ?? [], ['actions'], 'action');
  const injects = uniqueIds(s.injects, ['injects'], 'inject');
  const steps = uniqueIds(s.runbook ?? [], ['runbook'], 'runbook step');
  uniqueIds(s.handouts ?? [], ['handouts'], 'handout');
  uniqueIds(s.characters ?? [], ['characters'], 'character');
  uniqueIds(s.feedback?.questions ?? [], ['feedback', 'questions'], 'feedback question');

  const known = (what: string, names: readonly string[]) => (id: string, path: Path): boolean => {
    if (names.includes(id)) return true;
    add(path, `unknown ${what} ${quote(String(id))}; ${what}s are: ${listNames(names)}${didYouMean(id, names)}`);
    return false;
  };
  const knownRole = known('role', roles);
  const knownObjective = known('objective', objectives);
  const knownAction = known('action', actions);
  const knownInject = known('inject', injects);
  const knownStep = known('runbook step', steps);

  // Prompts first: conditions and met_by entries refer to them and to their options.
  const prompts = new Map<string, PromptInfo>();
  s.injects.forEach((inject, i) =>
    (inject.prompts ?? []).forEach((prompt, j) => {
      const path: Path = ['injects', i, 'prompts', j];
      const seen = prompts.get(prompt.id);
      if (seen) add([...path, 'id'], `duplicate prompt id ${quote(String(prompt.id))} (also injects[${s.injects.indexOf(seen.inject)}]); prompt ids are unique across the scenario`);
      else prompts.set(prompt.id, { prompt, inject, path });
    }),
  );
  const promptIds = [...prompts.keys()];
  const knownPrompt = (id: string, path: Path): PromptInfo | undefined => {
    const info = prompts.get(id);
    if (!info) add(path, `unknown prompt ${quote(String(id))}; prompts are: ${listNames(promptIds)}${didYouMean(id, promptIds)}`);
    return info;
  };
  const optionsOf = (info: PromptInfo, withIds: readonly string[] | undefined, path: Path) => {
    if (withIds === undefined) return;
    if (!PROMPT_TYPE_SPECS[info.prompt.type].options) {
      add(path, `'with' applies to ${withOptions('and')} prompts only; prompt ${quote(String(info.prompt.id))} is a ${info.prompt.type} prompt`, 'key');
      return;
    }
    const ids = (info.prompt.options ?? []).map((o) => o.id);
    withIds.forEach((id, k) => {
      if (!ids.includes(id)) add([...path, k], `unknown option ${quote(String(id))} for prompt ${quote(String(info.prompt.id))}; its options are: ${listNames(ids)}${didYouMean(id, ids)}`);
    });
  };

  const checkCondition = (c: RawCondition, path: Path): void => {
    if ('answered' in c) {
      const info = knownPrompt(c.answered, [...path, 'answered']);
      if (info) optionsOf(info, c.with, [...path, 'with']);
    } else if ('unanswered' in c) {
      knownPrompt(c.unanswered, [...path, 'unanswered']);
    } else if ('action' in c) {
      knownAction(c.action, [...path, 'action']);
      if (c.by !== undefined) knownRole(c.by, [...path, 'by']);
    } else if ('met' in c) knownStep(c.met, [...path, 'met']);
    else if ('missed' in c) knownStep(c.missed, [...path, 'missed']);
    else if ('any' in c) c.any.forEach((x, k) => checkCondition(x, [...path, 'any', k]));
    else c.all.forEach((x, k) => checkCondition(x, [...path, 'all', k]));
  };

  (s.actions ?? []).forEach((action, i) => {
    (action.roles ?? []).forEach((r, k) => knownRole(r, ['actions', i, 'roles', k]));
    duplicates(action.roles ?? [], (k, r) => add(['actions', i, 'roles', k], `role ${quote(String(r))} is listed twice`));
  });

  s.injects.forEach((inject, i) => {
    const path: Path = ['injects', i];
    const triggers = (['at', 'after', 'when'] as const).filter((k) => inject[k] !== undefined);
    if (triggers.length === 0) add(path, "an inject needs exactly one of 'at', 'after' or 'when'");
    if (triggers.length > 1) add([...path, triggers[1] ?? 'at'], `an inject has exactly one of 'at', 'after' or 'when'; this one has ${triggers.map((t) => `${quote(String(t))}`).join(' and ')}`, 'key');
    if (inject.delay !== undefined && inject.after === undefined && inject.when === undefined) {
      add([...path, 'delay'], "'delay' goes with 'after' or 'when' only; with 'at', write the time itself", 'key');
    }
    if (inject.after !== undefined) knownInject(inject.after, [...path, 'after']);
    if (inject.when !== undefined) checkCondition(inject.when, [...path, 'when']);

    const to = inject.to === 'all' ? roles : inject.to;
    if (inject.to !== 'all') {
      inject.to.forEach((r, k) => knownRole(r, [...path, 'to', k]));
      duplicates(inject.to, (k, r) => add([...path, 'to', k], `role ${quote(String(r))} is listed twice`));
    }
    if (inject.table) {
      const columns = inject.table.columns.length;
      inject.table.rows.forEach((row, k) => {
        if (row.length !== columns) add([...path, 'table', 'rows', k], `this row has ${row.length} cells; the table has ${columns} columns`);
      });
    }

    (inject.prompts ?? []).forEach((prompt, j) => {
      const p: Path = [...path, 'prompts', j];
      if (knownRole(prompt.role, [...p, 'role']) && !to.includes(prompt.role)) {
        add([...p, 'role'], `role ${quote(String(prompt.role))} cannot answer this prompt: inject ${quote(String(inject.id))} goes to ${listNames(to)}; add ${quote(String(prompt.role))} to its 'to'`);
      }
      if (prompt.objective !== undefined) knownObjective(prompt.objective, [...p, 'objective']);
      const options = prompt.options ?? [];
      const optionIds = options.map((o) => o.id);
      duplicates(optionIds, (k, id) => add([...p, 'options', k, 'id'], `duplicate option id ${quote(String(id))} in prompt ${quote(String(prompt.id))}`));
      const spec = PROMPT_TYPE_SPECS[prompt.type];
      if (!spec.options) {
        if (options.length > 0) add([...p, 'options'], `a ${prompt.type} prompt has no options; make it a ${withOptions('or')} prompt, or remove 'options'`, 'key');
      } else if (options.length === 0) {
        add(prompt.options ? [...p, 'options'] : p, `a ${prompt.type} prompt needs options: a list of {id, label}`);
      }
      const expect = prompt.expect;
      if (!expect) return;
      const e: Path = [...p, 'expect'];
      for (const list of ['best', 'acceptable'] as const) {
        const ids = expect[list] ?? [];
        if (!spec.options && ids.length > 0) {
          add([...e, list], `${quote(String(list))} applies to ${withOptions('and')} prompts only${spec.freeText ? `; for a ${prompt.type} prompt use 'keywords'` : ''}`, 'key');
          continue;
        }
        ids.forEach((id, k) => {
          if (!optionIds.includes(id)) add([...e, list, k], `unknown option ${quote(String(id))}; this prompt's options are: ${listNames(optionIds)}${didYouMean(id, optionIds)}`);
        });
      }
      if (!spec.freeText && (expect.keywords ?? []).length > 0) {
        add([...e, 'keywords'], `'keywords' apply to ${freeText('and')} prompts only${spec.options ? `; for a ${withOptions('or')} prompt use 'best' and 'acceptable'` : ''}`, 'key');
      }
      if (!spec.freeText && expect.avoid !== undefined) {
        add([...e, 'avoid'], `'avoid' applies to ${freeText('and')} prompts only; prompt '${prompt.id}' is a ${prompt.type} prompt${spec.options ? ": list what not to choose as options outside 'best' and 'acceptable'" : ''}`, 'key');
      }
      if (expect.within !== undefined && parseDuration(expect.within) === 0) {
        add([...e, 'within'], "'within' must be longer than 0s (timeliness is measured against it); leave it out for no time limit");
      }
    });
  });

  const checkMetBy = (m: RawSimpleMetBy, mp: Path): void => {
    if ('action' in m) {
      knownAction(m.action, [...mp, 'action']);
      return;
    }
    const info = knownPrompt(m.prompt, [...mp, 'prompt']);
    if (!info) return;
    if (m.with === undefined && PROMPT_TYPE_SPECS[info.prompt.type].options) {
      add(mp, `prompt ${quote(String(m.prompt))} is a ${info.prompt.type} prompt: add 'with: [OPTION...]', the options that meet this step`);
    }
    optionsOf(info, m.with, [...mp, 'with']);
  };

  (s.runbook ?? []).forEach((step, i) => {
    const path: Path = ['runbook', i];
    if (step.objective !== undefined) knownObjective(step.objective, [...path, 'objective']);
    step.met_by.forEach((m, k) => {
      const mp: Path = [...path, 'met_by', k];
      if ('all' in m) m.all.forEach((inner, n) => checkMetBy(inner, [...mp, 'all', n]));
      else checkMetBy(m, mp);
    });
  });

  (s.handouts ?? []).forEach((handout, i) => {
    if (handout.to === 'all') return;
    handout.to.forEach((r, k) => knownRole(r, ['handouts', i, 'to', k]));
    duplicates(handout.to, (k, r) => add(['handouts', i, 'to', k], `role '${r}' is listed twice`));
  });

  // Broken references make the delivery graph meaningless; report those first.
  if (findings.length === 0) findings.push(...checkDelivery(s, prompts));
  return findings;
}

function duplicates(list: readonly string[], report: (index: number, value: string) => void): void {
  const seen = new Set<string>();
  list.forEach((value, i) => {
    if (seen.has(value)) report(i, value);
    seen.add(value);
  });
}

/**
 * Which injects can ever be delivered: `at` injects can; an `after` inject when its target can; a
 * `when` inject when its condition can become true. A condition on a prompt needs that prompt's
 * inject delivered first. What remains undeliverable after the fixpoint waits on itself.
 */
function checkDelivery(s: RawScenario, prompts: Map<string, PromptInfo>): Finding[] {
  const byId = new Map(s.injects.map((inject, i) => [inject.id, { inject, i }] as const));
  const steps = new Map((s.runbook ?? []).map((step) => [step.id, step] as const));
  const deliverable = new Set<string>();
  const promptPossible = (id: string) => {
    const info = prompts.get(id);
    return info !== undefined && deliverable.has(info.inject.id);
  };
  const entryPossible = (m: RawSimpleMetBy) => ('action' in m ? true : promptPossible(m.prompt));
  const possible = (c: RawCondition): boolean => {
    if ('answered' in c) return promptPossible(c.answered);
    if ('unanswered' in c) return promptPossible(c.unanswered);
    if ('met' in c) return (steps.get(c.met)?.met_by ?? []).some((m) => ('all' in m ? m.all.every(entryPossible) : entryPossible(m)));
    if ('any' in c) return c.any.some(possible);
    if ('all' in c) return c.all.every(possible);
    return true; // an action can be taken and a step missed at any time
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const inject of s.injects) {
      if (deliverable.has(inject.id)) continue;
      const can =
        inject.at !== undefined ||
        (inject.after !== undefined && deliverable.has(inject.after)) ||
        (inject.when !== undefined && possible(inject.when));
      if (can) {
        deliverable.add(inject.id);
        changed = true;
      }
    }
  }

  const findings: Finding[] = [];
  for (const [i, inject] of s.injects.entries()) {
    if (deliverable.has(inject.id) || !byId.has(inject.id)) continue;
    if (inject.after !== undefined && byId.has(inject.after)) {
      const cycle = afterCycle(inject.id, byId);
      findings.push({
        path: ['injects', i, 'after'],
        message: cycle
          ? `'after' chain has a cycle: ${cycle.join(' -> ')}; one of them needs 'at' or 'when'`
          : `this inject can never be delivered: it comes after ${quote(String(inject.after))}, which can never be delivered`,
      });
    } else if (inject.when !== undefined) {
      const waits = [...new Set(conditionInjects(inject.when, prompts, steps))].filter((id) => !deliverable.has(id));
      findings.push({
        path: ['injects', i, 'when'],
        message: waits.includes(inject.id)
          ? `this inject can never be delivered: its 'when' waits on its own prompts${waits.length > 1 ? ` and on ${listNames(waits.filter((w) => w !== inject.id))}` : ''}`
          : `this inject can never be delivered: its 'when' waits on injects that can only come after it (${listNames(waits)})`,
      });
    }
  }
  return findings;
}

function afterCycle(start: string, byId: Map<string, { inject: RawInject }>): string[] | undefined {
  const chain: string[] = [];
  let current: string | undefined = start;
  while (current !== undefined && !chain.includes(current)) {
    chain.push(current);
    current = byId.get(current)?.inject.after;
  }
  if (current !== start) return undefined;
  return [...chain, start];
}

function conditionInjects(c: RawCondition, prompts: Map<string, PromptInfo>, steps: Map<string, RawStep>): string[] {
  if ('answered' in c) return [prompts.get(c.answered)?.inject.id ?? ''].filter(Boolean);
  if ('unanswered' in c) return [prompts.get(c.unanswered)?.inject.id ?? ''].filter(Boolean);
  if ('met' in c) {
    const entries = (steps.get(c.met)?.met_by ?? []).flatMap((m) => ('all' in m ? m.all : [m]));
    return entries.flatMap((m) => ('prompt' in m ? [prompts.get(m.prompt)?.inject.id ?? ''] : [])).filter(Boolean);
  }
  if ('any' in c) return c.any.flatMap((x) => conditionInjects(x, prompts, steps));
  if ('all' in c) return c.all.flatMap((x) => conditionInjects(x, prompts, steps));
  return [];
}
