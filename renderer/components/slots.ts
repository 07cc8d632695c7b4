// Named places in a view where a control mounted elsewhere shows its content (a portal target):
// the lobby dock's join card takes its column on the room screen, and its participants panel its
// place in the console's side column, rather than floating over what those views show.
import { useCallback, useSyncExternalStore } from 'react';

export type SlotName = 'room-join' | 'console-participants';

const slots = new Map<SlotName, HTMLElement>();
const listeners = new Set<() => void>();

function changed(): void {
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A ref for the element that is the slot. */
export function useSlotRef(name: SlotName): (el: HTMLElement | null) => void {
  return useCallback((el: HTMLElement | null) => {
    if (el) slots.set(name, el);
    else slots.delete(name);
    changed();
  }, [name]);
}

/** The slot's element while a view shows it, else null. */
export function useSlot(name: SlotName): HTMLElement | null {
  return useSyncExternalStore(subscribe, () => slots.get(name) ?? null, () => null);
}
