// The in-page bridge: the whole core running inside this page over the shipped scenarios, with
// memory storage. For the renderer's own development and screenshots when no host is around;
// nothing is kept after the page closes.
import { AppService } from '../../core/service/app-service.ts';
import { InProcessBridge } from '../../core/service/in-process-bridge.ts';
import { createMemoryStorage } from '../../core/service/memory-storage.ts';
import type { Bridge } from '../../core/protocol/bridge.ts';
import { browserTimers, randomId } from './browser-timers.ts';

const files = import.meta.glob('../../scenarios/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

export function createInPageBridge(): { bridge: Bridge; service: AppService } {
  const shipped = Object.entries(files).map(([path, text]) => ({ fileName: path.split('/').pop() ?? path, text }));
  const service = new AppService({
    storage: createMemoryStorage(),
    timers: browserTimers,
    shipped,
    wall: () => Date.now(),
    newId: randomId,
    onError: (message) => console.error(message),
  });
  return { bridge: new InProcessBridge(service), service };
}
