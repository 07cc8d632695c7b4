// The renderer keeps its routes in the URL hash (renderer/store/route.ts). The main process needs
// two directions of that: the hash that opens a window on its view, and, when a page asks for a new
// window (window.open of the room screen), which of the app's own windows it means.

import { isSlug, isStoredId } from '../../core/protocol/fields.ts';

export type WindowRoute =
  | { kind: 'facilitator' }
  | { kind: 'room'; sessionId: string }
  | { kind: 'seat'; sessionId: string; role: string };

export function hashFor(route: WindowRoute): string {
  const e = encodeURIComponent;
  switch (route.kind) {
    case 'facilitator':
      return '#/library';
    case 'room':
      return `#/session/${e(route.sessionId)}/room`;
    case 'seat':
      return `#/session/${e(route.sessionId)}/seat/${e(route.role)}`;
  }
}

function decoded(part: string | undefined, accept: (value: string) => boolean): string | null {
  if (part === undefined) return null;
  try {
    const value = decodeURIComponent(part);
    return accept(value) ? value : null;
  } catch {
    return null;
  }
}

/** The room or seat window a URL of the app names, or null for anything else. */
export function windowRouteOf(url: string, appOrigin: string): Exclude<WindowRoute, { kind: 'facilitator' }> | null {
  if (!url.startsWith(`${appOrigin}/`)) return null;
  const hashAt = url.indexOf('#');
  if (hashAt < 0) return null;
  const [head, id, view, role, ...rest] = url.slice(hashAt + 1).replace(/^\/?/, '').split('/');
  if (head !== 'session' || rest.length > 0) return null;
  const sessionId = decoded(id, isStoredId);
  if (!sessionId) return null;
  if (view === 'room' && role === undefined) return { kind: 'room', sessionId };
  const seatRole = decoded(role, isSlug);
  if (view === 'seat' && seatRole) return { kind: 'seat', sessionId, role: seatRole };
  return null;
}
