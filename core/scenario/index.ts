// The scenario format: load and check scenarios and play scripts, print their errors, write them back.
export { loadScenario, loadPlay, loadAny, type AnyLoadResult } from './load.ts';
export { formatLoadError, visible } from './errors.ts';
export { quote, cut } from './path.ts';
export { decodeScenarioBytes, withoutBom, type DecodeResult } from './decode.ts';
export { parseDuration, formatDuration, DURATION_PATTERN } from './duration.ts';
export { scenarioToYaml } from './serialize.ts';
export { scenarioJsonSchema, playJsonSchema, schemaFileText } from './json-schema.ts';
export { SCENARIO_FORMAT } from './schema.ts';
export { PLAY_FORMAT } from './play-schema.ts';
export { MAX_FILE_BYTES } from './yaml-front.ts';
export type * from './types.ts';
