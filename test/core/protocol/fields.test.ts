// One LIMITS table for the boundary and the engine: a text the engine refuses for its length is
// refused at the Bridge with the same limit, and a text at the limit passes both.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VirtualTimers } from '../../../core/engine/virtual-time.ts';
import { LIMITS as ENGINE_LIMITS } from '../../../core/engine/commands.ts';
import { parseBridgeRequest, type BridgeMethod, type BridgeParams } from '../../../core/protocol/bridge.ts';
import { parseCommand } from '../../../core/protocol/commands.ts';
import { isSlug, isStoredId, LIMITS } from '../../../core/protocol/fields.ts';
import { AppService } from '../../../core/service/app-service.ts';
import { createMemoryStorage } from '../../../core/service/memory-storage.ts';
import { windowRouteOf } from '../../../electron/main/app-routes.ts';
import { parseRoute } from '../../../renderer/store/route.ts';

const SCENARIOS = join(import.meta.dirname, '../../../scenarios');
const recsys = { fileName: 'recsys-null-results.yaml', text: readFileSync(join(SCENARIOS, 'recsys-null-results.yaml'), 'utf8') };

async function session() {
  const timers = new VirtualTimers();
  let n = 0;
  const service = new AppService({ storage: createMemoryStorage(), timers, shipped: [recsys], wall: () => 1_700_000_000_000, newId: () => `s${++n}` });
  const created = await service.request('sessions.create', { entryId: 'shipped-recsys-null-results', facilitator: 'Fran', participants: [{ name: 'Ada', roles: ['ic'] }] });
  if (!created.ok) throw new Error(created.error.message);
  const sessionId = (created.value as { sessionId: string }).sessionId;
  const opened = await service.request('sessions.open', { sessionId });
  if (!opened.ok) throw new Error(opened.error.message);
  const objective = (opened.value as { objectives: { id: string }[] }).objectives[0]!.id;
  return { service, sessionId, objective };
}

const plan = (over: Partial<Record<'issue' | 'corrective_action' | 'owner', string>>) => ({
  id: 'p1', issue: 'Paging was slow', corrective_action: 'Add a runbook', owner: 'Ada', due: '', objective: null, ...over,
});

/** Each text a person types through the Bridge, beside the engine command that carries it on. */
const FIELDS: {
  name: string;
  limit: number;
  bridge: (sessionId: string, objective: string, value: string) => { method: BridgeMethod; params: BridgeParams<BridgeMethod> };
  command: (objective: string, value: string) => unknown;
}[] = [
  {
    name: 'plan issue', limit: LIMITS.planField,
    bridge: (sessionId, _o, v) => ({ method: 'debrief.savePlan', params: { sessionId, items: [plan({ issue: v })] } }),
    command: (_o, v) => ({ type: 'plan.item.save', issue: v, corrective_action: 'x', owner: '', due: '' }),
  },
  {
    name: 'plan corrective action', limit: LIMITS.planField,
    bridge: (sessionId, _o, v) => ({ method: 'debrief.savePlan', params: { sessionId, items: [plan({ corrective_action: v })] } }),
    command: (_o, v) => ({ type: 'plan.item.save', issue: 'x', corrective_action: v, owner: '', due: '' }),
  },
  {
    name: 'plan owner', limit: LIMITS.name,
    bridge: (sessionId, _o, v) => ({ method: 'debrief.savePlan', params: { sessionId, items: [plan({ owner: v })] } }),
    command: (_o, v) => ({ type: 'plan.item.save', issue: 'x', corrective_action: 'x', owner: v, due: '' }),
  },
  {
    name: 'hotwash answer', limit: LIMITS.hotwash,
    bridge: (sessionId, _o, v) => ({ method: 'debrief.saveHotwash', params: { sessionId, answers: [{ index: 0, answer: v }] } }),
    command: (_o, v) => ({ type: 'hotwash.answer', question: 0, answer: v }),
  },
  {
    name: 'rating reason', limit: LIMITS.reason,
    bridge: (sessionId, objective, v) => ({ method: 'debrief.rate', params: { sessionId, objective, rating: 'S', reason: v } }),
    command: (objective, v) => ({ type: 'objective.rate', objective, rating: 'S', reason: v }),
  },
  {
    name: 'facilitator name', limit: LIMITS.name,
    bridge: (_s, _o, v) => ({ method: 'sessions.create', params: { entryId: 'shipped-recsys-null-results', facilitator: v, participants: [] } }),
    command: (_o, v) => ({ type: 'session.setup', facilitator: v, participants: [] }),
  },
  {
    name: 'participant name', limit: LIMITS.name,
    bridge: (_s, _o, v) => ({ method: 'sessions.create', params: { entryId: 'shipped-recsys-null-results', facilitator: 'Fran', participants: [{ name: v, roles: ['ic'] }] } }),
    command: (_o, v) => ({ type: 'session.setup', facilitator: 'Fran', participants: [{ name: v, roles: ['ic'] }] }),
  },
];

