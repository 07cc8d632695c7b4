// "New from template" (issue 17, item 7): a blank skeleton per level (core/author/templates.ts, each
// commented section by section and ready to run) or a copy of a shipped scenario. A blank becomes a
// new library entry as its version 1; a shipped one is duplicated (a free id, its title "(copy)").
import { useState } from 'react';
import { BLANK_TEMPLATES } from '../../../core/author/templates.ts';
import type { LibraryEntry } from '../../../core/protocol/bridge.ts';
import { useBridge } from '../../bridge/context.tsx';
import { navigate } from '../../app/navigation.ts';
import { useApp } from '../../store/use-app.ts';

export function NewFromTemplate({ shipped }: { shipped: readonly LibraryEntry[] }) {
  const bridge = useBridge();
  const loadLibrary = useApp((s) => s.loadLibrary);
  const duplicate = useApp((s) => s.duplicateScenario);
  const toast = useApp((s) => s.toast);
  const [choice, setChoice] = useState(`blank:${BLANK_TEMPLATES[0]?.level ?? 'beginner'}`);
  const [busy, setBusy] = useState(false);

  async function create() {
    setBusy(true);
    try {
      const [kind, id = ''] = choice.split(':', 2) as [string, string?];
      if (kind === 'shipped') {
        const copy = await duplicate(id);
        if (copy) navigate({ view: 'library', entryId: copy.entryId });
        return;
      }
      const template = BLANK_TEMPLATES.find((t) => t.level === id);
      if (!template) return;
      const saved = await bridge.request('library.save', { fileName: template.fileName, text: template.text, note: `New from the ${template.label.toLowerCase()}` });
      if (!saved.ok) {
        toast(saved.error.message, 'error');
        return;
      }
      await loadLibrary();
      navigate({ view: 'library', entryId: saved.value.entryId });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="row" aria-label="New scenario">
      <label>Template <select value={choice} onChange={(e) => setChoice(e.target.value)}>
        <optgroup label="Blank">
          {BLANK_TEMPLATES.map((t) => <option key={t.level} value={`blank:${t.level}`}>{t.label}</option>)}
        </optgroup>
        {shipped.length > 0 ? (
          <optgroup label="Shipped scenarios">
            {shipped.map((e) => <option key={e.entryId} value={`shipped:${e.entryId}`}>{e.title}</option>)}
          </optgroup>
        ) : null}
      </select></label>
      <button type="button" disabled={busy} onClick={() => void create()}>New from template</button>
    </section>
  );
}
