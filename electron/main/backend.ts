// What the desktop windows talk to: the durable service host (electron/host: the application
// service on the SQLite data file, real timers, rolling backups, recovery of interrupted
// sessions) behind the in-process Bridge. The desktop adds only what needs Electron: PDF through
// printToPDF in a hidden, script-less window.
import { join } from 'node:path';
import { fail, ok, type Bridge, type BridgeResult, type SessionDetail } from '../../core/protocol/bridge.ts';
import { InProcessBridge } from '../../core/service/index.ts';
import type { HostExporter } from '../../core/service/app-service.ts';
import { openBundleForReview } from '../host/bundle-review.ts';
import { readShippedPlays, readShippedScenarios, ServiceHost, type ServiceHostOptions } from '../host/service-host.ts';
import { LobbyService, type LobbyServiceOptions } from '../lan/lobby-service.ts';

export const DATA_FILE = 'drillbook.db';

export interface DesktopBackend {
  bridge: Bridge;
  /** Sessions that were running when the app last stopped; the host brought them back paused. */
  recovered: readonly string[];
  /** The data file. */
  path: string;
  openBundle(path: string): Promise<BridgeResult<SessionDetail>>;
  /** "Let participants join": the LAN server over this same service, off until turned on. */
  joining: LobbyService;
  /** The machine is going to sleep: pause every running session, saying why. */
  suspend(): void;
  close(): Promise<void>;
}

export interface BackendOptions {
  /** The user-data folder; the data file lives in it. */
  userData: string;
  /** The shipped scenarios folder (the app's scenarios/). */
  scenariosDir: string;
  printPdf(html: string): Promise<Uint8Array>;
  onError(message: string): void;
  /** Passed to the host (tests turn the clock watch and the rolling backups off). */
  host?: Pick<ServiceHostOptions, 'backups' | 'watch'>;
  /** The built renderer, served to participants' browsers when joining is on. */
  rendererDir?: string;
  /** Tests fix the port tried first and the addresses offered. */
  joining?: Pick<LobbyServiceOptions, 'defaultPort' | 'addresses'>;
}

/** The service's PDF exporter, printing through Electron. */
export function desktopPdf(printPdf: (html: string) => Promise<Uint8Array>): HostExporter {
  return async (html, fileName) => {
    try {
      const bytes = await printPdf(html);
      return ok({ format: 'pdf', fileName, mime: 'application/pdf', content: Buffer.from(bytes).toString('base64'), encoding: 'base64' });
    } catch (error) {
      return fail('internal', `The PDF could not be printed: ${error instanceof Error ? error.message : String(error)}. Export HTML and print it instead.`);
    }
  };
}

export function openDesktopBackend(options: BackendOptions): DesktopBackend {
  const path = join(options.userData, DATA_FILE);
  const host = new ServiceHost(path, {
    ...options.host,
    shipped: readShippedScenarios(options.scenariosDir),
    shippedPlays: readShippedPlays(options.scenariosDir),
    pdf: desktopPdf(options.printPdf),
    onError: options.onError,
  });
  const joining = new LobbyService({ ...options.joining, service: host.service, staticDir: options.rendererDir, onError: options.onError });
  return {
    bridge: new InProcessBridge(host.service),
    joining,
    recovered: host.recovered,
    path,
    // Read-only review: the file is verified, read and closed; the session stays in memory.
    openBundle: async (bundle) => openBundleForReview(host.service, bundle),
    suspend: () => host.pauseRunning('suspend'),
    // Participants' sockets close before the data file does.
    close: () => joining.close().then(() => host.close()),
  };
}
