// The Forms tab: the scenario's own fields, its objectives, roles and actions, its injects with
// the selected one's fields, prompts (and what each expects, ExpectFields.tsx) and options, and its
// runbook steps (RunbookForms.tsx). Every change is an AuthorDocument edit.
import { isRecord } from '../../../core/scenario/path.ts';
import { CHANNELS, LEVELS } from '../../../core/scenario/types.ts';
import { PROMPT_TYPE_SPECS, PROMPT_TYPES, type PromptType } from '../../../core/scenario/prompt-types.ts';
import type { AuthorDocument } from '../../../core/author/index.ts';
import type { AuthorEditor } from './use-author-document.ts';
import type { Selection } from './selection.ts';
import { IdField, ItemButtons, items, nextId, str, TextField, useReveal, type Item } from './fields.tsx';
import { RunbookList } from './RunbookForms.tsx';
import { ExpectFields } from './ExpectFields.tsx';


interface ListSpec {
  kind: 'objective' | 'role' | 'action';
  list: string;
  noun: string;
  title: string;
  text: { key: string; label: string };
  fresh: (id: string) => Record<string, unknown>;
}

const LISTS: ListSpec[] = [
  { kind: 'objective', list: 'objectives', noun: 'Objective', title: 'Objectives', text: { key: 'description', label: 'description' }, fresh: (id) => ({ id, title: 'New objective' }) },
  { kind: 'role', list: 'roles', noun: 'Role', title: 'Roles', text: { key: 'brief', label: 'brief' }, fresh: (id) => ({ id, title: 'New role', brief: 'What this role is responsible for.' }) },
  { kind: 'action', list: 'actions', noun: 'Action', title: 'Actions', text: { key: 'description', label: 'description' }, fresh: (id) => ({ id, title: 'New action' }) },
];

function ElementFields({ spec, item, index, count, selected, editor, onSelect }: {
  spec: ListSpec; item: Item; index: number; count: number; selected: boolean; editor: AuthorEditor; onSelect: (s: Selection) => void;
}) {
  const ref = useReveal(selected);
  const name = `${spec.noun} ${index + 1}`;
  const { edit } = editor;
  return (
    <fieldset ref={ref} className={selected ? 'panel stack selected' : 'panel stack'} aria-current={selected ? 'true' : undefined}
      onFocus={() => { if (!selected) onSelect({ kind: spec.kind, id: item.id }); }}>
      <legend>{name}</legend>
      <div className="row">
        <IdField label={`${name} id`} value={item.id} onRename={(next) => edit((d) => d.rename(spec.kind, item.id, next))} />
        <TextField label={`${name} title`} value={item.title} onChange={(v) => edit((d) => d.setField(spec.kind, item.id, 'title', v))} />
      </div>
      <TextField multiline label={`${name} ${spec.text.label}`} value={item[spec.text.key]} onChange={(v) => edit((d) => d.setField(spec.kind, item.id, spec.text.key, v))} />
      <ItemButtons name={name} index={index} count={count}
        onMove={(to) => edit((d) => d.reorder(spec.kind, item.id, to))}
        onDuplicate={() => edit((d) => { onSelect({ kind: spec.kind, id: d.duplicate(spec.kind, item.id) }); })}
        onDelete={() => edit((d) => d.delete(spec.kind, item.id))} />
    </fieldset>
  );
}

function ElementList({ spec, root, selection, editor, onSelect }: { spec: ListSpec; root: Record<string, unknown>; selection: Selection | null; editor: AuthorEditor; onSelect: (s: Selection) => void }) {
  const list = items(root[spec.list]);
  const add = () => editor.edit((d) => {
    const id = nextId(spec.kind, list.map((x) => x.id));
    d.add(spec.kind, spec.fresh(id));
    onSelect({ kind: spec.kind, id });
  });
  return (
    <section className="panel stack" aria-label={spec.title}>
      <h2>{spec.title}</h2>
      {list.map((item, index) => (
        <ElementFields key={`${index}-${item.id}`} spec={spec} item={item} index={index} count={list.length} editor={editor} onSelect={onSelect}
          selected={selection?.kind === spec.kind && selection.id === item.id} />
      ))}
      <div><button type="button" onClick={add}>Add {spec.kind === 'objective' ? 'an' : spec.kind === 'action' ? 'an' : 'a'} {spec.kind}</button></div>
    </section>
  );
}

