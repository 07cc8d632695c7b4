// Files made from a session or a scenario: report.export (a report in a format, or the session
// bundle through the host) and library.guide (a scenario's situation manual or facilitator guide).
// PDF goes through the host (a browser prints the HTML), as does a bundle (the host reads its data file).
import { fail, ok, type BridgeResult, type ExportedReport, type ParsedParams } from '../../protocol/bridge.ts';
import { EXPORT_FILE_TYPES, isTextReportFormat, renderPrintHtml, renderReport, REPORT_FILES } from '../../report/index.ts';
import { guideFileName, renderGuide } from '../../guide/index.ts';
import type { LiveSession } from '../session-registry.ts';
import { debriefOf } from './debrief.ts';
import { withRegister } from './register.ts';
import type { Handlers, ServiceContext } from './types.ts';

const MIME = Object.fromEntries(Object.entries(EXPORT_FILE_TYPES).map(([format, type]) => [format, type.mime])) as Record<ExportedReport['format'], string>;

export function exportHandlers(ctx: ServiceContext): Pick<Handlers, 'report.export' | 'library.guide'> {
  return {
    'report.export': (params) => exportReport(ctx, params),
    'library.guide': (params) => exportGuide(ctx, params),
  };
}

async function exportReport(ctx: ServiceContext, params: ParsedParams<'report.export'>): Promise<BridgeResult<ExportedReport>> {
  const live = ctx.sessions.get(params.sessionId);
  if (!live.ok) return live;
  const base = `${live.value.scenario.id}-${live.value.reviewOf ?? live.value.record.sessionId}`;
  if (params.format === 'bundle') return exportBundle(ctx, live.value, params, `${base}.drillbook`);
  const debrief = withRegister(ctx, live.value, debriefOf(live.value));
  const options = { anonymize: params.anonymize, includeNotes: params.includeNotes };
  if (!isTextReportFormat(params.format)) {
    if (!ctx.pdf) return fail('unsupported', 'PDF export needs the desktop app or `drillbook report --format pdf`; here, export HTML and print it to PDF from a browser.');
    return ctx.pdf(renderPrintHtml(debrief, options, params.format), `${base}-${REPORT_FILES[params.format]}`);
  }
  return ok({
    format: params.format, fileName: `${base}-${REPORT_FILES[params.format]}`, mime: MIME[params.format],
    content: renderReport(debrief, params.format, options), encoding: 'utf8',
  });
}

/** A scenario's situation manual or facilitator guide (core/guide); PDF through the host, like reports. */
async function exportGuide(ctx: ServiceContext, params: ParsedParams<'library.guide'>): Promise<BridgeResult<ExportedReport>> {
  const entry = ctx.library.get(params.entryId);
  if (!entry.ok) return entry;
  const { scenario } = entry.value;
  if (params.role !== undefined) {
    if (params.audience !== 'participants') return fail('invalid-request', 'A role picks a participant manual; the facilitator guide holds every role.');
    if (!scenario.roles.some((r) => r.id === params.role)) return fail('invalid-request', `The scenario has no role '${params.role}'.`);
  }
  const options = params.role === undefined ? {} : { role: params.role };
  const fileName = guideFileName(scenario.id, params.audience, params.format, params.role);
  if (params.format === 'pdf') {
    if (!ctx.pdf) return fail('unsupported', 'PDF printing needs the desktop app or `drillbook guide --format pdf`; here, save the HTML and print it from a browser.');
    return ctx.pdf(renderGuide(scenario, params.audience, 'html', options), fileName);
  }
  return ok({
    format: params.format, fileName, mime: MIME[params.format],
    content: renderGuide(scenario, params.audience, params.format, options), encoding: 'utf8',
  });
}

async function exportBundle(ctx: ServiceContext, live: LiveSession, params: ParsedParams<'report.export'>, fileName: string): Promise<BridgeResult<ExportedReport>> {
  if (live.reviewOf !== undefined) return fail('unsupported', 'This session was opened from a session bundle: share that file itself.');
  // A bundle is the session as recorded; quietly ignoring the options would hand out names or notes.
  if (params.anonymize || !params.includeNotes) {
    return fail('invalid-request', 'A session bundle holds the session as it was recorded, names and notes included. Clear "Anonymize participants" and tick "Include facilitator notes" to export one, or export a report instead.');
  }
  if (!ctx.bundle) return fail('unsupported', 'Session bundles are made by the desktop app, `drillbook serve`, or `drillbook report DB --session ID --format bundle`.');
  return ctx.bundle(live.record.sessionId, fileName);
}
