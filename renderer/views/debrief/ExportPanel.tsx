// Export the debrief in every format. The host returns the file; the page offers it as a download
// (the desktop host may have written it to a path it chose already).
import { useState } from 'react';
import { EXPORT_FORMATS, type ExportFormat, type ExportedReport } from '../../../core/protocol/bridge.ts';
import { useBridge } from '../../bridge/context.tsx';
import { useApp } from '../../store/use-app.ts';

const LABEL: Record<ExportFormat, string> = { html: 'HTML report', md: 'Markdown', csv: 'Decisions CSV', json: 'JSON', pdf: 'PDF' };

function download(report: ExportedReport): void {
  const bytes = report.encoding === 'base64' ? Uint8Array.from(atob(report.content), (c) => c.charCodeAt(0)) : report.content;
  const url = URL.createObjectURL(new Blob([bytes], { type: report.mime }));
  const a = document.createElement('a');
  a.href = url;
  a.download = report.fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ExportPanel({ sessionId, onExported }: { sessionId: string; onExported?: (report: ExportedReport) => void }) {
  const bridge = useBridge();
  const toast = useApp((s) => s.toast);
  const [anonymize, setAnonymize] = useState(false);
  const [includeNotes, setIncludeNotes] = useState(true);
  const [busy, setBusy] = useState<ExportFormat | null>(null);

  async function run(format: ExportFormat) {
    setBusy(format);
    const result = await bridge.request('report.export', { sessionId, format, anonymize, includeNotes });
    setBusy(null);
    if (!result.ok) {
      toast(result.error.message, 'error');
      return;
    }
    onExported?.(result.value);
    if (result.value.path) toast(`Saved ${result.value.path}`);
    else {
      download(result.value);
      toast(`Exported ${result.value.fileName}`);
    }
  }

  return (
    <div className="stack">
      <div className="row">
        <label><input type="checkbox" checked={anonymize} onChange={(e) => setAnonymize(e.target.checked)} /> Anonymize participants</label>
        <label><input type="checkbox" checked={includeNotes} onChange={(e) => setIncludeNotes(e.target.checked)} /> Include facilitator notes</label>
      </div>
      <div className="row">
        {EXPORT_FORMATS.map((f) => (
          <button key={f} type="button" disabled={busy !== null} onClick={() => void run(f)}>{busy === f ? 'Exporting…' : LABEL[f]}</button>
        ))}
      </div>
    </div>
  );
}
