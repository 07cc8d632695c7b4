// The one argument parser of the drillbook commands (util.parseArgs underneath).
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../electron/cli/args.ts';

const parse = (args: string[]) => {
  const p = parseArgs(args, ['--out', '--db'], ['--json']);
  return { positionals: p.positionals, values: Object.fromEntries(p.values), switches: [...p.switches] };
};

describe('parseArgs', () => {
  it('reads --flag VALUE, --flag=VALUE, switches, positionals, - and --', () => {
    expect(parse(['a.db', '--out', 'x.html', '--json'])).toEqual({ positionals: ['a.db'], values: { '--out': 'x.html' }, switches: ['--json'] });
    expect(parse(['--out=x', 'b', '--db', 'c', '--out', 'y'])).toEqual({ positionals: ['b'], values: { '--out': 'y', '--db': 'c' }, switches: [] });
    expect(parse(['-', '--', '-starts-with-a-dash.yaml'])).toEqual({ positionals: ['-', '-starts-with-a-dash.yaml'], values: {}, switches: [] });
    expect(parse(['--out', '-1']).values).toEqual({ '--out': '-1' });
  });

  it('refuses what it cannot read, naming the flag', () => {
    expect(() => parse(['--out'])).toThrow('--out needs a value');
    expect(() => parse(['--out', '--json'])).toThrow('--out needs a value');
    expect(() => parse(['--out='])).toThrow('--out needs a value');
    expect(() => parse(['--out=--json'])).toThrow('--out needs a value');
    expect(() => parse(['--json=yes'])).toThrow('--json takes no value');
    expect(() => parse(['--nope'])).toThrow("unknown option '--nope'");
    expect(() => parse(['-x'])).toThrow("unknown option '-x'");
  });
});
