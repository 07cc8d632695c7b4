// What the desktop windows talk to: the application service (core/service) on real timers, with
// the storage main.ts hands it, behind the in-process Bridge. The desktop adds only what needs
// Electron: PDF through printToPDF.
import { randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fail, ok, type Bridge, type BridgeResult, type SessionDetail } from '../../core/protocol/bridge.ts';
import { AppService, InProcessBridge, type ServiceStorage, type ShippedScenario } from '../../core/service/index.ts';
import { RealTimers } from '../host/real-timers.ts';

export interface DesktopBackend {
  bridge: Bridge;
  openBundle(path: string): Promise<BridgeResult<SessionDetail>>;
  close(): void;
}

export interface BackendOptions {
  storage: ServiceStorage;
  shipped: readonly ShippedScenario[];
  printPdf(html: string): Promise<Uint8Array>;
  /** Opens a `.drillbook` session bundle read-only, where a reader for them is available. */
  openBundle?: (path: string) => Promise<BridgeResult<SessionDetail>>;
  onError(message: string): void;
  close?: () => void;
}

export function createDesktopBackend(options: BackendOptions): DesktopBackend {
  const service = new AppService({
    storage: options.storage,
    timers: new RealTimers(),
    shipped: options.shipped,
    wall: () => Date.now(),
    newId: () => randomUUID(),
    pdf: async (html, fileName) => {
      const bytes = await options.printPdf(html);
      return ok({ format: 'pdf', fileName, mime: 'application/pdf', content: Buffer.from(bytes).toString('base64'), encoding: 'base64' });
    },
    onError: options.onError,
  });
  return {
    bridge: new InProcessBridge(service),
    openBundle:
      options.openBundle ??
      (async (path) =>
        fail('unsupported', `This version of Drillbook cannot open session bundles yet (${path}). Open the report exported with it instead.`)),
    close: () => options.close?.(),
  };
}

/** The shipped scenario library: every .yaml file in `dir` (the repository's or the package's scenarios/). */
export function readShippedScenarios(dir: string): ShippedScenario[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => /\.ya?ml$/i.test(name)).sort();
  } catch {
    return [];
  }
  return names.map((fileName) => ({ fileName, text: readFileSync(join(dir, fileName), 'utf8') }));
}
