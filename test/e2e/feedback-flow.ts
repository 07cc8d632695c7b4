// The participant feedback form (issue 18 item 1) as a person fills it on their own device, in the
// real Chromium: used by the exercise flow once the session has ended.
import type { Page } from 'playwright-core';

export interface FeedbackAnswers {
  strength: string;
  improvement: string;
  action: string;
  priority: 'High' | 'Medium' | 'Low';
  owner: string;
  design: number;
  conduct: number;
}

/** Fills the seat's feedback form and sends it; resolves once the seat says it was sent. */
export async function giveFeedback(page: Page, answers: FeedbackAnswers): Promise<void> {
  const form = page.getByRole('form', { name: 'Feedback form' });
  await form.waitFor({ timeout: 30_000 });
  await form.getByRole('textbox', { name: 'Strength 1', exact: true }).fill(answers.strength);
  await form.getByRole('textbox', { name: 'Area for improvement 1', exact: true }).fill(answers.improvement);
  await form.getByRole('textbox', { name: 'Action 1', exact: true }).fill(answers.action);
  await form.getByRole('combobox', { name: 'Priority of action 1', exact: true }).selectOption({ label: answers.priority });
  await form.getByRole('textbox', { name: 'Who should own action 1', exact: true }).fill(answers.owner);
  await form.getByRole('radiogroup', { name: /design/ }).getByRole('radio', { name: String(answers.design), exact: true }).check();
  await form.getByRole('radiogroup', { name: /conduct/ }).getByRole('radio', { name: String(answers.conduct), exact: true }).check();
  await form.getByRole('button', { name: 'Send my feedback' }).click();
  await form.getByText('Thank you: your feedback was sent.').waitFor();
}
