// The Author view's starting points, one per level: the least a scenario needs to load (drillbook
// validate accepts each), with comments that say what to fill in. The lint's warnings on them
// (an objective without a runbook step, a role with nothing to do) are the author's to-do list.
// The Library's "New from template" offers core/author/templates.ts instead: complete small
// scenarios with no finding, to run as they are.
import type { Level } from '../../../core/scenario/types.ts';

const PLAN: Record<Level, { duration: string; roles: [string, string, string][] }> = {
  beginner: { duration: '30m', roles: [['incident-commander', 'Incident Commander', 'You lead the response and decide who does what.']] },
  intermediate: {
    duration: '45m',
    roles: [
      ['incident-commander', 'Incident Commander', 'You lead the response and decide who does what.'],
      ['ml-engineer', 'ML engineer', 'You own the model and its pipeline.'],
    ],
  },
  advanced: {
    duration: '60m',
    roles: [
      ['incident-commander', 'Incident Commander', 'You lead the response and decide who does what.'],
      ['ml-engineer', 'ML engineer', 'You own the model and its pipeline.'],
      ['comms-lead', 'Communications lead', 'You keep customers and the business informed.'],
    ],
  },
};

export function blankScenario(level: Level): string {
  const { duration, roles } = PLAN[level];
  return `format: drillbook/scenario@1
id: new-${level}-scenario
title: New ${level} scenario
level: ${level}
duration: ${duration}
# What happens, to whom, and what the team must decide (markdown).
summary: |
  Describe the situation the team walks into.

objectives:
  - id: first-objective
    title: The first thing the team should do well

roles:
${roles.map(([id, title, brief]) => `  - id: ${id}\n    title: ${title}\n    brief: ${brief}\n`).join('')}
# The master scenario events list: what arrives, when, to whom.
injects:
  - id: first-alert
    at: 0:00
    to: all
    channel: alert
    title: The first alert
    body: Something is wrong. Say what you do first.
`;
}

/** A file name for a scenario's text: its id, else its title, as a slug. */
export function fileNameFor(id: unknown, title: unknown): string {
  const base = String(typeof id === 'string' && id ? id : typeof title === 'string' ? title : 'scenario')
    .toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return `${base || 'scenario'}.yaml`;
}
