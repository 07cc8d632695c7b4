// What the projections keep between calls, so that a view is not rebuilt from nothing on every push.
// Nothing here decides who sees what (./projection-policy.ts does); these are the five caches:
//
//   shared copies      scenario parts (tables, charts, options, expect keys): copied once, deeply
//                      frozen, shared by every view (a frozen part cannot be changed by one listener
//                      under another's feet)
//   scenario / ad-hoc  the injects of a scenario and each ad-hoc record as one Deliverable shape,
//   deliverables       built once (neither changes once made)
//   delivered content  one frozen copy per delivery record (the fold replaces a delivery record
//                      rather than changing it)
//   kept views         the facilitator's inject and prompt entries of a state, reused while what
//                      they were made from is the same (compared by identity: the fold replaces
//                      records rather than changing them)
//
// All are WeakMaps keyed by scenario, state or record objects: they go when those go.

import type { Expect, Inject, Option, PromptType, Scenario } from '../scenario/types.ts';
import type { AdhocInject, InjectState, SessionState } from './state.ts';

/** An inject from the scenario or sent ad hoc, in one shape. */
export interface Deliverable {
  id: string;
  to: string[];
  toAll: boolean;
  adhoc: boolean;
  scenarioInject: Inject | null;
  adhocInject: AdhocInject | null;
  /** Its prompts (scenario order), the same objects on every call. */
  prompts: PromptDef[];
}

export interface PromptDef {
  id: string;
  inject: string;
  role: string;
  ask: string;
  type: PromptType;
  options: Option[];
  expect: Expect | null;
  objective: string | null;
  points: number | null;
}

// ---- shared copies ----

const sharedCopies = new WeakMap<object, unknown>();

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** `copy(key)`, made once per key, deeply frozen, and shared by every caller. */
export function shared<K extends object, T>(key: K, copy: (key: K) => T): T {
  if (sharedCopies.has(key)) return sharedCopies.get(key) as T;
  const value = deepFreeze(copy(key));
  sharedCopies.set(key, value);
  return value;
}

// ---- deliverables ----

const scenarioDeliverables = new WeakMap<Scenario, Deliverable[]>();
const adhocDeliverables = new WeakMap<AdhocInject, Deliverable>();

function scenarioDeliverable(inject: Inject): Deliverable {
  return {
    id: inject.id, to: inject.to, toAll: inject.toAll, adhoc: false, scenarioInject: inject, adhocInject: null,
    prompts: inject.prompts.map((p) => ({ id: p.id, inject: inject.id, role: p.role, ask: p.ask, type: p.type, options: p.options, expect: p.expect, objective: p.objective ?? null, points: p.points })),
  };
}

function adhocDeliverable(a: AdhocInject): Deliverable {
  let d = adhocDeliverables.get(a);
  if (!d) {
    d = {
      id: a.inject, to: a.to, toAll: a.toAll, adhoc: true, scenarioInject: null, adhocInject: a,
      prompts: a.prompt ? [{ id: a.prompt.id, inject: a.inject, role: a.prompt.role, ask: a.prompt.ask, type: a.prompt.type, options: a.prompt.options, expect: null, objective: null, points: null }] : [],
    };
    adhocDeliverables.set(a, d);
  }
  return d;
}

/** Scenario injects in file order, then ad-hoc ones in the order sent. */
export function deliverables(scenario: Scenario, state: SessionState): Deliverable[] {
  let fromScenario = scenarioDeliverables.get(scenario);
  if (!fromScenario) {
    fromScenario = scenario.injects.map(scenarioDeliverable);
    scenarioDeliverables.set(scenario, fromScenario);
  }
  return state.adhoc.length === 0 ? fromScenario : [...fromScenario, ...state.adhoc.map(adhocDeliverable)];
}

// ---- delivered content ----

type Delivery = NonNullable<InjectState['delivered']>;
const deliveredContents = new WeakMap<Delivery, { id: string }>();

/** `make()`, frozen, once per delivery record of inject `d` (shared by every view that shows it). */
export function perDelivery<T extends { id: string }>(d: Deliverable, delivered: Delivery, make: () => T): T {
  let c = deliveredContents.get(delivered) as T | undefined;
  if (!c || c.id !== d.id) {
    c = Object.freeze(make());
    deliveredContents.set(delivered, c);
  }
  return c;
}

// ---- kept views ----

/** Views kept by key, each with what it was made from. */
export type KeptMap<V> = Map<string, { inputs: readonly unknown[]; view: V }>;

/** The facilitator's entries of one state, by inject and by prompt id. */
export interface KeptViews<I, P> {
  scenario: Scenario;
  injects: KeptMap<I>;
  prompts: KeptMap<P>;
}

const keptViews = new WeakMap<SessionState, KeptViews<unknown, unknown>>();

export function keptViewsFor<I, P>(scenario: Scenario, state: SessionState): KeptViews<I, P> {
  let kept = keptViews.get(state) as KeptViews<I, P> | undefined;
  if (!kept || kept.scenario !== scenario) {
    kept = { scenario, injects: new Map(), prompts: new Map() };
    keptViews.set(state, kept as KeptViews<unknown, unknown>);
  }
  return kept;
}

/** `before` while it holds the same items (===) in the same order as `items` (most views change none), else `items`. */
export function keptList<T>(before: T[] | undefined, items: T[]): T[] {
  return before && before.length === items.length && before.every((item, i) => item === items[i]) ? before : items;
}

/** The view kept under `key` while every one of `inputs` is the same (===), else `make()`, kept. */
export function keep<V>(map: KeptMap<V>, key: string, inputs: readonly unknown[], make: () => V): V {
  const k = map.get(key);
  if (k && k.inputs.length === inputs.length && k.inputs.every((input, i) => input === inputs[i])) return k.view;
  const view = make();
  map.set(key, { inputs, view });
  return view;
}
