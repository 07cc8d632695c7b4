// The app shell: top bar, connection banner, the routed view, toasts. Views that fill a screen
// (console, room, seat) get the whole area without page scroll.
import { useEffect, useRef, useState } from 'react';
import type { Bridge } from '../../core/protocol/bridge.ts';
import type { DesktopVerbs } from '../../core/protocol/desktop.ts';
import { ServicesProvider, useDesktop } from '../bridge/context.tsx';
import { CommandHub } from '../commands/command-hub.ts';
import { CommandHubProvider } from '../commands/hub-context.tsx';
import type { AppStore } from '../store/store.ts';
import { useApp } from '../store/use-app.ts';
import { href, navigate, useRoute } from './navigation.ts';
import { appCommands, type AppCommandContext } from './app-commands.ts';
import { useDesktopMenu } from './desktop-menu.ts';
import type { Route } from '../store/route.ts';
import { LibraryView } from '../views/library/LibraryView.tsx';
import { SetupView } from '../views/setup/SetupView.tsx';
import { ConsoleView } from '../views/console/ConsoleView.tsx';
import { RoomView } from '../views/room/RoomView.tsx';
import { SeatView } from '../views/seat/SeatView.tsx';
import { DebriefView } from '../views/debrief/DebriefView.tsx';
import { HistoryView } from '../views/history/HistoryView.tsx';
import { CompareView } from '../views/history/CompareView.tsx';
import { RegisterView } from '../views/register/RegisterView.tsx';
import { AuthorView } from '../views/author/AuthorView.tsx';
import { DesktopLobbyDock } from '../lan/DesktopLobbyDock.tsx';
import { currentLock, lockToSeats, useHotSeatLock } from './hot-seat-lock.ts';
import { LockedBar } from './LockedBar.tsx';
import { Toasts } from '../components/Toasts.tsx';

function ConnectionBanner() {
  const connection = useApp((s) => s.connection);
  if (connection === 'connected') return null;
  return (
    <div className={`banner ${connection}`} role="alert">
      {connection === 'lost'
        ? 'Connection to the Drillbook host lost. Reconnecting by itself; what you enter now is not sent until it is back.'
        : 'Reconnecting to the Drillbook host…'}
    </div>
  );
}

const FULL_SCREEN: Route['view'][] = ['console', 'room', 'seat'];

function TopBar({ route, hostLabel }: { route: Route; hostLabel: string | null }) {
  const sessionId = 'sessionId' in route ? route.sessionId : null;
  const links: { label: string; route: Route; current: boolean }[] = [
    { label: 'Library', route: { view: 'library', entryId: null }, current: route.view === 'library' || route.view === 'setup' },
    { label: 'History', route: { view: 'history' }, current: route.view === 'history' || route.view === 'compare' },
    { label: 'Register', route: { view: 'register' }, current: route.view === 'register' },
    { label: 'Author', route: { view: 'author-new', level: 'beginner' }, current: route.view === 'author' || route.view === 'author-new' },
  ];
  if (sessionId) {
    links.push(
      { label: 'Console', route: { view: 'console', sessionId }, current: route.view === 'console' },
      { label: 'Room screen', route: { view: 'room', sessionId }, current: route.view === 'room' },
      { label: 'Seats', route: { view: 'seat', sessionId, role: null }, current: route.view === 'seat' },
      { label: 'Debrief', route: { view: 'debrief', sessionId }, current: route.view === 'debrief' },
    );
  }
  return (
    <header className="topbar">
      <span className="brand">Drillbook</span>
      <nav aria-label="Main">
        {links.map((l) => (
          <a key={l.label} href={href(l.route)} aria-current={l.current ? 'page' : undefined}>{l.label}</a>
        ))}
      </nav>
      <span className="spacer" />
      {hostLabel ? <span className="badge warn">{hostLabel}</span> : null}
    </header>
  );
}

