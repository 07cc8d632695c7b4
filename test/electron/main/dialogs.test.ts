import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({}));

const { readScenarioFile, suggestedPath, openOptions, saveOptions } = await import('../../../electron/main/dialogs.ts');
const { recoveryOffer } = await import('../../../electron/main/recovery.ts');
import type { SessionSummary } from '../../../core/protocol/bridge.ts';

const dir = mkdtempSync(join(tmpdir(), 'drillbook-dialogs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('readScenarioFile', () => {
  it('reads a UTF-8 scenario with its file name', async () => {
    writeFileSync(join(dir, 'outage.yaml'), 'format: drillbook/scenario@1\ntitle: Ünïcode\n');
    expect(await readScenarioFile(join(dir, 'outage.yaml'))).toEqual({ ok: true, value: { fileName: 'outage.yaml', text: 'format: drillbook/scenario@1\ntitle: Ünïcode\n' } });
  });

  it('refuses a file over 1 MiB before reading it', async () => {
    writeFileSync(join(dir, 'big.yaml'), Buffer.alloc(1_048_577, 0x61));
    const answer = await readScenarioFile(join(dir, 'big.yaml'));
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid-scenario' } });
    expect(!answer.ok && answer.error.message).toMatch(/big\.yaml.*at most 1 MiB/);
  });

  it('refuses text that is not UTF-8', async () => {
    writeFileSync(join(dir, 'latin1.yaml'), Buffer.from([0x74, 0x69, 0x74, 0x6c, 0x65, 0x3a, 0x20, 0xe9, 0x0a]));
    expect(await readScenarioFile(join(dir, 'latin1.yaml'))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/UTF-8/) } });
  });

  it('says which file is missing, and refuses a folder', async () => {
    expect(await readScenarioFile(join(dir, 'gone.yaml'))).toMatchObject({ ok: false, error: { code: 'not-found', message: expect.stringMatching(/gone\.yaml/) } });
    mkdirSync(join(dir, 'folder.yaml'));
    expect(await readScenarioFile(join(dir, 'folder.yaml'))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a file/) } });
  });
});

describe('save and open dialogs', () => {
  it('suggests the report’s name with the right extension, stripped of path tricks', () => {
    expect(suggestedPath('/docs', 'debrief.html', 'html')).toBe(join('/docs', 'debrief.html'));
    expect(suggestedPath('/docs', 'debrief', 'pdf')).toBe(join('/docs', 'debrief.pdf'));
    expect(suggestedPath('/docs', '../../etc/passwd', 'csv')).toBe(join('/docs', 'passwd.csv'));
    expect(suggestedPath('/docs', 'a:b*c?.md', 'md')).toBe(join('/docs', 'a-b-c-.md'));
  });

  it('filters by the kinds of file each dialog is for', () => {
    expect(openOptions('scenario').filters?.[0]?.extensions).toEqual(['yaml', 'yml']);
    expect(openOptions('bundle').filters?.[0]?.extensions).toEqual(['drillbook']);
    expect(saveOptions('/docs/x.pdf', 'pdf').filters).toEqual([{ name: 'PDF', extensions: ['pdf'] }]);
  });
});

describe('recoveryOffer', () => {
  const summary = (id: string, status: SessionSummary['status'], createdAt: number): SessionSummary => ({
    sessionId: id, entryId: 'e', scenarioId: 'x', scenarioTitle: `Scenario ${id}`, facilitator: 'Fran', participants: [],
    roomScreen: true, seating: 'hot-seat', status, createdAt, startedAt: status === 'setup' ? null : createdAt + 60_000, endedAt: null, percent: null,
  });

  it('offers nothing when every session ended or never started', () => {
    expect(recoveryOffer([summary('a', 'ended', 1), summary('b', 'setup', 2)], String)).toBeNull();
  });

  it('offers interrupted sessions, newest first, and a way to decline', () => {
    const offer = recoveryOffer([summary('a', 'paused', 1), summary('b', 'ended', 2), summary('c', 'running', 3)], (ms) => `t${ms}`);
    expect(offer?.choices).toEqual(['c', 'a', null]);
    expect(offer?.options.buttons).toEqual(['Open Scenario c', 'Open Scenario a', 'Later']);
    expect(offer?.options.cancelId).toBe(2);
    // Started means the clock's first start, not when the session was set up (issue 14, item 19).
    expect(offer?.options.detail).toContain('started t60003');
    expect(offer?.options.detail).not.toContain('started t3,');
  });
});
