// A small scenario for real-time host tests: injects seconds apart, so that at speed 10 they
// arrive within a fraction of a second.
export const QUICK_SCENARIO = `format: drillbook/scenario@1
id: quick-drill
title: Quick drill
duration: 2m
summary: A short drill for host tests.
objectives:
  - id: respond
    title: Respond
roles:
  - id: ic
    title: Incident Commander
  - id: eng
    title: Engineer
actions:
  - id: page
    title: Page the team
injects:
  - id: alert
    at: 0s
    to: all
    channel: alert
    title: Error rate up
    body: Errors are rising.
    prompts:
      - id: severity
        role: ic
        ask: Severity?
        type: choice
        options:
          - {id: sev1, label: SEV1}
          - {id: sev2, label: SEV2}
        expect: {best: [sev1]}
        objective: respond
  - id: second
    at: 2s
    to: [eng]
    channel: chat
    title: Second
    body: Still rising.
  - id: third
    at: 4s
    to: all
    channel: news
    title: Third
    body: In the news.
  - id: fourth
    at: 6s
    to: [ic]
    channel: email
    title: Fourth
    body: An email.
runbook:
  - id: declare
    step: Declare a SEV1
    objective: respond
    by: 1m
    met_by:
      - {prompt: severity, with: [sev1]}
`;
