// Export the debrief in every format. In a browser the host returns the file and the page offers it
// as a download; in the desktop app the main process asks where to save it and writes it there.
// The desktop menu's "Export Report…" (`report.export`) brings the focus here to pick the format.
import { useRef, useState } from 'react';
import { downloadFile } from '../../components/download.ts';
import { EXPORT_FORMATS, type ExportFormat, type ExportedReport } from '../../../core/protocol/bridge.ts';
import { EXPORT_FILE_TYPES } from '../../../core/report/formats.ts';
import { useBridge, useDesktop } from '../../bridge/context.tsx';
import { useCommandTarget } from '../../commands/hub-context.tsx';
import type { Registry } from '../../commands/registry.ts';
import { useApp } from '../../store/use-app.ts';


export interface ExportContext {
  focusFormats(): void;
}

export const exportCommands: Registry<ExportContext> = [
  {
    name: 'report.export', label: 'Export the report…', group: 'Export',
    enabled: () => true,
    perform: (ctx) => ctx.focusFormats(),
  },
];

export function ExportPanel({ sessionId, onExported }: { sessionId: string; onExported?: (report: ExportedReport) => void }) {
  const bridge = useBridge();
  const desktop = useDesktop();
  const toast = useApp((s) => s.toast);
  const [anonymize, setAnonymize] = useState(false);
  const [includeNotes, setIncludeNotes] = useState(true);
  const [busy, setBusy] = useState<ExportFormat | null>(null);
  const formatsRef = useRef<HTMLDivElement>(null);

  useCommandTarget(exportCommands, {
    focusFormats() {
      const first = formatsRef.current?.querySelector('button');
      first?.scrollIntoView?.({ block: 'nearest' });
      first?.focus();
    },
  });

  async function saveOnDesktop(format: ExportFormat) {
    if (!desktop) return;
    const saved = await desktop.exportReport({ sessionId, format, anonymize, includeNotes });
    if (!saved.ok) toast(saved.error.message, 'error');
    else if (saved.value) toast(`Saved ${saved.value.path}`);
  }

  async function run(format: ExportFormat) {
    setBusy(format);
    try {
      if (desktop) return await saveOnDesktop(format);
      const result = await bridge.request('report.export', { sessionId, format, anonymize, includeNotes });
      if (!result.ok) {
        toast(result.error.message, 'error');
        return;
      }
      onExported?.(result.value);
      if (result.value.path) toast(`Saved ${result.value.path}`);
      else {
        downloadFile(result.value);
        toast(`Exported ${result.value.fileName}`);
      }
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="stack">
      <div className="row">
        <label><input type="checkbox" checked={anonymize} onChange={(e) => setAnonymize(e.target.checked)} /> Anonymize participants</label>
        <label><input type="checkbox" checked={includeNotes} onChange={(e) => setIncludeNotes(e.target.checked)} /> Include facilitator notes</label>
      </div>
      <div className="row" ref={formatsRef} role="group" aria-label="Export formats">
        {EXPORT_FORMATS.map((f) => (
          <button key={f} type="button" disabled={busy !== null} onClick={() => void run(f)}>{busy === f ? 'Exporting…' : EXPORT_FILE_TYPES[f].label}</button>
        ))}
      </div>
    </div>
  );
}
