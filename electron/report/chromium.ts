// Where the system Chromium is, for printing PDFs outside the desktop app. Playwright's own
// browser downloads cannot reach their host here or in an offline room, so we use the system one.
// The one lookup for every use (PDF export, the end-to-end suite, the screenshot checks, .ci/run):
// DRILLBOOK_CHROMIUM, then the browser's usual names on PATH, then the usual install paths.
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';

/** The names a Chromium or Chrome goes by on PATH, the first found wins (`command -v chromium` in .ci/run). */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];

export const CHROMIUM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
];

/** A user can meet this one: its message says what to install or set. */
export class ChromiumNotFoundError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ChromiumNotFoundError';
  }
}

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export function findChromium(env: Record<string, string | undefined> = process.env, candidates = CHROMIUM_CANDIDATES): string {
  const chosen = env.DRILLBOOK_CHROMIUM;
  if (chosen !== undefined && chosen !== '') {
    if (executable(chosen)) return chosen;
    throw new ChromiumNotFoundError(
      `cannot print the PDF: DRILLBOOK_CHROMIUM is set to '${chosen}', which is not an executable file. ` +
        'Point it at a Chromium or Chrome binary, or unset it to use the system Chromium.',
    );
  }
  const dirs = (env.PATH ?? '').split(delimiter).filter((dir) => dir !== '');
  const onPath = CHROMIUM_NAMES.flatMap((name) => dirs.map((dir) => join(dir, name)));
  const found = onPath.find(executable) ?? candidates.find(executable);
  if (found !== undefined) return found;
  throw new ChromiumNotFoundError(
    'cannot print the PDF: no Chromium was found (looked in ' +
      `${candidates.join(', ')}${env.PATH ? `, and for ${CHROMIUM_NAMES.join(', ')} on PATH` : ''}). Install it (Debian/Ubuntu: apt-get install chromium) ` +
      'or set DRILLBOOK_CHROMIUM=/path/to/chromium. The HTML report prints the same pages from any browser.',
  );
}
