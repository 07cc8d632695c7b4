import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { VirtualTimers } from '../../../core/engine/virtual-time.ts';
import type { FacilitatorView, RoleView } from '../../../core/engine/projections.ts';
import type { BridgeUpdate } from '../../../core/protocol/bridge.ts';
import { AppService } from '../../../core/service/app-service.ts';
import { InProcessBridge } from '../../../core/service/in-process-bridge.ts';
import { createMemoryStorage } from '../../../core/service/memory-storage.ts';

const SCENARIOS = join(import.meta.dirname, '../../../scenarios');
const recsys = { fileName: 'recsys-null-results.yaml', text: readFileSync(join(SCENARIOS, 'recsys-null-results.yaml'), 'utf8') };

function setup() {
  const timers = new VirtualTimers();
  const storage = createMemoryStorage();
  let n = 0;
  const errors: string[] = [];
  const make = () => new AppService({ storage, timers, shipped: [recsys], wall: () => 1_700_000_000_000 + timers.now(), newId: () => `s${++n}`, onError: (m) => errors.push(m) });
  const service = make();
  return { timers, storage, service, bridge: new InProcessBridge(service), make, errors };
}

describe('AppService', () => {
  it('lists the shipped scenarios and refuses a broken import with located errors', async () => {
    const { bridge } = setup();
    const list = await bridge.request('library.list', {});
    expect(list.ok && list.value.map((e) => e.scenarioId)).toEqual(['recsys-null-results']);

    const broken = recsys.text.replace('duration: 45m', 'duration: forty-five minutes');
    const result = await bridge.request('library.import', { fileName: 'mine.yaml', text: broken });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('invalid-scenario');
    expect(result.error.errors?.[0]).toMatchObject({ file: 'mine.yaml', line: 5, path: 'duration' });
    const after = await bridge.request('library.list', {});
    expect(after.ok && after.value).toHaveLength(1);
  });

  it('imports and duplicates a scenario, keeping the exact text but its id and title', async () => {
    const { bridge } = setup();
    const imported = await bridge.request('library.import', { fileName: 'copy.yaml', text: recsys.text });
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const dup = await bridge.request('library.duplicate', { entryId: imported.value.entryId });
    expect(dup.ok && dup.value.fileName).toBe('copy (copy).yaml');
    expect(dup.ok && [dup.value.scenarioId, dup.value.title]).toEqual([`${imported.value.scenarioId}-copy`, `${imported.value.title} (copy)`]);
    const detail = await bridge.request('library.get', { entryId: dup.ok ? dup.value.entryId : '' });
    // Only the `id:` and `title:` lines differ: every comment and every other byte is kept.
    const rest = (text: string) => text.split('\n').filter((line) => !/^(id|title):/.test(line)).join('\n');
    expect(detail.ok && rest(detail.value.text)).toBe(rest(recsys.text));
    expect(detail.ok && detail.value.text).not.toBe(recsys.text);
    const list = await bridge.request('library.list', {});
    expect(list.ok && list.value).toHaveLength(3);
  });

  it('rejects malformed requests at the boundary with a readable message', async () => {
    const { service } = setup();
    const bad = await service.request('sessions.create', { entryId: '../etc', facilitator: '', participants: 'x' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.code).toBe('invalid-request');
    const unknown = await service.request('library.drop', {});
    expect(!unknown.ok && unknown.error.code).toBe('unknown-method');
    const badCommand = await service.request('live.dispatch', { sessionId: 'nope', actor: 'facilitator', command: { type: 'session.start' } });
    expect(!badCommand.ok && badCommand.error.code).toBe('not-found');
  });

  it('runs a session: projections pushed per audience, commands checked by the engine, replay folds to a seq', async () => {
    const { bridge, timers } = setup();
    const created = await bridge.request('sessions.create', {
      entryId: 'shipped-recsys-null-results', facilitator: 'Fran', participants: [{ name: 'Ada', roles: ['ic'] }, { name: 'Bo', roles: ['eng', 'comms'] }],
    });
    expect(created.ok).toBe(true);
    if (!created.ok) return;
    const sessionId = created.value.sessionId;
    const facilitator: BridgeUpdate[] = [];
    const vendor: BridgeUpdate[] = [];
    bridge.subscribe({ sessionId, audience: 'facilitator' }, (u) => facilitator.push(u));
    bridge.subscribe({ sessionId, audience: 'role:vendor' }, (u) => vendor.push(u));
    expect((await bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } })).ok).toBe(true);
    timers.advanceBy(1);
    const forbidden = await bridge.request('live.dispatch', { sessionId, actor: 'role:ic', command: { type: 'session.end' } });
    expect(!forbidden.ok && forbidden.error.code).toBe('forbidden');
    const answer = await bridge.request('live.dispatch', { sessionId, actor: 'role:ic', command: { type: 'prompt.answer', prompt: 'severity', answer: 'sev2' } });
    expect(answer.ok).toBe(true);

    const lastFacilitator = facilitator[facilitator.length - 1];
    expect(lastFacilitator?.kind).toBe('projection');
    const fview = (lastFacilitator as { projection: FacilitatorView }).projection;
    expect(fview.injects.find((i) => i.id === 'empty-ratio-alert')?.status).toBe('delivered');
    // The first alert goes to everyone, the vendor manager included; the raw responses at 5:00 go to
    // the engineer and the IC only, never to the vendor manager.
    const vview = (vendor[vendor.length - 1] as { projection: RoleView }).projection;
    expect(vview.injects.map((i) => i.id)).toContain('empty-ratio-alert');
    timers.advanceBy(5 * 60_000);
    expect(fviewOf(facilitator).injects.find((i) => i.id === 'raw-responses')?.status).toBe('delivered');
    const later = (vendor[vendor.length - 1] as { projection: RoleView }).projection;
    expect(later.injects.map((i) => i.id)).toContain('support-spike');
    expect(later.injects.map((i) => i.id)).not.toContain('raw-responses');

    const opened = await bridge.request('sessions.open', { sessionId });
    expect(opened.ok && opened.value.status).toBe('running');
    const count = opened.ok ? opened.value.eventCount : 0;
    const early = await bridge.request('live.replay', { sessionId, audience: 'role:ic', seq: 1 });
    const late = await bridge.request('live.replay', { sessionId, audience: 'role:ic', seq: count });
    expect(early.ok && (early.value as RoleView).injects).toHaveLength(0);
    expect(late.ok && (late.value as RoleView).prompts.find((p) => p.id === 'severity')?.answer).toBe('sev2');
  });

  it('saves plan items and hotwash answers as events, exports, and recovers after a restart', async () => {
    const { bridge, make, timers } = setup();
    const created = await bridge.request('sessions.create', { entryId: 'shipped-recsys-null-results', facilitator: 'Fran', participants: [] });
    if (!created.ok) throw new Error(created.error.message);
    const sessionId = created.value.sessionId;
    await bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } });
    timers.advanceBy(60_000);
    await bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.end' } });

    const plan = await bridge.request('debrief.savePlan', { sessionId, items: [{ id: 'draft-1', issue: 'Breaker', corrective_action: 'Tune thresholds', owner: 'Eng', due: '2026-12-01', objective: null }] });
    expect(plan.ok && plan.value.map((p) => p.issue)).toEqual(['Breaker']);
    const planId = plan.ok ? plan.value[0]!.id : '';
    const removed = await bridge.request('debrief.savePlan', { sessionId, items: [] });
    expect(removed.ok && removed.value).toEqual([]);
    const hot = await bridge.request('debrief.saveHotwash', { sessionId, answers: [{ index: 0, answer: 'We paged late' }] });
    expect(hot.ok && hot.value[0]?.answer).toBe('We paged late');
    const rated = await bridge.request('debrief.rate', { sessionId, objective: 'detect', rating: 'S', reason: 'Good calls' });
    expect(rated.ok).toBe(true);

    const md = await bridge.request('report.export', { sessionId, format: 'md' });
    expect(md.ok && md.value.content).toContain('We paged late');
    const pdf = await bridge.request('report.export', { sessionId, format: 'pdf' });
    expect(!pdf.ok && pdf.error.code).toBe('unsupported');

    // A second service over the same storage (a restart) reads the same session from its events.
    const again = new InProcessBridge(make());
    const debrief = await again.request('debrief.get', { sessionId });
    expect(debrief.ok && debrief.value.objectives.find((o) => o.id === 'detect')?.rating_override).toEqual({ rating: 'S', reason: 'Good calls' });
    expect(debrief.ok && debrief.value.improvement_plan.map((p) => p.id)).not.toContain(planId);
    const list = await again.request('sessions.list', {});
    expect(list.ok && list.value[0]?.status).toBe('ended');
    expect(list.ok && typeof list.value[0]?.percent).toBe('number');
  });
});

function fviewOf(updates: BridgeUpdate[]): FacilitatorView {
  return (updates[updates.length - 1] as { projection: FacilitatorView }).projection;
}
