// The in-page bridge: the whole core running inside this page over the shipped scenarios, with
// memory storage. For the renderer's own development and screenshots when no host is around;
// nothing is kept after the page closes.
import { AppService } from '../../core/service/app-service.ts';
import { InProcessBridge } from '../../core/service/in-process-bridge.ts';
import { createMemoryStorage } from '../../core/service/memory-storage.ts';
import type { Bridge } from '../../core/protocol/bridge.ts';
import { browserTimers, randomId } from './browser-timers.ts';

const files = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const playFiles = import.meta.glob('../../scenarios/plays/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

const named = (all: Record<string, string>) => Object.entries(all).map(([path, text]) => ({ fileName: path.split('/').pop() ?? path, text }));

export function createInPageBridge(): { bridge: Bridge; service: AppService } {
  const service = new AppService({
    storage: createMemoryStorage(),
    timers: browserTimers,
    shipped: named(files),
    shippedPlays: named(playFiles),
    wall: () => Date.now(),
    newId: randomId,
    onError: (message) => console.error(message),
  });
  return { bridge: new InProcessBridge(service), service };
}
