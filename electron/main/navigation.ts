// Pages never navigate away and never open windows. A link to an allowlisted https page goes to
// the system browser instead; anything else is dropped.
import type { Event, HandlerDetails, WebContents, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl } from './app-protocol.ts';
import { allowedExternalUrl } from './links.ts';

export type OpenExternal = (url: string) => Promise<void> | void;

/** The slice of WebContents the guard uses (a test passes a fake that records). */
export type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** What to do with a navigation to `url` from a page: stay (only within the app) or refuse. */
export function navigationVerdict(url: string): 'allow' | 'deny' {
  return isAppUrl(url) ? 'allow' : 'deny';
}

export function guardContents(contents: GuardedContents, openExternal: OpenExternal): void {
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
    const external = allowedExternalUrl(details.url);
    if (external) void openExternal(external);
    return { action: 'deny' };
  });
}
