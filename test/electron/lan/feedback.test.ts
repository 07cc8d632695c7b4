// The participant feedback form over the LAN (issue 18 item 1): a device sends feedback.submit
// for the role it holds once the session has ended, never for another role; its own seat's
// projection carries its form back, and the facilitator's debrief counts it without naming it.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { joinLobby, lanSession, must, RawClient, startLan, type Lan } from './helpers.ts';

let lan: Lan;
let sessionId: string;
let code: string;

beforeEach(async () => {
  lan = await startLan();
  sessionId = await lanSession(lan);
  await must(lan.host.service.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.start' } }));
  code = (await must(lan.server.openLobby(sessionId))).code;
});
afterEach(async () => {
  await lan.close();
});

const form = (strength: string) => ({ type: 'feedback.submit', strengths: [strength], improvements: [], missed: '', actions: [{ action: 'Drill again', priority: 'low', owner: '' }], design: 4, conduct: 3, answers: [] });

describe('feedback from a participant’s own device', () => {
  it('is refused before the end, and for another role; accepted for its own role after the end', async () => {
    const bob = await joinLobby(lan, code, 'Bob');
    const client = RawClient.token(lan, bob.token);
    await client.opened;
    const early = await client.request('live.dispatch', { sessionId, actor: 'role:bravo', command: form('too early') });
    expect(early.error?.code).toBe('not-ended');
    await must(lan.host.service.request('live.dispatch', { sessionId, actor: 'facilitator', command: { type: 'session.end' } }));
    const asAlpha = await client.request('live.dispatch', { sessionId, actor: 'role:alpha', command: form('as alpha') });
    expect(asAlpha.error?.code).toBe('forbidden');
    const over = await client.request('live.dispatch', { sessionId, actor: 'role:bravo', command: form('x'.repeat(2001)) });
    expect(over.error?.code).toBe('too-long');
    expect((await client.request('live.dispatch', { sessionId, actor: 'role:bravo', command: form('Bob’s strength') })).ok).toBe(true);

    const own = await client.subscribe(sessionId, 'role:bravo');
    expect(own.first).toMatchObject({ kind: 'projection', projection: { feedback: { given: { strengths: ['Bob’s strength'], design: 4 } } } });
    client.close();

    const debrief = (await must(lan.host.service.request('debrief.get', { sessionId }))) as { feedback: { respondents: number; asked: number } };
    expect(debrief.feedback).toMatchObject({ respondents: 1, asked: 3 });
    expect(JSON.stringify(debrief.feedback)).not.toMatch(/Bob"|bravo/);
  });
});