describe('one LIMITS table', () => {
  it('is the engine\'s own table', () => {
    expect(ENGINE_LIMITS).toBe(LIMITS);
  });

  for (const field of FIELDS) {
    it(`refuses a ${field.name} one over ${String(field.limit)} at the Bridge as the engine does, and lets one at the limit through both`, async () => {
      const { sessionId, objective } = await session();
      const over = 'x'.repeat(field.limit + 1);
      const at = 'x'.repeat(field.limit);

      const engineOver = parseCommand(field.command(objective, over));
      expect(engineOver).toMatchObject({ ok: false, rejection: { code: 'too-long' } });
      if (engineOver.ok) return;
      expect(engineOver.rejection.message).toContain(`the limit is ${String(field.limit)} characters`);

      const bridgeReq = field.bridge(sessionId, objective, over);
      const bridgeOver = parseBridgeRequest(bridgeReq.method, bridgeReq.params);
      expect(bridgeOver.ok).toBe(false);
      if (bridgeOver.ok) return;
      expect(bridgeOver.error.code).toBe('invalid-request');
      expect(bridgeOver.error.message).toContain(`the limit is ${String(field.limit)} characters`);

      expect(parseCommand(field.command(objective, at)).ok).toBe(true);
      const bridgeAt = field.bridge(sessionId, objective, at);
      expect(parseBridgeRequest(bridgeAt.method, bridgeAt.params).ok).toBe(true);
    });
  }

  it('answers a plan item over the limit with the limit, never with the engine\'s late refusal', async () => {
    const { service, sessionId } = await session();
    const over = await service.request('debrief.savePlan', { sessionId, items: [plan({ issue: 'x'.repeat(LIMITS.planField + 1) })] });
    expect(over).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!over.ok) expect(over.error.message).toMatch(new RegExp(`items\\.0\\.issue: too long: the limit is ${String(LIMITS.planField)} characters`));
    const at = await service.request('debrief.savePlan', { sessionId, items: [plan({ issue: 'x'.repeat(LIMITS.planField) })] });
    expect(at.ok).toBe(true);
  });
});

describe('one id and one slug pattern', () => {
  const ids = ['s1', 'bundle.abc-1', 'A_b:c', 'x'.repeat(LIMITS.id)];
  const notIds = ['', '-s1', '../etc', 'a b', 'x'.repeat(LIMITS.id + 1)];
  const slugs = ['ic', 'incident-commander', 'a1', 'x'.repeat(64)];
  const notSlugs = ['', 'IC', '-ic', 'ic_2', 'x'.repeat(65)];

  it('the route parser, the shell\'s window routes and the Bridge agree on ids and slugs', () => {
    for (const id of ids) {
      expect(isStoredId(id)).toBe(true);
      expect(parseRoute(`#/session/${encodeURIComponent(id)}/room`)).toEqual({ view: 'room', sessionId: id });
      expect(windowRouteOf(`app://x/index.html#/session/${encodeURIComponent(id)}/room`, 'app://x')).toEqual({ kind: 'room', sessionId: id });
      expect(parseBridgeRequest('sessions.open', { sessionId: id }).ok).toBe(true);
    }
    for (const id of notIds) {
      expect(isStoredId(id)).toBe(false);
      expect(windowRouteOf(`app://x/index.html#/session/${encodeURIComponent(id)}/room`, 'app://x')).toBeNull();
      expect(parseBridgeRequest('sessions.open', { sessionId: id }).ok).toBe(false);
    }
    for (const s of slugs) {
      expect(isSlug(s)).toBe(true);
      expect(windowRouteOf(`app://x/index.html#/session/s1/seat/${s}`, 'app://x')).toEqual({ kind: 'seat', sessionId: 's1', role: s });
      expect(parseBridgeRequest('live.replay', { sessionId: 's1', audience: `role:${s}`, seq: 0 }).ok).toBe(true);
    }
    for (const s of notSlugs) {
      expect(isSlug(s)).toBe(false);
      expect(windowRouteOf(`app://x/index.html#/session/s1/seat/${encodeURIComponent(s)}`, 'app://x')).toBeNull();
      expect(parseBridgeRequest('live.replay', { sessionId: 's1', audience: `role:${s}`, seq: 0 }).ok).toBe(false);
    }
  });
});
