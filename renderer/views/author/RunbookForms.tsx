// The runbook as forms: its steps (add, duplicate, reorder, delete, rename with every `met`/`missed`
// that names them), each with its words, objective, `by` time and `met_by` entries. An entry is an
// action taken, an answer to a prompt (with the options that meet it, for a prompt that has
// options), or an `{all: [...]}` group of those (met when the last of them is).
import { isRecord } from '../../../core/scenario/path.ts';
import { PROMPT_TYPE_SPECS, type PromptType } from '../../../core/scenario/prompt-types.ts';
import type { AuthorDocument } from '../../../core/author/index.ts';
import type { AuthorEditor } from './use-author-document.ts';
import type { Selection } from './selection.ts';
import { IdField, IdSelect, ItemButtons, items, nextId, str, TextField, useReveal, type Item } from './fields.tsx';

interface Context {
  objectives: Item[];
  actions: Item[];
  /** Every prompt of the scenario, with its options when its type has them. */
  prompts: { id: string; options: Item[] | null }[];
}

function contextOf(root: Record<string, unknown>): Context {
  return {
    objectives: items(root.objectives),
    actions: items(root.actions),
    prompts: items(root.injects).flatMap((i) => items(i.prompts)).map((p) => {
      const type = str(p.type);
      const hasOptions = Object.hasOwn(PROMPT_TYPE_SPECS, type) && PROMPT_TYPE_SPECS[type as PromptType].options;
      return { id: p.id, options: hasOptions ? items(p.options) : null };
    }),
  };
}

/** A met_by entry naming a prompt: with its first option when the prompt has options (a choice must say which answers meet the step). */
function promptEntry(ctx: Context, promptId: string): Record<string, unknown> {
  const prompt = ctx.prompts.find((p) => p.id === promptId);
  const first = prompt?.options?.[0];
  return prompt?.options ? { prompt: promptId, with: first ? [first.id] : [] } : { prompt: promptId };
}

/** What a new step starts with: the first objective no step names yet, and a met_by entry when there is anything to meet it by. */
function freshStep(root: Record<string, unknown>, ctx: Context, id: string): Record<string, unknown> {
  const named = new Set(items(root.runbook).map((s) => str(s.objective)));
  const objective = ctx.objectives.find((o) => !named.has(o.id)) ?? ctx.objectives[0];
  const firstAction = ctx.actions[0];
  const firstPrompt = ctx.prompts[0];
  const metBy = firstAction ? [{ action: firstAction.id }] : firstPrompt ? [promptEntry(ctx, firstPrompt.id)] : [];
  return { id, step: 'What the runbook expects the team to do', ...(objective ? { objective: objective.id } : {}), by: '10m', met_by: metBy };
}

type PathOf = (d: AuthorDocument) => (string | number)[];

/** Add-an-action and add-an-answer buttons for a list of entries (a step's met_by, or an all group's). */
function AddEntryButtons({ what, ctx, list, editor }: { what: string; ctx: Context; list: PathOf; editor: AuthorEditor }) {
  const add = (entry: Record<string, unknown>) => editor.edit((d) => d.insert(list(d), entry));
  return (
    <>
      <button type="button" className="small" disabled={ctx.actions.length === 0} onClick={() => add({ action: ctx.actions[0]?.id ?? '' })}>{what}: add an action</button>
      <button type="button" className="small" disabled={ctx.prompts.length === 0} onClick={() => add(promptEntry(ctx, ctx.prompts[0]?.id ?? ''))}>{what}: add an answer</button>
    </>
  );
}

/** One met_by entry, named `entryName` in its labels; `inner`: an entry of an all group (no nesting there). */
function MetByEntry({ entry, entryName, ctx, at, editor, inner = false }: { entry: unknown; entryName: string; ctx: Context; at: PathOf; editor: AuthorEditor; inner?: boolean }) {
  const { edit } = editor;
  const e = isRecord(entry) ? entry : {};
  let body;
  if (Object.hasOwn(e, 'all') && !inner) {
    const parts = Array.isArray(e.all) ? e.all : [];
    const allPath = (d: AuthorDocument) => [...at(d), 'all'];
    body = (
      <div className="stack" role="group" aria-label={`${entryName}: all of`}>
        <span>All of these (met when the last of them happens):</span>
        {parts.map((x, j) => <MetByEntry key={j} entry={x} entryName={`${entryName} part ${j + 1}`} ctx={ctx} at={(d) => [...allPath(d), j]} editor={editor} inner />)}
        <div className="row"><AddEntryButtons what={`${entryName}, all of`} ctx={ctx} list={allPath} editor={editor} /></div>
      </div>
    );
  } else if (Object.hasOwn(e, 'action')) {
    body = <IdSelect label={`${entryName} action`} value={str(e.action)} none={null} choices={ctx.actions.map((a) => ({ id: a.id, label: str(a.title) || a.id }))}
      onChange={(id) => edit((d) => d.set([...at(d), 'action'], id))} />;
  } else if (Object.hasOwn(e, 'prompt')) {
    const prompt = ctx.prompts.find((p) => p.id === e.prompt);
    const chosen = Array.isArray(e.with) ? e.with.map(str) : [];
    body = (
      <>
        <IdSelect label={`${entryName} prompt`} value={str(e.prompt)} none={null} choices={ctx.prompts.map((p) => ({ id: p.id, label: p.id }))}
          onChange={(id) => edit((d) => d.set(at(d), promptEntry(ctx, id)))} />
        {prompt?.options ? (
          <fieldset className="row" style={{ flexWrap: 'wrap' }}>
            <legend>{entryName}: answers that meet it</legend>
            {prompt.options.map((o) => (
              <label key={o.id}>
                <input type="checkbox" checked={chosen.includes(o.id)} onChange={(ev) => {
                  const next = ev.target.checked ? prompt.options!.map((x) => x.id).filter((id) => id === o.id || chosen.includes(id)) : chosen.filter((id) => id !== o.id);
                  edit((d) => d.set([...at(d), 'with'], next));
                }} />
                {' '}{str(o.label) || o.id}
              </label>
            ))}
          </fieldset>
        ) : <span className="dim">met by an answer whose keyword credit is at least half</span>}
      </>
    );
  } else {
    body = <span className="dim">an entry the forms do not know (edit it in the YAML tab)</span>;
  }
  return (
    <div className="row">
      {body}
      <button type="button" className="small" aria-label={`Delete ${entryName}`} onClick={() => edit((d) => d.remove(at(d)))}>Delete</button>
    </div>
  );
}

