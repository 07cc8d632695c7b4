// The application service on a data file: the one live path, behind the desktop app, browser mode
// (`drillbook serve`) and the LAN server. It opens the file through the store (backup on open,
// rolling backups), runs the service on real time (RealTimers plus the clock watch, which pauses
// running sessions, as `system` with the reason, when the laptop slept, the process froze or the
// clock jumped), pushes views coalesced (at most one push per frame per session, never inside an
// acknowledgement), and brings back the sessions that were running when the process died: paused
// at their last exercise time, with `session.recovered` in their log.
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type BridgeResult, type ExportedReport } from '../../core/protocol/bridge.ts';
import { AppService, type HostExporter } from '../../core/service/app-service.ts';
import type { ShippedScenario } from '../../core/service/library.ts';
import type { ShippedPlay } from '../../core/service/plays.ts';
import { isSessionBundle, openStore, startRollingBackups, StoreError, type OpenOptions, type RollingBackups, type Store } from '../store/index.ts';
import { createServiceStorage } from '../store/service-storage.ts';
import { exportBundleFile, importBundleFile } from './bundle-review.ts';
import { readCsv } from '../files/csv.ts';
import { ClockWatch, type ClockJump } from './clock-watch.ts';
import { nodePushScheduler } from './push-scheduler.ts';
import { RealTimers } from './real-timers.ts';

export interface ServiceHostOptions extends OpenOptions {
  /** The shipped library; default: every scenarios/*.yaml of this tree. */
  shipped?: readonly ShippedScenario[];
  /** The shipped plays; default: every scenarios/plays/*.yaml of this tree. */
  shippedPlays?: readonly ShippedPlay[];
  /** Rolling backups of the data file; false turns them off. */
  backups?: { everyMs?: number; keep?: number } | false;
  /** Clock watch settings; false turns it off. intervalMs 0: no heartbeat of its own (tests call checkClock). */
  watch?: { intervalMs?: number; toleranceMs?: number } | false;
  /** The clocks (tests): wall-clock epoch ms, monotonic ms, and the longest gap between readings that is not a freeze. */
  clock?: { wall?: () => number; monotonic?: () => number; maxGapMs?: number };
  /** Views are pushed at most this often per session (ms); default 16, one frame. */
  pushIntervalMs?: number;
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

/** The shipped plays: every plays/*.yaml under the shipped scenarios folder (none when it has no plays/). */
export function readShippedPlays(scenariosDir: string = SHIPPED_DIR): ShippedPlay[] {
  const dir = join(scenariosDir, 'plays');
  if (!existsSync(dir)) return [];
  return readShippedScenarios(dir);
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
  private readonly wall: () => number;
  private readonly backups: RollingBackups | undefined;
  private readonly onError: (message: string) => void;
  private closed = false;

  constructor(readonly path: string, options: ServiceHostOptions = {}) {
    this.onError = options.onError ?? (() => {});
    this.wall = options.clock?.wall ?? (() => Date.now());
    // Opening a bundle as a working file would write to it (WAL, backups, new sessions).
    if (isSessionBundle(path)) {
      throw new StoreError('conflict', `${path} is a session bundle, which is only ever read: review it in a browser with \`drillbook serve --review ${path}\`, re-export it with \`drillbook report ${path}\`, or use Open Session Bundle in the desktop app; give serve another data file (--db FILE).`, { path });
    }
    this.store = openStore(path, options);
    try {
      if (options.backups !== false) {
        this.backups = startRollingBackups(this.store.db, path, {
          ...options.backups,
          onError: (error) => this.onError(`A rolling backup of ${path} failed: ${error instanceof Error ? error.message : String(error)}`),
        });
      }
      this.timers = new RealTimers({
        ...(options.clock?.monotonic ? { monotonic: options.clock.monotonic } : {}),
        ...(options.clock?.maxGapMs !== undefined ? { maxGapMs: options.clock.maxGapMs } : {}),
        onFreeze: () => this.pauseRunning('suspend'),
      });
      this.service = new AppService({
        storage: createServiceStorage(this.store),
        timers: this.timers,
        shipped: options.shipped ?? readShippedScenarios(),
        shippedPlays: options.shippedPlays ?? readShippedPlays(),
        wall: this.wall,
        newId: newServiceId,
        pdf: options.pdf ?? chromiumPdf,
        bundle: async (sessionId, fileName) => exportBundleFile(this.store, sessionId, fileName),
        readCsv,
        importBundle: (fileName, base64) => importBundleFile(this.store, fileName, base64, this.wall),
        onError: this.onError,
        views: { scheduler: nodePushScheduler, intervalMs: options.pushIntervalMs ?? 16 },
      });
      this.recovered = this.recoverInterrupted();
      if (options.watch !== false) {
        this.watch = new ClockWatch({ ...options.watch, wall: this.wall, monotonic: () => this.timers.now(), onJump: (jump) => this.pauseRunning(jump.reason) });
      }
    } catch (error) {
      this.store.close();
      throw error;
    }
  }

  /** Opens every session the store says was running; the service's recovery pauses it. */
  private recoverInterrupted(): string[] {
    // An imported session (another facilitator's, bundled mid-run) was not interrupted here: it is only read.
    const ids = this.store.sessions.list().filter((s) => s.status === 'running' && s.kind === 'live' && !this.store.imports.find(s.id)).map((s) => s.id);
    for (const sessionId of ids) {
      void this.service.request('sessions.open', { sessionId }).then((result) => {
        if (!result.ok) this.onError(`Session ${sessionId} could not be recovered: ${result.error.message}`);
      });
    }
    return ids;
  }

  /**
   * The laptop is going to sleep, slept, or its clock jumped: pause every running session now, as
   * `system`, with the reason in its timeline. Returns the ids paused.
   */
  pauseRunning(reason: 'suspend' | 'clock-jump'): string[] {
    if (this.closed) return [];
    return this.service.pauseRunning(reason);
  }

  /** Compares the clocks now (the watch also does this on its own heartbeat); a jump pauses. */
  checkClock(): ClockJump | null {
    return this.watch?.beat() ?? null;
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
