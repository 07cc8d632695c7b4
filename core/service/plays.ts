// The shipped plays (scenarios/plays/*.yaml): dry-run scripts written for the shipped scenarios, read
// once at start like the shipped scenarios. The Author view's Rehearse tab offers the ones written
// for the scenario it runs (`library.plays`); `drillbook simulate --play` reads the same files.
// A play is matched by the scenario id it names (its `scenario` key), never by file name, so a
// copy whose id was changed has none until a play names it.
import { formatLoadError, loadPlay } from '../scenario/index.ts';
import type { PlayFile } from '../protocol/bridge.ts';

export type ShippedPlay = PlayFile;

export class ShippedPlays {
  private readonly byScenario = new Map<string, PlayFile[]>();

  constructor(files: readonly ShippedPlay[], onBad: (fileName: string, message: string) => void = () => {}) {
    for (const file of [...files].sort((a, b) => a.fileName.localeCompare(b.fileName))) {
      const result = loadPlay(file.text, file.fileName);
      if (!result.ok) {
        onBad(file.fileName, result.errors.map(formatLoadError).join('; '));
        continue;
      }
      // A shipped play that names no scenario could be for any: it is offered for none.
      const scenarioId = result.value.scenario;
      if (scenarioId === undefined) {
        onBad(file.fileName, 'it names no scenario (its `scenario` key), so no scenario offers it');
        continue;
      }
      const list = this.byScenario.get(scenarioId) ?? [];
      list.push({ fileName: file.fileName, text: file.text });
      this.byScenario.set(scenarioId, list);
    }
  }

  /** The plays written for this scenario id, by file name; none is an empty list. */
  forScenario(scenarioId: string): PlayFile[] {
    return [...(this.byScenario.get(scenarioId) ?? [])];
  }
}
