// A scenario with canary strings in every place a role or the room screen must never see: another
// role's inject, facilitator notes, `expect` keywords and options, objectives, runbook steps, and
// the answers another role gives.
export const CANARY_SCENARIO = `format: drillbook/scenario@1
id: canary-drill
title: Canary drill
duration: 10m
summary: Everyone sees this summary.
objectives:
  - id: obj
    title: CANARY_OBJECTIVE_TITLE
roles:
  - id: alpha
    title: Alpha lead
    brief: CANARY_ALPHA_BRIEF
  - id: bravo
    title: Bravo lead
    brief: Bravo brief, visible to bravo.
actions:
  - id: alpha-only
    title: CANARY_ALPHA_ACTION
    roles: [alpha]
injects:
  - id: public
    at: 0s
    to: all
    channel: news
    title: Public headline for everyone
    body: "Room text <script>alert('x')</script> and <img src=x onerror=alert(1)>"
    facilitator_notes: CANARY_NOTES_PUBLIC
  - id: secret-alpha
    at: 0s
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
    at: 0s
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
  - id: alpha-consequence
    after: secret-alpha
    delay: 3m
    to: [alpha]
    channel: email
    title: CANARY_CONSEQUENCE_TITLE
    body: CANARY_CONSEQUENCE_BODY
  - id: later-public
    at: 8m
    to: all
    channel: news
    title: A later headline for everyone
    body: Later.
runbook:
  - id: step-one
    step: CANARY_STEP_TEXT
    objective: obj
    by: 5m
    met_by: [{prompt: bravo-choice, with: [left]}]
debrief:
  questions: [CANARY_HOTWASH_QUESTION]
`;

export const CANARIES = [
  'CANARY_OBJECTIVE_TITLE', 'CANARY_ALPHA_BRIEF', 'CANARY_ALPHA_ACTION', 'CANARY_NOTES_PUBLIC', 'CANARY_ALPHA_TITLE',
  'CANARY_ALPHA_BODY', 'CANARY_NOTES_ALPHA', 'CANARY_ALPHA_ASK', 'CANARYKEYWORD', 'CANARY_STEP_TEXT', 'CANARY_HOTWASH_QUESTION',
  'CANARY_ALPHA_ANSWER', 'CANARY_FACILITATOR_NOTE', 'CANARY_CONSEQUENCE_TITLE', 'CANARY_CONSEQUENCE_BODY',
];
