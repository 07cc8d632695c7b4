#!/usr/bin/env node
// The drillbook command. The sources are TypeScript; tsx compiles them on the fly so that the
// CLI always runs the code in the tree (no stale build to forget).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
