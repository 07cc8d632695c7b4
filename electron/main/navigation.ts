// Pages never navigate away and never open windows themselves. A link to an allowlisted https
// page goes to the system browser; a request for the room screen or a seat opens the app's own
// window; anything else is dropped.
import type { Event, HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { APP_ORIGIN, isAppUrl } from './app-protocol.ts';
import { windowRouteOf, type WindowRoute } from './app-routes.ts';
import { allowedExternalUrl } from './links.ts';

export type OpenExternal = (url: string) => Promise<void> | void;

/** The slice of WebContents the guard uses (a test passes a fake that records). */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** What to do with a navigation to `url` from a page: stay (only within the app) or refuse. */
export function navigationVerdict(url: string): 'allow' | 'deny' {
  return isAppUrl(url) ? 'allow' : 'deny';
}

/**
 * `openAppWindow`: a page of the app asked for its room screen or a seat window (window.open);
 * the app opens its own, locked-down window for it instead of the page's.
 */
export function guardContents(
  contents: GuardedContents,
  openExternal: OpenExternal,
  openAppWindow?: (route: Exclude<WindowRoute, { kind: 'facilitator' }>) => void,
): void {
  const refuse = (event: Event, url: string): void => {
    if (navigationVerdict(url) === 'allow') return;
    event.preventDefault();
    const external = allowedExternalUrl(url);
    if (external) void openExternal(external);
  };
  contents.on('will-navigate', (event, url) => refuse(event, url));
  contents.on('will-redirect', (event, url) => refuse(event, url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler((details: HandlerDetails): WindowOpenHandlerResponse => {
    const route = openAppWindow ? windowRouteOf(details.url, APP_ORIGIN) : null;
    if (route) {
      openAppWindow?.(route);
      return { action: 'deny' };
    }
    const external = allowedExternalUrl(details.url);
    if (external) void openExternal(external);
    return { action: 'deny' };
  });
}
