// One pipeline for both formats: YAML front end (positions, safety) -> the format's schema (shape)
// -> the format's meaning checks -> normalization. Every stage collects all it finds.
import type { z } from 'zod';
import type { LoadError, LoadResult, Play, Scenario } from './types.ts';
import { capErrors, locateFindings, visible, type Finding } from './errors.ts';
import { readYaml, type YamlResult } from './yaml-front.ts';
import { checkShape } from './shape-check.ts';
import { describeValue, formatPath, isRecord } from './path.ts';
import { ScenarioFileSchema, SCENARIO_FORMAT, type RawScenario } from './schema.ts';
import { PlayFileSchema, PLAY_FORMAT, type RawPlay } from './play-schema.ts';
import { checkScenario } from './check-scenario.ts';
import { withoutBom } from './decode.ts';
import { normalizePlay, normalizeScenario } from './normalize.ts';

interface Format<Raw, T> {
  format: string;
  noun: string;
  schema: z.ZodType<Raw>;
  check: (raw: Raw) => Finding[];
  normalize: (raw: Raw, lineOf: (path: (string | number)[]) => number) => T;
}

const scenarioFormat: Format<RawScenario, Scenario> = {
  format: SCENARIO_FORMAT,
  noun: 'scenario',
  schema: ScenarioFileSchema,
  check: checkScenario,
  normalize: (raw) => normalizeScenario(raw),
};

const playFormat: Format<RawPlay, Play> = {
  format: PLAY_FORMAT,
  noun: 'play script',
  schema: PlayFileSchema,
  check: () => [], // references to the scenario are checked by the simulator, which has both
  normalize: (raw, lineOf) => normalizePlay(raw, (index) => lineOf(['events', index])),
};

const OTHER_FORMATS: Record<string, string> = { [SCENARIO_FORMAT]: 'scenario', [PLAY_FORMAT]: 'play script' };

function load<Raw, T>(spec: Format<Raw, T>, text: string, file: string): LoadResult<T> {
  return loadFrom(spec, readYaml(withoutBom(text)), file);
}

function loadFrom<Raw, T>(spec: Format<Raw, T>, yaml: YamlResult, file: string): LoadResult<T> {
  const early: LoadError[] = yaml.findings.map((f) => ({
    file,
    ...(f.position ?? yaml.locate(f.path, f.at ?? 'value')),
    path: formatPath(f.path),
    message: visible(f.message),
  }));
  if (yaml.fatal) return { ok: false, errors: capErrors(early) };

  const value = yaml.value;
  if (value === null || value === undefined) {
    return fail([...early, { file, line: 1, column: 1, path: '', message: `the file is empty; a ${spec.noun} starts with 'format: ${spec.format}'` }]);
  }
  if (isRecord(value) && typeof value.format === 'string' && value.format !== spec.format && OTHER_FORMATS[value.format]) {
    return fail([...early, ...locateFindings(file, [{ path: ['format'], message: `this file is a ${OTHER_FORMATS[value.format]} (${value.format}), not a ${spec.noun} (${spec.format})` }], yaml.locate)]);
  }
  if (!isRecord(value)) {
    return fail([...early, ...locateFindings(file, [{ path: [], message: `expected a ${spec.noun}: a mapping that starts with 'format: ${spec.format}', got ${describeValue(value)}` }], yaml.locate)]);
  }

  const shape = checkShape(spec.schema, value);
  if (shape.length > 0) return fail([...early, ...locateFindings(file, shape, yaml.locate)]);
  const raw = spec.schema.parse(value);
  const meaning = spec.check(raw);
  const errors = [...early, ...locateFindings(file, meaning, yaml.locate)];
  if (errors.length > 0) return fail(errors);
  return { ok: true, value: spec.normalize(raw, (path) => yaml.locate(path, 'value').line) };
}

function fail<T>(errors: LoadError[]): LoadResult<T> {
  const sorted = [...errors].sort((a, b) => a.line - b.line || a.column - b.column);
  return { ok: false, errors: capErrors(sorted) };
}

/** Parse and check a scenario file (drillbook/scenario@1). Never throws on bad input. */
export function loadScenario(text: string, fileName: string): LoadResult<Scenario> {
  return load(scenarioFormat, text, fileName);
}

/** Parse and check a play script (drillbook/play@1). References to the scenario are not checked here. */
export function loadPlay(text: string, fileName: string): LoadResult<Play> {
  return load(playFormat, text, fileName);
}

export type AnyLoadResult = { kind: 'scenario'; result: LoadResult<Scenario> } | { kind: 'play'; result: LoadResult<Play> };

/** Load a file as whichever format its `format` key declares (a scenario when it declares neither). */
export function loadAny(text: string, fileName: string): AnyLoadResult {
  const yaml = readYaml(withoutBom(text));
  const value = yaml.value;
  if (isRecord(value) && value.format === PLAY_FORMAT) return { kind: 'play', result: loadFrom(playFormat, yaml, fileName) };
  return { kind: 'scenario', result: loadFrom(scenarioFormat, yaml, fileName) };
}

