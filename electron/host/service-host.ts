// The application service on a data file: the durable host behind browser mode (`drillbook serve`)
// and the LAN server. It opens the file through the store (backup on open, rolling backups), runs
// the service on real time (RealTimers plus the clock watch, which pauses running sessions when
// the laptop slept or the clock jumped), and brings back the sessions that were running when the
// process died: paused, with `session.recovered` in their log.
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type BridgeResult, type ExportedReport } from '../../core/protocol/bridge.ts';
import { AppService, type HostExporter } from '../../core/service/app-service.ts';
import type { ShippedScenario } from '../../core/service/library.ts';
import { isSessionBundle, openStore, startRollingBackups, StoreError, type OpenOptions, type RollingBackups, type Store } from '../store/index.ts';
import { createServiceStorage } from '../store/service-storage.ts';
import { exportBundleFile } from './bundle-review.ts';
import { ClockWatch } from './clock-watch.ts';
import { RealTimers } from './real-timers.ts';

export interface ServiceHostOptions extends OpenOptions {
  /** The shipped library; default: every scenarios/*.yaml of this tree. */
  shipped?: readonly ShippedScenario[];
  /** Rolling backups of the data file; false turns them off. */
  backups?: { everyMs?: number; keep?: number } | false;
  /** Clock watch settings; false turns it off. */
  watch?: { intervalMs?: number; toleranceMs?: number } | false;
  /** PDF export; default prints the HTML with the system Chromium. */
  pdf?: HostExporter;
  onError?: (message: string) => void;
}

export const SHIPPED_DIR = join(import.meta.dirname, '..', '..', 'scenarios');

export function readShippedScenarios(dir: string = SHIPPED_DIR): ShippedScenario[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((fileName) => ({ fileName, text: readFileSync(join(dir, fileName), 'utf8') }));
}

/** A session id the store and the Bridge both accept: 24 hex digits (96 bits). */
export function newServiceId(): string {
  return randomBytes(12).toString('hex');
}

const chromiumPdf: HostExporter = async (html, fileName): Promise<BridgeResult<ExportedReport>> => {
  try {
    const { htmlToPdf } = await import('../report/pdf.ts');
    const bytes = await htmlToPdf(html);
    return ok({ format: 'pdf', fileName, mime: 'application/pdf', content: Buffer.from(bytes).toString('base64'), encoding: 'base64' });
  } catch (error) {
    return fail('unsupported', `The PDF could not be made: ${error instanceof Error ? error.message : String(error)} Export HTML and print it from a browser instead.`);
  }
};

export class ServiceHost {
  readonly store: Store;
  readonly service: AppService;
  readonly timers: RealTimers;
  /** Sessions found running at open, now paused with `session.recovered`. */
  readonly recovered: string[];
  private readonly watch: ClockWatch | undefined;
  private readonly backups: RollingBackups | undefined;
  private readonly onError: (message: string) => void;
  private closed = false;

  constructor(readonly path: string, options: ServiceHostOptions = {}) {
    this.onError = options.onError ?? (() => {});
    // Opening a bundle as a working file would write to it (WAL, backups, new sessions).
    if (isSessionBundle(path)) {
      throw new StoreError('conflict', `${path} is a session bundle, which is only ever read: review it with \`drillbook report ${path}\` or Open Session Bundle in the desktop app, and give serve another data file (--db FILE).`, { path });
    }
    this.store = openStore(path, options);
    try {
      if (options.backups !== false) {
        this.backups = startRollingBackups(this.store.db, path, {
          ...options.backups,
          onError: (error) => this.onError(`A rolling backup of ${path} failed: ${error instanceof Error ? error.message : String(error)}`),
        });
      }
      this.timers = new RealTimers({ onFreeze: () => this.pauseRunning('suspend') });
      this.service = new AppService({
        storage: createServiceStorage(this.store),
        timers: this.timers,
        shipped: options.shipped ?? readShippedScenarios(),
        wall: () => Date.now(),
        newId: newServiceId,
        pdf: options.pdf ?? chromiumPdf,
        bundle: async (sessionId, fileName) => exportBundleFile(this.store, sessionId, fileName),
        onError: this.onError,
      });
      this.recovered = this.recoverInterrupted();
      if (options.watch !== false) {
        this.watch = new ClockWatch({ ...options.watch, monotonic: () => this.timers.now(), onJump: (jump) => this.pauseRunning(jump.reason) });
      }
    } catch (error) {
      this.store.close();
      throw error;
    }
  }

  /** Opens every session the store says was running; the service's recovery pauses it. */
  private recoverInterrupted(): string[] {
    const ids = this.store.sessions.list().filter((s) => s.status === 'running' && s.kind === 'live').map((s) => s.id);
    for (const sessionId of ids) {
      void this.service.request('sessions.open', { sessionId }).then((result) => {
        if (!result.ok) this.onError(`Session ${sessionId} could not be recovered: ${result.error.message}`);
      });
    }
    return ids;
  }

  /** The laptop slept or its clock jumped: pause every running session, saying why. */
  pauseRunning(reason: 'suspend' | 'clock-jump'): void {
    if (this.closed) return;
    for (const session of this.store.sessions.list()) {
      if (session.status !== 'running') continue;
      void this.service
        .request('live.dispatch', { sessionId: session.id, actor: 'facilitator', command: { type: 'session.pause', reason } })
        .then((result) => {
          if (!result.ok) this.onError(`Session ${session.id} could not be paused after a ${reason}: ${result.error.message}`);
        });
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.watch?.stop();
    this.service.dispose();
    this.timers.clearAll();
    await this.backups?.stop();
    this.store.close();
  }
}
