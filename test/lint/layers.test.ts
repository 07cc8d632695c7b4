// The layering rules of eslint.config.js fire where they should (issue 15): a forbidden import or
// global in each layer is an error, and what the layers may use is not.
import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId}: ${m.message}`);
}

describe('lint layering', () => {
  it('keeps the store below the LAN server, the host, the shell and the CLI, and away from renderer/', async () => {
    expect(await ruleIds('electron/store/probe.ts', "import { LanServer } from '../lan/server.ts';\nexport const x = LanServer;\n")).toEqual([
      expect.stringContaining('no-restricted-imports: '),
    ]);
    expect(await ruleIds('electron/store/queries/probe.ts', "import { ServiceHost } from '../../host/service-host.ts';\nexport const x = ServiceHost;\n")).toEqual([
      expect.stringContaining('electron/store/ sits below'),
    ]);
    expect(await ruleIds('electron/store/probe.ts', "import { parseRoute } from '../../renderer/store/route.ts';\nexport const x = parseRoute;\n")).toEqual([
      expect.stringContaining('electron/ imports nothing from renderer/'),
    ]);
    // What the store may use: core (its report/ folder included) and the atomic writes.
    expect(await ruleIds('electron/store/probe.ts', "import { renderHtml } from '../../core/report/index.ts';\nimport { writeFileAtomic } from '../files/atomic-write.ts';\nexport const x = [renderHtml, writeFileAtomic];\n")).toEqual([]);
  });

  it('keeps the LAN server off the shell and the CLI, and lets the CLI use everything', async () => {
    expect(await ruleIds('electron/lan/probe.ts', "import { main } from '../cli/main.ts';\nexport const x = main;\n")).toEqual([expect.stringContaining('electron/lan/ sits below')]);
    expect(await ruleIds('electron/cli/probe.ts', "import { LanServer } from '../lan/server.ts';\nimport { openStore } from '../store/index.ts';\nexport const x = [LanServer, openStore];\n")).toEqual([]);
  });

  it("refuses Node's globals and modules in renderer/", async () => {
    const found = await ruleIds('renderer/probe.ts', "export const a = process.env.HOME;\nexport const b = Buffer.from('x');\n");
    expect(found).toEqual([expect.stringContaining("no-restricted-globals: Unexpected use of 'process'"), expect.stringContaining("no-restricted-globals: Unexpected use of 'Buffer'")]);
    const imports = await ruleIds('renderer/probe.ts', "import { readFileSync } from 'node:fs';\nexport const c = readFileSync;\n");
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.every((m) => m.startsWith('no-restricted-imports: '))).toBe(true);
  });
});
