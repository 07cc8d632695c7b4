import { useEffect, useRef } from 'react';
import type { Registry } from './registry.ts';

/** The `?` overlay: every shortcut of the current view, by group, from the same registry. */
export function ShortcutHelp<C>({ registry, onClose }: { registry: Registry<C>; onClose: () => void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), []);
  const groups = [...new Set(registry.map((c) => c.group))];
  return (
    <div className="dialog-backdrop" onKeyDown={(e) => { if (e.key === 'Escape') { e.stopPropagation(); onClose(); } }}>
      <div className="dialog" role="dialog" aria-modal="true" aria-labelledby="shortcut-help-title">
        <h2 id="shortcut-help-title">Keyboard shortcuts</h2>
        <div className="shortcut-groups">
        {groups.map((group) => (
          <section key={group}>
            <h3>{group}</h3>
            <table className="grid">
              <tbody>
                {registry.filter((c) => c.group === group && c.shortcut).map((c) => (
                  <tr key={c.name}>
                    <td style={{ width: '6.5rem' }}><kbd>{c.shortcut}</kbd></td>
                    <td>{c.label}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
        </div>
        <p className="row" style={{ justifyContent: 'flex-end', marginTop: '1rem' }}>
          <button ref={closeRef} type="button" onClick={onClose}>Close <kbd>Esc</kbd></button>
        </p>
      </div>
    </div>
  );
}
