// The service's view-push scheduler on Node (core/service/view-pusher.ts): a push due now waits
// for setImmediate, so the acknowledgement and any I/O already queued go first; a later one is a
// plain timeout. Interval and cost are read on the monotonic clock.
import type { PushScheduler } from '../../core/service/view-pusher.ts';

export const nodePushScheduler: PushScheduler = {
  now: () => performance.now(),
  defer(fn, delayMs) {
    if (delayMs <= 0) {
      const handle = setImmediate(fn);
      return () => clearImmediate(handle);
    }
    const handle = setTimeout(fn, delayMs);
    return () => clearTimeout(handle);
  },
};
