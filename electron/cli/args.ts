// Small shared argument parsing for the store's commands: `--flag VALUE`, `--flag=VALUE`, bare
// switches and positionals, with usage errors that name the flag.
import { UsageError } from './io.ts';
import { quote } from '../../core/scenario/index.ts';

export interface ParsedArgs {
  positionals: string[];
  values: Map<string, string>;
  switches: Set<string>;
}

export function parseArgs(args: readonly string[], valueFlags: readonly string[], switchFlags: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { positionals: [], values: new Map(), switches: new Set() };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    if (!arg.startsWith('--')) {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${quote(arg)}`);
      parsed.positionals.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    if (switchFlags.includes(flag)) {
      if (eq > 0) throw new UsageError(`${flag} takes no value`);
      parsed.switches.add(flag);
    } else if (valueFlags.includes(flag)) {
      let value: string | undefined;
      if (eq > 0) value = arg.slice(eq + 1);
      else {
        value = args[i + 1];
        i++;
      }
      if (value === undefined || value === '' || value.startsWith('--')) throw new UsageError(`${flag} needs a value`);
      parsed.values.set(flag, value);
    } else {
      throw new UsageError(`unknown option ${quote(arg)}`);
    }
  }
  return parsed;
}
