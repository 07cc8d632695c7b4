// @vitest-environment jsdom
// The extension points of docs/architecture.md ("Adding a prompt type", "Adding a report format").
// A prompt type and a report format each live in one registry; these checks fail where a new one
// is added there but forgotten in a place that must offer it, or where code goes back to testing a
// type's name. The type-level checks at the end are compiled by `npm run typecheck`.
import '../renderer/setup-dom.ts';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { act, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { RolePromptView } from '../../core/engine/projections.ts';
import { VirtualTimers } from '../../core/engine/virtual-time.ts';
import { bridgeRequestSchemas, EXPORT_FORMATS, ok, type Bridge, type ExportedReport } from '../../core/protocol/bridge.ts';
import { anonymize } from '../../core/report/anonymize.ts';
import {
  EXPORT_FILE_TYPES, isTextReportFormat, REPORT_FORMAT_TABLE, REPORT_FORMATS, renderPrintHtml, renderReport,
  type ReportFormat, type TextReportFormat,
} from '../../core/report/index.ts';
import { PROMPT_TYPE_SPECS, PROMPT_TYPES, type PromptType } from '../../core/scenario/prompt-types.ts';
import { ClientFrameSchema, ServerFrameSchema } from '../../core/protocol/wire.ts';
import type { Debrief } from '../../core/scoring/debrief-types.ts';
import { AppService } from '../../core/service/app-service.ts';
import { InProcessBridge } from '../../core/service/in-process-bridge.ts';
import { createMemoryStorage } from '../../core/service/memory-storage.ts';
import { reportCommand } from '../../electron/cli/report.ts';
import { simulateCommand } from '../../electron/cli/simulate.ts';
import { saveOptions, suggestedPath } from '../../electron/main/dialogs.ts';
import { ServicesProvider } from '../../renderer/bridge/context.tsx';
import { ExportPanel } from '../../renderer/views/debrief/ExportPanel.tsx';
import { PromptForm } from '../../renderer/views/seat/PromptForm.tsx';
import { PROMPT_INPUTS, type PromptInput } from '../../renderer/views/seat/prompt-inputs.tsx';
import { createAppStore } from '../../renderer/store/store.ts';
import { sampleDebrief } from '../fixtures/debrief/sample.ts';
import { RecordingBridge, shippedScenarios } from '../renderer/harness.tsx';

const ROOT = join(import.meta.dirname, '../..');

/** The numbered list of a docs/architecture.md section: the file each item names first. */
function sectionFiles(title: string): string[] {
  const doc = readFileSync(join(ROOT, 'docs/architecture.md'), 'utf8');
  const start = doc.indexOf(`## ${title}\n`);
  expect(start, `docs/architecture.md has a section "${title}"`).toBeGreaterThanOrEqual(0);
  const rest = doc.slice(start + title.length + 4);
  const section = rest.slice(0, rest.search(/^## /m) === -1 ? undefined : rest.search(/^## /m));
  return [...section.matchAll(/^\d+\. `([^`]+)`/gm)].map((m) => m[1] as string);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.parentPath.includes('node_modules') && !e.parentPath.includes('dist'))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

describe('adding a prompt type', () => {
  it('docs/architecture.md names at most four files, and they exist', () => {
    const files = sectionFiles('Adding a prompt type');
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThanOrEqual(4);
    for (const file of files) expect(existsSync(join(ROOT, file)), file).toBe(true);
    expect(files).toEqual(expect.arrayContaining(['core/scenario/prompt-types.ts', 'renderer/views/seat/prompt-inputs.tsx']));
  });

  it('every prompt type has a seat input and is in the scenario format document', () => {
    const format = readFileSync(join(ROOT, 'docs/scenario-format.md'), 'utf8');
    const typeRow = format.split('\n').find((line) => line.startsWith('| `type` | `choice`')) ?? '';
    for (const type of PROMPT_TYPES) {
      expect(Object.hasOwn(PROMPT_INPUTS, type), `renderer/views/seat/prompt-inputs.tsx has no input for '${type}'`).toBe(true);
      expect(typeRow, `docs/scenario-format.md's prompt table does not name '${type}'`).toContain(`\`${type}\``);
    }
  });

  it('no code outside the registry compares a type with a prompt type\'s name', () => {
    const names = PROMPT_TYPES.join('|');
    const comparisons = [
      new RegExp(`\\btype\\s*[!=]==?\\s*'(${names})'`),
      new RegExp(`'(${names})'\\s*[!=]==?\\s*[\\w.?]*\\btype\\b`),
    ];
    // longest-is-best is a rule about `choice` prompts by design (docs/lint.md).
    // A feedback question's type (scale | text, scenario format 1.1 `feedback`) is not a prompt type.
    const allowed = new Set([
      "core/scenario/lint/rules/choices.ts: const isChoice = (p: Prompt) => p.type === 'choice' && p.options.length >= 2 && p.expect.best.length > 0;",
      "core/scoring/feedback.ts: ...custom.filter((q) => q.type === 'text').map((q) => ({",
    ]);
    const found: string[] = [];
    for (const file of ['core', 'renderer', 'electron'].flatMap(sourceFiles)) {
      if (file === 'core/scenario/prompt-types.ts') continue;
      for (const line of readFileSync(join(ROOT, file), 'utf8').split('\n')) {
        const hit = `${file}: ${line.trim()}`;
        if (comparisons.some((re) => re.test(line)) && !allowed.has(hit)) found.push(hit);
      }
    }
    expect(found, 'read PROMPT_TYPE_SPECS[type] (core/scenario/prompt-types.ts) instead').toEqual([]);
  });

  it.each(PROMPT_TYPES)('a seat answers a %s prompt with an answer the engine accepts', async (type) => {
    const spec = PROMPT_TYPE_SPECS[type];
    const options = spec.options ? [{ id: 'hold', label: 'Hold the release' }, { id: 'ship', label: 'Ship it' }] : [];
    const prompt: RolePromptView = { id: 'p1', inject: 'i1', ask: 'What now?', type, options, answer: null, answeredAt: null, deliveredAt: 0, answerBy: null };
    const sent: (string | string[])[] = [];
    render(<PromptForm prompt={prompt} disabled={false} nowMs={0} onAnswer={async (answer) => { sent.push(answer); return true; }} />);
    const form = screen.getByRole('group', { name: 'What now?' });
    const controls = (['radio', 'checkbox', 'textbox', 'spinbutton'] as const).flatMap((role) => within(form).queryAllByRole(role));
    expect(controls.length, `the seat shows no input for a ${type} prompt`).toBeGreaterThan(0);
    for (const control of controls) {
      if (control instanceof HTMLInputElement && (control.type === 'radio' || control.type === 'checkbox')) fireEvent.click(control);
      else fireEvent.change(control, { target: { value: 'Hold the release' } });
    }
    await act(async () => { fireEvent.click(screen.getByRole('button', { name: 'Submit answer' })); });
    expect(sent).toHaveLength(1);
    const checked = spec.check(sent[0], { id: 'p1', optionIds: new Set(options.map((o) => o.id)) });
    expect(checked, JSON.stringify(sent[0])).toMatchObject({ ok: true });
  });

  it('the anonymizer hides names in every free-text type\'s answers, and in a type it does not know', () => {
    const base = sampleDebrief();
    const name = base.session.participants[0]?.name as string;
    const answerOf = (type: string) => {
      const debrief: Debrief = { ...base, prompts: base.prompts.map((p, i) => (i === 0 ? { ...p, type: type as PromptType, answer: `${name} holds it`, answer_labels: [] } : p)) };
      return anonymize(debrief).prompts[0]?.answer;
    };
    for (const type of PROMPT_TYPES) {
      if (PROMPT_TYPE_SPECS[type].freeText) expect(answerOf(type), type).not.toContain(name);
      else expect(answerOf(type), type).toBe(`${name} holds it`);
    }
    expect(answerOf('drawing')).not.toContain(name);
  });
});

