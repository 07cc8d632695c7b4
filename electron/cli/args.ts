// The one argument parser of the drillbook commands, on Node's util.parseArgs: `--flag VALUE`,
// `--flag=VALUE`, bare switches, positionals and `--` before file names that start with a dash.
// util.parseArgs reads the tokens; the checks here turn what it would accept loosely (a missing or
// dash-led value, an unknown option, a value given to a switch) into usage errors that name the flag.
import { parseArgs as parseTokens } from 'node:util';
import { UsageError } from './io.ts';
import { quote } from '../../core/scenario/index.ts';

export interface ParsedArgs {
  positionals: string[];
  values: Map<string, string>;
  switches: Set<string>;
}

/** `valueFlags` and `switchFlags` are spelt as typed, with their dashes (`--out`, `--json`). */
export function parseArgs(args: readonly string[], valueFlags: readonly string[], switchFlags: readonly string[]): ParsedArgs {
  const options: Record<string, { type: 'string' | 'boolean' }> = {};
  for (const flag of valueFlags) options[flag.replace(/^--/, '')] = { type: 'string' };
  for (const flag of switchFlags) options[flag.replace(/^--/, '')] = { type: 'boolean' };
  const { tokens } = parseTokens({ args: [...args], options, strict: false, allowPositionals: true, tokens: true });
  const parsed: ParsedArgs = { positionals: [], values: new Map(), switches: new Set() };
  for (const token of tokens) {
    if (token.kind === 'positional') parsed.positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const flag = token.rawName;
    if (switchFlags.includes(flag)) {
      if (token.inlineValue) throw new UsageError(`${flag} takes no value`);
      parsed.switches.add(flag);
    } else if (valueFlags.includes(flag)) {
      const value = token.value;
      if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      parsed.values.set(flag, value);
    } else {
      throw new UsageError(`unknown option ${quote(flag)}`);
    }
  }
  return parsed;
}