function PromptFields({ prompt, index, count, inject, roles, objectives, selected, editor, onSelect }: {
  prompt: Item; index: number; count: number; inject: Item; roles: Item[]; objectives: Item[]; selected: boolean; editor: AuthorEditor; onSelect: (s: Selection) => void;
}) {
  const ref = useReveal(selected);
  const { edit } = editor;
  const name = `Prompt ${index + 1}`;
  const options = items(prompt.options);
  const type = str(prompt.type);
  const set = (field: string, v: unknown) => edit((d) => d.setField('prompt', prompt.id, field, v));
  return (
    <fieldset ref={ref} className={selected ? 'panel stack selected' : 'panel stack'} aria-current={selected ? 'true' : undefined}>
      <legend>{name}</legend>
      <div className="row">
        <IdField label={`${name} id`} value={prompt.id} onRename={(next) => edit((d) => d.rename('prompt', prompt.id, next))} />
        <label>{name} role{' '}
          <select value={str(prompt.role)} onChange={(e) => set('role', e.target.value)}>
            {roles.some((r) => r.id === prompt.role) ? null : <option value={str(prompt.role)}>{str(prompt.role) || '(none)'}</option>}
            {roles.map((r) => <option key={r.id} value={r.id}>{str(r.title) || r.id}</option>)}
          </select>
        </label>
        <label>{name} type{' '}
          <select value={type} onChange={(e) => set('type', e.target.value)}>
            {(PROMPT_TYPES as readonly string[]).includes(type) ? null : <option value={type}>{type || '(none)'}</option>}
            {PROMPT_TYPES.map((t) => <option key={t} value={t}>{t}</option>)}
          </select>
        </label>
      </div>
      <TextField multiline label={`${name} question`} value={prompt.ask} onChange={(v) => set('ask', v)} />
      {!Object.hasOwn(PROMPT_TYPE_SPECS, type) || !PROMPT_TYPE_SPECS[type as PromptType].options ? null : (
        <div className="stack" aria-label={`${name} options`} role="group">
          {options.map((o, j) => {
            const optionName = `${name} option ${j + 1}`;
            const optionId = `${prompt.id}/${o.id}`;
            return (
              <div key={`${j}-${o.id}`} className="row">
                <IdField label={`${optionName} id`} value={o.id} onRename={(next) => edit((d) => d.rename('option', optionId, next))} />
                <TextField label={`${optionName} label`} value={o.label} onChange={(v) => edit((d) => d.setField('option', optionId, 'label', v))} />
                <ItemButtons name={optionName} index={j} count={options.length}
                  onMove={(to) => edit((d) => d.reorder('option', optionId, to))}
                  onDuplicate={() => edit((d) => { d.duplicate('option', optionId); })}
                  onDelete={() => edit((d) => d.delete('option', optionId))} />
              </div>
            );
          })}
          <div><button type="button" className="small" onClick={() => edit((d) => d.add('option', { id: nextId('option', options.map((o) => o.id)), label: 'New option' }, { parentId: prompt.id }))}>Add an option to {name.toLowerCase()}</button></div>
        </div>
      )}
      <ExpectFields prompt={prompt} name={name} objectives={objectives} editor={editor} />
      <ItemButtons name={name} index={index} count={count}
        onMove={(to) => edit((d) => d.reorder('prompt', prompt.id, to))}
        onDuplicate={() => edit((d) => { onSelect({ kind: 'prompt', id: d.duplicate('prompt', prompt.id), injectId: inject.id }); })}
        onDelete={() => edit((d) => d.delete('prompt', prompt.id))} />
    </fieldset>
  );
}

