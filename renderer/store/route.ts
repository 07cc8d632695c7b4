// Routes live in the URL hash so that a second window (the room screen on a projector, a seat on a
// shared laptop) opens straight onto its view, and the back button works.
import { isStoredId } from '../../core/protocol/fields.ts';
import { LEVELS, type Level } from '../../core/scenario/types.ts';

export type Route =
  | { view: 'library'; entryId: string | null }
  | { view: 'setup'; entryId: string }
  | { view: 'console'; sessionId: string }
  | { view: 'room'; sessionId: string }
  | { view: 'seat'; sessionId: string; role: string | null }
  | { view: 'debrief'; sessionId: string }
  | { view: 'history' }
  | { view: 'register' }
  /** The Author view: a library entry's text (`entryId`), or a blank skeleton of a level. */
  | { view: 'author'; entryId: string }
  | { view: 'author-new'; level: Level }
  | { view: 'compare'; sessionIds: string[] };


function clean(part: string | undefined): string | null {
  if (part === undefined) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(part);
  } catch {
    return null;
  }
  return isStoredId(decoded) ? decoded : null;
}

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').filter(Boolean);
  const [head, a, b, c] = parts;
  if (head === 'library') return { view: 'library', entryId: clean(a) };
  if (head === 'setup' && clean(a)) return { view: 'setup', entryId: clean(a)! };
  if (head === 'history') return { view: 'history' };
  if (head === 'register') return { view: 'register' };
  if (head === 'author' && clean(a)) return { view: 'author', entryId: clean(a)! };
  if (head === 'new') return { view: 'author-new', level: (LEVELS as readonly string[]).includes(a ?? '') ? (a as Level) : 'beginner' };
  if (head === 'compare') {
    const ids = (a ?? '').split(',').map(clean).filter((x): x is string => x !== null);
    return ids.length ? { view: 'compare', sessionIds: ids } : { view: 'history' };
  }
  if (head === 'session') {
    const id = clean(a);
    if (id) {
      if (b === 'room') return { view: 'room', sessionId: id };
      if (b === 'seat') return { view: 'seat', sessionId: id, role: clean(c) };
      if (b === 'debrief') return { view: 'debrief', sessionId: id };
      return { view: 'console', sessionId: id };
    }
  }
  return { view: 'library', entryId: null };
}

export function routeToHash(route: Route): string {
  const e = encodeURIComponent;
  switch (route.view) {
    case 'library': return route.entryId ? `#/library/${e(route.entryId)}` : '#/library';
    case 'setup': return `#/setup/${e(route.entryId)}`;
    case 'console': return `#/session/${e(route.sessionId)}/console`;
    case 'room': return `#/session/${e(route.sessionId)}/room`;
    case 'seat': return route.role ? `#/session/${e(route.sessionId)}/seat/${e(route.role)}` : `#/session/${e(route.sessionId)}/seat`;
    case 'debrief': return `#/session/${e(route.sessionId)}/debrief`;
    case 'history': return '#/history';
    case 'register': return '#/register';
    case 'author': return `#/author/${e(route.entryId)}`;
    case 'author-new': return `#/new/${route.level}`;
    case 'compare': return `#/compare/${route.sessionIds.map(e).join(',')}`;
  }
}