describe('adding a report format', () => {
  it('docs/architecture.md names at most four files, and they exist', () => {
    const files = sectionFiles('Adding a report format');
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThanOrEqual(4);
    for (const file of files.filter((f) => !f.includes('<'))) expect(existsSync(join(ROOT, file)), file).toBe(true);
    expect(files).toContain('core/report/formats.ts');
  });

  it('every format renders: text formats in core, printed ones as the print HTML', () => {
    for (const format of REPORT_FORMATS) {
      const out = isTextReportFormat(format) ? renderReport(sampleDebrief(), format) : renderPrintHtml(sampleDebrief(), {}, format);
      expect(out.length, format).toBeGreaterThan(100);
    }
    expect(JSON.parse(renderReport(sampleDebrief(), 'json'))).toMatchObject({ format: 'drillbook/debrief@1' });
  });

  it('the CLI offers every format in its --format help', async () => {
    const help = async (command: typeof reportCommand) => {
      const out: string[] = [];
      await command(['--help'], { out: (s) => { out.push(s); }, err: () => {}, cwd: ROOT });
      return out.join('\n');
    };
    const report = await help(reportCommand);
    const simulate = await help(simulateCommand);
    expect(report).toContain(`--format ${[...REPORT_FORMATS, 'bundle'].join('|')} `);
    expect(simulate).toContain(`--format ${REPORT_FORMATS.join(',')}]`);
    for (const format of REPORT_FORMATS) {
      expect(report.split('--format NAME')[1] ?? '', format).toMatch(new RegExp(`\\b${format}\\b`));
      expect(simulate.split('--format LIST')[1] ?? '', format).toMatch(new RegExp(`\\b${format}\\b`));
    }
  });

  it('the protocol accepts every format, and the service exports each under the table\'s file name and MIME type', async () => {
    const timers = new VirtualTimers(0);
    const printed: string[] = [];
    const service = new AppService({
      storage: createMemoryStorage(), timers, shipped: shippedScenarios(), wall: () => 1_790_000_000_000 + timers.now(), newId: () => 'sess-1',
      pdf: async (html, fileName) => {
        printed.push(fileName);
        return ok({ format: 'pdf', fileName, mime: 'application/pdf', content: btoa(html.slice(0, 10)), encoding: 'base64' });
      },
    });
    const bridge = new InProcessBridge(service);
    const sessionId = await startedSession(bridge);
    for (const format of REPORT_FORMATS) {
      expect(bridgeRequestSchemas['report.export'].safeParse({ sessionId, format }).success, format).toBe(true);
      const result = await bridge.request('report.export', { sessionId, format });
      expect(result.ok, format).toBe(true);
      if (!result.ok) continue;
      expect(result.value.fileName.endsWith(`-${REPORT_FORMAT_TABLE[format].file}`), result.value.fileName).toBe(true);
      if (isTextReportFormat(format)) expect(result.value.mime).toBe(REPORT_FORMAT_TABLE[format].mime);
      else expect(printed).toContain(result.value.fileName);
    }
    expect(EXPORT_FORMATS).toEqual([...REPORT_FORMATS, 'bundle']);
  });

  it('the save dialog offers every export format under the table\'s extension', () => {
    for (const format of EXPORT_FORMATS) {
      const { extension, typeName } = EXPORT_FILE_TYPES[format];
      expect(saveOptions('/tmp/x', format).filters, format).toEqual([{ name: typeName, extensions: [extension] }]);
      expect(suggestedPath('/tmp', 'report', format)).toBe(`/tmp/report.${extension}`);
    }
  });

  it('the export panel offers every format, labelled from the table, and asks the host for it', async () => {
    const exported: ExportedReport[] = [];
    const timers = new VirtualTimers(0);
    const service = new AppService({ storage: createMemoryStorage(), timers, shipped: shippedScenarios(), wall: () => 1_790_000_000_000 + timers.now(), newId: () => 'sess-2' });
    const bridge = new RecordingBridge(new InProcessBridge(service));
    const sessionId = await startedSession(bridge);
    render(
      <ServicesProvider bridge={bridge} store={createAppStore(bridge)}>
        <ExportPanel sessionId={sessionId} onExported={(r) => exported.push(r)} />
      </ServicesProvider>,
    );
    const group = screen.getByRole('group', { name: 'Export formats' });
    expect(within(group).getAllByRole('button').map((b) => b.textContent)).toEqual(EXPORT_FORMATS.map((f) => EXPORT_FILE_TYPES[f].label));
    for (const format of REPORT_FORMATS.filter(isTextReportFormat)) {
      const button = within(group).getByRole('button', { name: EXPORT_FILE_TYPES[format].label });
      await waitFor(() => expect(button).not.toHaveProperty('disabled', true));
      await act(async () => { fireEvent.click(button); });
      await waitFor(() => expect(exported.map((r) => r.format)).toContain(format));
    }
    expect(bridge.requests.filter((r) => r.method === 'report.export').map((r) => (r.params as { format: string }).format))
      .toEqual(REPORT_FORMATS.filter(isTextReportFormat));
  });
});