function RoutedView({ route }: { route: Route }) {
  switch (route.view) {
    case 'library': return <LibraryView entryId={route.entryId} />;
    case 'setup': return <SetupView entryId={route.entryId} />;
    case 'console': return <ConsoleView sessionId={route.sessionId} />;
    case 'room': return <RoomView sessionId={route.sessionId} />;
    case 'seat': return <SeatView sessionId={route.sessionId} role={route.role} />;
    case 'debrief': return <DebriefView sessionId={route.sessionId} />;
    case 'history': return <HistoryView />;
    case 'compare': return <CompareView sessionIds={route.sessionIds} />;
    case 'register': return <RegisterView />;
    case 'author': return <AuthorView key={route.entryId} source={{ entryId: route.entryId }} />;
    case 'author-new': return <AuthorView key={`new-${route.level}`} source={{ level: route.level }} />;
  }
}

/** The app's own commands (the desktop menu's file dialogs), as the hub's fallback. */
function useAppCommands(hub: CommandHub, route: Route): void {
  const desktop = useDesktop();
  const toast = useApp((s) => s.toast);
  const acceptImport = useApp((s) => s.acceptImport);
  const loadSessions = useApp((s) => s.loadSessions);
  const current: AppCommandContext = { desktop, route, navigate, toast, acceptImport, loadSessions };
  const latest = useRef(current);
  latest.current = current;
  useEffect(() => hub.add(appCommands, () => latest.current, { fallback: true }), [hub]);
  useDesktopMenu(desktop, hub, toast);
}

/**
 * A shared screen that shows the seats is locked to them (hot seat): until the facilitator unlocks
 * it, any other route shows the seats of the locked session instead, and the hash is put back.
 */
function useSeatLock(asked: Route) {
  const lock = useHotSeatLock();
  // Lock when the screen arrives at the seats (not again while it is still there after an unlock,
  // before the unlock's navigation to the console has landed).
  const arrived = useRef<Route | null>(null);
  const arriving = asked.view === 'seat' && arrived.current !== asked;
  useEffect(() => {
    if (arrived.current === asked) return;
    arrived.current = asked;
    if (asked.view === 'seat' && currentLock() === null) lockToSeats(asked.sessionId);
  }, [asked]);
  // The room screen shows only what everyone may see: the shared screen may show it too.
  const allowed = lock === null || ((asked.view === 'seat' || asked.view === 'room') && asked.sessionId === lock.sessionId);
  const route: Route = allowed ? asked : { view: 'seat', sessionId: lock.sessionId, role: null };
  useEffect(() => {
    if (!allowed) navigate(route);
  }, [allowed, route]);
  return { route, lock: lock ?? (arriving && asked.view === 'seat' ? { sessionId: asked.sessionId, pin: null } : null) };
}

function Shell({ hostLabel, hub }: { hostLabel: string | null; hub: CommandHub }) {
  const { route, lock } = useSeatLock(useRoute());
  useAppCommands(hub, route);
  const full = FULL_SCREEN.includes(route.view);
  // The room screen is for a projector: no navigation chrome.
  const chrome = route.view !== 'room';
  useEffect(() => {
    document.title = `Drillbook — ${route.view}`;
  }, [route.view]);
  return (
    <div className="app">
      {lock ? <LockedBar lock={lock} /> : chrome ? <TopBar route={route} hostLabel={hostLabel} /> : <div />}
      <div><ConnectionBanner /></div>
      <main className={full ? 'main fill' : 'main'} id="main">
        <RoutedView route={route} />
      </main>
      <Toasts />
      {/* "Let participants join" in the desktop app; browser mode mounts its own (lan-page.tsx). */}
      {lock ? null : <DesktopLobbyDock />}
    </div>
  );
}

export function App({ bridge, store, hostLabel = null, desktop = null }: {
  bridge: Bridge;
  store: AppStore;
  hostLabel?: string | null;
  /** The desktop preload's own verbs (file dialogs, windows, the app menu); null in a browser. */
  desktop?: DesktopVerbs | null;
}) {
  const [hub] = useState(() => new CommandHub());
  return (
    <ServicesProvider bridge={bridge} store={store} desktop={desktop}>
      <CommandHubProvider hub={hub}>
        <Shell hostLabel={hostLabel} hub={hub} />
      </CommandHubProvider>
    </ServicesProvider>
  );
}
