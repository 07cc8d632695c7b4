// What `better-sqlite3` resolves to inside the Electron main-process bundle (an esbuild alias in
// build/build-electron.mjs): the real module, with the Electron build of its binding (native.ts).
// Every `new Database(...)` in electron/store thus loads the right ABI without knowing about it.
import { app } from 'electron';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { betterSqliteBindingPath, withNativeBinding, type DatabaseConstructor } from './native.ts';

// A runtime require the bundler does not follow: it reaches the real package (in the app's
// node_modules, inside app.asar when packaged), not this alias.
const requireReal = createRequire(join(app.getAppPath(), 'package.json'));
const real = requireReal('better-sqlite3') as DatabaseConstructor;

const bindingPath = (): string | undefined =>
  betterSqliteBindingPath({
    versions: process.versions,
    platform: process.platform,
    arch: process.arch,
    appRoot: app.getAppPath(),
    resourcesPath: app.isPackaged ? process.resourcesPath : undefined,
    packaged: app.isPackaged,
    exists: existsSync,
  });

export default withNativeBinding(real, bindingPath);
