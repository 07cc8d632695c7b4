import { useEffect } from 'react';
import { LEVELS } from '../../../core/scenario/types.ts';
import { useApp } from '../../store/use-app.ts';
import { Empty, Load } from '../../components/states.tsx';
import { formatSeconds } from '../../components/format.ts';
import { href, navigate } from '../../app/navigation.ts';
import { ImportBox } from './ImportBox.tsx';
import { NewFromTemplate } from './NewFromTemplate.tsx';
import { ScenarioPreview } from './ScenarioPreview.tsx';

export function LibraryView({ entryId }: { entryId: string | null }) {
  const library = useApp((s) => s.library);
  const preview = useApp((s) => s.preview);
  const loadLibrary = useApp((s) => s.loadLibrary);
  const loadPreview = useApp((s) => s.loadPreview);

  useEffect(() => { void loadLibrary(); }, [loadLibrary]);
  useEffect(() => { if (entryId) void loadPreview(entryId); }, [entryId, loadPreview]);

  return (
    <div className="library">
      <aside className="stack" aria-label="Scenario library" style={{ minHeight: 0 }}>
        <h1>Scenarios</h1>
        <ImportBox />
        <NewFromTemplate shipped={library.status === 'ready' ? library.value.filter((e) => e.source === 'shipped') : []} />
        <NewScenario />
        <Load value={library} what="the scenario library" onRetry={() => void loadLibrary()}>
          {(entries) => entries.length === 0 ? <Empty>No scenarios yet. Import a scenario file to begin.</Empty> : (
            <div role="listbox" aria-label="Scenarios" className="list" style={{ flex: 1, minHeight: 0 }}>
              {entries.map((e) => (
                <a key={e.entryId} href={href({ view: 'library', entryId: e.entryId })} role="option" aria-selected={e.entryId === entryId}
                  className="entry button" style={{ textDecoration: 'none' }}>
                  <strong>{e.title}</strong>
                  <div className="dim row" style={{ fontSize: '0.85rem' }}>
                    <span>{e.level}</span><span>{formatSeconds(e.duration_s)}</span><span>{e.roles.length} roles</span>
                    {e.source === 'imported' ? <span className="badge">imported</span> : null}
                  </div>
                </a>
              ))}
            </div>
          )}
        </Load>
      </aside>
      <section className="list" aria-label="Preview">
        {entryId === null ? <Empty>Pick a scenario to see its objectives, roles, timeline and runbook.</Empty> : (
          <Load value={preview} what="the scenario" onRetry={() => void loadPreview(entryId)}>
            {(detail) => <ScenarioPreview entry={detail} />}
          </Load>
        )}
      </section>
    </div>
  );
}

/** A new scenario from a blank skeleton of a level, in the Author view. */
function NewScenario() {
  return (
    <div className="row" role="group" aria-label="New scenario from a blank skeleton">
      <span>New scenario:</span>
      {LEVELS.map((level) => (
        <button key={level} type="button" className="small" onClick={() => navigate({ view: 'author-new', level })}
          aria-label={`New ${level} scenario`}>{level}</button>
      ))}
    </div>
  );
}
