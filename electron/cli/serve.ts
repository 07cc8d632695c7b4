// `drillbook serve`: the whole app in a browser (browser mode). It opens the data file through the
// durable service host, serves the built renderer and the protocol on one port (127.0.0.1 unless
// --host names a network address), prints the facilitator console's URL with its token, and stops
// cleanly on SIGINT or SIGTERM. With --review FILE.drillbook it opens a session bundle read-only
// (the same reader and AppService.openReview as the desktop's Open Session Bundle) and the URL
// opens straight onto that session's debrief.
import { mkdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { isIP } from 'node:net';
import { formatLoadError, quote } from '../../core/scenario/index.ts';
import type { LoadError } from '../../core/scenario/types.ts';
import type { LibraryEntry } from '../../core/protocol/bridge.ts';
import type { SessionReview } from '../../core/service/app-service.ts';
import { readBundleReview } from '../host/bundle-review.ts';
import { ServiceHost } from '../host/service-host.ts';
import { ensureRendererBuilt } from '../lan/renderer-build.ts';
import { LanServer } from '../lan/server.ts';
import { StoreError } from '../store/index.ts';
import { LobbyService } from '../lan/lobby-service.ts';
import { parseArgs } from './args.ts';
import { readFailure, readScenarioText } from './scenario-file.ts';
import { EXIT_FAILED, EXIT_OK, UsageError, type CliCommand, type CliIo } from './io.ts';
import { defaultDataFile } from './data-file.ts';

export const SERVE_USAGE = 'serve [--scenario FILE | --review FILE.drillbook] [--db FILE] [--host ADDR] [--port N] [--no-build]  run Drillbook in a browser; participants join from their own devices, or review a session bundle read-only';
export const DEFAULT_PORT = 8787;

export { defaultDataFile } from './data-file.ts';

export interface ServeOptions {
  db: string;
  host: string;
  port: number;
  scenario: string | null;
  /** A session bundle to open read-only for review. */
  review?: string | null;
  build: boolean;
}

/**
 * The renderer's hash for a session's debrief. It mirrors routeToHash in renderer/store/route.ts,
 * which electron/ may not import (layers point down to core only); a test parses it with the
 * renderer's parseRoute so the two cannot drift apart.
 */
export function debriefHash(sessionId: string): string {
  return `#/session/${encodeURIComponent(sessionId)}/debrief`;
}

export function parseServeArgs(args: readonly string[], io: CliIo): ServeOptions {
  const parsed = parseArgs(args, ['--scenario', '--review', '--db', '--host', '--port'], ['--no-build']);
  if (parsed.positionals.length > 0) throw new UsageError(`unexpected argument ${quote(String(parsed.positionals[0]))}`);
  const host = parsed.values.get('--host') ?? '127.0.0.1';
  if (isIP(host) === 0) throw new UsageError(`--host must be an IP address of this machine (such as 127.0.0.1 or 192.168.1.20), not ${quote(host)}`);
  const portText = parsed.values.get('--port') ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!/^\d+$/.test(portText) || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not ${quote(portText)}`);
  const db = parsed.values.get('--db');
  const scenario = parsed.values.get('--scenario');
  const review = parsed.values.get('--review');
  if (scenario && review) throw new UsageError('--review opens a recorded session to read, --scenario imports one to run: give one of them');
  return {
    db: db ? resolve(io.cwd, db) : defaultDataFile(),
    host,
    port,
    scenario: scenario ? resolve(io.cwd, scenario) : null,
    review: review ? resolve(io.cwd, review) : null,
    build: !parsed.switches.has('--no-build'),
  };
}

/** Resolves on SIGINT or SIGTERM. */
function untilSignal(): Promise<string> {
  return new Promise((done) => {
    const on = (signal: string) => {
      process.off('SIGINT', on);
      process.off('SIGTERM', on);
      done(signal);
    };
    process.on('SIGINT', on);
    process.on('SIGTERM', on);
  });
}

async function importScenario(host: ServiceHost, file: string, io: CliIo): Promise<LibraryEntry | null> {
  let text: string;
  try {
    const read = await readScenarioText(file, file);
    if (!read.ok) {
      io.err(`drillbook serve: the scenario ${file} was not imported:`);
      io.err(`  ${formatLoadError(read.error)}`);
      return null;
    }
    text = read.text;
  } catch (error) {
    io.err(`drillbook serve: cannot read the scenario ${file}: ${readFailure(error)}. Check the path.`);
    return null;
  }
  const result = await host.service.request('library.import', { fileName: basename(file), text });
  if (result.ok) return result.value as LibraryEntry;
  io.err(`drillbook serve: ${result.error.message}`);
  for (const error of (result.error.errors ?? []) as LoadError[]) io.err(`  ${file}:${formatLoadError(error)}`);
  return null;
}

export async function runServe(options: ServeOptions, io: CliIo, stop: Promise<unknown> = untilSignal()): Promise<number> {
  if (options.build) {
    const build = ensureRendererBuilt();
    if (!build.ok) {
      io.err(`drillbook serve: ${build.message}`);
      return EXIT_FAILED;
    }
    if (build.built) io.out('Built the Drillbook page (renderer/dist).');
    else if (build.state === 'stale') io.err('drillbook serve: the page in renderer/dist is older than its sources; run `npm run build:renderer` to rebuild it.');
  }
  // A damaged or foreign bundle is refused before anything is opened or created.
  let review: SessionReview | null = null;
  if (options.review) {
    const read = readBundleReview(options.review);
    if (!read.ok) {
      io.err(`drillbook serve: ${read.error.message}`);
      return EXIT_FAILED;
    }
    review = read.value;
  }
  // On a machine where Drillbook never ran, the data folder does not exist yet.
  try {
    mkdirSync(dirname(options.db), { recursive: true });
  } catch (error) {
    io.err(`drillbook serve: cannot create the folder for ${options.db} (${(error as NodeJS.ErrnoException).code ?? String(error)}); pick a writable place with --db FILE.`);
    return EXIT_FAILED;
  }
  const host = new ServiceHost(options.db, { onError: (message) => io.err(`drillbook serve: ${message}`) });
  let server: LanServer | undefined;
  try {
    let hash = '#/library';
    if (options.scenario) {
      const entry = await importScenario(host, options.scenario, io);
      if (!entry) return EXIT_FAILED;
      hash = `#/library/${encodeURIComponent(entry.entryId)}`;
    }
    if (review) {
      const opened = host.service.openReview(review);
      if (!opened.ok) {
        io.err(`drillbook serve: ${opened.error.message}`);
        return EXIT_FAILED;
      }
      hash = debriefHash(opened.value.sessionId);
    }
    const ended = host.store.lobbies.closeEnded();
    if (ended.length) io.out(`Closed the lobbies of ${ended.length} ended session(s): their codes and devices no longer work.`);
    try {
      // The lobbies and the console key live in the data file: after a restart the same link and
      // codes work, and every device reconnects with the token it holds.
      server = await LanServer.start({ service: host.service, host: options.host, port: options.port, persistence: host.store.lobbies, onError: (message) => io.err(`drillbook serve: ${message}`) });
    } catch (error) {
      // The lobbies did not read back from the data file: that is the file's problem, not the port's.
      if (error instanceof StoreError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      const why = code === 'EADDRINUSE' ? `port ${options.port} is in use; pick another with --port` : code === 'EADDRNOTAVAIL' ? `${options.host} is not an address of this machine` : String(error);
      io.err(`drillbook serve: cannot listen on ${options.host}:${options.port}: ${why}.`);
      return EXIT_FAILED;
    }
    // The facilitator console's lobby controls, over the server that now runs on its fixed address.
    new LobbyService({ service: host.service, server, onError: (message) => io.err(`drillbook serve: ${message}`) });
    if (host.recovered.length) io.out(`Recovered ${host.recovered.length} interrupted session(s); they are paused.`);
    for (const lobby of server.lobbies.list()) io.out(`Participants of session ${lobby.sessionId} can reconnect: join code ${lobby.code}, ${lobby.participants.length} device(s).`);
    io.out(`Drillbook is serving ${options.db}`);
    if (review && options.review) io.out(`Reviewing session ${review.record.sessionId} from ${options.review} (read-only; the bundle is not written).`);
    io.out(`Facilitator console (open on this machine only; the link is the key): ${server.facilitatorUrl(hash)}`);
    if (options.host !== '127.0.0.1' && options.host !== '::1') io.out(`Participants join at ${server.localUrl.replace('127.0.0.1', options.host)} with the code shown when you let them join.`);
    else io.out('Participants on other devices cannot reach 127.0.0.1; restart with --host <this machine\'s network address> to let them join.');
    io.out('Press Ctrl+C to stop.');
    const signal = await stop;
    io.out(`Stopping (${String(signal)})…`);
    return EXIT_OK;
  } finally {
    await server?.close();
    await host.close();
  }
}

export const serveCommand: CliCommand = async (args, io) => {
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`Usage: drillbook ${SERVE_USAGE}`);
    return EXIT_OK;
  }
  return runServe(parseServeArgs(args, io), io);
};
