// The boundary schemas: untrusted input is parsed into a typed command or refused with a reason.
import { describe, expect, it } from 'vitest';
import { parseAudience, parseCommand, ActorSchema } from '../../../core/protocol/commands.ts';
import { LIMITS } from '../../../core/engine/index.ts';

describe('parseCommand', () => {
  it('accepts well-formed commands of every kind', () => {
    const ok = [
      { type: 'session.start' },
      { type: 'session.pause', reason: 'suspend' },
      { type: 'session.speed', speed: 2.5 },
      { type: 'inject.deliver', inject: 'exec' },
      { type: 'adhoc.send', to: 'all', channel: 'news', title: 'Breaking', body: '', prompt: { role: 'ic', ask: 'Now?', type: 'choice', options: [{ id: 'y', label: 'Yes' }, { id: 'n', label: 'No' }] } },
      { type: 'prompt.answer', prompt: 'sev', answer: ['a', 'b'] },
      { type: 'objective.rate', objective: 'detect', rating: null, reason: '' },
      { type: 'plan.item.save', issue: 'x', corrective_action: 'y', owner: 'z', due: '2026-01-31', objective: null },
    ];
    for (const input of ok) expect(parseCommand(input)).toEqual({ ok: true, value: input });
  });

  it('refuses unknown types, unknown keys, wrong types and oversized text', () => {
    expect(parseCommand({ type: 'session.explode' })).toMatchObject({ ok: false, rejection: { code: 'invalid' } });
    expect(parseCommand({ type: 'session.start', extra: 1 })).toMatchObject({ ok: false, rejection: { code: 'invalid' } });
    expect(parseCommand({ type: 'session.speed', speed: 50 })).toMatchObject({ ok: false, rejection: { code: 'invalid' } });
    expect(parseCommand('session.start')).toMatchObject({ ok: false });
    const long = parseCommand({ type: 'chat.post', text: 'x'.repeat(LIMITS.chat + 1) });
    expect(long).toMatchObject({ ok: false, rejection: { code: 'too-long' } });
    if (!long.ok) expect(long.rejection.message).toMatch(/text at 'text' is too long: the limit is 2000/);
  });

  it('refuses a NUL character in any text field (issue 16)', () => {
    expect(parseCommand({ type: 'chat.post', text: 'hi\u0000there' })).toMatchObject({ ok: false, rejection: { code: 'invalid' } });
    expect(parseCommand({ type: 'prompt.answer', prompt: 'sev', answer: 'x\u0000' })).toMatchObject({ ok: false });
    expect(parseCommand({ type: 'objective.rate', objective: 'detect', rating: null, reason: '\u0000' })).toMatchObject({ ok: false });
    expect(parseCommand({ type: 'chat.post', text: 'tab\tand\nline' })).toMatchObject({ ok: true });
  });

  it('parses audiences and actors', () => {
    expect(parseAudience({ kind: 'role', role: 'ic' })).toEqual({ ok: true, value: { kind: 'role', role: 'ic' } });
    expect(parseAudience({ kind: 'god' }).ok).toBe(false);
    expect(ActorSchema.safeParse('role:ic').success).toBe(true);
    expect(ActorSchema.safeParse('role:IC; drop').success).toBe(false);
  });
});
