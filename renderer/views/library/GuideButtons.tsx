// The scenario's facilitator pack in print (drillbook guide in the app): the situation manual, common
// or for one role (its brief and handouts), and the facilitator and evaluator guide, as PDF. They travel like report
// exports: the desktop saves through its dialog (desktop.exportGuide); a browser gets the file from
// the host (library.guide) and downloads it, as HTML where the host cannot print a PDF.
import { useState } from 'react';
import type { BridgeParams, ExportedReport } from '../../../core/protocol/bridge.ts';
import type { Scenario } from '../../../core/scenario/types.ts';
import { useBridge, useDesktop } from '../../bridge/context.tsx';
import { useApp } from '../../store/use-app.ts';
import { downloadFile } from '../../components/download.ts';

type Audience = 'participants' | 'facilitator';

export function GuideButtons({ entryId, scenario, onExported }: { entryId: string; scenario: Scenario; onExported?: (file: ExportedReport) => void }) {
  const bridge = useBridge();
  const desktop = useDesktop();
  const toast = useApp((s) => s.toast);
  const [busy, setBusy] = useState<Audience | null>(null);

  async function print(audience: Audience, role?: string) {
    const params: BridgeParams<'library.guide'> = { entryId, audience, format: 'pdf', ...(role !== undefined ? { role } : {}) };
    setBusy(audience);
    try {
      if (desktop) {
        const saved = await desktop.exportGuide(params);
        if (!saved.ok) toast(saved.error.message, 'error');
        else if (saved.value) toast(`Saved ${saved.value.path}`);
        return;
      }
      let result = await bridge.request('library.guide', params);
      // A host that cannot print PDFs still gives the HTML, which prints the same pages from the browser.
      if (!result.ok && result.error.code === 'unsupported') result = await bridge.request('library.guide', { ...params, format: 'html' });
      if (!result.ok) {
        toast(result.error.message, 'error');
        return;
      }
      onExported?.(result.value);
      downloadFile(result.value);
      toast(`Exported ${result.value.fileName}`);
    } finally {
      setBusy(null);
    }
  }

  return (
    <div className="stack" role="group" aria-label="Facilitator pack">
      <div className="row">
        <button type="button" disabled={busy !== null} onClick={() => void print('participants')}>
          {busy === 'participants' ? 'Preparing…' : 'Print situation manual'}
        </button>
        <button type="button" disabled={busy !== null} onClick={() => void print('facilitator')}>
          {busy === 'facilitator' ? 'Preparing…' : 'Print facilitator guide'}
        </button>
      </div>
      <details>
        <summary>Situation manual for one role (with its brief and handouts)</summary>
        <div className="row">
          {scenario.roles.map((r) => (
            <button key={r.id} type="button" disabled={busy !== null} onClick={() => void print('participants', r.id)}>{`Manual for ${r.title}`}</button>
          ))}
        </div>
      </details>
    </div>
  );
}
