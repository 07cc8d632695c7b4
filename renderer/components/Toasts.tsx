// The app's short messages (what was saved, what was refused and why), in one polite live region.
// Every page that dispatches commands shows them: the app shell and a participant's own device,
// where a refused answer or action would otherwise say nothing at all.
import { useApp } from '../store/use-app.ts';

export function Toasts() {
  const toasts = useApp((s) => s.toasts);
  const dismiss = useApp((s) => s.dismissToast);
  return (
    <div className="toast stack" role="status" aria-live="polite">
      {toasts.map((t) => (
        <div key={t.id} className={t.tone === 'error' ? 'error-box row' : 'panel row'}>
          <span className="user-text" style={{ flex: 1 }}>{t.text}</span>
          <button type="button" className="small" onClick={() => dismiss(t.id)} aria-label="Dismiss message">×</button>
        </div>
      ))}
    </div>
  );
}