/** An all group starts with up to two entries (the first actions, then answers); the author changes them. */
function allGroup(ctx: Context): Record<string, unknown> {
  const parts = [...ctx.actions.map((a) => ({ action: a.id })), ...ctx.prompts.map((p) => promptEntry(ctx, p.id))].slice(0, 2);
  return { all: parts };
}

function StepFields({ step, index, count, ctx, selected, editor, onSelect }: {
  step: Item; index: number; count: number; ctx: Context; selected: boolean; editor: AuthorEditor; onSelect: (s: Selection) => void;
}) {
  const ref = useReveal(selected);
  const { edit } = editor;
  const name = `Step ${index + 1}`;
  const set = (field: string, v: unknown) => edit((d) => d.setField('step', step.id, field, v));
  const metByPath = (d: AuthorDocument) => [...d.pathOf('step', step.id), 'met_by'];
  const metBy = Array.isArray(step.met_by) ? step.met_by : [];
  return (
    <fieldset ref={ref} className={selected ? 'panel stack selected' : 'panel stack'} aria-current={selected ? 'true' : undefined}
      onFocus={() => { if (!selected) onSelect({ kind: 'step', id: step.id }); }}>
      <legend>{name}</legend>
      <div className="row">
        <IdField label={`${name} id`} value={step.id} onRename={(next) => edit((d) => d.rename('step', step.id, next))} />
        <IdSelect label={`${name} objective`} value={str(step.objective)} choices={ctx.objectives.map((o) => ({ id: o.id, label: str(o.title) || o.id }))}
          onChange={(id) => edit((d) => {
            if (id !== '') d.setField('step', step.id, 'objective', id);
            else if (step.objective !== undefined) d.remove([...d.pathOf('step', step.id), 'objective']);
          })} />
        <TextField label={`${name} by`} value={step.by} onChange={(v) => set('by', v)} />
      </div>
      <TextField multiline label={`${name} text`} value={step.step} onChange={(v) => set('step', v)} />
      <div className="stack" role="group" aria-label={`${name} met by`}>
        <span>Met by (the first of these that happens):</span>
        {metBy.length === 0 ? <span className="dim">nothing yet: add an action or an answer</span> : null}
        {metBy.map((entry, k) => <MetByEntry key={k} entry={entry} entryName={`${name} met by ${k + 1}`} ctx={ctx} at={(d) => [...metByPath(d), k]} editor={editor} />)}
        <div className="row">
          <AddEntryButtons what={name} ctx={ctx} list={metByPath} editor={editor} />
          <button type="button" className="small" disabled={ctx.actions.length + ctx.prompts.length === 0}
            onClick={() => edit((d) => d.insert(metByPath(d), allGroup(ctx)))}>{name}: add an all-of group</button>
        </div>
      </div>
      <ItemButtons name={name} index={index} count={count}
        onMove={(to) => edit((d) => d.reorder('step', step.id, to))}
        onDuplicate={() => edit((d) => { onSelect({ kind: 'step', id: d.duplicate('step', step.id) }); })}
        onDelete={() => edit((d) => d.delete('step', step.id))} />
    </fieldset>
  );
}

export function RunbookList({ root, selection, editor, onSelect }: { root: Record<string, unknown>; selection: Selection | null; editor: AuthorEditor; onSelect: (s: Selection) => void }) {
  const steps = items(root.runbook);
  const ctx = contextOf(root);
  const add = () => editor.edit((d) => {
    const id = nextId('step', steps.map((s) => s.id));
    d.add('step', freshStep(root, ctx, id));
    onSelect({ kind: 'step', id });
  });
  return (
    <section className="panel stack" aria-label="Runbook">
      <h2>Runbook</h2>
      {steps.length === 0 ? <p className="dim">No steps yet: a step says what the team should have done, and by when; the debrief measures objectives by them.</p> : null}
      {steps.map((step, index) => (
        <StepFields key={`${index}-${step.id}`} step={step} index={index} count={steps.length} ctx={ctx} editor={editor} onSelect={onSelect}
          selected={selection?.kind === 'step' && selection.id === step.id} />
      ))}
      <div><button type="button" onClick={add}>Add a runbook step</button></div>
    </section>
  );
}
