import { visibleControls } from '../../../core/report/escape.ts';

/** What a reader's parser gives back for a string we put in: controls shown as pictures, line ends as LF. */
export function asParsedText(value: string): string {
  return visibleControls(value).replace(/\r\n?/g, '\n');
}
