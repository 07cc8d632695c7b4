// Hands a file to the browser as a download (browser mode, and what the desktop app saves without a
// dialog of its own). The one place that makes the link: reports, guides, register and comparison
// exports, and the Author view's texts all go through it. Text stays text; base64 becomes bytes.
import type { ExportedReport } from '../../core/protocol/bridge.ts';

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Long after the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file the host made (report.export, library.guide, register and comparison exports). */
export function downloadFile(file: ExportedReport): void {
  const bytes = file.encoding === 'base64' ? Uint8Array.from(atob(file.content), (c) => c.charCodeAt(0)) : file.content;
  downloadBlob(file.fileName, new Blob([bytes], { type: file.mime }));
}

/** A text the page holds (a scenario, an events list, a play). */
export function downloadText(fileName: string, text: string, mime: string): void {
  downloadBlob(fileName, new Blob([text], { type: mime }));
}

/** A file the user picked, as base64 (for a Bridge request that carries a file's bytes). */
export async function fileAsBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) binary += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(binary);
}
