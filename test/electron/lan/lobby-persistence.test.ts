// Lobbies over the data file's lobby tables (a real SQLite file): every change is in the file
// before it takes effect, a second registry on the same file (a restarted server) has the same
// lobbies and accepts the same tokens, and removal and closing last across restarts too.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Lobbies, MAX_DEVICES_PER_ADDRESS } from '../../../electron/lan/lobby.ts';
import { openStore } from '../../../electron/store/index.ts';
import { seedSession, tempDir, track } from '../store/helpers.ts';

function joined(result: ReturnType<Lobbies['join']>): { token: string; participant: { id: string } } {
  if ('error' in result) throw new Error(`join refused: ${result.error}`);
  return result;
}

describe('Lobbies kept in the data file', () => {
  it('a registry on the reopened file has the lobbies, accepts the tokens, and forgets what was removed or closed', () => {
    const path = join(tempDir(), 'data.db');
    const store = track(openStore(path));
    const s1 = seedSession(store, 'session-one');
    const s2 = seedSession(store, 'session-two');
    const lobbies = new Lobbies(undefined, {}, store.lobbies);
    const one = lobbies.open(s1);
    const two = lobbies.open(s2);
    const ann = joined(lobbies.join(one.code, 'Ann', 'role:ic', '10.0.0.5'));
    const bob = joined(lobbies.join(one.code, 'Bob', 'room', '10.0.0.5'));
    const cy = joined(lobbies.join(two.code, 'Cy', 'role:ic'));
    lobbies.setLocked(s2, true);
    store.close();

    const store2 = track(openStore(path));
    const again = new Lobbies(undefined, {}, store2.lobbies);
    expect(again.get(s1)).toEqual(lobbies.get(s1));
    // In the order they joined, though Ann and Bob joined in the same millisecond (ids are random).
    expect(again.get(s1)?.participants.map((p) => p.name)).toEqual(['Ann', 'Bob']);
    expect(again.get(s2)).toMatchObject({ code: two.code, locked: true });
    expect(again.byToken(ann.token)).toMatchObject({ id: ann.participant.id, name: 'Ann', audiences: ['role:ic'], sessionId: s1 });
    expect(again.byToken(cy.token)?.name).toBe('Cy');
    expect(again.byToken('not-a-token')).toBeUndefined();
    // The per-address device limit counts the devices from before the restart.
    for (let i = 2; i < MAX_DEVICES_PER_ADDRESS; i++) joined(again.join(one.code, `P${i}`, 'room', '10.0.0.5'));
    expect(again.join(one.code, 'One too many', 'room', '10.0.0.5')).toEqual({ error: 'address-full' });
    // Removal and closing are written too.
    again.remove(s1, bob.participant.id);
    again.close(s2);
    store2.close();

    const store3 = track(openStore(path));
    const third = new Lobbies(undefined, {}, store3.lobbies);
    expect(third.byToken(bob.token)).toBeUndefined();
    expect(third.byToken(ann.token)?.name).toBe('Ann');
    expect(third.get(s2)).toBeNull();
    expect(third.byToken(cy.token)).toBeUndefined();
    expect(third.byJoinCode(two.code)).toBeNull();
    expect(store3.lobbies.load().map((l) => l.sessionId)).toEqual([s1]);
  });

  it('a change the file refuses is not made: the join fails and its token does not exist', () => {
    const store = track(openStore(join(tempDir(), 'data.db')));
    const s1 = seedSession(store);
    const lobbies = new Lobbies(undefined, {}, store.lobbies);
    const { code } = lobbies.open(s1);
    // The file says no (here: a trigger; on a real machine a full disk or a busy file).
    store.db.exec("CREATE TEMP TRIGGER refuse BEFORE INSERT ON lobby_members BEGIN SELECT RAISE(ABORT, 'refused'); END");
    expect(() => lobbies.join(code, 'Ann', 'room')).toThrow('refused');
    expect(lobbies.get(s1)?.participants).toEqual([]);
    // Opening a lobby for a session the file does not have is refused, and not opened.
    expect(() => lobbies.open('no-such-session')).toThrow();
    expect(lobbies.get('no-such-session')).toBeNull();
    expect(lobbies.count).toBe(1);
  });
});
