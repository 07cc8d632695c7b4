// Lobbies on their own: six-digit codes, random tokens kept only as hashes, removal and closing
// kill tokens, a full lobby refuses more.
import { describe, expect, it } from 'vitest';
import { Lobbies, MAX_LOBBY_MEMBERS } from '../../../electron/lan/lobby.ts';

describe('Lobbies', () => {
  it('gives each session one six-digit code, distinct from the others', () => {
    const lobbies = new Lobbies();
    const codes = Array.from({ length: 50 }, (_, i) => lobbies.open(`session-${i}`).code);
    for (const code of codes) expect(code).toMatch(/^\d{6}$/);
    expect(new Set(codes).size).toBe(50);
    expect(lobbies.open('session-0').code).toBe(codes[0]);
  });

  it('hands out 256-bit tokens that find their participant, and forgets them on removal and close', () => {
    const lobbies = new Lobbies();
    const { code } = lobbies.open('s1');
    const a = lobbies.join(code, 'Ann', 'role:alpha');
    const b = lobbies.join(code, 'Bob', 'room');
    if ('error' in a || 'error' in b) throw new Error('join failed');
    expect(Buffer.from(a.token, 'base64url')).toHaveLength(32);
    expect(a.token).not.toBe(b.token);
    expect(lobbies.byToken(a.token)).toMatchObject({ name: 'Ann', audiences: ['role:alpha'], sessionId: 's1' });
    expect(JSON.stringify(lobbies.get('s1'))).not.toContain(a.token);
    expect(lobbies.remove('s1', a.participant.id)?.name).toBe('Ann');
    expect(lobbies.byToken(a.token)).toBeUndefined();
    expect(lobbies.close('s1').map((p) => p.name)).toEqual(['Bob']);
    expect(lobbies.byToken(b.token)).toBeUndefined();
    expect(lobbies.byJoinCode(code)).toBeNull();
    expect(lobbies.join(code, 'Late', 'room')).toEqual({ error: 'unknown-code' });
  });

  it('refuses joins while locked and once full', () => {
    const lobbies = new Lobbies();
    const { code } = lobbies.open('s1');
    lobbies.setLocked('s1', true);
    expect(lobbies.join(code, 'Ann', 'room')).toEqual({ error: 'locked' });
    lobbies.setLocked('s1', false);
    for (let i = 0; i < MAX_LOBBY_MEMBERS; i++) expect('token' in lobbies.join(code, `P${i}`, 'room')).toBe(true);
    expect(lobbies.join(code, 'One more', 'room')).toEqual({ error: 'full' });
  });
});
