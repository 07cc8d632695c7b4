// The three states every view shows while it waits for the host: loading, failed, empty.
import type { ReactNode } from 'react';
import type { BridgeError } from '../../core/protocol/bridge.ts';
import type { Loadable } from '../store/load-state.ts';

export function Loading({ what }: { what: string }) {
  return <div className="muted-box" role="status" aria-live="polite">Loading {what}…</div>;
}

export function ErrorState({ title, error, onRetry }: { title: string; error: BridgeError; onRetry?: () => void }) {
  return (
    <div className="error-box" role="alert">
      <h3>{title}</h3>
      <p className="user-text">{error.message}</p>
      {onRetry ? <button type="button" onClick={onRetry}>Try again</button> : null}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <div className="muted-box">{children}</div>;
}

/** Renders a Loadable: loading and error states built in, `children` for the value. */
export function Load<T>({ value, what, onRetry, children }: {
  value: Loadable<T>;
  what: string;
  onRetry?: () => void;
  children: (value: T) => ReactNode;
}) {
  if (value.status === 'ready') return <>{children(value.value)}</>;
  if (value.status === 'error') return <ErrorState title={`Could not load ${what}`} error={value.error} onRetry={onRetry} />;
  return <Loading what={what} />;
}
