// A scenario for the LAN tests: three roles, private injects, `expect` keys and facilitator notes
// carrying canary strings that no role and no room screen may ever receive, and a branch (an inject
// sent when bravo picks `left`). At speed 10 the timed injects arrive within a second or two.
export const LAN_SCENARIO = `format: drillbook/scenario@1
id: lan-drill
title: LAN drill
duration: 2m
summary: A short drill for the LAN server tests.
objectives:
  - id: obj
    title: CANARY_OBJECTIVE_TITLE
roles:
  - id: alpha
    title: Alpha lead
    brief: CANARY_ALPHA_BRIEF
  - id: bravo
    title: Bravo lead
  - id: charlie
    title: Charlie lead
injects:
  - id: public
    at: 0s
    to: all
    channel: news
    title: Public headline for everyone
    body: Everyone reads this.
    facilitator_notes: CANARY_NOTES_PUBLIC
  - id: secret-alpha
    at: 1s
    to: [alpha]
    channel: email
    title: CANARY_ALPHA_TITLE
    body: CANARY_ALPHA_BODY
    facilitator_notes: CANARY_NOTES_ALPHA
    prompts:
      - id: alpha-text
        role: alpha
        type: text
        ask: CANARY_ALPHA_ASK
        expect: {keywords: [[CANARYKEYWORD]], within: 2m}
        objective: obj
        points: 37
  - id: bravo-question
    at: 2s
    to: [bravo]
    channel: chat
    title: Bravo question
    body: Pick one.
    prompts:
      - id: bravo-choice
        role: bravo
        type: choice
        ask: Which way?
        options:
          - {id: left, label: Left}
          - {id: right, label: Right}
        expect: {best: [left], acceptable: [right], acceptable_credit: 0.3}
        objective: obj
        points: 41
  - id: charlie-later
    at: 20s
    to: [charlie]
    channel: ticket
    title: Charlie ticket
    body: A ticket for charlie.
    prompts:
      - id: charlie-ok
        role: charlie
        type: choice
        ask: Acknowledge?
        options:
          - {id: yes, label: "Yes"}
          - {id: no, label: "No"}
        expect: {best: [yes]}
        objective: obj
  - id: branch-left
    when: {answered: bravo-choice, with: [left]}
    to: [alpha, bravo]
    channel: alert
    title: Branch fired
    body: Because bravo went left.
    facilitator_notes: CANARY_NOTES_BRANCH
actions:
  - id: alpha-action
    title: CANARY_ALPHA_ACTION_TITLE
    roles: [alpha]
runbook:
  - id: step-one
    step: CANARY_STEP_TEXT
    objective: obj
    by: 1m
    met_by: [{prompt: bravo-choice, with: [left]}]
debrief:
  questions: [CANARY_HOTWASH_QUESTION]
`;

/** Strings no role (other than alpha for its own) and no room screen may receive. */
export const SHARED_CANARIES = [
  'CANARY_OBJECTIVE_TITLE', 'CANARY_NOTES_PUBLIC', 'CANARY_NOTES_ALPHA', 'CANARY_NOTES_BRANCH', 'CANARYKEYWORD', 'CANARY_STEP_TEXT',
  'CANARY_HOTWASH_QUESTION', 'CANARY_FACILITATOR_NOTE', 'acceptable_credit', '"expect"', '"points"', 'CANARY_ALPHA_GRADE',
];
/** Alpha's own: alpha may see them, nobody else. */
export const ALPHA_CANARIES = ['CANARY_ALPHA_BRIEF', 'CANARY_ALPHA_TITLE', 'CANARY_ALPHA_BODY', 'CANARY_ALPHA_ASK', 'CANARY_ALPHA_ANSWER'];