function allPromptIds(root: Record<string, unknown>): string[] {
  return items(root.injects).flatMap((i) => items(i.prompts).map((p) => p.id));
}

function InjectEditor({ inject, root, selection, editor, onSelect }: { inject: Item; root: Record<string, unknown>; selection: Selection | null; editor: AuthorEditor; onSelect: (s: Selection) => void }) {
  const { edit } = editor;
  const roles = items(root.roles);
  const prompts = items(inject.prompts);
  const set = (field: string, v: unknown) => edit((d) => d.setField('inject', inject.id, field, v));
  const trigger = inject.at !== undefined ? `at ${str(inject.at)}` : inject.after !== undefined ? `after ${str(inject.after)}` : inject.when !== undefined ? 'when (a condition: edit it in the YAML tab)' : 'no time';
  const toText = inject.to === 'all' ? 'all' : Array.isArray(inject.to) ? inject.to.map(str).join(', ') : '';
  return (
    <section className="panel stack" aria-label={`Inject ${inject.id}`}>
      <h3>Inject {inject.id}</h3>
      <div className="row">
        <IdField label="Inject id" value={inject.id} onRename={(next) => edit((d) => d.rename('inject', inject.id, next))} />
        {inject.at !== undefined ? <TextField label="Time" value={inject.at} onChange={(v) => set('at', v)} /> : <span className="dim">{trigger}</span>}
        <label>Channel{' '}
          <select value={str(inject.channel)} onChange={(e) => edit((d) => d.setChannel([inject.id], e.target.value))}>
            {(CHANNELS as readonly string[]).includes(str(inject.channel)) ? null : <option value={str(inject.channel)}>{str(inject.channel) || '(none)'}</option>}
            {CHANNELS.map((c) => <option key={c} value={c}>{c}</option>)}
          </select>
        </label>
      </div>
      <RecipientsField value={toText} roles={roles} onApply={(to) => edit((d) => d.setTo([inject.id], to))} label="Sent to" />
      <TextField label="Inject title" value={inject.title} onChange={(v) => set('title', v)} />
      <TextField multiline label="Inject body" value={inject.body} onChange={(v) => set('body', v)} />
      <TextField multiline label="Facilitator notes" value={inject.facilitator_notes} onChange={(v) => set('facilitator_notes', v)} />
      <h4>Prompts</h4>
      {prompts.map((p, index) => (
        <PromptFields key={`${index}-${p.id}`} prompt={p} index={index} count={prompts.length} inject={inject} roles={roles} objectives={items(root.objectives)} editor={editor} onSelect={onSelect}
          selected={selection?.kind === 'prompt' && selection.id === p.id} />
      ))}
      <div>
        <button type="button" onClick={() => edit((d) => {
          const id = nextId(`${inject.id}-prompt`.slice(0, 50), allPromptIds(root));
          d.add('prompt', { id, role: roles[0]?.id ?? '', type: 'text', ask: 'What do you do now?' }, { parentId: inject.id });
          onSelect({ kind: 'prompt', id, injectId: inject.id });
        })}>Add a prompt</button>
      </div>
    </section>
  );
}

/** Recipients as `all` or role ids separated by commas; applied on Enter or leaving the field. */
export function RecipientsField({ label, value, roles, onApply }: { label: string; value: string; roles: Item[]; onApply: (to: 'all' | string[]) => boolean }) {
  const parse = (text: string): 'all' | string[] => (text.trim() === 'all' ? 'all' : text.split(',').map((s) => s.trim()).filter(Boolean));
  return (
    <label>{label}{' '}
      <input key={value} defaultValue={value} spellCheck={false} aria-describedby="recipients-hint"
        onBlur={(e) => { if (e.target.value !== value) onApply(parse(e.target.value)); }}
        onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); if (e.currentTarget.value !== value) onApply(parse(e.currentTarget.value)); } }} />
      <span id="recipients-hint" className="dim"> all, or role ids separated by commas ({roles.map((r) => r.id).join(', ') || 'no roles yet'})</span>
    </label>
  );
}

