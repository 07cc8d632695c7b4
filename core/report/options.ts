// What a reader of an export may ask for, applied once to the model before any renderer runs, so
// that every format (the JSON included) leaves out exactly the same things.
import type { Debrief } from '../scoring/debrief-types.ts';
import { anonymize } from './anonymize.ts';

export interface ReportOptions {
  /** Replace participants' names by their roles everywhere, free text included. Default false. */
  anonymize?: boolean;
  /**
   * Default true. false leaves out the facilitator's notes (observations, strengths, areas for
   * improvement) and their timeline entries. Hotwash answers are the team's words, not notes, and
   * grade reasons, rating-override reasons and the improvement plan are part of the result: they
   * stay.
   */
  includeNotes?: boolean;
  /**
   * The HTML and Markdown appendix: 'full' (default) lists every timeline entry; 'condensed' folds
   * repeated answers to a prompt into one line each (see condense.ts). The PDF of a very long
   * session uses 'condensed'.
   */
  appendix?: 'full' | 'condensed';
}

export function applyOptions(debrief: Debrief, options: ReportOptions = {}): Debrief {
  let result = debrief;
  if (options.includeNotes === false) {
    result = {
      ...result,
      notes: [],
      timeline: result.timeline.filter((entry) => entry.kind !== 'note'),
    };
  }
  if (options.anonymize === true) result = anonymize(result);
  return result;
}