async function startedSession(bridge: Bridge): Promise<string> {
  const list = await bridge.request('library.list', {});
  if (!list.ok) throw new Error(list.error.message);
  const entry = list.value.find((e) => e.roles.length > 0);
  if (!entry) throw new Error('no shipped scenario');
  const created = await bridge.request('sessions.create', { entryId: entry.entryId, facilitator: 'Fran', participants: [{ name: 'Ines', roles: entry.roles.map((r) => r.id) }] });
  if (!created.ok) throw new Error(created.error.message);
  const { sessionId } = created.value;
  for (const command of [{ type: 'session.start' }, { type: 'session.end' }]) {
    const done = await bridge.request('live.dispatch', { sessionId, actor: 'facilitator', command });
    if (!done.ok) throw new Error(done.error.message);
  }
  return sessionId;
}

// ---- type level (compiled by `npm run typecheck`, not run) ----
// The exhaustiveness the registries rest on: PromptType, ReportFormat and TextReportFormat are
// closed unions, so a Record over one of them that leaves a member out does not compile. Were one
// of them widened to `string` (say, by typing the keys as Object.keys returns them), a missing
// seat input or renderer would compile again, and these `@ts-expect-error`s would fail.
// @ts-expect-error a seat with no input for some prompt type does not compile
const _noInputs: Record<PromptType, PromptInput> = {};
// @ts-expect-error a report table with a format left out does not compile
const _noFormats: Record<ReportFormat, string> = {};
describe('adding a wire message', () => {
  /** The `op` literals of a discriminated union of frames. */
  const ops = (schema: { options: readonly { shape: { op: { value: unknown } } }[] }): string[] => schema.options.map((o) => String(o.shape.op.value));

  it('docs/architecture.md names at most four files, and they exist', () => {
    const files = sectionFiles('Adding a wire message');
    expect(files.length).toBeGreaterThan(0);
    expect(files.length).toBeLessThanOrEqual(4);
    for (const file of files) expect(existsSync(join(ROOT, file)), file).toBe(true);
    expect(files).toContain('core/protocol/wire.ts');
  });

  it('the server handles every client frame, and the browser every server frame', () => {
    const server = readFileSync(join(ROOT, 'electron/lan/connection.ts'), 'utf8');
    const browser = readFileSync(join(ROOT, 'renderer/bridge/ws-bridge.ts'), 'utf8');
    const clientOps = ops(ClientFrameSchema as never);
    const serverOps = ops(ServerFrameSchema as never);
    expect(clientOps.length).toBeGreaterThan(2);
    expect(serverOps.length).toBeGreaterThan(2);
    for (const op of clientOps) {
      expect(server, `electron/lan/connection.ts handles the client frame '${op}'`).toContain(`case '${op}'`);
      expect(browser, `renderer/bridge/ws-bridge.ts can send the client frame '${op}'`).toMatch(new RegExp(`op: '${op}'`));
    }
    for (const op of serverOps) expect(browser, `renderer/bridge/ws-bridge.ts handles the server frame '${op}'`).toMatch(new RegExp(`op === '${op}'|case '${op}'`));
  });
});

// @ts-expect-error a text renderer map with a format left out does not compile
const _noRenderers: Record<TextReportFormat, () => string> = {};
// @ts-expect-error 'pdf' is printed by the host, not rendered to text by core
const _pdfIsText: TextReportFormat = 'pdf';
void [_noInputs, _noFormats, _noRenderers, _pdfIsText];
