// What a prompt expects, as forms: the best and acceptable options of a choice or multi prompt,
// the keyword and avoid groups of a text prompt, the time it should be answered within, its points
// and its objective. Each change is one AuthorDocument edit of the prompt's `expect` (or key);
// a list emptied takes its key away, and the last key takes `expect` with it.
import { isRecord } from '../../../core/scenario/path.ts';
import { PROMPT_TYPE_SPECS, type PromptType } from '../../../core/scenario/prompt-types.ts';
import type { AuthorDocument } from '../../../core/author/index.ts';
import type { AuthorEditor } from './use-author-document.ts';
import { CommitField, IdSelect, items, str, TextField, type Item } from './fields.tsx';

/** Set `expect.KEY` of a prompt, or take it away (value undefined); `expect` goes when nothing is left in it. */
export function setExpect(d: AuthorDocument, promptId: string, key: string, value: unknown): void {
  const path = d.pathOf('prompt', promptId);
  const expect = d.get([...path, 'expect']);
  if (value !== undefined) {
    d.setField('prompt', promptId, ['expect', key], value);
    return;
  }
  if (!isRecord(expect) || !Object.hasOwn(expect, key)) return;
  d.remove(Object.keys(expect).length === 1 ? [...path, 'expect'] : [...path, 'expect', key]);
}

/** Set a key of the prompt itself, or take it away when the field is emptied. */
function setOrRemove(d: AuthorDocument, promptId: string, key: string, value: unknown): void {
  if (value !== undefined) {
    d.setField('prompt', promptId, key, value);
    return;
  }
  const path = d.pathOf('prompt', promptId);
  if (d.get([...path, key]) !== undefined) d.remove([...path, key]);
}

/** Keyword groups as text: one group a line, its words or phrases separated by commas. */
export const groupsToText = (groups: unknown): string =>
  Array.isArray(groups) ? groups.map((g) => (Array.isArray(g) ? g.map(str).join(', ') : str(g))).join('\n') : '';
export const textToGroups = (text: string): string[][] =>
  text.split('\n').map((line) => line.split(',').map((w) => w.trim()).filter(Boolean)).filter((g) => g.length > 0);
const wordsOf = (text: string): string[] => text.split(',').map((w) => w.trim()).filter(Boolean);

/** A number when it reads as one (the problems panel names anything else). */
const numberOrText = (v: string): number | string | undefined => (v.trim() === '' ? undefined : /^\d+(\.\d+)?$/.test(v.trim()) ? Number(v.trim()) : v);

function OptionPicker({ label, options, chosen, onChange }: { label: string; options: Item[]; chosen: string[]; onChange: (ids: string[]) => void }) {
  return (
    <fieldset className="row" style={{ flexWrap: 'wrap' }}>
      <legend>{label}</legend>
      {options.length === 0 ? <span className="dim">Add options first.</span> : null}
      {options.map((o) => (
        <label key={o.id}>
          <input type="checkbox" checked={chosen.includes(o.id)}
            onChange={(e) => onChange(e.target.checked ? options.map((x) => x.id).filter((id) => id === o.id || chosen.includes(id)) : chosen.filter((id) => id !== o.id))} />
          {' '}{str(o.label) || o.id}
        </label>
      ))}
      {chosen.filter((id) => !options.some((o) => o.id === id)).map((id) => <span key={id} className="dim">{id} (not an option)</span>)}
    </fieldset>
  );
}

export function ExpectFields({ prompt, name, objectives, editor }: { prompt: Item; name: string; objectives: Item[]; editor: AuthorEditor }) {
  const { edit } = editor;
  const type = str(prompt.type);
  const spec = Object.hasOwn(PROMPT_TYPE_SPECS, type) ? PROMPT_TYPE_SPECS[type as PromptType] : undefined;
  const expect = isRecord(prompt.expect) ? prompt.expect : {};
  const options = items(prompt.options);
  const ids = (v: unknown): string[] => (Array.isArray(v) ? v.map(str) : []);
  const setList = (key: string, list: unknown[]) => edit((d) => setExpect(d, prompt.id, key, list.length > 0 ? list : undefined));
  const avoid = Array.isArray(expect.avoid) ? expect.avoid : [];
  const avoidPath = (d: AuthorDocument) => [...d.pathOf('prompt', prompt.id), 'expect', 'avoid'];
  return (
    <div className="stack" role="group" aria-label={`${name} expects`}>
      <h5>{name}: what it expects</h5>
      {spec?.options ? (
        <>
          <OptionPicker label={`${name} best options`} options={options} chosen={ids(expect.best)} onChange={(list) => setList('best', list)} />
          <OptionPicker label={`${name} acceptable options`} options={options} chosen={ids(expect.acceptable)} onChange={(list) => setList('acceptable', list)} />
        </>
      ) : null}
      {spec?.freeText ? (
        <>
          <CommitField multiline label={`${name} keywords`} value={groupsToText(expect.keywords)} hint="One group a line; a group's words or phrases separated by commas. An answer scores for each group it matches."
            onCommit={(text) => setList('keywords', textToGroups(text))} />
          <div className="stack" role="group" aria-label={`${name} avoid groups`}>
            {avoid.map((g, k) => {
              const groupName = `${name} avoid group ${k + 1}`;
              const group = isRecord(g) ? g : {};
              return (
                <div key={k} className="row">
                  <CommitField label={`${groupName} words`} value={Array.isArray(group.any) ? group.any.map(str).join(', ') : ''}
                    onCommit={(text) => edit((d) => d.set([...avoidPath(d), k, 'any'], wordsOf(text)))} />
                  <CommitField label={`${groupName} why`} value={str(group.why)} onCommit={(text) => edit((d) => d.set([...avoidPath(d), k, 'why'], text))} />
                  <button type="button" className="small" aria-label={`Delete ${groupName}`}
                    onClick={() => edit((d) => (avoid.length === 1 ? setExpect(d, prompt.id, 'avoid', undefined) : d.remove([...avoidPath(d), k])))}>Delete</button>
                </div>
              );
            })}
            <div><button type="button" className="small" onClick={() => edit((d) => {
              const group = { any: ['never again'], why: 'Promises what no one can promise' };
              if (avoid.length === 0) setExpect(d, prompt.id, 'avoid', [group]);
              else d.insert(avoidPath(d), group);
            })}>Add an avoid group to {name.toLowerCase()}</button></div>
          </div>
        </>
      ) : null}
      <div className="row">
        <TextField label={`${name} within`} value={expect.within} onChange={(v) => edit((d) => setExpect(d, prompt.id, 'within', v.trim() === '' ? undefined : v))} />
        <TextField label={`${name} points`} value={prompt.points} onChange={(v) => edit((d) => setOrRemove(d, prompt.id, 'points', numberOrText(v)))} />
        <IdSelect label={`${name} objective`} value={str(prompt.objective)} choices={objectives.map((o) => ({ id: o.id, label: str(o.title) || o.id }))}
          onChange={(id) => edit((d) => setOrRemove(d, prompt.id, 'objective', id === '' ? undefined : id))} />
      </div>
    </div>
  );
}
