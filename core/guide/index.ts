// A scenario's facilitator pack in print (scenario format 1.1, "Facilitator pack"): the participant
// situation manual and the facilitator and evaluator guide, as HTML (one self-contained file under
// the reports' CSP) or Markdown. PDF is the HTML printed by a host (electron/report/pdf.ts).
import type { Scenario } from '../scenario/types.ts';
import { renderGuideHtml } from './html.ts';
import { renderGuideMarkdown } from './markdown.ts';
import type { GuideAudience, GuideFormat, GuideOptions, TextGuideFormat } from './model.ts';

export { renderGuideHtml } from './html.ts';
export { renderGuideMarkdown } from './markdown.ts';
export {
  GUIDE_AUDIENCES, GUIDE_FORMATS, GuideRoleError, participantManual, describeCondition, describeTrigger,
  type GuideAudience, type GuideFormat, type GuideOptions, type ParticipantManual, type TextGuideFormat,
} from './model.ts';

export function renderGuide(scenario: Scenario, audience: GuideAudience, format: TextGuideFormat, options: GuideOptions = {}): string {
  return format === 'html' ? renderGuideHtml(scenario, audience, options) : renderGuideMarkdown(scenario, audience, options);
}

/** The file a guide is saved as: `ID-situation-manual[-ROLE].EXT` or `ID-facilitator-guide.EXT`. */
export function guideFileName(scenarioId: string, audience: GuideAudience, format: GuideFormat, role?: string): string {
  const base = audience === 'participants' ? `${scenarioId}-situation-manual${role ? `-${role}` : ''}` : `${scenarioId}-facilitator-guide`;
  return `${base}.${format}`;
}
