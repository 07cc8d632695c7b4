// What jsdom lacks and the app uses: object URLs for downloads, confirm() for ending a session,
// ResizeObserver. Platform APIs only; none of our logic is replaced.
import { afterEach } from 'vitest';
import { cleanup } from '@testing-library/react';

export const downloads: { url: string }[] = [];

if (typeof URL.createObjectURL !== 'function') {
  URL.createObjectURL = () => {
    const url = `blob:test/${downloads.length + 1}`;
    downloads.push({ url });
    return url;
  };
  URL.revokeObjectURL = () => {};
}
window.confirm = () => true;
window.open = () => null;
// A download link is recorded, not followed (jsdom cannot navigate).
export const downloadedFiles: string[] = [];
document.addEventListener('click', (event) => {
  const anchor = (event.target as Element | null)?.closest?.('a[download]');
  if (anchor) {
    event.preventDefault();
    downloadedFiles.push(anchor.getAttribute('download') ?? '');
  }
}, true);

afterEach(() => {
  cleanup();
  window.location.hash = '';
  // A shared screen locked to the seats stays locked for the window's life: not from test to test.
  sessionStorage.clear();
});