export function freshInject(doc: AuthorDocument, id: string): Record<string, unknown> {
  const rows = items(doc.get(['injects']));
  const last = rows[rows.length - 1];
  return { id, at: last && last.at !== undefined ? str(last.at) : '0:00', to: 'all', channel: 'chat', title: 'New inject', body: 'What arrives, in the words of whoever sends it.' };
}

export function injectIds(root: unknown): string[] {
  return isRecord(root) ? items(root.injects).map((i) => i.id) : [];
}

export function FormsTab({ editor, selection, onSelect }: { editor: AuthorEditor; selection: Selection | null; onSelect: (s: Selection | null) => void }) {
  const root = editor.value;
  if (!isRecord(root)) {
    return <p className="error-box" role="alert">The YAML does not parse, so the forms cannot show it. Fix it in the YAML tab (the problems panel says where).</p>;
  }
  const { edit } = editor;
  const injects = items(root.injects);
  const selectedInjectId = selection?.kind === 'inject' ? selection.id : selection?.kind === 'prompt' ? selection.injectId : undefined;
  const selectedInject = injects.find((i) => i.id === selectedInjectId);
  const setTop = (key: string, v: unknown) => edit((d) => d.set([key], v));
  return (
    <div className="stack">
      <section className="panel stack" aria-label="Scenario">
        <h2>Scenario</h2>
        <TextField label="Scenario title" value={root.title} onChange={(v) => setTop('title', v)} />
        <div className="row">
          <TextField label="Scenario id" value={root.id} onChange={(v) => setTop('id', v)} />
          <label>Level{' '}
            <select value={str(root.level)} onChange={(e) => setTop('level', e.target.value)}>
              {LEVELS.map((l) => <option key={l} value={l}>{l}</option>)}
            </select>
          </label>
          <TextField label="Duration" value={root.duration} onChange={(v) => setTop('duration', v)} />
        </div>
        <TextField multiline label="Summary" value={root.summary} onChange={(v) => setTop('summary', v)} />
      </section>
      {LISTS.map((spec) => <ElementList key={spec.kind} spec={spec} root={root} selection={selection} editor={editor} onSelect={onSelect} />)}
      <section className="panel stack" aria-label="Injects">
        <h2>Injects</h2>
        <ol className="stack">
          {injects.map((inject, index) => {
            const selected = inject.id === selectedInjectId;
            return (
              <li key={`${index}-${inject.id}`} className={selected ? 'row selected' : 'row'}>
                <button type="button" className="small" aria-pressed={selected} onClick={() => onSelect({ kind: 'inject', id: inject.id })}>
                  {str(inject.title) || inject.id}
                </button>
                <ItemButtons name={`inject ${inject.id}`} index={index} count={injects.length}
                  onMove={(to) => edit((d) => d.reorder('inject', inject.id, to))}
                  onDuplicate={() => edit((d) => { onSelect({ kind: 'inject', id: d.duplicate('inject', inject.id) }); })}
                  onDelete={() => edit((d) => d.delete('inject', inject.id))} />
              </li>
            );
          })}
        </ol>
        <div>
          <button type="button" onClick={() => edit((d) => {
            const id = nextId('inject', injectIds(root));
            d.add('inject', freshInject(d, id));
            onSelect({ kind: 'inject', id });
          })}>Add an inject</button>
        </div>
        {selectedInject ? <InjectEditor inject={selectedInject} root={root} selection={selection} editor={editor} onSelect={onSelect} /> : <p className="dim">Pick an inject to edit its fields and prompts.</p>}
      </section>
      <RunbookList root={root} selection={selection} editor={editor} onSelect={onSelect} />
    </div>
  );
}
